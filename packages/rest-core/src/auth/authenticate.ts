import type { FetchFunction } from '../client/options.js';
import { normalizeBaseUrl } from '../client/base-url.js';
import { raceAbort, readBodyText } from '../client/body.js';
import { errorFromResponse } from '../errors/error-from-response.js';
import { InvalidInputError } from '../errors/invalid-input-error.js';
import { NetworkError } from '../errors/network-error.js';
import { redactedExcerpt, rememberSecret } from '../errors/redact.js';
import { ResponseFormatError } from '../errors/response-format-error.js';
import { CookieAuth } from './cookie-auth.js';
import { isBrowserLike, readDocumentCookie, readSetCookies } from './cookies.js';
import { decodeJwtClaims } from './jwt.js';
import { OaiSecureUnavailableError } from './oai-secure-unavailable-error.js';
import { assertSecretText, assertTenantId, splitTenantUser } from './validate.js';

/**
 * Options of {@link authenticate}.
 *
 * @example
 * ```ts
 * const options: AuthenticateOptions = { baseUrl: 'mytenant.cumulocity.com', username: 't100/admin', password, tfaCode: '123456' };
 * ```
 */
export interface AuthenticateOptions {
  /** The tenant's URL: `mytenant.cumulocity.com`, `https://mytenant.cumulocity.com/`, or with a path prefix. */
  baseUrl: string;
  /**
   * The tenant id (`tenant_id` of the login). Optional: otherwise taken from a `t100/admin` user
   * name, then from the login option's `initRequest`, else the platform derives it from the domain.
   */
  tenantId?: string;
  /** The user name, optionally as `tenant/user`. */
  username: string;
  /** The password. It goes into the form body only and never into an error or message. */
  password: string;
  /** The current TFA code (TOTP or SMS PIN), when a first attempt failed with `TfaRequiredError`. */
  tfaCode?: string;
  /** The fetch implementation (standard signature; called with a `Request`). @default globalThis.fetch */
  fetch?: FetchFunction;
  /** Aborts the login. */
  signal?: AbortSignal;
  /**
   * Whether to check `GET /tenant/loginOptions` first for an `OAUTH2_INTERNAL` option (and learn
   * the tenant id from it). Turn off to save the round trip when you know the tenant uses OAI-Secure.
   * @default true
   */
  checkLoginOptions?: boolean;
}

/**
 * Logs in with OAI-Secure (Cumulocity's recommended login) and returns a {@link CookieAuth}.
 *
 * 1. `GET {baseUrl}/tenant/loginOptions[?tenantId=…]` (unauthenticated) must list an
 *    `OAUTH2_INTERNAL` option; otherwise it throws {@link OaiSecureUnavailableError} (a tenant
 *    that allows only Basic auth: use `BasicAuth`). Skipped with `checkLoginOptions: false`.
 * 2. `POST {baseUrl}/tenant/oauth[?tenant_id=…]`, `application/x-www-form-urlencoded`:
 *    `grant_type=PASSWORD&username=…&password=…[&tfa_code=…]`.
 * 3. The reply's `Set-Cookie` carries `authorization` (a JWT) and `XSRF-TOKEN`.
 *
 * Errors: 401 asking for a second factor → `TfaRequiredError` (call again with `tfaCode`);
 * other 401 → `UnauthorizedError`; other statuses → the matching `HttpError`; no answer →
 * `NetworkError`; bad options → `InvalidInputError`. The password is never part of an error, even
 * when the server echoes it back. An abort rejects with the signal's reason.
 *
 * Redirects are never followed (`redirect: 'manual'`): a 3xx from either endpoint is a
 * `ResponseFormatError` naming where it pointed — the form with the password is sent to the
 * configured URL only. Replies are read up to 1 MiB.
 *
 * **In a browser** `Set-Cookie` cannot be read: the browser stores the HttpOnly `authorization`
 * cookie itself, and the returned `CookieAuth` holds only the XSRF token read from
 * `document.cookie` (`hasToken` is false; the client then needs the tenant from
 * `GET /tenant/currentTenant`).
 *
 * @example
 * ```ts
 * let auth: CookieAuth;
 * try {
 *   auth = await authenticate({ baseUrl: 'mytenant.cumulocity.com', username: 'admin', password });
 * } catch (error) {
 *   if (!isCumulocityError(error, 'TfaRequiredError')) throw error;
 *   auth = await authenticate({ baseUrl: 'mytenant.cumulocity.com', username: 'admin', password, tfaCode: prompt('TFA code?') ?? '' });
 * }
 * console.log(auth.tenantId, auth.username, auth.expiresAt);
 * ```
 */
