import type { TenantRegistry } from '../../auth/tenants.js';
import { isoTimestamp, type Clock } from '../../util/clock.js';
import type { IdGenerator } from '../../util/ids.js';
import { inventoryStore, SERVER_FIELDS, type RelationKind } from './store.js';

/** What the seeding helpers need from an emulator (`startEmulator()` result). */
export interface SeedTarget {
  readonly tenants: TenantRegistry;
  readonly services: { readonly ids: IdGenerator; readonly clock: Clock };
}

/** A managed object to seed: any fragments, plus optional `owner`, `creationTime` and `externalIds`. */
export type SeedManagedObject = Record<string, unknown> & {
  owner?: string;
  creationTime?: string;
  externalIds?: ReadonlyArray<{ type: string; externalId: string }>;
};

function tenantOf(emu: SeedTarget, tenantId: string) {
  const tenant = emu.tenants.get(tenantId);
  if (!tenant) throw new Error(`Unknown tenant ${tenantId}`);
  return tenant;
}

/**
 * Inserts managed objects straight into a tenant's inventory, without HTTP (tests, benchmarks):
 * ids come from the emulator's id generator, `owner` defaults to `admin`, `creationTime` and
 * `lastUpdated` to the emulator clock. Returns the new ids in order. Throws on a duplicate
 * external id. `emu.reset()` removes them like any other data.
 *
 * @example const ids = seedManagedObjects(emu, 't100', Array.from({ length: 20000 }, (_, i) => ({ name: `d${i}`, type: 'bench', c8y_IsDevice: {} })));
 */
export function seedManagedObjects(emu: SeedTarget, tenantId: string, objects: Iterable<SeedManagedObject>): string[] {
  const store = inventoryStore(tenantOf(emu, tenantId));
  const now = isoTimestamp(emu.services.clock.now());
  const ids: string[] = [];
  for (const object of objects) {
    for (const e of object.externalIds ?? [])
      if (store.externalId(e.type, e.externalId)) throw new Error(`External id ${e.type}/${e.externalId} already exists`);
    const id = emu.services.ids.next();
    const doc: Record<string, unknown> & { id: string } = { id };
    for (const [k, v] of Object.entries(object)) if (!SERVER_FIELDS.has(k) && v !== null && v !== undefined) doc[k] = v;
    doc.owner = object.owner ?? 'admin';
    doc.creationTime = object.creationTime ?? now;
    doc.lastUpdated = object.creationTime ?? now;
    store.insert(doc);
    for (const e of object.externalIds ?? []) store.addExternalId({ type: e.type, externalId: e.externalId, moId: id });
    ids.push(id);
  }
  return ids;
}

/** Adds children to a parent (`childAssets` of a group, `childDevices` of an agent, …) without HTTP. */
export function linkManagedObjects(emu: SeedTarget, tenantId: string, kind: RelationKind, parentId: string, childIds: readonly string[]): void {
  const store = inventoryStore(tenantOf(emu, tenantId));
  const parent = store.get(parentId);
  if (!parent) throw new Error(`Unknown managed object ${parentId}`);
  for (const childId of childIds) {
    const child = store.get(childId);
    if (!child) throw new Error(`Unknown managed object ${childId}`);
    store.link(kind, parent, child);
  }
}
