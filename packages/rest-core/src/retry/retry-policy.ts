/** HTTP methods the client sends. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'HEAD' | 'PATCH';

/**
 * When and how long to wait before repeating a failed request. Every field has a default;
 * pass a partial policy, a number (`retry: 5` = `{ limit: 5 }`) or `false` (never retry).
 *
 * @example
 * ```ts
 * new CumulocityRestClient({ baseUrl, auth, retry: { limit: 5, maxRetryAfterMs: 10_000 } });
 * ```
 */
export interface RetryPolicy {
  /** Retries after the first attempt. @default 3 */
  limit: number;
  /** Statuses worth repeating for idempotent methods. @default [408, 429, 500, 502, 503, 504] */
  statusCodes: readonly number[];
  /** Delay before the first retry; doubles each time. @default 300 */
  baseDelayMs: number;
  /** Upper bound of the computed backoff delay. @default 30_000 */
  maxDelayMs: number;
  /** Upper bound for a server's `Retry-After`; a longer wait is cut to this. @default 60_000 */
  maxRetryAfterMs: number;
  /** Randomise backoff delays between 0 and the computed delay ("full jitter"). @default true */
  jitter: boolean;
  /**
   * Also retry POST and PATCH on the statuses above and on network errors. Off by default:
   * the server may have processed the request. POST/PATCH are always retried on 429, which
   * Cumulocity answers before processing.
   * @default false
   */
  retryNonIdempotent: boolean;
}

/** The defaults of {@link RetryPolicy}. */
export const defaultRetryPolicy: Readonly<RetryPolicy> = Object.freeze({
  limit: 3,
  statusCodes: Object.freeze([408, 429, 500, 502, 503, 504]),
  baseDelayMs: 300,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 60_000,
  jitter: true,
  retryNonIdempotent: false,
});

/** What a caller may pass as `retry`. */
export type RetryOption = Partial<RetryPolicy> | number | false;
