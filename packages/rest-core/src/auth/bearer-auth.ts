import type { AuthStrategy } from './auth-strategy.js';
import { decodeJwtClaims, describeClaims, expiryOf, isExpiredAt, type JwtClaims } from './jwt.js';
import { assertSecretText, assertToken, inspectSymbol } from './validate.js';

/**
 * Options of {@link BearerAuth}.
 *
 * @example
 * ```ts
 * new BearerAuth(token, { tfaToken });
 * ```
 */
export interface BearerAuthOptions {
  /** A TFA token, sent as the `TFAToken` header. */
  tfaToken?: string;
}

/**
 * Bearer token authentication: `Authorization: Bearer <token>`. Use it for OAI-Secure access
 * tokens (`POST /tenant/oauth/token`, or `CookieAuth.toBearer()`), JWT-IAM tokens, device access
 * tokens, or any opaque token.
 *
 * When the token is a JWT its claims are read (not verified): `tenantId` is the `ten` claim,
 * `username` the `sub` claim, `expiresAt` the `exp` claim. An opaque (non-JWT) token is fine:
 * then `claims`, `tenantId`, `username` and `expiresAt` are `undefined`.
 *
 * The token lives in a private field and never appears in `toString()`, `JSON.stringify` or
 * `console.log`. Construction throws `InvalidInputError` for an empty token or one with
 * whitespace, `;`, `,`, CR or LF (pass the bare token, not `Bearer …`).
 *
 * @example
 * ```ts
 * const auth = new BearerAuth(process.env.C8Y_TOKEN!);
 * if (auth.isExpired()) throw new Error(`token expired at ${auth.expiresAt?.toISOString()}`);
 * console.log(auth.tenantId, auth.username); // 't100' 'admin'
 * const client = new CumulocityRestClient({ baseUrl: 'mytenant.cumulocity.com', auth });
 * ```
 */
export class BearerAuth implements AuthStrategy {
  readonly #token: string;
  readonly #claims: JwtClaims | undefined;
  readonly #tfaToken: string | undefined;

  constructor(token: string, options: BearerAuthOptions = {}) {
    assertToken(token, 'token');
    if (options.tfaToken !== undefined) assertSecretText(options.tfaToken, 'options.tfaToken');
    this.#token = token;
    this.#claims = decodeJwtClaims(token);
    this.#tfaToken = options.tfaToken;
  }

  /** The token's JWT claims (unverified), or `undefined` for an opaque token. */
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

  /** The `exp` claim as a Date, if the token has one. */
  get expiresAt(): Date | undefined {
    return expiryOf(this.#claims);
  }

  /**
   * True when the token's `exp` is at or before `now`. A token without `exp` (or an opaque
   * token) never counts as expired: only the server can tell.
   *
   * @example
   * ```ts
   * if (auth.isExpired(Date.now() + 60_000)) auth = await login(); // expires within a minute
   * ```
   */
  isExpired(now: Date | number = Date.now()): boolean {
    return isExpiredAt(this.#claims, now);
  }

  /** Sets `Authorization: Bearer <token>` (and `TFAToken` when given). */
  authorize(headers: Headers): void {
    headers.set('Authorization', `Bearer ${this.#token}`);
    if (this.#tfaToken !== undefined) headers.set('TFAToken', this.#tfaToken);
  }

  /** `BearerAuth(t100/admin, expires 2026-05-01T10:00:00.000Z)` or `BearerAuth(opaque token)`. */
  toString(): string {
    return `BearerAuth(${describeClaims(this.#claims)})`;
  }

  /** What `JSON.stringify` shows: no token. */
  toJSON(): { type: 'BearerAuth'; tenantId?: string; username?: string; expiresAt?: string } {
    return { type: 'BearerAuth', tenantId: this.tenantId, username: this.username, expiresAt: this.expiresAt?.toISOString() };
  }

  /** What `console.log` / `util.inspect` show in Node. */
  [inspectSymbol](): string {
    return this.toString();
  }
}
