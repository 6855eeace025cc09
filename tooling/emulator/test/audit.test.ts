import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { startEmulator, type Emulator } from '../src/index.js';
import { client, DATA_TENANTS, PLAIN, READER, vnd, type Json, type Page } from './device-data-helpers.js';

const AR = '/audit/auditRecords';
const record = (extra: Json = {}): Json => ({
  activity: 'Operation created',
  source: { id: '251982' },
  text: "Operation created: status='PENDING'",
  time: '2024-01-01T00:00:00.000Z',
  type: 'Operation',
  ...extra,
});

describe('audit records', () => {
  let emu: Emulator;
  let c: ReturnType<typeof client>;
  beforeAll(async () => {
    emu = await startEmulator({ tenants: DATA_TENANTS });
    c = client(emu);
  });
  beforeEach(() => {
    emu.reset();
    emu.clock.set('2024-06-01T10:00:00.000Z');
  });
  afterAll(() => emu.stop());

  it('POST → 201 with id, self, source link, creationTime; user defaults to the caller; GET by id returns it', async () => {
    const res = await c.call('POST', AR, { ...record(), c8y_Custom: { a: 1 } }, { 'Content-Type': vnd('auditrecord') });
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toBe(vnd('auditrecord'));
    const body = (await res.json()) as Json;
    expect(body).toEqual({
      id: body.id,
      self: `${emu.url}${AR}/${String(body.id)}`,
      source: { id: '251982', self: `${emu.url}/inventory/managedObjects/251982` },
      activity: 'Operation created',
      text: "Operation created: status='PENDING'",
      type: 'Operation',
      time: '2024-01-01T00:00:00.000Z',
      creationTime: '2024-06-01T10:00:00.000Z',
      user: 'admin',
      c8y_Custom: { a: 1 },
    });
    expect(await c.get(`${AR}/${String(body.id)}`)).toEqual(body);
    expect((await c.post(AR, record({ user: 'rina' }))).user).toBe('rina');
  });

  it('422 for missing mandatory fields, an unknown type or a bad time; 404 unknown id; PUT/DELETE → 405', async () => {
    expect(await c.fail('POST', AR, { activity: 'a', type: 'Alarm' })).toEqual({
      status: 422,
      body: expect.objectContaining({ message: 'Following mandatory fields should be included: source,text,time' }),
    });
    expect((await c.fail('POST', AR, record({ type: 'Banana' }))).status).toBe(422);
    expect((await c.fail('POST', AR, record({ time: 'soon' }))).status).toBe(422);
    expect(await c.fail('GET', `${AR}/123123`)).toEqual({ status: 404, body: expect.objectContaining({ error: 'audit/Not Found' }) });
    const r = await c.post(AR, record());
    expect(await c.status('PUT', `${AR}/${String(r.id)}`, { text: 'x' })).toBe(405);
    expect(await c.status('DELETE', `${AR}/${String(r.id)}`)).toBe(405);
    expect(await c.status('DELETE', AR)).toBe(405);
  });

  it('collection: newest first; filters source, type, user, application, dateFrom/dateTo (closed-open); paging', async () => {
    const ids: string[] = [];
    for (const [i, extra] of [
      [0, { type: 'Alarm', source: { id: '1' } }],
      [1, { type: 'Operation', source: { id: '2' }, user: 'bob' }],
      [2, { type: 'Alarm', source: { id: '2' } }],
    ] as const)
      ids.push(String((await c.post(AR, record({ ...extra, time: `2024-01-01T00:00:0${i}.000Z` }))).id));
    const res = await c.call('GET', `${AR}?pageSize=10`);
    expect(res.headers.get('content-type')).toBe(vnd('auditrecordcollection'));
    expect(((await res.json()) as Page).auditRecords as Json[]).toHaveLength(3);
    expect(await c.ids(`${AR}?pageSize=10`, 'auditRecords')).toEqual([ids[2], ids[1], ids[0]]);
    expect(await c.ids(`${AR}?pageSize=10&type=Alarm`, 'auditRecords')).toEqual([ids[2], ids[0]]);
    expect(await c.ids(`${AR}?pageSize=10&source=2`, 'auditRecords')).toEqual([ids[2], ids[1]]);
    expect(await c.ids(`${AR}?pageSize=10&user=bob`, 'auditRecords')).toEqual([ids[1]]);
    expect(await c.ids(`${AR}?pageSize=10&application=cockpit`, 'auditRecords')).toEqual([]);
    expect(await c.ids(`${AR}?pageSize=10&dateFrom=2024-01-01T00:00:01.000Z&dateTo=2024-01-01T00:00:02.000Z`, 'auditRecords')).toEqual([ids[1]]);
    const p = await c.get<Page>(`${AR}?pageSize=2&currentPage=2&withTotalElements=true`);
    expect((p.auditRecords as Json[]).map((x) => x.id)).toEqual([ids[0]]);
    expect(p.statistics.totalElements).toBe(3);
  });

  it('roles: READ users read but cannot create; users without audit roles get 403', async () => {
    const r = await c.post(AR, record());
    const reader = client(emu, READER);
    expect(await reader.status('GET', `${AR}/${String(r.id)}`)).toBe(200);
    expect(await reader.status('POST', AR, record())).toBe(403);
    expect(await client(emu, PLAIN).status('GET', AR)).toBe(403);
  });
});
