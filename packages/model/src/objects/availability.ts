import type { DateTime } from 'luxon';
import { JsonView } from './json-view.js';

/**
 * The availability of a device (`GET /inventory/managedObjects/{id}/availability`).
 *
 * @example
 * ```ts
 * const availability = await device.getAvailability();
 * if (availability.connectionStatus === 'DISCONNECTED') console.log('offline since', availability.lastMessage);
 * ```
 */
export class Availability extends JsonView {
  /**
   * The device's id.
   * @example
   * ```ts
   * availability.deviceId; // '12345'
   * ```
   */
  get deviceId(): string | undefined {
    return this.stringField('deviceId');
  }

  /**
   * The device's external id, if any.
   * @example
   * ```ts
   * availability.externalId; // 'raspi-0001'
   * ```
   */
  get externalId(): string | undefined {
    return this.stringField('externalId');
  }

  /**
   * `CONNECTED`, `DISCONNECTED` or `MAINTENANCE`.
   * @example
   * ```ts
   * availability.connectionStatus === 'CONNECTED';
   * ```
   */
  get connectionStatus(): 'CONNECTED' | 'DISCONNECTED' | 'MAINTENANCE' | undefined {
    return this.stringField('connectionStatus') as 'CONNECTED' | 'DISCONNECTED' | 'MAINTENANCE' | undefined;
  }

  /**
   * `AVAILABLE`, `UNAVAILABLE` or `MAINTENANCE`.
   * @example
   * ```ts
   * availability.dataStatus === 'AVAILABLE';
   * ```
   */
  get dataStatus(): 'AVAILABLE' | 'UNAVAILABLE' | 'MAINTENANCE' | undefined {
    return this.stringField('dataStatus') as 'AVAILABLE' | 'UNAVAILABLE' | 'MAINTENANCE' | undefined;
  }

  /**
   * The required interval as Cumulocity reports it, e.g. `'50 minutes'` (or a number of minutes).
   * @example
   * ```ts
   * availability.interval;
   * ```
   */
  get interval(): string | number | undefined {
    const value = this.rawField('interval');
    return typeof value === 'string' || typeof value === 'number' ? value : undefined;
  }

  /**
   * The required interval in minutes (the leading number of `interval`).
   * @example
   * ```ts
   * availability.intervalMinutes; // 50
   * ```
   */
  get intervalMinutes(): number | undefined {
    const value = this.interval;
    if (typeof value === 'number') return value;
    const match = value === undefined ? null : /^\s*(-?\d+)/.exec(value);
    return match?.[1] === undefined ? undefined : Number(match[1]);
  }

  /**
   * When the last message arrived, as the JSON string.
   * @example
   * ```ts
   * availability.lastMessage; // '2025-01-01T10:00:00.000Z'
   * ```
   */
  get lastMessage(): string | undefined {
    return this.stringField('lastMessage');
  }

  /**
   * `lastMessage` as a luxon `DateTime` (needs `import '@c8y/model/datetime'`).
   * @example
   * ```ts
   * availability.lastMessageDateTime?.toRelative();
   * ```
   */
  get lastMessageDateTime(): DateTime | undefined {
    return this.dateTimeField('lastMessage', 'lastMessageDateTime');
  }
}
