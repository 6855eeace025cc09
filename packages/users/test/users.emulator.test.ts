import { describe, expect, it } from '@jest/globals';
import { ManagedObject, Resources } from '@c8y/model';
import { authenticate, BasicAuth, CumulocityRestClient, defineQuery, ResourceOperations } from '@c8y/rest-core';
import { InventoryRoles, ReadPermission, UserGroups, Users } from '../src/index.js';
import { useEmulator } from './helpers.js';

// Users, groups and inventory roles over real HTTP against the emulator: a user who may read one
// device group (through an inventory role) sees exactly that (with offset paging), and nothing is
// left behind.

const retry = { limit: 10, baseDelayMs: 1, maxDelayMs: 5 };
const anyQuery = defineQuery<Record<string, unknown>>({ resource: 'GET /inventory/managedObjects' });
const inventoryOf = (client: CumulocityRestClient) => new ResourceOperations(client, { resource: Resources.managedObject, query: anyQuery, item: ManagedObject });

const ctx = useEmulator({ seed: 21 });

const referenceType = Resources.managedObject.mediaType.replace('managedobject', 'managedobjectreference');

/** A device group with a subgroup: the first half of the devices in the group, the rest in the subgroup, objects outside in between. */
async function deviceGroupWith(names: string[]): Promise<{ group: ManagedObject; subgroup: ManagedObject; devices: ManagedObject[] }> {
  const group = await new ManagedObject(ctx.client, { name: 'Plant', type: 'c8y_DeviceGroup', c8y_IsDeviceGroup: {} }).create();
  const subgroup = await new ManagedObject(ctx.client, { name: 'Hall', type: 'c8y_DeviceSubgroup', c8y_IsDeviceGroup: {} }).create();
  await ctx.client.post(`/inventory/managedObjects/${group.id ?? ''}/childAssets`, { managedObject: { id: subgroup.id } }, { contentType: referenceType });
  const devices: ManagedObject[] = [];
  for (const [index, name] of names.entries()) {
    await new ManagedObject(ctx.client, { name: `Outside ${name}` }).create();
    const device = await new ManagedObject(ctx.client, { name, c8y_IsDevice: {} }).create();
    const parent = index < names.length / 2 ? group : subgroup;
    await ctx.client.post(`/inventory/managedObjects/${parent.id ?? ''}/childAssets`, { managedObject: { id: device.id } }, { contentType: referenceType });
    devices.push(device);
  }
  return { group, subgroup, devices };
}

