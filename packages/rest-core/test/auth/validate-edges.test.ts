import { describe, expect, it } from '@jest/globals';
import { BasicAuth, BearerAuth, CookieAuth, OaiSecureUnavailableError } from '../../src/auth/index.js';
import { assertSecretText, assertTenantId, assertToken, splitTenantUser, underPath } from '../../src/auth/validate.js';
import { InvalidInputError } from '../../src/errors/invalid-input-error.js';
import { invalid, makeJwt } from './helpers.js';

const expectInvalid = (run: () => unknown, path: string, message: string) => {
  const error = invalid(run);
  expect(error.path).toBe(path);
  expect(error.message).toBe(`${path}: ${message}`);
};

describe('assertSecretText / assertToken / assertTenantId', () => {
  it('names the field and the problem, never the value', () => {
    expectInvalid(() => assertSecretText(5, 'password'), 'password', 'must be a string');
    expectInvalid(() => assertSecretText('', 'password'), 'password', 'must not be empty');
    expectInvalid(() => assertSecretText('se\ncret', 'password'), 'password', 'must not contain CR, LF or NUL');
    expectInvalid(() => assertSecretText('se\rcret', 'password'), 'password', 'must not contain CR, LF or NUL');
    expectInvalid(() => assertSecretText('se\0cret', 'password'), 'password', 'must not contain CR, LF or NUL');
    expectInvalid(() => assertSecretText('se\ud800cret', 'password'), 'password', 'must be valid Unicode (it has a lone surrogate)');
    expect(() => assertSecretText('pä ss 😀;,', 'password')).not.toThrow();
  });

  it('a token has no whitespace, ";" or ","', () => {
    const message = 'must be the bare token: no spaces, ";" or "," (leave out any "Bearer " prefix)';
    expectInvalid(() => assertToken('Bearer abc', 'token'), 'token', message);
    expectInvalid(() => assertToken('a;b', 'token'), 'token', message);
    expectInvalid(() => assertToken('a,b', 'token'), 'token', message);
    expectInvalid(() => assertToken('a\tb', 'token'), 'token', message);
    expectInvalid(() => assertToken('', 'token'), 'token', 'must not be empty');
    expect(() => assertToken('abc.def-_~+/=', 'token')).not.toThrow();
  });

  it('a tenant id has no "/", ":" or whitespace', () => {
    const message = 'a tenant id must not contain "/", ":" or spaces';
    expectInvalid(() => assertTenantId('t1/x', 'tenantId'), 'tenantId', message);
    expectInvalid(() => assertTenantId('t1:x', 'tenantId'), 'tenantId', message);
    expectInvalid(() => assertTenantId('t1 x', 'tenantId'), 'tenantId', message);
    expectInvalid(() => assertTenantId('', 'tenantId'), 'tenantId', 'must not be empty');
    expect(() => assertTenantId('t100', 'tenantId')).not.toThrow();
  });
});

describe('splitTenantUser', () => {
  it('splits at the first "/"', () => {
    expect(splitTenantUser('admin', 'username')).toEqual({ user: 'admin' });
    expect(splitTenantUser('t100/admin', 'username')).toEqual({ tenantId: 't100', user: 'admin' });
    expect(splitTenantUser('t100/a/b', 'username')).toEqual({ tenantId: 't100', user: 'a/b' });
  });

  it('refuses an empty side or a bad tenant, under the given path', () => {
    expectInvalid(() => splitTenantUser('/admin', 'username'), 'username', 'the tenant before "/" is empty');
    expectInvalid(() => splitTenantUser('t100/', 'username'), 'username', 'the user name after "/" is empty');
    expectInvalid(() => splitTenantUser('t 1/admin', 'username'), 'username', 'a tenant id must not contain "/", ":" or spaces');
  });
});

