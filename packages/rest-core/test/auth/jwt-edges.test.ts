import { describe, expect, it } from '@jest/globals';
import { decodeJwtClaims, describeClaims, expiryOf, isExpiredAt } from '../../src/auth/jwt.js';
import { base64url, makeJwt } from './helpers.js';

/** A JWT whose payload is the given raw JSON text. */
const rawJwt = (payload: string) => `${base64url('{"alg":"none"}')}.${base64url(payload)}.c2ln`;

describe('decodeJwtClaims: claim types', () => {
  it.each(['sub', 'ten', 'iss', 'jti', 'tci', 'xsrfToken'])('keeps a string %s and leaves out a non-string one', (name) => {
    expect(decodeJwtClaims(makeJwt({ [name]: 'text' }))).toEqual({ [name]: 'text' });
    expect(decodeJwtClaims(makeJwt({ [name]: 5, other: 1 }))).toEqual({ other: 1 });
  });

  it.each(['exp', 'iat', 'nbf'])('keeps a finite number %s and leaves out a string or infinite one', (name) => {
    expect(decodeJwtClaims(makeJwt({ [name]: 1_768_435_200 }))).toEqual({ [name]: 1_768_435_200 });
    expect(decodeJwtClaims(makeJwt({ [name]: '1768435200', other: 1 }))).toEqual({ other: 1 });
    // 1e999 parses to Infinity
    expect(decodeJwtClaims(rawJwt(`{"${name}":1e999,"other":1}`))).toEqual({ other: 1 });
  });

  it('keeps a boolean tfa only', () => {
    expect(decodeJwtClaims(makeJwt({ tfa: true }))).toEqual({ tfa: true });
    expect(decodeJwtClaims(makeJwt({ tfa: 'true', other: 1 }))).toEqual({ other: 1 });
  });

  it('keeps aud as a string or an array of strings only', () => {
    expect(decodeJwtClaims(makeJwt({ aud: 'c8y' }))).toEqual({ aud: 'c8y' });
    expect(decodeJwtClaims(makeJwt({ aud: ['a', 'b'] }))).toEqual({ aud: ['a', 'b'] });
    expect(decodeJwtClaims(makeJwt({ aud: [] }))).toEqual({ aud: [] });
    expect(decodeJwtClaims(makeJwt({ aud: 5, other: 1 }))).toEqual({ other: 1 });
    expect(decodeJwtClaims(makeJwt({ aud: ['a', 5], other: 1 }))).toEqual({ other: 1 });
    expect(decodeJwtClaims(makeJwt({ aud: [5], other: 1 }))).toEqual({ other: 1 });
  });

  it('keeps any other claim as it is, and freezes the result', () => {
    const claims = decodeJwtClaims(makeJwt({ custom: { nested: [1] }, n: null }));
    expect(claims).toEqual({ custom: { nested: [1] }, n: null });
    expect(Object.isFrozen(claims)).toBe(true);
  });
});

describe('decodeJwtClaims: not a JWT', () => {
  const payload = base64url(JSON.stringify({ sub: 'admin' }));

  it('returns undefined for a non-string without throwing', () => {
    expect(decodeJwtClaims(5 as unknown as string)).toBeUndefined();
    expect(decodeJwtClaims(undefined as unknown as string)).toBeUndefined();
  });

  it('needs exactly three parts', () => {
    expect(decodeJwtClaims(`h.${payload}`)).toBeUndefined();
    expect(decodeJwtClaims(`h.${payload}.sig.extra`)).toBeUndefined();
    expect(decodeJwtClaims(payload)).toBeUndefined();
  });

  it('needs a header and a payload; the signature may be empty (an unsecured JWT)', () => {
    expect(decodeJwtClaims(`.${payload}.sig`)).toBeUndefined();
    expect(decodeJwtClaims(`h..sig`)).toBeUndefined();
    expect(decodeJwtClaims(`h.${payload}.`)).toEqual({ sub: 'admin' });
  });

  it('needs a base64url payload of UTF-8 JSON holding an object', () => {
    expect(decodeJwtClaims(`h.${payload}!.sig`)).toBeUndefined();
    expect(decodeJwtClaims(`h.${Buffer.from([0xff, 0xfe]).toString('base64url')}.sig`)).toBeUndefined();
    expect(decodeJwtClaims(rawJwt('{"sub":'))).toBeUndefined();
    expect(decodeJwtClaims(rawJwt('null'))).toBeUndefined();
    expect(decodeJwtClaims(rawJwt('[1]'))).toBeUndefined();
    expect(decodeJwtClaims(rawJwt('"text"'))).toBeUndefined();
    expect(decodeJwtClaims(rawJwt('{}'))).toEqual({});
  });
});

describe('expiry', () => {
  const exp = 1_768_435_200; // 2026-01-15T00:00:00.000Z

  it('expiryOf: exp as a Date, undefined without exp or when out of the Date range', () => {
    expect(expiryOf({ exp })?.toISOString()).toBe('2026-01-15T00:00:00.000Z');
    expect(expiryOf({})).toBeUndefined();
    expect(expiryOf(undefined)).toBeUndefined();
    expect(expiryOf({ exp: 1e20 })).toBeUndefined();
  });

  it('isExpiredAt: expired at and after exp, not before; never without exp', () => {
    expect(isExpiredAt({ exp }, exp * 1000)).toBe(true);
    expect(isExpiredAt({ exp }, exp * 1000 - 1)).toBe(false);
    expect(isExpiredAt({ exp }, new Date(exp * 1000))).toBe(true);
    expect(isExpiredAt({ exp }, new Date(exp * 1000 - 1))).toBe(false);
    expect(isExpiredAt({}, Number.MAX_SAFE_INTEGER)).toBe(false);
    expect(isExpiredAt(undefined, Number.MAX_SAFE_INTEGER)).toBe(false);
  });

  it('describeClaims: tenant/user and expiry, whatever of them is known', () => {
    expect(describeClaims(undefined)).toBe('opaque token');
    expect(describeClaims({})).toBe('JWT');
    expect(describeClaims({ ten: 't100' })).toBe('t100');
    expect(describeClaims({ sub: 'admin' })).toBe('admin');
    expect(describeClaims({ ten: 't100', sub: 'admin' })).toBe('t100/admin');
    expect(describeClaims({ exp })).toBe('JWT, expires 2026-01-15T00:00:00.000Z');
    expect(describeClaims({ ten: 't100', sub: 'admin', exp })).toBe('t100/admin, expires 2026-01-15T00:00:00.000Z');
  });
});
