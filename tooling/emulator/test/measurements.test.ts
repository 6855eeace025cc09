import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { seedManagedObjects, seedMeasurements, startEmulator, type Emulator } from '../src/index.js';
import { ADMIN, rawRequest } from './helpers.js';
import { client, DATA_TENANTS, DEVICE, PLAIN, READER, vnd, type Json, type Page } from './device-data-helpers.js';

const M = '/measurement/measurements';
const t = (s: number): string => new Date(Date.UTC(2024, 0, 1) + s * 1000).toISOString();
const temp = (source: string, sec: number, value: number, extra: Json = {}): Json => ({
  source: { id: source },
  type: 'c8y_Temperature',
  time: t(sec),
  c8y_Temperature: { T: { value, unit: 'C' } },
  ...extra,
});

describe('measurements', () => {
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

  describe('create', () => {
    it('POST → 201 with Location, string id, absolute self and source link; fragments as sent', async () => {
      const res = await c.call('POST', M, temp(dev, 0, 21.5), { 'Content-Type': vnd('measurement').replace(/;.*/, '') });
      expect(res.status).toBe(201);
      expect(res.headers.get('content-type')).toBe(vnd('measurement'));
      const body = (await res.json()) as Json;
      expect(typeof body.id).toBe('string');
      expect(res.headers.get('location')).toBe(`${emu.url}${M}/${String(body.id)}`);
      expect(body).toEqual({
        id: body.id,
        self: `${emu.url}${M}/${String(body.id)}`,
        source: { id: dev, self: `${emu.url}/inventory/managedObjects/${dev}` },
        time: '2024-01-01T00:00:00.000Z',
        type: 'c8y_Temperature',
        c8y_Temperature: { T: { value: 21.5, unit: 'C' } },
      });
    });

    it('keeps a time with offset as sent; without Accept the body is empty', async () => {
      const m = await c.post(M, { ...temp(dev, 0, 1), time: '2024-01-01T01:00:00.000+01:00' });
      expect(m.time).toBe('2024-01-01T01:00:00.000+01:00');
      const raw = await rawRequest(emu.url, {
        method: 'POST',
        path: M,
        headers: { Authorization: ADMIN, 'Content-Type': 'application/json' },
        body: JSON.stringify(temp(dev, 1, 2)),
      });
      expect(raw.status).toBe(201);
      expect(raw.body).toBe('');
      expect(raw.headers.location).toMatch(new RegExp(`${M}/\\d+$`));
    });

    it('drops invalid series of mixed fragments and keeps fragments with only invalid series as plain properties (spec example)', async () => {
      const m = await c.post(M, {
        source: { id: dev },
        time: t(0),
        type: 'temperatureMeasurement',
        c8y_SteamFragment: {
          validSeries_DOUBLE: { value: 3.141592653589793, unit: 'RAD' },
          validSeries_INTEGER: { value: 42, unit: 'C' },
          ignoredField_BOOLEAN: { value: false, unit: 't/f' },
          ignoredField_LIST: { value: [42, 43, 44] },
          ignoredField0: 42,
          ignoredField2: { unit: 'C' },
          ignoredField4: { subseries: { value: 42 } },
        },
        c8y_Plain: { invalidSeries_BOOLEAN: { value: false, unit: 't/f' } },
        note: 'text',
      });
      expect(m.c8y_SteamFragment).toEqual({ validSeries_DOUBLE: { value: 3.141592653589793, unit: 'RAD' }, validSeries_INTEGER: { value: 42, unit: 'C' } });
      expect(m.c8y_Plain).toEqual({ invalidSeries_BOOLEAN: { value: false, unit: 't/f' } });
      expect(m.note).toBe('text');
      expect(await c.get(`${M}/${String(m.id)}`)).toEqual(m);
    });

    it('422 for missing source/type/time, bad time, empty unit, unknown source', async () => {
      expect(await c.fail('POST', M, { type: 'x' })).toEqual({
        status: 422,
        body: expect.objectContaining({ error: 'undefined/validationError', message: 'Following mandatory fields should be included: source,time' }),
      });
      expect((await c.fail('POST', M, { ...temp(dev, 0, 1), time: 'yesterday' })).status).toBe(422);
      expect((await c.fail('POST', M, { ...temp(dev, 0, 1), c8y_Temperature: { T: { value: 1, unit: '' } } })).status).toBe(422);
      expect(await c.fail('POST', M, temp('999999', 0, 1))).toEqual({
        status: 422,
        body: expect.objectContaining({ error: 'measurement/Invalid Data' }),
      });
      expect((await c.fail('POST', M, '[1]')).status).toBe(422);
      expect((await c.fail('POST', M, '{"a":')).status).toBe(400);
      expect(await c.ids(M, 'measurements')).toEqual([]);
    });

    it('collection POST (vnd.measurementcollection) → 201 {measurements}; all or nothing', async () => {
      const res = await c.call('POST', M, { measurements: [temp(dev, 0, 1), temp(dev2, 1, 2)] }, { 'Content-Type': vnd('measurementcollection') });
      expect(res.status).toBe(201);
      expect(res.headers.get('content-type')).toBe(vnd('measurementcollection'));
      const body = (await res.json()) as { measurements: Json[] };
      expect(body.measurements.map((m) => (m.source as Json).id)).toEqual([dev, dev2]);
      expect(body.measurements.every((m) => typeof m.id === 'string' && String(m.self).startsWith(`${emu.url}${M}/`))).toBe(true);
      const bad = await c.fail('POST', M, { measurements: [temp(dev, 2, 1), { source: { id: dev } }] }, { 'Content-Type': vnd('measurementcollection') });
      expect(bad.status).toBe(422);
      expect(await c.ids(`${M}?pageSize=10`, 'measurements')).toEqual(body.measurements.map((m) => m.id));
    });
  });

  describe('by id', () => {
    it('GET → 200 vnd.measurement; unknown → 404 measurement/Not Found; DELETE → 204 then 404', async () => {
      const m = await c.post(M, temp(dev, 0, 1));
      const res = await c.call('GET', `${M}/${String(m.id)}`);
      expect(res.headers.get('content-type')).toBe(vnd('measurement'));
      expect(await res.json()).toEqual(m);
      expect(await c.fail('GET', `${M}/4242`)).toEqual({
        status: 404,
        body: expect.objectContaining({ error: 'measurement/Not Found', message: 'Finding measurement from database failed' }),
      });
      expect(await c.status('DELETE', `${M}/${String(m.id)}`)).toBe(204);
      expect(await c.status('GET', `${M}/${String(m.id)}`)).toBe(404);
      expect(await c.status('DELETE', `${M}/${String(m.id)}`)).toBe(404);
      expect(await c.status('PUT', `${M}/${String(m.id)}`, {})).toBe(405);
    });
  });

  describe('collection', () => {
    let ids: Record<string, string>;
    beforeEach(async () => {
      ids = {};
      const add = async (name: string, body: Json) => (ids[name] = String((await c.post(M, body)).id));
      await add('a0', temp(dev, 0, 10));
      await add('a20', temp(dev, 20, 12));
      await add('a10', temp(dev, 10, 11)); // out of time order on purpose
      await add('b5', temp(dev2, 5, 30));
      await add('p15', { source: { id: dev }, type: 'c8y_Pressure', time: t(15), c8y_Pressure: { P: { value: 1013, unit: 'hPa' } } });
      await add('h25', { source: { id: dev }, type: 'c8y_Temperature', time: t(25), c8y_Temperature: { H: { value: 50 } } });
    });

    it('default order is oldest first (by time, then id); revert=true newest first; collection media type and envelope', async () => {
      const res = await c.call('GET', `${M}?pageSize=10`);
      expect(res.headers.get('content-type')).toBe(vnd('measurementcollection'));
      const page = (await res.json()) as Page;
      expect((page.measurements as Json[]).map((m) => m.id)).toEqual([ids.a0, ids.b5, ids.a10, ids.p15, ids.a20, ids.h25]);
      expect(page.self).toBe(`${emu.url}${M}?pageSize=10&currentPage=1`);
      expect(await c.ids(`${M}?pageSize=10&revert=true`, 'measurements')).toEqual([ids.h25, ids.a20, ids.p15, ids.a10, ids.b5, ids.a0]);
    });

    it('filters: source, type, valueFragmentType, valueFragmentSeries and combinations', async () => {
      expect(await c.ids(`${M}?pageSize=10&source=${dev2}`, 'measurements')).toEqual([ids.b5]);
      expect(await c.ids(`${M}?pageSize=10&type=c8y_Pressure`, 'measurements')).toEqual([ids.p15]);
      expect(await c.ids(`${M}?pageSize=10&source=${dev}&type=c8y_Temperature`, 'measurements')).toEqual([ids.a0, ids.a10, ids.a20, ids.h25]);
      expect(await c.ids(`${M}?pageSize=10&valueFragmentType=c8y_Pressure`, 'measurements')).toEqual([ids.p15]);
      expect(await c.ids(`${M}?pageSize=10&valueFragmentSeries=H`, 'measurements')).toEqual([ids.h25]);
      expect(await c.ids(`${M}?pageSize=10&valueFragmentType=c8y_Temperature&valueFragmentSeries=T&source=${dev}`, 'measurements')).toEqual([
        ids.a0,
        ids.a10,
        ids.a20,
      ]);
      expect(await c.ids(`${M}?pageSize=10&source=nope`, 'measurements')).toEqual([]);
      expect(await c.ids(`${M}?pageSize=10&type=nope`, 'measurements')).toEqual([]);
    });

    it('dateFrom is inclusive, dateTo exclusive; date-only values; invalid date → 422', async () => {
      expect(await c.ids(`${M}?pageSize=10&source=${dev}&dateFrom=${t(10)}&dateTo=${t(20)}`, 'measurements')).toEqual([ids.a10, ids.p15]);
      expect(await c.ids(`${M}?pageSize=10&dateFrom=${t(20)}`, 'measurements')).toEqual([ids.a20, ids.h25]);
      expect(await c.ids(`${M}?pageSize=10&dateTo=${t(5)}`, 'measurements')).toEqual([ids.a0]);
      expect(await c.ids(`${M}?pageSize=10&dateFrom=2024-01-01&dateTo=2024-01-02`, 'measurements')).toHaveLength(6);
      expect(await c.ids(`${M}?pageSize=10&dateFrom=2024-01-02`, 'measurements')).toEqual([]);
      expect((await c.fail('GET', `${M}?dateFrom=notadate`)).status).toBe(422);
    });

    it('pages: next/prev links, totals, empty page after the last full page', async () => {
      const p1 = await c.get<Page>(`${M}?pageSize=4&withTotalElements=true&withTotalPages=true`);
      expect((p1.measurements as Json[]).map((m) => m.id)).toEqual([ids.a0, ids.b5, ids.a10, ids.p15]);
      expect(p1.statistics).toEqual({ currentPage: 1, pageSize: 4, totalElements: 6, totalPages: 2 });
      expect(p1.next).toBe(`${emu.url}${M}?pageSize=4&withTotalElements=true&withTotalPages=true&currentPage=2`);
      const p2 = await c.get<Page>(p1.next ?? '');
      expect((p2.measurements as Json[]).map((m) => m.id)).toEqual([ids.a20, ids.h25]);
      expect(p2.next).toBeUndefined();
      expect(p2.prev).toBe(`${emu.url}${M}?pageSize=4&withTotalElements=true&withTotalPages=true&currentPage=1`);
      const rev = await c.ids(`${M}?pageSize=4&currentPage=2&revert=true`, 'measurements');
      expect(rev).toEqual([ids.b5, ids.a0]);
    });

    it('DELETE by filter: 422 without source/dateFrom/dateTo; closed-open ranges; type and fragmentType narrow it', async () => {
      expect(await c.fail('DELETE', `${M}?type=c8y_Temperature`)).toEqual({ status: 422, body: expect.objectContaining({ error: 'measurement/Invalid Data' }) });
      expect(await c.status('DELETE', `${M}?source=${dev}&dateFrom=${t(10)}&dateTo=${t(20)}&type=c8y_Temperature`)).toBe(204);
      expect(await c.ids(`${M}?pageSize=10`, 'measurements')).toEqual([ids.a0, ids.b5, ids.p15, ids.a20, ids.h25]);
      expect(await c.status('DELETE', `${M}?source=${dev}&fragmentType=c8y_Pressure`)).toBe(204);
      expect(await c.ids(`${M}?pageSize=10`, 'measurements')).toEqual([ids.a0, ids.b5, ids.a20, ids.h25]);
      expect(await c.status('DELETE', `${M}?dateFrom=${t(20)}`)).toBe(204);
      expect(await c.ids(`${M}?pageSize=10`, 'measurements')).toEqual([ids.a0, ids.b5]);
      expect(await c.status('GET', `${M}/${ids.a20}`)).toBe(404);
      expect(await c.status('DELETE', `${M}?source=${dev2}`)).toBe(204);
      expect(await c.ids(`${M}?pageSize=10`, 'measurements')).toEqual([ids.a0]);
    });
  });

  describe('series', () => {
    const S = '/measurement/measurements/series';
    beforeEach(async () => {
      // Two hours of data: speed every 20 min (10, 20, 30 | 40, 50, 60) and accel only in the second hour.
      const ms: Json[] = [];
      [10, 20, 30, 40, 50, 60].forEach((v, i) =>
        ms.push({ source: { id: dev }, type: 'c8y_Speed', time: t(i * 1200), c8y_Speed: { speedX: { value: v, unit: 'km/h' } } }),
      );
      ms.push({ source: { id: dev }, type: 'c8y_Acc', time: t(3600 + 60), c8y_Acc: { ax: { value: -1, unit: 'g' } } });
      ms.push({ source: { id: dev }, type: 'c8y_Acc', time: t(3600 + 120), c8y_Acc: { ax: { value: 3, unit: 'g' } } });
      ms.push({ source: { id: dev2 }, type: 'c8y_Speed', time: t(0), c8y_Speed: { speedX: { value: 999, unit: 'km/h' } } });
      await c.post(M, { measurements: ms }, { 'Content-Type': vnd('measurementcollection') });
    });
    const range = `dateFrom=${t(0)}&dateTo=${t(7200)}`;

    it('without aggregation: one entry per timestamp, min = max, arrays aligned with series, null for gaps', async () => {
      const res = await c.call('GET', `${S}?source=${dev}&${range}`);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      const body = (await res.json()) as Json;
      expect(body.series).toEqual([
        { unit: 'km/h', name: 'speedX', type: 'c8y_Speed' },
        { unit: 'g', name: 'ax', type: 'c8y_Acc' },
      ]);
      expect(body.truncated).toBe(false);
      expect(body.values).toEqual({
        [t(0)]: [{ min: 10, max: 10 }, null],
        [t(1200)]: [{ min: 20, max: 20 }, null],
        [t(2400)]: [{ min: 30, max: 30 }, null],
        [t(3600)]: [{ min: 40, max: 40 }, null],
        [t(3660)]: [null, { min: -1, max: -1 }],
        [t(3720)]: [null, { min: 3, max: 3 }],
        [t(4800)]: [{ min: 50, max: 50 }, null],
        [t(6000)]: [{ min: 60, max: 60 }, null],
      });
    });

    it('series selects and orders; revert=true lists newest first; dateTo is exclusive', async () => {
      const body = await c.get(`${S}?source=${dev}&dateFrom=${t(0)}&dateTo=${t(3660)}&series=c8y_Acc.ax&series=c8y_Speed.speedX&revert=true`);
      // c8y_Acc.ax has no value in range → left out of `series`.
      expect(body.series).toEqual([{ unit: 'km/h', name: 'speedX', type: 'c8y_Speed' }]);
      expect(Object.keys(body.values as Json)).toEqual([t(3600), t(2400), t(1200), t(0)]);
      const both = await c.get(`${S}?source=${dev}&${range}&series=c8y_Acc.ax,c8y_Speed.speedX`);
      expect((both.series as Json[]).map((s) => s.name)).toEqual(['ax', 'speedX']);
    });

    it('aggregationType HOURLY/DAILY: min and max per UTC bucket', async () => {
      const hourly = await c.get(`${S}?source=${dev}&${range}&aggregationType=HOURLY`);
      expect(hourly.values).toEqual({
        [t(0)]: [{ min: 10, max: 30 }, null],
        [t(3600)]: [
          { min: 40, max: 60 },
          { min: -1, max: 3 },
        ],
      });
      const daily = await c.get(`${S}?source=${dev}&${range}&aggregationType=DAILY&series=c8y_Speed.speedX`);
      expect(daily.values).toEqual({ [t(0)]: [{ min: 10, max: 60 }] });
      expect((await c.fail('GET', `${S}?source=${dev}&${range}&aggregationType=WEEKLY`)).status).toBe(422);
    });

    it('aggregationInterval with aggregationFunction: avg, sum, count, stdDevPop, stdDevSamp computed per bucket', async () => {
      const body = await c.get(
        `${S}?source=${dev}&${range}&aggregationInterval=1h&aggregationFunction=avg&aggregationFunction=sum&aggregationFunction=count&aggregationFunction=stdDevPop&aggregationFunction=stdDevSamp`,
      );
      const values = body.values as Record<string, Array<Json | null>>;
      // Hour 1 speed: 10, 20, 30 → avg 20, sum 60, count 3, population sd sqrt(200/3), sample sd 10.
      const h0 = values[t(0)]?.[0] as Record<string, number>;
      expect(h0.avg).toBe(20);
      expect(h0.sum).toBe(60);
      expect(h0.count).toBe(3);
      expect(h0.stdDevPop).toBeCloseTo(Math.sqrt(200 / 3), 10);
      expect(h0.stdDevSamp).toBeCloseTo(10, 10);
      expect(Object.keys(h0).sort()).toEqual(['avg', 'count', 'stdDevPop', 'stdDevSamp', 'sum']);
      // Hour 2 accel: -1, 3 → avg 1, sum 2, count 2.
      expect(values[t(3600)]?.[1]).toMatchObject({ avg: 1, sum: 2, count: 2 });
      // Default functions are min and max; 30m buckets.
      const half = await c.get(`${S}?source=${dev}&${range}&aggregationInterval=30m&series=c8y_Speed.speedX`);
      expect(half.values).toEqual({
        // speed at 0, 20 | 40 | 60, 80 | 100 minutes; keys are the bucket starts
        [t(0)]: [{ min: 10, max: 20 }],
        [t(1800)]: [{ min: 30, max: 30 }],
        [t(3600)]: [{ min: 40, max: 50 }],
        [t(5400)]: [{ min: 60, max: 60 }],
      });
    });

    it('validation: missing source/dateFrom/dateTo → 422; aggregationFunction without aggregationInterval → 400; bad interval/function → 422', async () => {
      expect((await c.fail('GET', `${S}?dateFrom=${t(0)}&dateTo=${t(1)}`)).status).toBe(422);
      expect((await c.fail('GET', `${S}?source=${dev}&dateTo=${t(1)}`)).status).toBe(422);
      expect((await c.fail('GET', `${S}?source=${dev}&${range}&aggregationFunction=avg`)).status).toBe(400);
      expect((await c.fail('GET', `${S}?source=${dev}&${range}&aggregationType=HOURLY&aggregationFunction=avg`)).status).toBe(400);
      expect((await c.fail('GET', `${S}?source=${dev}&${range}&aggregationInterval=0h`)).status).toBe(422);
      expect((await c.fail('GET', `${S}?source=${dev}&${range}&aggregationInterval=1h&aggregationFunction=median`)).status).toBe(422);
    });

    it('more than 5,000 timestamps without aggregation → truncated', async () => {
      seedMeasurements(
        emu,
        't100',
        Array.from({ length: 5001 }, (_, i) => ({ source: dev2, type: 'x', time: Date.UTC(2023, 0, 1) + i * 1000, c8y_X: { x: { value: i } } })),
      );
      const body = await c.get(`${S}?source=${dev2}&dateFrom=2023-01-01&dateTo=2023-01-02`);
      expect(body.truncated).toBe(true);
      const keys = Object.keys(body.values as Json);
      expect(keys).toHaveLength(5000);
      expect(keys[0]).toBe('2023-01-01T00:00:00.000Z');
      expect(body.series).toEqual([{ name: 'x', type: 'c8y_X' }]);
      const agg = await c.get(`${S}?source=${dev2}&dateFrom=2023-01-01&dateTo=2023-01-02&aggregationType=DAILY`);
      expect(agg).toEqual({ values: { '2023-01-01T00:00:00.000Z': [{ min: 0, max: 5000 }] }, series: [{ name: 'x', type: 'c8y_X' }], truncated: false });
    });
  });

  describe('permissions', () => {
    it('a device user writes and reads only measurements of sources it owns', async () => {
      const [own] = seedManagedObjects(emu, 't100', [{ name: 'mine', c8y_IsDevice: {}, owner: 'device_abc' }]);
      const d = client(emu, DEVICE);
      const mine = await d.post(M, temp(String(own), 0, 1));
      expect((await d.fail('POST', M, temp(dev, 0, 1))).status).toBe(403);
      await c.post(M, temp(dev, 1, 2));
      expect(await d.ids(`${M}?pageSize=10`, 'measurements')).toEqual([mine.id]);
      expect(await d.status('GET', `${M}/${String(mine.id)}`)).toBe(200);
      const other = await c.ids(`${M}?source=${dev}`, 'measurements');
      expect(await d.status('GET', `${M}/${String(other[0])}`)).toBe(403);
      expect(await d.status('GET', `/measurement/measurements/series?source=${dev}&dateFrom=2024-01-01&dateTo=2024-01-02`)).toBe(403);
    });

    it('roles: READ users cannot write or delete; users without measurement roles see nothing', async () => {
      await c.post(M, temp(dev, 0, 1));
      const r = client(emu, READER);
      expect(await r.ids(M, 'measurements')).toHaveLength(1);
      expect((await r.fail('POST', M, temp(dev, 0, 1))).body).toMatchObject({ error: 'security/Forbidden' });
      expect(await r.status('DELETE', `${M}?source=${dev}`)).toBe(403);
      expect(await client(emu, PLAIN).ids(M, 'measurements')).toEqual([]);
    });
  });
});

