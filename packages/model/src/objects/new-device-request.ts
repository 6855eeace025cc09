import { type CallOptions, type IdLike, idOf, InvalidInputError, type RestClient } from '@c8y/rest-core';
import type { DateTime } from 'luxon';
import type { JsonObject } from '../json/json-types.js';
import { newDeviceRequestResource } from '../resources.js';
import { NewDeviceRequestSchema, type NewDeviceRequestStatus } from '../schemas/data.js';
import { validateCreate, validateUpdate } from '../schemas/validate.js';
import { CumulocityObject, type ObjectInit } from './cumulocity-object.js';
import type { ObjectMeta } from './object-meta.js';

const CLASS_NAME = 'NewDeviceRequest';

// `id` is the device's external id, chosen by the caller: it is read-only for the base class (so
// `set('id')` is refused and an update never sends it) and written through the `id` property.
// The schema is checked here, with the id in place (see toCreateJSON / toUpdateJSON).
const META: ObjectMeta = {
  className: CLASS_NAME,
  resource: newDeviceRequestResource,
  readOnly: ['id', 'self', 'tenantId', 'owner', 'creationTime'],
  // "You can only update its status" (OAS putNewDeviceRequestResource: id, groupId, type read-only).
  fixedAfterCreate: ['groupId', 'type', 'enrollmentToken'],
};

/** Fields the OAS marks read-only in the create body (`status` is set by Cumulocity, `securityToken` goes with the acceptance). */
const NOT_ON_CREATE = ['status', 'securityToken'] as const;

/**
 * The init object of a `NewDeviceRequest`.
 *
 * @example
 * ```ts
 * const init: NewDeviceRequestInit = { id: '0000000017b769d5', groupId: '123', type: 'c8y_Pump' };
 * ```
 */
export interface NewDeviceRequestInit extends ObjectInit {
  /** The device's external id (what the device sends when it asks for its credentials). */
  id?: string;
  /** The group the device is assigned to (an id or a group). */
  groupId?: IdLike;
  type?: string;
  enrollmentToken?: string;
  status?: NewDeviceRequestStatus;
  securityToken?: string;
}

/**
 * A new device request (`/devicecontrol/newDeviceRequests`): the first step of the device
 * bootstrap. Its `id` is the device's external id, chosen by you (not by the server); the device
 * asks for credentials with it, and the request is accepted by setting `status` to `ACCEPTED`
 * (the only change the API allows). Statuses: `WAITING_FOR_CONNECTION` (registered),
 * `PENDING_ACCEPTANCE` (the device has asked for its credentials), `ACCEPTED`.
 *
 * @example
 * ```ts
 * const request = await new NewDeviceRequest(c8y, { id: '0000000017b769d5', type: 'c8y_Pump' }).create();
 * request.status;          // 'WAITING_FOR_CONNECTION'
 * await request.reload();  // 'PENDING_ACCEPTANCE' once the device has asked for its credentials
 * await request.accept();  // PUT {"status":"ACCEPTED"}
 * ```
 */
export class NewDeviceRequest extends CumulocityObject {
  constructor(c8y?: RestClient, init?: NewDeviceRequestInit) {
    super(c8y, init);
  }

  protected get meta(): ObjectMeta {
    return META;
  }

  /**
   * The device's external id, which also names the request. Set it before creating the request;
   * it cannot change afterwards (setting another value is an `InvalidInputError`).
   *
   * @example
   * ```ts
   * const draft = new NewDeviceRequest(c8y);
   * draft.id = 'raspi-0001';
   * ```
   */
  override get id(): string | undefined {
    return this.stringField('id');
  }
  override set id(value: string | undefined) {
    const current = this.stringField('id');
    if (value === current) return;
    if (current !== undefined) {
      throw new InvalidInputError(`cannot be changed: it names the request (the device's external id ${JSON.stringify(current)}) (${CLASS_NAME})`, {
        path: 'id',
      });
    }
    if (typeof value !== 'string' || value === '') {
      throw new InvalidInputError(`must be a non-empty string (the device's external id), got ${value === '' ? 'an empty string' : typeof value} (${CLASS_NAME})`, {
        path: 'id',
      });
    }
    this.writeField('id', value);
  }

  /**
   * The id of the group the device is assigned to when it is created. Set it to an id or a group;
   * before creation only.
   * @example
   * ```ts
   * request.groupId = '123';
   * ```
   */
  get groupId(): string | undefined {
    return this.stringField('groupId');
  }
  set groupId(value: IdLike | undefined) {
    this.writeField('groupId', value === undefined ? undefined : idOf(value, 'groupId'));
  }

  /**
   * The device's type. Before creation only.
   * @example
   * ```ts
   * request.type = 'c8y_Pump';
   * ```
   */
  get type(): string | undefined {
    return this.stringField('type');
  }
  set type(value: string | undefined) {
    this.writeField('type', value);
  }

  /**
   * `WAITING_FOR_CONNECTION`, `PENDING_ACCEPTANCE` or `ACCEPTED`. Set by Cumulocity on creation;
   * change it with `update()` (or `accept()`).
   * @example
   * ```ts
   * request.status = 'ACCEPTED';
   * ```
   */
  get status(): NewDeviceRequestStatus | undefined {
    return this.stringField('status') as NewDeviceRequestStatus | undefined;
  }
  set status(value: NewDeviceRequestStatus | undefined) {
    this.writeField('status', value);
  }

  /**
   * The one-time password of a device enrollment request. Before creation only.
   * @example
   * ```ts
   * request.enrollmentToken = 'one-time-password';
   * ```
   */
  get enrollmentToken(): string | undefined {
    return this.stringField('enrollmentToken');
  }
  set enrollmentToken(value: string | undefined) {
    this.writeField('enrollmentToken', value);
  }

