import { describe, expect, it } from '@jest/globals';
import { Binaries, DeviceGroupInventory, DeviceInventory, Inventory } from '../src/index.js';
import { useEmulator } from './helpers.js';

// The inventory contexts over real HTTP against the emulator: devices in a group tree, binaries
// up and down — also while the server answers 429 and 503 at random.

const ctx = useEmulator({ seed: 13 });

describe('inventory against the emulator', () => {
  it('devices in a group tree: create, assign, list, count, update many, delete the tree', async () => {
    const inventory = new Inventory(ctx.client);
    const devices = new DeviceInventory(ctx.client);
    const groups = new DeviceGroupInventory(ctx.client);
    const plant = await groups.create({ name: 'Plant' });
    const hall = await groups.createSubGroup(plant, { name: 'Hall 1' });
    expect(hall.type).toBe('c8y_DeviceSubGroup');
    const pumps = await devices.create(['Pump 1', 'Pump 2', 'Pump 3'].map((name) => ({ name, type: 'cx_Pump' })), { workers: 3 });
    await groups.assignChildren(hall, pumps.map((pump) => pump.id ?? ''));
    await inventory.createChild(pumps[0] ?? '', 'childDevices', { name: 'Sensor', c8y_IsDevice: {} });

    expect((await groups.getSubGroups(plant)).map((group) => group.name)).toEqual(['Hall 1']);
    expect(await devices.getAll({ group: hall }, { asValues: 'name' })).toEqual(['Pump 1', 'Pump 2', 'Pump 3']);
    expect(await devices.count({ type: 'cx_Pump' })).toBe(3);
    expect(await inventory.getChildren(pumps[0] ?? '', 'childDevices', undefined, { asValues: 'name' })).toEqual(['Sensor']);
    expect(await groups.count({ name: 'Hall*' })).toBe(1);
    expect(await devices.count({ createdFrom: 'today', name: 'Pump*' })).toBe(3);

    await devices.update({ cx_Checked: { ok: true } }, pumps.map((pump) => pump.id ?? ''), { workers: 2 });
    expect(await inventory.count({ fragmentType: 'cx_Checked' })).toBe(3);
    expect((await groups.get(hall.id ?? '')).type).toBe('c8y_DeviceSubGroup');

    await groups.unassignChildren(hall, [pumps[2]?.id ?? '']);
    expect(await inventory.getChildren(hall, 'childAssets', undefined, { asValues: 'name' })).toEqual(['Pump 1', 'Pump 2']);
    await groups.delete(plant, { cascade: true });
    expect(await devices.count({ type: 'cx_Pump' })).toBe(1); // the unassigned pump survives the tree
    expect(await groups.count({ name: 'Hall*' })).toBe(0);
  });

  it('binaries up and down', async () => {
    const binaries = new Binaries(ctx.client);
    const file = await binaries.upload('a,b\n1,2\n', { name: 'data.csv', type: 'text/csv' });
    expect([file.name, file.length]).toEqual(['data.csv', 8]);
    expect(new TextDecoder().decode((await binaries.downloadBytes(file)).bytes)).toBe('a,b\n1,2\n');
    const replaced = await binaries.replace(file.id ?? '', 'a,b\n3,4\n', { type: 'text/csv' });
    expect(replaced.length).toBe(8);
    expect(await new Response((await binaries.download(file)).body).text()).toBe('a,b\n3,4\n');
    expect(await binaries.count({ type: 'text/csv' })).toBe(1);
    await binaries.delete(file);
    expect(await binaries.count({ type: 'text/csv' })).toBe(0);
  });

  it('under injected 429s and 503s: exactly the expected devices, tree and files', async () => {
    const devices = new DeviceInventory(ctx.client);
    const groups = new DeviceGroupInventory(ctx.client);
    const binaries = new Binaries(ctx.client);
    ctx.emu.faults.add({ kind: 'rateLimit', retryAfter: 0, method: 'POST', path: '^/inventory/', probability: 0.3 });
    ctx.emu.faults.add({ kind: 'error', status: 503, method: /GET|PUT|DELETE/, path: '^/inventory/', probability: 0.3 });

    const group = await groups.create({ name: 'Faulty' });
    const names = Array.from({ length: 12 }, (_, index) => `Faulty ${index}`);
    const created = await devices.create(names.map((name) => ({ name, type: 'cx_Faulty' })), { workers: 4 });
    await groups.assignChildren(group, created.map((device) => device.id ?? ''));
    expect((await devices.getAll({ group }, { pageSize: 5, workers: 3, asValues: 'name' })).sort()).toEqual([...names].sort()); // workers: pages in any order
    expect(await devices.count({ type: 'cx_Faulty' })).toBe(12); // a retried POST did not create twice

    const contents = ['one', 'two', 'three'];
    const files = await Promise.all(contents.map((text, index) => binaries.upload(text, { name: `f${index}.txt`, type: 'text/x-faulty' })));
    expect(await binaries.count({ type: 'text/x-faulty' })).toBe(3);
    const read = await Promise.all(files.map(async (file) => new TextDecoder().decode((await binaries.downloadBytes(file)).bytes)));
    expect(read).toEqual(contents);
    await binaries.delete(files, { workers: 3 });
    await groups.delete(group, { cascade: true });
    expect(await binaries.count({ type: 'text/x-faulty' })).toBe(0);
    expect(await devices.count({ type: 'cx_Faulty' })).toBe(0);

    const statuses = ctx.emu.requests.map((request) => request.status);
    expect(statuses).toContain(429);
    expect(statuses).toContain(503);
  });
});
