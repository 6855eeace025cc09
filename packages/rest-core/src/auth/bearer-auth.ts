import type { AuthStrategy } from './auth-strategy.js';
import { decodeJwtClaims } from './jwt.js';
import { TokenClaimsAuth } from './token-claims-auth.js';
import { assertSecretText, assertToken } from './validate.js';

/**
 * Options of {@link BearerAuth}.
 *
 * @example
 * ```ts
 * new BearerAuth(token, { tfaToken: 'the-tfa-token' });
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
export class BearerAuth extends TokenClaimsAuth implements AuthStrategy {
  readonly #token: string;
  readonly #tfaToken: string | undefined;

  constructor(token: string, options: BearerAuthOptions = {}) {
    assertToken(token, 'token');
    if (options.tfaToken !== undefined) assertSecretText(options.tfaToken, 'options.tfaToken');
    super('BearerAuth', decodeJwtClaims(token));
    this.#token = token;
    this.#tfaToken = options.tfaToken;
  }

  /** Sets `Authorization: Bearer <token>` (and `TFAToken` when given). */
  authorize(headers: Headers): void {
    headers.set('Authorization', `Bearer ${this.#token}`);
    if (this.#tfaToken !== undefined) headers.set('TFAToken', this.#tfaToken);
  }
}
