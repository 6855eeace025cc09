import { BasicAuth, BearerAuth, CookieAuth, InvalidInputError, isCumulocityError, parseAuthorization, type IncomingHeaders } from '@c8y/rest-core';
import { InboundAuthError } from './errors/inbound-auth-error.js';

/**
 * The cookies of an inbound request, when a framework has parsed them already (Express's
 * `req.cookies`). Without them the `Cookie` header is read.
 *
 * @example
 * ```ts
 * const cookies: InboundCookies = { authorization: token, 'XSRF-TOKEN': 'xsrf' };
 * ```
 */
export type InboundCookies = Readonly<Record<string, string | undefined>>;

/**
 * A request the microservice received, as far as credentials go: its headers (Node's
 * `req.headers`, a fetch `Headers`) and, optionally, its parsed cookies.
 *
 * @example
 * ```ts
 * import { createServer } from 'node:http';
 * import { MultiTenantCumulocityApp } from '@c8y/microservice';
 *
 * const app = new MultiTenantCumulocityApp();
 * createServer(async (req, res) => {
 *   const tenantClient = await app.getTenantClient({ headers: req.headers }); // the caller's tenant's service user
 *   res.end(tenantClient.baseUrl);
 * });
 * ```
 */
export interface InboundRequest {
  /** The request headers; names are matched case-insensitively. */
  headers: IncomingHeaders;
  /** Parsed cookies; when absent, the `Cookie` header is read. */
  cookies?: InboundCookies;
}

/**
 * The credentials of a request the microservice received, as an auth strategy that acts as the
 * caller (see rest-core's `parseAuthorization`):
 *
 * 1. cookie `authorization` with the `X-XSRF-TOKEN` header → `CookieAuth` (with OAI-Secure the
 *    platform forwards the cookie and a placeholder `Authorization` header: the cookie wins);
 * 2. `Authorization: Bearer …` → `BearerAuth`;
 * 3. `Authorization: Basic …` → `BasicAuth`.
 *
 * A `tfatoken` header is carried along. Throws {@link InboundAuthError} (a 401) when there are no
 * credentials (`missing`), when they cannot be read (`malformed`), or when the cookie comes
 * without its `X-XSRF-TOKEN` header (`no-xsrf`: the platform would refuse it, and accepting it
 * would let any page the user visits make requests in the user's name). Nothing is verified:
 * the platform checks the credentials when the client uses them.
 *
 * @example
 * ```ts
 * const auth = readInboundAuth({ authorization: `Basic ${btoa('t100/alice:secret')}` });
 * auth.tenantId; // 't100'
 * auth.username; // 'alice'
 * ```
 */
export function readInboundAuth(headers: IncomingHeaders, cookies?: InboundCookies): BasicAuth | BearerAuth | CookieAuth {
  if (typeof headers !== 'object' || headers === null) throw new InvalidInputError('must be the request headers', { path: 'headers' });
  if (cookies !== undefined && (typeof cookies !== 'object' || cookies === null)) {
    throw new InvalidInputError('must be a record of cookie values', { path: 'cookies' });
  }
  let auth: BasicAuth | BearerAuth | CookieAuth | undefined;
  try {
    auth = parseAuthorization(headers, cookies);
  } catch (error) {
    if (isCumulocityError(error, 'InvalidInputError')) throw new InboundAuthError('malformed', describeMalformed(headers, error.path), { cause: error });
    throw error;
  }
  if (auth === undefined) throw new InboundAuthError('missing', 'the request has neither an authorization cookie nor an Authorization header');
  if (auth instanceof CookieAuth && !hasHeader(headers, 'x-xsrf-token')) {
    throw new InboundAuthError('no-xsrf', 'the authorization cookie came without the X-XSRF-TOKEN header');
  }
  return auth;
}

/**
 * What is wrong, in words of our own: the parser's messages are masked by the credential
 * redaction in places ("Basic …" reads as credentials), and ours must never quote a value either.
 */
function describeMalformed(headers: IncomingHeaders, path: string | undefined): string {
  if (path === 'cookies.authorization') return 'the authorization cookie is not a usable token';
  const values = headerValues(headers, path?.slice('headers.'.length) ?? '');
  if (path !== 'headers.authorization') return `the ${path?.slice('headers.'.length) ?? 'credential'} header is not usable (${values.length > 1 ? 'several values' : 'bad value'})`;
  if (values.length > 1) return 'the request has more than one Authorization header';
  const scheme = (/^\S*/.exec(values[0] ?? '')?.[0] ?? '').toLowerCase();
  if (scheme === 'bearer') return 'the Authorization header\'s "Bearer" token is empty or not a bare token';
  if (scheme === 'basic') return 'the Authorization header\'s "Basic" value is not the base64 of "<user>:<password>" (UTF-8)';
  return 'the Authorization header\'s scheme is neither "Basic" nor "Bearer"';
}

/** The non-empty values of a header, distinct (names compared case-insensitively). */
function headerValues(headers: IncomingHeaders, name: string): string[] {
  const values: string[] = [];
  if (headers instanceof Headers) values.push(headers.get(name) ?? '');
  else {
    for (const [key, value] of Object.entries(headers)) {
      if (key.toLowerCase() !== name || value === undefined) continue;
      values.push(...(typeof value === 'string' ? [value] : value));
    }
  }
  return [...new Set(values.map((value) => value.trim()).filter((value) => value !== ''))];
}

/** Whether a header is present with a non-empty value. */
function hasHeader(headers: IncomingHeaders, name: string): boolean {
  return headerValues(headers, name).length > 0;
}
