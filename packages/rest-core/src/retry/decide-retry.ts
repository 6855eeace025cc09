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
  /** Milliseconds since the call's first attempt started, for `policy.retryTimeoutMs`. @default 0 */
  elapsedMs?: number;
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
 * - a `Retry-After` up to `policy.maxRetryAfterMs` is waited exactly; a longer one ends the
 *   retries (it is not cut down: the server asked for that long);
 * - otherwise exponential backoff `baseDelayMs × 2^retriesDone`, capped at `maxDelayMs`, with
 *   jitter drawing the delay uniformly between half and all of it;
 * - no retry whose wait would end after `policy.retryTimeoutMs` from the call's start (`elapsedMs`).
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
      return withinBudget(retryAfterMs, state, policy);
    }
  } else if (!idempotent && !policy.retryNonIdempotent) {
    return { retry: false, reason: `${method} is not idempotent; a ${failure.kind} failure may have been processed` };
  }
  const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retriesDone);
  return withinBudget(policy.jitter ? backoff / 2 + random() * (backoff / 2) : backoff, state, policy);
}

function withinBudget(delayMs: number, state: RetryState, policy: RetryPolicy): RetryDecision {
  const budget = policy.retryTimeoutMs ?? Number.POSITIVE_INFINITY;
  const elapsed = state.elapsedMs ?? 0;
  if (elapsed + delayMs > budget) {
    return { retry: false, reason: `a retry after ${Math.round(delayMs)} ms would end past retryTimeoutMs (${budget} ms; ${Math.round(elapsed)} ms spent)` };
  }
  return { retry: true, delayMs };
}
