import { type CallOptions, type IdLike, idOf, InvalidInputError, type RestClient } from '@c8y/rest-core';
import type { DateTime } from 'luxon';
import type { JsonObject } from '../json/json-types.js';
import { bulkOperationResource } from '../resources.js';
import { BulkOperationSchema } from '../schemas/data.js';
import type { TimeInput } from '../time/time-input.js';
import { CumulocityObject, type ObjectInit } from './cumulocity-object.js';
import type { ObjectMeta } from './object-meta.js';

const META: ObjectMeta = {
  className: 'BulkOperation',
  resource: bulkOperationResource,
  readOnly: ['id', 'self', 'status', 'generalStatus', 'progress'],
  schema: BulkOperationSchema,
  checkCreate: (body) => {
    const targets = ['groupId', 'failedParentId'].filter((key) => body[key] !== undefined);
    if (targets.length !== 1) {
      throw new InvalidInputError(`exactly one of groupId or failedParentId is required, got ${targets.length === 0 ? 'none' : 'both'} (BulkOperation)`, {
        path: 'groupId',
      });
    }
  },
};

/**
 * Status of a bulk operation's scheduling.
 * @example
 * ```ts
 * if (bulk.status === 'COMPLETED') console.log('done');
 * ```
 */
export type BulkOperationStatus = 'ACTIVE' | 'IN_PROGRESS' | 'COMPLETED' | 'DELETED';
/**
 * Overall result of a bulk operation.
 * @example
 * ```ts
 * if (bulk.generalStatus === 'FAILED') console.log('retry the failed ones');
 * ```
 */
export type BulkOperationGeneralStatus = 'SCHEDULED' | 'EXECUTING' | 'EXECUTING_WITH_ERRORS' | 'SUCCESSFUL' | 'FAILED' | 'CANCELED';

/**
 * Progress counters of a bulk operation.
 *
 * @example
 * ```ts
 * const { successful, all } = bulk.progress ?? {};
 * ```
 */
export interface BulkOperationProgress {
  pending?: number;
  failed?: number;
  executing?: number;
  successful?: number;
  all?: number;
}

/**
 * The init object of a `BulkOperation`.
 *
 * @example
 * ```ts
 * const init: BulkOperationInit = { groupId: '5', startDate: 'now', creationRamp: 15, operationPrototype: { c8y_Restart: {} } };
 * ```
 */
export interface BulkOperationInit extends ObjectInit {
  groupId?: IdLike;
  failedParentId?: string;
  startDate?: TimeInput;
  creationRamp?: number;
  operationPrototype?: Record<string, unknown>;
}

/**
 * A bulk operation (`/devicecontrol/bulkoperations`): one operation prototype sent to every
 * device of a group (`groupId`), or re-run for the failed ones of an earlier bulk operation
 * (`failedParentId`). `delete()` cancels it.
 *
 * @example
 * ```ts
 * const bulk = await new BulkOperation(c8y, {
 *   groupId: '12345', startDate: 'now', creationRamp: 15,
 *   operationPrototype: { description: 'Restart device', c8y_Restart: {} },
 * }).create();
 * bulk.generalStatus; // 'SCHEDULED'
 * ```
 */
export class BulkOperation extends CumulocityObject {
  constructor(c8y?: RestClient, init?: BulkOperationInit) {
    super(c8y, init);
  }

  protected get meta(): ObjectMeta {
    return META;
  }

  /**
   * The target group's id. Set it to an id or a group.
   * @example
   * ```ts
   * bulk.groupId = '12345'; // or a group object
   * ```
   */
  get groupId(): string | undefined {
    return this.stringField('groupId');
  }
  set groupId(value: IdLike | undefined) {
    this.writeField('groupId', value === undefined ? undefined : idOf(value, 'groupId'));
  }

  /**
   * The bulk operation whose failed operations are re-run.
   * @example
   * ```ts
   * const retry = new BulkOperation(c8y, { failedParentId: bulk.id, startDate: 'now', creationRamp: 15 });
   * ```
   */
  get failedParentId(): string | undefined {
    return this.stringField('failedParentId');
  }
  set failedParentId(value: string | undefined) {
    this.writeField('failedParentId', value);
  }

  /**
   * When to start, as the JSON string. Set an ISO-8601 string (no offset = UTC), `'now'`, a
   * `Date` or a `DateTime`; it is stored and sent as ISO 8601 in UTC with milliseconds.
   * @example
   * ```ts
   * bulk.startDate = 'now';
   * ```
   */
  get startDate(): string | undefined {
    return this.stringField('startDate');
  }
  set startDate(value: TimeInput | undefined) {
    this.writeTime('startDate', value);
  }

  /**
   * `startDate` as a luxon `DateTime` (needs `import '@c8y/model/datetime'`).
   * @example
   * ```ts
   * bulk.startDateTime;
   * ```
   */
  get startDateTime(): DateTime | undefined {
    return this.dateTimeField('startDate', 'startDateTime');
  }

  /**
   * Seconds between two created operations.
   * @example
   * ```ts
   * bulk.creationRamp = 15;
   * ```
   */
  get creationRamp(): number | undefined {
    return this.numberField('creationRamp');
  }
  set creationRamp(value: number | undefined) {
    this.writeField('creationRamp', value);
  }

  /**
   * The operation to create for each device (live: changes are tracked).
   * @example
   * ```ts
   * bulk.operationPrototype = { description: 'Restart', c8y_Restart: {} };
   * ```
   */
  get operationPrototype(): JsonObject | undefined {
    return this.jsonField<JsonObject>('operationPrototype');
  }
  set operationPrototype(value: Record<string, unknown> | undefined) {
    this.writeField('operationPrototype', value);
  }

  /**
   * Scheduling status. Read-only.
   * @example
   * ```ts
   * bulk.status; // 'ACTIVE'
   * ```
   */
  get status(): BulkOperationStatus | undefined {
    return this.stringField('status') as BulkOperationStatus | undefined;
  }

  /**
   * Overall result. Read-only.
   * @example
   * ```ts
   * bulk.generalStatus; // 'EXECUTING'
   * ```
   */
  get generalStatus(): BulkOperationGeneralStatus | undefined {
    return this.stringField('generalStatus') as BulkOperationGeneralStatus | undefined;
  }

  /**
   * Progress counters. Read-only.
   * @example
   * ```ts
   * bulk.progress?.successful;
   * ```
   */
  get progress(): BulkOperationProgress | undefined {
    return this.toJSON().progress as BulkOperationProgress | undefined;
  }

  /**
   * Creates it (`POST /devicecontrol/bulkoperations`).
   * @example
   * ```ts
   * const created = await bulk.create();
   * ```
   */
  async create(options?: CallOptions): Promise<this> {
    return this.createObject(options);
  }

  /**
   * Sends the local changes (`PUT /devicecontrol/bulkoperations/{id}`, only what changed).
   * @example
   * ```ts
   * bulk.creationRamp = 30; await bulk.update();
   * ```
   */
  async update(options?: CallOptions): Promise<this> {
    return this.updateObject(options);
  }

  /**
   * Reloads it (`GET /devicecontrol/bulkoperations/{id}`).
   * @example
   * ```ts
   * await bulk.reload();
   * ```
   */
  async reload(options?: CallOptions): Promise<this> {
    return this.reloadObject(options);
  }

  /**
   * Cancels it (`DELETE /devicecontrol/bulkoperations/{id}`).
   * @example
   * ```ts
   * await bulk.delete();
   * ```
   */
  async delete(options?: CallOptions): Promise<void> {
    return this.deleteObject(undefined, options);
  }
}
