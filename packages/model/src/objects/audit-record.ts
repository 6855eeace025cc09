import { type CallOptions, type IdLike, type RestClient } from '@c8y/rest-core';
import { isJsonObject } from '../json/json-types.js';
import { auditRecordResource } from '../resources.js';
import { AuditRecordSchema } from '../schemas/platform.js';
import type { TimeInput } from '../time/time-input.js';
import { Change } from './change.js';
import type { ObjectInit } from './cumulocity-object.js';
import type { ObjectMeta } from './object-meta.js';
import { SourcedObject } from './sourced-object.js';

const META: ObjectMeta = {
  className: 'AuditRecord',
  resource: auditRecordResource,
  readOnly: ['id', 'self', 'application', 'c8y_Metadata', 'changes', 'creationTime', 'severity'],
  schema: AuditRecordSchema,
};

/**
 * The init object of an `AuditRecord`.
 *
 * @example
 * ```ts
 * const init: AuditRecordInit = { type: 'Inventory', activity: 'Firmware update', text: 'v2 installed', source: '1', time: 'now' };
 * ```
 */
export interface AuditRecordInit extends ObjectInit {
  type?: string;
  activity?: string;
  text?: string;
  user?: string;
  source?: IdLike;
  time?: TimeInput;
}

/**
 * An audit record (`/audit/auditRecords`). Records cannot be changed or deleted.
 *
 * @example
 * ```ts
 * const record = await new AuditRecord(c8y, { type: 'Inventory', activity: 'Firmware update', text: 'v2 installed', source: deviceId, time: 'now' }).create();
 * ```
 */
export class AuditRecord extends SourcedObject {
  constructor(c8y?: RestClient, init?: AuditRecordInit) {
    super(c8y, init);
  }

  protected get meta(): ObjectMeta {
    return META;
  }

  /**
   * What was done, e.g. `Alarm updated`.
   * @example
   * ```ts
   * record.activity;
   * ```
   */
  get activity(): string | undefined {
    return this.stringField('activity');
  }
  set activity(value: string | undefined) {
    this.writeField('activity', value);
  }

  /**
   * A description.
   * @example
   * ```ts
   * record.text;
   * ```
   */
  get text(): string | undefined {
    return this.stringField('text');
  }
  set text(value: string | undefined) {
    this.writeField('text', value);
  }

  /**
   * The user who did it.
   * @example
   * ```ts
   * record.user;
   * ```
   */
  get user(): string | undefined {
    return this.stringField('user');
  }
  set user(value: string | undefined) {
    this.writeField('user', value);
  }

  /**
   * The application that did it. Read-only.
   * @example
   * ```ts
   * record.application;
   * ```
   */
  get application(): string | undefined {
    return this.stringField('application');
  }

  /**
   * `CRITICAL`, `MAJOR`, `MINOR`, `WARNING` or `INFORMATION`. Read-only.
   * @example
   * ```ts
   * record.severity;
   * ```
   */
  get severity(): string | undefined {
    return this.stringField('severity');
  }

  /**
   * When it was stored, as the JSON string. Read-only.
   * @example
   * ```ts
   * record.creationTime;
   * ```
   */
  get creationTime(): string | undefined {
    return this.stringField('creationTime');
  }

  /**
   * The changes it records. Read-only.
   * @example
   * ```ts
   * record.changes.map((change) => change.attribute);
   * ```
   */
  get changes(): Change[] {
    const changes = this.peek('changes');
    return Array.isArray(changes) ? changes.filter(isJsonObject).map((change) => new Change(change)) : [];
  }

  /**
   * Creates it (`POST /audit/auditRecords`).
   * @throws InvalidInputError for a missing field, before any request.
   * @example
   * ```ts
   * const created = await record.create();
   * ```
   */
  async create(options?: CallOptions): Promise<this> {
    return this.createObject(options);
  }

  /**
   * Reloads it (`GET /audit/auditRecords/{id}`).
   * @example
   * ```ts
   * await record.reload();
   * ```
   */
  async reload(options?: CallOptions): Promise<this> {
    return this.reloadObject(options);
  }
}
