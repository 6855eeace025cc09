import { describe, expect, it } from '@jest/globals';
import { inspect } from 'node:util';
import { BasicAuth } from '../../src/auth/index.js';
import { isCumulocityError } from '../../src/errors/index.js';
import { decodeBasic } from './helpers.js';

function authorizationOf(auth: BasicAuth, tenantId?: string): string | null {
  const headers = new Headers();
  auth.authorize(headers, tenantId === undefined ? {} : { tenantId });
  return headers.get('authorization');
}

describe('BasicAuth header bytes', () => {
  it('matches the documented example (OAS: t0071234/testuser:secret123)', () => {
    expect(authorizationOf(new BasicAuth('t0071234/testuser', 'secret123'))).toBe('Basic dDAwNzEyMzQvdGVzdHVzZXI6c2VjcmV0MTIz');
  });

  it('encodes ASCII credentials', () => {
    expect(authorizationOf(new BasicAuth('t100/admin', 'pa:ss word'))).toBe(
      `Basic ${Buffer.from('t100/admin:pa:ss word', 'ascii').toString('base64')}`,
    );
  });

  it('encodes non-ASCII user names and passwords as UTF-8 bytes', () => {
    const header = authorizationOf(new BasicAuth('t100/jürgen', 'p€ss'));
    // ü = C3 BC, € = E2 82 AC
    expect(header).toBe('Basic dDEwMC9qw7xyZ2VuOnDigqxzcw==');
    expect(Buffer.from(header!.slice(6), 'base64')).toEqual(
      Buffer.from([...Buffer.from('t100/j'), 0xc3, 0xbc, ...Buffer.from('rgen:p'), 0xe2, 0x82, 0xac, ...Buffer.from('ss')]),
    );
  });

  it('encodes characters outside the BMP (surrogate pairs) as 4-byte UTF-8', () => {
    expect(decodeBasic(authorizationOf(new BasicAuth('t1/u', 'x😀y')))).toBe('t1/u:x😀y');
  });

  it('adds TFAToken when given', () => {
    const headers = new Headers();
    new BasicAuth('t1/u', 'p', { tfaToken: 'tfa-123' }).authorize(headers, {});
    expect(headers.get('tfatoken')).toBe('tfa-123');
    const without = new Headers();
    new BasicAuth('t1/u', 'p').authorize(without, {});
    expect(without.has('tfatoken')).toBe(false);
  });
});

describe('BasicAuth tenant prefix', () => {
  it('splits tenant/user', () => {
    const auth = new BasicAuth('t100/admin', 'secret');
    expect(auth.tenantId).toBe('t100');
    expect(auth.username).toBe('admin');
  });

  it('splits at the first slash only', () => {
    const auth = new BasicAuth('management/devicebootstrap', 'pw');
    expect(auth.tenantId).toBe('management');
    expect(auth.username).toBe('devicebootstrap');
  });

  it('has no tenant for a bare user name and sends it bare when nobody knows the tenant', () => {
    const auth = new BasicAuth('admin', 'secret');
    expect(auth.tenantId).toBeUndefined();
    expect(decodeBasic(authorizationOf(auth))).toBe('admin:secret');
    expect(decodeBasic(authorizationOf(auth, ''))).toBe('admin:secret');
  });

  it('prefixes the tenant from the context', () => {
    expect(decodeBasic(authorizationOf(new BasicAuth('admin', 'secret'), 't200'))).toBe('t200/admin:secret');
  });

  it('one instance follows the context from call to call (the header is not stuck on the first tenant)', () => {
    const auth = new BasicAuth('admin', 'secret');
    expect(decodeBasic(authorizationOf(auth, 't200'))).toBe('t200/admin:secret');
    expect(decodeBasic(authorizationOf(auth, 't200'))).toBe('t200/admin:secret');
    expect(decodeBasic(authorizationOf(auth, 't300'))).toBe('t300/admin:secret');
    expect(decodeBasic(authorizationOf(auth))).toBe('admin:secret');
    expect(decodeBasic(authorizationOf(auth, 't200'))).toBe('t200/admin:secret');
  });

  it('prefixes the tenant from the options, which win over the context', () => {
    const auth = new BasicAuth('admin', 'secret', { tenantId: 't100' });
    expect(auth.tenantId).toBe('t100');
    expect(auth.username).toBe('admin');
    expect(decodeBasic(authorizationOf(auth))).toBe('t100/admin:secret');
    expect(decodeBasic(authorizationOf(auth, 't200'))).toBe('t100/admin:secret');
  });

  it('keeps the tenant in the user name over the context', () => {
    expect(decodeBasic(authorizationOf(new BasicAuth('t100/admin', 'secret'), 't200'))).toBe('t100/admin:secret');
  });

  it('accepts options.tenantId equal to the prefix, rejects a different one', () => {
    expect(decodeBasic(authorizationOf(new BasicAuth('t100/admin', 's', { tenantId: 't100' })))).toBe('t100/admin:s');
    expect(() => new BasicAuth('t100/admin', 's', { tenantId: 't200' })).toThrow(/options\.tenantId: does not match the tenant "t100"/);
  });
});

