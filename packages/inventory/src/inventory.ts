import { Availability, ManagedObject, Resources, type ChildKind, type ManagedObjectInit } from '@c8y/model';
import {
  defineResourceApi,
  idOf,
  type AsValues,
  type CallOptions,
  type FilterQuery,
  type IdLike,
  type InlinePagingOptions,
  type JsonObject,
  type PagedIterable,
  type PagingOptions,
  type ValuesOf,
} from '@c8y/rest-core';
import type { InventoryChildrenFilters } from './inventory-filters.js';
import { childrenOf, inventoryQuery, managedObjectDeleteQuery, managedObjectGetQuery } from './inventory-queries.js';
import { assignChildren, createChildObject, unassignChildren } from './inventory-support.js';

type ChildQuery = FilterQuery<InventoryChildrenFilters>;

/**
 * The inventory (`/inventory/managedObjects`): typed queries with paging and workers (including
 * the query-language conveniences `createdFrom`/`createdTo`, `lastMessageFrom`/`lastMessageTo`,
 * `availability`, `group`), counts, create/update/delete one by one or in bulk (`get` and
 * `delete` with the flags the API documents: `withParents`, `cascade`, …), one change applied to
 * many objects (`update(change, ids)`, `applyTo`), child relations, supported measurements and
 * series, availability.
 *
 * @example
 * ```ts
 * const inventory = new Inventory(client);
 * const pumps = await inventory.getAll({ type: 'c8y_Pump', createdFrom: '2025-01-01' });
 * await inventory.update({ my_Fragment: { essential: true } }, ['123456', '1238957']);
 * const device = await inventory.get('123456', { withParents: true });
 * const groupId = '12345';
 * await inventory.assignChildren(groupId, 'childAssets', ['123456', '1238957']);
 * ```
 */
