import { describe, expect, it } from '@jest/globals';
import nock from 'nock';
import { InventoryAssignment, InventoryRole, InventoryRoles, ReadPermission, User, UserGroup, UserGroups, WritePermission } from '../src/index.js';
import { BASE, expectInvalid, mt, testClient, useNock } from './helpers.js';

// The exact requests UserGroups and InventoryRoles send: integer ids for groups, roles and
// assignments, string ids (user names, role ids) elsewhere, media types and bodies.

useNock();
const groups = () => new UserGroups(testClient());
const roles = () => new InventoryRoles(testClient());
const userSelf = (name: string) => `${BASE}/user/t100/users/${name}`;

describe('user groups', () => {
  it('get by integer id and by name', async () => {
    nock(BASE, { reqheaders: { accept: mt('group') } })
      .get('/user/t100/groups/4')
      .reply(200, { id: 4, name: 'Ops' })
      .get('/user/t100/groupByName/a%2Fb')
      .reply(200, { id: 5, name: 'a/b' });
    const byId = await groups().get(4);
    expect([byId instanceof UserGroup, byId.id, byId.name]).toEqual([true, '4', 'Ops']);
    expect((await groups().getByName('a/b')).id).toBe('5');
  });

  it('getAll, count: paging only', async () => {
    nock(BASE, { reqheaders: { accept: mt('groupcollection') } })
      .get('/user/t100/groups')
      .query({ pageSize: '1000', currentPage: '1' })
      .reply(200, { groups: [{ id: 1, name: 'admins' }], statistics: { pageSize: 1000, currentPage: 1 } })
      .get('/user/t100/groups')
      .query({ pageSize: '1', withTotalPages: 'true' })
      .reply(200, { groups: [{ id: 1 }], statistics: { pageSize: 1, currentPage: 1, totalPages: 3 } });
    expect(await groups().getAll(undefined, { asValues: 'name' })).toEqual(['admins']);
    expect(await groups().count()).toBe(3);
  });

  it('the groups of one user: a group reference collection', async () => {
    nock(BASE, { reqheaders: { accept: mt('groupreferencecollection') } })
      .get('/user/t100/users/jane/groups')
      .query({ pageSize: '1000', currentPage: '1' })
      .reply(200, { references: [{ group: { id: 2, name: 'readers' } }], statistics: { pageSize: 1000, currentPage: 1 } });
    const found = await groups().getAllOfUser('jane');
    expect(found.map((group) => [group instanceof UserGroup, group.id, group.name])).toEqual([[true, '2', 'readers']]);
  });

  it('create, update, delete', async () => {
    nock(BASE, { reqheaders: { 'content-type': mt('group'), accept: mt('group') } })
      .post('/user/t100/groups', { name: 'Ops', description: 'operators' })
      .reply(201, { id: 9, name: 'Ops', description: 'operators' })
      .put('/user/t100/groups/9', { description: 'plant' })
      .reply(200, { id: 9, name: 'Ops', description: 'plant' });
    nock(BASE).delete('/user/t100/groups/9').reply(204).delete('/user/t100/groups/10').reply(204);
    const created = await groups().create({ name: 'Ops', description: 'operators' });
    expect(created.id).toBe('9');
    expect((await groups().update({ id: 9, description: 'plant' })).description).toBe('plant');
    await groups().delete([created, 10], { workers: 2 });
  });

  it('assign and unassign users: user references, then DELETE by user name', async () => {
    nock(BASE, { reqheaders: { 'content-type': mt('userreference'), accept: mt('userreference') } })
      .post('/user/t100/groups/4/users', { user: { self: userSelf('jane') } })
      .reply(201, {})
      .post('/user/t100/groups/4/users', { user: { self: userSelf('joe') } })
      .reply(201, {});
    nock(BASE).delete('/user/t100/groups/4/users/joe').reply(204);
    await groups().assignUsers(4, ['jane', 'joe'], { workers: 2 });
    await groups().unassignUsers('4', 'joe');
  });

  it('assign and unassign roles: role references, list them', async () => {
    nock(BASE, { reqheaders: { 'content-type': mt('rolereference'), accept: mt('rolereference') } })
      .post('/user/t100/groups/4/roles', { role: { self: `${BASE}/user/roles/ROLE_ALARM_READ` } })
      .reply(201, {});
    nock(BASE).delete('/user/t100/groups/4/roles/ROLE_ALARM_READ').reply(204);
    nock(BASE, { reqheaders: { accept: mt('rolereferencecollection') } })
      .get('/user/t100/groups/4/roles')
      .query({ pageSize: '1000', currentPage: '1' })
      .reply(200, { references: [{ role: { id: 'ROLE_ALARM_READ', name: 'ROLE_ALARM_READ' } }], statistics: { pageSize: 1000, currentPage: 1 } });
    await groups().assignRoles(4, 'ROLE_ALARM_READ');
    expect(await groups().getRoles(4)).toEqual(['ROLE_ALARM_READ']);
    await groups().unassignRoles(4, ['ROLE_ALARM_READ']);
  });

  it("a group's users: a user reference collection of User objects", async () => {
    nock(BASE, { reqheaders: { accept: mt('userreferencecollection') } })
      .get('/user/t100/groups/4/users')
      .query({ pageSize: '1000', currentPage: '1' })
      .reply(200, { references: [{ user: { id: 'jane', userName: 'jane' } }], statistics: { pageSize: 1000, currentPage: 1 } });
    const members = await groups().getUsers(4);
    expect(members.map((user) => [user instanceof User, user.userName])).toEqual([[true, 'jane']]);
  });

  it('bad input is refused before any request', async () => {
    await expectInvalid(groups().get('abc'), 'id', /integer/);
    await expectInvalid(groups().get('../4'), 'id');
    await expectInvalid(groups().delete(['1', 'x']), 'groups[1]');
    await expectInvalid(groups().getByName(''), 'name', /empty/);
    await expectInvalid(groups().assignUsers(4, ['']), 'usernames');
    await expectInvalid(groups().assignUsers(4, []), 'usernames');
    await expectInvalid(groups().assignRoles(4, ['alarm read']), 'roles', /role id/);
    await expectInvalid(groups().assignRoles('x', ['ROLE_ALARM_READ']), 'group');
    expect(() => groups().selectOfUser('')).toThrow(/empty/);
  });
});

