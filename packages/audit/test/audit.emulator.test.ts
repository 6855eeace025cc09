import { beforeAll, describe, expect, it } from '@jest/globals';
import { Alarm, ManagedObject, Operation } from '@c8y/model';
import { AuditRecords } from '../src/index.js';
import { useEmulator } from './helpers.js';

// Audit records over real HTTP against the emulator: records written by other operations (alarm
// and operation changes) read back with their changes, records written directly, counts — also
// while the server answers 429 and 503 at random.

const ctx = useEmulator({ seed: 14 });
let audit: AuditRecords;

beforeAll(() => {
  audit = new AuditRecords(ctx.client);
});

const device = async (name: string) => new ManagedObject(ctx.client, { name, c8y_IsDevice: {} }).create();

describe('audit records against the emulator', () => {
  it('alarm and operation changes write audit records that read back with their changes', async () => {
    const pump = await device('pump');
    const alarm = await new Alarm(ctx.client, { type: 'cx_TooHot', text: 'Too hot', severity: 'MAJOR', source: pump, time: 'now' }).create();
    await alarm.clear();
    await new Operation(ctx.client, { deviceId: pump.id ?? '', description: 'restart', c8y_Restart: {} }).create();

    const alarmRecords = await audit.getAll({ source: pump, type: 'Alarm' });
    expect(alarmRecords).toHaveLength(2);
    expect(alarmRecords.every((record) => record.source === pump.id && record.user === 'admin')).toBe(true);
    const statusChanges = alarmRecords.flatMap((record) => record.changes).filter((change) => change.attribute === 'status');
    expect(statusChanges.map((change) => change.newValue)).toContain('CLEARED');

    expect(await audit.count({ source: pump, type: 'Operation' })).toBe(1);
    expect(await audit.count({ source: pump })).toBe(3);
    expect(await audit.count({ source: pump, user: 'nobody' })).toBe(0);

    const [newest] = alarmRecords;
    const again = await audit.get(newest?.id ?? '');
    expect([again.id, again.type, again.activity]).toEqual([newest?.id, 'Alarm', newest?.activity]);
  });

  it('records written directly: create, read by type, user and time range; the wire carried only documented parameters', async () => {
    const valve = await device('valve');
    const created = await audit.create({ type: 'Inventory', activity: 'Firmware update', text: 'v2 installed', source: valve, time: 'now' });
    expect(created.id).toBeDefined();
    expect(created.activity).toBe('Firmware update');
    const found = await audit.getAll({ source: valve, type: 'Inventory', user: 'admin', maxAge: '1h' });
    expect(found.map((record) => record.id)).toEqual([created.id]);
    expect(await audit.getAll({ source: valve, type: 'Inventory', minAge: '1h' })).toEqual([]);
    const texts = await audit.getAll({ source: valve }, { asValues: 'text' });
    expect(texts).toEqual(['v2 installed']);
    const queries = ctx.emu.requests.filter((request) => request.method === 'GET' && request.path === '/audit/auditRecords').map((request) => Object.keys(request.query));
    expect(queries.flat().every((key) => ['source', 'type', 'user', 'application', 'dateFrom', 'dateTo', 'pageSize', 'currentPage', 'withTotalPages'].includes(key))).toBe(true);
  });

  it('under injected 429s and 503s: every record written once and read back', async () => {
    const tank = await device('tank');
    ctx.emu.faults.add({ kind: 'rateLimit', retryAfter: 0, method: 'POST', path: '^/audit/auditRecords$', probability: 0.3 });
    ctx.emu.faults.add({ kind: 'error', status: 503, method: 'GET', path: '^/audit/auditRecords', probability: 0.3 });

    const texts = Array.from({ length: 20 }, (_, index) => `step ${index}`);
    const created = await audit.create(
      texts.map((text) => ({ type: 'Inventory', activity: 'Maintenance', text, source: tank, time: 'now' })),
      { workers: 5 },
    );
    expect(created.map((record) => record.text)).toEqual(texts);
    expect(new Set(created.map((record) => record.id)).size).toBe(20);
    expect(await audit.count({ source: tank })).toBe(20);
    const read = await audit.getAll({ source: tank }, { pageSize: 3, workers: 4, asValues: 'text' });
    expect([...read].sort()).toEqual([...texts].sort());

    const statuses = ctx.emu.requests.filter((request) => request.path.startsWith('/audit/auditRecords')).map((request) => request.status);
    expect(statuses).toContain(429);
    expect(statuses).toContain(503);
  });
});
