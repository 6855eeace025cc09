import type { RequestContext } from '../../server/context.js';
import { errors } from '../../server/errors.js';
import { cumulocityTypeOf } from '../../server/media-types.js';
import { ownValue } from '../../util/own.js';
import type { AreaApi } from '../types.js';
import { inventoryRoleAccess } from './access.js';
import { addQuery, listing, listingProvider, parentsOf, textPredicate, type ListingSpec } from './listing.js';
import { managedObjectJson, moPath, renderManagedObject, renderOptions } from './render.js';
import { inventoryStore, RELATION_KINDS, SERVER_FIELDS, type InventoryStore, type MoRecord, type RelationKind } from './store.js';

export const READ_ROLES = ['ROLE_INVENTORY_READ', 'ROLE_MANAGED_OBJECT_READ'] as const;
export const ADMIN_ROLES = ['ROLE_INVENTORY_ADMIN', 'ROLE_MANAGED_OBJECT_ADMIN'] as const;
export const CREATE_ROLES = ['ROLE_INVENTORY_ADMIN', 'ROLE_INVENTORY_CREATE', 'ROLE_MANAGED_OBJECT_ADMIN', 'ROLE_MANAGED_OBJECT_CREATE', 'ROLE_DEVICE'] as const;
/** Maximum number of objects in one bulk POST/PUT (spec). */
export const MAX_BULK = 50;

export const notFound = (): Error => errors.notFound('inventory', 'Finding device data from database failed');

/** Whether the user may read every object (global read role, and not a device user). */
export function hasGlobalRead(ctx: RequestContext): boolean {
  return !ctx.user.isDevice && ctx.user.hasAnyRole(...READ_ROLES);
}

const ownedBy = (ctx: RequestContext, record: MoRecord): boolean => record.doc.owner === ctx.user.userName;

/**
 * The record, or 404; 403 unless the user has a global read role, owns it, or reaches it through
 * an inventory role (assigned on it or an ancestor, see `access.ts`).
 */
export function readable(ctx: RequestContext, store: InventoryStore, id: string): MoRecord {
  const record = store.get(id);
  if (!record) throw notFound();
  if (!hasGlobalRead(ctx) && !ownedBy(ctx, record) && !inventoryRoleAccess(ctx.tenant, ctx.user, store, 'READ').test(record)) throw errors.forbidden();
  return record;
}

/** The record, or 404; 403 unless the user has an admin role, owns it, or holds an `ADMIN` inventory role on it. */
export function writable(ctx: RequestContext, store: InventoryStore, id: string): MoRecord {
  const record = store.get(id);
  if (!record) throw notFound();
  if (!(ctx.user.hasAnyRole(...ADMIN_ROLES) && !ctx.user.isDevice) && !ownedBy(ctx, record) && !inventoryRoleAccess(ctx.tenant, ctx.user, store, 'ADMIN').test(record))
    throw errors.forbidden();
  return record;
}

function requireObject(body: unknown, what = 'managed object'): Record<string, unknown> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw errors.invalidData('inventory', `Expected a JSON object as ${what}`);
  return body as Record<string, unknown>;
}

interface ExternalIdInput {
  type: string;
  externalId: string;
}

function externalIdsOf(body: Record<string, unknown>): ExternalIdInput[] {
  const raw = body.externalIds;
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) throw errors.invalidData('inventory', 'externalIds must be an array');
  return (raw as unknown[]).map((e) => {
    const o = e as Partial<Record<string, unknown>> | null;
    if (!o || typeof o.type !== 'string' || typeof o.externalId !== 'string' || o.type === '' || o.externalId === '')
      throw errors.invalidData('inventory', 'Following mandatory fields should be included: type, externalId');
    return { type: o.type, externalId: o.externalId };
  });
}

/**
 * Validates and creates managed objects (all or nothing): server fields are ignored, `owner`
 * is the creating user, `externalIds` are bound (409 if one is taken).
 */
export function createManagedObjects(ctx: RequestContext, store: InventoryStore, bodies: readonly unknown[]): MoRecord[] {
  const objects = bodies.map((b) => requireObject(b));
  const extIds = objects.map(externalIdsOf);
  const seen = new Set<string>();
  for (const e of extIds.flat()) {
    const k = `${e.type}\u0000${e.externalId}`;
    if (store.externalId(e.type, e.externalId) || seen.has(k))
      throw errors.conflict('identity', `External id already exists; external id = ID [type=${e.type}, value=${e.externalId}]`);
    seen.add(k);
  }
  const now = ctx.now();
  return objects.map((body, i) => {
    const id = ctx.emu.ids.next();
    const doc: Record<string, unknown> & { id: string } = { id };
    for (const [k, v] of Object.entries(body)) if (!SERVER_FIELDS.has(k) && k !== 'owner' && v !== null) doc[k] = v;
    doc.owner = ctx.user.userName;
    doc.creationTime = now;
    doc.lastUpdated = now;
    const record = store.insert(doc);
    for (const e of extIds[i] ?? []) store.addExternalId({ ...e, moId: id });
    return record;
  });
}

