import { Device, Resources, type ManagedObjectInit, type NewDeviceRequest } from '@c8y/model';
import {
  defineResourceApi,
  parseRawQuery,
  type AsValues,
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
import type { DeleteInventoryOptions, DeviceFilters, GetManagedObjectOptions } from './inventory-filters.js';
import { deviceInventoryQuery, foldInventoryFilters } from './inventory-queries.js';
import { asChange, asChanges, DELETE_FLAGS, flagsToParams, GET_FLAGS, namesTargets } from './inventory-support.js';
import { NewDeviceRequests, type AcceptRequestOptions, type DeviceRequestInput } from './new-device-requests.js';

type Query = FilterQuery<DeviceFilters>;
/** A device, or plain JSON naming its target by `id`. */
type DeviceUpdate = Device | (ManagedObjectInit & { readonly id: IdLike });

/**
 * A raw query string becomes filters first, so the device criterion is added to it too
 * (`'type=x'` → `fragmentType=c8y_IsDevice&type=x`; a bare query expression is sent as `q`).
 */
function devicesOnly<Q>(query: Q, now: Date | undefined): Q {
  if (typeof query === 'string') return parseRawQuery(query, deviceInventoryQuery) as Q;
  return foldInventoryFilters(query, now);
}

/**
 * The device inventory: managed objects with `c8y_IsDevice`. Every listing and count carries the
 * device criterion, also with no filters at all (`fragmentType=c8y_IsDevice`, or a query sent as
 * `q`, to which Cumulocity adds it). Results are `Device` objects.
 *
 * @example
 * ```ts
 * const devices = new DeviceInventory(client);
 * const offline = await devices.getAll({ availability: 'UNAVAILABLE', lastMessageTo: 'today' });
 * const pump = await devices.create({ name: 'Pump 7', type: 'c8y_Pump' }); // c8y_IsDevice is added
 * await devices.delete(pump, { withDeviceUser: true });
 * ```
 *
 * The device bootstrap: `request(externalId)` registers a device, `accept(externalId)` lets it
 * fetch its credentials; `requests` lists, reads and deletes the new device requests.
 */
export class DeviceInventory extends /* @__PURE__ */ defineResourceApi({
  resource: Resources.managedObject,
  query: deviceInventoryQuery,
  item: Device,
  operations: ['create'],
}) {
  /**
   * One device (`GET /inventory/managedObjects/{id}`; the object is not checked for `c8y_IsDevice`, the id path-encoded), with the
   * documented flags as options.
   *
   * @example
   * ```ts
   * const device = await devices.get(deviceId, { withParents: true, withChildren: false });
   * ```
   */
  async get(id: IdLike, options?: GetManagedObjectOptions): Promise<Device> {
    return this.operations.get(id, flagsToParams(options, GET_FLAGS));
  }

  /**
   * Reads matching devices lazily (every request carries `c8y_IsDevice`) (`for await`, `byPage()`, `toArray()`), page by page with
   * `workers` pages in flight; objects, or values under `asValues`.
   *
   * @example
   * ```ts
   * for await (const object of devices.select({ name: 'Pump*', availability: 'AVAILABLE' }, { workers: 4 })) console.log(object.name);
   * ```
   */
  select<const A extends AsValues>(query: DeviceFilters & InlinePagingOptions & { asValues: A }, options?: PagingOptions): PagedIterable<ValuesOf<JsonObject, A>>;
  select<const A extends AsValues>(query: Query | undefined, options: PagingOptions & { asValues: A }): PagedIterable<ValuesOf<JsonObject, A>>;
  select(query?: Query, options?: PagingOptions): PagedIterable<Device>;
  select(query?: Query, options: PagingOptions = {}): PagedIterable<unknown> {
    return this.operations.select(devicesOnly(query, options.now), options);
  }

  /**
   * Every matching object (or `limit` of them) as an array.
   *
   * @example
   * ```ts
   * const names = await devices.getAll({ type: 'c8y_Pump' }, { asValues: 'name' });
   * ```
   */
  getAll<const A extends AsValues>(query: DeviceFilters & InlinePagingOptions & { asValues: A }, options?: PagingOptions): Promise<Array<ValuesOf<JsonObject, A>>>;
  getAll<const A extends AsValues>(query: Query | undefined, options: PagingOptions & { asValues: A }): Promise<Array<ValuesOf<JsonObject, A>>>;
  getAll(query?: Query, options?: PagingOptions): Promise<Device[]>;
  async getAll(query?: Query, options: PagingOptions = {}): Promise<unknown[]> {
    return this.operations.select(devicesOnly(query, options.now), options).toArray();
  }

  /**
   * How many devices match: one `pageSize=1&withTotalPages=true` request.
   *
   * @example
   * ```ts
   * await devices.count({ availability: 'UNAVAILABLE' });
   * ```
   */
  async count(filters?: DeviceFilters | string, options: CountOptions = {}): Promise<number> {
    return this.operations.count(devicesOnly(filters, options.now), options);
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
   * await devices.update({ id: deviceId, name: 'Pump 7' });
   * await devices.update({ my_Fragment: { essential: true } }, ['123456', '1238957'], { workers: 2 });
   * ```
   */
  update(item: DeviceUpdate, options?: ObjectOperationOptions<Device>): Promise<Device>;
  update(items: readonly DeviceUpdate[], options?: ObjectOperationOptions<Device>): Promise<Device[]>;
  update(change: Device | ManagedObjectInit, targets: readonly IdLike[], options?: ObjectOperationOptions<Device>): Promise<Device[]>;
  update(change: Device | ManagedObjectInit, target: IdLike, options?: ObjectOperationOptions<Device>): Promise<Device>;
  async update(items: unknown, second?: unknown, third?: ObjectOperationOptions<Device>): Promise<Device | Device[]> {
    if (namesTargets(second)) return this.operations.applyTo(asChange(this.client, items, 'change') as Device, second as IdLike, third);
    return this.operations.update(asChanges(this.client, items) as DeviceUpdate, second as ObjectOperationOptions<Device> | undefined);
  }

  /**
   * Sends one change to one device or many (`PUT /inventory/managedObjects/{id}` each): the same as
   * `update(change, ids)`. Plain JSON is sent as given (no `Device` defaults added).
   *
   * @example
   * ```ts
   * await devices.applyTo({ c8y_Notes: 'checked' }, ['11', '12'], { workers: 2 });
   * ```
   */
  applyTo(change: Device | ManagedObjectInit, targets: readonly IdLike[], options?: ObjectOperationOptions<Device>): Promise<Device[]>;
  applyTo(change: Device | ManagedObjectInit, target: IdLike, options?: ObjectOperationOptions<Device>): Promise<Device>;
  async applyTo(change: Device | ManagedObjectInit, targets: IdLike | readonly IdLike[], options?: ObjectOperationOptions<Device>): Promise<Device | Device[]> {
    return this.operations.applyTo(asChange(this.client, change, 'change') as Device, targets as IdLike, options);
  }

  /**
   * Deletes one object or many (`DELETE /inventory/managedObjects/{id}` each), with `cascade`,
   * `forceCascade`, `withDeviceUser` as the API documents them, and `workers`.
   *
   * @example
   * ```ts
   * await devices.delete(deviceId, { withDeviceUser: true });
   * await devices.delete(['4711', '4712'], { workers: 4 });
   * ```
   */
  delete(target: IdLike, options?: DeleteInventoryOptions): Promise<void>;
  delete(targets: readonly IdLike[], options?: DeleteInventoryOptions): Promise<void>;
  async delete(targets: IdLike | readonly IdLike[], options?: DeleteInventoryOptions): Promise<void> {
    return this.operations.delete(targets as IdLike, flagsToParams(options, DELETE_FLAGS));
  }

  #requests: NewDeviceRequests | undefined;

  /**
   * The new device requests (`/devicecontrol/newDeviceRequests`) of this client: `request`,
   * `accept`, `get`, `select`, `getAll`, `count`, `update`, `delete` (created on first use).
   *
   * @example
   * ```ts
   * const waiting = await devices.requests.getAll();
   * await devices.requests.delete('raspi-0001');
   * ```
   */
  get requests(): NewDeviceRequests {
    this.#requests ??= new NewDeviceRequests(this.client);
    return this.#requests;
  }

  /**
   * Registers a device for the bootstrap (`POST /devicecontrol/newDeviceRequests` with its
   * external id): the same as `requests.request(…)`. The device can then ask for its
   * credentials with the bootstrap user (`@c8y/device-registry`).
   *
   * @example
   * ```ts
   * const request = await devices.request('raspi-0001');
   * request.status; // 'WAITING_FOR_CONNECTION'
   * await devices.request({ id: 'raspi-0002', groupId: '123', type: 'c8y_Pump' });
   * ```
   */
  request(device: DeviceRequestInput, options?: ObjectOperationOptions<NewDeviceRequest>): Promise<NewDeviceRequest>;
  request(devices: readonly DeviceRequestInput[], options?: ObjectOperationOptions<NewDeviceRequest>): Promise<NewDeviceRequest[]>;
  async request(devices: DeviceRequestInput | readonly DeviceRequestInput[], options?: ObjectOperationOptions<NewDeviceRequest>): Promise<NewDeviceRequest | NewDeviceRequest[]> {
    return this.requests.request(devices as DeviceRequestInput, options);
  }

  /**
   * Accepts a registered device once it has asked for its credentials
   * (`PUT /devicecontrol/newDeviceRequests/{externalId}` with `{"status":"ACCEPTED"}`): the same
   * as `requests.accept(…)`.
   *
   * @example
   * ```ts
   * await devices.accept('raspi-0001');
   * await devices.accept('raspi-0002', { securityToken: 'SecureDeviceToken' });
   * ```
   */
  accept(externalId: IdLike, options?: AcceptRequestOptions): Promise<NewDeviceRequest>;
  accept(externalIds: readonly IdLike[], options?: AcceptRequestOptions): Promise<NewDeviceRequest[]>;
  async accept(externalIds: IdLike | readonly IdLike[], options?: AcceptRequestOptions): Promise<NewDeviceRequest | NewDeviceRequest[]> {
    return this.requests.accept(externalIds as IdLike, options);
  }
}
