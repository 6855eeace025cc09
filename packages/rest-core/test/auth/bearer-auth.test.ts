import { describe, expect, it } from '@jest/globals';
import { inspect } from 'node:util';
import { BearerAuth, decodeJwtClaims } from '../../src/auth/index.js';
import { isCumulocityError } from '../../src/errors/index.js';
import { base64url, makeJwt } from './helpers.js';

// The claim set of an OAI-Secure token (DOCS-MS-SECURITY example shape).
const claims = {
  jti: 'a5e4f6d1',
  iss: 'mytenant.cumulocity.com',
  aud: 'mytenant.cumulocity.com',
  sub: 'admin',
  tci: '0e1c5b1e',
  iat: 1_767_225_600,
  nbf: 1_767_225_600,
  exp: 1_768_435_200, // 2026-01-15T00:00:00Z
  tfa: false,
  ten: 't100',
  xsrfToken: 'xsrf-abc',
};

describe('decodeJwtClaims', () => {
  it('reads the claims of a JWT', () => {
    expect(decodeJwtClaims(makeJwt(claims))).toEqual(claims);
  });

  it('decodes base64url payloads that use - and _ and no padding', () => {
    // '?>?' encodes to 'Pz4/' in base64 and 'Pz4_' in base64url; 'ÿÿ' bytes give '-' and '_'.
    const payload = { sub: 'ÿ?>?ÿ~', ten: 't1' };
    const segment = base64url(JSON.stringify(payload));
    expect(segment).toMatch(/[-_]/);
    expect(segment).not.toMatch(/[+/=]/);
    expect(decodeJwtClaims(`e30.${segment}.sig`)).toEqual(payload);
  });

  it('decodes UTF-8 claims', () => {
    expect(decodeJwtClaims(makeJwt({ sub: 'jürgen€😀', ten: 't1' }))?.sub).toBe('jürgen€😀');
  });

  it('accepts an unsigned token (empty signature part)', () => {
    expect(decodeJwtClaims(`${base64url('{"alg":"none"}')}.${base64url('{"sub":"u"}')}.`)).toEqual({ sub: 'u' });
  });

  it.each([
    ['an opaque token', 'opaque-token-value'],
    ['two parts', 'aaa.bbb'],
    ['four parts', 'a.b.c.d'],
    ['an empty payload part', 'e30..sig'],
    ['payload not base64url', 'e30.###.sig'],
    ['payload with an impossible length', 'e30.abcde.sig'],
    ['payload not JSON', `e30.${base64url('not json')}.sig`],
    ['payload a JSON array', `e30.${base64url('[1,2]')}.sig`],
    ['payload a JSON string', `e30.${base64url('"x"')}.sig`],
    ['payload null', `e30.${base64url('null')}.sig`],
    ['payload not UTF-8', `e30.${Buffer.from([0x7b, 0xff, 0x7d]).toString('base64url')}.sig`],
    ['an empty string', ''],
  ])('returns undefined for %s', (_name, token) => {
    expect(decodeJwtClaims(token)).toBeUndefined();
  });

  it('drops well-known claims of the wrong type and keeps custom claims', () => {
    const decoded = decodeJwtClaims(makeJwt({ sub: 42, ten: 't1', exp: '2026', tfa: 'yes', aud: ['a', 'b'], custom: { x: 1 } }));
    expect(decoded).toEqual({ ten: 't1', aud: ['a', 'b'], custom: { x: 1 } });
  });

  it('returns frozen claims', () => {
    expect(Object.isFrozen(decodeJwtClaims(makeJwt(claims)))).toBe(true);
  });
});

