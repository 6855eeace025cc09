import { describeClaims, expiryOf, isExpiredAt, type JwtClaims } from './jwt.js';
import { inspectSymbol } from './validate.js';

/**
 * What token-based strategies (`BearerAuth`, `CookieAuth`) share: the token's JWT claims, read
 * without verification, and descriptions that never contain the token.
 */
export abstract class TokenClaimsAuth {
  readonly #kind: 'BearerAuth' | 'CookieAuth';
  readonly #claims: JwtClaims | undefined;

  protected constructor(kind: 'BearerAuth' | 'CookieAuth', claims: JwtClaims | undefined) {
    this.#kind = kind;
    this.#claims = claims;
  }

  /** The token's JWT claims (unverified), or `undefined` for an opaque or unknown token. */
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
   * True when the token's `exp` is at or before `now`. A token without `exp` (an opaque or
   * unknown token) never counts as expired: only the server can tell.
   *
   * @example
   * ```ts
   * let auth = new BearerAuth(token);
   * if (auth.isExpired(Date.now() + 60_000)) auth = (await authenticate({ baseUrl, username, password })).toBearer(); // expires within a minute
   * ```
   */
  isExpired(now: Date | number = Date.now()): boolean {
    return isExpiredAt(this.#claims, now);
  }

  /** `BearerAuth(t100/admin, expires 2026-05-01T10:00:00.000Z)`, `BearerAuth(opaque token)`: never the token. */
  toString(): string {
    return `${this.#kind}(${this.describeToken()})`;
  }

  /** What `JSON.stringify` shows: the strategy, tenant, user and expiry; never a token. */
  toJSON(): { type: 'BearerAuth' | 'CookieAuth'; tenantId?: string; username?: string; expiresAt?: string } {
    return { type: this.#kind, tenantId: this.tenantId, username: this.username, expiresAt: this.expiresAt?.toISOString() };
  }

  /** The part of `toString()` inside the parentheses. */
  protected describeToken(): string {
    return describeClaims(this.#claims);
  }

  /** What `console.log` / `util.inspect` show in Node. */
  [inspectSymbol](): string {
    return this.toString();
  }
}
