import { defineArea } from './types.js';

/**
 * Example area and home of the "who am I" endpoints:
 * `GET /tenant/currentTenant` and a minimal `GET /user/currentUser`.
 * The users area extends `currentUser` (PUT, password, TOTP, …) in this file.
 */
export const currentArea = defineArea({
  name: 'current',
  resource: 'tenant',
  register(api) {
    api.get(
      '/tenant/currentTenant',
      (ctx) => {
        if (!ctx.user.isBootstrap) ctx.requireRole('ROLE_USER_MANAGEMENT_OWN_READ', 'ROLE_SYSTEM');
        const t = ctx.tenant;
        return ctx.ok(
          {
            self: ctx.url('/tenant/currentTenant'),
            name: t.id,
            domainName: t.domain,
            allowCreateTenants: t.allowCreateTenants,
            customProperties: t.customProperties,
            applications: { self: ctx.url(`/tenant/tenants/${t.id}/applications`), references: [] },
            ...(ctx.query.bool('withParent') && t.parent ? { parent: t.parent } : {}),
          },
          'currenttenant',
        );
      },
      // Microservice bootstrap users may ask which tenant they live in.
      { bootstrap: ['service'] },
    );

    api.get(
      '/user/currentUser',
      (ctx) => {
        const user = ctx.user;
        if (!user.isServiceUser && !user.isBootstrap) ctx.requireRole('ROLE_USER_MANAGEMENT_OWN_READ', 'ROLE_SYSTEM', 'ROLE_DEVICE');
        return ctx.ok(
          {
            self: ctx.url('/user/currentUser'),
            id: user.id,
            userName: user.userName,
            ...pick(user.props, ['firstName', 'lastName', 'email', 'phone']),
            shouldResetPassword: false,
            twoFactorAuthenticationEnabled: false,
            effectiveRoles: [...user.roles].sort().map((role) => ({ id: role, name: role, self: ctx.url(`/user/roles/${role}`) })),
            devicePermissions: {},
          },
          'currentuser',
        );
      },
      { resource: 'user', bootstrap: ['service'] },
    );
  },
});

function pick(source: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => source[k] !== undefined).map((k) => [k, source[k]]));
}
