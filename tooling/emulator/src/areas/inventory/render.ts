import type { RequestContext } from '../../server/context.js';
import { PARENTS_OF, RELATION_KINDS, type InventoryStore, type MoRecord, type RelationKind } from './store.js';

/** How a managed object is rendered (the `with*` query parameters). */
export interface RenderOptions {
  /** `childDevices|childAssets|childAdditions` with references. */
  withChildren: boolean;
  /** Adds `count` to the child fragments (they are rendered even without `withChildren`). */
  withChildrenCount: boolean;
  /** Omits `name` from child references. */
  skipChildrenNames: boolean;
  /** Parents fragments list all ancestors instead of the direct parents. */
  withParents: boolean;
}

/** Reads the render options; `withChildrenDefault` differs between single objects and collections. */
export function renderOptions(ctx: RequestContext, withChildrenDefault: boolean): RenderOptions {
  return {
    withChildren: ctx.query.bool('withChildren', withChildrenDefault),
    withChildrenCount: ctx.query.bool('withChildrenCount'),
    skipChildrenNames: ctx.query.bool('skipChildrenNames'),
    withParents: ctx.query.bool('withParents'),
  };
}

export const moPath = (id: string): string => `/inventory/managedObjects/${encodeURIComponent(id)}`;

/** `{managedObject: {id, name, self}, self}` as used in reference collections and child fragments. */
export function renderReference(
  ctx: RequestContext,
  store: InventoryStore,
  parentId: string,
  kind: RelationKind,
  childId: string,
  skipNames = false,
): Record<string, unknown> {
  const child = store.get(childId);
  const name = child?.doc.name;
  return {
    managedObject: {
      id: childId,
      self: ctx.url(moPath(childId)),
      ...(name !== undefined && !skipNames ? { name } : {}),
    },
    self: ctx.url(`${moPath(parentId)}/${kind}/${encodeURIComponent(childId)}`),
  };
}

function ancestors(store: InventoryStore, record: MoRecord, kind: RelationKind): string[] {
  const seen = new Set<string>();
  const queue = [...record.parents[kind]];
  while (queue.length > 0) {
    const id = queue.shift() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    const parent = store.get(id);
    if (parent) queue.push(...parent.parents[kind]);
  }
  seen.delete(record.id);
  return [...seen];
}

/** The JSON of a managed object with absolute links and relation fragments. */
export function renderManagedObject(ctx: RequestContext, store: InventoryStore, record: MoRecord, options: RenderOptions): Record<string, unknown> {
  const out: Record<string, unknown> = { ...record.doc, self: ctx.url(moPath(record.id)) };
  for (const kind of RELATION_KINDS) {
    if (options.withChildren || options.withChildrenCount) {
      const fragment: Record<string, unknown> = { self: ctx.url(`${moPath(record.id)}/${kind}`) };
      if (options.withChildrenCount) fragment.count = record.children[kind].size;
      if (options.withChildren)
        fragment.references = [...record.children[kind]].map((child) => renderReference(ctx, store, record.id, kind, child, options.skipChildrenNames));
      out[kind] = fragment;
    }
    const parentIds = options.withParents ? ancestors(store, record, kind) : [...record.parents[kind]];
    const parentsKey = PARENTS_OF[kind];
    out[parentsKey] = {
      self: ctx.url(`${moPath(record.id)}/${parentsKey}`),
      references: parentIds.map((id) => {
        const name = store.get(id)?.doc.name;
        return { managedObject: { id, self: ctx.url(moPath(id)), ...(name !== undefined ? { name } : {}) }, self: ctx.url(moPath(id)) };
      }),
    };
  }
  return out;
}

/**
 * A renderer of managed objects as JSON text ({@link renderManagedObject}, stringified), cached per
 * base URL and render options until the store changes: collection pages then only join strings.
 * Use it within one request (the cache it holds is that of the store's current version).
 */
export function managedObjectJson(ctx: RequestContext, store: InventoryStore, options: RenderOptions): (record: MoRecord) => string {
  const variant = `${ctx.baseUrl} ${+options.withChildren}${+options.withChildrenCount}${+options.skipChildrenNames}${+options.withParents}`;
  const cache = store.renderings(variant);
  return (record) => {
    let json = cache.get(record);
    if (json === undefined) {
      json = JSON.stringify(renderManagedObject(ctx, store, record, options));
      cache.set(record, json);
    }
    return json;
  };
}

/** Binary metadata objects are rendered with their `/inventory/binaries/{id}` self link. */
export function renderBinary(ctx: RequestContext, record: MoRecord): Record<string, unknown> {
  return { ...record.doc, self: ctx.url(`/inventory/binaries/${encodeURIComponent(record.id)}`) };
}
