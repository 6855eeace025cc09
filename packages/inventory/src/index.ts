/**
 * `@c8y/inventory`: the Cumulocity inventory (managed objects, devices, device groups, child
 * relations, binaries) as typed contexts.
 *
 * @example
 * ```ts
 * import { DeviceInventory } from '@c8y/inventory';
 * const devices = new DeviceInventory(client);
 * for await (const device of devices.select({ name: 'Pump*', availability: 'UNAVAILABLE' })) console.log(device.name);
 * ```
 * @packageDocumentation
 */
export { Inventory } from './inventory.js';
export type {
  AvailabilityStatus,
  BinaryFilters,
  DeleteInventoryOptions,
  DeviceFilters,
  DeviceGroupFilters,
  GetManagedObjectOptions,
  InventoryChildrenFilters,
  InventoryFilters,
  InventoryQueryFilters,
  InventoryQueryValue,
  InventoryTimeFilters,
  ManagedObjectDeleteFlags,
  ManagedObjectGetFlags,
  NewDeviceRequestFilters,
} from './inventory-filters.js';
export {
  binaryQuery,
  childrenOf,
  deviceGroupInventoryQuery,
  deviceInventoryQuery,
  inventoryChildrenQuery,
  inventoryQuery,
  managedObjectDeleteQuery,
  managedObjectGetQuery,
  newDeviceRequestQuery,
} from './inventory-queries.js';
export {
  Availability,
  Binary,
  Device,
  DeviceGroup,
  ManagedObject,
  NewDeviceRequest,
  type BinaryInit,
  type ChildKind,
  type ManagedObjectInit,
  type NewDeviceRequestInit,
  type NewDeviceRequestStatus,
} from '@c8y/model';
export { DeviceInventory } from './device-inventory.js';
export { NewDeviceRequests, type AcceptRequestOptions, type DeviceRequestInput } from './new-device-requests.js';
export { DeviceGroupInventory } from './device-group-inventory.js';
export { Binaries, type BinaryContent, type BinaryUpload } from './binaries.js';
