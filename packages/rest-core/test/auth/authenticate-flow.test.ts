import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import { inspect } from 'node:util';
import { authenticate, type AuthenticateOptions } from '../../src/auth/index.js';
import { InvalidInputError } from '../../src/errors/invalid-input-error.js';
import { isCumulocityError } from '../../src/errors/index.js';
import { makeJwt } from './helpers.js';

const BASE = 'https://flow.cumulocity.test';
const PASSWORD = 'Flow-S3cret!';
const token = makeJwt({ sub: 'admin', ten: 't100' });
const internal = { type: 'OAUTH2_INTERNAL', initRequest: `${BASE}/tenant/oauth?tenant_id=t100` };

async function failure(promise: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    return error as Error & Record<string, unknown>;
  }
  throw new Error('expected a rejection');
}

function sentHeaders(auth: { authorize(headers: Headers): void }): [string, string][] {
  const headers = new Headers();
  auth.authorize(headers);
  return [...headers];
}

/** Records what arrives; replies to the login options and the login as told. */
function serve(loginOptionsBody: string | object, oauth: { status?: number; body?: string | object; cookies?: string[] } = {}) {
  const seen: { method: string; path: string; headers: Record<string, unknown> }[] = [];
  nock(BASE)
    .get(/^\/tenant\/loginOptions(\?.*)?$/)
    .reply(function (uri) {
      seen.push({ method: 'GET', path: uri, headers: { ...this.req.headers } });
      return [200, loginOptionsBody, { 'Content-Type': 'application/json' }];
    })
    .post(/^\/tenant\/oauth(\?.*)?$/)
    .reply(function (uri) {
      seen.push({ method: 'POST', path: uri, headers: { ...this.req.headers } });
      return [oauth.status ?? 200, oauth.body ?? '', { 'Set-Cookie': oauth.cookies ?? [`authorization=${token}`, 'XSRF-TOKEN=x1'], 'Content-Type': 'application/json' }];
    });
  return seen;
}

const login = (extra: Partial<AuthenticateOptions> = {}) => authenticate({ baseUrl: BASE, username: 'admin', password: PASSWORD, ...extra });

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  nock.cleanAll();
  delete (globalThis as { document?: unknown }).document;
});
afterAll(() => nock.enableNetConnect());

describe('authenticate: options', () => {
  it.each([null, undefined, 'admin'])('refuses %p as options', async (options) => {
    const error = await failure(authenticate(options as unknown as AuthenticateOptions));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error.message).toBe('options: login options are required');
    expect(error['path']).toBe('options');
  });

  it('names the field of a bad tenant in the user name or in tenantId', async () => {
    const empty = await failure(login({ username: '/admin' }));
    expect(empty.message).toBe('username: the tenant before "/" is empty');
    const spaced = await failure(login({ tenantId: 't 1' }));
    expect(spaced.message).toBe('tenantId: a tenant id must not contain "/", ":" or spaces');
    const conflict = await failure(login({ username: 't1/admin', tenantId: 't2' }));
    expect(conflict.message).toBe('tenantId: does not match the tenant "t1" in the user name');
  });

  it('accepts a tenantId equal to the tenant in the user name', async () => {
    const seen = serve({ loginOptions: [internal] });
    await login({ username: 't1/admin', tenantId: 't1' });
    expect(seen.map((s) => s.path)).toEqual(['/tenant/loginOptions?tenantId=t1', '/tenant/oauth?tenant_id=t1']);
  });
});

