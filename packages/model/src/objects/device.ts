import { type CallOptions, type IdLike, type RestClient } from '@c8y/rest-core';
import { managedObjectResource } from '../resources.js';
import { ManagedObjectSchema } from '../schemas/inventory.js';
import { MANAGED_OBJECT_READ_ONLY, ManagedObject, type ManagedObjectInit } from './managed-object.js';
import type { ObjectMeta } from './object-meta.js';

const DEVICE_META: ObjectMeta = {
  className: 'Device',
  resource: managedObjectResource,
  readOnly: MANAGED_OBJECT_READ_ONLY,
  schema: ManagedObjectSchema,
};

/**
 * A device: a managed object with the `c8y_IsDevice` fragment (added when missing).
 * `delete({ withDeviceUser: true })` also removes the device's user; `delete({ cascade: true })`
 * its child hierarchy.
 *
 * @example
 * ```ts
 * const device = await new Device(c8y, { name: 'Pump 7', type: 'c8y_Pump', c8y_SupportedOperations: ['c8y_Restart'] }).create();
 * await device.delete({ withDeviceUser: true });
 * ```
 */
export class Device extends ManagedObject {
  constructor(c8y?: RestClient, init?: ManagedObjectInit) {
    super(c8y, init);
    if (!this.has('c8y_IsDevice')) this.set('c8y_IsDevice', {});
  }

  protected override get meta(): ObjectMeta {
    return DEVICE_META;
  }
}

const GROUP_META: ObjectMeta = {
  className: 'DeviceGroup',
  resource: managedObjectResource,
  readOnly: MANAGED_OBJECT_READ_ONLY,
  schema: ManagedObjectSchema,
};

/**
 * A device group: a managed object with `c8y_IsDeviceGroup` and type `c8y_DeviceGroup` (a root
 * group, the default) or `c8y_DeviceSubGroup`. Members and subgroups are child assets.
 * `delete()` removes the group and its subgroups; `delete({ cascade: true })` also the devices.
 *
 * @example
 * ```ts
 * const group = await new DeviceGroup(c8y, { name: 'Plant A' }).create();
 * const subGroup = await new DeviceGroup(c8y, { name: 'Hall 1', type: 'c8y_DeviceSubGroup' }).create();
 * await group.assignChildGroup(subGroup);
 * await group.assignChildAsset(device);
 * ```
 */
export class DeviceGroup extends ManagedObject {
  constructor(c8y?: RestClient, init?: ManagedObjectInit) {
    super(c8y, init);
    if (!this.has('c8y_IsDeviceGroup')) this.set('c8y_IsDeviceGroup', {});
    if (this.type === undefined) this.type = 'c8y_DeviceGroup';
  }

  protected override get meta(): ObjectMeta {
    return GROUP_META;
  }

  /**
   * Makes `group` a subgroup (a child asset of this group).
   * @example
   * ```ts
   * await group.assignChildGroup(subGroup);
   * ```
   */
  async assignChildGroup(group: IdLike, options?: CallOptions): Promise<void> {
    return this.assignChildAsset(group, options);
  }

  /**
   * Removes the subgroup relation; the subgroup itself stays.
   * @example
   * ```ts
   * await group.unassignChildGroup(subGroup);
   * ```
   */
  async unassignChildGroup(group: IdLike, options?: CallOptions): Promise<void> {
    return this.unassignChildAsset(group, options);
  }
}
