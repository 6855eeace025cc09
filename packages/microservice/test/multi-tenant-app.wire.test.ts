import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { isCumulocityError } from '@c8y/rest-core';
import nock from 'nock';
import { MultiTenantCumulocityApp, type MultiTenantAppOptions } from '../src/index.js';
import { BASE, basic, caught, jwt, multiEnv, quiet, settle, SUBSCRIPTIONS, subscriptionsReply, useNock } from './helpers.js';

// MultiTenantCumulocityApp over nock: the subscriptions (read, cached, re-read), the tenant
// clients (who they act as, which tenant a request gets), the callers' clients, and close().

useNock();
afterEach(() => {
  jest.useRealTimers();
});

const app = (options: MultiTenantAppOptions<never> = {}) =>
  new MultiTenantCumulocityApp({ env: multiEnv(), clientOptions: quiet, ...(options as object) });

/** Answers the subscriptions read with these replies in turn, counting the reads. */
function subscriptions(...replies: unknown[]): { reads: number } {
  const counter = { reads: 0 };
  const scope = nock(BASE);
  for (const reply of replies) {
    scope.get(SUBSCRIPTIONS).reply(() => {
      counter.reads++;
      return [200, reply, { 'content-type': 'application/vnd.com.nsn.cumulocity.applicationusercollection+json' }];
    });
  }
  return counter;
}

/** A nock scope echoing the Authorization header at /probe/<n>. */
function echo(times: number): void {
  nock(BASE)
    .get(/^\/probe\/\d+$/)
    .times(times)
    .reply(function () {
      return [200, { authorization: this.req.headers.authorization, key: this.req.headers['x-cumulocity-application-key'] }];
    });
}

const service = (tenant: string, password: string) => basic(`${tenant}/service_hello`, password);