describe('authenticate: login options reply', () => {
  it('asks for JSON', async () => {
    const seen = serve({ loginOptions: [internal] });
    await login();
    expect(seen[0]?.headers['accept']).toBe('application/json');
  });

  it('skips items that are not objects or have no string type', async () => {
    const seen = serve({ loginOptions: [null, 5, 'BASIC', [], { type: 7 }, internal] });
    await login();
    expect(seen.map((s) => s.path)).toEqual(['/tenant/loginOptions', '/tenant/oauth?tenant_id=t100']);
  });

  it.each([
    ['not JSON', '{"loginOptions": [', 'the login options are not JSON'],
    ['null', 'null', 'the login options reply has no "loginOptions" array'],
    ['a string', '"loginOptions"', 'the login options reply has no "loginOptions" array'],
    ['an object without the array', '{"loginOptions":{"type":"OAUTH2_INTERNAL"}}', 'the login options reply has no "loginOptions" array'],
  ])('%s → ResponseFormatError of the GET', async (_name, body, problem) => {
    serve(body);
    const error = await failure(login());
    expect(isCumulocityError(error, 'ResponseFormatError')).toBe(true);
    expect(error.message).toContain(problem);
    expect(error).toMatchObject({ method: 'GET', url: `${BASE}/tenant/loginOptions`, status: 200, contentType: 'application/json' });
  });

  it('reads at most 1 MiB of it', async () => {
    serve(`{"loginOptions":[{"type":"OAUTH2_INTERNAL"}],"pad":"${'x'.repeat(1024 * 1024)}"}`);
    const error = await failure(login());
    expect(error.message).toContain('the login options are not JSON');
  });

  it.each([
    ['a tenant id with "/"', `${BASE}/tenant/oauth?tenant_id=a%2Fb`],
    ['a tenant id with a space', `${BASE}/tenant/oauth?tenant_id=a+b`],
    ['no tenant id', `${BASE}/tenant/oauth`],
    ['an unparsable URL', 'https://[bad'],
  ])('sends no tenant_id for an initRequest with %s', async (_name, initRequest) => {
    const seen = serve({ loginOptions: [{ type: 'OAUTH2_INTERNAL', initRequest }] });
    await login();
    expect(seen.map((s) => s.path)).toEqual(['/tenant/loginOptions', '/tenant/oauth']);
  });

  it('takes the tenant id from a relative initRequest', async () => {
    const seen = serve({ loginOptions: [{ type: 'OAUTH2_INTERNAL', initRequest: '/tenant/oauth?tenant_id=t7' }] });
    await login();
    expect(seen.map((s) => s.path)).toEqual(['/tenant/loginOptions', '/tenant/oauth?tenant_id=t7']);
  });
});

describe('authenticate: the login reply', () => {
  it('returns a CookieAuth with only the token when no XSRF token is known', async () => {
    serve({ loginOptions: [internal] }, { cookies: [`authorization=${token}; HttpOnly`] });
    const auth = await login();
    expect(auth.hasToken).toBe(true);
    expect(sentHeaders(auth)).toEqual([['cookie', `authorization=${token}`]]);
  });

  it('without an authorization cookie → ResponseFormatError of the POST', async () => {
    serve({ loginOptions: [internal] }, { cookies: ['XSRF-TOKEN=x1'] });
    const error = await failure(login());
    expect(isCumulocityError(error, 'ResponseFormatError')).toBe(true);
    expect(error.message).toContain('the login reply set no "authorization" cookie');
    expect(error).toMatchObject({ method: 'POST', url: `${BASE}/tenant/oauth?tenant_id=t100`, status: 200, contentType: 'application/json' });
  });

  it('in a browser takes the XSRF token the reply sets when document.cookie has none', async () => {
    (globalThis as { document?: unknown }).document = { cookie: 'other=1' };
    serve({ loginOptions: [internal] }, { cookies: ['XSRF-TOKEN=from-reply'] });
    const auth = await login();
    expect(auth.hasToken).toBe(false);
    expect(sentHeaders(auth)).toEqual([['x-xsrf-token', 'from-reply']]);
  });

  it('masks even a short password and TFA code echoed in the error reply, in each form it may come back in', async () => {
    // 3 characters: too short for the global redactor, masked by the login itself.
    const password = 'x "';
    const body = '{"error":"security/Unauthorized","message":"1:x \\" 2:x%20%22 3:x+%22 4:ab1 5:keep"}';
    serve({ loginOptions: [internal] }, { status: 401, body });
    const error = await failure(login({ password, tfaCode: 'ab1' }));
    expect(isCumulocityError(error, 'UnauthorizedError')).toBe(true);
    expect(error.message).toContain('1:*** 2:*** 3:*** 4:*** 5:keep');
    for (const view of [error.message, JSON.stringify(error), inspect(error, { depth: 10 })]) {
      expect(view).not.toContain('x \\"');
      expect(view).not.toContain('x%20%22');
      expect(view).not.toContain('x+%22');
    }
  });
});

