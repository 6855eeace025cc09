import { Resources, User, UserGroup } from '@c8y/model';
import {
  defineResourceApi,
  encodePathSegment,
  runBulk,
  select,
  type BulkOptions,
  type CallOptions,
  type IdLike,
  type ObjectOperationOptions,
  type PagedIterable,
  type PagingOptions,
} from '@c8y/rest-core';
import { getGroupByName } from './support.js';
import type { PagingOnlyFilters } from './user-filters.js';
import { groupMembersQuery, groupRolesQuery, groupsOfUserQuery, userGroupQuery } from './user-queries.js';
import { oneOrMany, requireIntegerId, requireRoleId, requireUsername } from './validate.js';

/**
 * Options of the assignment functions: call options for each request, and `workers`,
 * `abortOnErrors`, `onProgress` when many are assigned at once (one `BulkError` for the failures).
 *
 * @example
 * ```ts
 * const options: AssignOptions = { workers: 4, onProgress: ({ done, total }) => console.log(done, total) };
 * ```
 */
export type AssignOptions = BulkOptions & CallOptions;

/** Runs `operation` for each target with the call options (without the bulk keys) and the run's signal. */
export async function forEachTarget<T>(targets: readonly T[], operation: (target: T, options: CallOptions) => Promise<void>, options: AssignOptions = {}): Promise<void> {
  const { workers, abortOnErrors, onProgress, signal, ...call } = options;
  const bulk: BulkOptions = {
    ...(workers === undefined ? {} : { workers }),
    ...(abortOnErrors === undefined ? {} : { abortOnErrors }),
    ...(onProgress === undefined ? {} : { onProgress }),
    ...(signal === undefined ? {} : { signal }),
  };
  await runBulk(targets, (target, context) => operation(target, { ...call, signal: context.signal }), bulk);
}

/** A group id (integer), checked, with a detached `UserGroup` for its object methods. */
function groupOf(client: UserGroups['client'], group: IdLike): UserGroup {
  return UserGroup.fromJSON(client, { id: requireIntegerId(group, 'group') });
}

/**
 * User groups of the client's tenant (`/user/{tenantId}/groups`, integer ids; "global roles"
 * in the UI): get by id or name, list (all, or the groups of one user), count, create, update,
 * delete, and membership and role assignments, which take effect at once. An id that is not an
 * integer is refused before any request.
 *
 * @example
 * ```ts
 * const groups = new UserGroups(client);
 * const operators = await groups.create({ name: 'Operators' });
 * await groups.assignRoles(operators, ['ROLE_ALARM_READ', 'ROLE_INVENTORY_READ']);
 * await groups.assignUsers(operators, ['jane', 'joe']);
 * ```
 */
