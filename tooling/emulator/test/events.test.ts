import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { linkManagedObjects, seedManagedObjects, startEmulator, type Emulator } from '../src/index.js';
import { ADMIN } from './helpers.js';
import { client, DATA_TENANTS, DEVICE, PLAIN, READER, vnd, type Json, type Page } from './device-data-helpers.js';

const E = '/event/events';
const t = (s: number): string => new Date(Date.UTC(2024, 0, 1) + s * 1000).toISOString();
const ev = (source: string, sec: number, extra: Json = {}): Json => ({ source: { id: source }, type: 'c8y_LocationUpdate', text: 'moved', time: t(sec), ...extra });

describe('events', () => {
  let emu: Emulator;
  let c: ReturnType<typeof client>;
  let dev: string;
  let dev2: string;
  beforeAll(async () => {
    emu = await startEmulator({ tenants: DATA_TENANTS });
    c = client(emu);
  });
  beforeEach(async () => {
    emu.reset();
    dev = await c.device({ name: 'Dev 1' });
    dev2 = await c.device({ name: 'Dev 2' });
  });
  afterAll(() => emu.stop());

  it('POST → 201 with the spec shape: string id, self, source link, server-set creationTime/lastUpdated', async () => {
    emu.clock.set('2024-06-01T10:00:00.000Z');
    const res = await c.call('POST', E, { ...ev(dev, 0), id: '1', creationTime: '2000-01-01T00:00:00Z', c8y_Position: { lat: 1, lng: 2 } }, { 'Content-Type': vnd('event') });
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toBe(vnd('event'));
    const body = (await res.json()) as Json;
    expect(body).toEqual({
      id: body.id,
      self: `${emu.url}${E}/${String(body.id)}`,
      source: { id: dev, self: `${emu.url}/inventory/managedObjects/${dev}` },
      type: 'c8y_LocationUpdate',
      text: 'moved',
      time: t(0),
      creationTime: '2024-06-01T10:00:00.000Z',
      lastUpdated: '2024-06-01T10:00:00.000Z',
      c8y_Position: { lat: 1, lng: 2 },
    });
    expect(body.id).not.toBe('1');
    expect(res.headers.get('location')).toBe(body.self);
  });

  it('422 without source/type/text/time, with a bad time or an unknown source; 415 for a foreign vnd type', async () => {
    expect(await c.fail('POST', E, { source: { id: dev }, type: 'x' })).toEqual({
      status: 422,
      body: expect.objectContaining({ error: 'undefined/validationError', message: 'Following mandatory fields should be included: text,time' }),
    });
    expect((await c.fail('POST', E, ev(dev, 0, { time: 'x' }))).status).toBe(422);
    expect((await c.fail('POST', E, ev('123456', 0))).status).toBe(422);
    expect((await c.fail('POST', E, ev(dev, 0), { 'Content-Type': vnd('alarm') })).status).toBe(415);
  });

  it('GET/PUT/DELETE by id: PUT changes only text and custom fragments (null removes), bumps lastUpdated', async () => {
    emu.clock.set('2024-06-01T10:00:00.000Z');
    const e = await c.post(E, ev(dev, 0, { c8y_A: { a: 1 }, c8y_B: 'b' }));
    const id = String(e.id);
    expect(await c.get(`${E}/${id}`)).toEqual(e);
    emu.clock.advance(60_000);
    const updated = await c.put(`${E}/${id}`, { text: 'new text', type: 'other', time: t(99), source: { id: dev2 }, c8y_A: null, c8y_C: { c: 3 } });
    expect(updated).toEqual({ ...e, text: 'new text', c8y_A: undefined, c8y_C: { c: 3 }, lastUpdated: '2024-06-01T10:01:00.000Z' });
    expect(Object.keys(updated)).not.toContain('c8y_A');
    expect(await c.fail('GET', `${E}/999999`)).toEqual({
      status: 404,
      body: expect.objectContaining({ error: 'event/Not Found', message: 'Finding event from database failed' }),
    });
    expect(await c.status('PUT', `${E}/999999`, { text: 'x' })).toBe(404);
    expect(await c.status('DELETE', `${E}/${id}`)).toBe(204);
    expect(await c.status('GET', `${E}/${id}`)).toBe(404);
  });

  describe('collection', () => {
    let ids: Record<string, string>;
    beforeEach(async () => {
      ids = {};
      const add = async (name: string, body: Json) => (ids[name] = String((await c.post(E, body)).id));
      emu.clock.set('2024-02-01T00:00:00.000Z');
      await add('a10', ev(dev, 10, { c8y_Tag: 'red' }));
      emu.clock.advance(1000);
      await add('a0', ev(dev, 0, { type: 'c8y_Other', c8y_Tag: 'blue' }));
      emu.clock.advance(1000);
      await add('b5', ev(dev2, 5, { c8y_Flag: {} }));
      emu.clock.advance(1000);
      await add('a20', ev(dev, 20));
    });

    it('newest first by time; revert=true oldest first; envelope and media type', async () => {
      const res = await c.call('GET', `${E}?pageSize=10`);
      expect(res.headers.get('content-type')).toBe(vnd('eventcollection'));
      const page = (await res.json()) as Page;
      expect((page.events as Json[]).map((e) => e.id)).toEqual([ids.a20, ids.a10, ids.b5, ids.a0]);
      expect(await c.ids(`${E}?pageSize=10&revert=true`, 'events')).toEqual([ids.a0, ids.b5, ids.a10, ids.a20]);
      const p2 = await c.get<Page>(`${E}?pageSize=3&currentPage=2&withTotalElements=true`);
      expect((p2.events as Json[]).map((e) => e.id)).toEqual([ids.a0]);
      expect(p2.statistics.totalElements).toBe(4);
    });

    it('filters source, type, fragmentType, fragmentValue', async () => {
      expect(await c.ids(`${E}?pageSize=10&source=${dev2}`, 'events')).toEqual([ids.b5]);
      expect(await c.ids(`${E}?pageSize=10&type=c8y_Other`, 'events')).toEqual([ids.a0]);
      expect(await c.ids(`${E}?pageSize=10&fragmentType=c8y_Tag`, 'events')).toEqual([ids.a10, ids.a0]);
      expect(await c.ids(`${E}?pageSize=10&fragmentType=c8y_Tag&fragmentValue=blue`, 'events')).toEqual([ids.a0]);
      expect(await c.ids(`${E}?pageSize=10&fragmentType=c8y_Flag&source=${dev}`, 'events')).toEqual([]);
    });

    it('date ranges are closed-open: dateFrom/dateTo (time), createdFrom/createdTo, lastUpdatedFrom/lastUpdatedTo', async () => {
      expect(await c.ids(`${E}?pageSize=10&dateFrom=${t(5)}&dateTo=${t(20)}`, 'events')).toEqual([ids.a10, ids.b5]);
      expect(await c.ids(`${E}?pageSize=10&createdFrom=2024-02-01T00:00:01.000Z&createdTo=2024-02-01T00:00:03.000Z`, 'events')).toEqual([ids.b5, ids.a0]);
      emu.clock.set('2024-03-01T00:00:00.000Z');
      await c.put(`${E}/${String(ids.a0)}`, { text: 'touched' });
      expect(await c.ids(`${E}?pageSize=10&lastUpdatedFrom=2024-03-01`, 'events')).toEqual([ids.a0]);
      expect(await c.ids(`${E}?pageSize=10&lastUpdatedTo=2024-03-01`, 'events')).toEqual([ids.a20, ids.a10, ids.b5]);
      expect((await c.fail('GET', `${E}?createdFrom=bad`)).status).toBe(422);
    });

    it('withSourceDevices/withSourceAssets include direct children of the source; without source → 422', async () => {
      const group = await c.device({ name: 'group', c8y_IsDevice: undefined, c8y_IsDeviceGroup: {} });
      linkManagedObjects(emu, 't100', 'childAssets', group, [dev2]);
      linkManagedObjects(emu, 't100', 'childDevices', dev, [dev2]);
      expect(await c.ids(`${E}?pageSize=10&source=${group}`, 'events')).toEqual([]);
      expect(await c.ids(`${E}?pageSize=10&source=${group}&withSourceAssets=true`, 'events')).toEqual([ids.b5]);
      expect(await c.ids(`${E}?pageSize=10&source=${dev}&withSourceDevices=true`, 'events')).toEqual([ids.a20, ids.a10, ids.b5, ids.a0]);
      expect(await c.ids(`${E}?pageSize=10&source=${dev}&withSourceAssets=true`, 'events')).toEqual([ids.a20, ids.a10, ids.a0]);
      expect((await c.fail('GET', `${E}?withSourceDevices=true`)).status).toBe(422);
    });

    it('DELETE by filter: 422 without source/date/created parameters; removes only matches', async () => {
      expect((await c.fail('DELETE', `${E}?type=c8y_Other`)).status).toBe(422);
      expect(await c.status('DELETE', `${E}?source=${dev}&type=c8y_Other`)).toBe(204);
      expect(await c.ids(`${E}?pageSize=10`, 'events')).toEqual([ids.a20, ids.a10, ids.b5]);
      expect(await c.status('DELETE', `${E}?dateFrom=${t(10)}&fragmentType=c8y_Tag`)).toBe(204);
      expect(await c.ids(`${E}?pageSize=10`, 'events')).toEqual([ids.a20, ids.b5]);
      expect(await c.status('DELETE', `${E}?createdFrom=2024-01-01`)).toBe(204);
      expect(await c.ids(`${E}?pageSize=10`, 'events')).toEqual([]);
    });
  });

  describe('attachments', () => {
    it('raw POST → 201 eventBinary JSON, c8y_IsBinary on the event, GET returns the bytes, 409 on a second POST', async () => {
      const e = await c.post(E, ev(dev, 0));
      const B = `${E}/${String(e.id)}/binaries`;
      const bytes = Buffer.from('hello attachment\n');
      const res = await c.call('POST', B, bytes, { 'Content-Type': 'text/plain', 'Content-Disposition': 'attachment; filename="hello.txt"' });
      expect(res.status).toBe(201);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await res.json()).toEqual({ name: 'hello.txt', self: `${emu.url}${B}`, source: e.id, type: 'text/plain' });
      expect((await c.get(`${E}/${String(e.id)}`)).c8y_IsBinary).toEqual({ name: 'hello.txt', length: bytes.length, type: 'text/plain' });
      expect(await c.ids(`${E}?fragmentType=c8y_IsBinary`, 'events')).toEqual([e.id]);
      const get = await c.call('GET', B);
      expect(get.status).toBe(200);
      expect(get.headers.get('content-type')).toBe('text/plain');
      expect(get.headers.get('content-disposition')).toContain('filename="hello.txt"');
      expect(Buffer.from(await get.arrayBuffer()).equals(bytes)).toBe(true);
      expect(await c.fail('POST', B, 'again', { 'Content-Type': 'text/plain' })).toEqual({
        status: 409,
        body: expect.objectContaining({ error: 'Duplicate', message: 'Attachment already exists' }),
      });
    });

    it('multipart POST, binary PUT replacement → 201, DELETE → 204 and the fragment disappears; 404s', async () => {
      const e = await c.post(E, ev(dev, 0));
      const B = `${E}/${String(e.id)}/binaries`;
      const data = Buffer.from([0, 1, 2, 255, 254, 10, 13, 45, 45]);
      const form = new FormData();
      form.append('object', JSON.stringify({ name: 'blob.bin', type: 'application/x-blob' }));
      form.append('file', new Blob([data], { type: 'application/octet-stream' }), 'blob.bin');
      const post = await fetch(`${emu.url}${B}`, { method: 'POST', headers: { Authorization: ADMIN, Accept: 'application/json' }, body: form });
      expect(post.status).toBe(201);
      expect(await post.json()).toEqual({ name: 'blob.bin', self: `${emu.url}${B}`, source: e.id, type: 'application/x-blob' });
      const got = await c.call('GET', B);
      expect(got.headers.get('content-type')).toBe('application/x-blob');
      expect(Buffer.from(await got.arrayBuffer()).equals(data)).toBe(true);

      const replacement = Buffer.alloc(70_000, 7);
      const put = await c.call('PUT', B, replacement, { 'Content-Type': 'application/octet-stream', 'Content-Disposition': 'attachment; filename="new.bin"' });
      expect(put.status).toBe(201);
      expect(await put.json()).toEqual({ name: 'new.bin', self: `${emu.url}${B}`, source: e.id, type: 'application/octet-stream' });
      expect(Buffer.from(await (await c.call('GET', B)).arrayBuffer()).equals(replacement)).toBe(true);
      expect((await c.get(`${E}/${String(e.id)}`)).c8y_IsBinary).toEqual({ name: 'new.bin', length: 70_000, type: 'application/octet-stream' });

      expect(await c.status('DELETE', B)).toBe(204);
      expect((await c.get(`${E}/${String(e.id)}`)).c8y_IsBinary).toBeUndefined();
      expect(await c.fail('GET', B)).toEqual({ status: 404, body: expect.objectContaining({ message: 'Attachment not found' }) });
      expect(await c.status('DELETE', B)).toBe(404);
      expect(await c.status('POST', `${E}/424242/binaries`, 'x', { 'Content-Type': 'text/plain' })).toBe(404);
    });
  });

  describe('permissions', () => {
    it('device users create and read events only for their own sources; READ users cannot write', async () => {
      const [own] = seedManagedObjects(emu, 't100', [{ name: 'mine', c8y_IsDevice: {}, owner: 'device_abc' }]);
      const d = client(emu, DEVICE);
      const mine = await d.post(E, ev(String(own), 0));
      expect((await d.fail('POST', E, ev(dev, 0))).status).toBe(403);
      const theirs = await c.post(E, ev(dev, 1));
      expect(await d.ids(`${E}?pageSize=10`, 'events')).toEqual([mine.id]);
      expect(await d.status('GET', `${E}/${String(theirs.id)}`)).toBe(403);
      expect(await d.status('PUT', `${E}/${String(mine.id)}`, { text: 'mine' })).toBe(200);
      const r = client(emu, READER);
      expect(await r.ids(`${E}?pageSize=10`, 'events')).toHaveLength(2);
      expect(await r.status('PUT', `${E}/${String(theirs.id)}`, { text: 'x' })).toBe(403);
      expect(await r.status('DELETE', `${E}?source=${dev}`)).toBe(403);
      expect(await client(emu, PLAIN).ids(E, 'events')).toEqual([]);
    });
  });
});
