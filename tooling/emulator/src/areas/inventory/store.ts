import type { Tenant } from '../../auth/tenants.js';

/** The three kinds of parent/child relations of the inventory. */
export type RelationKind = 'childDevices' | 'childAssets' | 'childAdditions';
export const RELATION_KINDS: readonly RelationKind[] = ['childDevices', 'childAssets', 'childAdditions'];
/** The parents fragment matching a child relation (`childDevices` → `deviceParents`). */
export const PARENTS_OF: Readonly<Record<RelationKind, 'deviceParents' | 'assetParents' | 'additionParents'>> = {
  childDevices: 'deviceParents',
  childAssets: 'assetParents',
  childAdditions: 'additionParents',
};

/** Server-maintained fields that clients cannot set (stripped from POST/PUT bodies). */
export const SERVER_FIELDS = new Set([
  'id',
  'self',
  'creationTime',
  'lastUpdated',
  'childDevices',
  'childAssets',
  'childAdditions',
  'deviceParents',
  'assetParents',
  'additionParents',
  'externalIds',
]);

/** A stored binary file (metadata lives on the managed object). */
export interface StoredFile {
  data: Buffer;
  contentType: string;
  fileName: string;
}

/** An external id bound to a managed object. */
export interface ExternalIdRecord {
  type: string;
  externalId: string;
  moId: string;
}

/**
 * One stored managed object. `doc` holds the JSON document without links: `id`, `owner`,
 * `creationTime`, `lastUpdated`, `name`, `type` and custom fragments. Relations are kept as
 * insertion-ordered id sets and rendered into `childDevices`/`deviceParents`/… on output.
 */
export interface MoRecord {
  readonly id: string;
  /** Insertion sequence (creation order = id order). */
  readonly seq: number;
  doc: Record<string, unknown>;
  readonly children: Record<RelationKind, Set<string>>;
  readonly parents: Record<RelationKind, Set<string>>;
  /** Binary payload for `/inventory/binaries` objects. */
  file?: StoredFile;
  /** When the device last sent something (availability); set by an id-only PUT. */
  lastMessage?: string;
  deleted?: boolean;
}

/** A read-only view of a stored managed object for other areas (`findManagedObject`). */
export type ManagedObjectData = Readonly<Record<string, unknown>> & {
  readonly id: string;
  readonly owner?: string;
  readonly type?: string;
  readonly name?: string;
};

/** How many render variants (base URL × render options) {@link InventoryStore.renderings} keeps. */
const MAX_RENDER_VARIANTS = 8;

const key = (type: string, externalId: string): string => `${type}\u0000${externalId}`;

/**
 * Per-tenant inventory: objects in insertion order (array with lazily compacted holes) plus a
 * map by id, a type index and the external-id index. `version` changes on every mutation so
 * query results can be cached between the pages of one listing.
 */
export class InventoryStore {
  private readonly byId = new Map<string, MoRecord>();
  private order: MoRecord[] = [];
  private holes = 0;
  private seq = 0;
  private readonly byType = new Map<string, { ids: Set<string>; sorted: MoRecord[] | undefined }>();
  /** External ids by `type\0value`. */
  readonly externalIds = new Map<string, ExternalIdRecord>();
  /** External ids per managed object, in creation order. */
  private readonly externalIdsByMo = new Map<string, ExternalIdRecord[]>();
  /** Bumped on every mutation. */
  version = 0;
  /** Query-result caches of the listing code, keyed by query signature; dropped when `version` changes. */
  readonly cache = new Map<string, unknown>();
  private cacheVersion = 0;
  /** Rendered JSON per render variant and record; dropped when `version` changes. */
  private readonly rendered = new Map<string, Map<MoRecord, string>>();
  private renderedVersion = 0;

  get size(): number {
    return this.byId.size;
  }

