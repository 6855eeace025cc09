import type { Tenant } from '../auth/tenants.js';
import type { User } from '../auth/users.js';
import type { RequestContext } from '../server/context.js';
import { errors } from '../server/errors.js';
import { decodeComponent } from '../util/percent.js';
import { directory, resetTokens, type Group, type InventoryPermission, type InventoryRole } from './accounts/directory.js';
import {
  assignmentJson,
  groupJson,
  inventoryRoleJson,
  roleCatalogue,
  roleJson,
  USER_FIELDS,
  userJson,
} from './accounts/render.js';
import { objectBody, validPassword, type Json } from './accounts/validate.js';
import { defineArea } from './types.js';

const READ = ['ROLE_USER_MANAGEMENT_READ', 'ROLE_USER_MANAGEMENT_CREATE', 'ROLE_USER_MANAGEMENT_ADMIN'];
const CREATE = ['ROLE_USER_MANAGEMENT_ADMIN', 'ROLE_USER_MANAGEMENT_CREATE'];
const ADMIN = ['ROLE_USER_MANAGEMENT_ADMIN'];

/** `userName` must not contain whitespace, slashes nor `+$:` (spec, user schema). */
const USERNAME_PATTERN = /^[^\s/\\+$:]{1,1000}$/;
const PERMISSIONS = ['ADMIN', 'READ', '*'] as const;
const SCOPES = ['ALARM', 'AUDIT', 'EVENT', 'MANAGED_OBJECT', 'MEASUREMENT', 'OPERATION', '*'] as const;

/**
 * The tenant of a `/user/{tenantId}/…` path: the caller's own tenant or one of its subtenants;
 * any other tenant → 403.
 */
function pathTenant(ctx: RequestContext): Tenant {
  const id = ctx.param('tenantId');
  const t = ctx.emu.tenants.get(id);
  if (t && (t.id === ctx.tenant.id || t.parent === ctx.tenant.id)) return t;
  throw errors.forbidden();
}

/** Users shown by the user API (system users of microservices and bootstrap users are hidden). */
const listed = (u: User): boolean => u.kind === 'user' || u.kind === 'device';

function findUser(tenant: Tenant, name: string): User {
  const user = tenant.findUser(name);
  if (!user || !listed(user)) throw errors.notFound('users', `User with id ${name} not found`);
  return user;
}

function findGroup(tenant: Tenant, raw: string): Group {
  const group = /^\d+$/.test(raw) ? directory(tenant).groups.get(Number(raw)) : undefined;
  if (!group) throw errors.notFound('groups', `Error retrieving group with id ${raw}!`);
  return group;
}

function findInventoryRole(tenant: Tenant, raw: string): InventoryRole {
  const role = /^\d+$/.test(raw) ? directory(tenant).inventoryRoles.get(Number(raw)) : undefined;
  if (!role) throw errors.notFound('roles', 'Cannot find the specified role.');
  return role;
}

/** Last path segment of a reference's `self` (`…/user/roles/ROLE_X` → `ROLE_X`); none if it is malformed. */
function lastSegment(self: unknown): string | undefined {
  if (typeof self !== 'string' || self === '') return undefined;
  const seg = self.replace(/\/+$/, '').split('/').pop();
  return seg ? decodeComponent(seg) : undefined;
}

/** Role name from a `rolereference` body `{role: {self}}` (also `{role: {id|name}}`). */
function roleFromReference(ctx: RequestContext, tenant: Tenant): string {
  const body = objectBody(ctx, 'users');
  const ref = body.role;
  const r = typeof ref === 'object' && ref !== null ? (ref as Json) : {};
  const name = lastSegment(r.self) ?? (typeof r.id === 'string' ? r.id : undefined) ?? (typeof r.name === 'string' ? r.name : undefined);
  if (!name) throw errors.invalidData('users', 'Role reference must contain role.self');
  if (!roleCatalogue(ctx, tenant).includes(name)) throw errors.notFound('roles', `Cannot find role ${name}`);
  return name;
}

