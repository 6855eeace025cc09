import { parseRetryAfter } from '../errors/error-from-response.js';
import type { HttpMethod, RetryPolicy } from './retry-policy.js';

/** How an attempt failed. */
export type AttemptFailure =
  | { kind: 'status'; status: number; retryAfter?: string | null }
  | { kind: 'network' }
  | { kind: 'timeout' };

/** The facts a retry decision is made from. */
export interface RetryState {
  method: HttpMethod;
  /** Retries already made (0 after the first attempt failed). */
  retriesDone: number;
  failure: AttemptFailure;
  /** Current time, for an HTTP-date `Retry-After`. @default Date.now() */
  now?: number;
}

/** Retry after `delayMs`, or give up and say why. */
export type RetryDecision = { retry: true; delayMs: number } | { retry: false; reason: string };

const idempotentMethods: ReadonlySet<HttpMethod> = new Set(['GET', 'HEAD', 'PUT', 'DELETE']);

/**
 * Decides whether and when to repeat a failed attempt. Pure: the same state, policy and
 * random number give the same answer. Rules:
 * - never more than `policy.limit` retries;
 * - GET, HEAD, PUT, DELETE: retried on `policy.statusCodes`, network errors and attempt timeouts;
 * - POST, PATCH: retried on 429 only (Cumulocity rejects those before processing), unless
 *   `policy.retryNonIdempotent` allows the rest;
 * - a `Retry-After` is waited exactly; one longer than `policy.maxRetryAfterMs` ends the retries;
 * - otherwise exponential backoff from `baseDelayMs`, capped at `maxDelayMs`, with jitter
 *   drawing the delay between half and all of it.
 *
 * @example
 * ```ts
 * decideRetry({ method: 'GET', retriesDone: 0, failure: { kind: 'status', status: 503 } }, defaultRetryPolicy);
 * // { retry: true, delayMs: 150…300 }
 * ```
 */
export function decideRetry(state: RetryState, policy: RetryPolicy, random: () => number = Math.random): RetryDecision {
  const { method, retriesDone, failure } = state;
  if (retriesDone >= policy.limit) return { retry: false, reason: `retry limit of ${policy.limit} reached` };
  const idempotent = idempotentMethods.has(method);
  if (failure.kind === 'status') {
    if (!policy.statusCodes.includes(failure.status)) return { retry: false, reason: `status ${failure.status} is not retried` };
    if (!idempotent && failure.status !== 429 && !policy.retryNonIdempotent) {
      return { retry: false, reason: `${method} is not idempotent; only 429 is retried` };
    }
    const retryAfterMs = parseRetryAfter(failure.retryAfter ?? null, state.now);
    if (retryAfterMs !== undefined) {
      if (retryAfterMs > policy.maxRetryAfterMs) {
        return { retry: false, reason: `Retry-After of ${retryAfterMs} ms exceeds maxRetryAfterMs (${policy.maxRetryAfterMs} ms)` };
      }
      return { retry: true, delayMs: retryAfterMs };
    }
  } else if (!idempotent && !policy.retryNonIdempotent) {
    return { retry: false, reason: `${method} is not idempotent; a ${failure.kind} failure may have been processed` };
  }
  const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retriesDone);
  return { retry: true, delayMs: policy.jitter ? backoff / 2 + random() * (backoff / 2) : backoff };
}