describe('underPath', () => {
  it('re-throws an InvalidInputError under the path, keeping the message and the cause', () => {
    const inner = new InvalidInputError('must not be empty', { path: 'token' });
    const error = invalid(() =>
      underPath('headers.authorization', () => {
        throw inner;
      }),
    );
    expect(error.path).toBe('headers.authorization');
    expect(error.message).toBe('headers.authorization: token: must not be empty');
    expect(error.cause).toBe(inner);
    expect(underPath('x', () => 42)).toBe(42);
  });

  it('lets other errors through unchanged', () => {
    const other = new TypeError('boom');
    expect(() =>
      underPath('x', () => {
        throw other;
      }),
    ).toThrow(other);
  });
});

describe('strategy options', () => {
  const token = makeJwt({ sub: 'admin', ten: 't100' });

  it('BasicAuth refuses ":" in the user name', () => {
    // The hint once read 'Basic auth cannot carry it', which the redactor masked to 'Basic *** cannot…'.
    expectInvalid(() => new BasicAuth('ad:min', 'secret'), 'username', 'must not contain ":" ("Basic" credentials cannot carry it)');
  });

  it('BearerAuth and CookieAuth check the TFA token', () => {
    expectInvalid(() => new BearerAuth(token, { tfaToken: 'a\nb' }), 'options.tfaToken', 'must not contain CR, LF or NUL');
    expectInvalid(() => new CookieAuth({ token, tfaToken: '' }), 'options.tfaToken', 'must not be empty');
    expectInvalid(() => new CookieAuth({ xsrfToken: 'x', tfaToken: 'a\0b' }), 'options.tfaToken', 'must not contain CR, LF or NUL');
  });

  it('CookieAuth needs a token or an XSRF token', () => {
    expectInvalid(() => new CookieAuth({}), 'options', 'give the authorization cookie token, the XSRF token, or both');
  });

  it('CookieAuth.toBearer() without the token says why', () => {
    expectInvalid(() => new CookieAuth({ xsrfToken: 'x' }).toBearer(), 'token', 'the authorization cookie is not readable here (a browser keeps it HttpOnly)');
  });

  it('CookieAuth.toBearer() carries the TFA token, or none', () => {
    const withTfa = new Headers();
    new CookieAuth({ token, xsrfToken: 'x', tfaToken: 'tfa-1' }).toBearer().authorize(withTfa);
    expect([...withTfa]).toEqual([
      ['authorization', `Bearer ${token}`],
      ['tfatoken', 'tfa-1'],
    ]);
    const without = new Headers();
    new CookieAuth({ token }).toBearer().authorize(without);
    expect([...without]).toEqual([['authorization', `Bearer ${token}`]]);
  });
});

describe('OaiSecureUnavailableError', () => {
  const start = 'The tenant does not offer OAI-Secure login (OAUTH2_INTERNAL); its login options: ';

  it('lists the offered types and suggests BasicAuth when BASIC is among them', () => {
    const error = new OaiSecureUnavailableError(['BASIC', 'OAUTH2'], { method: 'GET', url: 'https://t.test/tenant/loginOptions' });
    expect(error.message).toBe(`${start}BASIC, OAUTH2. Use BasicAuth instead (GET https://t.test/tenant/loginOptions)`);
    expect(error.loginTypes).toEqual(['BASIC', 'OAUTH2']);
    expect(Object.isFrozen(error.loginTypes)).toBe(true);
  });

  it('says "none" for no options and points to SSO without BASIC', () => {
    expect(new OaiSecureUnavailableError([]).message).toBe(`${start}none. Log in through the SSO of the tenant instead`);
    expect(new OaiSecureUnavailableError(['OAUTH2']).message).toBe(`${start}OAUTH2. Log in through the SSO of the tenant instead`);
  });

  it('names the request only with both method and url', () => {
    expect(new OaiSecureUnavailableError(['BASIC'], { method: 'GET' }).message).toBe(`${start}BASIC. Use BasicAuth instead`);
    expect(new OaiSecureUnavailableError(['BASIC'], { url: 'https://t.test/x' }).message).toBe(`${start}BASIC. Use BasicAuth instead`);
  });
});