  /**
   * The token the device sent with its credentials request, given when accepting it (only with
   * status `ACCEPTED`; Cumulocity checks that they match). Cumulocity never sends it back.
   * @example
   * ```ts
   * request.securityToken = 'SecureDeviceToken';
   * ```
   */
  get securityToken(): string | undefined {
    return this.stringField('securityToken');
  }
  set securityToken(value: string | undefined) {
    this.writeField('securityToken', value);
  }

  /**
   * The tenant that owns the device. Read-only.
   * @example
   * ```ts
   * request.tenantId; // 't100'
   * ```
   */
  get tenantId(): string | undefined {
    return this.stringField('tenantId');
  }

  /**
   * The user who registered the device. Read-only.
   * @example
   * ```ts
   * request.owner; // 'admin'
   * ```
   */
  get owner(): string | undefined {
    return this.stringField('owner');
  }

  /**
   * When it was created, as the JSON string. Read-only.
   * @example
   * ```ts
   * request.creationTime;
   * ```
   */
  get creationTime(): string | undefined {
    return this.stringField('creationTime');
  }

  /**
   * `creationTime` as a luxon `DateTime` (needs `import '@c8y/model/datetime'`).
   * @example
   * ```ts
   * request.creationDateTime;
   * ```
   */
  get creationDateTime(): DateTime | undefined {
    return this.dateTimeField('creationTime', 'creationDateTime');
  }

  /**
   * The body `create()` sends: `id` plus the other fields, without the read-only ones.
   *
   * @throws InvalidInputError without an `id`, for a bad field, or with `status` or
   *   `securityToken` (Cumulocity sets the status; the token goes with the acceptance).
   * @example
   * ```ts
   * new NewDeviceRequest(c8y, { id: 'raspi-0001', groupId: '123' }).toCreateJSON(); // { id: 'raspi-0001', groupId: '123' }
   * ```
   */
  override toCreateJSON(): JsonObject {
    const id = this.id;
    const body: JsonObject = { ...(id === undefined ? {} : { id }), ...super.toCreateJSON() };
    validateCreate(NewDeviceRequestSchema, body, CLASS_NAME);
    for (const key of NOT_ON_CREATE) {
      if (body[key] !== undefined) {
        throw new InvalidInputError(
          `cannot be sent when creating a request (${key === 'status' ? 'Cumulocity sets it' : 'it goes with the acceptance'}) (${CLASS_NAME})`,
          { path: key },
        );
      }
    }
    return body;
  }

  /**
   * The body `update()` sends: what changed (in practice the status, and a security token with
   * `ACCEPTED`); never the `id`, which names the target.
   *
   * @throws InvalidInputError for a bad status, a change of `groupId`/`type`, or a `securityToken`
   *   without status `ACCEPTED`.
   * @example
   * ```ts
   * new NewDeviceRequest(c8y, { id: 'raspi-0001', status: 'ACCEPTED' }).toUpdateJSON(); // { status: 'ACCEPTED' }
   * ```
   */
  override toUpdateJSON(): JsonObject {
    const diff = super.toUpdateJSON();
    validateUpdate(NewDeviceRequestSchema, diff, CLASS_NAME);
    if (diff.securityToken !== undefined && diff.securityToken !== null && this.status !== 'ACCEPTED') {
      throw new InvalidInputError(`can be sent only with status ACCEPTED (${CLASS_NAME})`, { path: 'securityToken' });
    }
    return diff;
  }

  /**
   * Registers the device (`POST /devicecontrol/newDeviceRequests`).
   * @throws InvalidInputError without an `id`, before any request.
   * @example
   * ```ts
   * const created = await new NewDeviceRequest(c8y, { id: 'raspi-0001' }).create();
   * ```
   */
  async create(options?: CallOptions): Promise<this> {
    return this.createObject(options);
  }

  /**
   * Sends the local changes (`PUT /devicecontrol/newDeviceRequests/{id}`, only what changed).
   * @example
   * ```ts
   * request.status = 'ACCEPTED'; await request.update();
   * ```
   */
  async update(options?: CallOptions): Promise<this> {
    return this.updateObject(options);
  }

  /**
   * Accepts the request: sets `status` to `ACCEPTED` and sends it (with the `securityToken`, if
   * one is set). Cumulocity accepts a request only after the device has asked for its credentials
   * (status `PENDING_ACCEPTANCE`).
   * @example
   * ```ts
   * await request.accept();
   * ```
   */
  async accept(options?: CallOptions): Promise<this> {
    this.status = 'ACCEPTED';
    return this.updateObject(options);
  }

  /**
   * Sends this request's changes (or its full JSON if it was never loaded, without `id`) to the
   * request `id`.
   * @example
   * ```ts
   * await new NewDeviceRequest(c8y, { status: 'ACCEPTED' }).applyTo('raspi-0001');
   * ```
   */
  async applyTo(id: string, options?: CallOptions): Promise<this> {
    return this.applyToObject(id, options);
  }

  /**
   * Reloads it (`GET /devicecontrol/newDeviceRequests/{id}`).
   * @example
   * ```ts
   * await request.reload();
   * ```
   */
  async reload(options?: CallOptions): Promise<this> {
    return this.reloadObject(options);
  }

  /**
   * Deletes it (`DELETE /devicecontrol/newDeviceRequests/{id}`).
   * @example
   * ```ts
   * await request.delete();
   * ```
   */
  async delete(options?: CallOptions): Promise<void> {
    return this.deleteObject(undefined, options);
  }
}
