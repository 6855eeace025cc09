import { DeviceGroup, Resources, type ManagedObjectInit } from '@c8y/model';
import {
  defineResourceApi,
  idOf,
  parseRawQuery,
  type AsValues,
  type CallOptions,
  type CountOptions,
  type FilterQuery,
  type IdLike,
  type InlinePagingOptions,
  type JsonObject,
  type ObjectOperationOptions,
  type PagedIterable,
  type PagingOptions,
  type ValuesOf,
} from '@c8y/rest-core';
import type { DeleteInventoryOptions, DeviceGroupFilters, GetManagedObjectOptions } from './inventory-filters.js';
import { deviceGroupInventoryQuery, foldInventoryFilters } from './inventory-queries.js';
import { asChange, asChanges, assignChildren, createChildObject, DELETE_FLAGS, flagsToParams, GET_FLAGS, namesTargets, unassignChildren } from './inventory-support.js';

type Query = FilterQuery<DeviceGroupFilters>;
/** A group, or plain JSON naming its target by `id`. */
type GroupUpdate = DeviceGroup | (ManagedObjectInit & { readonly id: IdLike });

/** A raw query string becomes filters first, so the group criterion is added to it too. */
function groupsOnly<Q>(query: Q, now: Date | undefined): Q {
  if (typeof query === 'string') return parseRawQuery(query, deviceGroupInventoryQuery) as Q;
  return foldInventoryFilters(query, now);
}

/**
 * The group inventory: managed objects with `c8y_IsDeviceGroup` — root groups (type
 * `c8y_DeviceGroup`) and sub-groups (type `c8y_DeviceSubGroup`). Members and sub-groups are child
 * assets. Every listing and count carries the group criterion. Results are `DeviceGroup` objects.
 *
 * @example
 * ```ts
 * const groups = new DeviceGroupInventory(client);
 * const plant = await groups.create({ name: 'Plant A' });
 * const hall = await groups.createSubGroup(plant, { name: 'Hall 1' });
 * await groups.assignChildren(hall, [deviceId]);
 * await groups.delete(plant, { cascade: true }); // the whole tree, devices included
 * ```
 */