describe('BasicAuth validation', () => {
  const cases: Array<[string, () => unknown, string]> = [
    ['empty username', () => new BasicAuth('', 'secret'), 'username'],
    ['empty password', () => new BasicAuth('admin', ''), 'password'],
    ['CR in username', () => new BasicAuth('ad\rmin', 'secret'), 'username'],
    ['LF in password', () => new BasicAuth('admin', 'sec\nret'), 'password'],
    ['CRLF at the end of the password', () => new BasicAuth('admin', 'secret\r\n'), 'password'],
    ['colon in username', () => new BasicAuth('ad:min', 'secret'), 'username'],
    ['empty tenant before /', () => new BasicAuth('/admin', 'secret'), 'username'],
    ['empty user after /', () => new BasicAuth('t100/', 'secret'), 'username'],
    ['empty options.tenantId', () => new BasicAuth('admin', 'secret', { tenantId: '' }), 'options.tenantId'],
    ['slash in options.tenantId', () => new BasicAuth('admin', 'secret', { tenantId: 'a/b' }), 'options.tenantId'],
    ['LF in tfaToken', () => new BasicAuth('admin', 'secret', { tfaToken: 'a\nb' }), 'options.tfaToken'],
    ['lone high surrogate in password', () => new BasicAuth('admin', 'se\uD800cret'), 'password'],
    ['lone high surrogate at the end of the password', () => new BasicAuth('admin', 'secret\uD83D'), 'password'],
    ['lone low surrogate in username', () => new BasicAuth('ad\uDE00min', 'secret'), 'username'],
    ['non-string password', () => new BasicAuth('admin', 42 as unknown as string), 'password'],
  ];

  it.each(cases)('rejects %s with InvalidInputError naming the field', (_name, build, path) => {
    let caught: unknown;
    try {
      build();
    } catch (error) {
      caught = error;
    }
    expect(isCumulocityError(caught, 'InvalidInputError')).toBe(true);
    expect((caught as { path?: string }).path).toBe(path);
    expect((caught as Error).message.startsWith(`${path}: `)).toBe(true);
    expect((caught as Error).message).not.toContain('secret');
  });
});

describe('BasicAuth keeps the password secret', () => {
  const auth = new BasicAuth('t100/admin', 'Sup3r-S3cret!', { tfaToken: 'TfaT0ken' });

  it('JSON.stringify shows tenant and user only', () => {
    const json = JSON.stringify(auth);
    expect(JSON.parse(json)).toEqual({ type: 'BasicAuth', tenantId: 't100', username: 'admin' });
    expect(json).not.toContain('Sup3r-S3cret!');
    expect(JSON.stringify({ nested: [auth] })).not.toContain('Sup3r-S3cret!');
  });

  it('String() and template literals show tenant and user only', () => {
    expect(String(auth)).toBe('BasicAuth(t100/admin)');
    expect(`${auth}`).toBe('BasicAuth(t100/admin)');
    expect(String(new BasicAuth('admin', 'x'))).toBe('BasicAuth(admin)');
  });

  it('util.inspect (console.log) shows no secret, also nested and with showHidden', () => {
    for (const text of [inspect(auth), inspect({ auth }, { depth: 5 }), inspect(auth, { showHidden: true })]) {
      expect(text).toContain('BasicAuth(t100/admin)');
      expect(text).not.toContain('Sup3r-S3cret!');
      expect(text).not.toContain('TfaT0ken');
    }
  });

  it('has no enumerable own properties that could leak', () => {
    expect(Object.keys(auth)).toEqual([]);
    expect(Object.getOwnPropertyNames(auth)).toEqual([]);
  });
});
