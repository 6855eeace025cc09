import { NewDeviceRequest, Resources, type NewDeviceRequestInit } from '@c8y/model';
import { defineResourceApi, InvalidInputError, type IdLike, type ObjectOperationOptions } from '@c8y/rest-core';
import { newDeviceRequestQuery } from './inventory-queries.js';

/**
 * What `request()` registers: the device's external id, or a request with more fields
 * (`groupId`, `type`, `enrollmentToken`), as plain JSON or a `NewDeviceRequest`.
 *
 * @example
 * ```ts
 * const byId: DeviceRequestInput = 'raspi-0001';
 * const withGroup: DeviceRequestInput = { id: 'raspi-0002', groupId: '123', type: 'c8y_Pump' };
 * ```
 */
export type DeviceRequestInput = string | NewDeviceRequest | (NewDeviceRequestInit & { readonly id: string });

/**
 * Options of `accept()`: the run options of `applyTo` (`workers`, `onProgress`, `abortOnErrors`
 * for a list) and the call options, plus the security token.
 *
 * @example
 * ```ts
 * const options: AcceptRequestOptions = { securityToken: 'SecureDeviceToken', signal: AbortSignal.timeout(10_000) };
 * ```
 */
export interface AcceptRequestOptions extends ObjectOperationOptions<NewDeviceRequest> {
  /**
   * The token the device sent with its credentials request (when the tenant's security token
   * policy asks for one); Cumulocity accepts only when they match. @default none sent
   */
  securityToken?: string;
}

function toInput(device: unknown): unknown {
  return typeof device === 'string' ? { id: device } : device;
}

/**
 * The new device requests (`/devicecontrol/newDeviceRequests`): the tenant's side of the device
 * bootstrap. `request(externalId)` registers a device; the device then asks for its credentials
 * (see `@c8y/device-registry`), which moves the request to `PENDING_ACCEPTANCE`; `accept(externalId)`
 * lets the next credentials request succeed. Requests are named by the device's external id
 * (path-encoded, so `'a/b'` is one segment). Also reachable as `deviceInventory.requests`.
 *
 * @example
 * ```ts
 * const requests = new NewDeviceRequests(client);
 * await requests.request('raspi-0001');                       // WAITING_FOR_CONNECTION
 * const pending = await requests.getAll({ limit: 100 });      // NewDeviceRequest objects
 * await requests.accept('raspi-0001');                        // once PENDING_ACCEPTANCE
 * ```
 */
export class NewDeviceRequests extends /* @__PURE__ */ defineResourceApi({
  resource: Resources.newDeviceRequest,
  query: newDeviceRequestQuery,
  item: NewDeviceRequest,
  operations: ['get', 'select', 'getAll', 'count', 'update', 'delete'],
}) {
  /**
   * Registers one device or many (`POST /devicecontrol/newDeviceRequests` each, media type
   * `newdevicerequest`): an external id, or a request with `groupId`, `type`, `enrollmentToken`.
   * Every input is checked before the first request. Resolves the created requests
   * (`WAITING_FOR_CONNECTION`), in input order; a list fails as one `BulkError`.
   *
   * @throws InvalidInputError for an empty id, a `status` or `securityToken` (not allowed on creation), before any request.
   * @example
   * ```ts
   * const request = await requests.request('raspi-0001');
   * await requests.request([{ id: 'raspi-0002', groupId: '123' }, 'raspi-0003'], { workers: 2 });
   * ```
   */
  request(device: DeviceRequestInput, options?: ObjectOperationOptions<NewDeviceRequest>): Promise<NewDeviceRequest>;
  request(devices: readonly DeviceRequestInput[], options?: ObjectOperationOptions<NewDeviceRequest>): Promise<NewDeviceRequest[]>;
  async request(devices: DeviceRequestInput | readonly DeviceRequestInput[], options?: ObjectOperationOptions<NewDeviceRequest>): Promise<NewDeviceRequest | NewDeviceRequest[]> {
    if (Array.isArray(devices)) return this.operations.create((devices as readonly unknown[]).map(toInput) as NewDeviceRequestInit[], options);
    return this.operations.create(toInput(devices) as NewDeviceRequestInit, options);
  }

  /**
   * Accepts one request or many (`PUT /devicecontrol/newDeviceRequests/{externalId}` with
   * `{"status":"ACCEPTED"}`, plus `securityToken` when given). Cumulocity accepts a request only
   * once the device has asked for its credentials (`PENDING_ACCEPTANCE`); before that it answers
   * 422 (`ValidationError`). Resolves the accepted requests, in input order.
   *
   * @throws InvalidInputError for an empty id or security token, before any request.
   * @example
   * ```ts
   * await requests.accept('raspi-0001');
   * await requests.accept(['raspi-0002', 'raspi-0003'], { workers: 2 });
   * await requests.accept('raspi-0004', { securityToken: 'SecureDeviceToken' });
   * ```
   */
  accept(externalId: IdLike, options?: AcceptRequestOptions): Promise<NewDeviceRequest>;
  accept(externalIds: readonly IdLike[], options?: AcceptRequestOptions): Promise<NewDeviceRequest[]>;
  async accept(externalIds: IdLike | readonly IdLike[], options: AcceptRequestOptions = {}): Promise<NewDeviceRequest | NewDeviceRequest[]> {
    const { securityToken, ...rest } = options;
    if (securityToken !== undefined && (typeof securityToken !== 'string' || securityToken === '')) {
      throw new InvalidInputError(`expected a non-empty string, got ${securityToken === '' ? 'an empty string' : typeof securityToken}`, { path: 'securityToken' });
    }
    const change: NewDeviceRequestInit = { status: 'ACCEPTED', ...(securityToken === undefined ? {} : { securityToken }) };
    return this.operations.applyTo(change, externalIds as IdLike, rest);
  }
}
