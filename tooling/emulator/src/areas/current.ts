import { ROLE_SYSTEM } from '../auth/roles.js';
import { errors } from '../server/errors.js';
import { allApplications } from './accounts/applications.js';
import { directory, tfaOf, totpActive } from './accounts/directory.js';
import { currentUserJson, userJson } from './accounts/render.js';
import { generateTotpSecret, verifyTotp } from './accounts/secrets.js';
import { objectBody, validPassword } from './accounts/validate.js';
import { defineArea } from './types.js';

const OWN_READ = ['ROLE_USER_MANAGEMENT_OWN_READ', ROLE_SYSTEM];

/**
 * Example area and home of the "who am I" endpoints: `GET /tenant/currentTenant` and
 * `/user/currentUser` (GET/PUT, password change, TOTP secret/activity/verify).
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
        const subscribed = allApplications(ctx.emu.tenants).filter((a) => a.subscribers.has(t.id));
        return ctx.ok(
          {
            self: ctx.url('/tenant/currentTenant'),
            name: t.id,
            domainName: t.domain,
            allowCreateTenants: t.allowCreateTenants,
            customProperties: t.customProperties,
            applications: {
              self: ctx.url(`/tenant/tenants/${t.id}/applications`),
              references: subscribed.map((a) => ({
                self: ctx.url(`/tenant/tenants/${t.id}/applications/${a.id}`),
                application: { id: a.id, name: a.name, key: a.key, type: a.type, self: ctx.url(`/application/applications/${a.id}`) },
              })),
            },
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
        // `Accept: vnd.user` (without vnd.currentuser) asks for the user representation; not for ROLE_SYSTEM users.
        const accept = String(ctx.headers.accept ?? '').toLowerCase();
        if (accept.includes('vnd.com.nsn.cumulocity.user+json') && !accept.includes('currentuser')) {
          if (user.roles.has(ROLE_SYSTEM) || user.isServiceUser || user.isBootstrap) throw errors.forbidden();
          return ctx.ok(userJson(ctx, ctx.tenant, user), 'user');
        }
        return ctx.ok(currentUserJson(ctx, user), 'currentuser');
      },
      { resource: 'user', bootstrap: ['service'] },
    );

    api.put(
      '/user/currentUser',
      (ctx) => {
        const user = ctx.user;
        const body = objectBody(ctx, 'users');
        for (const f of ['firstName', 'lastName', 'email', 'phone'] as const)
          if (body[f] !== undefined && typeof body[f] !== 'string') throw errors.invalidData('users', `Invalid value of ${f}`);
        if (body.password !== undefined && !validPassword(body.password)) throw errors.invalidData('users', 'password must have 6 to 32 characters');
        for (const f of ['firstName', 'lastName', 'email', 'phone'] as const) if (typeof body[f] === 'string') user.props[f] = body[f];
        if (typeof body.password === 'string') {
          user.password = body.password;
          user.props.lastPasswordChange = ctx.now();
        }
        directory(ctx.tenant).refresh(user);
        return ctx.updated(currentUserJson(ctx, user), 'currentuser');
      },
      { resource: 'users', roles: ['ROLE_USER_MANAGEMENT_OWN_ADMIN'], jsonTypes: ['currentuser', 'user'] },
    );

    // 200 without body; a wrong current password → 422. Under OAI-Secure (cookie) a new token is
    // set in the cookies, the old one stays valid (the platform expires it within a minute).
    api.put(
      '/user/currentUser/password',
      (ctx) => {
        const user = ctx.user;
        const body = objectBody(ctx, 'users');
        if (typeof body.currentUserPassword !== 'string' || typeof body.newPassword !== 'string')
          throw errors.invalidData('users', 'currentUserPassword and newPassword are required');
        if (body.currentUserPassword !== user.password) throw errors.invalidData('users', 'Provided current user password is invalid');
        if (!validPassword(body.newPassword)) throw errors.invalidData('users', 'newPassword must have 6 to 32 characters');
        user.password = body.newPassword;
        user.props.lastPasswordChange = ctx.now();
        user.props.shouldResetPassword = false;
        if (ctx.authScheme === 'cookie') {
          const { token, xsrfToken } = ctx.emu.issueToken(ctx.tenant.id, user.userName);
          return ctx.empty(200, { 'Set-Cookie': [`authorization=${token}; Path=/; HttpOnly`, `XSRF-TOKEN=${xsrfToken}; Path=/`] });
        }
        return ctx.empty(200);
      },
      { resource: 'users', roles: ['ROLE_USER_MANAGEMENT_OWN_ADMIN'], body: 'json' },
    );

    // ---- TOTP (RFC 6238: HMAC-SHA1, 30 s, 6 digits; the emulator clock is the time source) -------
    api.post(
      '/user/currentUser/totpSecret',
      (ctx) => {
        const user = ctx.user;
        if (totpActive(user)) throw errors.forbidden('TFA TOTP is active; deactivate it before generating a new secret');
        const rawSecret = generateTotpSecret(ctx.emu);
        Object.assign(tfaOf(user), { totpSecret: rawSecret, totpActive: false });
        const label = encodeURIComponent(`${ctx.tenant.domain}:${user.userName}`);
        const otpauth = `otpauth://totp/${label}?secret=${rawSecret}&issuer=${encodeURIComponent(ctx.tenant.domain)}`;
        return ctx.ok(
          { rawSecret, secretQrUrl: `https://chart.googleapis.com/chart?chs=200x200&chld=M%7C0&cht=qr&chl=${encodeURIComponent(otpauth)}` },
          'application/json',
        );
      },
      { resource: 'users', roles: OWN_READ, body: 'any' },
    );

    api.get('/user/currentUser/totpSecret/activity', (ctx) => ctx.ok({ isActive: totpActive(ctx.user) }, 'application/json'), {
      resource: 'users',
      roles: OWN_READ,
    });

    api.post(
      '/user/currentUser/totpSecret/activity',
      (ctx) => {
        const body = objectBody(ctx, 'users');
        if (typeof body.isActive !== 'boolean') throw errors.invalidData('users', 'isActive (boolean) is required');
        const tfa = tfaOf(ctx.user);
        if (typeof tfa.totpSecret !== 'string') throw errors.conflict('users', 'TFA TOTP secret does not exist. First generate secret.', 'Conflict');
        tfa.totpActive = body.isActive;
        return ctx.noContent();
      },
      { resource: 'users', roles: OWN_READ },
    );

    api.post(
      '/user/currentUser/totpSecret/verify',
      (ctx) => {
        const body = objectBody(ctx, 'users');
        if (typeof body.code !== 'string' || !/^\d{6}$/.test(body.code.trim())) throw errors.invalidData('users', 'code (6 digits) is required');
        const tfa = tfaOf(ctx.user);
        if (typeof tfa.totpSecret !== 'string')
          throw errors.notFound('users', "Cannot validate TFA TOTP code - user's TFA TOTP secret does not exist.");
        if (!verifyTotp(tfa.totpSecret, body.code, ctx.emu.clock.now())) throw errors.forbidden('Invalid verification code.');
        tfa.lastTfaRequestTime = ctx.now();
        return ctx.noContent();
      },
      { resource: 'users', roles: OWN_READ },
    );
  },
});
