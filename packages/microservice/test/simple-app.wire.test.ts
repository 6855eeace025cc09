import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { CumulocityRestClient, isCumulocityError, type RestClientOptions } from '@c8y/rest-core';
import nock from 'nock';
import { SimpleCumulocityApp, type ClientFactory } from '../src/index.js';
import { BASE, basic, caught, jwt, quiet, simpleEnv, useNock } from './helpers.js';

// SimpleCumulocityApp: the callers' clients — what they send, how they are cached, and that no
// caller ever gets a client with someone else's credentials.

useNock();
afterEach(() => {
  jest.useRealTimers();
});

const app = (options: Partial<ConstructorParameters<typeof SimpleCumulocityApp<CumulocityRestClient>>[0]> = {}) =>
  new SimpleCumulocityApp({ env: simpleEnv(), clientOptions: quiet, ...options });

/** A nock scope that echoes the credential headers it received at /probe/<n>. */
function echo(times: number): nock.Scope {
  return nock(BASE)
    .get(/^\/probe\/\d+$/)
    .times(times)
    .reply(function () {
      const { authorization, cookie, 'x-xsrf-token': xsrf, 'x-cumulocity-application-key': key } = this.req.headers;
      return [200, { authorization, cookie, xsrf, key }];
    });
}

describe('getUserClient: what the caller client sends', () => {
  it('Basic "<tenant>/<user>" as received, with the application key; never the service user', async () => {
    echo(1);
    const client = app().getUserClient({ authorization: basic('t100/alice', 'alice-pw') });
    expect(await client.get('/probe/1')).toEqual({ authorization: basic('t100/alice', 'alice-pw'), key: 'hello-key' });
  });

  it("Basic without a tenant gets the app's tenant", async () => {
    echo(1);
    const client = app().getUserClient({ authorization: basic('alice', 'alice-pw') });
    expect(await client.get('/probe/1')).toMatchObject({ authorization: basic('t100/alice', 'alice-pw') });
  });

  it('Bearer as received', async () => {
    echo(1);
    const token = jwt({ ten: 't100', sub: 'bob', exp: 4_000_000_000 });
    const client = app().getUserClient({ authorization: `Bearer ${token}` });
    expect(await client.get('/probe/1')).toMatchObject({ authorization: `Bearer ${token}` });
  });

  it('the cookie and X-XSRF-TOKEN are preferred over the Authorization header', async () => {
    echo(1);
    const token = jwt({ ten: 't100', sub: 'carol', exp: 4_000_000_000 });
    const client = app().getUserClient({ authorization: basic('t100/carol', 'placeholder'), 'x-xsrf-token': 'xs' }, { authorization: token });
    expect(await client.get('/probe/1')).toEqual({ cookie: `authorization=${token}`, xsrf: 'xs', key: 'hello-key' });
  });

  it('the factory gets the connection settings, the caller credentials and the shared client options', () => {
    const seen: RestClientOptions[] = [];
    const factory: ClientFactory<{ options: RestClientOptions }> = (options) => {
      seen.push(options);
      return { options };
    };
    const simple = new SimpleCumulocityApp({ env: simpleEnv(), clientFactory: factory, clientOptions: { maxConcurrent: 3, headers: { 'X-Trace': 'on' } } });
    const caller = simple.getUserClient({ authorization: basic('t100/alice', 'pw') });
    expect(seen).toHaveLength(2);
    expect(seen[0]).toMatchObject({ baseUrl: BASE, tenantId: 't100', applicationKey: 'hello-key', maxConcurrent: 3, headers: { 'X-Trace': 'on' } });
    expect(String(seen[0]?.auth)).toBe('BasicAuth(t100/service_hello)');
    expect(caller.options).toMatchObject({ baseUrl: BASE, tenantId: 't100', applicationKey: 'hello-key', maxConcurrent: 3 });
    expect(String(caller.options.auth)).toBe('BasicAuth(t100/alice)');
  });

  it('missing credentials are an InboundAuthError (401) and no request is sent', async () => {
    const error = await caught(() => app().getUserClient({ 'content-type': 'application/json' }));
    expect(isCumulocityError(error, 'InboundAuthError') && error.status === 401 && error.reason === 'missing').toBe(true);
  });

  it('a caller tenant that is not a tenant id is a 401 malformed', async () => {
    const token = jwt({ ten: 't100@evil', sub: 'x' });
    const error = await caught(() => app().getUserClient({ authorization: `Bearer ${token}` }));
    expect(isCumulocityError(error, 'InboundAuthError') && error.reason).toBe('malformed');
  });
});