describe('measurements at scale', () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator({ tenants: DATA_TENANTS });
  });
  afterAll(() => emu.stop());

  it('holds 1,000,000 measurements and serves a 2,000-item page of one source in a date range', async () => {
    const base = Date.UTC(2024, 0, 1);
    const sources = 50;
    const n = 1_000_000;
    function* generate() {
      for (let i = 0; i < n; i++)
        yield { source: String(1 + (i % sources)), type: i % 2 === 0 ? 'c8y_Even' : 'c8y_Odd', time: base + i * 1000, c8y_V: { v: { value: i } } };
    }
    const seeded = seedMeasurements(emu, 't100', generate());
    expect(seeded.count).toBe(n);
    const c = client(emu);
    // Source 7 holds i ≡ 6 (mod 50), i.e. times base + (6 + 50k) s. From hour 2 to hour 100: k from 144 to 7199.
    const from = new Date(base + 7200 * 1000).toISOString();
    const to = new Date(base + 360_000 * 1000).toISOString();
    const url = `/measurement/measurements?source=7&dateFrom=${from}&dateTo=${to}&pageSize=2000&withTotalElements=true`;
    const page = await c.get<Page>(url);
    const items = page.measurements as Json[];
    expect(items).toHaveLength(2000);
    expect(page.statistics.totalElements).toBe(7200 - 144);
    const values = items.map((m) => ((m.c8y_V as Json).v as Json).value as number);
    expect(values[0]).toBe(6 + 50 * 144);
    expect(values.every((v, i) => v === 6 + 50 * (144 + i))).toBe(true);
    expect(items.every((m) => (m.source as Json).id === '7')).toBe(true);
    const last = await c.get<Page>(`${url}&currentPage=4`);
    expect((last.measurements as Json[]).map((m) => ((m.c8y_V as Json).v as Json).value)).toEqual(
      Array.from({ length: 7056 - 6000 }, (_, i) => 6 + 50 * (144 + 6000 + i)),
    );
    // Type filter over the whole store with a range, newest first.
    const newest = await c.get<Page>(`/measurement/measurements?type=c8y_Odd&dateFrom=${from}&pageSize=3&revert=true`);
    expect((newest.measurements as Json[]).map((m) => ((m.c8y_V as Json).v as Json).value)).toEqual([n - 1, n - 3, n - 5]);
  }, 300_000); // a guard against a hang, not a speed check: seeding a million measurements on a loaded two-core machine
});
