import { errors } from '../server/errors.js';
import { findManagedObject, inventoryStore, SERVER_FIELDS } from './inventory/store.js';
import { defineArea } from './types.js';

export { findManagedObject } from './inventory/store.js';
export type { ManagedObjectData } from './inventory/store.js';

/** Inventory: managed objects (work in progress: CRUD only). */
export const inventoryArea = defineArea({
  name: 'inventory',
  resource: 'inventory',
  register(api) {
    api.post(
      '/inventory/managedObjects',
      (ctx) => {
        const body = ctx.body.json<Record<string, unknown>>();
        const id = ctx.emu.ids.next();
        const now = ctx.now();
        const doc: Record<string, unknown> & { id: string } = { id };
        for (const [k, v] of Object.entries(body)) if (!SERVER_FIELDS.has(k) && v !== null) doc[k] = v;
        doc.owner = ctx.user.userName;
        doc.creationTime = now;
        doc.lastUpdated = now;
        inventoryStore(ctx.tenant).insert(doc);
        return ctx.created({ ...doc, self: ctx.url(`/inventory/managedObjects/${id}`) }, 'managedobject');
      },
      { roles: ['ROLE_INVENTORY_ADMIN', 'ROLE_INVENTORY_CREATE', 'ROLE_MANAGED_OBJECT_ADMIN', 'ROLE_MANAGED_OBJECT_CREATE'] },
    );
    api.get('/inventory/managedObjects/:id', (ctx) => {
      const mo = findManagedObject(ctx, ctx.param('id'));
      if (!mo) throw errors.notFound('inventory', 'Finding device data from database failed');
      return ctx.ok({ ...mo, self: ctx.url(`/inventory/managedObjects/${mo.id}`) }, 'managedobject');
    });
  },
});
