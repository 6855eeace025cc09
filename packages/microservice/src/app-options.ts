import type { DurationLike } from '@c8y/rest-core';
import type { ClientFactory, SharedClientOptions } from './client-factory.js';
import type { Environment } from './environment.js';

/**
 * Bounds of an app's cache of callers' clients (see `getUserClient`).
 *
 * @example
 * ```ts
 * const userCache: UserCacheOptions = { maxSize: 500, ttl: '5m' };
 * const app = new SimpleCumulocityApp({ userCache });
 * ```
 */
export interface UserCacheOptions {
  /** The most callers' clients kept; beyond it the least recently used is dropped. @default 100 */
  maxSize?: number;
  /**
   * How long a caller's client is kept after it was built (`'10m'`, ISO-8601, ms, a luxon
   * Duration). A token's own expiry (`exp`) ends it earlier. @default '10m'
   */
  ttl?: DurationLike;
}

/**
 * Options every app takes. Explicit options win over the environment.
 *
 * @example
 * ```ts
 * const options: AppOptions<CumulocityRestClient> = {
 *   env: process.env,                  // the default
 *   clientOptions: { timeout: 30_000 },
 *   userCache: { maxSize: 200 },
 * };
 * ```
 */
export interface AppOptions<C> {
  /** Where the `C8Y_*` variables and `APPLICATION_KEY` are read. @default process.env */
  env?: Environment;
  /** The platform URL. @default env `C8Y_BASEURL` (required when not given) */
  baseUrl?: string;
  /**
   * Sent as `X-Cumulocity-Application-Key` by every client of the app (marks the traffic as the
   * application's). @default env `APPLICATION_KEY`; without either no such header is sent
   */
  applicationKey?: string;
  /** Builds every client of the app. @default `(options) => new CumulocityRestClient(options)` */
  clientFactory?: ClientFactory<C>;
  /** Rest client options for every client (timeout, retry, maxConcurrent, fetch, headers…). @default none (the rest client's defaults) */
  clientOptions?: SharedClientOptions;
  /** Bounds of the callers' client cache. @default `{ maxSize: 100, ttl: '10m' }` */
  userCache?: UserCacheOptions;
}
