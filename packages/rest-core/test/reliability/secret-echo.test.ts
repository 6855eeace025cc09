import { describe, expect, it } from '@jest/globals';
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import { inspect } from 'node:util';
import { authenticate, BasicAuth, BearerAuth, CookieAuth, CumulocityRestClient, isCumulocityError, runBulk, type AuthStrategy } from '../../src/index.js';
import { getAll } from '../../src/paging/index.js';
import { makeJwt } from '../auth/helpers.js';
import { useTestServer } from '../helpers/test-server.js';
import { inventory } from '../paging/helpers.js';

// A server (or proxy) that echoes the request's credentials back — in its JSON error body, in an
// HTML page, in headers, in a redirect target, in a `next` link — must not get them into any
// error: not the message, the stack, toJSON(), util.inspect() nor a cause. Every secret is
// checked in every form it was sent or could come back in.

const server = useTestServer();

const user = 't1/echo-user';
/** Spaces, slashes, `+`, `&`, `"`, `=` and a non-ASCII letter: every encoding of it differs. */
const password = 'Ech0 Pa55/wörd+&"=XYZZY';
const tfaToken = 'Tok-918273-zq';
const jwt = makeJwt({ sub: 'echo-user', ten: 't1', exp: 4_102_444_800, xsrfToken: 'claim-xsrf-9f8e7d' });
const xsrfToken = 'xsrf-Q1w2E3r4T5y6';
const bearer = 'opaque-Bearer-Token-7f3c9a1b';

const basicValue = Buffer.from(`${user}:${password}`, 'utf8').toString('base64');
const windows = (secret: string, size = 10) => Array.from({ length: Math.max(1, secret.length - size + 1) }, (_, i) => secret.slice(i, i + size));

/** Every form a secret may take, and pieces long enough to give one away. */
const secretForms = [
  `Basic ${basicValue}`,
  basicValue,
  `${user}:${password}`,
  password,
  encodeURIComponent(password),
  new URLSearchParams({ p: password }).toString().slice(2),
  JSON.stringify(password).slice(1, -1),
  tfaToken,
  jwt,
  `authorization=${jwt}`,
  xsrfToken,
  bearer,
  ...windows(basicValue),
  ...windows('Pa55/wörd+&"=XYZZY'),
  ...windows(jwt.split('.').slice(1).join('.')),
  ...windows(bearer),
];

/** Everything a log line or a serialiser could print of an error. */
function printed(error: unknown): string[] {
  const texts = [String(error), JSON.stringify(error), inspect(error, { depth: 20, showHidden: true })];
  for (let current: unknown = error, depth = 0; typeof current === 'object' && current !== null && depth < 6; depth++) {
    const { message, stack, cause } = current as { message?: unknown; stack?: unknown; cause?: unknown };
    texts.push(String(message), String(stack));
    current = cause;
  }
  return texts;
}

function expectNoSecret(error: unknown): void {
  expect(isCumulocityError(error)).toBe(true);
  for (const text of printed(error)) {
    for (const form of secretForms) {
      if (text.includes(form)) throw new Error(`${(error as Error).name} leaks ${JSON.stringify(form)} in: ${text.slice(0, 2_000)}`);
    }
  }
}

/** What the echoing server says back: the credential headers raw, decoded and re-encoded, unnamed. */
function echoOf(headers: IncomingHttpHeaders): string {
  const authorization = String(headers.authorization ?? '');
  const decoded = authorization.startsWith('Basic ') ? Buffer.from(authorization.slice(6), 'base64').toString('utf8') : '';
  const pass = decoded.slice(decoded.indexOf(':') + 1);
  return [
    `Authorization: ${authorization}`,
    `Cookie: ${String(headers.cookie ?? '')}`,
    `X-XSRF-TOKEN: ${String(headers['x-xsrf-token'] ?? '')}`,
    `TFAToken: ${String(headers.tfatoken ?? '')}`,
    // the same values without a name in front, as a careless message would quote them
    `you sent ${authorization.split(' ')[1] ?? ''} and ${decoded} and ${pass} (${encodeURIComponent(pass)}, ${new URLSearchParams({ p: pass }).toString()})`,
    `token ${String(headers.cookie ?? '').replace(/^authorization=/, '')} xsrf ${String(headers['x-xsrf-token'] ?? '')}`,
    `bearer ${authorization.replace(/^Bearer /, '')} second token ${String(headers.tfatoken ?? '')}`,
  ].join('; ');
}

