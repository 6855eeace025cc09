import { beforeAll, describe, expect, it } from '@jest/globals';
import { DEFAULT_TENANTS, registerMicroservice } from '@c8y/emulator';
import { BasicAuth, CumulocityRestClient, isCumulocityError } from '@c8y/rest-core';
import { Applications } from '../src/index.js';
import { useEmulator } from './helpers.js';

// Applications over real HTTP against the emulator: web applications created, found by filters
// and by name, updated, subscribed and deleted; a microservice reading its own application and
// its subscriptions with the bootstrap credentials — also while the server answers 429 and 503.

const RETRY = { limit: 10, baseDelayMs: 1, maxDelayMs: 5 };
const ctx = useEmulator({ seed: 23, tenants: [...DEFAULT_TENANTS, { id: 't200', parent: 't100' }], client: { retry: RETRY }, reset: true });
let applications: Applications;

beforeAll(() => {
  applications = new Applications(ctx.client);
});

const errorOf = async (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );
const hosted = (name: string) => ({ name, key: `${name}-key`, type: 'HOSTED' as const, contextPath: name });

describe('applications against the emulator', () => {
  it('create, find by filters and by name, update, subscribe a subtenant, delete with force', async () => {
    const shop = await applications.create(hosted('cx-shop'));
    const docs = await applications.create({ name: 'cx docs', key: 'cx-docs-key', type: 'EXTERNAL', externalUrl: 'https://example.com/docs' });
    expect(shop.ownerTenantId).toBe('t100');

    expect(await applications.getAll({ name: 'cx-shop' }, { asValues: 'id' })).toEqual([shop.id]);
    const ownNames = await applications.getAll({ owner: 't100', type: ['HOSTED', 'EXTERNAL'] }, { asValues: 'name' });
    expect([...ownNames].sort()).toEqual(['cx docs', 'cx-shop']);
    expect((await applications.getByName('cx docs')).map((app) => app.id)).toEqual([docs.id]);
    expect(await applications.getByName('cx-nothing')).toEqual([]);

    shop.description = 'The shop';
    await applications.update(shop);
    expect((await applications.get(shop.id ?? '')).description).toBe('The shop');

    await applications.subscribe(shop, 't200');
    expect(await applications.getAll({ subscriber: 't200' }, { asValues: 'name' })).toEqual(['cx-shop']);
    expect(isCumulocityError(await errorOf(applications.subscribe(shop, 't200')), 'ConflictError')).toBe(true);
    await applications.unsubscribe(shop, 't200');
    expect(await applications.getAll({ subscriber: 't200' })).toEqual([]);

    await applications.subscribe(docs, 't200');
    await applications.delete([shop, docs], { force: true });
    expect(await applications.getAll({ owner: 't100', type: ['HOSTED', 'EXTERNAL'] })).toEqual([]);
    expect(isCumulocityError(await errorOf(applications.get(shop.id ?? '')), 'NotFoundError')).toBe(true);
  });

  it('a microservice: its own application and the listing of its subscriptions with the bootstrap credentials', async () => {
    const ms = registerMicroservice(ctx.emu, { name: 'cx-hello', requiredRoles: ['ROLE_INVENTORY_READ'], subscribedTenants: ['t100', 't200'] });
    const bootstrap = new CumulocityRestClient({
      baseUrl: ctx.emu.url,
      auth: new BasicAuth(`${ms.bootstrap.tenant}/${ms.bootstrap.user}`, ms.bootstrap.password),
      retry: RETRY,
    });
    const own = new Applications(bootstrap);

    const me = await own.getCurrent();
    expect([me.id, me.name, me.type]).toEqual([ms.applicationId, 'cx-hello', 'MICROSERVICE']);

    const subscriptions = await own.getCurrentSubscriptions();
    expect(subscriptions.map((sub) => [sub.tenant, sub.name]).sort()).toEqual([
      ['t100', 'service_cx-hello'],
      ['t200', 'service_cx-hello'],
    ]);
    expect(subscriptions.map((sub) => sub.password).sort()).toEqual(ms.serviceUsers.map((user) => user.password).sort());

    // the service user of each tenant works
    const perTenant = subscriptions.map((sub) => new Applications(new CumulocityRestClient({ baseUrl: ctx.emu.url, auth: new BasicAuth(`${sub.tenant}/${sub.name}`, sub.password ?? ''), retry: RETRY })));
    expect(await Promise.all(perTenant.map(async (api) => (await api.getCurrent()).name))).toEqual(['cx-hello', 'cx-hello']);

    // the admin of the tenant is no bootstrap user
    expect(isCumulocityError(await errorOf(applications.getCurrentSubscriptions()), 'ForbiddenError')).toBe(true);
  });

  it('upload: the archive is stored and becomes the active version; 429s are retried without a duplicate', async () => {
    const app = await applications.create(hosted('cx-upload'));
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 9, 8, 7, 0, 255]);
    const first = await applications.upload(app, bytes, { filename: 'cx-upload-1.0.0.zip' });
    expect(first.id).toBe(app.id);
    expect(first.activeVersionId).toMatch(/^\d+$/);
    bytes[4] = 0; // the request was built from a copy
    const stored = (await ctx.client.get(`/application/applications/${app.id ?? ''}/binaries`)) as { attachments: Array<{ id: string; name: string; length: number }> };
    expect(stored.attachments).toEqual([expect.objectContaining({ id: first.activeVersionId, name: 'cx-upload-1.0.0.zip', length: 9 })]);
    const download = await ctx.client.downloadBytes(`/application/applications/${app.id ?? ''}/binaries/${first.activeVersionId ?? ''}`);
    expect([...download.bytes]).toEqual([0x50, 0x4b, 0x03, 0x04, 9, 8, 7, 0, 255]);
    expect((await applications.get(app.id ?? '')).activeVersionId).toBe(first.activeVersionId);

    ctx.emu.faults.add({ kind: 'rateLimit', retryAfter: 0, method: 'POST', path: '/binaries$', times: 2 });
    const second = await applications.upload(app.id ?? '', new Blob(['PK second'], { type: 'application/zip' }));
    expect(second.activeVersionId).not.toBe(first.activeVersionId);
    const uploads = ctx.emu.requests.filter((request) => request.method === 'POST' && request.path.endsWith('/binaries'));
    expect(uploads.map((request) => request.status)).toEqual([201, 429, 429, 201]);
    const after = (await ctx.client.get(`/application/applications/${app.id ?? ''}/binaries`)) as { attachments: Array<{ id: string; name: string }> };
    expect(after.attachments.map((attachment) => attachment.name)).toEqual(['cx-upload-1.0.0.zip', 'application.zip']);

    // Refused before any request: no archive.
    ctx.emu.requests.clear();
    expect(isCumulocityError(await errorOf(applications.upload(app, undefined as never)), 'InvalidInputError')).toBe(true);
    expect(ctx.emu.requests).toHaveLength(0);
    // The platform's refusals come back typed: an application of another tenant is not found.
    expect(isCumulocityError(await errorOf(applications.upload('999999', bytes)), 'NotFoundError')).toBe(true);
  });

  it('hasVersions: only applications with versions, or only those without', async () => {
    const plugin = await applications.create(hosted('cx-plugin'));
    await applications.create(hosted('cx-plain'));
    const form = new FormData();
    form.append('applicationVersion', JSON.stringify({ version: '1.0.0', tags: ['stable'] }));
    form.append('applicationBinary', new Blob(['PK plugin'], { type: 'application/zip' }), 'cx-plugin.zip');
    await ctx.client.post(`/application/applications/${plugin.id ?? ''}/versions`, form);
    expect(await applications.getAll({ owner: 't100', hasVersions: true }, { asValues: 'name' })).toEqual(['cx-plugin']);
    expect(await applications.getAll({ owner: 't100', type: 'HOSTED', hasVersions: false }, { asValues: 'name' })).toEqual(['cx-plain']);
    const listing = ctx.emu.requests.filter((request) => request.path === '/application/applications' && request.method === 'GET');
    expect(listing.map((request) => request.query.hasVersions)).toEqual(['true', 'false']);
  });

  it('under injected 429s and 503s: every application created once, subscribed, updated and deleted exactly', async () => {
    ctx.emu.faults.add({ kind: 'rateLimit', retryAfter: 0, path: '^/(application|tenant)/', probability: 0.3 });
    // A POST is not repeated after a 5xx (the client cannot know it was not applied): 503s hit the idempotent methods.
    for (const method of ['GET', 'PUT', 'DELETE']) ctx.emu.faults.add({ kind: 'error', status: 503, method, path: '^/(application|tenant)/', probability: 0.3 });

    const names = Array.from({ length: 10 }, (_, index) => `cx-app-${index}`);
    const created = await applications.create(names.map(hosted), { workers: 4 });
    await Promise.all(created.filter((_, index) => index % 2 === 0).map((app) => applications.subscribe(app, 't200')));
    await Promise.all(
      created.map((app, index) => {
        app.description = `app ${index}`;
        return applications.update(app);
      }),
    );
    await applications.delete(created.slice(8), { force: true, workers: 2 });

    const left = await applications.getAll({ owner: 't100', type: 'HOSTED', pageSize: 3 });
    expect(left.map((app) => [app.name, app.description]).sort()).toEqual(names.slice(0, 8).map((name, index) => [name, `app ${index}`]));
    expect([...(await applications.getAll({ subscriber: 't200' }, { asValues: 'name' }))].sort()).toEqual(['cx-app-0', 'cx-app-2', 'cx-app-4', 'cx-app-6']);
    expect(await Promise.all(names.map(async (name) => (await applications.getByName(name)).length))).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 0, 0]);

    const statuses = ctx.emu.requests.filter((request) => /^\/(application|tenant)\//.test(request.path)).map((request) => request.status);
    expect(statuses).toContain(429);
    expect(statuses).toContain(503);
  });
});