/** Validates writable user fields into props (422 on wrong types). */
function applyUserFields(target: Json, body: Json): void {
  for (const f of USER_FIELDS) {
    const v = body[f];
    if (v === undefined) continue;
    if (f === 'newsletter' ? typeof v !== 'boolean' : typeof v !== 'string') throw errors.invalidData('users', `Invalid value of ${f}`);
    target[f] = v;
  }
  if (body.enabled !== undefined) {
    if (typeof body.enabled !== 'boolean') throw errors.invalidData('users', 'Invalid value of enabled');
    target.enabled = body.enabled;
  }
  if (body.customProperties !== undefined) {
    if (typeof body.customProperties !== 'object' || body.customProperties === null) throw errors.invalidData('users', 'Invalid customProperties');
    target.customProperties = body.customProperties;
  }
}

/** Validates every permission first and only then draws their ids (a refused request consumes none). */
function parsePermissions(ctx: RequestContext, raw: unknown): InventoryPermission[] {
  if (!Array.isArray(raw)) throw errors.invalidData('roles', 'permissions must be an array');
  const valid = raw.map((p: unknown) => {
    const o = typeof p === 'object' && p !== null ? (p as Json) : {};
    const permission = o.permission;
    const scope = o.scope;
    const type = o.type ?? '*';
    if (!PERMISSIONS.includes(permission as (typeof PERMISSIONS)[number]))
      throw errors.invalidData('roles', `Invalid permission '${String(permission)}' (ADMIN, READ or *)`);
    if (!SCOPES.includes(scope as (typeof SCOPES)[number])) throw errors.invalidData('roles', `Invalid scope '${String(scope)}'`);
    if (typeof type !== 'string' || type === '') throw errors.invalidData('roles', 'Invalid permission type');
    return { permission: permission as InventoryPermission['permission'], scope: scope as InventoryPermission['scope'], type };
  });
  return valid.map((p) => ({ id: ctx.emu.ids.nextInt('inventoryPermission'), ...p }));
}

/** Inventory role ids from an assignment's `roles: [{name}|{id}]` (422 if unknown). */
function assignmentRoles(tenant: Tenant, raw: unknown): number[] {
  if (!Array.isArray(raw) || raw.length === 0) throw errors.invalidData('users', 'roles must be a non-empty array');
  const dir = directory(tenant);
  return raw.map((r: unknown) => {
    const o = typeof r === 'object' && r !== null ? (r as Json) : {};
    const role =
      typeof o.id === 'number' || typeof o.id === 'string'
        ? dir.inventoryRoles.get(Number(o.id))
        : [...dir.inventoryRoles.values()].find((x) => x.name === o.name);
    if (!role) throw errors.invalidData('users', `Inventory role ${JSON.stringify(o.name ?? o.id ?? null)} not found`);
    return role.id;
  });
}

/** Removes a user and everything the directory knows about it. */
function deleteUser(tenant: Tenant, user: User): void {
  tenant.users.delete(user.userName);
  directory(tenant).forget(user.userName);
}

/**
 * Users, groups, global roles, inventory roles and inventory assignments (`/user/...`), TFA
 * settings of users, the legacy admin password change, password reset and the logout of every
 * user of a tenant (`/user/logout/{tenantId}/allUsers`).
 * The "current user" endpoints live in `current.ts`; login/logout in `tenant.ts`.
 */
