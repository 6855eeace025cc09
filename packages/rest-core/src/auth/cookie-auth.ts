import { InvalidInputError } from '../errors/invalid-input-error.js';
import type { AuthStrategy } from './auth-strategy.js';
import { BearerAuth } from './bearer-auth.js';
import { decodeJwtClaims } from './jwt.js';
import { TokenClaimsAuth } from './token-claims-auth.js';
import { assertSecretText, assertToken } from './validate.js';

/**
 * Options of {@link CookieAuth}.
 *
 * @example
 * ```ts
 * new CookieAuth({ token, xsrfToken: 'the X-XSRF-TOKEN header' }); // token: the authorization cookie
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
export class CookieAuth extends TokenClaimsAuth implements AuthStrategy {
  readonly #token: string | undefined;
  readonly #xsrfToken: string | undefined;
  readonly #tfaToken: string | undefined;

  constructor(options: CookieAuthOptions) {
    const { token, xsrfToken, tfaToken } = options ?? {};
    if (token === undefined && xsrfToken === undefined) {
      throw new InvalidInputError('give the authorization cookie token, the XSRF token, or both', { path: 'options' });
    }
    if (token !== undefined) assertToken(token, 'options.token');
    if (xsrfToken !== undefined) assertToken(xsrfToken, 'options.xsrfToken');
    if (tfaToken !== undefined) assertSecretText(tfaToken, 'options.tfaToken');
    super('CookieAuth', token === undefined ? undefined : decodeJwtClaims(token));
    this.#token = token;
    this.#xsrfToken = xsrfToken;
    this.#tfaToken = tfaToken;
  }

  /** Whether the `authorization` cookie's token is known (false in a browser after a login). */
  get hasToken(): boolean {
    return this.#token !== undefined;
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

  /** `browser cookie` when the token is not readable here. */
  protected override describeToken(): string {
    return this.#token === undefined ? 'browser cookie' : super.describeToken();
  }
}
