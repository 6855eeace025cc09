/** HTTP methods the client sends. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'HEAD' | 'PATCH';

/**
 * When and how long to wait before repeating a failed request. Every field has a default;
 * pass a partial policy, a number (`retry: 5` = `{ limit: 5 }`) or `false` (never retry).
 *
 * **The defaults** ({@link defaultRetryPolicy}) are sized for long reads through a busy platform:
 * up to 8 retries, backoff 0.3 s doubling to at most 10 s with equal jitter, a `Retry-After` of up
 * to 60 s waited exactly, and no retry started past 2 minutes into the call. Backoff alone waits
 * at most 38.9 s over the 8 retries (0.3 + 0.6 + 1.2 + 2.4 + 4.8 + 9.6 + 10 + 10 s; jitter makes
 * it less). A page read fails only when 9 attempts in a row fail: with 17 % of attempts failing
 * (10 % 503, 5 % 429, 2 % dropped connections) that is about 1 in 8 million pages, so reading
 * 50,000 objects at 100 per page finishes; with the former 3 retries a third of such runs failed.
 *
 * @example
 * ```ts
 * const auth = new BasicAuth(username, password);
 * new CumulocityRestClient({ baseUrl, auth, retry: { limit: 5, maxRetryAfterMs: 10_000 } });
 * new CumulocityRestClient({ baseUrl, auth, retry: { limit: 2, retryTimeoutMs: 10_000 } }); // fail fast (interactive use)
 * ```
 */
export interface RetryPolicy {
  /** Retries after the first attempt. @default 8 */
  limit: number;
  /** Statuses worth repeating for idempotent methods. @default [408, 429, 500, 502, 503, 504] */
  statusCodes: readonly number[];
  /** Backoff before the first retry; it doubles with each retry. @default 300 */
  baseDelayMs: number;
  /** Upper bound of the backoff (before jitter). @default 10_000 */
  maxDelayMs: number;
  /**
   * Longest server `Retry-After` (seconds or an HTTP date) that is honoured: one up to this is
   * waited exactly (no jitter); a longer one ends the retries at once, and the error
   * (`RateLimitedError` for 429) carries `retryAfterMs` for the caller to decide.
   * @default 60_000
   */
  maxRetryAfterMs: number;
  /**
   * Randomise each backoff delay uniformly between half and all of it ("equal jitter"): calls
   * failing together spread out, and waits still grow. `Retry-After` waits are not jittered.
   * @default true
   */
  jitter: boolean;
  /**
   * Retry budget of one call, in milliseconds from its first attempt: a retry whose wait would end
   * later is not started, and the last error is thrown. Unlike `totalTimeout` it never cuts an
   * attempt short.
   * @default 120_000
   */
  retryTimeoutMs: number;
  /**
   * Also retry POST and PATCH on the statuses above and on network errors. Off by default:
   * the server may have processed the request. POST/PATCH are always retried on 429, which
   * Cumulocity answers before processing.
   * @default false
   */
  retryNonIdempotent: boolean;
}

/** The defaults of {@link RetryPolicy} (see there for why). */
export const defaultRetryPolicy: Readonly<RetryPolicy> = Object.freeze({
  limit: 8,
  statusCodes: Object.freeze([408, 429, 500, 502, 503, 504]),
  baseDelayMs: 300,
  maxDelayMs: 10_000,
  maxRetryAfterMs: 60_000,
  jitter: true,
  retryTimeoutMs: 120_000,
  retryNonIdempotent: false,
});

/** What a caller may pass as `retry`. */
export type RetryOption = Partial<RetryPolicy> | number | false;
