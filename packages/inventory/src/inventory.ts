import { Availability, ManagedObject, Resources, type ChildKind, type ManagedObjectInit } from '@c8y/model';
import {
  defineResourceApi,
  idOf,
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
import type { DeleteInventoryOptions, GetManagedObjectOptions, InventoryChildrenFilters, InventoryFilters } from './inventory-filters.js';
import { childrenOf, foldInventoryFilters, inventoryQuery } from './inventory-queries.js';
import { assignChildren, createChildObject, DELETE_FLAGS, flagsToParams, GET_FLAGS, namesTargets, unassignChildren } from './inventory-support.js';

type Query = FilterQuery<InventoryFilters>;
type ChildQuery = FilterQuery<InventoryChildrenFilters>;
/** A managed object, or plain JSON naming its target by `id`. */
type Updatable = ManagedObject | (ManagedObjectInit & { readonly id: IdLike });

/**
 * The inventory (`/inventory/managedObjects`): typed queries with paging and workers (including
 * the query-language conveniences `createdFrom`/`createdTo`, `lastMessageFrom`/`lastMessageTo`,
 * `availability`, `group`), counts, create/update/delete one by one or in bulk, one change
 * applied to many objects, child relations, supported measurements and series, availability.
 *
 * @example
 * ```ts
 * const inventory = new Inventory(client);
 * const pumps = await inventory.getAll({ type: 'c8y_Pump', createdFrom: '2025-01-01' });
 * await inventory.update({ my_Fragment: { essential: true } }, ['123456', '1238957']);
 * const groupId = '12345';
 * await inventory.assignChildren(groupId, 'childAssets', ['123456', '1238957']);
 * ```
 */
export class Inventory extends /* @__PURE__ */ defineResourceApi({
  resource: Resources.managedObject,
  query: inventoryQuery,
  item: ManagedObject,
  operations: ['create', 'applyTo'],
}) {
  /**
   * One managed object (`GET /inventory/managedObjects/{id}`, the id path-encoded), with the
   * documented flags as options.
   *
   * @example
   * ```ts
   * const device = await inventory.get(deviceId, { withParents: true, withChildren: false });
   * ```
   */
  async get(id: IdLike, options?: GetManagedObjectOptions): Promise<ManagedObject> {
    return this.operations.get(id, flagsToParams(options, GET_FLAGS));
  }

  /**
   * Reads matching objects lazily (`for await`, `byPage()`, `toArray()`), page by page with
   * `workers` pages in flight; objects, or values under `asValues`.
   *
   * @example
   * ```ts
   * for await (const object of inventory.select({ fragmentType: 'c8y_IsDevice', name: 'Pump*' }, { workers: 4 })) console.log(object.name);
   * ```
   */
  select<const A extends AsValues>(query: InventoryFilters & InlinePagingOptions & { asValues: A }, options?: PagingOptions): PagedIterable<ValuesOf<JsonObject, A>>;
  select<const A extends AsValues>(query: Query | undefined, options: PagingOptions & { asValues: A }): PagedIterable<ValuesOf<JsonObject, A>>;
  select(query?: Query, options?: PagingOptions): PagedIterable<ManagedObject>;
  select(query?: Query, options: PagingOptions = {}): PagedIterable<unknown> {
    return this.operations.select(foldInventoryFilters(query, options.now), options);
  }

  /**
   * Every matching object (or `limit` of them) as an array.
   *
   * @example
   * ```ts
   * const names = await inventory.getAll({ type: 'c8y_Pump' }, { asValues: 'name' });
   * ```
   */
  getAll<const A extends AsValues>(query: InventoryFilters & InlinePagingOptions & { asValues: A }, options?: PagingOptions): Promise<Array<ValuesOf<JsonObject, A>>>;
  getAll<const A extends AsValues>(query: Query | undefined, options: PagingOptions & { asValues: A }): Promise<Array<ValuesOf<JsonObject, A>>>;
  getAll(query?: Query, options?: PagingOptions): Promise<ManagedObject[]>;
  async getAll(query?: Query, options: PagingOptions = {}): Promise<unknown[]> {
    return this.operations.select(foldInventoryFilters(query, options.now), options).toArray();
  }

  /**
   * How many objects match: one `pageSize=1&withTotalPages=true` request.
   *
   * @example
   * ```ts
   * await inventory.count({ type: 'c8y_Pump', availability: 'UNAVAILABLE' });
   * ```
   */
  async count(filters?: InventoryFilters | string, options: CountOptions = {}): Promise<number> {
    return this.operations.count(foldInventoryFilters(filters, options.now), options);
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
   * await inventory.update({ id: deviceId, name: 'Pump 7' });
   * await inventory.update({ my_Fragment: { essential: true } }, ['123456', '1238957'], { workers: 2 });
   * ```
   */
  update(item: Updatable, options?: ObjectOperationOptions<ManagedObject>): Promise<ManagedObject>;
  update(items: readonly Updatable[], options?: ObjectOperationOptions<ManagedObject>): Promise<ManagedObject[]>;
  update(change: ManagedObject | ManagedObjectInit, targets: readonly IdLike[], options?: ObjectOperationOptions<ManagedObject>): Promise<ManagedObject[]>;
  update(change: ManagedObject | ManagedObjectInit, target: IdLike, options?: ObjectOperationOptions<ManagedObject>): Promise<ManagedObject>;
  async update(items: unknown, second?: unknown, third?: ObjectOperationOptions<ManagedObject>): Promise<ManagedObject | ManagedObject[]> {
    if (namesTargets(second)) return this.operations.applyTo(items as ManagedObject, second as IdLike, third);
    return this.operations.update(items as Updatable, second as ObjectOperationOptions<ManagedObject> | undefined);
  }

  /**
   * Deletes one object or many (`DELETE /inventory/managedObjects/{id}` each), with `cascade`,
   * `forceCascade`, `withDeviceUser` as the API documents them, and `workers`.
   *
   * @example
   * ```ts
   * await inventory.delete(groupId, { cascade: true });
   * await inventory.delete(['4711', '4712'], { workers: 4 });
   * ```
   */
  delete(target: IdLike, options?: DeleteInventoryOptions): Promise<void>;
  delete(targets: readonly IdLike[], options?: DeleteInventoryOptions): Promise<void>;
  async delete(targets: IdLike | readonly IdLike[], options?: DeleteInventoryOptions): Promise<void> {
    return this.operations.delete(targets as IdLike, flagsToParams(options, DELETE_FLAGS));
  }

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
  selectChildren(parent: IdLike, kind: ChildKind, query?: ChildQuery, options: PagingOptions = {}): PagedIterable<unknown> {
    const collection = childrenOf(idOf(parent, 'parent'), kind);
    return this.operations.selectFrom(collection, foldInventoryFilters(query, options.now, ['type', 'owner']), options);
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
  async getChildren(parent: IdLike, kind: ChildKind, query?: ChildQuery, options: PagingOptions = {}): Promise<unknown[]> {
    const collection = childrenOf(idOf(parent, 'parent'), kind);
    return this.operations.selectFrom(collection, foldInventoryFilters(query, options.now, ['type', 'owner']), options).toArray();
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
