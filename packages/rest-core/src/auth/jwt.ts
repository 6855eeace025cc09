import { decodeBase64, decodeUtf8 } from './encoding.js';

/**
 * The payload of a JSON Web Token, as {@link decodeJwtClaims} reads it. The claims Cumulocity's
 * OAI-Secure tokens carry are typed; a listed claim with an unexpected JSON type is left out.
 * Any other claim is kept as `unknown`.
 *
 * @example
 * ```ts
 * const claims: JwtClaims | undefined = decodeJwtClaims(token);
 * const tenant = claims?.ten; // 't100'
 * const custom = claims?.['myClaim']; // unknown
 * ```
 */
export interface JwtClaims {
  /** Subject: the user name (without tenant). */
  readonly sub?: string;
  /** Cumulocity: the tenant id. */
  readonly ten?: string;
  /** Expiry, seconds since the epoch. */
  readonly exp?: number;
  /** Issued at, seconds since the epoch. */
  readonly iat?: number;
  /** Not before, seconds since the epoch. */
  readonly nbf?: number;
  /** Issuer (for OAI-Secure, the tenant's domain). */
  readonly iss?: string;
  /** Audience. */
  readonly aud?: string | readonly string[];
  /** Token id. */
  readonly jti?: string;
  /** Cumulocity: token client id. */
  readonly tci?: string;
  /** Cumulocity: whether the login passed two-factor authentication. */
  readonly tfa?: boolean;
  /** Cumulocity: the XSRF token that goes with this (cookie) token. */
  readonly xsrfToken?: string;
  readonly [claim: string]: unknown;
}

const claimTypes: Readonly<Record<string, (value: unknown) => boolean>> = {
  sub: (v) => typeof v === 'string',
  ten: (v) => typeof v === 'string',
  iss: (v) => typeof v === 'string',
  jti: (v) => typeof v === 'string',
  tci: (v) => typeof v === 'string',
  xsrfToken: (v) => typeof v === 'string',
  exp: (v) => Number.isFinite(v), // a number: Number.isFinite does not coerce
  iat: (v) => Number.isFinite(v), // a number: Number.isFinite does not coerce
  nbf: (v) => Number.isFinite(v), // a number: Number.isFinite does not coerce
  tfa: (v) => typeof v === 'boolean',
  aud: (v) => typeof v === 'string' || (Array.isArray(v) && v.every((item) => typeof item === 'string')),
};

/**
 * Reads the claims of a JWT **without verifying its signature**: use them to learn the tenant,
 * user and expiry of a token you hold, never to trust a token someone handed you (the platform
 * verifies tokens; a microservice verifies a caller with `GET /user/currentUser`).
 *
 * Returns `undefined` when `token` is not a JWT: not three dot-separated base64url parts, or a
 * payload that is not a UTF-8 JSON object. Never throws.
 *
 * @example
 * ```ts
 * const claims = decodeJwtClaims(token);
 * if (claims?.exp !== undefined && claims.exp * 1000 < Date.now()) console.log('expired');
 * console.log(claims?.ten, claims?.sub); // 't100' 'admin'
 * ```
 */
export function decodeJwtClaims(token: string): JwtClaims | undefined {
  if (typeof token !== 'string') return undefined;
  const parts = token.split('.');
  if (parts.length !== 3 || parts.some((part, index) => part === '' && index !== 2)) return undefined;
  const bytes = decodeBase64(parts[1] ?? '', 'base64url');
  const json = bytes === undefined ? undefined : decodeUtf8(bytes);
  if (json === undefined) return undefined;
  let payload: unknown;
  try {
    payload = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return undefined;
  const claims: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(payload)) {
    const check = Object.hasOwn(claimTypes, name) ? claimTypes[name] : undefined;
    if (check === undefined || check(value)) claims[name] = value;
  }
  return Object.freeze(claims) as JwtClaims;
}

/** `exp` as a Date, when the claims have one. */
export function expiryOf(claims: JwtClaims | undefined): Date | undefined {
  if (claims?.exp === undefined) return undefined;
  const date = new Date(claims.exp * 1000);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** True when `exp` is at or before `now`; false when there is no `exp`. */
export function isExpiredAt(claims: JwtClaims | undefined, now: Date | number): boolean {
  if (claims?.exp === undefined) return false;
  const nowMs = typeof now === 'number' ? now : now.getTime();
  return claims.exp * 1000 <= nowMs;
}

/** `t100/admin` style label of the claims for `toString()`; no secrets. */
export function describeClaims(claims: JwtClaims | undefined): string {
  if (claims === undefined) return 'opaque token';
  const who = [claims.ten, claims.sub].filter((part) => part !== undefined).join('/') || 'JWT';
  const expiry = expiryOf(claims);
  return expiry === undefined ? who : `${who}, expires ${expiry.toISOString()}`;
}
