// Compile-time checks of the public types (run by `pnpm typecheck` and `pnpm test`): each
// `@ts-expect-error` fails the build when the misuse it names starts to compile.
import type { CurrentUser, User, UserGroup } from '@c8y/model';
import type { CumulocityRestClient, JsonValue } from '@c8y/rest-core';
import { InventoryRoles, UserGroups, Users, type InventoryAssignment, type InventoryRole } from '../src/index.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const assertType = <T extends true>(): T | undefined => undefined;

export function typeChecks(client: CumulocityRestClient): void {
  const users = new Users(client);
  const groups = new UserGroups(client);
  const roles = new InventoryRoles(client);

  const _all = users.getAll({ username: 'j', groups: [1, 'Operators'], onlyDevices: false });
  assertType<Equal<typeof _all, Promise<User[]>>>();
  const _names = users.getAll({ owner: 'admin' }, { asValues: 'userName' });
  assertType<Equal<typeof _names, Promise<Array<JsonValue | undefined>>>>();
  const _me = users.getCurrent();
  assertType<Equal<typeof _me, Promise<CurrentUser>>>();
  const _group = groups.getByName('admins');
  assertType<Equal<typeof _group, Promise<UserGroup>>>();
  const _ofUser = groups.getAllOfUser('jane');
  assertType<Equal<typeof _ofUser, Promise<UserGroup[]>>>();
  const _members = groups.getUsers(1);
  assertType<Equal<typeof _members, Promise<User[]>>>();
  const _roleIds = groups.getRoles(1);
  assertType<Equal<typeof _roleIds, Promise<string[]>>>();
  const _role = roles.get(4);
  assertType<Equal<typeof _role, Promise<InventoryRole>>>();
  const _assignments = roles.getAssignments('jane');
  assertType<Equal<typeof _assignments, Promise<InventoryAssignment[]>>>();

  // @ts-expect-error -- userName is no filter of GET /user/{tenantId}/users (the REST name is username)
  void users.getAll({ userName: 'x' });
  // @ts-expect-error -- onlyDevices is a boolean
  void users.count({ onlyDevices: 'yes' });
  // @ts-expect-error -- the users API has no applyTo, getLast, deleteBy
  void users.applyTo;
  // @ts-expect-error -- a user is created from user fields, not any object
  void users.create({ userName: 'x', email: 'x@example.com', password: 1 });
  // @ts-expect-error -- group roles are role ids (strings)
  void groups.assignRoles(1, [42]);
  // @ts-expect-error -- inventory roles have no getLast
  void roles.getLast;
}
