import { beforeAll, describe, expect, it } from '@jest/globals';
import { ManagedObject } from '@c8y/model';
import { isCumulocityError } from '@c8y/rest-core';
import { Events, type EventInit } from '../src/index.js';
import { useEmulator } from './helpers.js';

// Events over real HTTP against the emulator: filters, order, counts, changes, attachments and
// deletes — also while the server answers 429 and 503 at random.

const ctx = useEmulator({ seed: 13 });
let events: Events;

beforeAll(() => {
  events = new Events(ctx.client);
});

const device = async (name: string) => new ManagedObject(ctx.client, { name, c8y_IsDevice: {} }).create();
const at = (minute: number) => new Date(Date.UTC(2025, 0, 1, 0, minute)).toISOString();
const text = async (bytes: Promise<{ bytes: Uint8Array }>) => new TextDecoder().decode((await bytes).bytes);

describe('events against the emulator', () => {
  it('create, filter, order, count, change, attach, delete', async () => {
    const gate = await device('gate');
    const sensor = await device('gate sensor');
    await gate.assignChildDevice(sensor);
    const inits: EventInit[] = [
      ...Array.from({ length: 6 }, (_, index) => ({ type: 'cx_DoorOpened', text: `opened ${index}`, source: gate, time: at(index), cx_Door: index % 2 === 0 ? 'north' : 'south' })),
      { type: 'cx_Motion', text: 'motion', source: sensor, time: at(10) },
    ];
    const created = await events.create(inits, { workers: 4 });
    expect(created.map((event) => event.text)).toEqual(inits.map((init) => init.text));

    // Order: newest first by default; ascending (revert=true) oldest first in a range query.
    expect(await events.getAll({ source: gate }, { asValues: 'text' })).toEqual(['opened 5', 'opened 4', 'opened 3', 'opened 2', 'opened 1', 'opened 0']);
    expect(await events.getAll({ source: gate, after: at(0), ascending: true }, { pageSize: 2, workers: 3, asValues: 'text' })).toEqual([
      'opened 0',
      'opened 1',
      'opened 2',
      'opened 3',
      'opened 4',
      'opened 5',
    ]);
    expect((await events.getLast({ source: gate }))?.text).toBe('opened 5');
    expect((await events.getLast({ source: gate, before: at(3) }))?.text).toBe('opened 2'); // dateTo is exclusive

    // Filters.
    expect(await events.count({ source: gate })).toBe(6);
    expect(await events.count({ source: gate, withSourceDevices: true })).toBe(7);
    expect(await events.count({ source: gate, fragmentType: 'cx_Door', fragmentValue: 'north' })).toBe(3);
    expect(await events.getAll({ source: gate, after: at(2), before: at(4) }, { asValues: 'text' })).toEqual(['opened 3', 'opened 2']);
    expect(await events.count({ source: gate, createdAfter: 'today', updatedAfter: 'today' })).toBe(6);

    // Changes: text and custom fragments.
    const [first] = created;
    if (first === undefined) throw new Error('nothing created');
    first.text = 'opened 0 (checked)';
    const updated = await events.update(first);
    expect(updated.text).toBe('opened 0 (checked)');
    await events.applyTo({ cx_Seen: { by: 'me' } }, created.slice(1, 3), { workers: 2 });
    expect(await events.count({ source: gate, fragmentType: 'cx_Seen' })).toBe(2);

    // Attachments: create, read, replace, find by c8y_IsBinary, delete.
    const info = await events.createAttachment(first, 'first log', { filename: 'log.txt', contentType: 'text/plain' });
    expect(info).toMatchObject({ name: 'log.txt', type: 'text/plain' });
    expect(await text(events.readAttachment(first))).toBe('first log');
    const conflict = await events.createAttachment(first, 'again').catch((error: unknown) => error);
    expect(isCumulocityError(conflict, 'ConflictError')).toBe(true);
    await events.updateAttachment(first, new TextEncoder().encode('second log'), { contentType: 'text/plain' });
    const download = await events.downloadAttachment(first.id ?? '');
    expect([download.filename, await new Response(download.body).text()]).toEqual(['log.txt', 'second log']);
    expect((await events.get(first)).get('c8y_IsBinary')).toMatchObject({ name: 'log.txt', length: 10 });
    expect(await events.getAll({ source: gate, fragmentType: 'c8y_IsBinary' }, { asValues: 'id' })).toEqual([first.id]);
    await events.deleteAttachment(first);
    expect(isCumulocityError(await events.readAttachment(first).catch((error: unknown) => error), 'NotFoundError')).toBe(true);

    // Deletes: by id, then by filter.
    await events.delete(created.slice(4, 6), { workers: 2 });
    expect(await events.count({ source: gate })).toBe(4);
    await events.deleteBy({ source: gate, type: 'cx_DoorOpened', before: at(2) });
    expect(await events.getAll({ source: gate, ascending: true, after: at(0) }, { asValues: 'text' })).toEqual(['opened 2', 'opened 3']);
    await events.deleteBy({ source: sensor });
    expect(await events.count({ source: sensor })).toBe(0);
  });

  it('under injected 429s and 503s: every event and attachment written once, read back exactly', async () => {
    const truck = await device('truck');
    ctx.emu.faults.add({ kind: 'rateLimit', retryAfter: 0, method: 'POST', path: '^/event/events', probability: 0.3 });
    ctx.emu.faults.add({ kind: 'error', status: 503, method: 'GET', path: '^/event/events', probability: 0.3 });
    ctx.emu.faults.add({ kind: 'error', status: 503, method: 'PUT', path: '^/event/events', probability: 0.3 });
    ctx.emu.faults.add({ kind: 'error', status: 503, method: 'DELETE', path: '^/event/events', probability: 0.3 });

    const inits = Array.from({ length: 30 }, (_, index) => ({ type: 'cx_Stop', text: `stop ${index}`, source: truck, time: at(index), cx_Stop: { index } }));
    const created = await events.create(inits, { workers: 6 });
    expect(created.map((event) => event.text)).toEqual(inits.map((init) => init.text));
    expect(new Set(created.map((event) => event.id)).size).toBe(30);

    // One attachment each (POST under 429s), replaced for every third (PUT under 503s).
    await Promise.all(created.map((event, index) => events.createAttachment(event, `log ${index}`, { filename: `stop-${index}.txt`, contentType: 'text/plain' })));
    const replaced = created.filter((_, index) => index % 3 === 0);
    await Promise.all(replaced.map((event) => events.updateAttachment(event, `replaced ${String(event.text)}`, { contentType: 'text/plain' })));
    // Changes (PUT under 503s) and deletes of some attachments (DELETE under 503s).
    await events.applyTo({ cx_Checked: {} }, created.slice(0, 10), { workers: 5 });
    await Promise.all(created.slice(25).map((event) => events.deleteAttachment(event)));

    // Read back: exactly the expected data (GET under 503s).
    expect(await events.count({ source: truck })).toBe(30);
    const all = await events.getAll({ source: truck, after: at(0), ascending: true }, { pageSize: 4, workers: 4 });
    expect(all.map((event) => event.text)).toEqual(inits.map((init) => init.text));
    expect(all.filter((event) => event.has('cx_Checked')).map((event) => event.get('cx_Stop.index'))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(await events.count({ source: truck, fragmentType: 'c8y_IsBinary' })).toBe(25);
    const contents = await Promise.all(created.slice(0, 25).map((event) => text(events.readAttachment(event))));
    expect(contents).toEqual(created.slice(0, 25).map((event, index) => (index % 3 === 0 ? `replaced stop ${index}` : `log ${index}`)));
    for (const event of all.slice(0, 25)) expect(event.get('c8y_IsBinary.name')).toBe(`stop-${String(event.get('cx_Stop.index'))}.txt`);

    await events.deleteBy({ source: truck });
    expect(await events.count({ source: truck })).toBe(0);

    const statuses = ctx.emu.requests.filter((request) => request.path.startsWith('/event/events')).map((request) => request.status);
    expect(statuses).toContain(429);
    expect(statuses).toContain(503);
    const binaryPosts = ctx.emu.requests.filter((request) => request.method === 'POST' && /\/binaries$/.test(request.path));
    expect(binaryPosts.filter((request) => request.status === 201)).toHaveLength(30); // each attachment stored once
    expect(binaryPosts.some((request) => request.status === 429)).toBe(true);
  });
});
