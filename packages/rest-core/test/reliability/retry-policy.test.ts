import { afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import nock from 'nock';
import { CumulocityRestClient, decideRetry, defaultRetryPolicy, isCumulocityError, type AttemptFailure } from '../../src/index.js';
import { testAuth } from '../helpers/transport-client.js';

describe('the default retry policy', () => {
  const status = (code: number, retryAfter?: string): AttemptFailure => ({ kind: 'status', status: code, retryAfter });
  const noJitter = { ...defaultRetryPolicy, jitter: false };

  it('is what the RetryPolicy docs say: 8 retries, 0.3 s doubling to 10 s, Retry-After ≤ 60 s, a 2 min budget', () => {
    expect(defaultRetryPolicy).toEqual({
      limit: 8,
      statusCodes: [408, 429, 500, 502, 503, 504],
      baseDelayMs: 300,
      maxDelayMs: 10_000,
      maxRetryAfterMs: 60_000,
      jitter: true,
      retryTimeoutMs: 120_000,
      retryNonIdempotent: false,
    });
    const waits = Array.from({ length: 9 }, (_, retriesDone) => decideRetry({ method: 'GET', retriesDone, failure: status(503) }, noJitter));
    expect(waits.map((decision) => (decision.retry ? decision.delayMs : false))).toEqual([300, 600, 1200, 2400, 4800, 9600, 10_000, 10_000, false]);
  });

  it('jitter draws each backoff between half and all of it (not from 0), never for Retry-After', () => {
    for (const retriesDone of [0, 3, 7]) {
      const full = Math.min(10_000, 300 * 2 ** retriesDone);
      expect(decideRetry({ method: 'GET', retriesDone, failure: status(503) }, defaultRetryPolicy, () => 0)).toEqual({ retry: true, delayMs: full / 2 });
      const high = decideRetry({ method: 'GET', retriesDone, failure: status(503) }, defaultRetryPolicy, () => 0.999_999);
      expect(high.retry && high.delayMs).toBeCloseTo(full, 0);
    }
    expect(decideRetry({ method: 'GET', retriesDone: 2, failure: status(429, '7') }, defaultRetryPolicy, () => 0)).toEqual({ retry: true, delayMs: 7_000 });
  });

  it('a Retry-After above maxRetryAfterMs ends the retries (it is not cut down to the cap)', () => {
    expect(decideRetry({ method: 'GET', retriesDone: 0, failure: status(429, '60') }, defaultRetryPolicy)).toEqual({ retry: true, delayMs: 60_000 });
    const refused = decideRetry({ method: 'GET', retriesDone: 0, failure: status(429, '61') }, defaultRetryPolicy);
    expect(refused).toEqual({ retry: false, reason: expect.stringContaining('exceeds maxRetryAfterMs') });
  });

  it('retryTimeoutMs: no retry whose wait would end past the budget, counted from the first attempt', () => {
    const at = (elapsedMs: number, failure: AttemptFailure, retriesDone = 5) => decideRetry({ method: 'GET', retriesDone, failure, elapsedMs }, noJitter);
    expect(at(110_000, status(503))).toEqual({ retry: true, delayMs: 9_600 });
    expect(at(110_401, status(503))).toEqual({ retry: false, reason: expect.stringContaining('retryTimeoutMs (120000 ms') });
    expect(at(100_000, status(503, '30'))).toMatchObject({ retry: false });
    expect(at(100_000, status(503, '20'))).toEqual({ retry: true, delayMs: 20_000 });
    expect(decideRetry({ method: 'GET', retriesDone: 0, failure: status(503), elapsedMs: 0 }, { ...noJitter, retryTimeoutMs: 100 })).toMatchObject({ retry: false });
  });
});

describe('retryTimeoutMs in the client (fake clock)', () => {
  const base = 'https://t100.example.com';
  beforeAll(() => nock.disableNetConnect());
  afterEach(() => {
    jest.useRealTimers();
    nock.cleanAll();
  });

  async function settle(done: () => boolean): Promise<void> {
    for (let i = 0; i < 1000 && !done(); i++) await new Promise((resolve) => setImmediate(resolve));
    if (!done()) throw new Error('never happened');
  }

  it('stops retrying once the next wait would end past the budget: 1 s waits, 3.5 s budget → 4 attempts', async () => {
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate'] });
    let attempts = 0;
    nock(base)
      .get('/x')
      .times(10)
      .reply(() => {
        attempts++;
        return [503, { error: 'general/unavailable' }];
      });
    const client = new CumulocityRestClient({
      baseUrl: base,
      auth: testAuth,
      timeout: false,
      retry: { limit: 50, baseDelayMs: 1_000, maxDelayMs: 1_000, jitter: false, retryTimeoutMs: 3_500 },
    });
    let settled: unknown;
    client.get('/x').catch((error: unknown) => (settled = error));
    for (let attempt = 1; attempt <= 3; attempt++) {
      await settle(() => attempts === attempt && jest.getTimerCount() === 1);
      await jest.advanceTimersToNextTimerAsync();
    }
    await settle(() => settled !== undefined);

    expect(attempts).toBe(4); // at 0, 1, 2 and 3 s; a fifth would start at 4 s > 3.5 s
    expect(isCumulocityError(settled, 'ServerError')).toBe(true);
    expect(jest.getTimerCount()).toBe(0);
  });
});
