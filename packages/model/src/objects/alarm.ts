import { type CallOptions, type IdLike, type RestClient } from '@c8y/rest-core';
import type { DateTime } from 'luxon';
import { alarmResource } from '../resources.js';
import { AlarmSchema, type AlarmSeverity, type AlarmStatus } from '../schemas/data.js';
import { validateUpdate } from '../schemas/validate.js';
import type { TimeInput } from '../time/time-input.js';
import type { ObjectInit } from './cumulocity-object.js';
import type { ObjectMeta } from './object-meta.js';
import { TextObject } from './sourced-object.js';

const META: ObjectMeta = {
  className: 'Alarm',
  resource: alarmResource,
  readOnly: ['id', 'self', 'count', 'creationTime', 'firstOccurrenceTime', 'lastUpdated'],
  fixedAfterCreate: ['source', 'type', 'time'],
  schema: AlarmSchema,
};

/**
 * The init object of an `Alarm`.
 *
 * @example
 * ```ts
 * const init: AlarmInit = { type: 'cx_TooHot', text: 'Too hot', severity: 'MAJOR', source: '1', time: 'now' };
 * ```
 */
export interface AlarmInit extends ObjectInit {
  type?: string;
  text?: string;
  severity?: AlarmSeverity;
  status?: AlarmStatus;
  source?: IdLike;
  time?: TimeInput;
}

/**
 * An alarm (`/alarm/alarms`). After creation only `text`, `status`, `severity` and custom
 * fragments can change (`update()` refuses `source`, `type` and `time`, as Cumulocity does).
 * Cumulocity de-duplicates: creating an alarm while an active one with the same source and
 * type exists increments that one's `count`. The API cannot delete a single alarm (only by
 * filter, see `@c8y/alarms`), so there is no `delete()`.
 *
 * @example
 * ```ts
 * const alarm = await new Alarm(c8y, { type: 'cx_TooHot', text: 'Too hot', severity: 'MAJOR', source: deviceId, time: 'now' }).create();
 * await alarm.acknowledge();
 * await alarm.clear();
 * ```
 */
export class Alarm extends TextObject {
  constructor(c8y?: RestClient, init?: AlarmInit) {
    super(c8y, init);
  }

  protected get meta(): ObjectMeta {
    return META;
  }

  /**
   * `CRITICAL`, `MAJOR`, `MINOR` or `WARNING`.
   * @example
   * ```ts
   * alarm.severity = 'CRITICAL';
   * ```
   */
  get severity(): AlarmSeverity | undefined {
    return this.stringField('severity') as AlarmSeverity | undefined;
  }
  set severity(value: AlarmSeverity | undefined) {
    this.writeField('severity', value);
  }

  /**
   * `ACTIVE` (the default on creation), `ACKNOWLEDGED` or `CLEARED`.
   * @example
   * ```ts
   * alarm.status = 'ACKNOWLEDGED'; await alarm.update();
   * ```
   */
  get status(): AlarmStatus | undefined {
    return this.stringField('status') as AlarmStatus | undefined;
  }
  set status(value: AlarmStatus | undefined) {
    this.writeField('status', value);
  }

  /**
   * How often the alarm occurred while active (de-duplication). Read-only.
   * @example
   * ```ts
   * alarm.count; // 3
   * ```
   */
  get count(): number | undefined {
    return this.numberField('count');
  }

  /**
   * When the alarm first occurred, as the JSON string. Read-only.
   * @example
   * ```ts
   * alarm.firstOccurrenceTime;
   * ```
   */
  get firstOccurrenceTime(): string | undefined {
    return this.stringField('firstOccurrenceTime');
  }

  /**
   * `firstOccurrenceTime` as a luxon `DateTime` (needs `import '@c8y/model/datetime'`).
   * @example
   * ```ts
   * alarm.firstOccurrenceDateTime;
   * ```
   */
  get firstOccurrenceDateTime(): DateTime | undefined {
    return this.dateTimeField('firstOccurrenceTime', 'firstOccurrenceDateTime');
  }

  /**
   * Creates it (`POST /alarm/alarms`) and returns it as the server replied.
   * @throws InvalidInputError for a missing field or an unknown severity/status, before any request.
   * @example
   * ```ts
   * const created = await alarm.create();
   * ```
   */
  async create(options?: CallOptions): Promise<this> {
    return this.createObject(options);
  }

  /**
   * Sends the local changes (`PUT /alarm/alarms/{id}`, only what changed).
   * @example
   * ```ts
   * alarm.severity = 'MINOR'; await alarm.update();
   * ```
   */
  async update(options?: CallOptions): Promise<this> {
    return this.updateObject(options);
  }

  /**
   * Sends this alarm's changes (or its full JSON if never created) to the alarm `id`.
   * @example
   * ```ts
   * await new Alarm(c8y, { status: 'CLEARED' }).applyTo('4711');
   * ```
   */
  async applyTo(id: string | number, options?: CallOptions): Promise<this> {
    return this.applyToObject(id, options);
  }

  /**
   * Reloads it (`GET /alarm/alarms/{id}`); local changes are dropped.
   * @example
   * ```ts
   * await alarm.reload();
   * ```
   */
  async reload(options?: CallOptions): Promise<this> {
    return this.reloadObject(options);
  }

  /**
   * Changes only the status (`PUT /alarm/alarms/{id}` with `{"status": …}`); other local
   * changes stay unsent.
   * @example
   * ```ts
   * await alarm.setStatus('ACKNOWLEDGED');
   * ```
   */
  async setStatus(status: AlarmStatus, options?: CallOptions): Promise<this> {
    const id = this.requireId('change the status of');
    const body = { status };
    validateUpdate(AlarmSchema, body, 'Alarm');
    const reply = await this.requireClient().put(await this.objectPath(id, options?.signal), body, this.requestOptions(options));
    this.rebaseTo(reply, 'setStatus');
    return this;
  }

  /**
   * Sets the status to `ACKNOWLEDGED`.
   * @example
   * ```ts
   * await alarm.acknowledge();
   * ```
   */
  async acknowledge(options?: CallOptions): Promise<this> {
    return this.setStatus('ACKNOWLEDGED', options);
  }

  /**
   * Sets the status to `CLEARED`.
   * @example
   * ```ts
   * await alarm.clear();
   * ```
   */
  async clear(options?: CallOptions): Promise<this> {
    return this.setStatus('CLEARED', options);
  }

  /**
   * Sets the status back to `ACTIVE`.
   * @example
   * ```ts
   * await alarm.reactivate();
   * ```
   */
  async reactivate(options?: CallOptions): Promise<this> {
    return this.setStatus('ACTIVE', options);
  }
}