describe('BearerAuth', () => {
  const token = makeJwt(claims);

  it('sets Authorization: Bearer <token>', () => {
    const headers = new Headers();
    new BearerAuth(token).authorize(headers);
    expect(headers.get('authorization')).toBe(`Bearer ${token}`);
    expect([...headers.keys()]).toEqual(['authorization']);
  });

  it('adds TFAToken when given', () => {
    const headers = new Headers();
    new BearerAuth(token, { tfaToken: 'tfa-1' }).authorize(headers);
    expect(headers.get('tfatoken')).toBe('tfa-1');
  });

  it('exposes tenant (ten), user (sub), expiry (exp) and claims', () => {
    const auth = new BearerAuth(token);
    expect(auth.tenantId).toBe('t100');
    expect(auth.username).toBe('admin');
    expect(auth.expiresAt?.toISOString()).toBe('2026-01-15T00:00:00.000Z');
    expect(auth.claims?.xsrfToken).toBe('xsrf-abc');
  });

  it('isExpired compares exp with now (Date or epoch milliseconds)', () => {
    const auth = new BearerAuth(token);
    expect(auth.isExpired(new Date('2026-01-14T23:59:59.999Z'))).toBe(false);
    expect(auth.isExpired(new Date('2026-01-15T00:00:00.000Z'))).toBe(true);
    expect(auth.isExpired(Date.UTC(2027, 0, 1))).toBe(true);
    expect(new BearerAuth(makeJwt({ ...claims, exp: Math.floor(Date.now() / 1000) + 3600 })).isExpired()).toBe(false);
    expect(new BearerAuth(makeJwt({ ...claims, exp: Math.floor(Date.now() / 1000) - 1 })).isExpired()).toBe(true);
  });

  it('treats a token without exp as not expired and without expiry', () => {
    const auth = new BearerAuth(makeJwt({ sub: 'u', ten: 't1' }));
    expect(auth.expiresAt).toBeUndefined();
    expect(auth.isExpired(Date.UTC(3000, 0, 1))).toBe(false);
  });

  it('accepts an opaque (non-JWT) token: claims undefined', () => {
    const auth = new BearerAuth('opaque~token+value/==');
    const headers = new Headers();
    auth.authorize(headers);
    expect(headers.get('authorization')).toBe('Bearer opaque~token+value/==');
    expect(auth.claims).toBeUndefined();
    expect(auth.tenantId).toBeUndefined();
    expect(auth.username).toBeUndefined();
    expect(auth.expiresAt).toBeUndefined();
    expect(auth.isExpired()).toBe(false);
    expect(String(auth)).toBe('BearerAuth(opaque token)');
  });

  it.each([
    ['empty', '', 'token'],
    ['with a Bearer prefix', `Bearer ${makeJwt(claims)}`, 'token'],
    ['with LF', 'abc\ndef', 'token'],
    ['with a semicolon', 'abc;def', 'token'],
  ])('rejects a token %s with InvalidInputError', (_name, value, path) => {
    expect(() => new BearerAuth(value)).toThrow(expect.objectContaining({ name: 'InvalidInputError', path }));
    try {
      new BearerAuth(value);
    } catch (error) {
      expect(isCumulocityError(error, 'InvalidInputError')).toBe(true);
      if (value !== '') expect((error as Error).message).not.toContain(value);
    }
  });

  it('never shows the token in String, JSON or inspect', () => {
    const auth = new BearerAuth(token, { tfaToken: 'TfaSecret' });
    const signature = token.split('.')[2]!;
    expect(String(auth)).toBe('BearerAuth(t100/admin, expires 2026-01-15T00:00:00.000Z)');
    expect(JSON.parse(JSON.stringify(auth))).toEqual({
      type: 'BearerAuth',
      tenantId: 't100',
      username: 'admin',
      expiresAt: '2026-01-15T00:00:00.000Z',
    });
    for (const text of [String(auth), JSON.stringify({ auth }), inspect(auth), inspect({ auth }, { showHidden: true })]) {
      expect(text).not.toContain(token);
      expect(text).not.toContain(signature);
      expect(text).not.toContain('TfaSecret');
    }
  });
});
