import { Resources } from '@c8y/model';
import {
  apiPath,
  defineResourceApi,
  idOf,
  InvalidInputError,
  select,
  type CallOptions,
  type IdLike,
  type ObjectOperationOptions,
} from '@c8y/rest-core';
import { InventoryAssignment, InventoryRole } from './inventory-role.js';
import { jsonReply, tenantOf } from './support.js';
import { forEachTarget, type AssignOptions } from './user-groups.js';
import { inventoryRoleQuery } from './user-queries.js';
import { oneOrMany, requireIntegerId, requireText, requireUsername } from './validate.js';

const ASSIGNMENT = 'application/vnd.com.nsn.cumulocity.inventoryassignment+json';
const ASSIGNMENTS = 'application/vnd.com.nsn.cumulocity.inventoryassignmentcollection+json';

/**
 * An inventory role in an assignment: its integer id (a number, a string of digits, `{ id }`),
 * an `InventoryRole`, or its name (any other string).
 *
 * @example
 * ```ts
 * const roles: InventoryRoleRef[] = [4, 'Readers'];
 * ```
 */
export type InventoryRoleRef = IdLike | InventoryRole;

/** `/user/{tenantId}/users/{userName}/roles/inventory`, the user name checked and encoded. */
async function assignmentsPath(client: InventoryRoles['client'], username: string, options: CallOptions | undefined): Promise<string> {
  const name = requireUsername(username);
  return apiPath`/user/${await tenantOf(client, options)}/users/${name}/roles/inventory`;
}

/**
 * Inventory roles (`/user/inventoryroles`, integer ids): permissions on managed objects
 * (`Permission`, `ReadPermission`, `WritePermission`, `AnyPermission`), and the assignments of
 * roles on a managed object (and its descendants) to a user. An id that is not an integer is
 * refused before any request.
 *
 * @example
 * ```ts
 * const roles = new InventoryRoles(client);
 * const readers = await roles.create({ name: 'Readers', permissions: [new ReadPermission()] });
 * await roles.assign('jane', deviceId, [readers]);
 * ```
 */
