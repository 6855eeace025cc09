import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { ALL_ROLES, registerMicroservice, startEmulator, type Emulator, type TenantSeed } from '../src/index.js';
import { call, mediaType } from './accounts-helpers.js';
import { basic } from './helpers.js';

type Json = Record<string, unknown>;
type Creds = { tenant: string; name: string; password: string };

const TENANTS: readonly TenantSeed[] = [
  { id: 't100', users: [{ userName: 'admin', password: 'admin-pass', roles: ALL_ROLES }, { userName: 'plain', password: 'plain-pass', roles: ['ROLE_INVENTORY_READ'] }] },
  { id: 't200', parent: 't100', users: [{ userName: 'admin', password: 'two-pass', roles: ALL_ROLES }] },
  { id: 't300', users: [{ userName: 'admin', password: 'three-pass', roles: ALL_ROLES }] },
];
const ADMIN2 = basic('t200/admin', 'two-pass');
const ADMIN3 = basic('t300/admin', 'three-pass');
const login = (c: Creds | undefined): string => basic(`${c?.tenant ?? ''}/${c?.name ?? ''}`, c?.password ?? '');

describe('applications', () => {
  let emu: Emulator;
  let base: string;
  beforeAll(async () => {
    emu = await startEmulator({ tenants: TENANTS });
    base = emu.url;
  });
  afterAll(() => emu.stop());
  beforeEach(() => emu.reset());

  const createApp = (body: Json, auth?: string) =>
    call<Json>(base, 'POST', '/application/applications', {
      body,
      type: 'application/vnd.com.nsn.cumulocity.application+json',
      headers: { Accept: 'application/vnd.com.nsn.cumulocity.application+json' },
      ...(auth ? { auth } : {}),
    });

  it('CRUD: 201 with string id, owner, self; 409 applications/Duplicate; 422 invalid', async () => {
    const res = await createApp({ name: 'my-application', key: 'my-application-key', type: 'HOSTED', contextPath: 'myapplication' });
    expect(res.status).toBe(201);
    expect(mediaType(res)).toMatch(/vnd\.com\.nsn\.cumulocity\.application\+json/);
    const id = String(res.body.id);
    expect(id).toMatch(/^\d+$/);
    expect(res.body).toMatchObject({
      self: `${base}/application/applications/${id}`,
      name: 'my-application',
      key: 'my-application-key',
      type: 'HOSTED',
      availability: 'PRIVATE',
      contextPath: 'myapplication',
      owner: { self: `${base}/tenant/tenants/t100`, tenant: { id: 't100' } },
    });
    expect(res.headers.get('location')).toBe(`${base}/application/applications/${id}`);

    const dup = await createApp({ name: 'my-application', key: 'other', type: 'HOSTED', contextPath: 'x' });
    expect(dup.status).toBe(409);
    expect(dup.body).toEqual({
      error: 'applications/Duplicate',
      message: 'Application for tenant t100 with properties ( name:my-application ) already exists',
      info: expect.any(String) as unknown,
    });
    expect((await createApp({ name: 'x', key: 'my-application-key', type: 'HOSTED', contextPath: 'x' })).status).toBe(409);
    // Another tenant may use the same name.
    expect((await createApp({ name: 'my-application', key: 'my-application-key', type: 'HOSTED', contextPath: 'm' }, ADMIN3)).status).toBe(201);
    for (const body of [{ key: 'k', type: 'HOSTED', contextPath: 'c' }, { name: 'n', type: 'HOSTED', contextPath: 'c' }, { name: 'n', key: 'k', type: 'WEB' }, { name: 'n', key: 'k', type: 'HOSTED' }, { name: 'n', key: 'k', type: 'MICROSERVICE', requiredRoles: 'ROLE_X' }]) {
      expect((await createApp(body)).status).toBe(422);
    }

    const got = await call(base, 'GET', `/application/applications/${id}`);
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ id, name: 'my-application' });
    const put = await call(base, 'PUT', `/application/applications/${id}`, { body: { description: 'Mine', availability: 'MARKET' }, headers: { Accept: 'application/json' } });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ id, description: 'Mine', availability: 'MARKET', owner: { tenant: { id: 't100' } } });
    expect((await call(base, 'PUT', `/application/applications/${id}`, { body: { type: 'EXTERNAL' } })).status).toBe(422);
    expect((await call(base, 'DELETE', `/application/applications/${id}`)).status).toBe(204);
    const gone = await call(base, 'GET', `/application/applications/${id}`);
    expect(gone.status).toBe(404);
    expect(gone.body).toMatchObject({ error: 'applications/Not Found', message: `Could not find application by ID ${id}` });
    expect((await call(base, 'GET', '/application/applications', { auth: basic('t100/plain', 'plain-pass') })).status).toBe(403);
  });

  it('collection filters: name, owner, type, subscriber, tenant, providedFor, user; by-name/owner/tenant', async () => {
    const web = await createApp({ name: 'web', key: 'web-key', type: 'HOSTED', contextPath: 'web' });
    const ms = registerMicroservice(emu, { name: 'svc', subscribedTenants: ['t100', 't200'] });
    const ext = await createApp({ name: 'ext', key: 'ext-key', type: 'EXTERNAL', externalUrl: 'https://example.com', availability: 'MARKET' }, ADMIN3);
    const names = async (q: string, auth?: string) =>
      ((await call<{ applications: Json[] }>(base, 'GET', `/application/applications?pageSize=50&${q}`, auth ? { auth } : {})).body.applications ?? []).map((a) => a.name);
    expect(await names('')).toEqual(['web', 'svc', 'ext']);
    expect(await names('name=svc')).toEqual(['svc']);
    expect(await names('owner=t300')).toEqual(['ext']);
    expect(await names('type=MICROSERVICE,EXTERNAL')).toEqual(['svc', 'ext']);
    expect(await names('subscriber=t200')).toEqual(['svc']);
    expect(await names('tenant=t100')).toEqual(['web', 'svc']);
    expect(await names('providedFor=t200')).toEqual(['svc']);
    expect(await names('providedFor=t100')).toEqual([]);
    expect(await names('user=admin')).toEqual(['svc']);
    // Tenants see what they own, are subscribed to, or what is on the market.
    expect(await names('', ADMIN2)).toEqual(['svc', 'ext']);
    const byName = await call<{ applications: Json[] }>(base, 'GET', '/application/applicationsByName/web');
    expect(mediaType(byName)).toMatch(/applicationcollection/);
    expect(byName.body.applications.map((a) => a.id)).toEqual([web.body.id]);
    expect((await call<{ applications: Json[] }>(base, 'GET', '/application/applicationsByOwner/t300')).body.applications.map((a) => a.id)).toEqual([ext.body.id]);
    expect((await call<{ applications: Json[] }>(base, 'GET', '/application/applicationsByTenant/t200')).body.applications.map((a) => a.id)).toEqual([ms.applicationId]);
    expect((await call<{ applications: Json[] }>(base, 'GET', '/application/applicationsByUser/admin')).body.applications.map((a) => a.id)).toEqual([ms.applicationId]);
    expect((await call(base, 'GET', '/application')).body).toMatchObject({ applications: `${base}/application/applications` });
  });

  it('bootstrapUser: microservices only (400 otherwise), owner tenant only', async () => {
    const web = await createApp({ name: 'web', key: 'web-key', type: 'HOSTED', contextPath: 'web' });
    const bad = await call(base, 'GET', `/application/applications/${String(web.body.id)}/bootstrapUser`);
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: 'applications/Bad Request', message: 'Can not get bootstrap user. Application is not a microservice' });
    const ms = await createApp({ name: 'thermo-micro', key: 'thermo-key', type: 'MICROSERVICE', requiredRoles: ['ROLE_INVENTORY_READ'] });
    expect(ms.body).toMatchObject({ contextPath: 'thermo-micro', requiredRoles: ['ROLE_INVENTORY_READ'], roles: [] });
    const boot = await call<Json>(base, 'GET', `/application/applications/${String(ms.body.id)}/bootstrapUser`);
    expect(boot.status).toBe(200);
    expect(mediaType(boot)).toMatch(/vnd\.com\.nsn\.cumulocity\.user\+json/);
    expect(boot.body).toMatchObject({ tenant: 't100', name: 'servicebootstrap_thermo-micro' });
    expect(String(boot.body.password).length).toBeGreaterThanOrEqual(16);
    expect((await call(base, 'GET', `/application/applications/${String(ms.body.id)}/bootstrapUser`, { auth: ADMIN3 })).status).toBe(404);
  });

  it('microservice via the API: subscribe tenants → bootstrap user reads subscriptions → service users act per tenant', async () => {
    const app = await createApp({ name: 'hello', key: 'hello-key', type: 'MICROSERVICE', requiredRoles: ['ROLE_USER_MANAGEMENT_READ'], roles: ['ROLE_HELLO_READ'] });
    const id = String(app.body.id);
    const bootRes = await call<Json>(base, 'GET', `/application/applications/${id}/bootstrapUser`);
    const boot = basic(`t100/${String(bootRes.body.name)}`, String(bootRes.body.password));

    // Subscriptions: own tenant and a subtenant; the unrelated t300 is not ours to subscribe.
    const sub = await call(base, 'POST', '/tenant/tenants/t100/applications', {
      body: { application: { self: `${base}/application/applications/${id}` } },
      type: 'application/vnd.com.nsn.cumulocity.applicationreference+json',
      headers: { Accept: 'application/json' },
    });
    expect(sub.status).toBe(201);
    expect(sub.body).toMatchObject({ self: `${base}/tenant/tenants/t100/applications/${id}`, application: { id, name: 'hello' } });
    expect((await call(base, 'POST', '/tenant/tenants/t200/applications', { body: { application: { id } } })).status).toBe(201);
    expect((await call(base, 'POST', '/tenant/tenants/t200/applications', { body: { application: { id } } })).status).toBe(409);
    expect((await call(base, 'POST', '/tenant/tenants/t300/applications', { body: { application: { id } } })).status).toBe(403);
    expect((await call(base, 'POST', '/tenant/tenants/t100/applications', { body: { application: { id: '999999' } } })).status).toBe(404);
    expect((await call(base, 'POST', '/tenant/tenants/t100/applications', { body: { application: {} } })).status).toBe(422);
    const refs = await call<{ references: Array<{ application: Json }> }>(base, 'GET', '/tenant/tenants/t200/applications');
    expect(mediaType(refs)).toMatch(/applicationreferencecollection/);
    expect(refs.body.references.map((r) => r.application.id)).toEqual([id]);
    const current = await call<{ applications: { references: Array<{ application: Json }> } }>(base, 'GET', '/tenant/currentTenant', { auth: ADMIN2 });
    expect(current.body.applications.references.map((r) => r.application.name)).toEqual(['hello']);

    // The bootstrap user: currentApplication, subscriptions — and nothing else.
    const cur = await call(base, 'GET', '/application/currentApplication', { auth: boot });
    expect(cur.status).toBe(200);
    expect(cur.body).toMatchObject({ id, name: 'hello', type: 'MICROSERVICE' });
    const subs = await call<{ users: Creds[] }>(base, 'GET', '/application/currentApplication/subscriptions', { auth: boot });
    expect(subs.status).toBe(200);
    expect(mediaType(subs)).toMatch(/applicationusercollection/);
    expect(subs.body.users.map((u) => [u.tenant, u.name])).toEqual([
      ['t100', 'service_hello'],
      ['t200', 'service_hello'],
    ]);
    expect((await call(base, 'GET', '/tenant/currentTenant', { auth: boot })).body).toMatchObject({ name: 't100' });
    expect((await call(base, 'GET', '/user/t100/users', { auth: boot })).status).toBe(403);
    expect((await call(base, 'GET', '/application/applications', { auth: boot })).status).toBe(403);

    // Service users act in their tenant with the required roles (+ ROLE_SYSTEM) and only there.
    const t200 = subs.body.users.find((u) => u.tenant === 't200');
    const t100 = subs.body.users.find((u) => u.tenant === 't100');
    expect(t200?.password).not.toBe(t100?.password);
    const users200 = await call<{ users: Json[] }>(base, 'GET', '/user/t200/users', { auth: login(t200) });
    expect(users200.status).toBe(200);
    expect(users200.body.users.map((u) => u.userName)).toEqual(['admin']);
    expect((await call(base, 'GET', '/user/currentUser', { auth: login(t200) })).body).toMatchObject({
      userName: 'service_hello',
      effectiveRoles: [{ id: 'ROLE_SYSTEM' }, { id: 'ROLE_USER_MANAGEMENT_READ' }],
    });
    expect((await call(base, 'GET', '/application/applications', { auth: login(t200) })).status).toBe(403);
    expect((await call(base, 'GET', '/user/t200/users', { auth: basic(`t300/service_hello`, t200?.password ?? '') })).status).toBe(401);
    expect((await call(base, 'GET', '/user/t100/users', { auth: basic(`t100/service_hello`, t200?.password ?? '') })).status).toBe(401);
    // Service users may read the current application, not its subscriptions.
    expect((await call(base, 'GET', '/application/currentApplication', { auth: login(t200) })).body).toMatchObject({ id });
    expect((await call(base, 'GET', '/application/currentApplication/subscriptions', { auth: login(t200) })).status).toBe(403);
    // Ordinary users are not microservices.
    expect((await call(base, 'GET', '/application/currentApplication')).status).toBe(403);
    // The provided role is in the catalogue of subscribed tenants.
    expect((await call(base, 'GET', '/user/roles/ROLE_HELLO_READ', { auth: ADMIN2 })).status).toBe(200);
    expect((await call(base, 'GET', '/user/roles/ROLE_HELLO_READ', { auth: ADMIN3 })).status).toBe(404);

    // Changing requiredRoles updates the service users.
    await call(base, 'PUT', `/application/applications/${id}`, { body: { requiredRoles: [] } });
    expect((await call(base, 'GET', '/user/t200/users', { auth: login(t200) })).status).toBe(403);

    // Unsubscribing deletes the service user.
    expect((await call(base, 'DELETE', `/tenant/tenants/t200/applications/${id}`)).status).toBe(204);
    expect((await call(base, 'DELETE', `/tenant/tenants/t200/applications/${id}`)).status).toBe(404);
    expect((await call(base, 'GET', '/user/currentUser', { auth: login(t200) })).status).toBe(401);
    const after = await call<{ users: Creds[] }>(base, 'GET', '/application/currentApplication/subscriptions', { auth: boot });
    expect(after.body.users.map((u) => u.tenant)).toEqual(['t100']);

    // Deleting the application removes its bootstrap user and remaining service users.
    expect((await call(base, 'DELETE', `/application/applications/${id}`)).status).toBe(204);
    expect((await call(base, 'GET', '/application/currentApplication', { auth: boot })).status).toBe(401);
    expect((await call(base, 'GET', '/user/currentUser', { auth: login(t100) })).status).toBe(401);
  });

  it('registerMicroservice(): bootstrap credentials, key, service users; resubscribing rotates the password', async () => {
    const ms = registerMicroservice(emu, { name: 'thermo', requiredRoles: ['ROLE_INVENTORY_READ'], subscribedTenants: ['t100', 't200'] });
    expect(ms.bootstrap).toMatchObject({ tenant: 't100', user: 'servicebootstrap_thermo' });
    expect(ms.key).toBe('thermo-key');
    expect(ms.serviceUsers.map((u) => [u.tenant, u.name])).toEqual([
      ['t100', 'service_thermo'],
      ['t200', 'service_thermo'],
    ]);
    const boot = basic(`${ms.bootstrap.tenant}/${ms.bootstrap.user}`, ms.bootstrap.password);
    const subs = await call<{ users: Creds[] }>(base, 'GET', '/application/currentApplication/subscriptions', { auth: boot });
    expect(subs.body.users).toEqual(ms.serviceUsers);
    expect((await call(base, 'GET', '/user/currentUser', { auth: login(ms.serviceUsers[1]) })).status).toBe(200);
    expect(() => registerMicroservice(emu, { name: 'thermo' })).toThrow(/already exists/);
    expect(() => registerMicroservice(emu, { name: 'x', subscribedTenants: ['t999'] })).toThrow(/unknown tenant/);

    await call(base, 'DELETE', `/tenant/tenants/t200/applications/${ms.applicationId}`);
    await call(base, 'POST', '/tenant/tenants/t200/applications', { body: { application: { id: ms.applicationId } } });
    const again = await call<{ users: Creds[] }>(base, 'GET', '/application/currentApplication/subscriptions', { auth: boot });
    const fresh = again.body.users.find((u) => u.tenant === 't200');
    expect(fresh?.password).not.toBe(ms.serviceUsers[1]?.password);
    expect((await call(base, 'GET', '/user/currentUser', { auth: login(ms.serviceUsers[1]) })).status).toBe(401);
    expect((await call(base, 'GET', '/user/currentUser', { auth: login(fresh) })).status).toBe(200);

    // reset() drops everything registered.
    emu.reset();
    expect((await call(base, 'GET', '/application/currentApplication', { auth: boot })).status).toBe(401);
  });

  it('currentApplication: PUT by the bootstrap user, settings from tenant options', async () => {
    const ms = registerMicroservice(emu, { name: 'cfg', subscribedTenants: ['t100', 't200'], fields: { manifest: { settingsCategory: 'cfg-settings' } } });
    const boot = basic(`${ms.bootstrap.tenant}/${ms.bootstrap.user}`, ms.bootstrap.password);
    await call(base, 'POST', '/tenant/options', { body: { category: 'cfg-settings', key: 'mode', value: 'fast' } });
    await call(base, 'POST', '/tenant/options', { body: { category: 'cfg-settings', key: 'credentials.token', value: 'abc' } });
    await call(base, 'POST', '/tenant/options', { auth: ADMIN2, body: { category: 'cfg-settings', key: 'mode', value: 'slow' } });
    const settings = await call(base, 'GET', '/application/currentApplication/settings', { auth: boot });
    expect(settings.status).toBe(200);
    expect(mediaType(settings)).toMatch(/vnd\.com\.nsn\.cumulocity\.option\+json/);
    expect(settings.body).toEqual({ mode: 'fast', token: 'abc' });
    const svc200 = await call(base, 'GET', '/application/currentApplication/settings', { auth: login(ms.serviceUsers[1]) });
    expect(svc200.body).toEqual({ mode: 'slow' });

    const put = await call(base, 'PUT', '/application/currentApplication', { auth: boot, body: { description: 'configured' }, headers: { Accept: 'application/json' } });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ name: 'cfg', description: 'configured' });
    expect((await call(base, 'PUT', '/application/currentApplication', { auth: login(ms.serviceUsers[0]), body: { description: 'x' } })).status).toBe(403);
  });
});
