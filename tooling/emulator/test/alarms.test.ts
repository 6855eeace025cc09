import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { seedManagedObjects, startEmulator, type Emulator } from '../src/index.js';
import { client, DATA_TENANTS, DEVICE, PLAIN, READER, vnd, type Json, type Page } from './device-data-helpers.js';

const A = '/alarm/alarms';
const t = (s: number): string => new Date(Date.UTC(2024, 0, 1) + s * 1000).toISOString();
const alarm = (source: string, sec: number, extra: Json = {}): Json => ({
  source: { id: source },
  type: 'c8y_TemperatureAlarm',
  text: 'too hot',
  severity: 'MAJOR',
  time: t(sec),
  ...extra,
});

describe('alarms', () => {
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

  it('POST → 201: status ACTIVE by default, count 1, source with name, server timestamps', async () => {
    emu.clock.set('2024-06-01T10:00:00.000Z');
    const res = await c.call('POST', A, { ...alarm(dev, 0), c8y_Extra: { x: 1 } }, { 'Content-Type': vnd('alarm') });
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toBe(vnd('alarm'));
    const body = (await res.json()) as Json;
    expect(body).toEqual({
      id: body.id,
      self: `${emu.url}${A}/${String(body.id)}`,
      source: { id: dev, name: 'Dev 1', self: `${emu.url}/inventory/managedObjects/${dev}` },
      type: 'c8y_TemperatureAlarm',
      text: 'too hot',
      severity: 'MAJOR',
      status: 'ACTIVE',
      time: t(0),
      count: 1,
      creationTime: '2024-06-01T10:00:00.000Z',
      lastUpdated: '2024-06-01T10:00:00.000Z',
      c8y_Extra: { x: 1 },
    });
    expect(res.headers.get('location')).toBe(body.self);
  });

  it('validation: mandatory fields, severity and status enums, unknown source → 422', async () => {
    expect(await c.fail('POST', A, { source: { id: dev }, type: 'x', text: 't' })).toEqual({
      status: 422,
      body: expect.objectContaining({ message: 'Following mandatory fields should be included: severity,time' }),
    });
    expect(await c.fail('POST', A, alarm(dev, 0, { severity: 'HIGH' }))).toEqual({ status: 422, body: expect.objectContaining({ error: 'alarm/Invalid Data' }) });
    expect((await c.fail('POST', A, alarm(dev, 0, { status: 'OPEN' }))).status).toBe(422);
    expect((await c.fail('POST', A, alarm('777777', 0))).status).toBe(422);
    const a = await c.post(A, alarm(dev, 0));
    expect((await c.fail('PUT', `${A}/${String(a.id)}`, { severity: 'minor' })).status).toBe(422);
    expect((await c.fail('PUT', `${A}/${String(a.id)}`, { status: 'DONE' })).status).toBe(422);
    expect((await c.fail('GET', `${A}?status=DONE`)).status).toBe(422);
  });

  it('de-duplication: same source+type while ACTIVE/ACKNOWLEDGED increments count, updates time, keeps firstOccurrenceTime; CLEARED ones are not deduplicated', async () => {
    const first = await c.post(A, alarm(dev, 0));
    const second = await c.post(A, alarm(dev, 60, { text: 'ignored', severity: 'CRITICAL' }));
    expect(second).toMatchObject({ id: first.id, count: 2, time: t(60), firstOccurrenceTime: t(0), text: 'too hot', severity: 'MAJOR' });
    await c.put(`${A}/${String(first.id)}`, { status: 'ACKNOWLEDGED' });
    expect(await c.post(A, alarm(dev, 120))).toMatchObject({ id: first.id, count: 3, time: t(120), firstOccurrenceTime: t(0), status: 'ACKNOWLEDGED' });
    // Other source or type → new alarm.
    expect((await c.post(A, alarm(dev2, 0))).id).not.toBe(first.id);
    expect((await c.post(A, alarm(dev, 0, { type: 'other' }))).id).not.toBe(first.id);
    // A CLEARED alarm is not a dedupe target; a new one is created and becomes the target.
    await c.put(`${A}/${String(first.id)}`, { status: 'CLEARED' });
    const fresh = await c.post(A, alarm(dev, 180));
    expect(fresh.id).not.toBe(first.id);
    expect(fresh.count).toBe(1);
    expect(fresh.firstOccurrenceTime).toBeUndefined();
    expect((await c.post(A, alarm(dev, 240))).id).toBe(fresh.id);
    // POSTing a CLEARED alarm always creates a new one.
    const cleared1 = await c.post(A, alarm(dev, 300, { status: 'CLEARED' }));
    const cleared2 = await c.post(A, alarm(dev, 301, { status: 'CLEARED' }));
    expect(cleared1.id).not.toBe(cleared2.id);
    expect(cleared1.id).not.toBe(fresh.id);
  });

  it('PUT by id: text/status/severity/custom change, lastUpdated bumps; differing source/type/time → 422; writes audit records; no DELETE by id', async () => {
    emu.clock.set('2024-06-01T10:00:00.000Z');
    const a = await c.post(A, alarm(dev, 0));
    emu.clock.advance(5000);
    const updated = await c.put(`${A}/${String(a.id)}`, { ...a, status: 'ACKNOWLEDGED', severity: 'MINOR', text: 'cooler', c8y_Note: 'n' });
    expect(updated).toEqual({ ...a, status: 'ACKNOWLEDGED', severity: 'MINOR', text: 'cooler', c8y_Note: 'n', lastUpdated: '2024-06-01T10:00:05.000Z' });
    emu.clock.advance(5000);
    // A no-op update changes nothing (no lastUpdated bump, no audit record).
    expect(await c.put(`${A}/${String(a.id)}`, { status: 'ACKNOWLEDGED' })).toEqual(updated);
    expect((await c.fail('PUT', `${A}/${String(a.id)}`, { type: 'other' })).status).toBe(422);
    expect((await c.fail('PUT', `${A}/${String(a.id)}`, { time: t(5) })).status).toBe(422);
    expect((await c.fail('PUT', `${A}/${String(a.id)}`, { source: { id: dev2 } })).status).toBe(422);
    expect(await c.fail('GET', `${A}/888888`)).toEqual({
      status: 404,
      body: expect.objectContaining({ error: 'alarm/Not Found', message: 'Finding alarm from database failed' }),
    });
    expect(await c.status('DELETE', `${A}/${String(a.id)}`)).toBe(405);
    const audits = await c.items(`/audit/auditRecords?type=Alarm&pageSize=10`, 'auditRecords');
    expect(audits.map((r) => r.activity)).toEqual(['Alarm updated', 'Alarm created']);
    expect(audits[0]).toMatchObject({
      source: { id: dev },
      user: 'admin',
      changes: expect.arrayContaining([{ attribute: 'status', changeType: 'REPLACED', previousValue: 'ACTIVE', newValue: 'ACKNOWLEDGED' }]),
    });
  });

  describe('collection', () => {
    let ids: Record<string, string>;
    beforeEach(async () => {
      ids = {};
      const add = async (name: string, body: Json) => (ids[name] = String((await c.post(A, body)).id));
      emu.clock.set('2024-02-01T00:00:00.000Z');
      await add('a10', alarm(dev, 10, { severity: 'CRITICAL' }));
      emu.clock.advance(1000);
      await add('a0', alarm(dev, 0, { type: 'c8y_Door', severity: 'MINOR', status: 'ACKNOWLEDGED' }));
      emu.clock.advance(1000);
      await add('b5', alarm(dev2, 5, { severity: 'WARNING', status: 'CLEARED' }));
      emu.clock.advance(1000);
      await add('a20', alarm(dev, 20, { type: 'c8y_Power' }));
    });

    it('newest first; media type; paging', async () => {
      const res = await c.call('GET', `${A}?pageSize=10`);
      expect(res.headers.get('content-type')).toBe(vnd('alarmcollection'));
      expect(((await res.json()) as Page).alarms as Json[]).toHaveLength(4);
      expect(await c.ids(`${A}?pageSize=10`, 'alarms')).toEqual([ids.a20, ids.a10, ids.b5, ids.a0]);
      const p = await c.get<Page>(`${A}?pageSize=3&withTotalPages=true`);
      expect(p.statistics).toEqual({ currentPage: 1, pageSize: 3, totalPages: 2 });
      expect(p.next).toBeDefined();
    });

    it('filters: status/severity/type comma lists, resolved precedence, source, date ranges (closed-open)', async () => {
      expect(await c.ids(`${A}?pageSize=10&status=ACTIVE`, 'alarms')).toEqual([ids.a20, ids.a10]);
      expect(await c.ids(`${A}?pageSize=10&status=ACTIVE,ACKNOWLEDGED`, 'alarms')).toEqual([ids.a20, ids.a10, ids.a0]);
      expect(await c.ids(`${A}?pageSize=10&severity=CRITICAL,WARNING`, 'alarms')).toEqual([ids.a10, ids.b5]);
      expect(await c.ids(`${A}?pageSize=10&type=c8y_Door,c8y_Power`, 'alarms')).toEqual([ids.a20, ids.a0]);
      expect(await c.ids(`${A}?pageSize=10&resolved=true&status=ACTIVE`, 'alarms')).toEqual([ids.b5]);
      expect(await c.ids(`${A}?pageSize=10&resolved=false`, 'alarms')).toEqual([ids.a20, ids.a10, ids.a0]);
      expect(await c.ids(`${A}?pageSize=10&source=${dev2}`, 'alarms')).toEqual([ids.b5]);
      expect(await c.ids(`${A}?pageSize=10&dateFrom=${t(5)}&dateTo=${t(20)}`, 'alarms')).toEqual([ids.a10, ids.b5]);
      expect(await c.ids(`${A}?pageSize=10&createdFrom=2024-02-01T00:00:01.000Z&createdTo=2024-02-01T00:00:03.000Z`, 'alarms')).toEqual([ids.b5, ids.a0]);
      expect(await c.ids(`${A}?pageSize=10&lastUpdatedFrom=2024-02-01T00:00:03.000Z`, 'alarms')).toEqual([ids.a20]);
      expect((await c.fail('GET', `${A}?withSourceAssets=true`)).status).toBe(422);
    });

    it('count: a bare number (text/plain, or JSON when asked) with the same filters', async () => {
      const plain = await c.call('GET', `${A}/count?status=ACTIVE`, undefined, { Accept: 'text/plain' });
      expect(plain.status).toBe(200);
      expect(plain.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(await plain.text()).toBe('2');
      const json = await c.call('GET', `${A}/count?resolved=false&severity=MINOR,CRITICAL`);
      expect(json.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await json.json()).toBe(2);
      expect(await (await c.call('GET', `${A}/count`)).json()).toBe(4);
      expect(await (await c.call('GET', `${A}/count?source=${dev}&type=c8y_Power`)).json()).toBe(1);
    });

    it('bulk PUT by filter: 422 without query parameters or status, 200 and only matches change', async () => {
      expect((await c.fail('PUT', A, { status: 'CLEARED' })).status).toBe(422);
      expect((await c.fail('PUT', `${A}?source=${dev}`, {})).status).toBe(422);
      expect((await c.fail('PUT', `${A}?source=${dev}`, { status: 'CLEARED', severity: 'MINOR' })).status).toBe(422);
      expect((await c.fail('PUT', `${A}?source=${dev}`, { status: 'GONE' })).status).toBe(422);
      const res = await c.call('PUT', `${A}?source=${dev}&status=ACTIVE`, { status: 'CLEARED' }, { 'Content-Type': vnd('alarm') });
      expect(res.status).toBe(200);
      expect(await res.text()).toBe('');
      expect(await c.ids(`${A}?pageSize=10&status=CLEARED`, 'alarms')).toEqual([ids.a20, ids.a10, ids.b5]);
      expect((await c.get(`${A}/${String(ids.a0)}`)).status).toBe('ACKNOWLEDGED');
      // A cleared alarm no longer de-duplicates.
      expect((await c.post(A, alarm(dev, 30))).id).not.toBe(ids.a10);
    });

    it('DELETE by filter: 422 without source/date/created parameters; 204 removes matches only', async () => {
      expect((await c.fail('DELETE', `${A}?status=CLEARED`)).status).toBe(422);
      expect(await c.status('DELETE', `${A}?source=${dev}&severity=CRITICAL,MINOR`)).toBe(204);
      expect(await c.ids(`${A}?pageSize=10`, 'alarms')).toEqual([ids.a20, ids.b5]);
      expect(await c.status('DELETE', `${A}?createdFrom=2024-01-01&resolved=true`)).toBe(204);
      expect(await c.ids(`${A}?pageSize=10`, 'alarms')).toEqual([ids.a20]);
      // The deleted ACTIVE alarm no longer de-duplicates.
      expect((await c.post(A, alarm(dev, 40, { severity: 'CRITICAL' }))).count).toBe(1);
    });
  });

  it('upsert: 201 when creating (defaults MAJOR/ACTIVE, time now), 200 updating the open alarm without touching time/count', async () => {
    emu.clock.set('2024-06-01T10:00:00.000Z');
    const created = await c.post(`${A}/upsert`, { source: { id: dev }, type: 'c8y_Up' });
    expect(created).toMatchObject({ severity: 'MAJOR', status: 'ACTIVE', time: '2024-06-01T10:00:00.000Z', count: 1 });
    const updated = await c.json('POST', `${A}/upsert`, { source: { id: dev }, type: 'c8y_Up', severity: 'CRITICAL', text: 'now', time: t(0) }, 200);
    expect(updated).toMatchObject({ id: created.id, severity: 'CRITICAL', text: 'now', time: '2024-06-01T10:00:00.000Z', count: 1 });
    expect((await c.fail('POST', `${A}/upsert`, { source: { id: dev } })).status).toBe(422);
  });

  it('maintenance mode suppresses alarms: self ends in /alarm/alarms/null and nothing is stored', async () => {
    const m = await c.device({ name: 'maint', c8y_Availability: { status: 'MAINTENANCE' } });
    const a = await c.post(A, alarm(m, 0));
    expect(a.self).toBe(`${emu.url}/alarm/alarms/null`);
    expect(await c.ids(`${A}?source=${m}`, 'alarms')).toEqual([]);
  });

  it('permissions: device users only their sources; READ users cannot update; without ROLE_ALARM_READ only owned sources are listed and counted', async () => {
    const [own] = seedManagedObjects(emu, 't100', [{ name: 'mine', c8y_IsDevice: {}, owner: 'device_abc' }]);
    const d = client(emu, DEVICE);
    const mine = await d.post(A, alarm(String(own), 0));
    expect((await d.fail('POST', A, alarm(dev, 0))).status).toBe(403);
    const theirs = await c.post(A, alarm(dev, 0));
    expect(await d.ids(`${A}?pageSize=10`, 'alarms')).toEqual([mine.id]);
    expect(await (await d.call('GET', `${A}/count`)).json()).toBe(1);
    expect(await d.status('GET', `${A}/${String(theirs.id)}`)).toBe(403);
    expect(await d.status('PUT', `${A}/${String(mine.id)}`, { status: 'CLEARED' })).toBe(200);
    const r = client(emu, READER);
    expect(await r.ids(`${A}?pageSize=10`, 'alarms')).toHaveLength(2);
    expect(await r.status('PUT', `${A}/${String(theirs.id)}`, { status: 'CLEARED' })).toBe(403);
    expect(await r.status('PUT', `${A}?source=${dev}`, { status: 'CLEARED' })).toBe(403);
    expect(await client(emu, PLAIN).ids(A, 'alarms')).toEqual([]);
  });
});