  get(id: string): MoRecord | undefined {
    return this.byId.get(id);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** All live records in insertion order (no copy; do not mutate). */
  all(): readonly MoRecord[] {
    if (this.holes > 0) {
      this.order = this.order.filter((r) => !r.deleted);
      this.holes = 0;
    }
    return this.order;
  }

  /** Records of one `type`, in insertion order. */
  ofType(type: string): readonly MoRecord[] {
    const entry = this.byType.get(type);
    if (!entry) return [];
    entry.sorted ??= [...entry.ids].map((id) => this.byId.get(id)).filter((r): r is MoRecord => r !== undefined).sort((a, b) => a.seq - b.seq);
    return entry.sorted;
  }

  /** Inserts a new document (which must carry `id`). */
  insert(doc: Record<string, unknown> & { id: string }): MoRecord {
    const record: MoRecord = {
      id: doc.id,
      seq: this.seq++,
      doc,
      children: { childDevices: new Set(), childAssets: new Set(), childAdditions: new Set() },
      parents: { childDevices: new Set(), childAssets: new Set(), childAdditions: new Set() },
    };
    this.byId.set(record.id, record);
    this.order.push(record);
    this.indexType(record, undefined, doc.type);
    this.touch();
    return record;
  }

  /** Replaces the document of a record (keeps the type index current). */
  replaceDoc(record: MoRecord, doc: Record<string, unknown>): void {
    const before = record.doc.type;
    record.doc = doc;
    this.indexType(record, before, doc.type);
    this.touch();
  }

  /** Removes one object and every relation and external id that points to it. */
  remove(id: string): MoRecord | undefined {
    const record = this.byId.get(id);
    if (!record) return undefined;
    for (const kind of Object.keys(record.children) as RelationKind[]) {
      for (const child of record.children[kind]) this.byId.get(child)?.parents[kind].delete(id);
      for (const parent of record.parents[kind]) this.byId.get(parent)?.children[kind].delete(id);
    }
    for (const ext of this.externalIdsByMo.get(id) ?? []) this.externalIds.delete(key(ext.type, ext.externalId));
    this.externalIdsByMo.delete(id);
    this.indexType(record, record.doc.type, undefined);
    this.byId.delete(id);
    record.deleted = true;
    this.holes++;
    this.touch();
    return record;
  }

  /** Adds `child` under `parent` (idempotent). */
  link(kind: RelationKind, parent: MoRecord, child: MoRecord): void {
    parent.children[kind].add(child.id);
    child.parents[kind].add(parent.id);
    this.touch();
  }

  /** Removes the relation; false if `child` was not a child of `parent`. */
  unlink(kind: RelationKind, parent: MoRecord, child: MoRecord): boolean {
    if (!parent.children[kind].delete(child.id)) return false;
    child.parents[kind].delete(parent.id);
    this.touch();
    return true;
  }

  externalId(type: string, externalId: string): ExternalIdRecord | undefined {
    return this.externalIds.get(key(type, externalId));
  }

  externalIdsOf(moId: string): readonly ExternalIdRecord[] {
    return this.externalIdsByMo.get(moId) ?? [];
  }

  /** Binds an external id; the caller has checked that it is free. */
  addExternalId(record: ExternalIdRecord): void {
    this.externalIds.set(key(record.type, record.externalId), record);
    const list = this.externalIdsByMo.get(record.moId);
    if (list) list.push(record);
    else this.externalIdsByMo.set(record.moId, [record]);
    this.touch();
  }

  removeExternalId(type: string, externalId: string): ExternalIdRecord | undefined {
    const k = key(type, externalId);
    const record = this.externalIds.get(k);
    if (!record) return undefined;
    this.externalIds.delete(k);
    const list = this.externalIdsByMo.get(record.moId);
    if (list) {
      const rest = list.filter((r) => r !== record);
      if (rest.length > 0) this.externalIdsByMo.set(record.moId, rest);
      else this.externalIdsByMo.delete(record.moId);
    }
    this.touch();
    return record;
  }

  /** The result cache, emptied when the store changed since it was last used. */
  results(): Map<string, unknown> {
    if (this.cacheVersion !== this.version) {
      this.cache.clear();
      this.cacheVersion = this.version;
    }
    return this.cache;
  }

  /**
   * The rendered-JSON cache of one render variant (base URL + render options), emptied when the
   * store changed since it was last used: a rendering also shows other records (parent and child
   * names), so any mutation may change it. At most {@link MAX_RENDER_VARIANTS} variants are kept.
   */
  renderings(variant: string): Map<MoRecord, string> {
    if (this.renderedVersion !== this.version) {
      this.rendered.clear();
      this.renderedVersion = this.version;
    }
    let cache = this.rendered.get(variant);
    if (!cache) {
      if (this.rendered.size >= MAX_RENDER_VARIANTS) this.rendered.clear();
      this.rendered.set(variant, (cache = new Map()));
    }
    return cache;
  }

  private touch(): void {
    this.version++;
  }

  private indexType(record: MoRecord, before: unknown, after: unknown): void {
    if (before === after) return;
    if (typeof before === 'string') {
      const entry = this.byType.get(before);
      if (entry) {
        entry.ids.delete(record.id);
        entry.sorted = undefined;
        if (entry.ids.size === 0) this.byType.delete(before);
      }
    }
    if (typeof after === 'string') {
      let entry = this.byType.get(after);
      if (!entry) this.byType.set(after, (entry = { ids: new Set(), sorted: [] }));
      const sorted = entry.sorted;
      entry.ids.add(record.id);
      // Appending the newest record keeps the cached order valid; anything else re-sorts lazily.
      const last = sorted?.[sorted.length - 1];
      entry.sorted = sorted && (last === undefined || last.seq < record.seq) ? (sorted.push(record), sorted) : undefined;
    }
  }
}

/** The inventory store of a tenant. */
export function inventoryStore(tenant: Tenant): InventoryStore {
  return tenant.data('inventory', () => new InventoryStore());
}

/**
 * Looks a managed object up by id in the request's tenant, for other areas (e.g. to check that a
 * measurement's `source` exists). Returns the stored document (`id`, `owner`, `type`, `name`,
 * `creationTime`, `lastUpdated`, fragments) without links, or `undefined`. Do not mutate it.
 */
export function findManagedObject(ctx: { readonly tenant: Tenant }, id: string): ManagedObjectData | undefined {
  return inventoryStore(ctx.tenant).get(id)?.doc as ManagedObjectData | undefined;
}

/**
 * Records that a device sent something now (feeds `GET …/{id}/availability`), for areas that
 * receive device data (measurements, events, alarms). No-op for unknown ids.
 */
export function recordDeviceMessage(ctx: { readonly tenant: Tenant; now(): string }, id: string): void {
  const record = inventoryStore(ctx.tenant).get(id);
  if (record) record.lastMessage = ctx.now();
}