describe('authenticate: redirects are never followed', () => {
  it('a 3xx of the login options names where it pointed; nothing else is sent', async () => {
    const seen: string[] = [];
    nock(BASE)
      .get('/tenant/loginOptions')
      .reply(function () {
        seen.push('GET');
        return [302, '', { Location: 'https://evil.test/tenant/loginOptions' }];
      });
    nock('https://evil.test').get(/.*/).reply(() => {
      seen.push('followed');
      return [200, '{}'];
    });
    const error = await failure(login());
    expect(isCumulocityError(error, 'ResponseFormatError')).toBe(true);
    expect(error.message).toContain(
      "the login endpoint answered with a redirect to https://evil.test/tenant/loginOptions: not followed, credentials go to the configured URL only (is baseUrl the tenant's own URL?)",
    );
    expect(error).toMatchObject({ method: 'GET', url: `${BASE}/tenant/loginOptions`, status: 302 });
    expect(seen).toEqual(['GET']);
  });

  it.each([300, 307, 399])('a %i of the login, without Location, keeps the password home', async (status) => {
    nock(BASE).post('/tenant/oauth?tenant_id=t100').reply(status, '');
    const error = await failure(login({ tenantId: 't100', checkLoginOptions: false }));
    expect(isCumulocityError(error, 'ResponseFormatError')).toBe(true);
    expect(error.message).toContain(
      "the login endpoint answered with a redirect: not followed, the password goes to the configured URL only (is baseUrl the tenant's own URL?)",
    );
    expect(error).toMatchObject({ method: 'POST', status });
  });

  it('an opaque redirect (status 0) of a browser fetch is refused too', async () => {
    for (const type of ['opaqueredirect', 'basic']) {
      let cancelled = false;
      const body = new ReadableStream({
        cancel() {
          cancelled = true;
        },
      });
      const fetch = async () => ({ type, status: 0, ok: false, headers: new Headers(), body }) as unknown as Response;
      const error = await failure(login({ fetch, checkLoginOptions: false }));
      expect(isCumulocityError(error, 'ResponseFormatError')).toBe(true);
      expect(error.message).toContain('the login endpoint answered with a redirect: not followed, the password goes');
      expect(cancelled).toBe(true);
    }
  });
});

describe('authenticate: aborts', () => {
  it('hands the signal to fetch, and cancels the body of a reply that comes after the abort', async () => {
    const controller = new AbortController();
    let request: Request | undefined;
    let cancelled = false;
    let answer: (response: Response) => void = () => undefined;
    const fetch = (input: RequestInfo | URL) => {
      request = input as Request;
      return new Promise<Response>((resolve) => {
        answer = resolve;
      });
    };
    const pending = failure(login({ fetch, signal: controller.signal }));
    await new Promise((resolve) => setImmediate(resolve));
    expect(request?.signal.aborted).toBe(false);
    expect(request?.redirect).toBe('manual');
    controller.abort(new Error('stop'));
    expect(request?.signal.aborted).toBe(true);
    const error = await pending;
    expect(error.message).toBe('stop');
    const body = new ReadableStream({
      cancel() {
        cancelled = true;
      },
    });
    answer(new Response(body));
    await new Promise((resolve) => setImmediate(resolve));
    expect(cancelled).toBe(true);
  });
});