/** Applies a partial update (`null` removes a fragment); bumps `lastUpdated`. */
export function updateManagedObject(ctx: RequestContext, store: InventoryStore, record: MoRecord, body: Record<string, unknown>): void {
  const doc = { ...record.doc };
  for (const [k, v] of Object.entries(body)) {
    if (SERVER_FIELDS.has(k)) continue;
    if (v === null) delete doc[k];
    else doc[k] = v;
  }
  doc.lastUpdated = ctx.now();
  store.replaceDoc(record, doc);
}

/** True if the body of a POST is a bulk collection (`managedobjectcollection` or `{managedObjects: [...]}`). */
function isCollection(ctx: RequestContext, body: Record<string, unknown>): boolean {
  const type = ctx.body.contentType && cumulocityTypeOf(ctx.body.contentType);
  if (type === 'managedobjectcollection') return true;
  if (type === 'managedobject') return false;
  return Array.isArray(body.managedObjects) && Object.keys(body).length === 1;
}

function bulkItems(body: Record<string, unknown>): unknown[] {
  const items = body.managedObjects;
  if (!Array.isArray(items)) throw errors.invalidData('inventory', 'Expected a managedObjects array');
  if (items.length > MAX_BULK) throw errors.invalidData('inventory', `Bulk requests are limited to ${MAX_BULK} managed objects`);
  return items as unknown[];
}

/**
 * The managed-object listing of a request (collection filters, query language, visibility: a user
 * without a global read role sees what it owns and what its inventory roles reach).
 * Restricted-paging users are not pre-filtered: the page helper's `visible` decides.
 */
export function managedObjectListing(ctx: RequestContext, store: InventoryStore, restricted: boolean): ListingSpec {
  const spec = listing(store);
  const q = ctx.query;
  const query = q.get('query');
  const deviceQuery = q.get('q');
  const hasQuery = query !== undefined || deviceQuery !== undefined;
  let baseDone = false;

  const ids = q.get('ids');
  if (ids !== undefined) {
    const wanted = new Set(ids.split(',').map((s) => s.trim()).filter((s) => s !== ''));
    spec.base = () => [...wanted].map((id) => store.get(id)).filter((r): r is MoRecord => r !== undefined).sort((a, b) => a.seq - b.seq);
    spec.signature.push(`ids=${[...wanted].join(',')}`);
    baseDone = true;
  }
  const childFilters: Array<[string, RelationKind]> = [
    ['childAssetId', 'childAssets'],
    ['childDeviceId', 'childDevices'],
    ['childAdditionId', 'childAdditions'],
  ];
  for (const [param, kind] of childFilters) {
    const childId = q.get(param);
    if (childId === undefined) continue;
    if (!baseDone) {
      spec.base = () => parentsOf(store, kind, childId);
      baseDone = true;
    } else spec.predicates.push((r) => r.children[kind].has(childId));
    spec.signature.push(`${param}=${childId}`);
  }
  const type = q.get('type');
  if (type !== undefined && type !== '' && !hasQuery) {
    // "if you query `type` together with `query`, the parameter `type` is ignored"
    if (!baseDone) {
      spec.base = () => store.ofType(type);
      baseDone = true;
    } else spec.predicates.push((r) => r.doc.type === type);
    spec.signature.push(`type=${type}`);
  }
  const owner = q.get('owner');
  if (owner !== undefined && owner !== '') {
    spec.predicates.push((r) => r.doc.owner === owner);
    spec.signature.push(`owner=${owner}`);
  }
  const fragmentType = q.get('fragmentType');
  if (fragmentType !== undefined && fragmentType !== '') {
    spec.predicates.push((r) => ownValue(r.doc, fragmentType) !== undefined);
    spec.signature.push(`fragmentType=${fragmentType}`);
  }
  const text = q.get('text');
  if (text !== undefined && text !== '') {
    spec.predicates.push(textPredicate(store, text));
    spec.signature.push(`text=${text}`);
  }
  if (q.bool('onlyRoots')) {
    spec.predicates.push((r) => RELATION_KINDS.every((k) => r.parents[k].size === 0));
    spec.signature.push('onlyRoots');
  }
  addQuery(spec, store, 'query', query);
  addQuery(spec, store, 'q', deviceQuery);
  if (!restricted && !hasGlobalRead(ctx)) {
    const user = ctx.user.userName;
    const access = inventoryRoleAccess(ctx.tenant, ctx.user, store, 'READ');
    spec.predicates.push((r) => r.doc.owner === user || access.test(r));
    spec.signature.push(`visibleTo=${user}\u0000${access.key}`);
  }
  return spec;
}