export async function authenticate(options: AuthenticateOptions): Promise<CookieAuth> {
  if (typeof options !== 'object' || options === null) throw new InvalidInputError('login options are required', { path: 'options' });
  const { password, tfaCode, signal } = options;
  assertSecretText(options.username, 'username');
  assertSecretText(password, 'password');
  if (tfaCode !== undefined) assertSecretText(tfaCode, 'tfaCode');
  const baseUrl = normalizeBaseUrl(options.baseUrl);
  const split = splitTenantUser(options.username, 'username');
  let tenantId = split.tenantId;
  if (options.tenantId !== undefined) {
    assertTenantId(options.tenantId, 'tenantId');
    if (tenantId !== undefined && tenantId !== options.tenantId) {
      throw new InvalidInputError(`does not match the tenant "${tenantId}" in the user name`, { path: 'tenantId' });
    }
    tenantId = options.tenantId;
  }
  // Every error below is built after this: the password and code are masked in any form.
  rememberSecret(password);
  rememberSecret(tfaCode);
  const fetchFn: FetchFunction = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const send = async (url: string, init: RequestInit, method: string): Promise<Response> => {
    let response: Response;
    try {
      const request = new Request(url, { ...init, method, signal: signal ?? null, redirect: 'manual' });
      response = await raceAbort(fetchFn(request), signal, (late) => void late.body?.cancel().catch(() => undefined));
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      throw new NetworkError({ method, url, cause: error });
    }
    if (response.type === 'opaqueredirect' || response.status === 0 || (response.status >= 300 && response.status < 400)) {
      response.body?.cancel().catch(() => undefined);
      const location = response.headers.get('location');
      throw new ResponseFormatError(
        `the login endpoint answered with a redirect${location ? ` to ${location}` : ''}: not followed, ${method === 'POST' ? 'the password goes' : 'credentials go'} to the configured URL only (is baseUrl the tenant's own URL?)`,
        { method, url, status: response.status },
      );
    }
    return response;
  };
  const read = (response: Response, method: string, url: string) =>
    readBodyText(response, { signal, maxBytes: loginReplyBytes, overflow: 'truncate', request: { method, url } });

  if (options.checkLoginOptions !== false) {
    const url = `${baseUrl}/tenant/loginOptions${tenantId === undefined ? '' : `?tenantId=${encodeURIComponent(tenantId)}`}`;
    const response = await send(url, { headers: { Accept: 'application/json' } }, 'GET');
    const text = await read(response, 'GET', url);
    if (!response.ok) throw errorFromResponse(response, text, { method: 'GET', url });
    const loginOptions = readLoginOptions(text, response, url);
    const internal = loginOptions.find((option) => option.type === 'OAUTH2_INTERNAL');
    if (internal === undefined) {
      throw new OaiSecureUnavailableError(
        loginOptions.map((option) => option.type),
        { method: 'GET', url },
      );
    }
    tenantId ??= tenantIdFromInitRequest(internal.initRequest);
  }

  const url = `${baseUrl}/tenant/oauth${tenantId === undefined ? '' : `?tenant_id=${encodeURIComponent(tenantId)}`}`;
  const form = new URLSearchParams({ grant_type: 'PASSWORD', username: split.user, password });
  if (tfaCode !== undefined) form.set('tfa_code', tfaCode);
  const response = await send(
    url,
    { headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' }, body: form.toString() },
    'POST',
  );
  if (!response.ok) {
    const text = redact(await read(response, 'POST', url), [password, tfaCode]);
    throw errorFromResponse(response, text, { method: 'POST', url });
  }
  await response.body?.cancel();

  const cookies = readSetCookies(response.headers);
  const token = cookies['authorization'];
  if (token === undefined) {
    const browser = isBrowserLike();
    const xsrfToken = cookies['XSRF-TOKEN'] ?? readDocumentCookie('XSRF-TOKEN');
    if (browser && xsrfToken !== undefined) return new CookieAuth({ xsrfToken });
    const problem = browser ? 'no "XSRF-TOKEN" cookie is readable after the login' : 'the login reply set no "authorization" cookie';
    throw new ResponseFormatError(problem, {
      method: 'POST',
      url,
      status: response.status,
      contentType: response.headers.get('content-type') ?? undefined,
    });
  }
  const xsrfToken = cookies['XSRF-TOKEN'] ?? decodeJwtClaims(token)?.xsrfToken;
  return new CookieAuth(xsrfToken === undefined ? { token } : { token, xsrfToken });
}

/** Login replies are small; more than this is not read. */
const loginReplyBytes = 1024 * 1024;

interface LoginOptionSummary {
  type: string;
  initRequest?: string;
}

function readLoginOptions(text: string, response: Response, url: string): LoginOptionSummary[] {
  const fail = (problem: string) =>
    new ResponseFormatError(problem, {
      method: 'GET',
      url,
      status: response.status,
      contentType: response.headers.get('content-type') ?? undefined,
      excerpt: redactedExcerpt(text),
    });
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    // No `cause`: the parser's message quotes the reply.
    throw fail('the login options are not JSON');
  }
  // A JSON string, number or boolean has no such property either: only null needs a guard.
  const list = (body as { loginOptions?: unknown } | null)?.loginOptions;
  if (!Array.isArray(list)) throw fail('the login options reply has no "loginOptions" array');
  return list.flatMap((item: unknown): LoginOptionSummary[] => {
    const { type, initRequest } = (item ?? {}) as { type?: unknown; initRequest?: unknown };
    if (typeof type !== 'string') return [];
    return [typeof initRequest === 'string' ? { type, initRequest } : { type }];
  });
}

/** `tenant_id` of an `initRequest` such as `https://host/tenant/oauth?tenant_id=t100`. */
function tenantIdFromInitRequest(initRequest: string | undefined): string | undefined {
  if (initRequest === undefined) return undefined;
  try {
    const id = new URL(initRequest, 'https://placeholder.invalid').searchParams.get('tenant_id');
    return id !== null && /^[^/:\s]+$/.test(id) ? id : undefined;
  } catch {
    return undefined;
  }
}

/** Replaces every occurrence of the secrets (raw and form-encoded) in a reply text with `***`. */
function redact(text: string, secrets: ReadonlyArray<string | undefined>): string {
  let result = text;
  for (const secret of secrets) {
    if (secret === undefined) continue; // never empty: checked up front
    const forms = new Set([secret, encodeURIComponent(secret), new URLSearchParams({ s: secret }).toString().slice(2), JSON.stringify(secret).slice(1, -1)]);
    for (const form of forms) result = result.split(form).join('***');
  }
  return result;
}

