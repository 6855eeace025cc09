import { readCookie } from '../auth/authenticate.js';
import type { Tenant } from '../auth/tenants.js';
import type { User } from '../auth/users.js';
import type { RequestContext } from '../server/context.js';
import { C8yHttpError, errors } from '../server/errors.js';
import { allApplications, findApplication, subscribe, unsubscribe } from './accounts/applications.js';
import { tfaOf, totpActive } from './accounts/directory.js';
import { numericOption, options, ownsCategory, present, type StoredOption } from './accounts/options.js';
import { applicationJson } from './accounts/render.js';
import { verifyTotp } from './accounts/secrets.js';
import { objectBody } from './accounts/validate.js';
import { defineArea } from './types.js';

const OPTION_READ = ['ROLE_OPTION_MANAGEMENT_READ', 'ROLE_OPTION_MANAGEMENT_ADMIN'];
const OPTION_ADMIN = ['ROLE_OPTION_MANAGEMENT_ADMIN'];
/** Category names must not contain whitespace nor ``$&+,/:;=?@"<>#%{}|\^~[]` `` (spec). */
const CATEGORY_PATTERN = /^[^\s$&+,/:;=?@"<>#%{}|\\^~[\]`]+$/;

/** The cookie token lifetime default (spec: 2 weeks) and the body token default (2 days). */
const COOKIE_TOKEN_SECONDS = 14 * 24 * 3600;
const BODY_TOKEN_SECONDS = 2 * 24 * 3600;

/** Message fragments clients match on (go-c8y-cli matches "TFA TOTP code required"). */
export const TFA_CODE_REQUIRED = 'Invalid credentials! : TFA TOTP code required.';
export const TFA_CODE_INVALID = 'Invalid credentials! : Invalid TFA TOTP code.';

/**
 * Options a reader may see: system users of a microservice see its own `credentials.*` values
 * decrypted; a microservice bootstrap user may only read its own category.
 */
function readable(ctx: RequestContext, category: string): boolean {
  const owner = ownsCategory(ctx.emu.tenants, ctx.tenant, ctx.user, category);
  if (ctx.user.isBootstrap) {
    if (!owner) throw errors.forbidden();
  } else ctx.requireRole(...OPTION_READ);
  return owner;
}

function optionJson(ctx: RequestContext, o: StoredOption, owner: boolean): Record<string, unknown> {
  const { key, value } = present(o, owner);
  return {
    self: ctx.url(`/tenant/options/${encodeURIComponent(o.category)}/${encodeURIComponent(o.key)}`),
    category: o.category,
    key,
    value,
  };
}

const optionNotFound = (category: string, key: string): C8yHttpError =>
  errors.notFound('options', `Option not found: unable to find option by given key: ${category}/${key}`);

function optionValue(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw errors.invalidData('options', 'value must be a string');
}

/** Tenant of a login request: `?tenant_id=`, else the one the host maps to. */
function loginTenant(ctx: RequestContext, param: 'tenant_id' | 'tenantId'): Tenant {
  const id = ctx.query.get(param);
  if (id === undefined) return ctx.tenant;
  const t = ctx.emu.tenants.get(id);
  if (!t) throw errors.unauthorized();
  return t;
}

/**
 * Checks an OAI-Secure login form (`grant_type=PASSWORD&username=&password=[&tfa_code=]`):
 * 401 on bad credentials; for users with active TOTP, 401 "TFA TOTP code required" until a valid
 * `tfa_code` (the RFC 6238 code of the user's secret at the emulator clock's time) is sent.
 */
function login(ctx: RequestContext): { tenant: Tenant; user: User } {
  const form = ctx.body.form();
  const grant = (form.get('grant_type') ?? 'PASSWORD').toUpperCase();
  if (grant !== 'PASSWORD') throw errors.badRequest('security', `Unsupported grant_type ${grant} (the emulator supports PASSWORD)`);
  let tenant = loginTenant(ctx, 'tenant_id');
  let username = form.get('username') ?? '';
  const slash = username.indexOf('/');
  if (slash >= 0) {
    const t = ctx.emu.tenants.get(username.slice(0, slash));
    if (!t) throw errors.unauthorized();
    tenant = t;
    username = username.slice(slash + 1);
  }
  const user = tenant.findUser(username);
  if (!user || user.password !== (form.get('password') ?? '') || user.props.enabled === false) throw errors.unauthorized();
  if (totpActive(user)) {
    const code = form.get('tfa_code');
    const secret = tfaOf(user).totpSecret ?? '';
    if (!code) throw errors.unauthorized(TFA_CODE_REQUIRED);
    if (!verifyTotp(secret, code, ctx.emu.clock.now())) throw errors.unauthorized(TFA_CODE_INVALID);
    tfaOf(user).lastTfaRequestTime = ctx.now();
  }
  return { tenant, user };
}

/**
 * Tenant options, login options, OAI-Secure login (`/tenant/oauth`, `/tenant/oauth/token`),
 * logout, and tenant application subscriptions (`/tenant/tenants/{id}/applications`).
 */
export const tenantArea = defineArea({
  name: 'tenant',
  resource: 'tenant',
  register(api) {
    // ---- options ---------------------------------------------------------------------------
    api.post(
      '/tenant/options',
      (ctx) => {
        const body = objectBody(ctx, 'options');
        const { category, key } = body;
        if (typeof category !== 'string' || !CATEGORY_PATTERN.test(category)) throw errors.invalidData('options', 'Invalid or missing category');
        if (typeof key !== 'string' || key === '') throw errors.invalidData('options', 'key is required');
        const store = options(ctx.tenant);
        const existing = store.get(category, key);
        if (existing && !existing.editable) throw errors.forbidden('Option is not editable');
        const option = store.set(category, key, optionValue(body.value ?? ''));
        // The spec documents 200 (not 201) for this POST.
        return ctx.updated(optionJson(ctx, option, false), 'option');
      },
      { resource: 'options', roles: OPTION_ADMIN, jsonTypes: ['option'] },
    );

    api.get(
      '/tenant/options',
      (ctx) => {
        const all = options(ctx.tenant).all();
        return ctx.ok(
          ctx.page(all, { key: 'options', restricted: false, map: (o) => optionJson(ctx, o, ownsCategory(ctx.emu.tenants, ctx.tenant, ctx.user, o.category)) }),
          'optioncollection',
        );
      },
      { resource: 'options', roles: OPTION_READ },
    );

    api.get(
      '/tenant/options/:category',
      (ctx) => {
        const category = ctx.param('category');
        const owner = readable(ctx, category);
        const map = Object.create(null) as Record<string, string>; // option keys are client input
        for (const o of options(ctx.tenant).category(category)) {
          const { key, value } = present(o, owner);
          map[key] = value;
        }
        return ctx.ok(map, 'option');
      },
      { resource: 'options', bootstrap: ['service'] },
    );

    api.put(
      '/tenant/options/:category',
      (ctx) => {
        const category = ctx.param('category');
        if (!CATEGORY_PATTERN.test(category)) throw errors.invalidData('options', 'Invalid category');
        const body = objectBody(ctx, 'options');
        const store = options(ctx.tenant);
        const entries = Object.entries(body).map(([k, v]) => [k, optionValue(v)] as const);
        for (const [k] of entries) if (store.get(category, k)?.editable === false) throw errors.forbidden('Option is not editable');
        for (const [k, v] of entries) store.set(category, k, v);
        const map = Object.create(null) as Record<string, string>;
        for (const o of store.category(category)) map[o.key] = present(o, false).value;
        return ctx.updated(map, 'option');
      },
      { resource: 'options', roles: OPTION_ADMIN },
    );

    api.get(
      '/tenant/options/:category/:key',
      (ctx) => {
        const category = ctx.param('category');
        const owner = readable(ctx, category);
        const key = ctx.param('key');
        // The owning microservice may also address `credentials.x` as `x`.
        const option = options(ctx.tenant).get(category, key) ?? (owner ? options(ctx.tenant).get(category, `credentials.${key}`) : undefined);
        if (!option) throw optionNotFound(category, key);
        return ctx.ok(optionJson(ctx, option, owner), 'option');
      },
      { resource: 'options', bootstrap: ['service'] },
    );

    api.put(
      '/tenant/options/:category/:key',
      (ctx) => {
        const category = ctx.param('category');
        const key = ctx.param('key');
        const store = options(ctx.tenant);
        const option = store.get(category, key);
        if (!option) throw optionNotFound(category, key);
        if (!option.editable) throw errors.forbidden('Option is not editable');
        const body = objectBody(ctx, 'options');
        if (body.value === undefined) throw errors.invalidData('options', 'value is required');
        option.value = optionValue(body.value);
        return ctx.updated(optionJson(ctx, option, false), 'option');
      },
      { resource: 'options', roles: OPTION_ADMIN },
    );

    api.delete(
      '/tenant/options/:category/:key',
      (ctx) => {
        const category = ctx.param('category');
        const key = ctx.param('key');
        const store = options(ctx.tenant);
        const option = store.get(category, key);
        if (!option) throw optionNotFound(category, key);
        if (!option.editable) throw errors.forbidden('Option is not editable');
        store.delete(category, key);
        return ctx.noContent();
      },
      { resource: 'options', roles: OPTION_ADMIN },
    );

    // ---- login options and OAI-Secure login ------------------------------------------------
    api.get(
      '/tenant/loginOptions',
      (ctx) => {
        const management = ctx.query.bool('management');
        if (management && ctx.query.has('tenantId'))
          throw new C8yHttpError(400, 'LoginOptions/Bad Request', `Do not use 'management' flag while querying loginOptions of tenant with id ${ctx.query.get('tenantId') ?? ''}`);
        const tenant = management ? (ctx.emu.tenants.get('management') ?? ctx.tenant) : loginTenantOr404(ctx);
        const host = new URL(ctx.baseUrl).host;
        return ctx.ok(
          {
            self: ctx.url('/tenant/loginOptions'),
            loginOptions: [
              {
                id: `oauth2-internal-${tenant.id}`,
                self: ctx.url(`/tenant/loginOptions/oauth2-internal-${tenant.id}`),
                type: 'OAUTH2_INTERNAL',
                _type: 'OAuth2Config',
                userManagementSource: 'INTERNAL',
                grantType: 'PASSWORD',
                initRequest: ctx.url(`/tenant/oauth?tenant_id=${tenant.id}`),
                loginRedirectDomain: host,
                visibleOnLoginPage: true,
                enforceStrength: false,
                strengthValidity: false,
                greenMinLength: 8,
                tfaStrategy: 'TOTP',
                sessionConfiguration: {
                  absoluteTimeoutMillis: 1209600000,
                  renewalTimeoutMillis: 86400000,
                  userAgentValidationRequired: false,
                  maximumNumberOfParallelSessions: 5,
                },
              },
              {
                id: `basic-${tenant.id}`,
                self: ctx.url(`/tenant/loginOptions/basic-${tenant.id}`),
                type: 'BASIC',
                _type: 'BasicAuthConfig',
                userManagementSource: 'INTERNAL',
                visibleOnLoginPage: false,
                enforceStrength: false,
                strengthValidity: false,
                greenMinLength: 8,
                tfaStrategy: 'TOTP',
                authenticationRestrictions: { forbiddenClients: [], forbiddenUserAgents: [], trustedUserAgents: [] },
              },
            ],
          },
          'loginoptioncollection',
        );
      },
      { auth: 'none' },
    );

    api.post(
      '/tenant/oauth',
      (ctx) => {
        const { tenant, user } = login(ctx);
        const lifetime = numericOption(tenant, 'oauth.internal', 'basic-token.lifespan.seconds') ?? COOKIE_TOKEN_SECONDS;
        const { token, xsrfToken } = ctx.emu.issueToken(tenant.id, user.userName, lifetime);
        return ctx.empty(200, { 'Set-Cookie': [`authorization=${token}; Path=/; HttpOnly`, `XSRF-TOKEN=${xsrfToken}; Path=/`] });
      },
      { auth: 'none', body: 'form', resource: 'security' },
    );

    api.post(
      '/tenant/oauth/token',
      (ctx) => {
        const { tenant, user } = login(ctx);
        const lifetime = numericOption(tenant, 'oauth.internal', 'body-token.lifespan.seconds') ?? BODY_TOKEN_SECONDS;
        const { token } = ctx.emu.issueToken(tenant.id, user.userName, lifetime);
        return ctx.ok({ access_token: token }, 'application/json');
      },
      { auth: 'none', body: 'form', resource: 'security' },
    );

    // Logout: revokes the token the request authenticated with (cookie or Bearer) and clears the cookies.
    api.post(
      '/user/logout',
      (ctx) => {
        const auth = ctx.headers.authorization ?? '';
        const token = ctx.authScheme === 'cookie' ? readCookie(ctx.headers.cookie, 'authorization') : ctx.authScheme === 'bearer' ? auth.slice(auth.indexOf(' ') + 1).trim() : undefined;
        if (token) ctx.emu.tokens.revoke(token);
        return ctx.empty(200, {
          'Set-Cookie': ['authorization=; Path=/; HttpOnly; Max-Age=0', 'XSRF-TOKEN=; Path=/; Max-Age=0'],
        });
      },
      { resource: 'users', body: 'any' },
    );

    // ---- tenant application subscriptions ----------------------------------------------------
    const targetTenant = (ctx: RequestContext): Tenant => {
      const t = ctx.emu.tenants.get(ctx.param('tenantId'));
      if (!t) throw errors.notFound('tenants', `Tenant with id ${ctx.param('tenantId')} not found`);
      if (t.id !== ctx.tenant.id && t.parent !== ctx.tenant.id && ctx.tenant.id !== 'management') throw errors.forbidden();
      return t;
    };

    api.get(
      '/tenant/tenants/:tenantId/applications',
      (ctx) => {
        const tenant = targetTenant(ctx);
        const apps = allApplications(ctx.emu.tenants).filter((a) => a.subscribers.has(tenant.id));
        return ctx.ok(
          ctx.page(apps, {
            key: 'references',
            restricted: false,
            map: (a) => ({ self: ctx.url(`/tenant/tenants/${tenant.id}/applications/${a.id}`), application: applicationJson(ctx, a) }),
          }),
          'applicationreferencecollection',
        );
      },
      { resource: 'tenants', roles: ['ROLE_TENANT_MANAGEMENT_READ', 'ROLE_TENANT_ADMIN', 'ROLE_TENANT_MANAGEMENT_ADMIN'] },
    );

    api.post(
      '/tenant/tenants/:tenantId/applications',
      (ctx) => {
        const tenant = targetTenant(ctx);
        const body = objectBody(ctx, 'tenants');
        const ref = typeof body.application === 'object' && body.application !== null ? (body.application as Record<string, unknown>) : {};
        const id = typeof ref.id === 'string' || typeof ref.id === 'number' ? String(ref.id) : typeof ref.self === 'string' ? ref.self.replace(/\/+$/, '').split('/').pop() : undefined;
        if (!id) throw errors.invalidData('tenants', 'application.id or application.self is required');
        const app = findApplication(ctx.emu.tenants, id);
        const visible = app && (app.owner === ctx.tenant.id || app.owner === tenant.id || app.doc.availability === 'MARKET' || ctx.tenant.id === 'management');
        if (!app || !visible) throw errors.notFound('applications', `Could not find application by ID ${id}`);
        if (app.subscribers.has(tenant.id)) throw errors.conflict('tenants', 'The application is already assigned to the tenant.', 'Conflict');
        subscribe(ctx.emu, tenant, app);
        return ctx.created(
          { self: ctx.url(`/tenant/tenants/${tenant.id}/applications/${app.id}`), application: applicationJson(ctx, app) },
          'applicationreference',
        );
      },
      {
        resource: 'tenants',
        roles: ['ROLE_APPLICATION_MANAGEMENT_ADMIN', 'ROLE_TENANT_MANAGEMENT_ADMIN', 'ROLE_TENANT_MANAGEMENT_UPDATE'],
        jsonTypes: ['applicationreference'],
      },
    );

    api.delete(
      '/tenant/tenants/:tenantId/applications/:applicationId',
      (ctx) => {
        const tenant = targetTenant(ctx);
        const app = findApplication(ctx.emu.tenants, ctx.param('applicationId'));
        if (!app || !app.subscribers.has(tenant.id))
          throw errors.notFound('applications', `Application ${ctx.param('applicationId')} is not subscribed by tenant ${tenant.id}`);
        unsubscribe(tenant, app);
        return ctx.noContent();
      },
      { resource: 'tenants', roles: ['ROLE_APPLICATION_MANAGEMENT_ADMIN', 'ROLE_TENANT_MANAGEMENT_ADMIN', 'ROLE_TENANT_MANAGEMENT_UPDATE'] },
    );
  },
});

function loginTenantOr404(ctx: RequestContext): Tenant {
  const id = ctx.query.get('tenantId');
  if (id === undefined) return ctx.tenant;
  const t = ctx.emu.tenants.get(id);
  if (!t) throw errors.notFound('tenants', `Tenant with id ${id} not found`);
  return t;
}
