import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import { inspect } from 'node:util';
import { authenticate, CookieAuth, OaiSecureUnavailableError, type AuthenticateOptions } from '../../src/auth/index.js';
import { isCumulocityError } from '../../src/errors/index.js';
import { makeJwt } from './helpers.js';

const BASE = 'https://mytenant.cumulocity.test';
const PASSWORD = 'Sup3r-S3cret!';
const token = makeJwt({ sub: 'admin', ten: 't100', exp: 1_768_435_200, xsrfToken: 'claim-xsrf' });

const oauthInternal = {
  id: '924997e5',
  type: 'OAUTH2_INTERNAL',
  _type: 'OAuth2Config',
  grantType: 'PASSWORD',
  userManagementSource: 'INTERNAL',
  visibleOnLoginPage: true,
  initRequest: `${BASE}/tenant/oauth?tenant_id=t100`,
};
const basicOption = {
  id: '4b62',
  type: 'BASIC',
  _type: 'BasicAuthConfig',
  userManagementSource: 'INTERNAL',
  visibleOnLoginPage: false,
  authenticationRestrictions: { forbiddenClients: 'WEB_BROWSERS' },
};
const loginOptions = (...options: object[]) => ({ self: `${BASE}/tenant/loginOptions`, loginOptions: options });
const loginCookies = [
  `authorization=${token}; Max-Age=1209600; Path=/; Secure; HttpOnly; SameSite=Lax`,
  'XSRF-TOKEN=xsrf-123; Max-Age=1209600; Path=/; Secure; SameSite=Lax',
];

interface Seen {
  method: string;
  path: string;
  body: string;
  headers: Record<string, string>;
}

/** Serves the login options and the oauth login, recording what arrived. */
function serveLogin(options: { origin?: string; prefix?: string; loginOptionsReply?: object; oauthStatus?: number; oauthBody?: object; cookies?: string[] } = {}) {
  const seen: Seen[] = [];
  const prefix = options.prefix ?? '';
  nock(options.origin ?? BASE)
    .get(new RegExp(`^${prefix}/tenant/loginOptions(\\?.*)?$`))
    .reply(function (uri) {
      seen.push({ method: 'GET', path: uri, body: '', headers: { ...this.req.headers } });
      return [200, options.loginOptionsReply ?? loginOptions(oauthInternal, basicOption), { 'Content-Type': 'application/vnd.com.nsn.cumulocity.loginoptioncollection+json' }];
    })
    .post(new RegExp(`^${prefix}/tenant/oauth(\\?.*)?$`))
    .reply(function (uri, body) {
      seen.push({ method: 'POST', path: uri, body: String(body), headers: { ...this.req.headers } });
      const status = options.oauthStatus ?? 200;
      if (status !== 200) return [status, options.oauthBody ?? {}, { 'Content-Type': 'application/vnd.com.nsn.cumulocity.error+json' }];
      return [200, '', { 'Set-Cookie': options.cookies ?? loginCookies }];
    });
  return seen;
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

function expectNoPassword(error: Error, password = PASSWORD) {
  const views = [error.message, String(error), error.stack ?? '', JSON.stringify(error), inspect(error, { depth: 10 })];
  for (const view of views) {
    expect(view).not.toContain(password);
    expect(view).not.toContain(encodeURIComponent(password));
  }
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  nock.cleanAll();
  delete (globalThis as { document?: unknown }).document;
});
afterAll(() => nock.enableNetConnect());

