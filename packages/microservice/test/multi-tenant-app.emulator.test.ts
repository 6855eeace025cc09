import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { Emulator, RegisteredMicroservice } from '@c8y/emulator';
import { isCumulocityError } from '@c8y/rest-core';
import { MultiTenantCumulocityApp, SimpleCumulocityApp, type Environment } from '../src/index.js';
import { callerHeaders, OBJECTS_PER_TENANT, startScenario, TENANTS, USERS_PER_TENANT } from './emulator-setup.js';

// The apps against the emulator over real HTTP: two tenants, their users with the same names,
// and the request log as the witness of who made each request.

let emu: Emulator;
let ms: RegisteredMicroservice;
let env: Environment;

beforeAll(async () => {
  ({ emu, ms, env } = await startScenario());
});
afterAll(async () => {
  await emu.stop();
});
beforeEach(() => {
  emu.requests.clear();
});

type Page = { managedObjects: Array<{ name: string }> };
const list = (marker: number) => ({ params: { pageSize: marker, type: 'hello_Thing' }, accept: 'application/vnd.com.nsn.cumulocity.managedobjectcollection+json' });

/** The log entries of GET /inventory/managedObjects by their pageSize marker. */
function loggedByMarker(): Map<number, { tenant?: string; user?: string; status: number; key?: string }> {
  const byMarker = new Map<number, { tenant?: string; user?: string; status: number; key?: string }>();
  for (const entry of emu.requests) {
    if (entry.method !== 'GET' || entry.path !== '/inventory/managedObjects') continue;
    const marker = Number(entry.query.pageSize);
    expect(byMarker.has(marker)).toBe(false);
    byMarker.set(marker, { tenant: entry.tenant, user: entry.user, status: entry.status, key: entry.headers['x-cumulocity-application-key'] });
  }
  return byMarker;
}