describe('tenant clients', () => {
  it("act as the tenant's service user, with the application key", async () => {
    subscriptions(subscriptionsReply(['t100', 'p100'], ['t200', 'p200']));
    echo(2);
    const mt = app();
    expect(await (await mt.getTenantClient('t100')).get('/probe/1')).toEqual({ authorization: service('t100', 'p100'), key: 'hello-key' });
    expect(await (await mt.getTenantClient('t200')).get('/probe/2')).toEqual({ authorization: service('t200', 'p200'), key: 'hello-key' });
    expect(await mt.getTenantClient('t100')).toBe(await mt.getTenantClient('t100'));
    expect(await mt.getTenantClient('t100')).not.toBe(await mt.getTenantClient('t200'));
  });

  it('50 concurrent first calls share one read of the subscriptions', async () => {
    const counter = subscriptions(subscriptionsReply(['t100', 'p100'], ['t200', 'p200']));
    const mt = app();
    const clients = await Promise.all(Array.from({ length: 50 }, (_, i) => mt.getTenantClient(i % 2 === 0 ? 't100' : 't200')));
    expect(counter.reads).toBe(1);
    expect(new Set(clients).size).toBe(2);
  });

  it('the subscriptions are kept for subscriptionTtl, then read again (fake clock)', async () => {
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate'] });
    const counter = subscriptions(subscriptionsReply(['t100', 'p1']), subscriptionsReply(['t100', 'p1'], ['t200', 'p2']));
    const mt = app({ subscriptionTtl: '1m' });
    expect(await mt.getSubscribers()).toEqual(['t100']);
    jest.advanceTimersByTime(59_999);
    expect(await mt.getSubscribers()).toEqual(['t100']);
    expect(counter.reads).toBe(1);
    jest.advanceTimersByTime(1);
    expect(await mt.getSubscribers()).toEqual(['t100', 't200']);
    expect(counter.reads).toBe(2);
  });

  it('getSubscribers({ refresh: true }) reads again at once', async () => {
    const counter = subscriptions(subscriptionsReply(['t100', 'p1']), subscriptionsReply());
    const mt = app();
    expect(await mt.getSubscribers()).toEqual(['t100']);
    expect(await mt.getSubscribers({ refresh: true })).toEqual([]);
    expect(counter.reads).toBe(2);
  });

  it('an unknown tenant makes the app re-read the subscriptions once: found then', async () => {
    const counter = subscriptions(subscriptionsReply(['t100', 'p1']), subscriptionsReply(['t100', 'p1'], ['t300', 'p3']));
    echo(1);
    const mt = app();
    await mt.getTenantClient('t100');
    const t300 = await mt.getTenantClient('t300');
    expect(counter.reads).toBe(2);
    expect(await t300.get('/probe/1')).toMatchObject({ authorization: service('t300', 'p3') });
  });

  it('still unknown after the re-read: TenantNotSubscribedError (403) naming the tenant; one re-read per call', async () => {
    const counter = subscriptions(subscriptionsReply(['t100', 'p1']), subscriptionsReply(['t100', 'p1']), subscriptionsReply(['t100', 'p1']));
    const mt = app();
    await mt.getTenantClient('t100');
    for (let call = 1; call <= 2; call++) {
      const error = await caught(() => mt.getTenantClient('t300'));
      if (!isCumulocityError(error, 'TenantNotSubscribedError')) throw new Error(`expected TenantNotSubscribedError, got ${String(error)}`);
      expect([error.status, error.tenantId, error.error]).toEqual([403, 't300', 'microservice/Forbidden']);
      expect(error.message).toBe('403 microservice/Forbidden: tenant t300 is not subscribed to this microservice');
      expect(isCumulocityError(error, 'ForbiddenError')).toBe(true);
      expect(counter.reads).toBe(1 + call);
    }
  });

  it('a first read that already lacks the tenant is not repeated', async () => {
    const counter = subscriptions(subscriptionsReply(['t100', 'p1']));
    const error = await caught(() => app().getTenantClient('t300'));
    expect(isCumulocityError(error, 'TenantNotSubscribedError')).toBe(true);
    expect(counter.reads).toBe(1);
  });

  it('concurrent calls for unknown tenants share one re-read', async () => {
    const counter = subscriptions(subscriptionsReply(['t100', 'p1']), subscriptionsReply(['t100', 'p1'], ['t300', 'p3']));
    const mt = app();
    await mt.getTenantClient('t100');
    const results = await Promise.allSettled(['t300', 't300', 't400', 't300', 't400'].map((tenant) => mt.getTenantClient(tenant)));
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'rejected']);
    expect(counter.reads).toBe(2);
  });

  it("a tenant's client is replaced when its service user's credentials change, and dropped when it unsubscribes", async () => {
    subscriptions(subscriptionsReply(['t100', 'old']), subscriptionsReply(['t100', 'new']), subscriptionsReply(['t200', 'p2']), subscriptionsReply(['t200', 'p2']));
    echo(1);
    const mt = app();
    const before = await mt.getTenantClient('t100');
    await mt.getSubscribers({ refresh: true });
    const after = await mt.getTenantClient('t100');
    expect(after).not.toBe(before);
    expect(await after.get('/probe/1')).toMatchObject({ authorization: service('t100', 'new') });
    await mt.getSubscribers({ refresh: true }); // t100 unsubscribed
    expect(isCumulocityError(await caught(() => mt.getTenantClient('t100')), 'TenantNotSubscribedError')).toBe(true);
  });

  it('a tenant id that is not one is bad input', async () => {
    const mt = app();
    for (const tenant of ['', 't1/x', 'a b', 42]) {
      const error = await caught(() => mt.getTenantClient(tenant as string));
      expect(isCumulocityError(error, 'InvalidInputError') && error.path).toBe('tenant');
    }
  });
});

