import { DeviceGroup, ManagedObject, Resources, type ManagedObjectInit } from '@c8y/model';
import { defineResourceApi, idOf, type AsValues, type CallOptions, type IdLike, type InlinePagingOptions, type JsonObject, type PagingOptions, type ValuesOf } from '@c8y/rest-core';
import type { DeviceGroupFilters } from './inventory-filters.js';
import { deviceGroupInventoryQuery, managedObjectDeleteQuery, managedObjectGetQuery } from './inventory-queries.js';
import { assignChildren, createChildObject, unassignChildren } from './inventory-support.js';

/**
 * The group inventory: managed objects with `c8y_IsDeviceGroup` — root groups (type
 * `c8y_DeviceGroup`) and sub-groups (type `c8y_DeviceSubGroup`). Members and sub-groups are child
 * assets. Every listing and count carries the group criterion. Results are `DeviceGroup` objects;
 * plain-JSON changes (`update`, `applyTo`) are sent as written, without the `DeviceGroup` defaults
 * (which would turn a sub-group into a root group).
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
  change: ManagedObject,
  queries: { get: managedObjectGetQuery, delete: managedObjectDeleteQuery },
  operations: ['get', 'select', 'getAll', 'count', 'create', 'update', 'applyTo', 'delete'],
}) {
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
