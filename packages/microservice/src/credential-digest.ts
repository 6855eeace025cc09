import { createHmac, randomBytes } from 'node:crypto';
import type { BasicAuth, BearerAuth, CookieAuth } from '@c8y/rest-core';

/** The headers that carry credentials; what a cache key's digest covers. */
const credentialHeaders = ['authorization', 'cookie', 'x-xsrf-token', 'tfatoken'] as const;

/**
 * Digests of credentials for cache keys: an HMAC-SHA256 under a random key of this instance, so
 * a key that ends up in a log or a heap dump reveals nothing (not even a guessable hash of a weak
 * password). Internal.
 */
export class CredentialDigest {
  readonly #key = randomBytes(32);

  /** The digest of a text (base64url). */
  of(text: string): string {
    return createHmac('sha256', this.#key).update(text, 'utf8').digest('base64url');
  }

  /**
   * The digest of exactly what `auth` sends (its credential headers for `tenantId`): two callers
   * share a digest only if their requests would carry the same credentials.
   */
  ofAuth(auth: BasicAuth | BearerAuth | CookieAuth, tenantId: string | undefined): string {
    const headers = new Headers();
    auth.authorize(headers, { tenantId });
    return this.of(credentialHeaders.map((name) => `${name}:${headers.get(name) ?? ''}`).join('\n'));
  }
}