export const usersArea = defineArea({
  name: 'users',
  resource: 'users',
  register(api) {
    api.get(
      '/user',
      (ctx) =>
        ctx.ok(
          {
            self: ctx.url('/user'),
            users: ctx.url('/user/{tenantId}/users'),
            userByName: ctx.url('/user/{tenantId}/userByName/{username}'),
            currentUser: ctx.url('/user/currentUser'),
            groups: ctx.url('/user/{tenantId}/groups'),
            groupByName: ctx.url('/user/{tenantId}/groupByName/{groupName}'),
            roles: ctx.url('/user/roles'),
          },
          'userapi',
        ),
      { roles: ['ROLE_USER_MANAGEMENT_READ', 'ROLE_USER_MANAGEMENT_CREATE'] },
    );

    // ---- users -------------------------------------------------------------------------------
    api.get(
      '/user/:tenantId/users',
      (ctx) => {
        const tenant = pathTenant(ctx);
        const q = ctx.query;
        const username = q.get('username');
        const contains = q.get('usernameContains');
        if (username !== undefined && contains !== undefined)
          throw errors.invalidData('users', 'Only one of the parameters username and usernameContains can be used');
        if (contains !== undefined && contains.length < 3) throw errors.invalidData('users', 'usernameContains needs at least 3 characters');
        const groupIds = (q.get('groups') ?? '')
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
          .map(Number);
        const owner = q.get('owner');
        const onlyDevices = q.bool('onlyDevices');
        const dir = directory(tenant);
        const users = [...tenant.users.values()]
          .filter(listed)
          .filter((u) => (onlyDevices ? u.isDevice : !u.isDevice))
          .filter((u) => username === undefined || u.userName.toLowerCase().startsWith(username.toLowerCase()))
          .filter((u) => contains === undefined || u.userName.toLowerCase().includes(contains.toLowerCase()))
          .filter((u) => owner === undefined || u.props.owner === owner)
          .filter((u) => groupIds.length === 0 || groupIds.some((id) => dir.groups.get(id)?.members.has(u.userName)))
          .sort((a, b) => a.userName.localeCompare(b.userName));
        const subusersCount = q.bool('withSubusersCount');
        return ctx.ok(
          ctx.page(users, { key: 'users', restricted: false, map: (u) => userJson(ctx, tenant, u, { subusersCount }) }),
          'usercollection',
        );
      },
      { roles: ['ROLE_USER_MANAGEMENT_READ', 'ROLE_USER_MANAGEMENT_CREATE'] },
    );

    api.post(
      '/user/:tenantId/users',
      (ctx) => {
        const tenant = pathTenant(ctx);
        const body = objectBody(ctx, 'users');
        const { userName, email, password } = body;
        if (typeof userName !== 'string' || !USERNAME_PATTERN.test(userName))
          throw errors.invalidData('users', 'userName is required and must not contain whitespace, slashes nor +$: characters');
        if (typeof email !== 'string' || !email.includes('@')) throw errors.invalidData('users', 'email is required');
        if (password === undefined) {
          if (body.sendPasswordResetEmail !== true)
            throw errors.invalidData('users', 'password is required unless sendPasswordResetEmail is true');
        } else if (!validPassword(password)) throw errors.invalidData('users', 'password must have 6 to 32 characters');
        if (tenant.findUser(userName)) throw errors.conflict('users', 'Duplicate – The userName or alias already exists.');
        const props: Json = { email, lastPasswordChange: ctx.now() };
        applyUserFields(props, body);
        // `owner` can be set by USER_MANAGEMENT_ADMIN; a creator with only _CREATE becomes the owner.
        if (!ctx.user.hasAnyRole(...ADMIN)) props.owner = ctx.user.userName;
        else if (typeof body.owner === 'string') props.owner = body.owner;
        if (password === undefined) props.shouldResetPassword = true;
        const user = tenant.addUser({
          userName,
          // Without a password the user cannot log in until a reset (no mail is sent).
          password: typeof password === 'string' ? password : `\u0000${ctx.emu.ids.next()}`,
          kind: 'user',
          roles: [],
          props,
        });
        directory(tenant).refresh(user);
        return ctx.created(userJson(ctx, tenant, user), 'user');
      },
      { roles: CREATE, jsonTypes: ['user'] },
    );

    api.get('/user/:tenantId/users/:userId', (ctx) => {
      ctx.requireRole(...READ);
      const tenant = pathTenant(ctx);
      return ctx.ok(userJson(ctx, tenant, findUser(tenant, ctx.param('userId'))), 'user');
    });

    api.get(
      '/user/:tenantId/userByName/:username',
      (ctx) => {
        const tenant = pathTenant(ctx);
        return ctx.ok(userJson(ctx, tenant, findUser(tenant, ctx.param('username'))), 'user');
      },
      { roles: CREATE },
    );

    api.put(
      '/user/:tenantId/users/:userId',
      (ctx) => {
        const tenant = pathTenant(ctx);
        const user = findUser(tenant, ctx.param('userId'));
        const body = objectBody(ctx, 'users');
        if (body.password !== undefined) {
          if (!validPassword(body.password)) throw errors.invalidData('users', 'password must have 6 to 32 characters');
        }
        if (body.email !== undefined && (typeof body.email !== 'string' || !body.email.includes('@')))
          throw errors.invalidData('users', 'Invalid email');
        const props: Json = { ...user.props };
        applyUserFields(props, body);
        user.props = props;
        if (typeof body.password === 'string') {
          user.password = body.password;
          user.props.lastPasswordChange = ctx.now();
          user.props.shouldResetPassword = false;
        }
        return ctx.updated(userJson(ctx, tenant, user), 'user');
      },
      { roles: CREATE, jsonTypes: ['user'] },
    );

    api.delete(
      '/user/:tenantId/users/:userId',
      (ctx) => {
        const tenant = pathTenant(ctx);
        const user = findUser(tenant, ctx.param('userId'));
        if (!ctx.user.hasAnyRole(...ADMIN) && (user.props.owner !== ctx.user.userName || user === ctx.user)) throw errors.forbidden();
        deleteUser(tenant, user);
        return ctx.noContent();
      },
      { roles: CREATE },
    );

    api.get('/user/:tenantId/users/:userId/tfa', (ctx) => {
      const tenant = pathTenant(ctx);
      const user = findUser(tenant, ctx.param('userId'));
      if (user !== ctx.user) ctx.requireRole(...READ);
      const tfa = user.props;
      return ctx.ok(
        {
          tfaEnabled: typeof tfa.totpSecret === 'string' && tfa.totpActive !== false,
          tfaEnforced: false,
          strategy: 'TOTP',
          ...(typeof tfa.lastTfaRequestTime === 'string' ? { lastTfaRequestTime: tfa.lastTfaRequestTime } : {}),
        },
        'application/json',
      );
    });

    // Not in the latest OAS (present in OAS 10.18, used by @c8y/client changeUserPassword).
    api.put(
      '/user/:tenantId/users/:userId/password',
      (ctx) => {
        const tenant = pathTenant(ctx);
        const user = findUser(tenant, ctx.param('userId'));
        const body = objectBody(ctx, 'users');
        if (!validPassword(body.newPassword)) throw errors.invalidData('users', 'newPassword must have 6 to 32 characters');
        if (body.currentUserPassword !== undefined && body.currentUserPassword !== ctx.user.password)
          throw errors.invalidData('users', 'Invalid current user password');
        user.password = body.newPassword;
        user.props.lastPasswordChange = ctx.now();
        return ctx.empty(200);
      },
      { roles: ADMIN },
    );

    // ---- logout of every user of a tenant ------------------------------------------------------
    // OAS postLogoutAllTenantUsers: ROLE_USER_MANAGEMENT_ADMIN and the current tenant only; ends the
    // token-based sessions (OAI-Secure cookies, Bearer tokens) of every user, the caller's included.
    // Basic credentials are no session: they keep working.
    api.post(
      '/user/logout/:tenantId/allUsers',
      (ctx) => {
        if (ctx.param('tenantId') !== ctx.tenant.id) throw errors.forbidden();
        ctx.emu.tokens.revokeTenant(ctx.tenant.id);
        return ctx.empty(200);
      },
      { roles: ADMIN, body: 'any' },
    );

    // ---- a user's global roles and groups ------------------------------------------------------
    api.post(
      '/user/:tenantId/users/:userId/roles',
      (ctx) => {
        const tenant = pathTenant(ctx);
        const user = findUser(tenant, ctx.param('userId'));
        const role = roleFromReference(ctx, tenant);
        const dir = directory(tenant);
        dir.directRoles(user).add(role);
        dir.refresh(user);
        const self = ctx.url(`/user/${tenant.id}/users/${encodeURIComponent(user.userName)}/roles/${encodeURIComponent(role)}`);
        return ctx.created({ self, role: roleJson(ctx, role) }, 'rolereference');
      },
      { roles: CREATE, jsonTypes: ['rolereference'] },
    );

    api.delete(
      '/user/:tenantId/users/:userId/roles/:roleId',
      (ctx) => {
        const tenant = pathTenant(ctx);
        const user = findUser(tenant, ctx.param('userId'));
        const dir = directory(tenant);
        dir.directRoles(user).delete(ctx.param('roleId'));
        dir.refresh(user);
        return ctx.noContent();
      },
      { roles: CREATE },
    );

    api.get('/user/:tenantId/users/:userId/groups', (ctx) => {
      ctx.requireRole(...READ);
      const tenant = pathTenant(ctx);
      const user = findUser(tenant, ctx.param('userId'));
      return ctx.ok(
        ctx.page(directory(tenant).groupsOf(user), {
          key: 'references',
          restricted: false,
          map: (g) => ({ self: ctx.url(`/user/${tenant.id}/groups/${g.id}`), group: groupJson(ctx, tenant, g) }),
        }),
        'groupreferencecollection',
      );
    });

    // ---- inventory assignments -----------------------------------------------------------------
    api.post(
      '/user/:tenantId/users/:userId/roles/inventory',
      (ctx) => {
        const tenant = pathTenant(ctx);
        const user = findUser(tenant, ctx.param('userId'));
        const body = objectBody(ctx, 'users');
        const mo = body.managedObject;
        if ((typeof mo !== 'string' && typeof mo !== 'number') || String(mo) === '') throw errors.invalidData('users', 'managedObject is required');
        const roleIds = assignmentRoles(tenant, body.roles);
        const dir = directory(tenant);
        const assignment = { id: ctx.emu.ids.nextInt('inventoryAssignment'), managedObject: String(mo), roleIds };
        dir.assign(user, assignment);
        dir.refresh(user);
        // The spec documents 200 (not 201) for this POST.
        return ctx.updated(assignmentJson(ctx, tenant, user, assignment), 'inventoryassignment');
      },
      { roles: CREATE, jsonTypes: ['inventoryassignment'] },
    );

    api.get('/user/:tenantId/users/:userId/roles/inventory', (ctx) => {
      ctx.requireRole(...READ);
      const tenant = pathTenant(ctx);
      const user = findUser(tenant, ctx.param('userId'));
      const list = [...directory(tenant).assignmentsOf(user).values()];
      return ctx.ok(
        {
          self: ctx.url(`/user/${tenant.id}/users/${encodeURIComponent(user.userName)}/roles/inventory`),
          inventoryAssignments: list.map((a) => assignmentJson(ctx, tenant, user, a)),
        },
        'inventoryassignmentcollection',
      );
    });

    const assignmentRoute = '/user/:tenantId/users/:userId/roles/inventory/:id';
    const findAssignment = (ctx: RequestContext) => {
      const tenant = pathTenant(ctx);
      const user = findUser(tenant, ctx.param('userId'));
      const raw = ctx.param('id');
      const assignment = /^\d+$/.test(raw) ? directory(tenant).assignmentsOf(user).get(Number(raw)) : undefined;
      if (!assignment) throw errors.notFound('roles', `Cannot find inventory assignment ${raw}`);
      return { tenant, user, assignment };
    };
    api.get(assignmentRoute, (ctx) => {
      ctx.requireRole(...READ);
      const { tenant, user, assignment } = findAssignment(ctx);
      return ctx.ok(assignmentJson(ctx, tenant, user, assignment), 'inventoryassignment');
    });
    api.put(
      assignmentRoute,
      (ctx) => {
        const { tenant, user, assignment } = findAssignment(ctx);
        const body = objectBody(ctx, 'users');
        assignment.roleIds = assignmentRoles(tenant, body.roles);
        return ctx.updated(assignmentJson(ctx, tenant, user, assignment), 'inventoryassignment');
      },
      { roles: CREATE, jsonTypes: ['inventoryassignment', 'inventoryassignmentreference'] },
    );
    api.delete(
      assignmentRoute,
      (ctx) => {
        const { tenant, user, assignment } = findAssignment(ctx);
        const dir = directory(tenant);
        dir.unassign(user, assignment.id);
        dir.refresh(user);
        return ctx.noContent();
      },
      { roles: CREATE },
    );

    // ---- groups --------------------------------------------------------------------------------
    api.get(
      '/user/:tenantId/groups',
      (ctx) => {
        const tenant = pathTenant(ctx);
        const groups = [...directory(tenant).groups.values()].sort((a, b) => a.id - b.id);
        return ctx.ok(ctx.page(groups, { key: 'groups', restricted: false, map: (g) => groupJson(ctx, tenant, g) }), 'groupcollection');
      },
      { roles: READ },
    );

    api.post(
      '/user/:tenantId/groups',
      (ctx) => {
        const tenant = pathTenant(ctx);
        const body = objectBody(ctx, 'groups');
        if (typeof body.name !== 'string' || body.name.trim() === '') throw errors.invalidData('groups', 'name is required');
        if (body.description !== undefined && typeof body.description !== 'string') throw errors.invalidData('groups', 'Invalid description');
        const dir = directory(tenant);
        if (dir.groupByName(body.name)) throw errors.conflict('groups', 'Duplicate – Group name already exists.');
        const group: Group = {
          id: ctx.emu.ids.nextInt('group'),
          name: body.name,
          ...(typeof body.description === 'string' ? { description: body.description } : {}),
          roles: new Set(),
          members: new Set(),
          customProperties: typeof body.customProperties === 'object' && body.customProperties !== null ? (body.customProperties as Json) : {},
          devicePermissions: {},
        };
        dir.groups.set(group.id, group);
        return ctx.created(groupJson(ctx, tenant, group), 'group');
      },
      { roles: CREATE, resource: 'groups', jsonTypes: ['group'] },
    );

    api.get(
      '/user/:tenantId/groups/:groupId',
      (ctx) => {
        const tenant = pathTenant(ctx);
        return ctx.ok(groupJson(ctx, tenant, findGroup(tenant, ctx.param('groupId'))), 'group');
      },
      { roles: READ, resource: 'groups' },
    );

    api.get(
      '/user/:tenantId/groupByName/:groupName',
      (ctx) => {
        const tenant = pathTenant(ctx);
        const group = directory(tenant).groupByName(ctx.param('groupName'));
        if (!group) throw errors.notFound('groups', `Group with name ${ctx.param('groupName')} not found`);
        return ctx.ok(groupJson(ctx, tenant, group), 'group');
      },
      { roles: READ, resource: 'groups' },
    );

    api.put(
      '/user/:tenantId/groups/:groupId',
      (ctx) => {
        const tenant = pathTenant(ctx);
        const group = findGroup(tenant, ctx.param('groupId'));
        const body = objectBody(ctx, 'groups');
        if (body.name !== undefined) {
          if (typeof body.name !== 'string' || body.name.trim() === '') throw errors.invalidData('groups', 'Invalid name');
          const other = directory(tenant).groupByName(body.name);
          if (other && other !== group) throw errors.conflict('groups', 'Duplicate – Group name already exists.');
          group.name = body.name;
        }
        if (body.description !== undefined) {
          if (typeof body.description !== 'string') throw errors.invalidData('groups', 'Invalid description');
          group.description = body.description;
        }
        if (typeof body.customProperties === 'object' && body.customProperties !== null) group.customProperties = body.customProperties as Json;
        return ctx.updated(groupJson(ctx, tenant, group), 'group');
      },
      { roles: ADMIN, resource: 'groups', jsonTypes: ['group'] },
    );

    api.delete(
      '/user/:tenantId/groups/:groupId',
      (ctx) => {
        const tenant = pathTenant(ctx);
        const group = findGroup(tenant, ctx.param('groupId'));
        const dir = directory(tenant);
        dir.groups.delete(group.id);
        dir.refreshMembers(group);
        return ctx.noContent();
      },
      { roles: ADMIN, resource: 'groups' },
    );

    api.get(
      '/user/:tenantId/groups/:groupId/roles',
      (ctx) => {
        const tenant = pathTenant(ctx);
        const group = findGroup(tenant, ctx.param('groupId'));
        const base = `/user/${tenant.id}/groups/${group.id}/roles`;
        return ctx.ok(
          ctx.page([...group.roles].sort(), {
            key: 'references',
            restricted: false,
            map: (r) => ({ self: ctx.url(`${base}/${encodeURIComponent(r)}`), role: roleJson(ctx, r) }),
          }),
          'rolereferencecollection',
        );
      },
      { roles: ['ROLE_USER_MANAGEMENT_READ', 'ROLE_USER_MANAGEMENT_ADMIN'], resource: 'groups' },
    );

    api.post(
      '/user/:tenantId/groups/:groupId/roles',
      (ctx) => {
        const tenant = pathTenant(ctx);
        const group = findGroup(tenant, ctx.param('groupId'));
        const role = roleFromReference(ctx, tenant);
        if (group.roles.has(role)) throw errors.conflict('groups', 'Conflict – Role already assigned to the user group.');
        group.roles.add(role);
        directory(tenant).refreshMembers(group);
        const self = ctx.url(`/user/${tenant.id}/groups/${group.id}/roles/${encodeURIComponent(role)}`);
        return ctx.created({ self, role: roleJson(ctx, role) }, 'rolereference');
      },
      { roles: ADMIN, resource: 'groups', jsonTypes: ['rolereference'] },
    );

    api.delete(
      '/user/:tenantId/groups/:groupId/roles/:roleId',
      (ctx) => {
        const tenant = pathTenant(ctx);
        const group = findGroup(tenant, ctx.param('groupId'));
        if (!group.roles.delete(ctx.param('roleId'))) throw errors.notFound('roles', 'Cannot find the specified role.');
        directory(tenant).refreshMembers(group);
        return ctx.noContent();
      },
      { roles: ADMIN, resource: 'groups' },
    );

    api.get(
      '/user/:tenantId/groups/:groupId/users',
      (ctx) => {
        const tenant = pathTenant(ctx);
        const group = findGroup(tenant, ctx.param('groupId'));
        const members = [...group.members].map((n) => tenant.users.get(n)).filter((u): u is User => u !== undefined);
        return ctx.ok(
          ctx.page(members, {
            key: 'references',
            restricted: false,
            map: (u) => ({
              self: ctx.url(`/user/${tenant.id}/groups/${group.id}/users/${encodeURIComponent(u.userName)}`),
              user: userJson(ctx, tenant, u),
            }),
          }),
          'userreferencecollection',
        );
      },
      { roles: READ, resource: 'groups' },
    );

    api.post(
      '/user/:tenantId/groups/:groupId/users',
      (ctx) => {
        const tenant = pathTenant(ctx);
        const group = findGroup(tenant, ctx.param('groupId'));
        const body = objectBody(ctx, 'groups');
        const ref = typeof body.user === 'object' && body.user !== null ? (body.user as Json) : {};
        const name = lastSegment(ref.self) ?? (typeof ref.id === 'string' ? ref.id : undefined) ?? (typeof ref.userName === 'string' ? ref.userName : undefined);
        if (!name) throw errors.invalidData('groups', 'User reference must contain user.self');
        const user = findUser(tenant, name);
        group.members.add(user.userName);
        directory(tenant).refresh(user);
        return ctx.created(
          { self: ctx.url(`/user/${tenant.id}/groups/${group.id}/users/${encodeURIComponent(user.userName)}`), user: userJson(ctx, tenant, user) },
          'userreference',
        );
      },
      { roles: CREATE, resource: 'groups', jsonTypes: ['userreference'] },
    );

    api.delete(
      '/user/:tenantId/groups/:groupId/users/:userId',
      (ctx) => {
        const tenant = pathTenant(ctx);
        const group = findGroup(tenant, ctx.param('groupId'));
        const user = findUser(tenant, ctx.param('userId'));
        if (!group.members.delete(user.userName)) throw errors.notFound('users', `User ${user.userName} is not a member of group ${group.id}`);
        directory(tenant).refresh(user);
        return ctx.noContent();
      },
      { roles: CREATE, resource: 'groups' },
    );

    // ---- global role catalogue -----------------------------------------------------------------
    api.get(
      '/user/roles',
      (ctx) => ctx.ok(ctx.page(roleCatalogue(ctx, ctx.tenant), { key: 'roles', restricted: false, map: (r) => roleJson(ctx, r) }), 'rolecollection'),
      { roles: READ, resource: 'roles' },
    );
    api.get(
      '/user/roles/:name',
      (ctx) => {
        const name = ctx.param('name');
        if (!roleCatalogue(ctx, ctx.tenant).includes(name)) throw errors.notFound('roles', 'Cannot find the specified role.');
        return ctx.ok(roleJson(ctx, name), 'role');
      },
      { roles: READ, resource: 'roles' },
    );

    // ---- inventory roles -----------------------------------------------------------------------
    api.get(
      '/user/inventoryroles',
      (ctx) => {
        const roles = [...directory(ctx.tenant).inventoryRoles.values()].sort((a, b) => a.id - b.id);
        return ctx.ok(ctx.page(roles, { key: 'roles', restricted: false, map: (r) => inventoryRoleJson(ctx, r) }), 'inventoryrolecollection');
      },
      { roles: READ, resource: 'roles' },
    );
    api.post(
      '/user/inventoryroles',
      (ctx) => {
        const body = objectBody(ctx, 'roles');
        if (typeof body.name !== 'string' || body.name === '') throw errors.invalidData('roles', 'name is required');
        if (typeof body.description !== 'string') throw errors.invalidData('roles', 'description is required');
        const dir = directory(ctx.tenant);
        if ([...dir.inventoryRoles.values()].some((r) => r.name === body.name))
          throw errors.conflict('roles', 'Duplicate – The inventory role already exists.');
        const permissions = parsePermissions(ctx, body.permissions);
        const role: InventoryRole = { id: ctx.emu.ids.nextInt('inventoryRole'), name: body.name, description: body.description, permissions };
        dir.inventoryRoles.set(role.id, role);
        return ctx.created(inventoryRoleJson(ctx, role), 'inventoryrole');
      },
      { roles: ADMIN, resource: 'roles', jsonTypes: ['inventoryrole'] },
    );
    api.get(
      '/user/inventoryroles/:id',
      (ctx) => ctx.ok(inventoryRoleJson(ctx, findInventoryRole(ctx.tenant, ctx.param('id'))), 'inventoryrole'),
      { roles: READ, resource: 'roles' },
    );
    api.put(
      '/user/inventoryroles/:id',
      (ctx) => {
        const role = findInventoryRole(ctx.tenant, ctx.param('id'));
        const body = objectBody(ctx, 'roles');
        if (body.name !== undefined) {
          if (typeof body.name !== 'string' || body.name === '') throw errors.invalidData('roles', 'Invalid name');
          const other = [...directory(ctx.tenant).inventoryRoles.values()].find((r) => r.name === body.name);
          if (other && other !== role) throw errors.conflict('roles', 'Duplicate – The inventory role already exists.');
        }
        if (body.description !== undefined && typeof body.description !== 'string') throw errors.invalidData('roles', 'Invalid description');
        const permissions = body.permissions !== undefined ? parsePermissions(ctx, body.permissions) : undefined;
        if (typeof body.name === 'string') role.name = body.name;
        if (typeof body.description === 'string') role.description = body.description;
        if (permissions) role.permissions = permissions;
        return ctx.updated(inventoryRoleJson(ctx, role), 'inventoryrole');
      },
      { roles: ADMIN, resource: 'roles', jsonTypes: ['inventoryrole'] },
    );
    api.delete(
      '/user/inventoryroles/:id',
      (ctx) => {
        const role = findInventoryRole(ctx.tenant, ctx.param('id'));
        directory(ctx.tenant).inventoryRoles.delete(role.id);
        return ctx.noContent();
      },
      { roles: ADMIN, resource: 'roles' },
    );

    // ---- password reset (not in the latest OAS; the @c8y/client UserService calls) -------------
    // POST {email} always answers 204 (no user enumeration) and, if a user has that email, stores
    // a one-time reset token (readable with `passwordResetToken()`, as no mail is sent).
    api.post(
      '/user/passwordReset',
      (ctx) => {
        const tenant = resetTenant(ctx);
        const body = objectBody(ctx, 'users');
        if (typeof body.email !== 'string' || body.email === '') throw errors.invalidData('users', 'email is required');
        const email = body.email.toLowerCase();
        const user = [...tenant.users.values()].find((u) => listed(u) && String(u.props.email ?? '').toLowerCase() === email);
        if (user) resetTokens(tenant).set(email, `${ctx.emu.ids.next()}-${Math.floor(ctx.emu.random('passwordReset')() * 1e9)}`);
        return ctx.noContent();
      },
      { auth: 'optional' },
    );
    // PUT {token, email, newPassword} → 200 without body; wrong or used token → 422.
    api.put(
      '/user/passwordReset',
      (ctx) => {
        const tenant = resetTenant(ctx);
        const body = objectBody(ctx, 'users');
        const email = typeof body.email === 'string' ? body.email.toLowerCase() : '';
        const tokens = resetTokens(tenant);
        if (typeof body.token !== 'string' || tokens.get(email) !== body.token) throw errors.invalidData('users', 'Invalid or expired password reset token');
        if (!validPassword(body.newPassword)) throw errors.invalidData('users', 'newPassword must have 6 to 32 characters');
        const user = [...tenant.users.values()].find((u) => listed(u) && String(u.props.email ?? '').toLowerCase() === email);
        if (!user) throw errors.invalidData('users', 'Invalid or expired password reset token');
        tokens.delete(email);
        user.password = body.newPassword;
        user.props.lastPasswordChange = ctx.now();
        user.props.shouldResetPassword = false;
        return ctx.empty(200);
      },
      { auth: 'optional' },
    );
  },
});

/** Tenant of a password reset: `?tenantId=`, else the caller's or the host's tenant. */
function resetTenant(ctx: RequestContext): Tenant {
  const id = ctx.query.get('tenantId');
  if (id === undefined) return ctx.tenant;
  const t = ctx.emu.tenants.get(id);
  if (!t) throw errors.invalidData('users', `Unknown tenant ${id}`);
  return t;
}
