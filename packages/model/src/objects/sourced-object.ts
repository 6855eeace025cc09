import { type IdLike } from '@c8y/rest-core';
import type { DateTime } from 'luxon';
import type { TimeInput } from '../time/time-input.js';
import { CumulocityObject } from './cumulocity-object.js';

/**
 * Properties of data that belongs to a managed object and a point in time: measurements,
 * events, alarms.
 *
 * @example
 * ```ts
 * const event = new Event(c8y, { type: 'c8y_DoorOpened', text: 'Door opened', time: 'now' });
 * const measurement = new Measurement(c8y, { type: 'c8y_Temperature', source: deviceId, time: 'now' });
 * event.source = device;  // or an id: stored as {"source": {"id": "…"}}
 * event.time = 'now';     // stored as an ISO 8601 string
 * ```
 */
export abstract class SourcedObject extends CumulocityObject {
  /**
   * The id of the managed object the data belongs to (`source.id`). Set it to an id or to an
   * object with an id.
   * @example
   * ```ts
   * measurement.source = '12345';
   * ```
   */
  get source(): string | undefined {
    return this.refId('source');
  }
  set source(value: IdLike | undefined) {
    this.writeRef('source', value);
  }

  /**
   * The type, e.g. `c8y_TemperatureMeasurement`.
   * @example
   * ```ts
   * event.type = 'c8y_LocationUpdate';
   * ```
   */
  get type(): string | undefined {
    return this.stringField('type');
  }
  set type(value: string | undefined) {
    this.writeField('type', value);
  }

  /**
   * When it happened, as the JSON string. Set it to an ISO-8601 string (no offset = UTC),
   * `'now'`, a `Date` or a luxon `DateTime`; it is stored and sent as ISO 8601 in UTC with
   * milliseconds. Anything else is an `InvalidInputError` naming `time`.
   * @example
   * ```ts
   * measurement.time = 'now';
   * measurement.time = '2025-01-01T10:00:00+02:00'; // measurement.time === '2025-01-01T08:00:00.000Z'
   * ```
   */
  get time(): string | undefined {
    return this.stringField('time');
  }
  set time(value: TimeInput | undefined) {
    this.writeTime('time', value);
  }

  /**
   * `time` as a luxon `DateTime` (needs `import '@c8y/model/datetime'`).
   * @example
   * ```ts
   * measurement.dateTime?.toISODate();
   * ```
   */
  get dateTime(): DateTime | undefined {
    return this.dateTimeField('time', 'dateTime');
  }
}

/**
 * Properties of events and alarms: `text` and the server's timestamps.
 *
 * @example
 * ```ts
 * const alarm = new Alarm(c8y, { type: 'cx_TooHot', severity: 'MAJOR', source: deviceId, time: 'now' });
 * alarm.text = 'Temperature too high';
 * ```
 */
export abstract class TextObject extends SourcedObject {
  /**
   * The text.
   * @example
   * ```ts
   * event.text = 'Door opened';
   * ```
   */
  get text(): string | undefined {
    return this.stringField('text');
  }
  set text(value: string | undefined) {
    this.writeField('text', value);
  }

  /**
   * When the server stored it, as the JSON string. Read-only.
   * @example
   * ```ts
   * event.creationTime;
   * ```
   */
  get creationTime(): string | undefined {
    return this.stringField('creationTime');
  }

  /**
   * `creationTime` as a luxon `DateTime` (needs `import '@c8y/model/datetime'`).
   * @example
   * ```ts
   * event.creationDateTime;
   * ```
   */
  get creationDateTime(): DateTime | undefined {
    return this.dateTimeField('creationTime', 'creationDateTime');
  }

  /**
   * When it was last changed, as the JSON string. Read-only.
   * @example
   * ```ts
   * alarm.lastUpdated;
   * ```
   */
  get lastUpdated(): string | undefined {
    return this.stringField('lastUpdated');
  }

  /**
   * `lastUpdated` as a luxon `DateTime` (needs `import '@c8y/model/datetime'`).
   * @example
   * ```ts
   * alarm.lastUpdatedDateTime;
   * ```
   */
  get lastUpdatedDateTime(): DateTime | undefined {
    return this.dateTimeField('lastUpdated', 'lastUpdatedDateTime');
  }
}