describe('authenticate: happy path', () => {
  it('checks the login options, posts the form and returns a CookieAuth from the cookies', async () => {
    const seen = serveLogin();
    const auth = await authenticate({ baseUrl: BASE, username: 'admin', password: PASSWORD });

    expect(seen.map(({ method, path }) => `${method} ${path}`)).toEqual(['GET /tenant/loginOptions', 'POST /tenant/oauth?tenant_id=t100']);
    expect(seen[0]!.headers['authorization']).toBeUndefined();
    expect(seen[1]!.body).toBe('grant_type=PASSWORD&username=admin&password=Sup3r-S3cret%21');
    expect(seen[1]!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(seen[1]!.headers['accept']).toBe('application/json');
    expect(seen[1]!.headers['authorization']).toBeUndefined();

    expect(auth).toBeInstanceOf(CookieAuth);
    expect(auth.tenantId).toBe('t100');
    expect(auth.username).toBe('admin');
    expect(auth.expiresAt?.toISOString()).toBe('2026-01-15T00:00:00.000Z');
    const headers = new Headers();
    auth.authorize(headers);
    expect(headers.get('cookie')).toBe(`authorization=${token}`);
    expect(headers.get('x-xsrf-token')).toBe('xsrf-123');
  });

  it('sends a given tenant id as tenantId to loginOptions and tenant_id to the login', async () => {
    const seen = serveLogin();
    await authenticate({ baseUrl: BASE, tenantId: 't200', username: 'admin', password: PASSWORD });
    expect(seen.map((s) => s.path)).toEqual(['/tenant/loginOptions?tenantId=t200', '/tenant/oauth?tenant_id=t200']);
  });

  it('takes the tenant from a tenant/user name and sends the bare user name', async () => {
    const seen = serveLogin();
    await authenticate({ baseUrl: BASE, username: 't300/admin', password: PASSWORD });
    expect(seen.map((s) => s.path)).toEqual(['/tenant/loginOptions?tenantId=t300', '/tenant/oauth?tenant_id=t300']);
    expect(seen[1]!.body).toBe('grant_type=PASSWORD&username=admin&password=Sup3r-S3cret%21');
  });

  it('sends no tenant_id when nothing names the tenant (the platform uses the domain)', async () => {
    const seen = serveLogin({ loginOptionsReply: loginOptions({ type: 'OAUTH2_INTERNAL' }) });
    await authenticate({ baseUrl: BASE, username: 'admin', password: PASSWORD });
    expect(seen.map((s) => s.path)).toEqual(['/tenant/loginOptions', '/tenant/oauth']);
  });

  it('form-encodes special characters and adds tfa_code', async () => {
    const seen = serveLogin();
    await authenticate({ baseUrl: BASE, username: 'jürgen+x@example.com', password: 'p&ss=w rd€', tfaCode: '123456' });
    expect(seen[1]!.body).toBe(
      'grant_type=PASSWORD&username=j%C3%BCrgen%2Bx%40example.com&password=p%26ss%3Dw+rd%E2%82%AC&tfa_code=123456',
    );
  });

  it('skips the login options with checkLoginOptions: false', async () => {
    const seen = serveLogin();
    await authenticate({ baseUrl: BASE, tenantId: 't100', username: 'admin', password: PASSWORD, checkLoginOptions: false });
    expect(seen.map((s) => `${s.method} ${s.path}`)).toEqual(['POST /tenant/oauth?tenant_id=t100']);
  });

  it.each([
    ['a bare host', 'mytenant.cumulocity.test', BASE, ''],
    ['a trailing slash', `${BASE}/`, BASE, ''],
    ['a path prefix', `${BASE}/c8y/`, BASE, '/c8y'],
    ['http and a port', 'http://127.0.0.1:8111', 'http://127.0.0.1:8111', ''],
  ])('normalises baseUrl with %s', async (_name, baseUrl, origin, prefix) => {
    const seen = serveLogin({ origin, prefix });
    await authenticate({ baseUrl, username: 'admin', password: PASSWORD });
    expect(seen.map((s) => s.path)).toEqual([`${prefix}/tenant/loginOptions`, `${prefix}/tenant/oauth?tenant_id=t100`]);
  });

  it('falls back to the JWT xsrfToken claim when no XSRF-TOKEN cookie is set', async () => {
    serveLogin({ cookies: [`authorization=${token}; Path=/; HttpOnly`] });
    const headers = new Headers();
    (await authenticate({ baseUrl: BASE, username: 'admin', password: PASSWORD })).authorize(headers);
    expect(headers.get('x-xsrf-token')).toBe('claim-xsrf');
  });

  it('uses the injected fetch, with a Request', async () => {
    const calls: string[] = [];
    const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
      const request = new Request(input, init);
      calls.push(`${request.method} ${request.url} ${await request.text()}`);
      if (request.method === 'GET') return Response.json(loginOptions(oauthInternal));
      return new Response(null, { status: 200, headers: loginCookies.map((c): [string, string] => ['set-cookie', c]) });
    };
    const auth = await authenticate({ baseUrl: BASE, username: 'admin', password: 'pw', fetch });
    expect(calls).toEqual([
      `GET ${BASE}/tenant/loginOptions `,
      `POST ${BASE}/tenant/oauth?tenant_id=t100 grant_type=PASSWORD&username=admin&password=pw`,
    ]);
    expect(auth.username).toBe('admin');
    const headers = new Headers();
    auth.authorize(headers);
    expect(headers.get('x-xsrf-token')).toBe('xsrf-123');
  });

  it('splits a joined Set-Cookie header when getSetCookie() is missing (Expires has a comma)', async () => {
    const fetch = async (): Promise<Response> => {
      const headers = new Headers({
        'set-cookie': `authorization=${token}; Expires=Thu, 15 Jan 2026 00:00:00 GMT; Path=/; HttpOnly, XSRF-TOKEN=xsrf-joined; Path=/`,
      });
      Object.defineProperty(headers, 'getSetCookie', { value: undefined });
      // A real Response would copy the headers (and get getSetCookie back): hand out a look-alike.
      return { ok: true, status: 200, headers, body: null, text: async () => '' } as unknown as Response;
    };
    const auth = await authenticate({ baseUrl: BASE, username: 'admin', password: 'pw', fetch, checkLoginOptions: false });
    const headers = new Headers();
    auth.authorize(headers);
    expect(headers.get('cookie')).toBe(`authorization=${token}`);
    expect(headers.get('x-xsrf-token')).toBe('xsrf-joined');
  });

  it('in a browser (Set-Cookie unreadable) returns a CookieAuth with the XSRF token from document.cookie', async () => {
    (globalThis as { document?: unknown }).document = { cookie: 'foo=1; XSRF-TOKEN=doc-xsrf' };
    serveLogin({ cookies: [] });
    const auth = await authenticate({ baseUrl: BASE, username: 'admin', password: PASSWORD });
    expect(auth.hasToken).toBe(false);
    const headers = new Headers();
    auth.authorize(headers);
    expect([...headers.entries()]).toEqual([['x-xsrf-token', 'doc-xsrf']]);
  });

  it('in a browser without a readable XSRF-TOKEN cookie → ResponseFormatError', async () => {
    (globalThis as { document?: unknown }).document = { cookie: 'foo=1' };
    serveLogin({ cookies: [] });
    const error = await failure(authenticate({ baseUrl: BASE, username: 'admin', password: PASSWORD }));
    expect(isCumulocityError(error, 'ResponseFormatError')).toBe(true);
    expect(error.message).toContain('no "XSRF-TOKEN" cookie is readable');
  });
});

