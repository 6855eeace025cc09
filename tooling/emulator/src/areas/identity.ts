import type { RequestContext } from '../server/context.js';
import { errors } from '../server/errors.js';
import { inventoryStore, type ExternalIdRecord, type InventoryStore } from './inventory/store.js';
import { defineArea } from './types.js';

const READ_ROLES = ['ROLE_IDENTITY_READ'] as const;
const ADMIN_ROLES = ['ROLE_IDENTITY_ADMIN'] as const;

const externalIdPath = (type: string, externalId: string): string =>
  `/identity/externalIds/${encodeURIComponent(type)}/${encodeURIComponent(externalId)}`;

function render(ctx: RequestContext, e: ExternalIdRecord): Record<string, unknown> {
  return {
    externalId: e.externalId,
    type: e.type,
    self: ctx.url(externalIdPath(e.type, e.externalId)),
    managedObject: { id: e.moId, self: ctx.url(`/inventory/managedObjects/${encodeURIComponent(e.moId)}`) },
  };
}

/** `External id not found; external id = ID [type=c8y_Serial, value=…]` (message format of the platform). */
const externalIdNotFound = (type: string, externalId: string): Error =>
  errors.notFound('identity', `External id not found; external id = ID [type=${type}, value=${externalId}]`);

/** Global-role check, or ownership of the managed object (device users register their own ids). */
function mayAccess(ctx: RequestContext, store: InventoryStore, moId: string, roles: readonly string[]): boolean {
  if (!ctx.user.isDevice && ctx.user.hasAnyRole(...roles)) return true;
  return store.get(moId)?.doc.owner === ctx.user.userName;
}

/**
 * Identity: external ids bound to managed objects. They live in the inventory store, so they
 * disappear with their managed object.
 */
export const identityArea = defineArea({
  name: 'identity',
  resource: 'identity',
  register(api) {
    api.get('/identity', (ctx) => {
      ctx.requireRole(...READ_ROLES);
      return ctx.ok(
        {
          self: ctx.url('/identity'),
          externalId: ctx.url('/identity/externalIds/{type}/{externalId}'),
          externalIdsOfGlobalId: ctx.url('/identity/globalIds/{globalId}/externalIds'),
        },
        'identityapi',
      );
    });

    api.post(
      '/identity/globalIds/:id/externalIds',
      (ctx) => {
        const store = inventoryStore(ctx.tenant);
        const moId = ctx.param('id');
        if (!store.has(moId)) throw errors.notFound('identity', 'Global ID not found');
        if (!mayAccess(ctx, store, moId, ADMIN_ROLES)) throw errors.forbidden();
        const body = ctx.body.json<unknown>();
        const o = (body !== null && typeof body === 'object' && !Array.isArray(body) ? body : {}) as Record<string, unknown>;
        const missing = ['type', 'externalId'].filter((k) => typeof o[k] !== 'string' || o[k] === '');
        if (missing.length > 0) throw errors.invalidData('identity', `Following mandatory fields should be included: ${missing.join(', ')}`);
        const type = o.type as string;
        const externalId = o.externalId as string;
        const existing = store.externalId(type, externalId);
        if (existing && existing.moId !== moId)
          throw errors.conflict('identity', `External id already exists; external id = ID [type=${type}, value=${externalId}]`);
        const record = existing ?? { type, externalId, moId };
        if (!existing) store.addExternalId(record);
        return ctx.created(render(ctx, record), 'externalid');
      },
      { jsonTypes: ['externalid'] },
    );

    api.get('/identity/globalIds/:id/externalIds', (ctx) => {
      const store = inventoryStore(ctx.tenant);
      const moId = ctx.param('id');
      if (!mayAccess(ctx, store, moId, READ_ROLES)) throw errors.forbidden();
      return ctx.ok(
        {
          self: ctx.url(`/identity/globalIds/${encodeURIComponent(moId)}/externalIds`),
          externalIds: store.externalIdsOf(moId).map((e) => render(ctx, e)),
        },
        'externalidcollection',
      );
    });

    api.get('/identity/externalIds/:type/:externalId', (ctx) => {
      const store = inventoryStore(ctx.tenant);
      const type = ctx.param('type');
      const externalId = ctx.param('externalId');
      const record = store.externalId(type, externalId);
      if (!record) throw externalIdNotFound(type, externalId);
      if (!mayAccess(ctx, store, record.moId, READ_ROLES)) throw errors.forbidden();
      return ctx.ok(render(ctx, record), 'externalid');
    });

    api.delete('/identity/externalIds/:type/:externalId', (ctx) => {
      const store = inventoryStore(ctx.tenant);
      const type = ctx.param('type');
      const externalId = ctx.param('externalId');
      const record = store.externalId(type, externalId);
      if (!record) throw externalIdNotFound(type, externalId);
      if (!mayAccess(ctx, store, record.moId, ADMIN_ROLES)) throw errors.forbidden();
      store.removeExternalId(type, externalId);
      return ctx.noContent();
    });

    api.post('/identity/search', (ctx) => {
      ctx.requireRole(...READ_ROLES);
      const store = inventoryStore(ctx.tenant);
      const body = ctx.body.json<unknown>();
      const criteria = (body as { externalIds?: unknown } | null)?.externalIds;
      if (!Array.isArray(criteria)) throw errors.badRequest('identity', 'Expected {"externalIds": [{"type", "externalId"}]}');
      const found: Record<string, unknown>[] = [];
      for (const c of criteria as unknown[]) {
        const o = c as { type?: unknown; externalId?: unknown } | null;
        if (typeof o?.type !== 'string' || typeof o.externalId !== 'string') throw errors.badRequest('identity', 'Every criterion needs type and externalId');
        const record = store.externalId(o.type, o.externalId);
        if (record) found.push(render(ctx, record));
      }
      return ctx.ok({ self: ctx.url('/identity/search'), externalIds: found }, 'externalidcollection');
    });
  },
});
