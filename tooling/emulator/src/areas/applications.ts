import type { Tenant } from '../auth/tenants.js';
import type { RequestContext } from '../server/context.js';
import { errors } from '../server/errors.js';
import {
  addApplication,
  allApplications,
  APPLICATION_TYPES,
  applicationOfUser,
  bootstrapUserName,
  createBootstrapUser,
  findApplication,
  refreshServiceUsers,
  removeApplication,
  serviceUserName,
  settingsCategory,
  unsubscribe,
  type ApplicationType,
  type StoredApplication,
} from './accounts/applications.js';
import { options, present } from './accounts/options.js';
import { forgetFiles, hasVersions, registerApplicationBinaries } from './application-binaries.js';
import { applicationJson } from './accounts/render.js';
import { objectBody, type Json } from './accounts/validate.js';
import { defineArea } from './types.js';

const READ = ['ROLE_APPLICATION_MANAGEMENT_READ', 'ROLE_APPLICATION_MANAGEMENT_ADMIN'];
const ADMIN = ['ROLE_APPLICATION_MANAGEMENT_ADMIN'];
/** Fields the platform manages; ignored in request bodies. */
const READ_ONLY = ['id', 'self', 'owner', 'activeVersionId', 'resourcesUrl', 'applicationVersions'];

/** Applications a tenant can see: owned, subscribed, or offered on the market. */
const visibleTo = (tenant: Tenant) => (a: StoredApplication) =>
  a.owner === tenant.id || a.subscribers.has(tenant.id) || a.doc.availability === 'MARKET';

function find(ctx: RequestContext, id: string): StoredApplication {
  const app = findApplication(ctx.emu.tenants, id);
  if (!app || !visibleTo(ctx.tenant)(app)) throw errors.notFound('applications', `Could not find application by ID ${id}`);
  return app;
}

function owned(ctx: RequestContext, id: string): StoredApplication {
  const app = find(ctx, id);
  if (app.owner !== ctx.tenant.id) throw errors.forbidden();
  return app;
}

/** A boolean query parameter: `true`/`false` (any case), absent or empty → `undefined`, else 422. */
function strictBool(ctx: RequestContext, name: string): boolean | undefined {
  const raw = ctx.query.get(name);
  if (raw === undefined || raw === '') return undefined;
  const value = raw.toLowerCase();
  if (value !== 'true' && value !== 'false') throw errors.invalidData('applications', `Invalid value '${raw}' of query parameter ${name}`);
  return value === 'true';
}

/** Applies a create/update body: validates and returns the writable document. */
function writable(body: Json, base: Json): Json {
  const doc: Json = { ...base };
  for (const [k, v] of Object.entries(body)) if (!READ_ONLY.includes(k) && !['name', 'key', 'type'].includes(k)) doc[k] = v;
  if (doc.availability !== undefined && doc.availability !== 'MARKET' && doc.availability !== 'PRIVATE')
    throw errors.invalidData('applications', 'availability must be MARKET or PRIVATE');
  for (const f of ['requiredRoles', 'roles'])
    if (doc[f] !== undefined && (!Array.isArray(doc[f]) || !(doc[f] as unknown[]).every((r) => typeof r === 'string')))
      throw errors.invalidData('applications', `${f} must be an array of role names`);
  if (doc.contextPath !== undefined && (typeof doc.contextPath !== 'string' || doc.contextPath === ''))
    throw errors.invalidData('applications', 'Invalid contextPath');
  return doc;
}

function duplicate(ctx: RequestContext, owner: string, name: string, key: string, except?: StoredApplication): void {
  for (const a of allApplications(ctx.emu.tenants)) {
    if (a === except || a.owner !== owner) continue;
    if (a.name === name) throw errors.conflict('applications', `Application for tenant ${owner} with properties ( name:${name} ) already exists`);
    if (a.key === key) throw errors.conflict('applications', `Application for tenant ${owner} with properties ( key:${key} ) already exists`);
  }
}

/** The microservice the caller acts for (bootstrap or service user), else 403. */
function currentApplication(ctx: RequestContext, bootstrapOnly: boolean): StoredApplication {
  const user = ctx.user;
  if (user.kind !== 'serviceBootstrap' && (bootstrapOnly || user.kind !== 'service')) throw errors.forbidden();
  const app = applicationOfUser(ctx.emu.tenants, ctx.tenant, user);
  if (!app) throw errors.notFound('applications', `Could not find application ${user.applicationName ?? ''}`);
  return app;
}

