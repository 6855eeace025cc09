import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { BasicAuth, BearerAuth, CookieAuth } from '@c8y/rest-core';
import { CredentialDigest } from '../src/credential-digest.js';
import { TtlCache } from '../src/ttl-cache.js';
import { jwt } from './helpers.js';

// The building blocks of the client caches: the bounded map and the credential digest.

afterEach(() => {
  jest.useRealTimers();
});

describe('TtlCache', () => {
  it('evicts the least recently used entry beyond maxSize; get() refreshes recency', () => {
    jest.useFakeTimers({ now: 1_000_000 });
    const cache = new TtlCache<string, number>(2);
    const later = 1_000_000 + 60_000; // a minute after the fake clock starts: nothing expires during the test
    cache.set('a', 1, later);
    cache.set('b', 2, later);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3, later);
    expect([cache.get('a'), cache.get('b'), cache.get('c'), cache.size]).toEqual([1, undefined, 3, 2]);
  });

  it('an entry is gone at its expiry; expired entries are swept before a live one is evicted (fake clock)', () => {
    jest.useFakeTimers({ now: 1_000_000 });
    const cache = new TtlCache<string, number>(2);
    cache.set('short', 1, Date.now() + 1_000);
    cache.set('long', 2, Date.now() + 60_000);
    jest.advanceTimersByTime(999);
    expect(cache.get('short')).toBe(1);
    jest.advanceTimersByTime(1);
    cache.set('new', 3, Date.now() + 60_000); // 'short' expired: swept, 'long' stays although older than 'short' was used
    expect([cache.get('short'), cache.get('long'), cache.get('new')]).toEqual([undefined, 2, 3]);
  });

  it('deleteWhere and clear', () => {
    jest.useFakeTimers({ now: 1_000_000 });
    const cache = new TtlCache<string, number>(10);
    const later = 1_000_000 + 60_000; // a minute after the fake clock starts: nothing expires during the test
    for (const key of ['t1|a', 't1|b', 't2|a']) cache.set(key, 1, later);
    cache.deleteWhere((key) => key.startsWith('t1|'));
    expect([cache.get('t1|a'), cache.get('t1|b'), cache.get('t2|a')]).toEqual([undefined, undefined, 1]);
    cache.clear();
    expect(cache.size).toBe(0);
  });
});

describe('CredentialDigest', () => {
  it('equal for the same credentials, different for any other credential, TFA token or tenant', () => {
    const digest = new CredentialDigest();
    const of = (auth: BasicAuth | BearerAuth | CookieAuth, tenant?: string) => digest.ofAuth(auth, tenant);
    const token = jwt({ ten: 't1', sub: 'a' });
    const all = [
      of(new BasicAuth('t1/a', 'pw')),
      of(new BasicAuth('t1/a', 'pw2')),
      of(new BasicAuth('t1/a', 'pw', { tfaToken: '123456' })),
      of(new BasicAuth('a', 'pw'), 't2'),
      of(new BearerAuth(token)),
      of(new CookieAuth({ token, xsrfToken: 'x1' })),
      of(new CookieAuth({ token, xsrfToken: 'x2' })),
    ];
    expect(new Set(all).size).toBe(all.length);
    expect(of(new BasicAuth('a', 'pw'), 't1')).toBe(all[0]);
  });

  it('keyed per instance, and never the credentials or their base64', () => {
    const auth = new BasicAuth('t1/alice', 'correct horse');
    const one = new CredentialDigest().ofAuth(auth, undefined);
    const two = new CredentialDigest().ofAuth(auth, undefined);
    expect(one).not.toBe(two);
    expect(one).toMatch(/^[A-Za-z0-9_-]{43}$/);
    for (const digest of [one, two]) {
      expect(digest).not.toContain('horse');
      expect(digest).not.toContain(Buffer.from('t1/alice:correct horse').toString('base64').slice(0, 12));
    }
  });
});
