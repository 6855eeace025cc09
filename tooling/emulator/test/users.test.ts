import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { passwordResetToken, startEmulator, type Emulator } from '../src/index.js';
import { call, cookieValue, mediaType, setCookies } from './accounts-helpers.js';
import { basic, rawRequest, TEST_TENANTS } from './helpers.js';

type Json = Record<string, unknown>;
type Ref = { self: string; role?: Json; group?: Json; user?: Json };

describe('users area', () => {
  let emu: Emulator;
  let base: string;
  beforeAll(async () => {
    emu = await startEmulator({ tenants: TEST_TENANTS });
    base = emu.url;
  });
  afterAll(() => emu.stop());
  beforeEach(() => emu.reset());

  const createUser = (userName: string, extra: Json = {}) =>
    call(base, 'POST', '/user/t100/users', {
      body: { userName, email: `${userName}@example.com`, password: 'secret-123', ...extra },
      type: 'application/vnd.com.nsn.cumulocity.user+json',
      headers: { Accept: 'application/vnd.com.nsn.cumulocity.user+json' },
    });
  const as = (user: string, password = 'secret-123') => basic(`t100/${user}`, password);
  const assignRole = (user: string, role: string) =>
    call(base, 'POST', `/user/t100/users/${user}/roles`, {
      body: { role: { self: `${base}/user/roles/${role}` } },
      type: 'application/vnd.com.nsn.cumulocity.rolereference+json',
    });

  it('GET /user lists the API links', async () => {
    const res = await call(base, 'GET', '/user');
    expect(res.status).toBe(200);
    expect(mediaType(res)).toMatch(/vnd\.com\.nsn\.cumulocity\.userapi\+json/);
    expect(res.body).toMatchObject({ self: `${base}/user`, users: `${base}/user/{tenantId}/users`, roles: `${base}/user/roles` });
  });

  it('creates a user: 201, Location, user representation without password', async () => {
    const res = await createUser('jdoe', { firstName: 'John', lastName: 'Doe', customProperties: { language: 'en' } });
    expect(res.status).toBe(201);
    expect(mediaType(res)).toMatch(/vnd\.com\.nsn\.cumulocity\.user\+json/);
    expect(res.headers.get('location')).toBe(`${base}/user/t100/users/jdoe`);
    expect(res.body).toMatchObject({
      id: 'jdoe',
      userName: 'jdoe',
      self: `${base}/user/t100/users/jdoe`,
      email: 'jdoe@example.com',
      firstName: 'John',
      enabled: true,
      twoFactorAuthenticationEnabled: false,
      customProperties: { language: 'en' },
      roles: { self: `${base}/user/t100/users/jdoe/roles`, references: [] },
      groups: { self: `${base}/user/t100/users/jdoe/groups`, references: [] },
    });
    expect(typeof res.body.lastPasswordChange).toBe('string');
    expect(res.body).not.toHaveProperty('password');
    const got = await call(base, 'GET', '/user/t100/users/jdoe');
    expect(got.status).toBe(200);
    expect(got.body).not.toHaveProperty('password');
    expect(got.body).toMatchObject({ userName: 'jdoe', firstName: 'John' });
    const byName = await call(base, 'GET', '/user/t100/userByName/jdoe');
    expect(byName.body).toMatchObject({ id: 'jdoe' });
  });

  it('without Accept the POST answers 201 without body', async () => {
    const res = await rawRequest(base, {
      method: 'POST',
      path: '/user/t100/users',
      headers: { Authorization: basic('t100/admin', 'admin-pass'), 'Content-Type': 'application/json' },
      body: JSON.stringify({ userName: 'quiet', email: 'q@example.com', password: 'secret-123' }),
    });
    expect(res.status).toBe(201);
    expect(res.body).toBe('');
    expect(res.headers.location).toBe(`${base}/user/t100/users/quiet`);
  });

  it('409 for a duplicate userName (case-insensitive), 422 for invalid payloads', async () => {
    expect((await createUser('jdoe')).status).toBe(201);
    const dup = await createUser('JDoe');
    expect(dup.status).toBe(409);
    expect(dup.body).toMatchObject({ error: 'users/Duplicate' });
    for (const body of [
      { userName: 'x y', email: 'a@b.c', password: 'secret-123' },
      { userName: 'a/b', email: 'a@b.c', password: 'secret-123' },
      { userName: 'ok1', password: 'secret-123' },
      { userName: 'ok2', email: 'a@b.c' },
      { userName: 'ok3', email: 'a@b.c', password: '123' },
      { email: 'a@b.c', password: 'secret-123' },
    ]) {
      const res = await call(base, 'POST', '/user/t100/users', { body });
      expect(res.status).toBe(422);
      expect((res.body as Json).error).toBe('users/Invalid Data');
    }
    // A user without password is fine with sendPasswordResetEmail.
    const reset = await call(base, 'POST', '/user/t100/users', {
      body: { userName: 'later', email: 'later@example.com', sendPasswordResetEmail: true },
      headers: { Accept: 'application/json' },
    });
    expect(reset.status).toBe(201);
    expect(reset.body).toMatchObject({ shouldResetPassword: true });
  });

  it('404 users/Not Found; 403 for another tenant', async () => {
    const res = await call(base, 'GET', '/user/t100/users/nobody');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ error: 'users/Not Found' });
    expect((await call(base, 'GET', '/user/t200/users')).status).toBe(403);
    expect((await call(base, 'GET', '/user/t200/users', { auth: basic('t200/admin', 'other-pass') })).status).toBe(200);
  });

  it('a created user logs in with Basic and gets 403 until a role is assigned', async () => {
    await createUser('jdoe');
    const me = await call(base, 'GET', '/user/currentUser', { auth: as('jdoe') });
    expect(me.status).toBe(403);
    expect(me.body).toMatchObject({ error: 'security/Forbidden' });
    expect((await call(base, 'GET', '/user/t100/users', { auth: as('jdoe') })).status).toBe(403);
    expect((await call(base, 'GET', '/user/t100/users', { auth: as('jdoe', 'wrong-pw') })).status).toBe(401);

    const assigned = await assignRole('jdoe', 'ROLE_USER_MANAGEMENT_OWN_READ');
    expect(assigned.status).toBe(201);
    expect(mediaType(assigned)).toMatch(/rolereference\+json/);
    expect(assigned.body).toEqual({
      self: `${base}/user/t100/users/jdoe/roles/ROLE_USER_MANAGEMENT_OWN_READ`,
      role: { id: 'ROLE_USER_MANAGEMENT_OWN_READ', name: 'ROLE_USER_MANAGEMENT_OWN_READ', self: `${base}/user/roles/ROLE_USER_MANAGEMENT_OWN_READ` },
    });
    const me2 = await call<Json>(base, 'GET', '/user/currentUser', { auth: as('jdoe') });
    expect(me2.status).toBe(200);
    expect(mediaType(me2)).toMatch(/currentuser\+json/);
    expect(me2.body.effectiveRoles).toEqual([
      { id: 'ROLE_USER_MANAGEMENT_OWN_READ', name: 'ROLE_USER_MANAGEMENT_OWN_READ', self: `${base}/user/roles/ROLE_USER_MANAGEMENT_OWN_READ` },
    ]);
    const user = await call<{ roles: { references: Ref[] } }>(base, 'GET', '/user/t100/users/jdoe');
    expect(user.body.roles.references.map((r) => r.role?.id)).toEqual(['ROLE_USER_MANAGEMENT_OWN_READ']);
    // Still no user management rights.
    expect((await call(base, 'GET', '/user/t100/users', { auth: as('jdoe') })).status).toBe(403);

    expect((await call(base, 'DELETE', '/user/t100/users/jdoe/roles/ROLE_USER_MANAGEMENT_OWN_READ')).status).toBe(204);
    expect((await call(base, 'GET', '/user/currentUser', { auth: as('jdoe') })).status).toBe(403);
  });

  it('role references: unknown role 404, missing self 422, unknown user 404', async () => {
    await createUser('jdoe');
    expect((await assignRole('jdoe', 'ROLE_NOPE')).status).toBe(404);
    expect((await call(base, 'POST', '/user/t100/users/jdoe/roles', { body: { role: {} } })).status).toBe(422);
    expect((await assignRole('nobody', 'ROLE_ALARM_READ')).status).toBe(404);
  });

  it('group roles grant access to members (effective roles), and stop when removed', async () => {
    await createUser('jdoe');
    const group = await call<Json>(base, 'POST', '/user/t100/groups', {
      body: { name: 'Watchers', description: 'Can watch' },
      type: 'application/vnd.com.nsn.cumulocity.group+json',
      headers: { Accept: 'application/json' },
    });
    expect(group.status).toBe(201);
    const id = group.body.id;
    expect(typeof id).toBe('number');
    expect(group.body).toMatchObject({
      name: 'Watchers',
      description: 'Can watch',
      self: `${base}/user/t100/groups/${String(id)}`,
      roles: { self: `${base}/user/t100/groups/${String(id)}/roles`, references: [] },
      users: { self: `${base}/user/t100/groups/${String(id)}/users`, references: [] },
    });
    expect((await call(base, 'POST', '/user/t100/groups', { body: { name: 'Watchers' } })).status).toBe(409);
    expect((await call(base, 'POST', '/user/t100/groups', { body: { description: 'no name' } })).status).toBe(422);

    for (const role of ['ROLE_USER_MANAGEMENT_READ', 'ROLE_USER_MANAGEMENT_OWN_READ']) {
      const r = await call(base, 'POST', `/user/t100/groups/${String(id)}/roles`, { body: { role: { self: `${base}/user/roles/${role}` } } });
      expect(r.status).toBe(201);
    }
    const again = await call(base, 'POST', `/user/t100/groups/${String(id)}/roles`, { body: { role: { self: `${base}/user/roles/ROLE_USER_MANAGEMENT_READ` } } });
    expect(again.status).toBe(409);
    expect((await call(base, 'GET', '/user/t100/users', { auth: as('jdoe') })).status).toBe(403);

    const member = await call<{ user: Json }>(base, 'POST', `/user/t100/groups/${String(id)}/users`, {
      body: { user: { self: `${base}/user/t100/users/jdoe` } },
      type: 'application/vnd.com.nsn.cumulocity.userreference+json',
      headers: { Accept: 'application/json' },
    });
    expect(member.status).toBe(201);
    expect(member.body).toMatchObject({ self: `${base}/user/t100/groups/${String(id)}/users/jdoe`, user: { userName: 'jdoe' } });

    const list = await call(base, 'GET', '/user/t100/users', { auth: as('jdoe') });
    expect(list.status).toBe(200);
    const me = await call<{ effectiveRoles: Json[] }>(base, 'GET', '/user/currentUser', { auth: as('jdoe') });
    expect(me.body.effectiveRoles.map((r) => r.id)).toEqual(['ROLE_USER_MANAGEMENT_OWN_READ', 'ROLE_USER_MANAGEMENT_READ']);
    // Direct roles of the user stay empty: group roles are not copied.
    const user = await call<{ roles: { references: Ref[] }; groups: { references: Ref[] } }>(base, 'GET', '/user/t100/users/jdoe');
    expect(user.body.roles.references).toEqual([]);
    expect(user.body.groups.references.map((g) => g.group?.name)).toEqual(['Watchers']);

    const groups = await call<{ references: Ref[] }>(base, 'GET', '/user/t100/users/jdoe/groups');
    expect(mediaType(groups)).toMatch(/groupreferencecollection/);
    expect(groups.body.references.map((g) => g.group?.id)).toEqual([id]);
    const members = await call<{ references: Ref[] }>(base, 'GET', `/user/t100/groups/${String(id)}/users`);
    expect(members.body.references.map((r) => r.user?.userName)).toEqual(['jdoe']);
    const roles = await call<{ references: Ref[] }>(base, 'GET', `/user/t100/groups/${String(id)}/roles`);
    expect(mediaType(roles)).toMatch(/rolereferencecollection/);
    expect(roles.body.references.map((r) => r.role?.id)).toEqual(['ROLE_USER_MANAGEMENT_OWN_READ', 'ROLE_USER_MANAGEMENT_READ']);
    const filtered = await call<{ users: Json[] }>(base, 'GET', `/user/t100/users?groups=${String(id)}`);
    expect(filtered.body.users.map((u) => u.userName)).toEqual(['jdoe']);

    // Removing the role from the group revokes it for members.
    expect((await call(base, 'DELETE', `/user/t100/groups/${String(id)}/roles/ROLE_USER_MANAGEMENT_READ`)).status).toBe(204);
    expect((await call(base, 'GET', '/user/t100/users', { auth: as('jdoe') })).status).toBe(403);
    expect((await call(base, 'GET', '/user/currentUser', { auth: as('jdoe') })).status).toBe(200);
    // Removing the user from the group revokes the rest.
    expect((await call(base, 'DELETE', `/user/t100/groups/${String(id)}/users/jdoe`)).status).toBe(204);
    expect((await call(base, 'GET', '/user/currentUser', { auth: as('jdoe') })).status).toBe(403);
  });

  it('groups: get, byName, update, delete; integer ids; 404 groups/Not Found', async () => {
    const a = await call<Json>(base, 'POST', '/user/t100/groups', { body: { name: 'A' }, headers: { Accept: 'application/json' } });
    const b = await call<Json>(base, 'POST', '/user/t100/groups', { body: { name: 'B' }, headers: { Accept: 'application/json' } });
    expect(b.body.id).toBe(Number(a.body.id) + 1);
    const list = await call<{ groups: Json[]; statistics: Json }>(base, 'GET', '/user/t100/groups?withTotalElements=true');
    expect(mediaType(list)).toMatch(/groupcollection/);
    expect(list.body.groups.map((g) => g.name)).toEqual(['A', 'B']);
    expect(list.body.statistics).toMatchObject({ totalElements: 2, pageSize: 5, currentPage: 1 });
    expect((await call(base, 'GET', '/user/t100/groupByName/B')).body).toMatchObject({ id: b.body.id });
    expect((await call(base, 'GET', '/user/t100/groupByName/C')).status).toBe(404);
    const put = await call(base, 'PUT', `/user/t100/groups/${String(a.body.id)}`, { body: { description: 'new' }, headers: { Accept: 'application/json' } });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ name: 'A', description: 'new' });
    expect((await call(base, 'PUT', `/user/t100/groups/${String(a.body.id)}`, { body: { name: 'B' } })).status).toBe(409);
    expect((await call(base, 'DELETE', `/user/t100/groups/${String(a.body.id)}`)).status).toBe(204);
    const gone = await call(base, 'GET', `/user/t100/groups/${String(a.body.id)}`);
    expect(gone.status).toBe(404);
    expect(gone.body).toMatchObject({ error: 'groups/Not Found' });
    expect((await call(base, 'GET', '/user/t100/groups/abc')).status).toBe(404);
  });

  it('user list filters: username prefix, usernameContains, onlyDevices, owner, withSubusersCount', async () => {
    await createUser('jdoe');
    await createUser('jsmith');
    await createUser('anna');
    const names = async (q: string, auth?: string) =>
      ((await call<{ users: Json[] }>(base, 'GET', `/user/t100/users?pageSize=100&${q}`, auth ? { auth } : {})).body.users ?? []).map((u) => u.userName);
    expect(await names('')).toEqual(['admin', 'anna', 'jdoe', 'jsmith', 'plain', 'reader']);
    expect(await names('username=J')).toEqual(['jdoe', 'jsmith']);
    expect(await names('usernameContains=smi')).toEqual(['jsmith']);
    expect((await call(base, 'GET', '/user/t100/users?usernameContains=sm')).status).toBe(422);
    expect((await call(base, 'GET', '/user/t100/users?usernameContains=smi&username=j')).status).toBe(422);
    expect(await names('onlyDevices=true')).toEqual(['device_abc']);

    // A creator with only ROLE_USER_MANAGEMENT_CREATE becomes the owner.
    await assignRole('jdoe', 'ROLE_USER_MANAGEMENT_CREATE');
    const sub = await call(base, 'POST', '/user/t100/users', {
      auth: as('jdoe'),
      body: { userName: 'sub1', email: 's@example.com', password: 'secret-123' },
      headers: { Accept: 'application/json' },
    });
    expect(sub.status).toBe(201);
    expect(sub.body).toMatchObject({ owner: 'jdoe' });
    expect(await names('owner=jdoe')).toEqual(['sub1']);
    const counted = await call<{ users: Json[] }>(base, 'GET', '/user/t100/users?username=jdoe&withSubusersCount=true');
    expect(counted.body.users[0]).toMatchObject({ userName: 'jdoe', subusersCount: 1 });
  });

  it('PUT updates fields and the write-only password; DELETE removes the login', async () => {
    await createUser('jdoe');
    await assignRole('jdoe', 'ROLE_USER_MANAGEMENT_OWN_READ');
    const put = await call(base, 'PUT', '/user/t100/users/jdoe', {
      body: { firstName: 'Johnny', password: 'new-secret-1' },
      type: 'application/vnd.com.nsn.cumulocity.user+json',
      headers: { Accept: 'application/json' },
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ firstName: 'Johnny' });
    expect(put.body).not.toHaveProperty('password');
    expect((await call(base, 'GET', '/user/currentUser', { auth: as('jdoe') })).status).toBe(401);
    expect((await call(base, 'GET', '/user/currentUser', { auth: as('jdoe', 'new-secret-1') })).status).toBe(200);
    expect((await call(base, 'PUT', '/user/t100/users/jdoe', { body: { password: '1' } })).status).toBe(422);
    expect((await call(base, 'PUT', '/user/t100/users/nobody', { body: { firstName: 'x' } })).status).toBe(404);

    expect((await call(base, 'DELETE', '/user/t100/users/jdoe')).status).toBe(204);
    expect((await call(base, 'GET', '/user/t100/users/jdoe')).status).toBe(404);
    expect((await call(base, 'GET', '/user/currentUser', { auth: as('jdoe', 'new-secret-1') })).status).toBe(401);
    expect((await call(base, 'DELETE', '/user/t100/users/jdoe')).status).toBe(404);
  });

  it('legacy PUT /user/{t}/users/{u}/password', async () => {
    await createUser('jdoe');
    await assignRole('jdoe', 'ROLE_USER_MANAGEMENT_OWN_READ');
    expect((await call(base, 'PUT', '/user/t100/users/jdoe/password', { body: { newPassword: 'changed-1' } })).status).toBe(200);
    expect((await call(base, 'GET', '/user/currentUser', { auth: as('jdoe', 'changed-1') })).status).toBe(200);
    expect((await call(base, 'PUT', '/user/t100/users/jdoe/password', { body: { newPassword: 'x' } })).status).toBe(422);
  });

  it('role catalogue: /user/roles paged, /user/roles/{name}', async () => {
    const page = await call<{ roles: Json[]; statistics: Json }>(base, 'GET', '/user/roles?pageSize=2000');
    expect(page.status).toBe(200);
    expect(mediaType(page)).toMatch(/rolecollection/);
    expect(page.body.roles).toContainEqual({ id: 'ROLE_ALARM_ADMIN', name: 'ROLE_ALARM_ADMIN', self: `${base}/user/roles/ROLE_ALARM_ADMIN` });
    const small = await call<{ roles: Json[] }>(base, 'GET', '/user/roles');
    expect(small.body.roles).toHaveLength(5);
    const one = await call(base, 'GET', '/user/roles/ROLE_INVENTORY_READ');
    expect(one.status).toBe(200);
    expect(mediaType(one)).toMatch(/vnd\.com\.nsn\.cumulocity\.role\+json/);
    expect((await call(base, 'GET', '/user/roles/ROLE_UNKNOWN')).status).toBe(404);
    expect((await call(base, 'GET', '/user/roles', { auth: basic('t100/plain', 'plain-pass') })).status).toBe(403);
  });

  it('inventory roles: integer ids, validated permission enums, 409 duplicates, CRUD', async () => {
    const body = { name: 'Operations: Restart Device', description: 'Can restart devices.', permissions: [{ permission: 'ADMIN', scope: 'OPERATION', type: 'c8y_Restart' }] };
    const created = await call<Json & { permissions: Json[] }>(base, 'POST', '/user/inventoryroles', {
      body,
      type: 'application/vnd.com.nsn.cumulocity.inventoryrole+json',
      headers: { Accept: 'application/json' },
    });
    expect(created.status).toBe(201);
    expect(typeof created.body.id).toBe('number');
    expect(created.body).toMatchObject({ name: body.name, description: body.description, self: `${base}/user/inventoryroles/${String(created.body.id)}` });
    expect(created.body.permissions[0]).toMatchObject({ permission: 'ADMIN', scope: 'OPERATION', type: 'c8y_Restart' });
    expect(typeof created.body.permissions[0]?.id).toBe('number');
    expect((await call(base, 'POST', '/user/inventoryroles', { body })).status).toBe(409);
    for (const permissions of [[{ permission: 'WRITE', scope: 'OPERATION' }], [{ permission: 'READ', scope: 'DEVICE' }], 'x']) {
      const bad = await call(base, 'POST', '/user/inventoryroles', { body: { name: 'Bad', description: 'd', permissions } });
      expect(bad.status).toBe(422);
    }
    expect((await call(base, 'POST', '/user/inventoryroles', { body: { name: 'No description', permissions: [] } })).status).toBe(422);
    const id = String(created.body.id);
    const list = await call<{ roles: Json[] }>(base, 'GET', '/user/inventoryroles');
    expect(mediaType(list)).toMatch(/inventoryrolecollection/);
    expect(list.body.roles.map((r) => r.id)).toEqual([created.body.id]);
    const put = await call(base, 'PUT', `/user/inventoryroles/${id}`, {
      body: { description: 'Restart.', permissions: [{ permission: '*', scope: '*' }] },
      headers: { Accept: 'application/json' },
    });
    expect(put.body).toMatchObject({ description: 'Restart.', permissions: [{ permission: '*', scope: '*', type: '*' }] });
    expect((await call(base, 'GET', `/user/inventoryroles/${id}`)).body).toMatchObject({ description: 'Restart.' });
    expect((await call(base, 'DELETE', `/user/inventoryroles/${id}`)).status).toBe(204);
    expect((await call(base, 'GET', `/user/inventoryroles/${id}`)).status).toBe(404);
  });

  it('inventory assignments: POST → 200, GET/PUT/DELETE by id; only-inventory-role users page restricted', async () => {
    await createUser('field');
    const role = await call<Json>(base, 'POST', '/user/inventoryroles', {
      body: { name: 'Reader', description: 'reads', permissions: [{ permission: 'READ', scope: '*', type: '*' }] },
      headers: { Accept: 'application/json' },
    });
    const other = await call<Json>(base, 'POST', '/user/inventoryroles', {
      body: { name: 'Admin', description: 'admin', permissions: [{ permission: 'ADMIN', scope: 'MANAGED_OBJECT' }] },
      headers: { Accept: 'application/json' },
    });
    const user = () => emu.tenants.get('t100')?.findUser('field');
    expect(user()?.restrictedPaging).toBe(false);

    const res = await call<Json & { roles: Json[] }>(base, 'POST', '/user/t100/users/field/roles/inventory', {
      body: { managedObject: '1105', roles: [{ name: 'Reader' }] },
      type: 'application/vnd.com.nsn.cumulocity.inventoryassignment+json',
      headers: { Accept: 'application/json' },
    });
    expect(res.status).toBe(200);
    expect(mediaType(res)).toMatch(/inventoryassignment\+json/);
    const id = String(res.body.id);
    expect(res.body).toMatchObject({ managedObject: '1105', self: `${base}/user/t100/users/field/roles/inventory/${id}` });
    expect(res.body.roles.map((r) => r.id)).toEqual([role.body.id]);
    expect(user()?.restrictedPaging).toBe(true);

    const list = await call<{ inventoryAssignments: Json[] }>(base, 'GET', '/user/t100/users/field/roles/inventory');
    expect(mediaType(list)).toMatch(/inventoryassignmentcollection/);
    expect(list.body.inventoryAssignments.map((a) => a.id)).toEqual([res.body.id]);
    const put = await call<{ roles: Json[] }>(base, 'PUT', `/user/t100/users/field/roles/inventory/${id}`, {
      body: { roles: [{ id: other.body.id }] },
      headers: { Accept: 'application/json' },
    });
    expect(put.status).toBe(200);
    expect(put.body.roles.map((r) => r.name)).toEqual(['Admin']);
    expect((await call(base, 'GET', `/user/t100/users/field/roles/inventory/${id}`)).body).toMatchObject({ managedObject: '1105' });
    expect((await call(base, 'POST', '/user/t100/users/field/roles/inventory', { body: { managedObject: '1', roles: [{ name: 'Nope' }] } })).status).toBe(422);
    expect((await call(base, 'POST', '/user/t100/users/field/roles/inventory', { body: { roles: [{ name: 'Reader' }] } })).status).toBe(422);
    expect((await call(base, 'POST', '/user/t100/users/nobody/roles/inventory', { body: { managedObject: '1', roles: [{ name: 'Reader' }] } })).status).toBe(404);

    // A global inventory read role lifts the restriction.
    await assignRole('field', 'ROLE_INVENTORY_READ');
    expect(user()?.restrictedPaging).toBe(false);
    expect((await call(base, 'DELETE', '/user/t100/users/field/roles/ROLE_INVENTORY_READ')).status).toBe(204);
    expect(user()?.restrictedPaging).toBe(true);
    expect((await call(base, 'DELETE', `/user/t100/users/field/roles/inventory/${id}`)).status).toBe(204);
    expect(user()?.restrictedPaging).toBe(false);
    expect((await call(base, 'GET', `/user/t100/users/field/roles/inventory/${id}`)).status).toBe(404);
  });

  it('POST /user/logout/{tenantId}/allUsers ends every token session of the tenant (cookies and Bearer), not Basic', async () => {
    await createUser('jdoe');
    await assignRole('jdoe', 'ROLE_USER_MANAGEMENT_OWN_READ');
    const FORM = 'application/x-www-form-urlencoded';
    const cookieLogin = async (tenant: string, username: string, password: string) => {
      const res = await call(base, 'POST', `/tenant/oauth?tenant_id=${tenant}`, { auth: null, body: `grant_type=PASSWORD&username=${username}&password=${password}`, type: FORM });
      expect(res.status).toBe(200);
      const cookies = setCookies(res);
      return { Cookie: `authorization=${cookieValue(cookies, 'authorization') ?? ''}`, 'X-XSRF-TOKEN': cookieValue(cookies, 'XSRF-TOKEN') ?? '' };
    };
    const bearerLogin = async (tenant: string, username: string, password: string) => {
      const res = await call<{ access_token: string }>(base, 'POST', `/tenant/oauth/token?tenant_id=${tenant}`, { auth: null, body: `grant_type=PASSWORD&username=${username}&password=${password}`, type: FORM });
      expect(res.status).toBe(200);
      return `Bearer ${res.body.access_token}`;
    };
    const whoAmI = (auth: string | null, headers: Record<string, string> = {}) => call(base, 'GET', '/user/currentUser', { auth, headers });
    const jdoeCookie = await cookieLogin('t100', 'jdoe', 'secret-123');
    const jdoeBearer = await bearerLogin('t100', 'jdoe', 'secret-123');
    const adminBearer = await bearerLogin('t100', 'admin', 'admin-pass');
    const otherTenant = await bearerLogin('t200', 'admin', 'other-pass');
    for (const [auth, headers] of [[null, jdoeCookie], [jdoeBearer, {}], [adminBearer, {}], [otherTenant, {}]] as const) expect((await whoAmI(auth, headers)).status).toBe(200);

    // Only a user manager of the tenant itself.
    expect((await call(base, 'POST', '/user/logout/t100/allUsers', { auth: as('jdoe') })).status).toBe(403);
    expect((await call(base, 'POST', '/user/logout/t200/allUsers')).status).toBe(403);
    expect((await call(base, 'POST', '/user/logout/nope/allUsers')).status).toBe(403);
    expect((await whoAmI(jdoeBearer)).status).toBe(200);

    const res = await call(base, 'POST', '/user/logout/t100/allUsers', { auth: adminBearer });
    expect(res.status).toBe(200);
    expect(res.body).toBe('');
    for (const [auth, headers] of [[null, jdoeCookie], [jdoeBearer, {}], [adminBearer, {}]] as const) expect((await whoAmI(auth, headers)).status).toBe(401);
    // Other tenants' sessions and Basic credentials are untouched; new logins work.
    expect((await whoAmI(otherTenant)).status).toBe(200);
    expect((await whoAmI(as('jdoe'))).status).toBe(200);
    expect((await whoAmI(await bearerLogin('t100', 'jdoe', 'secret-123'))).status).toBe(200);
    expect((await whoAmI(null, await cookieLogin('t100', 'jdoe', 'secret-123'))).status).toBe(200);
  });

  it('GET /user/{t}/users/{u}/tfa', async () => {
    const res = await call(base, 'GET', '/user/t100/users/admin/tfa');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ tfaEnabled: false, tfaEnforced: false, strategy: 'TOTP' });
    await createUser('jdoe');
    // Reading one's own TFA settings needs no role.
    expect((await call(base, 'GET', '/user/t100/users/jdoe/tfa', { auth: as('jdoe') })).status).toBe(200);
    expect((await call(base, 'GET', '/user/t100/users/admin/tfa', { auth: as('jdoe') })).status).toBe(403);
  });

  it('password reset: POST 204 (always), PUT with the token sets the password', async () => {
    await createUser('jdoe');
    await assignRole('jdoe', 'ROLE_USER_MANAGEMENT_OWN_READ');
    const post = await call(base, 'POST', '/user/passwordReset?tenantId=t100', { auth: null, body: { email: 'JDOE@example.com' } });
    expect(post.status).toBe(204);
    expect((await call(base, 'POST', '/user/passwordReset?tenantId=t100', { auth: null, body: { email: 'nobody@example.com' } })).status).toBe(204);
    expect(passwordResetToken(emu, 't100', 'nobody@example.com')).toBeUndefined();
    const token = passwordResetToken(emu, 't100', 'jdoe@example.com');
    expect(typeof token).toBe('string');
    const wrong = await call(base, 'PUT', '/user/passwordReset?tenantId=t100', { auth: null, body: { token: 'nope', email: 'jdoe@example.com', newPassword: 'reset-pass-1' } });
    expect(wrong.status).toBe(422);
    const ok = await call(base, 'PUT', '/user/passwordReset?tenantId=t100', { auth: null, body: { token, email: 'jdoe@example.com', newPassword: 'reset-pass-1' } });
    expect(ok.status).toBe(200);
    expect((await call(base, 'GET', '/user/currentUser', { auth: as('jdoe', 'reset-pass-1') })).status).toBe(200);
    // One-time token.
    expect((await call(base, 'PUT', '/user/passwordReset?tenantId=t100', { auth: null, body: { token, email: 'jdoe@example.com', newPassword: 'again-pass-1' } })).status).toBe(422);
  });
});