function update(ctx: RequestContext, app: StoredApplication): void {
  const body = objectBody(ctx, 'applications');
  const name = body.name ?? app.name;
  const key = body.key ?? app.key;
  if (typeof name !== 'string' || name === '') throw errors.invalidData('applications', 'Invalid name');
  if (typeof key !== 'string' || key === '') throw errors.invalidData('applications', 'Invalid key');
  if (body.type !== undefined && body.type !== app.type) throw errors.invalidData('applications', 'The type of an application cannot be changed');
  duplicate(ctx, app.owner, name, key, app);
  const doc = writable(body, app.doc);
  if (name !== app.name && app.type === 'MICROSERVICE') {
    // Bootstrap and service users follow the name.
    const rename = (t: Tenant | undefined, from: string, to: string) => {
      const u = t?.users.get(from);
      if (!t || !u) return;
      t.users.delete(from);
      t.addUser({ userName: to, password: u.password, kind: u.kind, roles: [...u.roles] });
    };
    const oldBootstrap = bootstrapUserName(app);
    const oldService = serviceUserName(app);
    app.name = name;
    rename(ctx.emu.tenants.get(app.owner), oldBootstrap, bootstrapUserName(app));
    for (const id of app.subscribers) rename(ctx.emu.tenants.get(id), oldService, serviceUserName(app));
  }
  app.name = name;
  app.key = key;
  app.doc = doc;
  refreshServiceUsers(ctx.emu.tenants, app);
}

/**
 * Applications (`/application/...`): CRUD with the list filters, by-name/tenant/owner/user
 * collections, archives and versions (`application-binaries.ts`), microservice bootstrap users and
 * `currentApplication` (+ settings and subscriptions) for microservice users. Tenant subscriptions are in `tenant.ts`.
 */
