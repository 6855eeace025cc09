/**
 * Drives the emulator with the official `@c8y/client` (a devDependency of the emulator only) to
 * prove it speaks real Cumulocity: inventory, measurements, alarms (and a few more services).
 * Jest (native ESM) loads the package's `import` export (`lib/esm2015`) unchanged.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { AlarmStatus, BasicAuth, Client, Severity, type IManagedObject } from '@c8y/client';
import { startEmulator, type Emulator } from '../src/index.js';

describe('@c8y/client against the emulator', () => {
  let emu: Emulator;
  let client: Client;
  beforeAll(async () => {
    emu = await startEmulator();
    client = new Client(new BasicAuth({ tenant: 't100', user: 'admin', password: 'admin-pass' }), emu.url);
  });
  beforeEach(() => emu.reset());
  afterAll(() => emu.stop());

  it('Client.authenticate resolves the tenant from /tenant/currentTenant', async () => {
    const c = await Client.authenticate({ tenant: 't100', user: 'admin', password: 'admin-pass' }, emu.url);
    expect(c.core.tenant).toBe('t100');
    await expect(Client.authenticate({ tenant: 't100', user: 'admin', password: 'wrong' }, emu.url)).rejects.toBeDefined();
  });

  it('inventory: create, detail, list with paging and query, update, delete', async () => {
    const created: IManagedObject[] = [];
    for (let i = 0; i < 7; i++) {
      const { data, res } = await client.inventory.create({ name: `Device ${i}`, type: 'c8y_EmuTest', c8y_IsDevice: {} });
      expect(res.status).toBe(201);
      created.push(data);
    }
    const first = created[0] as IManagedObject;
    expect(typeof first.id).toBe('string');
    expect(first.name).toBe('Device 0');

    const { data: detail } = await client.inventory.detail(first.id);
    expect(detail.self).toBe(`${emu.url}/inventory/managedObjects/${first.id}`);

    const page1 = await client.inventory.list({ type: 'c8y_EmuTest', pageSize: 5, withTotalPages: true });
    expect(page1.data.map((m) => m.name)).toEqual(['Device 0', 'Device 1', 'Device 2', 'Device 3', 'Device 4']);
    expect(page1.paging?.totalPages).toBe(2);
    const page2 = await page1.paging?.next();
    expect(page2?.data.map((m) => m.name)).toEqual(['Device 5', 'Device 6']);

    const queried = await client.inventory.listQuery({ __filter: { name: 'Device 3' } }, { pageSize: 10 });
    expect(queried.data.map((m) => m.id)).toEqual([created[3]?.id]);

    const { data: updated } = await client.inventory.update({ id: first.id, name: 'Renamed', c8y_Extra: { a: 1 } });
    expect(updated).toMatchObject({ id: first.id, name: 'Renamed', c8y_Extra: { a: 1 } });

    const { res: del } = await client.inventory.delete(first.id);
    expect(del.status).toBe(204);
    await expect(client.inventory.detail(first.id)).rejects.toMatchObject({ res: { status: 404 } });
  });

  it('measurements: create (single and several) and list with filters', async () => {
    const { data: device } = await client.inventory.create({ name: 'Sensor', c8y_IsDevice: {} });
    const base = Date.UTC(2024, 0, 1);
    const { data: m, res } = await client.measurement.create({
      source: { id: device.id },
      type: 'c8y_Temperature',
      time: new Date(base).toISOString(),
      c8y_Temperature: { T: { value: 21.5, unit: 'C' } },
    });
    expect(res.status).toBe(201);
    expect(m.id).toEqual(expect.any(String));
    expect(m.c8y_Temperature).toEqual({ T: { value: 21.5, unit: 'C' } });
    for (let i = 1; i < 4; i++)
      await client.measurement.create({
        source: { id: device.id },
        type: 'c8y_Temperature',
        time: new Date(base + i * 60_000).toISOString(),
        c8y_Temperature: { T: { value: 20 + i, unit: 'C' } },
      });

    const { data: list, paging } = await client.measurement.list({
      source: device.id,
      dateFrom: new Date(base + 60_000).toISOString(),
      dateTo: new Date(base + 10 * 60_000).toISOString(),
      pageSize: 2,
      withTotalElements: true,
    });
    expect(list.map((x) => (x.c8y_Temperature as { T: { value: number } }).T.value)).toEqual([21, 22]);
    expect(paging?.totalElements).toBe(3);
    const next = await paging?.next();
    expect(next?.data.map((x) => (x.c8y_Temperature as { T: { value: number } }).T.value)).toEqual([23]);

    const { data: detail } = await client.measurement.detail(m.id);
    expect(detail.id).toBe(m.id);

    const { data: series } = await client.measurement.listSeries({
      source: device.id,
      dateFrom: new Date(base).toISOString(),
      dateTo: new Date(base + 3_600_000).toISOString(),
      aggregationType: 'HOURLY',
    } as never);
    expect(series.series).toEqual([{ unit: 'C', name: 'T', type: 'c8y_Temperature' }]);
    expect(Object.values(series.values)).toEqual([[{ min: 21, max: 23 }]]); // 21.5, 21, 22, 23
  });

  it('alarms: create (dedupe), list with filters, update, count, bulk update', async () => {
    const { data: device } = await client.inventory.create({ name: 'Pump', c8y_IsDevice: {} });
    const alarm = {
      source: { id: device.id },
      type: 'c8y_PressureAlarm',
      text: 'Pressure too high',
      severity: Severity.MAJOR,
      time: new Date().toISOString(),
    };
    const { data: a, res } = await client.alarm.create(alarm);
    expect(res.status).toBe(201);
    expect(a).toMatchObject({ status: 'ACTIVE', count: 1, source: { id: device.id, name: 'Pump' } });
    const { data: again } = await client.alarm.create(alarm);
    expect(again).toMatchObject({ id: a.id, count: 2 });
    await client.alarm.create({ ...alarm, type: 'c8y_Other', severity: Severity.MINOR });

    const { data: active } = await client.alarm.list({ source: device.id, status: AlarmStatus.ACTIVE, pageSize: 10 });
    expect(active).toHaveLength(2);
    const { data: majors } = await client.alarm.list({ severity: Severity.MAJOR, pageSize: 10 });
    expect(majors.map((x) => x.id)).toEqual([a.id]);

    const { data: updated } = await client.alarm.update({ id: a.id, status: AlarmStatus.ACKNOWLEDGED, text: 'Checked' });
    expect(updated).toMatchObject({ id: a.id, status: 'ACKNOWLEDGED', text: 'Checked', count: 2 });
    const { data: detail } = await client.alarm.detail(String(a.id));
    expect(detail.status).toBe('ACKNOWLEDGED');

    const { data: count } = await client.alarm.count({ source: device.id, status: AlarmStatus.ACTIVE });
    expect(count).toBe(1);

    // updateBulk resolves to the fetch Response itself.
    const bulk = await client.alarm.updateBulk({ status: AlarmStatus.CLEARED }, { source: device.id, resolved: false, severity: Severity.MAJOR });
    expect(bulk.status).toBe(200);
    const { data: cleared } = await client.alarm.list({ source: device.id, resolved: true, pageSize: 10 });
    expect(cleared.map((x) => x.id)).toEqual([a.id]);
  });

  it('events, operations and audit through their services', async () => {
    const { data: device } = await client.inventory.create({ name: 'Gateway', c8y_IsDevice: {} });
    const { data: e } = await client.event.create({ source: { id: device.id }, type: 'c8y_Login', text: 'hello', time: new Date().toISOString() });
    const { data: events } = await client.event.list({ source: device.id });
    expect(events.map((x) => x.id)).toEqual([e.id]);

    const { data: op } = await client.operation.create({ deviceId: device.id, c8y_Restart: {} });
    expect(op.status).toBe('PENDING');
    const { data: done } = await client.operation.update({ id: op.id, status: 'SUCCESSFUL' } as never);
    expect(done.status).toBe('SUCCESSFUL');

    const { data: audits } = await client.audit.list({ type: 'Operation', pageSize: 10 });
    expect(audits.length).toBeGreaterThanOrEqual(2);
  });
});
