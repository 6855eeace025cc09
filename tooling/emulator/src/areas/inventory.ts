import { registerBinaries } from './inventory/binaries.js';
import { registerChildren } from './inventory/children.js';
import { registerManagedObjects } from './inventory/managed-objects.js';
import { defineArea } from './types.js';

export { findManagedObject, inventoryStore, recordDeviceMessage } from './inventory/store.js';
export type { ManagedObjectData, RelationKind } from './inventory/store.js';
export { linkManagedObjects, seedManagedObjects } from './inventory/seed.js';
export type { SeedManagedObject, SeedTarget } from './inventory/seed.js';

/**
 * Inventory: managed objects (CRUD, bulk, filters, query language, count), child relations,
 * availability, supported measurements/series and binaries. State lives in
 * `ctx.tenant.data('inventory')` (see `inventory/store.ts`); identity shares it.
 */
export const inventoryArea = defineArea({
  name: 'inventory',
  resource: 'inventory',
  register(api) {
    registerManagedObjects(api);
    registerChildren(api);
    registerBinaries(api);
  },
});
