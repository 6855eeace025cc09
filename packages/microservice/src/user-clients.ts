import { InvalidInputError, toDurationMs, type BasicAuth, type BearerAuth, type CookieAuth } from '@c8y/rest-core';
import type { UserCacheOptions } from './app-options.js';
import { CredentialDigest } from './credential-digest.js';
import { TtlCache } from './ttl-cache.js';

const defaultMaxSize = 100;
const defaultTtlMs = 10 * 60_000;
const separator = '\u0000';

/**
 * Which cached callers' clients to drop (all when empty).
 *
 * @example
 * ```ts
 * const filter: UserCacheFilter = { tenantId: 't200', username: 'alice' };
 * ```
 */
export interface UserCacheFilter {
  /** Only this tenant's callers. */
  tenantId?: string;
  /** Only callers with this user name (without tenant prefix). */
  username?: string;
}

/**
 * The callers' clients of an app, keyed by tenant, user name and a digest of the exact
 * credentials, bounded in size (LRU) and age (TTL, and a token's expiry). Internal.
 */
export class UserClients<C> {
  readonly #cache: TtlCache<string, C>;
  readonly #ttlMs: number;
  readonly #digest = new CredentialDigest();

  constructor(options: UserCacheOptions = {}) {
    if (typeof options !== 'object' || options === null) throw new InvalidInputError('must be an object', { path: 'options.userCache' });
    const maxSize = options.maxSize ?? defaultMaxSize;
    if (!Number.isSafeInteger(maxSize) || maxSize < 1) throw new InvalidInputError('must be a whole number of at least 1', { path: 'options.userCache.maxSize' });
    this.#ttlMs = options.ttl === undefined ? defaultTtlMs : toDurationMs(options.ttl, 'options.userCache.ttl');
    if (this.#ttlMs <= 0) throw new InvalidInputError('must be longer than 0', { path: 'options.userCache.ttl' });
    this.#cache = new TtlCache(maxSize);
  }

  /** The cached client for these credentials, or a new one from `build` (cached unless the token has expired). */
  get(auth: BasicAuth | BearerAuth | CookieAuth, tenantId: string | undefined, build: () => C): C {
    const key = [tenantId ?? '', auth.username ?? '', this.#digest.ofAuth(auth, tenantId)].join(separator);
    const cached = this.#cache.get(key);
    if (cached !== undefined) return cached;
    const client = build();
    const now = Date.now();
    const tokenExpiry = 'expiresAt' in auth ? auth.expiresAt?.getTime() : undefined;
    const expiresAt = Math.min(now + this.#ttlMs, tokenExpiry ?? Number.POSITIVE_INFINITY);
    if (expiresAt > now) this.#cache.set(key, client, expiresAt);
    return client;
  }

  /** How many clients are cached (expired ones not yet swept included). */
  get size(): number {
    return this.#cache.size;
  }

  /** Drops the clients matching `filter` (all without one). */
  clear(filter: UserCacheFilter = {}): void {
    const { tenantId, username } = filter;
    if (tenantId === undefined && username === undefined) return this.#cache.clear();
    this.#cache.deleteWhere((key) => {
      const first = key.indexOf(separator);
      const last = key.lastIndexOf(separator);
      return (tenantId === undefined || key.slice(0, first) === tenantId) && (username === undefined || key.slice(first + 1, last) === username);
    });
  }
}
