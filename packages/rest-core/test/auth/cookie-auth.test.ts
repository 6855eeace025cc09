import { describe, expect, it } from '@jest/globals';
import { inspect } from 'node:util';
import { BearerAuth, CookieAuth } from '../../src/auth/index.js';
import { makeJwt } from './helpers.js';

const token = makeJwt({ sub: 'admin', ten: 't100', exp: 1_768_435_200, xsrfToken: 'from-claim' });

describe('CookieAuth', () => {
  it('sends Cookie: authorization=<token> and X-XSRF-TOKEN', () => {
    const headers = new Headers({ Cookie: 'other=1' });
    new CookieAuth({ token, xsrfToken: 'xsrf-1' }).authorize(headers);
    expect(headers.get('cookie')).toBe(`authorization=${token}`);
    expect(headers.get('x-xsrf-token')).toBe('xsrf-1');
    expect(headers.has('authorization')).toBe(false);
    expect(headers.has('tfatoken')).toBe(false);
  });

  it('does not take the XSRF token from the JWT claim by itself', () => {
    const headers = new Headers();
    new CookieAuth({ token }).authorize(headers);
    expect(headers.get('cookie')).toBe(`authorization=${token}`);
    expect(headers.has('x-xsrf-token')).toBe(false);
  });

  it('sends only X-XSRF-TOKEN when the token is unknown (browser: the cookie jar sends the cookie)', () => {
    const auth = new CookieAuth({ xsrfToken: 'xsrf-2' });
    const headers = new Headers();
    auth.authorize(headers);
    expect([...headers.entries()]).toEqual([['x-xsrf-token', 'xsrf-2']]);
    expect(auth.hasToken).toBe(false);
    expect(auth.tenantId).toBeUndefined();
    expect(String(auth)).toBe('CookieAuth(browser cookie)');
    expect(() => auth.toBearer()).toThrow(expect.objectContaining({ name: 'InvalidInputError', path: 'token' }));
  });

  it('adds TFAToken when given', () => {
    const headers = new Headers();
    new CookieAuth({ token, xsrfToken: 'x', tfaToken: 'tfa-9' }).authorize(headers);
    expect(headers.get('tfatoken')).toBe('tfa-9');
  });

  it('reads tenant, user and expiry from the JWT', () => {
    const auth = new CookieAuth({ token, xsrfToken: 'x' });
    expect(auth.hasToken).toBe(true);
    expect(auth.tenantId).toBe('t100');
    expect(auth.username).toBe('admin');
    expect(auth.expiresAt?.toISOString()).toBe('2026-01-15T00:00:00.000Z');
    expect(auth.isExpired(Date.UTC(2026, 0, 14))).toBe(false);
    expect(auth.isExpired(Date.UTC(2026, 0, 16))).toBe(true);
    expect(auth.claims?.sub).toBe('admin');
  });

  it('toBearer() gives a BearerAuth of the same token', () => {
    const bearer = new CookieAuth({ token, xsrfToken: 'x', tfaToken: 'tfa-9' }).toBearer();
    expect(bearer).toBeInstanceOf(BearerAuth);
    const headers = new Headers();
    bearer.authorize(headers);
    expect(headers.get('authorization')).toBe(`Bearer ${token}`);
    expect(headers.get('tfatoken')).toBe('tfa-9');
    expect(headers.has('x-xsrf-token')).toBe(false);
    expect(bearer.tenantId).toBe('t100');
  });

  it.each([
    ['neither token nor XSRF token', {}, 'options'],
    ['an empty token', { token: '' }, 'options.token'],
    ['a token with ";"', { token: 'a;b' }, 'options.token'],
    ['an XSRF token with LF', { token, xsrfToken: 'a\nb' }, 'options.xsrfToken'],
  ])('rejects %s', (_name, options, path) => {
    expect(() => new CookieAuth(options)).toThrow(expect.objectContaining({ name: 'InvalidInputError', path }));
  });

  it('never shows the tokens in String, JSON or inspect', () => {
    const auth = new CookieAuth({ token, xsrfToken: 'XsrfSecret', tfaToken: 'TfaSecret' });
    expect(String(auth)).toBe('CookieAuth(t100/admin, expires 2026-01-15T00:00:00.000Z)');
    expect(JSON.parse(JSON.stringify(auth))).toEqual({
      type: 'CookieAuth',
      tenantId: 't100',
      username: 'admin',
      expiresAt: '2026-01-15T00:00:00.000Z',
    });
    for (const text of [String(auth), JSON.stringify([auth]), inspect(auth), inspect({ auth }, { showHidden: true })]) {
      expect(text).not.toContain(token.split('.')[1]);
      expect(text).not.toContain('XsrfSecret');
      expect(text).not.toContain('TfaSecret');
    }
  });
});