export const applicationsArea = defineArea({
  name: 'applications',
  resource: 'applications',
  register(api) {
    const collection = (ctx: RequestContext, filter: (a: StoredApplication) => boolean) =>
      ctx.ok(
        ctx.page(
          allApplications(ctx.emu.tenants)
            .filter(visibleTo(ctx.tenant))
            .filter(filter)
            .sort((a, b) => Number(a.id) - Number(b.id)),
          { key: 'applications', restricted: false, map: (a) => applicationJson(ctx, a) },
        ),
        'applicationcollection',
      );

    api.get(
      '/application',
      (ctx) =>
        ctx.ok(
          {
            self: ctx.url('/application'),
            applications: ctx.url('/application/applications'),
            applicationById: ctx.url('/application/applications/{id}'),
            applicationsByName: ctx.url('/application/applicationsByName/{name}'),
            applicationsByTenant: ctx.url('/application/applicationsByTenant/{tenantId}'),
            applicationsByOwner: ctx.url('/application/applicationsByOwner/{tenantId}'),
            applicationsByUser: ctx.url('/application/applicationsByUser/{username}'),
          },
          'applicationapi',
        ),
      { roles: READ },
    );

    api.get(
      '/application/applications',
      (ctx) => {
        const q = ctx.query;
        const name = q.get('name');
        const owner = q.get('owner');
        const types = q.get('type')?.split(',').map((t) => t.trim().toUpperCase());
        const subscriber = q.get('subscriber');
        const tenant = q.get('tenant');
        const providedFor = q.get('providedFor');
        const user = q.get('user');
        const userTenant = user === undefined ? undefined : ctx.tenant.findUser(user) ? ctx.tenant.id : null;
        const versioned = strictBool(ctx, 'hasVersions');
        return collection(
          ctx,
          (a) =>
            (name === undefined || a.name === name) &&
            (owner === undefined || a.owner === owner) &&
            (types === undefined || types.includes(a.type)) &&
            (subscriber === undefined || a.subscribers.has(subscriber)) &&
            (tenant === undefined || a.owner === tenant || a.subscribers.has(tenant)) &&
            (providedFor === undefined || (a.subscribers.has(providedFor) && a.owner !== providedFor)) &&
            // `user`: applications the user can use = those its tenant is subscribed to.
            (userTenant === undefined || (userTenant !== null && a.subscribers.has(userTenant))) &&
            // `hasVersions`: whether the `applicationVersions` field is empty (OAS queryParam_hasVersions).
            (versioned === undefined || hasVersions(ctx.emu.tenants.get(a.owner), a) === versioned),
        );
      },
      { roles: READ },
    );

    api.get('/application/applicationsByName/:name', (ctx) => collection(ctx, (a) => a.name === ctx.param('name')), { roles: READ });
    api.get(
      '/application/applicationsByTenant/:tenantId',
      (ctx) => collection(ctx, (a) => a.owner === ctx.param('tenantId') || a.subscribers.has(ctx.param('tenantId'))),
      { roles: READ },
    );
    api.get('/application/applicationsByOwner/:tenantId', (ctx) => collection(ctx, (a) => a.owner === ctx.param('tenantId')), { roles: READ });
    api.get(
      '/application/applicationsByUser/:username',
      (ctx) => {
        const own = ctx.param('username') === ctx.user.userName;
        if (!(own && ctx.user.hasAnyRole('ROLE_USER_MANAGEMENT_OWN_READ')) && !ctx.user.hasAnyRole(...READ)) throw errors.forbidden();
        if (!ctx.tenant.findUser(ctx.param('username'))) throw errors.notFound('users', `User with id ${ctx.param('username')} not found`);
        return collection(ctx, (a) => a.subscribers.has(ctx.tenant.id));
      },
    );

    api.post(
      '/application/applications',
      (ctx) => {
        const body = objectBody(ctx, 'applications');
        const { name, key, type } = body;
        if (typeof name !== 'string' || name === '') throw errors.invalidData('applications', 'name is required');
        if (typeof key !== 'string' || key === '') throw errors.invalidData('applications', 'key is required');
        if (typeof type !== 'string' || !APPLICATION_TYPES.includes(type as ApplicationType))
          throw errors.invalidData('applications', 'type is required (EXTERNAL, HOSTED or MICROSERVICE)');
        if (type === 'HOSTED' && (typeof body.contextPath !== 'string' || body.contextPath === ''))
          throw errors.invalidData('applications', 'contextPath is mandatory for HOSTED applications');
        if (type === 'EXTERNAL' && typeof body.externalUrl !== 'string')
          throw errors.invalidData('applications', 'externalUrl is mandatory for EXTERNAL applications');
        duplicate(ctx, ctx.tenant.id, name, key);
        const doc = writable(body, { availability: 'PRIVATE' });
        if (type === 'MICROSERVICE' && doc.contextPath === undefined) doc.contextPath = name;
        const app: StoredApplication = { id: ctx.emu.ids.next(), owner: ctx.tenant.id, name, key, type: type as ApplicationType, doc, subscribers: new Set() };
        addApplication(ctx.tenant, app);
        if (app.type === 'MICROSERVICE') createBootstrapUser(ctx.emu, ctx.tenant, app);
        return ctx.created(applicationJson(ctx, app), 'application');
      },
      { roles: ADMIN, jsonTypes: ['application'] },
    );

    api.get(
      '/application/applications/:id',
      (ctx) => ctx.ok(applicationJson(ctx, find(ctx, ctx.param('id'))), 'application'),
      { roles: READ },
    );

    api.put(
      '/application/applications/:id',
      (ctx) => {
        const app = owned(ctx, ctx.param('id'));
        update(ctx, app);
        return ctx.updated(applicationJson(ctx, app), 'application');
      },
      { roles: ADMIN, jsonTypes: ['application'] },
    );

    // Deleting unsubscribes every tenant first (the platform requires `force=true` for that when
    // tenants are subscribed; the emulator always does it) and removes the microservice users.
    api.delete(
      '/application/applications/:id',
      (ctx) => {
        const app = owned(ctx, ctx.param('id'));
        for (const id of [...app.subscribers]) {
          const t = ctx.emu.tenants.get(id);
          if (t) unsubscribe(t, app);
        }
        if (app.type === 'MICROSERVICE') ctx.tenant.users.delete(bootstrapUserName(app));
        forgetFiles(ctx.tenant, app);
        removeApplication(ctx.emu.tenants, app);
        return ctx.noContent();
      },
      { roles: ADMIN },
    );

    api.get(
      '/application/applications/:id/bootstrapUser',
      (ctx) => {
        const app = owned(ctx, ctx.param('id'));
        if (app.type !== 'MICROSERVICE') throw errors.badRequest('applications', 'Can not get bootstrap user. Application is not a microservice');
        const user = ctx.tenant.users.get(bootstrapUserName(app)) ?? createBootstrapUser(ctx.emu, ctx.tenant, app);
        return ctx.ok({ tenant: app.owner, name: user.userName, password: user.password }, 'user');
      },
      { roles: ADMIN },
    );

    // ---- archives and versions (application-binaries.ts) -------------------------------------
    registerApplicationBinaries(api, { find, owned });

    // ---- current application (microservice users) ------------------------------------------
    api.get('/application/currentApplication', (ctx) => ctx.ok(applicationJson(ctx, currentApplication(ctx, false)), 'application'), {
      bootstrap: ['service'],
    });

    api.put(
      '/application/currentApplication',
      (ctx) => {
        const app = currentApplication(ctx, true);
        update(ctx, app);
        return ctx.updated(applicationJson(ctx, app), 'application');
      },
      { bootstrap: ['service'], jsonTypes: ['application'] },
    );

    // Settings: the options of the application's category in the caller's tenant, `credentials.*`
    // decrypted and without the prefix.
    api.get(
      '/application/currentApplication/settings',
      (ctx) => {
        const app = currentApplication(ctx, false);
        const settings = Object.create(null) as Record<string, string>; // option keys are client input
        for (const o of options(ctx.tenant).category(settingsCategory(app))) {
          const { key, value } = present(o, true);
          settings[key] = value;
        }
        return ctx.ok(settings, 'option');
      },
      { bootstrap: ['service'] },
    );

    api.get(
      '/application/currentApplication/subscriptions',
      (ctx) => {
        const app = currentApplication(ctx, true);
        const users = [...app.subscribers]
          .map((id) => {
            const u = ctx.emu.tenants.get(id)?.users.get(serviceUserName(app));
            return u ? { tenant: id, name: u.userName, password: u.password } : undefined;
          })
          .filter((u) => u !== undefined);
        return ctx.ok({ self: ctx.url(`/application/applications/${app.id}/users`), users }, 'applicationusercollection');
      },
      { bootstrap: ['service'] },
    );
  },
});
