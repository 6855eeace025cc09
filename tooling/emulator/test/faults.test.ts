import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { startEmulator, type Emulator, type FaultRule } from '../src/index.js';
import { ADMIN, items, testArea, TEST_TENANTS } from './helpers.js';

describe('faults and latency', () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator({ tenants: TEST_TENANTS, areas: [testArea(items(40))], seed: 42 });
  });
  afterEach(() => emu.reset());
  afterAll(() => emu.stop());

  const get = (path = '/test/items'): Promise<Response> => fetch(`${emu.url}${path}`, { headers: { Authorization: ADMIN } });

  it('429 with Retry-After', async () => {
    const handle = emu.faults.add({ kind: 'rateLimit', retryAfter: 3, path: '^/test/items$', times: 1 });
    const res = await get();
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('3');
    expect(await res.json()).toMatchObject({ error: 'general/Too Many Requests', message: 'Requests rate exceeds the limit' });
    expect((await get()).status).toBe(200);
    expect(handle.hits).toBe(1);
    expect(emu.requests.map((r) => [r.status, r.fault])).toEqual([
      [429, 'rateLimit'],
      [200, undefined],
    ]);
  });

  it('5xx with error bodies, matched by method and path', async () => {
    for (const status of [500, 502, 503, 504]) {
      emu.faults.clear();
      emu.faults.add({ kind: 'error', status, method: 'GET', path: /items/ });
      const res = await get();
      expect(res.status).toBe(status);
      expect(res.headers.get('content-type')).toMatch(/cumulocity\.error\+json/);
      const body = (await res.json()) as { error: string; info: string };
      expect(body.error).toMatch(/^general\//);
      expect(body.info).toMatch(/^https:/);
    }
    expect((await get('/tenant/currentTenant')).status).toBe(200);
    emu.faults.clear();
    emu.faults.add({ kind: 'error', status: 503, method: 'POST' });
    expect((await get()).status).toBe(200);
  });

  it('dropped connection makes fetch reject; phase "after" runs the handler first', async () => {
    emu.faults.add({ kind: 'drop', path: '/test/items', times: 1 });
    await expect(get()).rejects.toThrow();
    expect((await get()).status).toBe(200);
    expect(emu.requests[0]).toMatchObject({ status: 0, fault: 'drop' });

    emu.faults.add({ kind: 'drop', path: '/test/counter', phase: 'after', times: 1 });
    await expect(get('/test/counter')).rejects.toThrow();
    expect(((await (await get('/test/counter')).json()) as { n: number }).n).toBe(2);
  });

  it('slow body: headers arrive first, the body trickles', async () => {
    // fetch asks for gzip, so the body on the wire is small: use small chunks.
    emu.faults.add({ kind: 'slowBody', chunkSize: 10, chunkDelayMs: 10, times: 1 });
    const t0 = performance.now();
    const res = await get('/test/items?pageSize=40');
    const headersAt = performance.now() - t0;
    const body = (await res.json()) as { items: unknown[] };
    const doneAt = performance.now() - t0;
    expect(body.items).toHaveLength(40);
    expect(doneAt - headersAt).toBeGreaterThan(60);
  });

  it('probabilistic faults repeat with the same seed', async () => {
    const rule: FaultRule = { kind: 'error', status: 503, probability: 0.5 };
    const run = async (e: Emulator): Promise<number[]> => {
      e.faults.add(rule);
      const statuses: number[] = [];
      for (let i = 0; i < 16; i++) statuses.push((await fetch(`${e.url}/test/items`, { headers: { Authorization: ADMIN } })).status);
      return statuses;
    };
    const first = await run(emu);
    expect(first).toContain(503);
    expect(first).toContain(200);
    emu.reset();
    expect(await run(emu)).toEqual(first);
    const same = await startEmulator({ tenants: TEST_TENANTS, areas: [testArea(items(1))], seed: 42 });
    expect(await run(same)).toEqual(first);
    await same.stop();
    const other = await startEmulator({ tenants: TEST_TENANTS, areas: [testArea(items(1))], seed: 7 });
    expect(await run(other)).not.toEqual(first);
    await other.stop();
  });

  it('faults from options are active at start and restored by reset()', async () => {
    const e = await startEmulator({ faults: [{ kind: 'error', status: 500, path: 'currentTenant', times: 1 }] });
    const call = (): Promise<number> => fetch(`${e.url}/tenant/currentTenant`, { headers: { Authorization: ADMIN } }).then((r) => r.status);
    expect([await call(), await call()]).toEqual([500, 200]);
    e.reset();
    expect(await call()).toBe(500);
    await e.stop();
  });

  it('fixed and jittered latency', async () => {
    emu.setLatency(80);
    let t0 = performance.now();
    await get();
    expect(performance.now() - t0).toBeGreaterThanOrEqual(75);
    emu.setLatency({ min: 20, max: 60 });
    t0 = performance.now();
    await get();
    const took = performance.now() - t0;
    expect(took).toBeGreaterThanOrEqual(18);
    emu.setLatency(0);
    emu.faults.add({ kind: 'delay', ms: 60, times: 1 });
    t0 = performance.now();
    await get();
    expect(performance.now() - t0).toBeGreaterThanOrEqual(55);
  });

  it('latency from options', async () => {
    const e = await startEmulator({ latencyMs: { min: 30, max: 40 } });
    const t0 = performance.now();
    await fetch(`${e.url}/tenant/currentTenant`, { headers: { Authorization: ADMIN } });
    expect(performance.now() - t0).toBeGreaterThanOrEqual(28);
    await e.stop();
  });
});
