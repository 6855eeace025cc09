import { describe, it } from '@jest/globals';
import nock from 'nock';
import { InventoryRoles, UserGroups, Users } from '../src/index.js';
import { BASE, expectInvalid, mt, testClient, useNock } from './helpers.js';

// Issue #14 "Bad input": empty user names, invalid e-mail addresses and unknown role names are an
// InvalidInputError naming the field, before any request (useNock fails a test on any request
// that is not mocked; the role listing is the one lookup unknown inventory role names need).

useNock();
const users = () => new Users(testClient());
const groups = () => new UserGroups(testClient());
const roles = () => new InventoryRoles(testClient());

describe('empty user names', () => {
  it.each([
    ['Users.get', () => users().get(''), 'username'],
    ['Users.get (blank)', () => users().get('   '), 'username'],
    ['Users.create', () => users().create({ userName: '', email: 'a@example.com', password: 'Secret-123' }), 'user.userName'],
    ['Users.create (missing)', () => users().create({ email: 'a@example.com', password: 'Secret-123' }), 'user.userName'],
    ['Users.create (many)', () => users().create([{ userName: 'ok', email: 'ok@example.com', password: 'Secret-123' }, { userName: '', email: 'a@example.com', password: 'Secret-123' }]), 'users[1].userName'],
    ['Users.update', () => users().update({ id: 'jane', userName: '' }), 'user.userName'],
    ['Users.setPassword', () => users().setPassword('', 'Secret-123'), 'username'],
    ['Users.delete', () => users().delete(''), 'target'],
    ['Users.delete (many)', () => users().delete(['jane', '']), 'targets[1]'],
    ['Users.getTfaSettings', () => users().getTfaSettings(''), 'username'],
    ['UserGroups.assignUsers', () => groups().assignUsers(4, ['jane', '']), 'usernames'],
    ['UserGroups.unassignUsers', () => groups().unassignUsers(4, ''), 'usernames'],
    ['UserGroups.getAllOfUser', () => groups().getAllOfUser(''), 'username'],
    ['InventoryRoles.getAssignments', () => roles().getAssignments(''), 'username'],
    ['InventoryRoles.assign', () => roles().assign('', '1105', [4]), 'username'],
    ['InventoryRoles.reassign', () => roles().reassign(' ', 7, [4]), 'username'],
    ['InventoryRoles.unassign', () => roles().unassign('', 7), 'username'],
  ])('%s', async (_name, call, path) => {
    await expectInvalid(call(), path);
  });
});

describe('invalid e-mail addresses', () => {
  it.each([
    ['no @', 'jane.example.com'],
    ['no domain dot', 'jane@example'],
    ['a space', 'jane doe@example.com'],
    ['two @', 'jane@doe@example.com'],
    ['empty', ''],
  ])('%s: create and update refuse it', async (_name, email) => {
    await expectInvalid(users().create({ userName: 'jane', email, password: 'Secret-123' }), 'user.email');
    await expectInvalid(users().update({ id: 'jane', email }), 'user.email');
  });

  it('create without an e-mail address', async () => {
    await expectInvalid(users().create({ userName: 'jane', password: 'Secret-123' }), 'user.email');
  });
});

describe('unknown role names', () => {
  const listing = () =>
    nock(BASE, { reqheaders: { accept: mt('inventoryrolecollection') } })
      .get('/user/inventoryroles')
      .query(true)
      .reply(200, { roles: [{ id: 4, name: 'Readers', description: 'r', permissions: [] }], statistics: { pageSize: 2000, currentPage: 1 } });

  it('global roles that are no role id (ROLE_ and A-Z, 0-9, _)', async () => {
    await expectInvalid(groups().assignRoles(4, ['ROLE_ALARM_READ', 'alarm read']), 'roles', /role id/);
    await expectInvalid(groups().assignRoles(4, ['Alarm reader']), 'roles', /role id/);
    await expectInvalid(groups().unassignRoles(4, ['role_alarm_read']), 'roles', /role id/);
    await expectInvalid(groups().assignRoles(4, []), 'roles');
  });

  it('an inventory role name the tenant does not have: assign and reassign, after the one listing', async () => {
    listing();
    await expectInvalid(roles().assign('jane', '1105', ['Readers', 'Nope']), 'roles[1]', /no inventory role named "Nope"/);
    listing();
    await expectInvalid(roles().reassign('jane', 7, ['Nope']), 'roles[0]', /no inventory role named "Nope"/);
  });

  it('an inventory role id the tenant does not have', async () => {
    listing();
    await expectInvalid(roles().assign('jane', '1105', [99]), 'roles[0]');
  });
});