/** Deletes an object; with `hierarchy` all its descendants too, else (groups) its subgroups. */
function deleteTree(store: InventoryStore, root: MoRecord, hierarchy: boolean): string[] {
  const doomed: string[] = [];
  const seen = new Set<string>();
  const visit = (record: MoRecord): void => {
    if (seen.has(record.id)) return;
    seen.add(record.id);
    doomed.push(record.id);
    const isGroup = record.doc.c8y_IsDeviceGroup !== undefined;
    for (const kind of RELATION_KINDS) {
      for (const childId of record.children[kind]) {
        const child = store.get(childId);
        if (!child) continue;
        // Groups always take their subgroups with them; everything else only with cascade.
        if (hierarchy || (isGroup && kind === 'childAssets' && child.doc.c8y_IsDeviceGroup !== undefined)) visit(child);
      }
    }
  };
  visit(root);
  for (const id of doomed) store.remove(id);
  return doomed;
}

/** Registers `/inventory/managedObjects` and `/inventory/managedObjects/{id}` (+ availability, supported*). */
export function registerManagedObjects(api: AreaApi): void {
  api.get('/inventory', (ctx) => {
    ctx.requireRole(...READ_ROLES);
    const mo = ctx.url('/inventory/managedObjects');
    return ctx.ok(
      {
        self: ctx.url('/inventory'),
        managedObjects: { self: mo, references: [] },
        managedObjectsForFragmentType: `${mo}?fragmentType={fragmentType}`,
        managedObjectsForListOfIds: `${mo}?ids={ids}`,
        managedObjectsForOwner: `${mo}?owner={owner}`,
        managedObjectsForType: `${mo}?type={type}`,
      },
      'inventoryapi',
    );
  });

  api.get('/inventory/managedObjects', (ctx) => {
    const store = inventoryStore(ctx.tenant);
    const restricted = ctx.user.restrictedPaging && !ctx.user.isDevice;
    const provider = listingProvider(store, managedObjectListing(ctx, store, restricted));
    const options = renderOptions(ctx, false);
    const global = hasGlobalRead(ctx);
    const user = ctx.user.userName;
    const access = global ? undefined : inventoryRoleAccess(ctx.tenant, ctx.user, store, 'READ');
    return ctx.okJsonPage(
      provider,
      {
        key: 'managedObjects',
        json: managedObjectJson(ctx, store, options),
        restricted,
        // Restricted users (only inventory roles): own objects and what their roles reach.
        visible: (r) => global || r.doc.owner === user || access?.test(r) === true,
      },
      'managedobjectcollection',
    );
  });

  // Not in the OpenAPI spec, but served by the platform (used by the UI): the number of matches.
  api.get('/inventory/managedObjects/count', (ctx) => {
    const store = inventoryStore(ctx.tenant);
    return ctx.ok(listingProvider(store, managedObjectListing(ctx, store, false)).list().length, 'application/json');
  });

  api.post('/inventory/managedObjects', (ctx) => {
    ctx.requireRole(...CREATE_ROLES);
    const store = inventoryStore(ctx.tenant);
    const body = requireObject(ctx.body.json());
    const options = renderOptions(ctx, true);
    if (isCollection(ctx, body)) {
      const records = createManagedObjects(ctx, store, bulkItems(body));
      const rendered = records.map((r) => renderManagedObject(ctx, store, r, options));
      return ctx.acceptSent
        ? ctx.json(201, { managedObjects: rendered }, 'managedobjectcollection')
        : ctx.empty(201);
    }
    const [record] = createManagedObjects(ctx, store, [body]);
    if (!record) throw errors.internal();
    return ctx.created(renderManagedObject(ctx, store, record, options), 'managedobject');
  }, { jsonTypes: ['managedobject', 'managedobjectcollection'] });

  api.put('/inventory/managedObjects', (ctx) => {
    const store = inventoryStore(ctx.tenant);
    const items = bulkItems(requireObject(ctx.body.json()));
    const targets = items.map((item) => {
      const body = requireObject(item);
      if (typeof body.id !== 'string' && typeof body.id !== 'number') throw errors.invalidData('inventory', 'Every managed object needs an id');
      return { record: writable(ctx, store, String(body.id)), body };
    });
    for (const { record, body } of targets) updateManagedObject(ctx, store, record, body);
    const options = renderOptions(ctx, true);
    return ctx.updated({ managedObjects: targets.map(({ record }) => renderManagedObject(ctx, store, record, options)) }, 'managedobjectcollection');
  }, { jsonTypes: ['managedobjectcollection'] });

  api.get('/inventory/managedObjects/:id', (ctx) => {
    const store = inventoryStore(ctx.tenant);
    const record = readable(ctx, store, ctx.param('id'));
    return ctx.ok(renderManagedObject(ctx, store, record, renderOptions(ctx, true)), 'managedobject');
  });

  api.put(
    '/inventory/managedObjects/:id',
    (ctx) => {
      const store = inventoryStore(ctx.tenant);
      const record = writable(ctx, store, ctx.param('id'));
      const body = requireObject(ctx.body.json());
      const keys = Object.keys(body);
      if (keys.length === 0 || (keys.length === 1 && keys[0] === 'id')) {
        // "If you only specify the id, it updates the date when the last message was received and
        // no other property. The response then only contains the id."
        record.lastMessage = ctx.now();
        return ctx.updated({ id: record.id }, 'managedobject');
      }
      updateManagedObject(ctx, store, record, body);
      return ctx.updated(renderManagedObject(ctx, store, record, renderOptions(ctx, true)), 'managedobject');
    },
    { jsonTypes: ['managedobject'] },
  );

  api.delete('/inventory/managedObjects/:id', (ctx) => {
    const store = inventoryStore(ctx.tenant);
    const record = writable(ctx, store, ctx.param('id'));
    const isGroup = record.doc.c8y_IsDeviceGroup !== undefined;
    const isDevice = record.doc.c8y_IsDevice !== undefined;
    const hierarchy = ctx.query.bool('forceCascade') || (ctx.query.bool('cascade') && (isGroup || isDevice));
    const owner = record.doc.owner;
    deleteTree(store, record, hierarchy);
    if (ctx.query.bool('withDeviceUser') && isDevice && typeof owner === 'string' && ctx.tenant.users.get(owner)?.isDevice)
      ctx.tenant.users.delete(owner);
    return ctx.noContent();
  });

  api.get('/inventory/managedObjects/:id/availability', (ctx) => {
    ctx.requireRole(...READ_ROLES);
    const store = inventoryStore(ctx.tenant);
    const record = store.get(ctx.param('id'));
    if (!record) throw notFound();
    const required = record.doc.c8y_RequiredAvailability as { responseInterval?: unknown } | undefined;
    const interval = typeof required?.responseInterval === 'number' ? required.responseInterval : undefined;
    // "404 A device with provided ID is not monitored." (no body)
    if (interval === undefined) return ctx.empty(404);
    const lastMessage = record.lastMessage;
    const fresh = lastMessage !== undefined && ctx.emu.clock.now().getTime() - Date.parse(lastMessage) <= interval * 60_000;
    const connection = (record.doc.c8y_Connection as { status?: unknown } | undefined)?.status;
    const externalId = store.externalIdsOf(record.id)[0]?.externalId;
    return ctx.ok(
      {
        deviceId: record.id,
        ...(externalId !== undefined ? { externalId } : {}),
        ...(lastMessage !== undefined ? { lastMessage } : {}),
        interval,
        dataStatus: interval <= 0 ? 'MAINTENANCE' : fresh ? 'AVAILABLE' : 'UNAVAILABLE',
        connectionStatus: interval <= 0 ? 'MAINTENANCE' : connection === 'CONNECTED' ? 'CONNECTED' : 'DISCONNECTED',
      },
      'application/json',
    );
  });

  api.get('/inventory/managedObjects/:id/supportedMeasurements', (ctx) => {
    const store = inventoryStore(ctx.tenant);
    const record = readable(ctx, store, ctx.param('id'));
    return ctx.ok({ c8y_SupportedMeasurements: supported(record, 'c8y_SupportedMeasurements') }, 'application/json');
  });

  api.get('/inventory/managedObjects/:id/supportedSeries', (ctx) => {
    const store = inventoryStore(ctx.tenant);
    const record = readable(ctx, store, ctx.param('id'));
    return ctx.ok({ c8y_SupportedSeries: supported(record, 'c8y_SupportedSeries') }, 'application/json');
  });
}

function supported(record: MoRecord, fragment: 'c8y_SupportedMeasurements' | 'c8y_SupportedSeries'): string[] {
  const value = record.doc[fragment];
  return Array.isArray(value) ? (value as unknown[]).filter((v): v is string => typeof v === 'string') : [];
}

export { moPath };
