import { type CallOptions, type IdLike, idOf, type RestClient } from '@c8y/rest-core';
import type { DateTime } from 'luxon';
import { operationResource } from '../resources.js';
import { OperationSchema, type OperationStatus } from '../schemas/data.js';
import { CumulocityObject, type ObjectInit } from './cumulocity-object.js';
import type { ObjectMeta } from './object-meta.js';

const META: ObjectMeta = {
  className: 'Operation',
  resource: operationResource,
  readOnly: ['id', 'self', 'creationTime', 'bulkOperationId'],
  fixedAfterCreate: ['deviceId'],
  schema: OperationSchema,
};

/**
 * The init object of an `Operation`.
 *
 * @example
 * ```ts
 * const init: OperationInit = { deviceId: '1', description: 'Restart', c8y_Restart: {} };
 * ```
 */
export interface OperationInit extends ObjectInit {
  deviceId?: IdLike;
  description?: string;
  status?: OperationStatus;
  failureReason?: string;
}

/**
 * An operation for a device (`/devicecontrol/operations`). Agents update `status` (and
 * `failureReason`); the API has no single-operation delete.
 *
 * @example
 * ```ts
 * const op = await new Operation(c8y, { deviceId, description: 'Restart device', c8y_Restart: {} }).create();
 * op.status = 'SUCCESSFUL';
 * await op.update();
 * ```
 */
export class Operation extends CumulocityObject {
  constructor(c8y?: RestClient, init?: OperationInit) {
    super(c8y, init);
  }

  protected get meta(): ObjectMeta {
    return META;
  }

  /**
   * The target device's id. Set it to an id or a device.
   * @example
   * ```ts
   * op.deviceId = device;
   * ```
   */
  get deviceId(): string | undefined {
    return this.stringField('deviceId');
  }
  set deviceId(value: IdLike | undefined) {
    this.writeField('deviceId', value === undefined ? undefined : idOf(value, 'deviceId'));
  }

  /**
   * A human-readable description.
   * @example
   * ```ts
   * op.description = 'Restart device';
   * ```
   */
  get description(): string | undefined {
    return this.stringField('description');
  }
  set description(value: string | undefined) {
    this.writeField('description', value);
  }

  /**
   * `PENDING`, `EXECUTING`, `SUCCESSFUL` or `FAILED`.
   * @example
   * ```ts
   * op.status = 'EXECUTING';
   * ```
   */
  get status(): OperationStatus | undefined {
    return this.stringField('status') as OperationStatus | undefined;
  }
  set status(value: OperationStatus | undefined) {
    this.writeField('status', value);
  }

  /**
   * Why it failed (with status `FAILED`).
   * @example
   * ```ts
   * op.failureReason = 'Device busy';
   * ```
   */
  get failureReason(): string | undefined {
    return this.stringField('failureReason');
  }
  set failureReason(value: string | undefined) {
    this.writeField('failureReason', value);
  }

  /**
   * The bulk operation it belongs to, if any. Read-only.
   * @example
   * ```ts
   * op.bulkOperationId;
   * ```
   */
  get bulkOperationId(): string | undefined {
    const value = this.peek('bulkOperationId');
    return typeof value === 'number' || typeof value === 'string' ? String(value) : undefined;
  }

  /**
   * When it was created, as the JSON string. Read-only.
   * @example
   * ```ts
   * op.creationTime;
   * ```
   */
  get creationTime(): string | undefined {
    return this.stringField('creationTime');
  }

  /**
   * `creationTime` as a luxon `DateTime` (needs `import '@c8y/model/datetime'`).
   * @example
   * ```ts
   * op.creationDateTime;
   * ```
   */
  get creationDateTime(): DateTime | undefined {
    return this.dateTimeField('creationTime', 'creationDateTime');
  }

  /**
   * Creates it (`POST /devicecontrol/operations`).
   * @throws InvalidInputError without a `deviceId`, before any request.
   * @example
   * ```ts
   * const created = await op.create();
   * ```
   */
  async create(options?: CallOptions): Promise<this> {
    return this.createObject(options);
  }

  /**
   * Sends the local changes (`PUT /devicecontrol/operations/{id}`, only what changed).
   * @example
   * ```ts
   * op.status = 'FAILED'; op.failureReason = 'busy'; await op.update();
   * ```
   */
  async update(options?: CallOptions): Promise<this> {
    return this.updateObject(options);
  }

  /**
   * Sends this operation's changes (or its full JSON if never created) to the operation `id`.
   * @example
   * ```ts
   * await new Operation(c8y, { status: 'EXECUTING' }).applyTo('77');
   * ```
   */
  async applyTo(id: string | number, options?: CallOptions): Promise<this> {
    return this.applyToObject(id, options);
  }

  /**
   * Reloads it (`GET /devicecontrol/operations/{id}`).
   * @example
   * ```ts
   * await op.reload();
   * ```
   */
  async reload(options?: CallOptions): Promise<this> {
    return this.reloadObject(options);
  }
}