export class UserGroups extends /* @__PURE__ */ defineResourceApi({
  resource: Resources.userGroup,
  query: userGroupQuery,
  item: UserGroup,
  operations: ['get', 'select', 'getAll', 'count', 'create', 'update'],
}) {
  /**
   * One group by name (`GET /user/{tenantId}/groupByName/{name}`, the name path-encoded).
   *
   * @throws NotFoundError when there is none; InvalidInputError for an empty name, before any request.
   * @example
   * ```ts
   * const admins = await groups.getByName('admins');
   * ```
   */
  async getByName(name: string, options?: CallOptions): Promise<UserGroup> {
    return getGroupByName(this.client, name, options);
  }

  /**
   * The groups of one user, lazily (`GET /user/{tenantId}/users/{userName}/groups`, a reference
   * collection), with paging like every `select`.
   *
   * @example
   * ```ts
   * for await (const group of groups.selectOfUser('jane')) console.log(group.name);
   * ```
   */
  selectOfUser(username: string, query?: PagingOnlyFilters, options?: PagingOptions): PagedIterable<UserGroup> {
    const path = `${Resources.user.path}/${encodePathSegment(requireUsername(username), 'username')}/groups`;
    return this.operations.selectFrom(
      { path, collectionKey: 'references', itemKey: 'group', collectionMediaType: 'application/vnd.com.nsn.cumulocity.groupreferencecollection+json', querySpec: groupsOfUserQuery },
      query,
      options,
    );
  }

  /**
   * The groups of one user as an array: `selectOfUser(…).toArray()`.
   *
   * @example
   * ```ts
   * const names = (await groups.getAllOfUser('jane')).map((group) => group.name);
   * ```
   */
  async getAllOfUser(username: string, query?: PagingOnlyFilters, options?: PagingOptions): Promise<UserGroup[]> {
    return this.selectOfUser(username, query, options).toArray();
  }

  /**
   * Deletes one group or many (`DELETE /user/{tenantId}/groups/{groupId}` each; many with `workers`).
   *
   * @throws InvalidInputError for an id that is no integer, before any request.
   * @example
   * ```ts
   * await groups.delete(operators);
   * ```
   */
  async delete(groups: IdLike | readonly IdLike[], options?: ObjectOperationOptions<never>): Promise<void> {
    if (Array.isArray(groups)) await this.operations.delete((groups as readonly IdLike[]).map((group, index) => requireIntegerId(group, `groups[${index}]`)), options);
    else await this.operations.delete(requireIntegerId(groups as IdLike, 'group'), options);
  }

  /**
   * Adds users to a group (`POST /user/{tenantId}/groups/{groupId}/users` with a user reference
   * each, through `UserGroup#assignUser`).
   *
   * @throws InvalidInputError for an unusable group id or user name, before any request.
   * @example
   * ```ts
   * await groups.assignUsers(4, ['jane', 'joe'], { workers: 2 });
   * ```
   */
  async assignUsers(group: IdLike, usernames: string | readonly string[], options?: AssignOptions): Promise<void> {
    const target = groupOf(this.client, group);
    const names = oneOrMany(usernames, 'usernames').map((name) => requireUsername(name, 'usernames'));
    await forEachTarget(names, (name, call) => target.assignUser(name, call), options);
  }

  /**
   * Removes users from a group (`DELETE /user/{tenantId}/groups/{groupId}/users/{userName}` each).
   *
   * @example
   * ```ts
   * await groups.unassignUsers(4, 'joe');
   * ```
   */
  async unassignUsers(group: IdLike, usernames: string | readonly string[], options?: AssignOptions): Promise<void> {
    const target = groupOf(this.client, group);
    const names = oneOrMany(usernames, 'usernames').map((name) => requireUsername(name, 'usernames'));
    await forEachTarget(names, (name, call) => target.unassignUser(name, call), options);
  }

  /**
   * Assigns global roles to a group (`POST /user/{tenantId}/groups/{groupId}/roles` with a role
   * reference each, through `UserGroup#assignRole`).
   *
   * @throws InvalidInputError for a role id that is none (`ROLE_` and A-Z, 0-9, `_`), before any request.
   * @example
   * ```ts
   * await groups.assignRoles(4, ['ROLE_ALARM_READ', 'ROLE_EVENT_READ']);
   * ```
   */
  async assignRoles(group: IdLike, roles: string | readonly string[], options?: AssignOptions): Promise<void> {
    const target = groupOf(this.client, group);
    const ids = oneOrMany(roles, 'roles').map((role) => requireRoleId(role, 'roles'));
    await forEachTarget(ids, (role, call) => target.assignRole(role, call), options);
  }

  /**
   * Removes global roles from a group (`DELETE /user/{tenantId}/groups/{groupId}/roles/{roleId}` each).
   *
   * @example
   * ```ts
   * await groups.unassignRoles(4, 'ROLE_EVENT_READ');
   * ```
   */
  async unassignRoles(group: IdLike, roles: string | readonly string[], options?: AssignOptions): Promise<void> {
    const target = groupOf(this.client, group);
    const ids = oneOrMany(roles, 'roles').map((role) => requireRoleId(role, 'roles'));
    await forEachTarget(ids, (role, call) => target.unassignRole(role, call), options);
  }

  /**
   * The ids of a group's global roles (`GET /user/{tenantId}/groups/{groupId}/roles`, a role
   * reference collection, all pages).
   *
   * @example
   * ```ts
   * await groups.getRoles(4); // ['ROLE_ALARM_READ', 'ROLE_EVENT_READ']
   * ```
   */
  async getRoles(group: IdLike, options?: Omit<PagingOptions, 'asValues'>): Promise<string[]> {
    const path = `${Resources.userGroup.path}/${requireIntegerId(group, 'group')}/roles`;
    const resource = { name: 'roleReference', path, collectionKey: 'references', itemKey: 'role', collectionMediaType: 'application/vnd.com.nsn.cumulocity.rolereferencecollection+json', querySpec: groupRolesQuery };
    const ids = await select(this.client, resource, undefined, { ...options, map: (json) => (typeof json.id === 'string' ? json.id : String(json.id)) }).toArray();
    return ids;
  }

  /**
   * A group's members, lazily (`GET /user/{tenantId}/groups/{groupId}/users`, a user reference
   * collection), as `User` objects.
   *
   * @example
   * ```ts
   * for await (const user of groups.selectUsers(4)) console.log(user.userName);
   * ```
   */
  selectUsers(group: IdLike, options?: Omit<PagingOptions, 'asValues'>): PagedIterable<User> {
    const path = `${Resources.userGroup.path}/${requireIntegerId(group, 'group')}/users`;
    const resource = { name: 'userReference', path, collectionKey: 'references', itemKey: 'user', collectionMediaType: 'application/vnd.com.nsn.cumulocity.userreferencecollection+json', querySpec: groupMembersQuery };
    return select(this.client, resource, undefined, { ...options, map: (json) => User.fromJSON(this.client, json) });
  }

  /**
   * A group's members as an array: `selectUsers(…).toArray()`.
   *
   * @example
   * ```ts
   * const names = (await groups.getUsers(4)).map((user) => user.userName);
   * ```
   */
  async getUsers(group: IdLike, options?: Omit<PagingOptions, 'asValues'>): Promise<User[]> {
    return this.selectUsers(group, options).toArray();
  }
}
