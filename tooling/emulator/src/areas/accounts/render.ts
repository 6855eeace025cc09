import { ALL_ROLES } from '../../auth/roles.js';
import type { Tenant } from '../../auth/tenants.js';
import type { User } from '../../auth/users.js';
import type { RequestContext } from '../../server/context.js';
import { allApplications, roleList, type StoredApplication } from './applications.js';
import { directory, totpActive, type Group, type InventoryAssignment, type InventoryRole } from './directory.js';

/** User attributes stored in `User.props` and rendered as is. */
export const USER_FIELDS = ['firstName', 'lastName', 'email', 'phone', 'displayName', 'newsletter'] as const;

/** `{id, name, self}` of a global role. */
export function roleJson(ctx: RequestContext, role: string): { id: string; name: string; self: string } {
  return { id: role, name: role, self: ctx.url(`/user/roles/${encodeURIComponent(role)}`) };
}

/**
 * The global role catalogue of `tenant`: every role the spec names plus the roles provided by
 * applications the tenant owns or is subscribed to (microservice `roles`).
 */
export function roleCatalogue(ctx: RequestContext, tenant: Tenant): string[] {
  const roles = new Set<string>(ALL_ROLES);
  for (const app of allApplications(ctx.emu.tenants))
    if (app.owner === tenant.id || app.subscribers.has(tenant.id)) for (const r of roleList(app, 'roles')) roles.add(r);
  return [...roles].sort();
}

const userPath = (tenant: Tenant, user: User): string => `/user/${tenant.id}/users/${encodeURIComponent(user.userName)}`;

/** The `group` representation. */
export function groupJson(ctx: RequestContext, tenant: Tenant, group: Group): Record<string, unknown> {
  const base = `/user/${tenant.id}/groups/${group.id}`;
  return {
    id: group.id,
    self: ctx.url(base),
    name: group.name,
    ...(group.description !== undefined ? { description: group.description } : {}),
    roles: {
      self: ctx.url(`${base}/roles`),
      references: [...group.roles].sort().map((r) => ({ self: ctx.url(`${base}/roles/${encodeURIComponent(r)}`), role: roleJson(ctx, r) })),
    },
    users: {
      self: ctx.url(`${base}/users`),
      references: [...group.members]
        .map((name) => tenant.users.get(name))
        .filter((u): u is User => u !== undefined)
        .map((u) => ({ self: ctx.url(userPath(tenant, u)), userName: u.userName, id: u.id })),
    },
    applications: [],
    customProperties: group.customProperties,
    devicePermissions: group.devicePermissions,
  };
}

/** The `user` representation (password never included). */
export function userJson(ctx: RequestContext, tenant: Tenant, user: User, options: { subusersCount?: boolean } = {}): Record<string, unknown> {
  const dir = directory(tenant);
  const base = userPath(tenant, user);
  const props = user.props;
  const out: Record<string, unknown> = {
    id: user.id,
    self: ctx.url(base),
    userName: user.userName,
  };
  for (const f of USER_FIELDS) if (props[f] !== undefined) out[f] = props[f];
  if (typeof props.owner === 'string') out.owner = props.owner;
  if (typeof props.lastPasswordChange === 'string') out.lastPasswordChange = props.lastPasswordChange;
  Object.assign(out, {
    enabled: props.enabled !== false,
    passwordStrength: 'GREEN',
    shouldResetPassword: props.shouldResetPassword === true,
    twoFactorAuthenticationEnabled: totpActive(user),
    customProperties: typeof props.customProperties === 'object' && props.customProperties !== null ? props.customProperties : {},
    devicePermissions: typeof props.devicePermissions === 'object' && props.devicePermissions !== null ? props.devicePermissions : {},
    applications: [],
    groups: {
      self: ctx.url(`${base}/groups`),
      references: dir.groupsOf(user).map((g) => ({ self: ctx.url(`/user/${tenant.id}/groups/${g.id}`), group: groupJson(ctx, tenant, g) })),
    },
    roles: {
      self: ctx.url(`${base}/roles`),
      references: [...dir.directRoles(user)].sort().map((r) => ({ self: ctx.url(`${base}/roles/${encodeURIComponent(r)}`), role: roleJson(ctx, r) })),
    },
  });
  if (options.subusersCount) out.subusersCount = [...tenant.users.values()].filter((u) => u.props.owner === user.userName).length;
  return out;
}

/** The `currentUser` representation (`effectiveRoles`: direct and group roles). */
export function currentUserJson(ctx: RequestContext, user: User): Record<string, unknown> {
  const props = user.props;
  const out: Record<string, unknown> = { self: ctx.url('/user/currentUser'), id: user.id, userName: user.userName };
  for (const f of ['firstName', 'lastName', 'email', 'phone'] as const) if (props[f] !== undefined) out[f] = props[f];
  if (typeof props.lastPasswordChange === 'string') out.lastPasswordChange = props.lastPasswordChange;
  return {
    ...out,
    shouldResetPassword: props.shouldResetPassword === true,
    twoFactorAuthenticationEnabled: totpActive(user),
    effectiveRoles: [...user.roles].sort().map((role) => roleJson(ctx, role)),
    devicePermissions: typeof props.devicePermissions === 'object' && props.devicePermissions !== null ? props.devicePermissions : {},
  };
}

/** The `inventoryRole` representation. */
export function inventoryRoleJson(ctx: RequestContext, role: InventoryRole): Record<string, unknown> {
  return {
    id: role.id,
    self: ctx.url(`/user/inventoryroles/${role.id}`),
    name: role.name,
    description: role.description,
    permissions: role.permissions.map((p) => ({ ...p })),
  };
}

/** The `inventoryAssignment` representation. */
export function assignmentJson(ctx: RequestContext, tenant: Tenant, user: User, a: InventoryAssignment): Record<string, unknown> {
  const dir = directory(tenant);
  return {
    id: a.id,
    self: ctx.url(`${userPath(tenant, user)}/roles/inventory/${a.id}`),
    managedObject: a.managedObject,
    roles: a.roleIds
      .map((id) => dir.inventoryRoles.get(id))
      .filter((r): r is InventoryRole => r !== undefined)
      .map((r) => inventoryRoleJson(ctx, r)),
  };
}

/** The `application` representation. */
export function applicationJson(ctx: RequestContext, app: StoredApplication): Record<string, unknown> {
  return {
    ...app.doc,
    id: app.id,
    self: ctx.url(`/application/applications/${app.id}`),
    name: app.name,
    key: app.key,
    type: app.type,
    availability: app.doc.availability ?? 'PRIVATE',
    owner: { self: ctx.url(`/tenant/tenants/${app.owner}`), tenant: { id: app.owner } },
    ...(app.type === 'MICROSERVICE' ? { requiredRoles: roleList(app, 'requiredRoles'), roles: roleList(app, 'roles') } : {}),
  };
}