describe('MultiTenantCumulocityApp against the emulator', () => {
  it('2 × 100 concurrent callers: each request went out with its own tenant and user (callers) or its tenant\'s service user (tenant clients)', async () => {
    const app = new MultiTenantCumulocityApp({ env, userCache: { maxSize: 8 } });
    const jobs = Array.from({ length: 200 }, (_, n) => {
      const tenant = TENANTS[n % 2]!;
      const user = Math.floor(n / 2) % USERS_PER_TENANT;
      return { n, tenant, user, headers: callerHeaders(emu, tenant, user, Math.floor(n / 20)) };
    });
    const results = await Promise.all(
      jobs.map(async ({ n, tenant, headers }) => {
        const asCaller = await app.getUserClient(headers).get<Page>('/inventory/managedObjects', list(n + 1));
        const asTenant = await (await app.getTenantClient({ headers })).get<Page>('/inventory/managedObjects', list(1000 + n + 1));
        return { tenant, names: [...asCaller.managedObjects, ...asTenant.managedObjects].map((item) => item.name) };
      }),
    );
    // Each reply holds only its own tenant's objects.
    for (const { tenant, names } of results) {
      expect(names.length).toBeGreaterThan(0);
      for (const name of names) expect(name.startsWith(`${tenant}-object-`)).toBe(true);
    }
    // The emulator authenticated every request as the caller, or as the caller tenant's service user.
    const logged = loggedByMarker();
    expect(logged.size).toBe(400);
    for (const { n, tenant, user } of jobs) {
      expect(logged.get(n + 1)).toEqual({ tenant, user: `user${user}`, status: 200, key: ms.key });
      expect(logged.get(1000 + n + 1)).toEqual({ tenant, user: 'service_hello', status: 200, key: ms.key });
    }
    // The 200 tenant-client requests needed one read of the subscriptions.
    expect(emu.requests.filter((entry) => entry.path === '/application/currentApplication/subscriptions')).toHaveLength(1);
    await app.close();
  });

  it("a caller's wrong password is the platform's 401, and does not poison another caller's client", async () => {
    const app = new MultiTenantCumulocityApp({ env });
    const wrong = { authorization: `Basic ${Buffer.from('t100/user1:wrong').toString('base64')}` };
    const error = await app.getUserClient(wrong).get('/inventory/managedObjects', list(3)).catch((thrown: unknown) => thrown);
    expect(isCumulocityError(error, 'UnauthorizedError') && error.status).toBe(401);
    const right = callerHeaders(emu, 't100', 1, 0);
    expect((await app.getUserClient(right).get<Page>('/inventory/managedObjects', list(OBJECTS_PER_TENANT))).managedObjects).toHaveLength(OBJECTS_PER_TENANT);
    await app.close();
  });

  it('subscribing and unsubscribing a tenant: the listener reports it, tenant clients follow', async () => {
    const app = new MultiTenantCumulocityApp({ env });
    const events: string[] = [];
    const errors: unknown[] = [];
    const listener = app.listen({ pollInterval: 25, onSubscribed: (t) => void events.push(`+${t}`), onUnsubscribed: (t) => void events.push(`-${t}`), onError: (e) => errors.push(e) });
    await listener.ready;
    expect(events).toEqual(['+t100', '+t200']);

    const admin = { authorization: `Basic ${Buffer.from('t100/admin:admin-pass').toString('base64')}` };
    const platform = new SimpleCumulocityApp({ env: { C8Y_BASEURL: emu.url, C8Y_TENANT: 't100', C8Y_USER: 'admin', C8Y_PASSWORD: 'admin-pass' } }).getUserClient(admin);
    await platform.delete(`/tenant/tenants/t200/applications/${ms.applicationId}`);
    await waitFor(() => events.includes('-t200'));
    const gone = await app.getTenantClient('t200').catch((thrown: unknown) => thrown);
    expect(isCumulocityError(gone, 'TenantNotSubscribedError')).toBe(true);

    await platform.post('/tenant/tenants/t200/applications', { application: { id: ms.applicationId } });
    await waitFor(() => events.filter((event) => event === '+t200').length === 2);
    const back = await app.getTenantClient('t200');
    expect((await back.get<Page>('/inventory/managedObjects', list(2))).managedObjects.map((item) => item.name.slice(0, 5))).toEqual(['t200-', 't200-']);
    expect(events).toEqual(['+t100', '+t200', '-t200', '+t200']);
    expect(errors).toEqual([]);
    await app.close();
    expect(listener.running).toBe(false);
  });
});

describe('SimpleCumulocityApp against the emulator', () => {
  it("the service user's client and the callers' clients, each as itself", async () => {
    // The current service user (an earlier test re-subscribed t200, which gave it a new password).
    const service = emu.tenants.get('t200')?.users.get('service_hello');
    if (service === undefined) throw new Error('t200 has no service user');
    const app = new SimpleCumulocityApp({ env: { C8Y_BASEURL: emu.url, C8Y_TENANT: 't200', C8Y_USER: service.userName, C8Y_PASSWORD: service.password, APPLICATION_KEY: ms.key } });
    await app.client.get('/inventory/managedObjects', list(1));
    await Promise.all(Array.from({ length: 30 }, (_, n) => app.getUserClient(callerHeaders(emu, 't200', n % USERS_PER_TENANT, n)).get('/inventory/managedObjects', list(n + 2))));
    const logged = loggedByMarker();
    expect(logged.get(1)).toEqual({ tenant: 't200', user: 'service_hello', status: 200, key: ms.key });
    for (let n = 0; n < 30; n++) expect(logged.get(n + 2)).toEqual({ tenant: 't200', user: `user${n % USERS_PER_TENANT}`, status: 200, key: ms.key });
  });
});

/** Waits (on real timers, bounded by the test timeout) until `done()`; asserts on the outcome, never on how long it took. */
async function waitFor(done: () => boolean): Promise<void> {
  while (!done()) await new Promise((resolve) => setTimeout(resolve, 10));
}
