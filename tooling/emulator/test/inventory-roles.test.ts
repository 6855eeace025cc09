import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { startEmulator, type Emulator } from '../src/index.js';
import { basic } from './helpers.js';
import { api, INVENTORY_TENANTS, type Json } from './inventory-helpers.js';

// Inventory visibility by inventory-role assignments: a user whose only access to the inventory
// is inventory roles assigned on a device group sees the group and its descendants (subgroups,
// their devices, child devices), pages restricted (short pages, currentPage an offset), and
// nothing else; ADMIN roles let it write there; global roles and ownership work as before.

describe('inventory: access through inventory roles', () => {
  let emu: Emulator;
  let admin: ReturnType<typeof api>;
  const FIELD = basic('t100/field', 'field-pass-1');
  let field: ReturnType<typeof api>;

  beforeAll(async () => {
    emu = await startEmulator({ tenants: INVENTORY_TENANTS });
    admin = api(emu);
    field = api(emu, FIELD);
  });
  beforeEach(() => emu.reset());
  afterAll(() => emu.stop());

  /** A tree under group G: subgroup S (devices D1, D2), device D3 (child device C), asset A (an addition X); outside: O1..O6, group H. */
  async function tree(): Promise<Record<string, string>> {
    const ids: Record<string, string> = {};
    // Interleave outside objects so a restricted scan meets hidden ones between visible ones.
    ids.O1 = await admin.create({ name: 'O1', c8y_IsDevice: {} });
    ids.G = await admin.create({ name: 'G', c8y_IsDeviceGroup: {} });
    ids.O2 = await admin.create({ name: 'O2', c8y_IsDevice: {} });
    ids.S = await admin.create({ name: 'S', c8y_IsDeviceGroup: {} });
    ids.O3 = await admin.create({ name: 'O3' });
    ids.D1 = await admin.create({ name: 'D1', c8y_IsDevice: {} });
    ids.O4 = await admin.create({ name: 'O4', c8y_IsDevice: {} });
    ids.D2 = await admin.create({ name: 'D2', c8y_IsDevice: {} });
    ids.D3 = await admin.create({ name: 'D3', c8y_IsDevice: {} });
    ids.O5 = await admin.create({ name: 'O5' });
    ids.C = await admin.create({ name: 'C', c8y_IsDevice: {} });
    ids.A = await admin.create({ name: 'A' });
    ids.X = await admin.create({ name: 'X' });
    ids.H = await admin.create({ name: 'H', c8y_IsDeviceGroup: {} });
    ids.O6 = await admin.create({ name: 'O6', c8y_IsDevice: {} });
    const link = (parent: string, kind: string, child: string) => admin.post(`/inventory/managedObjects/${parent}/${kind}`, { managedObject: { id: child } });
    await link(ids.G, 'childAssets', ids.S);
    await link(ids.S, 'childAssets', ids.D1);
    await link(ids.S, 'childAssets', ids.D2);
    await link(ids.G, 'childAssets', ids.D3);
    await link(ids.D3, 'childDevices', ids.C);
    await link(ids.G, 'childAssets', ids.A);
    await link(ids.A, 'childAdditions', ids.X);
    await link(ids.H, 'childAssets', ids.O6);
    return ids;
  }

  async function user(roles: string[] = []): Promise<void> {
    await admin.post('/user/t100/users', { userName: 'field', email: 'field@example.com', password: 'field-pass-1' });
    for (const role of roles) await admin.post('/user/t100/users/field/roles', { role: { self: `${emu.url}/user/roles/${role}` } });
  }

  async function role(name: string, permissions: Json[]): Promise<number> {
    return (await admin.post<{ id: number }>('/user/inventoryroles', { name, description: name, permissions })).id;
  }

  const assign = async (managedObject: string, roles: string[]): Promise<number> =>
    (await admin.json<{ id: number }>('POST', '/user/t100/users/field/roles/inventory', { managedObject, roles: roles.map((name) => ({ name })) }, 200)).id;

  const names = (ids: Record<string, string>, wanted: string[]) => wanted.map((name) => ids[name]).sort();

  it('a READ role on a group: the group and its descendants, over short pages with offset currentPage', async () => {
    const ids = await tree();
    await user();
    await role('Reader', [{ permission: 'READ', scope: 'MANAGED_OBJECT', type: '*' }]);
    await assign(ids.G as string, ['Reader']);
    const expected = names(ids, ['G', 'S', 'D1', 'D2', 'D3', 'C', 'A']);

    const { ids: seen, pages } = await field.walk('/inventory/managedObjects?pageSize=3&withTotalPages=true');
    expect([...seen].sort()).toEqual(expected);
    expect(new Set(seen).size).toBe(seen.length);
    expect(pages.length).toBeGreaterThan(3);
    // Short pages although more follows; currentPage is the next position to scan; no totals.
    expect(pages.some((p) => p.managedObjects.length < 3 && p.next !== undefined)).toBe(true);
    expect(pages[0]?.statistics).toEqual({ currentPage: 4, pageSize: 3, totalPages: null, totalElements: null });
    expect(pages.at(-1)?.next).toBeUndefined();

    // One object at a time: reachable ones 200, the rest 403 (child additions are not inherited).
    for (const name of ['G', 'S', 'D1', 'C', 'A']) expect([name, (await field.call('GET', `/inventory/managedObjects/${ids[name]}`)).status]).toEqual([name, 200]);
    for (const name of ['O1', 'O6', 'H', 'X']) expect([name, (await field.call('GET', `/inventory/managedObjects/${ids[name]}`)).status]).toEqual([name, 403]);
    const children = await field.get<{ references: Array<{ managedObject: Json }> }>(`/inventory/managedObjects/${ids.S}/childAssets`);
    expect(children.references.map((r) => r.managedObject.id).sort()).toEqual(names(ids, ['D1', 'D2']));
    expect((await field.call('GET', `/inventory/managedObjects/${ids.H}/childAssets`)).status).toBe(403);
    // READ is not ADMIN.
    expect((await field.call('PUT', `/inventory/managedObjects/${ids.D1}`, { x: 1 })).status).toBe(403);
    // Filters apply on top: only the reachable devices.
    const devices = await field.walk('/inventory/managedObjects?pageSize=2&fragmentType=c8y_IsDevice');
    expect([...devices.ids].sort()).toEqual(names(ids, ['D1', 'D2', 'D3', 'C']));
    expect(await field.get('/inventory/managedObjects/count')).toBe(7);
  });

  it('descendants added later are reached; an unassigned role reaches nothing any more (no stale cache)', async () => {
    const ids = await tree();
    await user();
    await role('Reader', [{ permission: 'READ', scope: '*', type: '*' }]);
    const assignment = await assign(ids.S as string, ['Reader']);
    expect(await field.get('/inventory/managedObjects/count')).toBe(3);
    const late = await admin.create({ name: 'late', c8y_IsDevice: {} });
    await admin.post(`/inventory/managedObjects/${ids.S}/childAssets`, { managedObject: { id: late } });
    expect([...(await field.walk('/inventory/managedObjects?pageSize=5')).ids].sort()).toEqual([...names(ids, ['S', 'D1', 'D2']), late].sort());
    expect((await admin.call('DELETE', `/user/t100/users/field/roles/inventory/${assignment}`)).status).toBe(204);
    expect(await field.get('/inventory/managedObjects/count')).toBe(0);
    expect((await field.walk('/inventory/managedObjects?pageSize=5')).ids).toEqual([]);
    expect((await field.call('GET', `/inventory/managedObjects/${ids.D1}`)).status).toBe(403);
  });

  it('a permission for one fragment reaches only objects with it; other scopes reach no managed object', async () => {
    const ids = await tree();
    await user();
    await role('Devices only', [{ permission: 'READ', scope: 'MANAGED_OBJECT', type: 'c8y_IsDevice' }]);
    await role('Alarms', [{ permission: 'ADMIN', scope: 'ALARM', type: '*' }]);
    await assign(ids.G as string, ['Devices only', 'Alarms']);
    expect([...(await field.walk('/inventory/managedObjects?pageSize=4')).ids].sort()).toEqual(names(ids, ['D1', 'D2', 'D3', 'C']));
    expect((await field.call('GET', `/inventory/managedObjects/${ids.S}`)).status).toBe(403);
  });

  it('an ADMIN role lets the user update objects it reaches, nothing else', async () => {
    const ids = await tree();
    await user();
    await role('Manager', [{ permission: 'ADMIN', scope: 'MANAGED_OBJECT', type: '*' }]);
    await assign(ids.S as string, ['Manager']);
    expect((await field.put(`/inventory/managedObjects/${ids.D2}`, { c8y_Note: 'checked' })).c8y_Note).toBe('checked');
    expect((await field.call('PUT', `/inventory/managedObjects/${ids.D3}`, { c8y_Note: 'no' })).status).toBe(403);
    expect(await field.get('/inventory/managedObjects/count')).toBe(3);
  });

  it('a global read role still sees everything, unrestricted; own objects stay visible to a restricted user', async () => {
    const ids = await tree();
    await user(['ROLE_INVENTORY_CREATE']);
    await role('Reader', [{ permission: 'READ', scope: 'MANAGED_OBJECT', type: '*' }]);
    await assign(ids.D3 as string, ['Reader']);
    const own = await field.create({ name: 'mine' });
    expect([...(await field.walk('/inventory/managedObjects?pageSize=2')).ids].sort()).toEqual([...names(ids, ['D3', 'C']), own].sort());
    await admin.post('/user/t100/users/field/roles', { role: { self: `${emu.url}/user/roles/ROLE_INVENTORY_READ` } });
    const page = await field.list('/inventory/managedObjects?pageSize=100&withTotalElements=true');
    expect(page.statistics.totalElements).toBe(Object.keys(ids).length + 1);
  });
});
