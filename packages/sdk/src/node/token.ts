import { decodeJwtClaims, type JwtClaims } from '@c8y/rest-core';
import type { TextOutput } from './streams.js';

/** A token that expires sooner than this is not used. */
export const TOKEN_MARGIN_MS = 60_000;

/**
 * The claims of `token` when it is usable (not expired and not expiring within a minute);
 * otherwise `undefined`, after writing why to `stderr` (never the token). A token without an
 * `exp` claim, or an opaque one, is usable with empty claims.
 */
export function usableToken(token: string, source: string, stderr: TextOutput, now = Date.now()): JwtClaims | undefined {
  const claims = decodeJwtClaims(token) ?? {};
  if (claims.exp === undefined) return claims;
  const expiresMs = claims.exp * 1000;
  if (expiresMs - now > TOKEN_MARGIN_MS) return claims;
  const when = Number.isFinite(expiresMs) ? new Date(expiresMs).toISOString() : String(claims.exp);
  const state = expiresMs <= now ? `expired at ${when}` : `expires at ${when}, within a minute`;
  stderr.write(`The token in ${source} ${state}: not using it.\n`);
  return undefined;
}
