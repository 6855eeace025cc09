import { InvalidInputError } from '../errors/invalid-input-error.js';
import type { AuthStrategy } from './auth-strategy.js';
import { BearerAuth } from './bearer-auth.js';
import { decodeJwtClaims, describeClaims, expiryOf, isExpiredAt, type JwtClaims } from './jwt.js';
import { assertSecretText, assertToken, inspectSymbol } from './validate.js';

/**
 * Options of {@link CookieAuth}.
 *
 * @example
 * ```ts
 * new CookieAuth({ token: cookies.authorization, xsrfToken: req.headers['x-xsrf-token'] });
 * ```
 */
export interface CookieAuthOptions {
  /**
   * The value of the `authorization` cookie (an OAI-Secure JWT). Leave it out in a browser, where
   * the cookie is HttpOnly: the browser keeps it and sends it itself.
   */
  token?: string;
  /** The value of the `XSRF-TOKEN` cookie, echoed as the `X-XSRF-TOKEN` header. */
  xsrfToken?: string;
  /** A TFA token, sent as the `TFAToken` header. */
  tfaToken?: string;
}

/**
 * Cookie authentication, as the result of an OAI-Secure login ({@link authenticate}) or of a
 * request a microservice received ({@link parseAuthorization}): sends
 * `Cookie: authorization=<token>` and `X-XSRF-TOKEN: <xsrfToken>`.
 *
 * **In a browser** `Cookie` is a forbidden request header: fetch drops it and the browser sends
 * the `authorization` cookie from its own cookie jar (same origin, or `credentials: 'include'`).
 * `X-XSRF-TOKEN` is still needed and is set. There the token is usually unknown (the cookie is
 * HttpOnly), so `token`, `claims`, `tenantId` and `username` are `undefined`.
 *
 * `tenantId`, `username` and `expiresAt` come from the token's JWT claims (`ten`, `sub`, `exp`),
 * read without verification. Secrets live in private fields and never appear in `toString()`,
 * `JSON.stringify` or `console.log`.
 *
 * @example
 * ```ts
 * const auth = await authenticate({ baseUrl: 'mytenant.cumulocity.com', username: 'admin', password });
 * console.log(String(auth)); // 'CookieAuth(t100/admin, expires 2026-05-15T10:00:00.000Z)'
 * const client = new CumulocityRestClient({ baseUrl: 'mytenant.cumulocity.com', auth });
 *
 * // or send the same token as a Bearer token:
 * const bearer = auth.toBearer();
 * ```
 */
export class CookieAuth implements AuthStrategy {
  readonly #token: string | undefined;
  readonly #xsrfToken: string | undefined;
  readonly #tfaToken: string | undefined;
  readonly #claims: JwtClaims | undefined;

  constructor(options: CookieAuthOptions) {
    const { token, xsrfToken, tfaToken } = options ?? {};
    if (token === undefined && xsrfToken === undefined) {
      throw new InvalidInputError('give the authorization cookie token, the XSRF token, or both', { path: 'options' });
    }
    if (token !== undefined) assertToken(token, 'options.token');
    if (xsrfToken !== undefined) assertToken(xsrfToken, 'options.xsrfToken');
    if (tfaToken !== undefined) assertSecretText(tfaToken, 'options.tfaToken');
    this.#token = token;
    this.#xsrfToken = xsrfToken;
    this.#tfaToken = tfaToken;
    this.#claims = token === undefined ? undefined : decodeJwtClaims(token);
  }

  /** Whether the `authorization` cookie's token is known (false in a browser after a login). */
  get hasToken(): boolean {
    return this.#token !== undefined;
  }

  /** The token's JWT claims (unverified), if the token is known and is a JWT. */
  get claims(): JwtClaims | undefined {
    return this.#claims;
  }

  /** The `ten` claim: the tenant id. */
  get tenantId(): string | undefined {
    return this.#claims?.ten;
  }

  /** The `sub` claim: the user name. */
  get username(): string | undefined {
    return this.#claims?.sub;
  }

  /** The `exp` claim as a Date. */
  get expiresAt(): Date | undefined {
    return expiryOf(this.#claims);
  }

  /** True when the token's `exp` is at or before `now`; false when unknown. */
  isExpired(now: Date | number = Date.now()): boolean {
    return isExpiredAt(this.#claims, now);
  }

  /**
   * Sets `Cookie: authorization=<token>` (when the token is known) and `X-XSRF-TOKEN` (when
   * known), plus `TFAToken` when given. A `Cookie` header already present is replaced.
   */
  authorize(headers: Headers): void {
    if (this.#token !== undefined) headers.set('Cookie', `authorization=${this.#token}`);
    if (this.#xsrfToken !== undefined) headers.set('X-XSRF-TOKEN', this.#xsrfToken);
    if (this.#tfaToken !== undefined) headers.set('TFAToken', this.#tfaToken);
  }

  /**
   * The same token as `Authorization: Bearer` (no XSRF token needed then). Throws
   * `InvalidInputError` when the token is unknown (in a browser).
   *
   * @example
   * ```ts
   * const cookieAuth = await authenticate({ baseUrl, username: 'admin', password });
   * const client = new CumulocityRestClient({ baseUrl, auth: cookieAuth.toBearer() });
   * ```
   */
  toBearer(): BearerAuth {
    if (this.#token === undefined) {
      throw new InvalidInputError('the authorization cookie is not readable here (a browser keeps it HttpOnly)', { path: 'token' });
    }
    return new BearerAuth(this.#token, this.#tfaToken === undefined ? {} : { tfaToken: this.#tfaToken });
  }

  /** `CookieAuth(t100/admin, expires …)`: never the tokens. */
  toString(): string {
    return `CookieAuth(${this.#token === undefined ? 'browser cookie' : describeClaims(this.#claims)})`;
  }

  /** What `JSON.stringify` shows: no tokens. */
  toJSON(): { type: 'CookieAuth'; tenantId?: string; username?: string; expiresAt?: string } {
    return { type: 'CookieAuth', tenantId: this.tenantId, username: this.username, expiresAt: this.expiresAt?.toISOString() };
  }

  /** What `console.log` / `util.inspect` show in Node. */
  [inspectSymbol](): string {
    return this.toString();
  }
}