describe('users against the emulator', () => {
  it('a user with a group and inventory roles sees only its device group, then is removed', async () => {
    const users = new Users(ctx.client);
    const groups = new UserGroups(ctx.client);
    const roles = new InventoryRoles(ctx.client);
    // Objects outside the group come first and between its members, so Jane's pages come out short.
    const elsewhere = await new ManagedObject(ctx.client, { name: 'Elsewhere 1', c8y_IsDevice: {} }).create();
    const { group, devices, subgroup } = await deviceGroupWith(['Pump 1', 'Pump 2', 'Pump 3', 'Pump 4']);
    await new ManagedObject(ctx.client, { name: 'Elsewhere 2', c8y_IsDevice: {} }).create();
    const jane = await users.create({ userName: 'jane', email: 'jane@example.com', password: 'Jane-Secret-1' });
    const readers = await groups.create({ name: 'Readers' });
    await groups.assignRoles(readers, ['ROLE_ALARM_READ', 'ROLE_EVENT_READ', 'ROLE_USER_MANAGEMENT_OWN_READ']);
    await groups.assignUsers(readers, 'jane');
    expect(await groups.getRoles(readers)).toEqual(expect.arrayContaining(['ROLE_ALARM_READ', 'ROLE_EVENT_READ']));
    expect((await groups.getUsers(readers)).map((user) => user.userName)).toEqual(['jane']);
    expect((await groups.getAllOfUser('jane')).map((g) => g.name)).toEqual(['Readers']);
    expect(await users.getAll({ groups: 'Readers' }, { asValues: 'userName' })).toEqual(['jane']);
    expect(await users.count({ groups: [readers] })).toBe(1);

    const role = await roles.create({ name: 'Read all', description: 'Read everything', permissions: [new ReadPermission()] });
    const assignment = await roles.assign('jane', group.id ?? '', ['Read all']);
    expect(assignment.roleIds).toEqual([role.id]);
    expect((await roles.getAssignments('jane')).map((a) => a.managedObjectId)).toEqual([group.id]);

    const asJane = new CumulocityRestClient({ baseUrl: ctx.emu.url, auth: new BasicAuth('t100/jane', 'Jane-Secret-1'), retry });
    const me = await new Users(asJane).getCurrent();
    expect(me.effectiveRoleIds).toEqual(expect.arrayContaining(['ROLE_ALARM_READ', 'ROLE_EVENT_READ']));
    expect(me.effectiveRoleIds).not.toContain('ROLE_INVENTORY_READ');
    // Jane's only access to the inventory is her inventory role on the group: she sees the group,
    // its subgroup and their devices — exactly — over short pages with offset paging (Cumulocity's
    // restricted mode), which the engine follows through the `next` links.
    ctx.emu.requests.clear();
    const visible = await inventoryOf(asJane).getAll({}, { pageSize: 2 });
    const expected = [group, subgroup, ...devices].map((mo) => mo.id).sort();
    expect(visible.map((mo) => mo.id).sort()).toEqual(expected);
    expect(visible.map((mo) => mo.name)).not.toContain('Elsewhere 1');
    const listings = ctx.emu.requests.filter((request) => request.path === '/inventory/managedObjects' && request.method === 'GET');
    expect(listings.length).toBeGreaterThan(Math.ceil(expected.length / 2));
    // From the second request on, currentPage is an offset (the next position to scan, from the
    // previous reply's statistics), not a page number: page 1 scanned positions 1–2, so 3 follows.
    const positions = listings.map((request) => Number(request.query.currentPage ?? 1));
    expect(positions.slice(0, 2)).toEqual([1, 3]);
    expect(positions.every((position, index) => index === 0 || position > (positions[index - 1] ?? 0))).toBe(true);
    // The same through workers (pages in turn: restricted paging cannot be fetched ahead).
    expect((await inventoryOf(asJane).getAll({}, { pageSize: 2, workers: 4 })).map((mo) => mo.id).sort()).toEqual(expected);
    expect((await inventoryOf(asJane).getAll({ fragmentType: 'c8y_IsDevice' }, { pageSize: 3 })).map((mo) => mo.name).sort()).toEqual(['Pump 1', 'Pump 2', 'Pump 3', 'Pump 4']);
    await expect(inventoryOf(asJane).get(elsewhere.id ?? '')).rejects.toMatchObject({ status: 403 });
    expect((await inventoryOf(asJane).get(devices[0]?.id ?? '')).name).toBe('Pump 1');
    expect(await inventoryOf(ctx.client).count({})).toBeGreaterThanOrEqual(expected.length + 2);

    await roles.unassign('jane', assignment);
    expect(await roles.getAssignments('jane')).toEqual([]);
    await groups.unassignUsers(readers, 'jane');
    await users.delete(jane);
    await groups.delete(readers);
    await roles.delete(role);
    expect(await users.getAll({ username: 'jane' })).toEqual([]);
    expect(await groups.getAll(undefined, { asValues: 'name' })).not.toContain('Readers');
  });

  it('passwords: set by an admin, changed by the user itself', async () => {
    const users = new Users(ctx.client);
    await users.create({ userName: 'joe', email: 'joe@example.com', password: 'Joe-Secret-1' });
    const joe = await users.get('joe');
    await joe.assignRole('ROLE_USER_MANAGEMENT_OWN_ADMIN');
    await joe.assignRole('ROLE_USER_MANAGEMENT_OWN_READ');
    await users.setPassword('joe', 'Joe-Secret-2');
    const asJoe = new CumulocityRestClient({ baseUrl: ctx.emu.url, auth: new BasicAuth('t100/joe', 'Joe-Secret-2'), retry: false });
    const joeUsers = new Users(asJoe);
    await joeUsers.changePassword('Joe-Secret-2', 'Joe-Secret-3');
    // The same client follows: its next request logs in with the new password.
    expect((await joeUsers.getCurrent()).userName).toBe('joe');
    const stale = new CumulocityRestClient({ baseUrl: ctx.emu.url, auth: new BasicAuth('t100/joe', 'Joe-Secret-2'), retry: false });
    await expect(new Users(stale).getCurrent()).rejects.toMatchObject({ status: 401 });
    const again = new CumulocityRestClient({ baseUrl: ctx.emu.url, auth: new BasicAuth('t100/joe', 'Joe-Secret-3'), retry: false });
    expect((await new Users(again).getCurrent()).userName).toBe('joe');
    // An admin resetting its own password: the admin client follows too.
    const self = new CumulocityRestClient({ baseUrl: ctx.emu.url, auth: new BasicAuth('t100/joe', 'Joe-Secret-3'), retry: false });
    await joe.assignRole('ROLE_USER_MANAGEMENT_ADMIN');
    await new Users(self).setPassword('joe', 'Joe-Secret-4');
    expect((await new Users(self).getCurrent()).userName).toBe('joe');
    await expect(new Users(again).getCurrent()).rejects.toMatchObject({ status: 401 });
    expect((await users.getTfaSettings('joe')).enabled).toBe(false);
    await users.delete('joe');
  });

  it('logoutAll ends the cookie and token sessions of every user of the tenant; Basic clients keep working', async () => {
    const users = new Users(ctx.client);
    await users.create({ userName: 'kim', email: 'kim@example.com', password: 'Kim-Secret-1' });
    await (await users.get('kim')).assignRole('ROLE_USER_MANAGEMENT_OWN_READ');
    const login = () => authenticate({ baseUrl: ctx.emu.url, tenantId: 't100', username: 'kim', password: 'Kim-Secret-1' });
    const cookie = await login();
    const asKimCookie = new CumulocityRestClient({ baseUrl: ctx.emu.url, auth: cookie, retry: false });
    const asKimBearer = new CumulocityRestClient({ baseUrl: ctx.emu.url, auth: (await login()).toBearer(), retry: false });
    const adminCookie = new CumulocityRestClient({ baseUrl: ctx.emu.url, auth: await authenticate({ baseUrl: ctx.emu.url, tenantId: 't100', username: 'admin', password: 'admin-pass' }), retry: false });
    for (const client of [asKimCookie, asKimBearer, adminCookie]) expect((await new Users(client).getCurrent()).userName).toBeDefined();

    await users.logoutAll();
    for (const client of [asKimCookie, asKimBearer, adminCookie]) await expect(new Users(client).getCurrent()).rejects.toMatchObject({ status: 401 });
    expect((await users.getCurrent()).userName).toBe('admin');
    // A new login works again.
    expect((await new Users(new CumulocityRestClient({ baseUrl: ctx.emu.url, auth: await login(), retry: false })).getCurrent()).userName).toBe('kim');
    // Only a user manager may log everybody out.
    const asKim = new CumulocityRestClient({ baseUrl: ctx.emu.url, auth: new BasicAuth('t100/kim', 'Kim-Secret-1'), retry: false });
    await expect(new Users(asKim).logoutAll()).rejects.toMatchObject({ status: 403 });
    await users.delete('kim');
  });

  it('under injected 429s and 503s: exactly the expected users and memberships', async () => {
    const users = new Users(ctx.client);
    const groups = new UserGroups(ctx.client);
    ctx.emu.faults.add({ kind: 'rateLimit', retryAfter: 0, method: 'POST', path: '^/user/', probability: 0.3 });
    ctx.emu.faults.add({ kind: 'error', status: 503, method: /GET|PUT|DELETE/, path: '^/user/', probability: 0.3 });
    const team = await groups.create({ name: 'Faulty' });
    const names = Array.from({ length: 8 }, (_, index) => `faulty${index}`);
    await users.create(names.map((userName) => ({ userName, email: `${userName}@example.com`, sendPasswordResetEmail: true })), { workers: 4 });
    await groups.assignUsers(team, names, { workers: 4 });
    expect((await users.getAll({ groups: 'Faulty' }, { pageSize: 3, asValues: 'userName' })).sort()).toEqual([...names].sort());
    expect(await users.count({ usernameContains: 'faulty' })).toBe(8);
    await users.delete(names, { workers: 4 });
    await groups.delete(team);
    ctx.emu.faults.clear();
    expect(await users.count({ usernameContains: 'faulty' })).toBe(0);
    expect(await groups.count()).toBe((await groups.getAll()).length);
  });
});
