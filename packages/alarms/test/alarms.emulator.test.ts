import { beforeAll, describe, expect, it } from '@jest/globals';
import { ManagedObject } from '@c8y/model';
import { Alarms } from '../src/index.js';
import { useEmulator } from './helpers.js';

// Alarms over real HTTP against the emulator: raise, de-duplication, count, clear by filter —
// also while the server answers 429 and 503 at random.

const ctx = useEmulator({ seed: 11 });
let alarms: Alarms;

beforeAll(() => {
  alarms = new Alarms(ctx.client);
});

const device = async (name: string) => new ManagedObject(ctx.client, { name, c8y_IsDevice: {} }).create();
const raise = (source: ManagedObject, type: string, severity: 'CRITICAL' | 'MAJOR' | 'MINOR' | 'WARNING' = 'MAJOR') =>
  ({ type, text: `${type} on ${String(source.name)}`, severity, source, time: 'now' }) as const;

describe('alarms against the emulator', () => {
  it('raise, de-duplicate, count, read, clear by filter', async () => {
    const pump = await device('pump');
    const first = await alarms.create(raise(pump, 'cx_TooHot'));
    const again = await alarms.create(raise(pump, 'cx_TooHot'));
    expect(again.id).toBe(first.id); // an active alarm of the same source and type is counted, not duplicated
    expect((await alarms.get(first.id ?? '')).count).toBe(2);
    await alarms.create([raise(pump, 'cx_Leak', 'CRITICAL'), raise(pump, 'cx_LowBattery', 'WARNING')], { workers: 2 });

    expect(await alarms.count({ source: pump, status: 'ACTIVE' })).toBe(3);
    expect(await alarms.count({ source: pump, severity: ['CRITICAL', 'WARNING'] })).toBe(2);
    const types = await alarms.getAll({ source: pump }, { asValues: 'type' });
    expect([...types].sort()).toEqual(['cx_Leak', 'cx_LowBattery', 'cx_TooHot']);
    expect((await alarms.getLast({ source: pump }))?.source).toBe(pump.id);

    const result = await alarms.setStatusBy({ source: pump, severity: 'WARNING' }, 'CLEARED');
    expect(result.status === 200 || result.status === 202).toBe(true);
    expect(await alarms.count({ source: pump, status: 'ACTIVE' })).toBe(2);
    expect(await alarms.count({ source: pump, status: 'CLEARED' })).toBe(1);

    await alarms.deleteBy({ source: pump, status: 'CLEARED' });
    expect(await alarms.count({ source: pump })).toBe(2);
  });

  it('under injected 429s and 503s: every alarm raised once, counted and cleared', async () => {
    const tank = await device('tank');
    ctx.emu.faults.add({ kind: 'rateLimit', retryAfter: 0, method: 'POST', path: '^/alarm/alarms$', probability: 0.3 });
    ctx.emu.faults.add({ kind: 'error', status: 503, method: 'GET', path: '^/alarm/alarms', probability: 0.3 });
    ctx.emu.faults.add({ kind: 'error', status: 503, method: 'PUT', path: '^/alarm/alarms', probability: 0.3 });

    const types = Array.from({ length: 20 }, (_, index) => `cx_Fault${index}`);
    const created = await alarms.create(
      types.map((type) => raise(tank, type)),
      { workers: 5 },
    );
    expect(created.map((alarm) => alarm.type)).toEqual(types);
    expect(new Set(created.map((alarm) => alarm.id)).size).toBe(20);
    expect(created.every((alarm) => alarm.count === 1)).toBe(true); // a retried POST did not raise twice
    expect(await alarms.count({ source: tank, status: 'ACTIVE' })).toBe(20);
    expect(await alarms.getAll({ source: tank }, { pageSize: 3, workers: 4, asValues: 'type' })).toHaveLength(20);

    await alarms.setStatusBy({ source: tank, status: 'ACTIVE' }, 'CLEARED');
    expect(await alarms.count({ source: tank, status: 'CLEARED' })).toBe(20);

    const statuses = ctx.emu.requests.filter((request) => request.path.startsWith('/alarm/alarms')).map((request) => request.status);
    expect(statuses).toContain(429);
    expect(statuses).toContain(503);
  });
});
