import { InvalidInputError } from '../errors/invalid-input-error.js';
import { BasicAuth } from './basic-auth.js';
import { BearerAuth } from './bearer-auth.js';
import { CookieAuth } from './cookie-auth.js';
import { parseCookieHeader } from './cookies.js';
import { decodeBase64, decodeUtf8 } from './encoding.js';
import { underPath } from './validate.js';

/**
 * The headers of a request a microservice received: a fetch `Headers`, or a record such as
 * Node's `IncomingHttpHeaders` (names matched case-insensitively).
 *
 * @example
 * ```ts
 * const headers: IncomingHeaders = { authorization: `Bearer ${token}` }; // Node/Express: req.headers
 * const fromFetch: IncomingHeaders = new Headers({ authorization: `Bearer ${token}` }); // fetch: request.headers (Deno, Bun, Hono…)
 * ```
 */
export type IncomingHeaders = Headers | Readonly<Record<string, string | readonly string[] | undefined>>;

/**
 * Reads the caller's credentials from a request a microservice received, to act as that user
 * (the Cumulocity proxy forwards them; see "per-user authorization"):
 *
 * 1. cookie `authorization` → {@link CookieAuth} with the `X-XSRF-TOKEN` **header** (never the
 *    `XSRF-TOKEN` cookie, which would defeat the CSRF check). It wins over the `Authorization`
 *    header, because with OAI-Secure the platform forwards both, the header holding a placeholder;
 * 2. else `Authorization: Bearer …` → {@link BearerAuth};
 * 3. else `Authorization: Basic …` → {@link BasicAuth} (UTF-8, split at the first `:`);
 * 4. else `undefined`.
 *
 * A `tfatoken` header is carried along (`TFAToken` on the requests made with the result).
 * Cookies come from `cookies` (e.g. Express's `req.cookies`) when given, else from the `Cookie`
 * header. Malformed credentials (Basic without `:`, bad base64, not UTF-8, empty parts, an
 * unknown scheme, several `Authorization` headers) throw `InvalidInputError`; messages never
 * contain the credentials.
 *
 * The result is not verified: call `GET /user/currentUser` with it to check the caller.
 *
 * @example
 * ```ts
 * import { createServer } from 'node:http';
 * import { CumulocityRestClient, parseAuthorization } from '@c8y/rest-core';
 *
 * createServer(async (req, res) => {
 *   const auth = parseAuthorization(req.headers);
 *   if (auth === undefined) return void res.writeHead(401).end();
 *   const client = new CumulocityRestClient({ baseUrl: process.env.C8Y_BASEURL!, auth });
 *   const me = await client.get<{ userName: string }>('/user/currentUser'); // 401 unless the caller is valid
 *   res.end(JSON.stringify({ tenant: auth.tenantId, user: me.userName }));
 * }).listen(8080);
 * ```
 */
export function parseAuthorization(
  headers: IncomingHeaders,
  cookies?: Readonly<Record<string, string | undefined>>,
): CookieAuth | BearerAuth | BasicAuth | undefined {
  const tfaToken = single(headers, 'tfatoken');
  const extra = tfaToken === undefined ? {} : { tfaToken };
  const cookieToken = (cookies ?? parseCookieHeader(all(headers, 'cookie').join('; ')))['authorization'];
  if (cookieToken !== undefined && cookieToken !== '') {
    const xsrfToken = single(headers, 'x-xsrf-token');
    return underPath('cookies.authorization', () => new CookieAuth({ token: cookieToken, ...(xsrfToken === undefined ? {} : { xsrfToken }), ...extra }));
  }

  const authorization = single(headers, 'authorization');
  if (authorization === undefined) return undefined;
  const path = 'headers.authorization';
  const match = /^([A-Za-z][A-Za-z0-9!#$%&'*+.^_`|~-]*)(?:\s+(.*))?$/.exec(authorization);
  if (match === null) throw new InvalidInputError('not an "<scheme> <credentials>" value', { path });
  const scheme = (match[1] ?? '').toLowerCase();
  const credentials = match[2] ?? ''; // no whitespace around: the regex takes it before, single() trimmed it after
  if (scheme !== 'basic' && scheme !== 'bearer') {
    throw new InvalidInputError(`unsupported scheme ${JSON.stringify(match[1]?.slice(0, 20))} (expected "Basic" or "Bearer")`, { path });
  }
  if (credentials === '') throw new InvalidInputError(`no credentials after "${match[1]}"`, { path });
  if (scheme === 'bearer') return underPath(path, () => new BearerAuth(credentials, extra));

  const bytes = decodeBase64(credentials, 'base64');
  if (bytes === undefined) throw new InvalidInputError('the credentials after "Basic" are not valid base64', { path });
  const decoded = decodeUtf8(bytes);
  if (decoded === undefined) throw new InvalidInputError('the credentials after "Basic" are not valid UTF-8', { path });
  const colon = decoded.indexOf(':');
  if (colon === -1) throw new InvalidInputError('the credentials after "Basic" have no ":" between user and password', { path });
  return underPath(path, () => new BasicAuth(decoded.slice(0, colon), decoded.slice(colon + 1), extra));
}

/** Every value of a header (lists flattened), names compared case-insensitively. */
function all(headers: IncomingHeaders, name: string): string[] {
  if (headers instanceof Headers) {
    const value = headers.get(name);
    return value === null ? [] : [value];
  }
  const values: string[] = [];
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== name || value === undefined) continue;
    if (typeof value === 'string') values.push(value);
    else values.push(...value);
  }
  return values;
}

/** The one value of a header, `undefined` when absent or empty; several different values are refused. */
function single(headers: IncomingHeaders, name: string): string | undefined {
  const values = [...new Set(all(headers, name).map((value) => value.trim()))].filter((value) => value !== '');
  if (values.length > 1) throw new InvalidInputError(`more than one ${name} header`, { path: `headers.${name}` });
  return values[0];
}
