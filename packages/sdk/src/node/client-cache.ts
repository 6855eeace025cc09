import type { CumulocityClient } from '../cumulocity-client.js';

/** Clients by (base URL, tenant, user); pending logins too, so two calls at once log in once. */
const clients = new Map<string, Promise<CumulocityClient>>();

/** The cache key of a user of a tenant at a URL; an unknown tenant is ''. */
export function clientKey(baseUrl: string, tenantId: string | undefined, user: string): string {
  return JSON.stringify([baseUrl, tenantId ?? '', user]);
}

/** The cached client (or pending login) under `key`, if any. */
export function cachedClient(key: string): Promise<CumulocityClient> | undefined {
  return clients.get(key);
}

/**
 * Caches `pending` under `keys` while it runs; a failed login leaves the cache as it was, and a
 * successful one is also cached under `more()` (the key with the resolved tenant).
 */
export function cacheClient(keys: readonly string[], pending: Promise<CumulocityClient>, more: () => string | undefined): Promise<CumulocityClient> {
  for (const key of keys) clients.set(key, pending);
  pending.then(
    () => {
      const key = more();
      if (key !== undefined && !clients.has(key)) clients.set(key, pending);
    },
    () => {
      for (const key of keys) if (clients.get(key) === pending) clients.delete(key);
    },
  );
  return pending;
}

/**
 * Forgets every client `getClient` has cached: the next call logs in again (e.g. after a
 * password change, or between tests).
 *
 * @example
 * ```ts
 * import { clearClientCache, getClient } from '@c8y/sdk';
 * clearClientCache();
 * const fresh = await getClient();
 * ```
 */
export function clearClientCache(): void {
  clients.clear();
}