function echoHandler(request: { url: string; headers: IncomingHttpHeaders }, res: ServerResponse): void {
  const [, , statusText = '200', kind = 'json'] = request.url.split('?')[0]?.split('/') ?? [];
  const status = Number(statusText);
  const echo = echoOf(request.headers);
  const headers: Record<string, string> = { 'X-Echo': echo.replace(/[^\x20-\x7e]/g, '?') };
  if (status === 429) headers['Retry-After'] = '3600';
  if (status >= 300 && status < 400) {
    headers.Location = `https://elsewhere.example/login?${new URLSearchParams({ echo }).toString()}`;
  }
  if (kind === 'html') {
    res.writeHead(status, { ...headers, 'Content-Type': 'text/html' });
    res.end(`<html><body><pre>${echo}</pre></body></html>`);
  } else if (kind === 'malformed') {
    res.writeHead(status, { ...headers, 'Content-Type': 'application/json' });
    res.end(`${echo} {"not":"json"`);
  } else {
    const message = kind === 'tfa' ? `TFA required: ${echo}` : `echo: ${echo}`;
    res.writeHead(status, { ...headers, 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ error: `echo/${echo}`, message, info: echo, headers: request.headers, nested: { list: [echo, { echo }] } }));
  }
}

const strategies: Record<string, () => AuthStrategy> = {
  'Basic (with TFA token)': () => new BasicAuth(user, password, { tfaToken }),
  'Cookie (OAI-Secure)': () => new CookieAuth({ token: jwt, xsrfToken, tfaToken }),
  Bearer: () => new BearerAuth(bearer),
};

const replyScenarios: Array<[string, string, string]> = [
  // [what, path, expected kind]
  ['400 JSON', '/echo/400/json', 'HttpError'],
  ['401 JSON', '/echo/401/json', 'UnauthorizedError'],
  ['401 TFA', '/echo/401/tfa', 'TfaRequiredError'],
  ['403 JSON', '/echo/403/json', 'ForbiddenError'],
  ['404 JSON', '/echo/404/json', 'NotFoundError'],
  ['409 JSON', '/echo/409/json', 'ConflictError'],
  ['422 JSON', '/echo/422/json', 'ValidationError'],
  ['429 JSON (Retry-After past the cap)', '/echo/429/json', 'RateLimitedError'],
  ['500 JSON', '/echo/500/json', 'ServerError'],
  ['502 HTML', '/echo/502/html', 'ServerError'],
  ['500 malformed JSON', '/echo/500/malformed', 'ServerError'],
  ['200 HTML', '/echo/200/html', 'ResponseFormatError'],
  ['200 malformed JSON', '/echo/200/malformed', 'ResponseFormatError'],
  ['302 redirect echoing into Location', '/echo/302/json', 'ResponseFormatError'],
  ['307 redirect echoing into Location', '/echo/307/json', 'ResponseFormatError'],
];