describe('getUserClient: the cache', () => {
  const alice = { authorization: basic('t100/alice', 'pw-a') };
  const bob = { authorization: basic('t100/bob', 'pw-b') };
  const carol = { authorization: basic('t100/carol', 'pw-c') };

  it('the same credentials get the same client; other credentials (even of the same user) another', () => {
    const simple = app();
    const first = simple.getUserClient(alice);
    expect(simple.getUserClient({ Authorization: basic('t100/alice', 'pw-a') })).toBe(first);
    expect(simple.getUserClient({ authorization: basic('t100/alice', 'pw-changed') })).not.toBe(first);
    expect(simple.getUserClient({ authorization: basic('alice', 'pw-a') })).toBe(first); // same credentials once the tenant is added
    expect(simple.getUserClient({ authorization: basic('t100/alice', 'pw-a'), tfatoken: '123456' })).not.toBe(first);
    expect(simple.getUserClient(bob)).not.toBe(first);
  });

  it('the size bound evicts the least recently used client', () => {
    const simple = app({ userCache: { maxSize: 2 } });
    const a = simple.getUserClient(alice);
    const b = simple.getUserClient(bob);
    expect(simple.getUserClient(alice)).toBe(a); // alice is now the most recent
    simple.getUserClient(carol); // evicts bob
    expect(simple.getUserClient(alice)).toBe(a);
    expect(simple.getUserClient(bob)).not.toBe(b);
  });

  it('the TTL ends an entry (fake clock)', () => {
    jest.useFakeTimers({ now: new Date('2025-01-01T00:00:00Z') });
    const simple = app({ userCache: { ttl: '1m' } });
    const a = simple.getUserClient(alice);
    jest.advanceTimersByTime(59_999);
    expect(simple.getUserClient(alice)).toBe(a);
    jest.advanceTimersByTime(1);
    const renewed = simple.getUserClient(alice);
    expect(renewed).not.toBe(a);
    expect(simple.getUserClient(alice)).toBe(renewed);
  });

  it("a token's expiry ends its entry before the TTL; an expired token is never cached", () => {
    jest.useFakeTimers({ now: new Date('2025-01-01T00:00:00Z') });
    const now = Date.now() / 1000;
    const simple = app({ userCache: { ttl: '10m' } });
    const soon = { authorization: `Bearer ${jwt({ ten: 't100', sub: 'alice', exp: now + 30 })}` };
    const first = simple.getUserClient(soon);
    jest.advanceTimersByTime(29_000);
    expect(simple.getUserClient(soon)).toBe(first);
    jest.advanceTimersByTime(1_000);
    expect(simple.getUserClient(soon)).not.toBe(first);
    const expired = { authorization: `Bearer ${jwt({ ten: 't100', sub: 'alice', exp: now - 1 })}` };
    expect(simple.getUserClient(expired)).not.toBe(simple.getUserClient(expired));
  });

  it('clearUserCache drops one user, or everyone', () => {
    const simple = app();
    const a = simple.getUserClient(alice);
    const b = simple.getUserClient(bob);
    simple.clearUserCache({ username: 'alice' });
    expect(simple.getUserClient(bob)).toBe(b);
    const a2 = simple.getUserClient(alice);
    expect(a2).not.toBe(a);
    simple.clearUserCache();
    expect(simple.getUserClient(alice)).not.toBe(a2);
    expect(simple.getUserClient(bob)).not.toBe(b);
  });

  it('after close() getUserClient is an AppClosedError', async () => {
    const simple = app();
    await simple.close();
    const error = await caught(() => simple.getUserClient(alice));
    expect(isCumulocityError(error, 'AppClosedError')).toBe(true);
    expect((error as Error).message).toBe('getUserClient: the app is closed');
  });
});

describe('isolation under concurrency', () => {
  it.each([100, 30, 16])('200 parallel requests of 40 callers (Basic, Bearer, cookie; pairs share a user name; cache size %i): each sent its own credentials', async (maxSize) => {
    const simple = app({ userCache: { maxSize } });
    const callers = Array.from({ length: 40 }, (_, i) => {
      const name = `user${i % 20}`; // user0 … user19, each twice with other credentials
      if (i % 3 === 0) return { headers: { authorization: basic(`t100/${name}`, `pw-${i}`) }, expected: { authorization: basic(`t100/${name}`, `pw-${i}`) } };
      const token = jwt({ ten: 't100', sub: name, exp: 4_000_000_000, n: i });
      if (i % 3 === 1) return { headers: { authorization: `Bearer ${token}` }, expected: { authorization: `Bearer ${token}` } };
      return { headers: { cookie: `authorization=${token}`, 'x-xsrf-token': `xsrf-${i}` }, expected: { cookie: `authorization=${token}`, xsrf: `xsrf-${i}` } };
    });
    echo(200);
    const results = await Promise.all(
      Array.from({ length: 200 }, async (_, n) => {
        const caller = callers[(n * 7) % callers.length]!;
        await Promise.resolve(); // interleave the cache lookups
        const reply = await simple.getUserClient(caller.headers).get(`/probe/${n}`);
        return { reply, expected: { ...caller.expected, key: 'hello-key' } };
      }),
    );
    for (const { reply, expected } of results) expect(reply).toEqual(expected);
  });
});