describe('inventory roles', () => {
  const role = (id: number, name: string) => ({ id, name, permissions: [{ id: 1, permission: 'READ', scope: '*', type: '*' }] });
  const listing = () =>
    nock(BASE, { reqheaders: { accept: mt('inventoryrolecollection') } })
      .get('/user/inventoryroles')
      .query({ pageSize: '1000', currentPage: '1' })
      .reply(200, { roles: [role(4, 'Readers'), role(5, 'Restart')], statistics: { pageSize: 1000, currentPage: 1 } });

  it('CRUD with integer ids and Permission objects', async () => {
    nock(BASE, { reqheaders: { 'content-type': mt('inventoryrole'), accept: mt('inventoryrole') } })
      .post('/user/inventoryroles', { name: 'Restart', description: 'Can restart', permissions: [{ permission: 'ADMIN', scope: 'OPERATION', type: 'c8y_Restart' }] })
      .reply(201, role(5, 'Restart'))
      .put('/user/inventoryroles/5', { permissions: [{ permission: 'READ', scope: 'ALARM', type: '*' }] })
      .reply(200, role(5, 'Restart'));
    nock(BASE, { reqheaders: { accept: mt('inventoryrole') } }).get('/user/inventoryroles/5').reply(200, role(5, 'Restart'));
    nock(BASE).delete('/user/inventoryroles/5').reply(204);
    const created = await roles().create({ name: 'Restart', description: 'Can restart', permissions: [new WritePermission('OPERATION', 'c8y_Restart')] });
    expect([created instanceof InventoryRole, created.id]).toEqual([true, '5']);
    const loaded = await roles().get(5);
    expect(loaded.permissions.map((permission) => [permission.permission, permission.scope, permission.id])).toEqual([['READ', '*', '1']]);
    loaded.permissions = [new ReadPermission('ALARM')];
    await roles().update(loaded);
    await roles().delete(created);
  });

  it('getAll and count: paging only, collection key roles', async () => {
    listing();
    nock(BASE).get('/user/inventoryroles').query({ pageSize: '1', withTotalPages: 'true' }).reply(200, { roles: [role(4, 'Readers')], statistics: { pageSize: 1, totalPages: 2 } });
    expect(await roles().getAll(undefined, { asValues: 'name' })).toEqual(['Readers', 'Restart']);
    expect(await roles().count()).toBe(2);
  });

  it('getAssignments: one unpaged GET of inventoryAssignments', async () => {
    nock(BASE, { reqheaders: { accept: mt('inventoryassignmentcollection') } })
      .get('/user/t100/users/jane/roles/inventory')
      .reply(200, { inventoryAssignments: [{ id: 7, managedObject: '1105', roles: [role(4, 'Readers')] }] });
    const [assignment] = await roles().getAssignments('jane');
    expect(assignment).toBeInstanceOf(InventoryAssignment);
    expect([assignment?.id, assignment?.managedObjectId, assignment?.roleIds]).toEqual(['7', '1105', ['4']]);
  });

  it('assign: roles by id or name named from the listing, POST { managedObject, roles: [{ name }] }', async () => {
    listing();
    nock(BASE, { reqheaders: { 'content-type': mt('inventoryassignment'), accept: mt('inventoryassignment') } })
      .post('/user/t100/users/jane/roles/inventory', { managedObject: '1105', roles: [{ name: 'Readers' }, { name: 'Restart' }] })
      .reply(200, { id: 7, managedObject: '1105', roles: [role(4, 'Readers'), role(5, 'Restart')] });
    const assignment = await roles().assign('jane', '1105', [4, 'Restart']);
    expect(assignment.roleIds).toEqual(['4', '5']);
  });

  it('assign with InventoryRole objects needs no listing', async () => {
    nock(BASE).post('/user/t100/users/jane/roles/inventory', { managedObject: '1105', roles: [{ name: 'Readers' }] }).reply(200, { id: 7, managedObject: '1105' });
    await roles().assign('jane', { id: '1105' }, InventoryRole.fromJSON(undefined, role(4, 'Readers')));
  });

  it('reassign: PUT { roles: [{ id }] } with integer ids; unassign: DELETE each', async () => {
    listing();
    nock(BASE, { reqheaders: { 'content-type': mt('inventoryassignment') } })
      .put('/user/t100/users/jane/roles/inventory/7', { roles: [{ id: 5 }] })
      .reply(200, { id: 7, managedObject: '1105', roles: [role(5, 'Restart')] });
    nock(BASE).delete('/user/t100/users/jane/roles/inventory/7').reply(204).delete('/user/t100/users/jane/roles/inventory/8').reply(204);
    expect((await roles().reassign('jane', 7, 'Restart')).roleIds).toEqual(['5']);
    await roles().unassign('jane', [7, new InventoryAssignment({ id: 8 })], { workers: 2 });
  });

  it('an unknown role name is an InvalidInputError before the assignment request', async () => {
    listing();
    await expectInvalid(roles().assign('jane', '1105', ['Readers', 'Nope']), 'roles[1]', /no inventory role named "Nope"/);
  });

  it('bad input is refused before any request', async () => {
    await expectInvalid(roles().get('x'), 'id', /integer/);
    await expectInvalid(roles().assign('', '1105', [4]), 'username');
    await expectInvalid(roles().assign('jane', '', [4]), 'managedObjectId');
    await expectInvalid(roles().assign('jane', '1105', []), 'roles');
    await expectInvalid(roles().assign('jane', '1105', ['  ']), 'roles[0]');
    await expectInvalid(roles().unassign('jane', ['x']), 'assignments');
    await expectInvalid(roles().create({ permissions: [] }), 'item.name');
    await expectInvalid(roles().create({ name: 'x', permissions: [] }), 'item.description');
    await expectInvalid(roles().create({ name: 'x', description: 'x' }), 'item.permissions');
    await expectInvalid(roles().create({ name: 'x', description: 'x', permissions: [{ permission: 'WRITE', scope: '*' } as never] }), 'item.permissions[0]');
  });
});