describe('authenticate: failures', () => {
  it('TFA code required → TfaRequiredError (an UnauthorizedError), without the password', async () => {
    serveLogin({ oauthStatus: 401, oauthBody: { error: 'security/Unauthorized', message: 'Invalid credentials! : TFA TOTP code required.' } });
    const error = await failure(authenticate({ baseUrl: BASE, username: 'admin', password: PASSWORD }));
    expect(isCumulocityError(error, 'TfaRequiredError')).toBe(true);
    expect(isCumulocityError(error, 'UnauthorizedError')).toBe(true);
    expect(error).toMatchObject({ status: 401, method: 'POST', url: `${BASE}/tenant/oauth?tenant_id=t100` });
    expectNoPassword(error);
  });

  it('TOTP setup required → TfaRequiredError', async () => {
    serveLogin({ oauthStatus: 401, oauthBody: { error: 'security/Unauthorized', message: 'TOTP setup required' } });
    const error = await failure(authenticate({ baseUrl: BASE, username: 'admin', password: PASSWORD }));
    expect(isCumulocityError(error, 'TfaRequiredError')).toBe(true);
  });

  it('wrong password → UnauthorizedError (not TFA), and the password appears nowhere', async () => {
    serveLogin({ oauthStatus: 401, oauthBody: { error: 'security/Unauthorized', message: 'Invalid credentials! : Bad credentials' } });
    const error = await failure(authenticate({ baseUrl: BASE, username: 'admin', password: PASSWORD }));
    expect(isCumulocityError(error, 'UnauthorizedError')).toBe(true);
    expect(isCumulocityError(error, 'TfaRequiredError')).toBe(false);
    expect(error.message).toContain('Bad credentials');
    expectNoPassword(error);
  });

  it('redacts the password and TFA code when the server echoes them back', async () => {
    serveLogin({
      oauthStatus: 401,
      oauthBody: { error: 'security/Unauthorized', message: `Bad credentials: password=${PASSWORD} code 987654 (${encodeURIComponent(PASSWORD)})` },
    });
    const error = await failure(authenticate({ baseUrl: BASE, username: 'admin', password: PASSWORD, tfaCode: '987654' }));
    expect(isCumulocityError(error, 'TfaRequiredError')).toBe(false);
    expect(error.message).toContain('password=*** code *** (***)');
    expectNoPassword(error);
    expectNoPassword(error, '987654');
  });

  it('a tenant with only Basic auth → OaiSecureUnavailableError, and no password is sent', async () => {
    const seen = serveLogin({ loginOptionsReply: loginOptions(basicOption) });
    const error = await failure(authenticate({ baseUrl: BASE, username: 'admin', password: PASSWORD }));
    expect(error).toBeInstanceOf(OaiSecureUnavailableError);
    expect(isCumulocityError(error)).toBe(true);
    expect(error.name).toBe('OaiSecureUnavailableError');
    expect((error as OaiSecureUnavailableError).loginTypes).toEqual(['BASIC']);
    expect(error.message).toContain('login options: BASIC. Use BasicAuth instead (GET https://mytenant.cumulocity.test/tenant/loginOptions)');
    expect(seen.map((s) => s.method)).toEqual(['GET']);
    expectNoPassword(error);
  });

  it('a tenant with only external SSO → OaiSecureUnavailableError listing OAUTH2', async () => {
    serveLogin({ loginOptionsReply: loginOptions({ type: 'OAUTH2', grantType: 'AUTHORIZATION_CODE' }) });
    const error = await failure(authenticate({ baseUrl: BASE, username: 'admin', password: PASSWORD }));
    expect((error as OaiSecureUnavailableError).loginTypes).toEqual(['OAUTH2']);
    expect(error.message).toContain('Log in through the SSO of the tenant instead');
  });

  it('a login options reply that is not JSON → ResponseFormatError', async () => {
    nock(BASE).get('/tenant/loginOptions').reply(200, '<html>proxy</html>', { 'Content-Type': 'text/html' });
    const error = await failure(authenticate({ baseUrl: BASE, username: 'admin', password: PASSWORD }));
    expect(isCumulocityError(error, 'ResponseFormatError')).toBe(true);
    expect(error).toMatchObject({ excerpt: '<html>proxy</html>', contentType: 'text/html' });
  });

  it('a login options reply without a loginOptions array → ResponseFormatError', async () => {
    nock(BASE).get('/tenant/loginOptions').reply(200, { self: 'x' });
    const error = await failure(authenticate({ baseUrl: BASE, username: 'admin', password: PASSWORD }));
    expect(isCumulocityError(error, 'ResponseFormatError')).toBe(true);
  });

  it('a failing login options request → the typed HttpError', async () => {
    nock(BASE).get('/tenant/loginOptions').reply(503, { error: 'general/Unavailable', message: 'down' });
    const error = await failure(authenticate({ baseUrl: BASE, username: 'admin', password: PASSWORD }));
    expect(isCumulocityError(error, 'ServerError')).toBe(true);
    expect(error).toMatchObject({ status: 503, method: 'GET', url: `${BASE}/tenant/loginOptions` });
  });

  it('a 200 login without an authorization cookie (outside a browser) → ResponseFormatError', async () => {
    serveLogin({ cookies: ['XSRF-TOKEN=x; Path=/'] });
    const error = await failure(authenticate({ baseUrl: BASE, username: 'admin', password: PASSWORD }));
    expect(isCumulocityError(error, 'ResponseFormatError')).toBe(true);
    expect(error.message).toContain('no "authorization" cookie');
  });

  it('a dropped connection → NetworkError without the password', async () => {
    nock(BASE).get('/tenant/loginOptions').reply(200, loginOptions(oauthInternal));
    nock(BASE).post('/tenant/oauth').query(true).replyWithError({ code: 'ECONNRESET', message: 'socket hang up' });
    const error = await failure(authenticate({ baseUrl: BASE, username: 'admin', password: PASSWORD }));
    expect(isCumulocityError(error, 'NetworkError')).toBe(true);
    expect(error).toMatchObject({ method: 'POST', url: `${BASE}/tenant/oauth?tenant_id=t100` });
    expectNoPassword(error);
  });

  it('an aborted signal rejects with the abort reason, not a NetworkError', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await failure(authenticate({ baseUrl: BASE, username: 'admin', password: PASSWORD, signal: controller.signal }));
    expect(error.name).toBe('AbortError');
    expect(isCumulocityError(error)).toBe(false);
  });

  it.each<[string, Partial<AuthenticateOptions>, string]>([
    ['an empty password', { password: '' }, 'password'],
    ['an empty username', { username: '' }, 'username'],
    ['an empty TFA code', { tfaCode: '' }, 'tfaCode'],
    ['a missing baseUrl', { baseUrl: '' }, 'baseUrl'],
    ['a baseUrl with a query', { baseUrl: `${BASE}?x=1` }, 'baseUrl'],
    ['a baseUrl with credentials', { baseUrl: `https://u:${PASSWORD}@mytenant.cumulocity.test` }, 'baseUrl'],
    ['a tenant id conflicting with the user name', { username: 't1/admin', tenantId: 't2' }, 'tenantId'],
  ])('rejects %s with InvalidInputError before any request', async (_name, override, path) => {
    const error = await failure(authenticate({ baseUrl: BASE, username: 'admin', password: PASSWORD, ...override }));
    expect(isCumulocityError(error, 'InvalidInputError')).toBe(true);
    expect((error as { path?: string }).path).toBe(path);
    expectNoPassword(error);
  });
});
