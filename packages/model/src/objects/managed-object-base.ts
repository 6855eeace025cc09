import type { DateTime } from 'luxon';
import { CumulocityObject } from './cumulocity-object.js';

/**
 * The properties every inventory object shares (managed objects, devices, groups, binaries).
 *
 * @example
 * ```ts
 * const obj = await new ManagedObject(c8y, { name: 'Pump', type: 'c8y_Pump' }).create();
 * obj.name = 'Pump 7';
 * obj.creationTime;      // '2025-01-01T10:00:00.000Z'
 * ```
 */
export abstract class InventoryObject extends CumulocityObject {
  /**
   * The name.
   * @example
   * ```ts
   * obj.name = 'Pump 7';
   * ```
   */
  get name(): string | undefined {
    return this.stringField('name');
  }
  set name(value: string | undefined) {
    this.writeField('name', value);
  }

  /**
   * The type, e.g. `c8y_Linux`.
   * @example
   * ```ts
   * obj.type = 'my_ChangedType';
   * ```
   */
  get type(): string | undefined {
    return this.stringField('type');
  }
  set type(value: string | undefined) {
    this.writeField('type', value);
  }

  /**
   * The owner's user name (may be changed).
   * @example
   * ```ts
   * obj.owner = 'device_pump7';
   * ```
   */
  get owner(): string | undefined {
    return this.stringField('owner');
  }
  set owner(value: string | undefined) {
    this.writeField('owner', value);
  }

  /**
   * When the object was created, as the JSON string. Read-only.
   * @example
   * ```ts
   * obj.creationTime; // '2025-01-01T10:00:00.000Z'
   * ```
   */
  get creationTime(): string | undefined {
    return this.stringField('creationTime');
  }

  /**
   * `creationTime` as a luxon `DateTime` (needs `import '@c8y/model/datetime'`).
   * @example
   * ```ts
   * DateTime.now().diff(obj.creationDateTime!).as('minutes');
   * ```
   */
  get creationDateTime(): DateTime | undefined {
    return this.dateTimeField('creationTime', 'creationDateTime');
  }

  /**
   * When the object was last changed, as the JSON string. Read-only.
   * @example
   * ```ts
   * obj.lastUpdated; // '2025-01-02T08:00:00.000Z'
   * ```
   */
  get lastUpdated(): string | undefined {
    return this.stringField('lastUpdated');
  }

  /**
   * `lastUpdated` as a luxon `DateTime` (needs `import '@c8y/model/datetime'`).
   * @example
   * ```ts
   * obj.lastUpdatedDateTime?.toRelative();
   * ```
   */
  get lastUpdatedDateTime(): DateTime | undefined {
    return this.dateTimeField('lastUpdated', 'lastUpdatedDateTime');
  }
}
