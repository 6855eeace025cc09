import type { RequestContext } from '../../server/context.js';
import { errors } from '../../server/errors.js';
import { decodeComponent } from '../../util/percent.js';
import { cumulocityTypeOf } from '../../server/media-types.js';
import type { AreaApi } from '../types.js';
import { addQuery, listingProvider, type ListingSpec } from './listing.js';
import { createManagedObjects, notFound, readable, writable } from './managed-objects.js';
import { moPath, renderReference } from './render.js';
import { inventoryStore, RELATION_KINDS, type InventoryStore, type MoRecord, type RelationKind } from './store.js';

const notAChild = (childId: string, parentId: string): Error => errors.invalidData('inventory', `managedObject ${childId} is not a child of ${parentId}`);

/** Extracts the child id of a `{managedObject: {id}}` (or legacy `{managedObject: {self}}`) reference. */
function referencedId(reference: unknown): string {
  const mo = (reference as { managedObject?: unknown } | null)?.managedObject as { id?: unknown; self?: unknown } | undefined;
  if (mo && (typeof mo.id === 'string' || typeof mo.id === 'number')) return String(mo.id);
  if (mo && typeof mo.self === 'string') {
    const m = /\/inventory\/managedObjects\/([^/?#]+)\/?$/.exec(mo.self);
    const id = m?.[1] === undefined ? undefined : decodeComponent(m[1]);
    if (id) return id;
  }
  throw errors.invalidData('inventory', 'Reference must contain managedObject.id');
}

function referencesOf(body: unknown): unknown[] {
  const refs = (body as { references?: unknown } | null)?.references;
  if (!Array.isArray(refs)) throw errors.invalidData('inventory', 'Expected a references array');
  return refs as unknown[];
}

type PostKind = 'reference' | 'references' | 'object';

function postKind(ctx: RequestContext, body: Record<string, unknown>): PostKind {
  const type = ctx.body.contentType && cumulocityTypeOf(ctx.body.contentType);
  if (type === 'managedobjectreference') return 'reference';
  if (type === 'managedobjectreferencecollection') return 'references';
  if (type === 'managedobject') return 'object';
  // application/json: infer from the shape.
  if (Array.isArray(body.references)) return 'references';
  if (body.managedObject !== undefined && Object.keys(body).length === 1) return 'reference';
  return 'object';
}

function childListing(store: InventoryStore, parent: MoRecord, kind: RelationKind): ListingSpec {
  return {
    base: () => [...parent.children[kind]].map((id) => store.get(id)).filter((r): r is MoRecord => r !== undefined),
    predicates: [],
    order: undefined,
    signature: [`children=${parent.id}/${kind}`],
  };
}

/** Registers the childDevices / childAssets / childAdditions routes. */
export function registerChildren(api: AreaApi): void {
  for (const kind of RELATION_KINDS) {
    const base = `/inventory/managedObjects/:id/${kind}`;

    api.get(base, (ctx) => {
      const store = inventoryStore(ctx.tenant);
      const parent = readable(ctx, store, ctx.param('id'));
      const spec = childListing(store, parent, kind);
      addQuery(spec, store, 'query', ctx.query.get('query'));
      const skipNames = ctx.query.bool('skipChildrenNames');
      return ctx.ok(
        ctx.page(listingProvider(store, spec), {
          key: 'references',
          map: (child) => renderReference(ctx, store, parent.id, kind, child.id, skipNames),
          restricted: false,
        }),
        'managedobjectreferencecollection',
      );
    });

    api.post(
      base,
      (ctx) => {
        const store = inventoryStore(ctx.tenant);
        const parent = writable(ctx, store, ctx.param('id'));
        const body = ctx.body.json<unknown>();
        if (body === null || typeof body !== 'object' || Array.isArray(body)) throw errors.invalidData('inventory', 'Expected a JSON object');
        const how = postKind(ctx, body as Record<string, unknown>);
        if (how === 'object') {
          const [child] = createManagedObjects(ctx, store, [body]);
          if (!child) throw errors.internal();
          store.link(kind, parent, child);
          const ref = renderReference(ctx, store, parent.id, kind, child.id);
          return ctx.created(ref, 'managedobjectreference');
        }
        const ids = how === 'reference' ? [referencedId(body)] : referencesOf(body).map(referencedId);
        // Validate everything first: all or nothing.
        const children = ids.map((id) => {
          const child = store.get(id);
          if (!child) throw notFound();
          if (child.id === parent.id) throw errors.invalidData('inventory', `Cannot assign managedObject ${id} to itself`);
          return child;
        });
        for (const child of children) store.link(kind, parent, child);
        if (how === 'reference') {
          const ref = renderReference(ctx, store, parent.id, kind, ids[0] ?? '');
          return ctx.created(ref, 'managedobjectreference');
        }
        const refs = ids.map((id) => renderReference(ctx, store, parent.id, kind, id));
        return ctx.acceptSent
          ? ctx.json(201, { self: ctx.url(`${moPath(parent.id)}/${kind}`), references: refs }, 'managedobjectreferencecollection')
          : ctx.empty(201);
      },
      { jsonTypes: ['managedobjectreference', 'managedobjectreferencecollection', 'managedobject'] },
    );

    // Remove several children at once: body {references: [{managedObject: {id}}]}.
    api.delete(base, (ctx) => {
      const store = inventoryStore(ctx.tenant);
      const parent = writable(ctx, store, ctx.param('id'));
      let body: unknown;
      try {
        body = ctx.body.json<unknown>();
      } catch {
        throw errors.invalidData('inventory', 'Expected a managedObjectReferenceCollection body');
      }
      const ids = referencesOf(body).map(referencedId);
      for (const id of ids) if (!parent.children[kind].has(id)) throw notAChild(id, parent.id);
      for (const id of ids) {
        const child = store.get(id);
        if (child) store.unlink(kind, parent, child);
      }
      return ctx.noContent();
    });

    api.get(`${base}/:childId`, (ctx) => {
      const store = inventoryStore(ctx.tenant);
      const parent = readable(ctx, store, ctx.param('id'));
      const childId = ctx.param('childId');
      if (!store.has(childId)) throw notFound();
      if (!parent.children[kind].has(childId)) throw notAChild(childId, parent.id);
      return ctx.ok(renderReference(ctx, store, parent.id, kind, childId), 'managedobjectreference');
    });

    api.delete(`${base}/:childId`, (ctx) => {
      const store = inventoryStore(ctx.tenant);
      const parent = writable(ctx, store, ctx.param('id'));
      const childId = ctx.param('childId');
      const child = store.get(childId);
      if (!child) throw notFound();
      if (!store.unlink(kind, parent, child)) throw notAChild(childId, parent.id);
      return ctx.noContent();
    });
  }
}