describe("tenant clients for a request: the caller's tenant", () => {
  const reply = subscriptionsReply(['t100', 'p100'], ['t200', 'p200']);

  it('from Basic "<tenant>/<user>", a Bearer token\'s ten claim, or the cookie token', async () => {
    subscriptions(reply);
    const mt = app();
    const t200 = await mt.getTenantClient('t200');
    const token = jwt({ ten: 't200', sub: 'bob', exp: 4_000_000_000 });
    expect(await mt.getTenantClient({ headers: { authorization: basic('t200/alice', 'pw') } })).toBe(t200);
    expect(await mt.getTenantClient({ headers: { authorization: `Bearer ${token}` } })).toBe(t200);
    expect(await mt.getTenantClient({ headers: { 'x-xsrf-token': 'x' }, cookies: { authorization: token } })).toBe(t200);
    expect(await mt.getTenantClient({ headers: { authorization: basic('t100/alice', 'pw') } })).not.toBe(t200);
  });

  it('credentials without a tenant: 401 no-tenant; without credentials: 401 missing', async () => {
    const mt = app();
    const noTenant = await caught(() => mt.getTenantClient({ headers: { authorization: basic('alice', 'pw') } }));
    expect(isCumulocityError(noTenant, 'InboundAuthError') && [noTenant.status, noTenant.reason]).toEqual([401, 'no-tenant']);
    const opaque = await caught(() => mt.getTenantClient({ headers: { authorization: 'Bearer opaque-token' } }));
    expect(isCumulocityError(opaque, 'InboundAuthError') && opaque.reason).toBe('no-tenant');
    const none = await caught(() => mt.getTenantClient({ headers: {} }));
    expect(isCumulocityError(none, 'InboundAuthError') && none.reason).toBe('missing');
    expect(isCumulocityError(await caught(() => mt.getTenantClient(null as never)), 'InvalidInputError')).toBe(true);
  });

  it('2 × 100 concurrent requests of two tenants: each served by its own tenant\'s service user', async () => {
    subscriptions(reply);
    echo(200);
    const mt = app();
    const results = await Promise.all(
      Array.from({ length: 200 }, async (_, n) => {
        const tenant = n % 2 === 0 ? 't100' : 't200';
        const headers = n % 4 < 2 ? { authorization: basic(`${tenant}/user${n}`, `pw${n}`) } : { authorization: `Bearer ${jwt({ ten: tenant, sub: `user${n}` })}` };
        const client = await mt.getTenantClient({ headers });
        return { tenant, sent: (await client.get<{ authorization: string }>(`/probe/${n}`)).authorization };
      }),
    );
    for (const { tenant, sent } of results) expect(sent).toBe(service(tenant, tenant === 't100' ? 'p100' : 'p200'));
  });
});

describe("callers' clients", () => {
  it("carry the caller's credentials, never a service user's; the tenant must be named", async () => {
    echo(2);
    const mt = app();
    const token = jwt({ ten: 't200', sub: 'bob', exp: 4_000_000_000 });
    expect(await mt.getUserClient({ authorization: basic('t100/alice', 'pw-a') }).get('/probe/1')).toEqual({ authorization: basic('t100/alice', 'pw-a'), key: 'hello-key' });
    expect(await mt.getUserClient({ authorization: `Bearer ${token}` }).get('/probe/2')).toMatchObject({ authorization: `Bearer ${token}` });
    const error = await caught(() => mt.getUserClient({ authorization: basic('alice', 'pw') }));
    expect(isCumulocityError(error, 'InboundAuthError') && error.reason).toBe('no-tenant');
  });

  it('the same user name in two tenants gets two clients; clearUserCache by tenant', () => {
    const mt = app();
    const a1 = mt.getUserClient({ authorization: basic('t100/admin', 'same') });
    const a2 = mt.getUserClient({ authorization: basic('t200/admin', 'same') });
    expect(a1).not.toBe(a2);
    mt.clearUserCache({ tenantId: 't100' });
    expect(mt.getUserClient({ authorization: basic('t200/admin', 'same') })).toBe(a2);
    expect(mt.getUserClient({ authorization: basic('t100/admin', 'same') })).not.toBe(a1);
  });
});

