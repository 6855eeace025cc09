import { Device, ManagedObject, Resources, type NewDeviceRequest } from '@c8y/model';
import { defineResourceApi, type IdLike, type ObjectOperationOptions } from '@c8y/rest-core';
import { deviceInventoryQuery, managedObjectDeleteQuery, managedObjectGetQuery } from './inventory-queries.js';
import { NewDeviceRequests, type AcceptRequestOptions, type DeviceRequestInput } from './new-device-requests.js';

/**
 * The device inventory: managed objects with `c8y_IsDevice`. Every listing and count carries the
 * device criterion, also with no filters at all (`fragmentType=c8y_IsDevice`, or a query sent as
 * `q`, to which Cumulocity adds it). Results are `Device` objects; plain-JSON changes (`update`,
 * `applyTo`) are sent as written, without the `Device` defaults.
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
  change: ManagedObject,
  queries: { get: managedObjectGetQuery, delete: managedObjectDeleteQuery },
  operations: ['get', 'select', 'getAll', 'count', 'create', 'update', 'applyTo', 'delete'],
}) {
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
