import type { Tenant } from '../../auth/tenants.js';
import type { User } from '../../auth/users.js';
import { ownValue } from '../../util/own.js';
import { directory, type InventoryPermission } from '../accounts/directory.js';
import type { InventoryStore, MoRecord } from './store.js';

/** What a permission lets its holder do with managed objects. */
export type AccessLevel = 'READ' | 'ADMIN';

/** Relations along which an assignment reaches further: a group's subgroups and devices, a device's children. */
const INHERITED = ['childAssets', 'childDevices'] as const;

const MAX_CACHED = 64;

/** Whether `permission` grants `level` on managed objects (scope `MANAGED_OBJECT` or `*`; `ADMIN` includes `READ`). */
function grants(permission: InventoryPermission, level: AccessLevel): boolean {
  if (permission.scope !== 'MANAGED_OBJECT' && permission.scope !== '*') return false;
  return permission.permission === '*' || permission.permission === 'ADMIN' || permission.permission === level;
}

/**
 * The objects a user may access through inventory roles, per permission `type`: `*` (any object)
 * or a fragment the object must have (OAS inventoryRolePermission: "the name of a fragment").
 */
type Reach = ReadonlyMap<string, ReadonlySet<string>>;

/** Each of `roots` and everything below it along {@link INHERITED} relations (each object once, cycles end). */
function subtree(store: InventoryStore, roots: readonly string[], into: Set<string>): void {
  const queue = [...roots];
  while (queue.length > 0) {
    const id = queue.pop() as string;
    if (into.has(id)) continue;
    const record = store.get(id);
    if (!record) continue;
    into.add(id);
    for (const kind of INHERITED) for (const child of record.children[kind]) if (!into.has(child)) queue.push(child);
  }
}

/**
 * Which objects `user` reaches with `level` through its inventory assignments (Cumulocity: roles
 * assigned on an object apply to it and its descendants — a group's subgroups and devices, a
 * device's child devices). Computed once per store version and assignment set and cached with the
 * listing results, so paging through a listing costs O(page) per page.
 */
function reachOf(tenant: Tenant, user: User, store: InventoryStore, level: AccessLevel): { reach: Reach; key: string } {
  const dir = directory(tenant);
  const rootsByType = new Map<string, string[]>();
  for (const assignment of dir.assignmentsOf(user).values()) {
    for (const roleId of assignment.roleIds) {
      for (const permission of dir.inventoryRoles.get(roleId)?.permissions ?? []) {
        if (!grants(permission, level)) continue;
        const roots = rootsByType.get(permission.type) ?? [];
        if (!roots.includes(assignment.managedObject)) roots.push(assignment.managedObject);
        rootsByType.set(permission.type, roots);
      }
    }
  }
  if (rootsByType.size === 0) return { reach: new Map(), key: '' };
  const signature = [...rootsByType].map(([type, roots]) => `${type}\u0001${[...roots].sort().join('\u0001')}`).sort();
  const key = `access\u0000${level}\u0000${signature.join('\u0000')}`;
  const cache = store.results();
  const hit = cache.get(key) as Reach | undefined;
  if (hit) return { reach: hit, key };
  const reach = new Map<string, Set<string>>();
  for (const [type, roots] of rootsByType) {
    const ids = new Set<string>();
    subtree(store, roots, ids);
    reach.set(type, ids);
  }
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(key, reach);
  return { reach, key };
}

/** Access through inventory roles: the predicate and a key naming what it depends on (for result caches). */
export interface RoleAccess {
  /** May the user access `record` through an inventory role? */
  readonly test: (record: MoRecord) => boolean;
  /** `''` when the user reaches nothing; otherwise unique per level and assignment roots/types. */
  readonly key: string;
}

/**
 * What `user` may access with `level` through inventory roles (ownership and global roles are the
 * caller's). Without assignments the test is `() => false` at no cost.
 *
 * @example
 * ```ts
 * const { test } = inventoryRoleAccess(ctx.tenant, ctx.user, store, 'READ');
 * const visible = store.all().filter(test);
 * ```
 */
export function inventoryRoleAccess(tenant: Tenant, user: User, store: InventoryStore, level: AccessLevel): RoleAccess {
  const { reach, key } = reachOf(tenant, user, store, level);
  if (reach.size === 0) return { test: () => false, key: '' };
  const entries = [...reach];
  return { test: (record) => entries.some(([type, ids]) => ids.has(record.id) && (type === '*' || ownValue(record.doc, type) !== undefined)), key };
}