describe('the subscriptions reply', () => {
  it('a reply of the wrong shape is a ResponseFormatError naming the field, never a password', async () => {
    const bad = [
      [{ users: [{ tenant: 't100', name: 'service_hello', password: 'leaky-password' }, { tenant: 't200', name: 'service_hello' }] }, /users\.1\.password is missing/],
      [{ users: [{ tenant: '', name: 'service_hello', password: 'leaky-password' }] }, /users\.0\.tenant must not be empty/],
      [{ users: [{ tenant: 't100', name: 7, password: 'leaky-password' }] }, /users\.0\.name must be a string/],
      [{ users: [null] }, /users\.0 must be an object/],
      [{ self: 'x' }, /users is missing/],
      [{ users: 'none' }, /users must be an array/],
      [[], /users is missing/],
      [42, /the reply must be an object/],
      [{ users: [{ tenant: 't100', name: 'service:hello', password: 'leaky-password' }] }, /users\.0 is not a usable tenant, user name and password/],
    ] as const;
    for (const [reply, message] of bad) {
      subscriptions(reply);
      const error = await caught(() => app().getSubscribers());
      expect(isCumulocityError(error, 'ResponseFormatError')).toBe(true);
      expect((error as Error).message).toMatch(message);
      expect(`${String(error)} ${JSON.stringify(error)}`).not.toContain('leaky-password');
    }
  });

  it('fields besides users are ignored; a tenant listed twice counts once (the first entry)', async () => {
    subscriptions({ self: 'x', statistics: {}, users: [{ tenant: 't1', name: 'service_a', password: 'first', extra: 1 }, { tenant: 't1', name: 'service_a', password: 'second' }] });
    echo(1);
    const mt = app();
    expect(await mt.getSubscribers()).toEqual(['t1']);
    expect(await (await mt.getTenantClient('t1')).get('/probe/1')).toMatchObject({ authorization: basic('t1/service_a', 'first') });
  });

  it('a failed read is the callers\' error; the next call reads again', async () => {
    nock(BASE).get(SUBSCRIPTIONS).reply(403, { error: 'security/Forbidden', message: 'Access is denied' });
    subscriptions(subscriptionsReply(['t100', 'p1']));
    const mt = app();
    expect(isCumulocityError(await caught(() => mt.getSubscribers()), 'ForbiddenError')).toBe(true);
    expect(await mt.getSubscribers()).toEqual(['t100']);
  });
});

describe('the bootstrap client, signals and close()', () => {
  it('bootstrapClient acts as the bootstrap user', async () => {
    nock(BASE).get('/application/currentApplication').matchHeader('authorization', basic('t100/servicebootstrap_hello', 'bootstrap-secret')).reply(200, { name: 'hello' });
    const mt = app();
    expect(mt.bootstrapClient).toBe(mt.bootstrapClient);
    expect(await mt.bootstrapClient.get('/application/currentApplication')).toEqual({ name: 'hello' });
  });

  it("a caller's signal ends only that caller's wait; the shared read goes on for the others", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    nock(BASE).get(SUBSCRIPTIONS).reply(async () => {
      await gate;
      return [200, subscriptionsReply(['t100', 'p1'])];
    });
    const mt = app();
    const controller = new AbortController();
    const impatient = mt.getTenantClient('t100', { signal: controller.signal });
    const patient = mt.getTenantClient('t100');
    controller.abort(new Error('gave up'));
    await expect(impatient).rejects.toThrow('gave up');
    release();
    expect(await patient).toBeDefined();
  });

  it('close() ends reads in flight with AppClosedError, and every later call', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    nock(BASE).get(SUBSCRIPTIONS).reply(async () => {
      await gate;
      return [200, subscriptionsReply(['t100', 'p1'])];
    });
    const mt = app();
    const pending = mt.getTenantClient('t100');
    await settle(() => nock.pendingMocks().length === 0, 'the subscriptions request');
    await mt.close();
    const error = await caught(() => pending);
    expect(isCumulocityError(error, 'AppClosedError')).toBe(true);
    release();
    for (const call of [() => mt.getTenantClient('t100'), () => mt.getSubscribers(), () => mt.getUserClient({}), () => mt.bootstrapClient, () => mt.listen({})]) {
      expect(isCumulocityError(await caught(call), 'AppClosedError')).toBe(true);
    }
    await mt.close(); // again: harmless
  });

  it('toString and JSON name no credentials', async () => {
    subscriptions(subscriptionsReply(['t100', 'tenant-password']));
    const mt = app();
    await mt.getTenantClient('t100');
    expect(String(mt)).toBe(`MultiTenantCumulocityApp(${BASE}, bootstrap t100)`);
    expect(`${JSON.stringify(mt)} ${String(mt)}`).not.toMatch(/tenant-password|bootstrap-secret/);
  });
});
