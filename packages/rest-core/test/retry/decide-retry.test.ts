import { describe, expect, it } from '@jest/globals';
import { decideRetry, defaultRetryPolicy, type AttemptFailure, type HttpMethod, type RetryPolicy } from '../../src/index.js';

const policy: RetryPolicy = { ...defaultRetryPolicy, jitter: false, baseDelayMs: 100, limit: 3 };
const status = (code: number, retryAfter?: string): AttemptFailure => ({ kind: 'status', status: code, retryAfter });
const network: AttemptFailure = { kind: 'network' };
const timeout: AttemptFailure = { kind: 'timeout' };

describe('decideRetry', () => {
  // method, failure, retries done, expected (delay or false)
  const table: Array<[HttpMethod, AttemptFailure, number, number | false]> = [
    ['GET', status(500), 0, 100],
    ['GET', status(502), 1, 200],
    ['GET', status(503), 2, 400],
    ['GET', status(504), 3, false], // limit 3 reached
    ['GET', status(408), 0, 100],
    ['GET', status(429), 0, 100],
    ['GET', status(400), 0, false],
    ['GET', status(401), 0, false],
    ['GET', status(404), 0, false],
    ['GET', status(409), 0, false],
    ['GET', status(422), 0, false],
    ['GET', status(501), 0, false],
    ['GET', network, 0, 100],
    ['GET', timeout, 1, 200],
    ['HEAD', status(503), 0, 100],
    ['PUT', status(503), 0, 100],
    ['PUT', network, 0, 100],
    ['DELETE', status(500), 0, 100],
    ['DELETE', timeout, 0, 100],
    ['POST', status(429), 0, 100],
    ['POST', status(429, '2'), 0, 2000],
    ['POST', status(500), 0, false],
    ['POST', status(503), 0, false],
    ['POST', network, 0, false],
    ['POST', timeout, 0, false],
    ['PATCH', status(502), 0, false],
    ['PATCH', status(429), 1, 200],
    ['GET', status(503, '3'), 0, 3000],
    ['GET', status(429, '0'), 0, 0],
    ['GET', status(429, '61'), 0, false], // beyond maxRetryAfterMs (60 s)
    ['GET', status(429, 'garbage'), 0, 100],
  ];

  it.each(table)('%s after %j with %i retries done → %p', (method, failure, retriesDone, expected) => {
    const decision = decideRetry({ method, failure, retriesDone }, policy);
    if (expected === false) expect(decision.retry).toBe(false);
    else expect(decision).toEqual({ retry: true, delayMs: expected });
  });

  it('explains a refusal', () => {
    expect(decideRetry({ method: 'POST', retriesDone: 0, failure: status(500) }, policy)).toEqual({
      retry: false,
      reason: 'POST is not idempotent; only 429 is retried',
    });
  });

  it('retries POST on 5xx and network errors only when opted in', () => {
    const optedIn = { ...policy, retryNonIdempotent: true };
    expect(decideRetry({ method: 'POST', retriesDone: 0, failure: status(500) }, optedIn)).toEqual({ retry: true, delayMs: 100 });
    expect(decideRetry({ method: 'POST', retriesDone: 0, failure: network }, optedIn)).toEqual({ retry: true, delayMs: 100 });
    expect(decideRetry({ method: 'POST', retriesDone: 0, failure: status(400) }, optedIn).retry).toBe(false);
  });

  it('caps exponential backoff at maxDelayMs', () => {
    const capped = { ...policy, limit: 20, maxDelayMs: 1000 };
    expect(decideRetry({ method: 'GET', retriesDone: 10, failure: network }, capped)).toEqual({ retry: true, delayMs: 1000 });
  });

  it('draws jittered delays between half and all of the backoff', () => {
    const jittered = { ...policy, jitter: true };
    const low = decideRetry({ method: 'GET', retriesDone: 2, failure: network }, jittered, () => 0);
    const high = decideRetry({ method: 'GET', retriesDone: 2, failure: network }, jittered, () => 0.999999);
    expect(low).toEqual({ retry: true, delayMs: 200 });
    expect(high.retry && high.delayMs).toBeCloseTo(400, 2);
  });

  it('reads an HTTP-date Retry-After against now, without jitter', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    const decision = decideRetry(
      { method: 'GET', retriesDone: 0, failure: status(503, 'Thu, 01 Jan 2026 00:00:05 GMT'), now },
      { ...policy, jitter: true },
      () => 0,
    );
    expect(decision).toEqual({ retry: true, delayMs: 5000 });
  });

  it('never retries with limit 0', () => {
    expect(decideRetry({ method: 'GET', retriesDone: 0, failure: status(503) }, { ...policy, limit: 0 }).retry).toBe(false);
  });
});