export class Inventory extends /* @__PURE__ */ defineResourceApi({
  resource: Resources.managedObject,
  query: inventoryQuery,
  item: ManagedObject,
  queries: { get: managedObjectGetQuery, delete: managedObjectDeleteQuery },
  operations: ['get', 'select', 'getAll', 'count', 'create', 'update', 'applyTo', 'delete'],
}) {
  /**
   * Reads the children of one kind (`GET …/{parent}/childDevices|childAssets|childAdditions`)
   * lazily, as managed objects (the reference collection's `managedObject`s) or values.
   *
   * @example
   * ```ts
   * for await (const child of inventory.selectChildren(deviceId, 'childDevices', { name: 'Sensor*' })) console.log(child.id);
   * ```
   */
  selectChildren<const A extends AsValues>(parent: IdLike, kind: ChildKind, query: InventoryChildrenFilters & InlinePagingOptions & { asValues: A }, options?: PagingOptions): PagedIterable<ValuesOf<JsonObject, A>>;
  selectChildren<const A extends AsValues>(parent: IdLike, kind: ChildKind, query: ChildQuery | undefined, options: PagingOptions & { asValues: A }): PagedIterable<ValuesOf<JsonObject, A>>;
  selectChildren(parent: IdLike, kind: ChildKind, query?: ChildQuery, options?: PagingOptions): PagedIterable<ManagedObject>;
  selectChildren(parent: IdLike, kind: ChildKind, query?: ChildQuery, options?: PagingOptions): PagedIterable<unknown> {
    return this.operations.selectFrom(childrenOf(idOf(parent, 'parent'), kind), query, options);
  }

  /**
   * Every child of one kind as an array (see {@link selectChildren}).
   *
   * @example
   * ```ts
   * const ids = await inventory.getChildren(groupId, 'childAssets', undefined, { asValues: 'id' });
   * ```
   */
  getChildren<const A extends AsValues>(parent: IdLike, kind: ChildKind, query: InventoryChildrenFilters & InlinePagingOptions & { asValues: A }, options?: PagingOptions): Promise<Array<ValuesOf<JsonObject, A>>>;
  getChildren<const A extends AsValues>(parent: IdLike, kind: ChildKind, query: ChildQuery | undefined, options: PagingOptions & { asValues: A }): Promise<Array<ValuesOf<JsonObject, A>>>;
  getChildren(parent: IdLike, kind: ChildKind, query?: ChildQuery, options?: PagingOptions): Promise<ManagedObject[]>;
  async getChildren(parent: IdLike, kind: ChildKind, query?: ChildQuery, options?: PagingOptions): Promise<unknown[]> {
    return this.operations.selectFrom(childrenOf(idOf(parent, 'parent'), kind), query, options).toArray();
  }

  /**
   * Assigns existing objects as children: one child with a managed object reference, a list
   * with one reference collection (`{ references: [...] }`; the platform adds all or none).
   *
   * @example
   * ```ts
   * await inventory.assignChildren(deviceId, 'childDevices', '4713');
   * await inventory.assignChildren(groupId, 'childAssets', ['4711', '4712']);
   * ```
   */
  async assignChildren(parent: IdLike, kind: ChildKind, children: IdLike | readonly IdLike[], options?: CallOptions): Promise<void> {
    return assignChildren(this.client, parent, kind, children, options);
  }

  /**
   * Removes child relations (the children stay): one child with
   * `DELETE …/{parent}/{kind}/{child}`, a list with one `DELETE …/{parent}/{kind}` and a reference collection body.
   *
   * @example
   * ```ts
   * await inventory.unassignChildren(groupId, 'childAssets', ['4711', '4712']);
   * ```
   */
  async unassignChildren(parent: IdLike, kind: ChildKind, children: IdLike | readonly IdLike[], options?: CallOptions): Promise<void> {
    return unassignChildren(this.client, parent, kind, children, options);
  }

  /**
   * Creates an object directly as a child (`POST …/{parent}/{kind}` with the object, media type
   * `managedobject`), then reads it (`GET`): two requests, one object.
   *
   * @example
   * ```ts
   * const sensor = await inventory.createChild(deviceId, 'childDevices', { name: 'Sensor 1', c8y_IsDevice: {} });
   * ```
   */
  async createChild(parent: IdLike, kind: ChildKind, child: ManagedObject | ManagedObjectInit, options?: CallOptions): Promise<ManagedObject> {
    const body = (child instanceof ManagedObject ? child : new ManagedObject(this.client, child)).toCreateJSON();
    const id = await createChildObject(this.client, parent, kind, body, options);
    return this.operations.get(id, options);
  }

  /**
   * The measurement fragment types of an object (`GET …/{id}/supportedMeasurements`).
   *
   * @example
   * ```ts
   * await inventory.getSupportedMeasurements(deviceId); // ['c8y_TemperatureMeasurement']
   * ```
   */
  async getSupportedMeasurements(id: IdLike, options?: CallOptions): Promise<string[]> {
    return ManagedObject.fromJSON(this.client, { id: idOf(id, 'id') }).getSupportedMeasurements(options);
  }

  /**
   * The series of an object as `fragment.series` (`GET …/{id}/supportedSeries`).
   *
   * @example
   * ```ts
   * await inventory.getSupportedSeries(deviceId); // ['c8y_TemperatureMeasurement.T']
   * ```
   */
  async getSupportedSeries(id: IdLike, options?: CallOptions): Promise<string[]> {
    return ManagedObject.fromJSON(this.client, { id: idOf(id, 'id') }).getSupportedSeries(options);
  }

  /**
   * The latest availability of a device (`GET …/{id}/availability`); a `NotFoundError` when
   * the device is not monitored (no `c8y_RequiredAvailability`).
   *
   * @example
   * ```ts
   * (await inventory.getLatestAvailability(deviceId)).dataStatus; // 'AVAILABLE'
   * ```
   */
  async getLatestAvailability(id: IdLike, options?: CallOptions): Promise<Availability> {
    return ManagedObject.fromJSON(this.client, { id: idOf(id, 'id') }).getAvailability(options);
  }
}