export class InventoryRoles extends /* @__PURE__ */ defineResourceApi({
  resource: Resources.inventoryRole,
  query: inventoryRoleQuery,
  item: InventoryRole,
  operations: ['get', 'select', 'getAll', 'count', 'create', 'update'],
}) {
  /**
   * Deletes one inventory role or many (`DELETE /user/inventoryroles/{id}` each; many with `workers`).
   *
   * @example
   * ```ts
   * await roles.delete([4, 5], { workers: 2 });
   * ```
   */
  async delete(roles: IdLike | readonly IdLike[], options?: ObjectOperationOptions<never>): Promise<void> {
    if (Array.isArray(roles)) await this.operations.delete((roles as readonly IdLike[]).map((role, index) => requireIntegerId(role, `roles[${index}]`)), options);
    else await this.operations.delete(requireIntegerId(roles as IdLike, 'role'), options);
  }

  /**
   * A user's inventory assignments (`GET /user/{tenantId}/users/{userName}/roles/inventory`, one
   * unpaged collection `inventoryAssignments`).
   *
   * @example
   * ```ts
   * for (const assignment of await roles.getAssignments('jane')) console.log(assignment.managedObjectId, assignment.roleIds);
   * ```
   */
  async getAssignments(username: string, options?: CallOptions): Promise<InventoryAssignment[]> {
    const path = await assignmentsPath(this.client, username, options);
    const resource = { name: 'inventoryAssignment', path, collectionKey: 'inventoryAssignments', collectionMediaType: ASSIGNMENTS, paged: false, querySpec: inventoryRoleQuery };
    return select(this.client, resource, undefined, { ...options, map: (json) => new InventoryAssignment(json) }).toArray();
  }

  /**
   * Assigns inventory roles on a managed object to a user (`POST
   * /user/{tenantId}/users/{userName}/roles/inventory` with `{ managedObject, roles: [{ name }] }`,
   * as the OpenAPI spec documents). Roles given by id are named from the role listing, and names
   * are checked against it, before the assignment request.
   *
   * @throws InvalidInputError for an empty user name or object id, no roles, or a role id or name
   *   the tenant does not have (before the assignment request).
   * @example
   * ```ts
   * const assignment = await roles.assign('jane', deviceId, ['Readers']);
   * ```
   */
  async assign(username: string, managedObjectId: IdLike, roles: InventoryRoleRef | readonly InventoryRoleRef[], options?: CallOptions): Promise<InventoryAssignment> {
    requireUsername(username);
    const managedObject = idOf(managedObjectId, 'managedObjectId');
    const refs = oneOrMany(roles, 'roles');
    const known = await this.#resolve(refs, options);
    const body = { managedObject, roles: known.map((role) => ({ name: role.name })) };
    const path = await assignmentsPath(this.client, username, options);
    const reply = await this.client.post(path, body, { ...options, contentType: ASSIGNMENT, accept: ASSIGNMENT });
    return new InventoryAssignment(jsonReply(reply, 'POST', `${this.client.baseUrl}${path}`, 'an inventoryAssignment object'));
  }

  /**
   * Replaces the roles of one of a user's assignments (`PUT
   * /user/{tenantId}/users/{userName}/roles/inventory/{assignmentId}` with `{ roles: [{ id }] }`,
   * integer ids). Roles given by name are looked up in the role listing first.
   *
   * @example
   * ```ts
   * const assignment = await roles.assign('jane', deviceId, ['Readers']);
   * await roles.reassign('jane', assignment, ['Readers', 'Restart']);
   * ```
   */
  async reassign(username: string, assignment: IdLike | InventoryAssignment, roles: InventoryRoleRef | readonly InventoryRoleRef[], options?: CallOptions): Promise<InventoryAssignment> {
    requireUsername(username);
    const assignmentId = requireIntegerId(assignment instanceof InventoryAssignment ? { id: assignment.id } : assignment, 'assignment');
    const known = await this.#resolve(oneOrMany(roles, 'roles'), options);
    const path = `${await assignmentsPath(this.client, username, options)}/${assignmentId}`;
    const body = { roles: known.map((role) => ({ id: Number(role.id) })) };
    const reply = await this.client.put(path, body, { ...options, contentType: ASSIGNMENT, accept: ASSIGNMENT });
    return new InventoryAssignment(jsonReply(reply, 'PUT', `${this.client.baseUrl}${path}`, 'an inventoryAssignment object'));
  }

  /**
   * Removes assignments of a user (`DELETE /user/{tenantId}/users/{userName}/roles/inventory/{id}`
   * each; many with `workers`).
   *
   * @example
   * ```ts
   * await roles.unassign('jane', (await roles.getAssignments('jane')).map((a) => a.id ?? ''));
   * ```
   */
  async unassign(username: string, assignments: IdLike | InventoryAssignment | readonly (IdLike | InventoryAssignment)[], options?: AssignOptions): Promise<void> {
    requireUsername(username);
    const ids = oneOrMany(assignments, 'assignments').map((entry) => requireIntegerId(entry instanceof InventoryAssignment ? { id: entry.id } : entry, 'assignments'));
    const base = await assignmentsPath(this.client, username, options);
    await forEachTarget(ids, async (id, call) => {
      await this.client.delete(`${base}/${id}`, call);
    }, options);
  }

  /** The roles named by `refs` (id, name or object) with both id and name, from one listing; unknown → InvalidInputError. */
  async #resolve(refs: readonly InventoryRoleRef[], options: CallOptions | undefined): Promise<InventoryRole[]> {
    const wanted = refs.map((ref, index) => {
      if (ref instanceof InventoryRole && ref.id !== undefined && ref.name !== undefined) return ref;
      if (typeof ref === 'string' && !/^\d+$/.test(ref)) return { name: requireText(ref, `roles[${index}]`) };
      return { id: requireIntegerId(ref, `roles[${index}]`) };
    });
    if (wanted.every((entry) => entry instanceof InventoryRole)) return wanted as InventoryRole[];
    const all = await this.operations.getAll(undefined, options?.signal === undefined ? {} : { signal: options.signal });
    return wanted.map((entry, index) => {
      if (entry instanceof InventoryRole) return entry;
      const found = all.find((role) => ('name' in entry ? role.name === entry.name : role.id === entry.id));
      if (found === undefined) {
        const what = 'name' in entry ? `named ${JSON.stringify(entry.name)}` : `with id ${entry.id}`;
        throw new InvalidInputError(`there is no inventory role ${what}`, { path: `roles[${index}]` });
      }
      return found;
    });
  }
}