export class DeviceGroupInventory extends /* @__PURE__ */ defineResourceApi({
  resource: Resources.managedObject,
  query: deviceGroupInventoryQuery,
  item: DeviceGroup,
  operations: ['create'],
}) {
  /**
   * One group (`GET /inventory/managedObjects/{id}`; the object is not checked for `c8y_IsDeviceGroup`, the id path-encoded), with the
   * documented flags as options.
   *
   * @example
   * ```ts
   * const device = await groups.get(deviceId, { withParents: true, withChildren: false });
   * ```
   */
  async get(id: IdLike, options?: GetManagedObjectOptions): Promise<DeviceGroup> {
    return this.operations.get(id, flagsToParams(options, GET_FLAGS));
  }

  /**
   * Reads matching groups lazily (every request carries `c8y_IsDeviceGroup`) (`for await`, `byPage()`, `toArray()`), page by page with
   * `workers` pages in flight; objects, or values under `asValues`.
   *
   * @example
   * ```ts
   * for await (const object of groups.select({ name: 'Plant*' }, { workers: 4 })) console.log(object.name);
   * ```
   */
  select<const A extends AsValues>(query: DeviceGroupFilters & InlinePagingOptions & { asValues: A }, options?: PagingOptions): PagedIterable<ValuesOf<JsonObject, A>>;
  select<const A extends AsValues>(query: Query | undefined, options: PagingOptions & { asValues: A }): PagedIterable<ValuesOf<JsonObject, A>>;
  select(query?: Query, options?: PagingOptions): PagedIterable<DeviceGroup>;
  select(query?: Query, options: PagingOptions = {}): PagedIterable<unknown> {
    return this.operations.select(groupsOnly(query, options.now), options);
  }

  /**
   * Every matching object (or `limit` of them) as an array.
   *
   * @example
   * ```ts
   * const plantId = '12345';
   * const names = await groups.getAll({ group: plantId }, { asValues: 'name' });
   * ```
   */
  getAll<const A extends AsValues>(query: DeviceGroupFilters & InlinePagingOptions & { asValues: A }, options?: PagingOptions): Promise<Array<ValuesOf<JsonObject, A>>>;
  getAll<const A extends AsValues>(query: Query | undefined, options: PagingOptions & { asValues: A }): Promise<Array<ValuesOf<JsonObject, A>>>;
  getAll(query?: Query, options?: PagingOptions): Promise<DeviceGroup[]>;
  async getAll(query?: Query, options: PagingOptions = {}): Promise<unknown[]> {
    return this.operations.select(groupsOnly(query, options.now), options).toArray();
  }

  /**
   * How many groups match: one `pageSize=1&withTotalPages=true` request.
   *
   * @example
   * ```ts
   * await groups.count({ type: 'c8y_DeviceSubGroup' });
   * ```
   */
  async count(filters?: DeviceGroupFilters | string, options: CountOptions = {}): Promise<number> {
    return this.operations.count(groupsOnly(filters, options.now), options);
  }

  /**
   * Updates objects (`PUT /inventory/managedObjects/{id}` each), in two forms told apart by the
   * second argument:
   * - `update(item | items, options?)`: model objects send what changed; plain JSON names its target with `id`;
   * - `update(change, id | ids, options?)`: one change, rendered once, sent to every target
   *   (the same as `applyTo`).
   *
   * @example
   * ```ts
   * await groups.update({ id: deviceId, name: 'Pump 7' });
   * await groups.update({ my_Fragment: { essential: true } }, ['123456', '1238957'], { workers: 2 });
   * ```
   */
  update(item: GroupUpdate, options?: ObjectOperationOptions<DeviceGroup>): Promise<DeviceGroup>;
  update(items: readonly GroupUpdate[], options?: ObjectOperationOptions<DeviceGroup>): Promise<DeviceGroup[]>;
  update(change: DeviceGroup | ManagedObjectInit, targets: readonly IdLike[], options?: ObjectOperationOptions<DeviceGroup>): Promise<DeviceGroup[]>;
  update(change: DeviceGroup | ManagedObjectInit, target: IdLike, options?: ObjectOperationOptions<DeviceGroup>): Promise<DeviceGroup>;
  async update(items: unknown, second?: unknown, third?: ObjectOperationOptions<DeviceGroup>): Promise<DeviceGroup | DeviceGroup[]> {
    if (namesTargets(second)) return this.operations.applyTo(asChange(this.client, items, 'change') as DeviceGroup, second as IdLike, third);
    return this.operations.update(asChanges(this.client, items) as GroupUpdate, second as ObjectOperationOptions<DeviceGroup> | undefined);
  }

  /**
   * Sends one change to one group or many (`PUT /inventory/managedObjects/{id}` each): the same as
   * `update(change, ids)`. Plain JSON is sent as given (no `DeviceGroup` defaults added).
   *
   * @example
   * ```ts
   * await groups.applyTo({ c8y_Notes: 'checked' }, ['11', '12'], { workers: 2 });
   * ```
   */
  applyTo(change: DeviceGroup | ManagedObjectInit, targets: readonly IdLike[], options?: ObjectOperationOptions<DeviceGroup>): Promise<DeviceGroup[]>;
  applyTo(change: DeviceGroup | ManagedObjectInit, target: IdLike, options?: ObjectOperationOptions<DeviceGroup>): Promise<DeviceGroup>;
  async applyTo(change: DeviceGroup | ManagedObjectInit, targets: IdLike | readonly IdLike[], options?: ObjectOperationOptions<DeviceGroup>): Promise<DeviceGroup | DeviceGroup[]> {
    return this.operations.applyTo(asChange(this.client, change, 'change') as DeviceGroup, targets as IdLike, options);
  }

  /**
   * Deletes one object or many (`DELETE /inventory/managedObjects/{id}` each), with `cascade`,
   * `forceCascade`, `withDeviceUser` as the API documents them, and `workers`.
   *
   * @example
   * ```ts
   * const groupId = '12345';
   * await groups.delete(groupId, { cascade: true });
   * await groups.delete(['4711', '4712'], { workers: 4 });
   * ```
   */
  delete(target: IdLike, options?: DeleteInventoryOptions): Promise<void>;
  delete(targets: readonly IdLike[], options?: DeleteInventoryOptions): Promise<void>;
  async delete(targets: IdLike | readonly IdLike[], options?: DeleteInventoryOptions): Promise<void> {
    return this.operations.delete(targets as IdLike, flagsToParams(options, DELETE_FLAGS));
  }

  /**
   * Creates a sub-group directly inside a group (`POST …/{parent}/childAssets` with the new
   * group, type `c8y_DeviceSubGroup` unless given), then reads it: two requests, one group.
   *
   * @example
   * ```ts
   * const plantId = '12345';
   * const hall = await groups.createSubGroup(plantId, { name: 'Hall 1' });
   * ```
   */
  async createSubGroup(parent: IdLike, group: DeviceGroup | ManagedObjectInit, options?: CallOptions): Promise<DeviceGroup> {
    const init = group instanceof DeviceGroup ? group.toCreateJSON() : { type: 'c8y_DeviceSubGroup', ...group };
    const body = new DeviceGroup(this.client, init).toCreateJSON();
    const id = await createChildObject(this.client, parent, 'childAssets', body, options);
    return this.operations.get(id, options);
  }

  /**
   * The groups inside a group (its sub-groups): the group listing with `bygroupid(parent)`, so
   * the other filters, paging and `asValues` work as in {@link select}.
   *
   * @example
   * ```ts
   * const plantId = '12345';
   * const halls = await groups.getSubGroups(plantId, { name: 'Hall*' });
   * ```
   */
  getSubGroups<const A extends AsValues>(parent: IdLike, query: Omit<DeviceGroupFilters, 'group'> & InlinePagingOptions & { asValues: A }, options?: PagingOptions): Promise<Array<ValuesOf<JsonObject, A>>>;
  getSubGroups<const A extends AsValues>(parent: IdLike, query: Omit<DeviceGroupFilters, 'group'> | undefined, options: PagingOptions & { asValues: A }): Promise<Array<ValuesOf<JsonObject, A>>>;
  getSubGroups(parent: IdLike, query?: Omit<DeviceGroupFilters, 'group'>, options?: PagingOptions): Promise<DeviceGroup[]>;
  async getSubGroups(parent: IdLike, query: Omit<DeviceGroupFilters, 'group'> = {}, options: PagingOptions = {}): Promise<unknown[]> {
    return this.getAll({ ...query, group: idOf(parent, 'parent') }, options);
  }

  /**
   * Puts devices, assets or sub-groups into a group (child assets): one child with a reference,
   * a list with one reference collection.
   *
   * @example
   * ```ts
   * const hallId = '12346';
   * await groups.assignChildren(hallId, ['4711', '4712']);
   * ```
   */
  async assignChildren(group: IdLike, children: IdLike | readonly IdLike[], options?: CallOptions): Promise<void> {
    return assignChildren(this.client, group, 'childAssets', children, options);
  }

  /**
   * Takes children out of a group (the children stay): one child with
   * `DELETE …/{group}/childAssets/{child}`, a list with one reference collection body.
   *
   * @example
   * ```ts
   * const hallId = '12346';
   * await groups.unassignChildren(hallId, ['4711', '4712']);
   * ```
   */
  async unassignChildren(group: IdLike, children: IdLike | readonly IdLike[], options?: CallOptions): Promise<void> {
    return unassignChildren(this.client, group, 'childAssets', children, options);
  }
}