describe.each(Object.entries(strategies))('%s credentials echoed back', (_name, makeAuth) => {
  const client = (options: Partial<ConstructorParameters<typeof CumulocityRestClient>[0]> = {}) =>
    new CumulocityRestClient({ baseUrl: server.url, auth: makeAuth(), retry: false, ...options });

  it.each(replyScenarios)('%s → %s without a secret', async (_what, path, kind) => {
    server.handle((request, res) => echoHandler(request, res));
    const error = await client().get(path).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect((error as Error | undefined)?.name).toBe(kind);
    // The server did echo: the error carries what it said, masked.
    expect(server.requests[0]?.headers.authorization ?? server.requests[0]?.headers.cookie).toBeDefined();
    expectNoSecret(error);
  });

  it('NetworkError: a fetch (a mock, a proxy agent) that puts the request headers into its error and its cause', async () => {
    const echoingFetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
      const request = new Request(input, init);
      const dump = JSON.stringify({ url: request.url, headers: Object.fromEntries(request.headers) });
      const inner = Object.assign(new Error(`inner: ${echoOf(Object.fromEntries(request.headers))}`), { code: 'E_ECHO', header: request.headers.get('authorization') });
      return Promise.reject(Object.assign(new TypeError(`No match for request ${dump}`, { cause: inner }), { requestHeaders: dump }));
    };
    const error = await client({ fetch: echoingFetch }).get('/x').catch((caught: unknown) => caught);
    expect((error as Error).name).toBe('NetworkError');
    expect(((error as Error).cause as { code?: unknown }).code).toBeUndefined(); // the outer cause had none
    expect((((error as Error).cause as Error).cause as { code?: unknown }).code).toBe('E_ECHO'); // plain fields are kept
    expectNoSecret(error);
  });

  it('ResponseFormatError from paging: a next link that echoes the credentials', async () => {
    server.handle((request, res) => {
      const body = {
        managedObjects: [{ id: '1' }],
        statistics: { currentPage: 7, pageSize: 2 },
        next: `https://elsewhere.example/tenant/${encodeURIComponent(echoOf(request.headers))}?currentPage=7`,
      };
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    });
    const error = await getAll(client(), inventory, undefined, { pageSize: 2 }).catch((caught: unknown) => caught);
    expect((error as Error).name).toBe('ResponseFormatError');
    expectNoSecret(error);
  });

  it('BulkError over echoed failures, and the TimeoutError of a silent server', async () => {
    server.handle((request, res) => (request.url.includes('silent') ? undefined : echoHandler(request, res)));
    const bulk = await runBulk(['/echo/404/json', '/echo/500/html', '/echo/422/json'], (path) => client().get(path)).catch((caught: unknown) => caught);
    expect((bulk as Error).name).toBe('BulkError');
    expectNoSecret(bulk);
    const timeout = await client({ timeout: 100 }).get('/silent').catch((caught: unknown) => caught);
    expect((timeout as Error).name).toBe('TimeoutError');
    expectNoSecret(timeout);
  });
});

describe('authenticate(): the password and the TFA code echoed back', () => {
  const login = (extra: Partial<Parameters<typeof authenticate>[0]> = {}) =>
    authenticate({ baseUrl: server.url, username: user, password, tfaCode: tfaToken, ...extra }).then(
      () => undefined,
      (caught: unknown) => caught,
    );

  /** Echoes the login form as it arrived (URL-encoded) and decoded. */
  const echoForm = (body: Buffer) => {
    const form = body.toString('utf8');
    const parsed = new URLSearchParams(form);
    return `form ${form} password ${parsed.get('password') ?? ''} code ${parsed.get('tfa_code') ?? ''} json ${JSON.stringify(Object.fromEntries(parsed))}`;
  };

  it.each([
    ['401 JSON', 401, 'json', 'UnauthorizedError'],
    ['401 TFA', 401, 'tfa', 'TfaRequiredError'],
    ['500 HTML', 500, 'html', 'ServerError'],
    ['400 malformed JSON', 400, 'malformed', 'HttpError'],
  ])('POST /tenant/oauth %s → %s without a secret', async (_what, status, kind, expected) => {
    server.handle((request, res) => {
      const echo = echoForm(request.body);
      if (kind === 'html') {
        res.writeHead(status, { 'Content-Type': 'text/html', 'X-Echo': encodeURIComponent(echo) });
        res.end(`<pre>${echo}</pre>`);
      } else if (kind === 'malformed') {
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end(`${echo} {`);
      } else {
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ error: 'security/Unauthorized', message: `${kind === 'tfa' ? 'TFA code invalid: ' : ''}${echo}`, form: Object.fromEntries(new URLSearchParams(request.body.toString())) }));
      }
    });
    const error = await login({ checkLoginOptions: false });
    expect((error as Error).name).toBe(expected);
    expect(server.requests[0]?.body.toString()).toContain(encodeURIComponent(tfaToken)); // the form did carry the secrets
    expectNoSecret(error);
  });

  it('GET /tenant/loginOptions answered with malformed JSON quoting the credentials → ResponseFormatError without a secret', async () => {
    server.handle((_request, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(`${password} ${encodeURIComponent(password)} {`);
    });
    const error = await login();
    expect((error as Error).name).toBe('ResponseFormatError');
    expectNoSecret(error);
  });

  it('a redirect of the login echoing the password into Location → ResponseFormatError without a secret', async () => {
    server.handle((request, res) => {
      res.writeHead(307, { Location: `https://elsewhere.example/?${echoForm(request.body).replace(/\s/g, '_')}` });
      res.end();
    });
    const error = await login({ checkLoginOptions: false });
    expect((error as Error).name).toBe('ResponseFormatError');
    expectNoSecret(error);
  });
});
