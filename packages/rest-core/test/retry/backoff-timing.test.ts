import { afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import nock from 'nock';
import { CumulocityRestClient, isCumulocityError } from '../../src/index.js';
import { testAuth } from '../client/test-auth.js';

// The client's waits measured on a fake clock: the clock moves only when a test moves it, so a
// delay is exactly what the client scheduled, however loaded the machine is.

const base = 'https://t100.example.com';

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  jest.useRealTimers();
  nock.cleanAll();
});

/** Fakes timers and `Date`, but leaves what the mocked HTTP exchange needs to run. */
const useFakeClock = () => jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate'] });

/** Lets real I/O (the mocked HTTP exchange) run without moving the fake clock, until `done()`. */
async function settle(done: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 1000 && !done(); i++) await new Promise((resolve) => setImmediate(resolve));
  if (!done()) throw new Error(`${what} never happened`);
}

/**
 * Waits until the client has scheduled its backoff wait (with `timeout: false` and no
 * `totalTimeout`, the only timer), fires it, and returns how far the fake clock had to move.
 */
async function fireBackoff(): Promise<number> {
  await settle(() => jest.getTimerCount() === 1, 'the backoff wait');
  const before = jest.now();
  await jest.advanceTimersToNextTimerAsync();
  return jest.now() - before;
}

describe('backoff timing (fake clock)', () => {
  it('waits exactly 300, 600, 1200 ms between GET attempts, then gives up with the last error', async () => {
    useFakeClock();
    const attemptTimes: number[] = [];
    nock(base)
      .get('/x')
      .times(4)
      .reply(() => {
        attemptTimes.push(Date.now());
        return [503, { error: 'general/unavailable', message: 'busy' }];
      });
    const client = new CumulocityRestClient({ baseUrl: base, auth: testAuth, retry: { jitter: false, limit: 3 }, timeout: false });
    let settled: unknown;
    client.get('/x').catch((error: unknown) => (settled = error));
    const waits: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      await settle(() => attemptTimes.length === attempt, `attempt ${attempt}`);
      waits.push(await fireBackoff());
    }
    await settle(() => settled !== undefined, 'the rejection');

    expect(waits).toEqual([300, 600, 1200]);
    // Each attempt was sent the moment its wait ended: not before, and not later.
    expect(attemptTimes.slice(1).map((time, index) => time - (attemptTimes[index] as number))).toEqual([300, 600, 1200]);
    expect(isCumulocityError(settled, 'ServerError')).toBe(true);
    expect(attemptTimes).toHaveLength(4);
    expect(jest.getTimerCount()).toBe(0); // nothing scheduled after giving up
  });

  it('honours Retry-After for a POST on 429: exactly 4000 ms, whatever the jittered backoff would be', async () => {
    useFakeClock();
    const attemptTimes: number[] = [];
    nock(base)
      .post('/measurement/measurements')
      .reply(() => {
        attemptTimes.push(Date.now());
        return [429, '', { 'Retry-After': '4' }];
      })
      .post('/measurement/measurements')
      .reply(() => {
        attemptTimes.push(Date.now());
        return [201, { id: '1' }];
      });
    const client = new CumulocityRestClient({ baseUrl: base, auth: testAuth, timeout: false });
    let result: unknown;
    void client.post('/measurement/measurements', { type: 't' }).then((value) => (result = value));
    await settle(() => attemptTimes.length === 1, 'the first attempt');
    expect(await fireBackoff()).toBe(4000);
    await settle(() => result !== undefined, 'the second attempt');

    expect(result).toEqual({ id: '1' });
    expect(attemptTimes.map((time) => time - (attemptTimes[0] as number))).toEqual([0, 4000]);
  });

  it('totalTimeout cuts a backoff wait short: Retry-After 5 s with totalTimeout 200 ms → TimeoutError (total) at 200 ms', async () => {
    useFakeClock();
    let attempts = 0;
    nock(base)
      .get('/x')
      .times(2)
      .reply(() => {
        attempts++;
        return [503, { error: 'general/unavailable', message: 'busy' }, { 'Retry-After': '5' }];
      });
    const client = new CumulocityRestClient({ baseUrl: base, auth: testAuth, timeout: false, totalTimeout: 200 });
    const started = jest.now();
    let settled: unknown;
    client.get('/x').catch((error: unknown) => (settled = error));
    // Two timers: the total timeout and the 5 s wait for the retry.
    await settle(() => attempts === 1 && jest.getTimerCount() === 2, 'the Retry-After wait');
    await jest.advanceTimersByTimeAsync(200);
    await settle(() => settled !== undefined, 'the rejection at the total timeout');

    expect(isCumulocityError(settled, 'TimeoutError')).toBe(true);
    expect((settled as { scope?: unknown }).scope).toBe('total');
    expect((settled as { timeoutMs?: unknown }).timeoutMs).toBe(200);
    expect(jest.now() - started).toBe(200);
    expect(attempts).toBe(1);
    expect(jest.getTimerCount()).toBe(0); // the 5 s wait was cleared, not left running
  });

  it('totalTimeout over many short waits: attempts every 60 ms until exactly 400 ms, then TimeoutError (total) and nothing more', async () => {
    useFakeClock();
    const attemptTimes: number[] = [];
    nock(base)
      .get('/inventory/managedObjects')
      .times(50)
      .reply(() => {
        attemptTimes.push(Date.now());
        return [503, { error: 'x/unavailable', message: 'busy' }];
      });
    const client = new CumulocityRestClient({
      baseUrl: base,
      auth: testAuth,
      timeout: false,
      totalTimeout: 400,
      retry: { limit: 50, baseDelayMs: 60, maxDelayMs: 60, jitter: false },
    });
    const started = jest.now();
    let settled: unknown;
    client.get('/inventory/managedObjects').catch((error: unknown) => (settled = error));
    // Each step: the attempt's reply is in and its 60 ms wait scheduled (beside the total timer).
    while (settled === undefined) {
      await settle(() => settled !== undefined || jest.getTimerCount() === 2, 'the next wait');
      if (settled === undefined) await jest.advanceTimersToNextTimerAsync();
    }

    expect(isCumulocityError(settled, 'TimeoutError')).toBe(true);
    expect((settled as { scope?: unknown }).scope).toBe('total');
    expect((settled as { timeoutMs?: unknown }).timeoutMs).toBe(400);
    expect(jest.now() - started).toBe(400);
    expect(attemptTimes.map((time) => time - started)).toEqual([0, 60, 120, 180, 240, 300, 360]);
    expect(jest.getTimerCount()).toBe(0);
  });
});

describe('an abort during a wait (fake clock)', () => {
  const reason = Object.freeze({ code: 'USER_CANCELLED' });

  it('during a backoff wait: rejects with the reason at once, the wait is cleared, no second attempt', async () => {
    useFakeClock();
    let attempts = 0;
    nock(base)
      .get('/x')
      .times(2)
      .reply(() => {
        attempts++;
        return [503, {}];
      });
    const controller = new AbortController();
    const client = new CumulocityRestClient({ baseUrl: base, auth: testAuth, timeout: false, retry: { limit: 3, baseDelayMs: 3_000, maxDelayMs: 3_000, jitter: false } });
    let settled: unknown;
    client.get('/x', { signal: controller.signal }).catch((error: unknown) => (settled = error));
    await settle(() => attempts === 1 && jest.getTimerCount() === 1, 'the backoff wait');
    const abortedAt = jest.now();
    controller.abort(reason);
    await settle(() => settled !== undefined, 'the rejection');

    expect(settled).toBe(reason);
    expect(jest.now()).toBe(abortedAt); // without the clock moving: the 3 s wait did not run out
    expect(jest.getTimerCount()).toBe(0);
    expect(attempts).toBe(1);
  });

  it('during a Retry-After wait of a POST: rejects with the reason at once, no second attempt', async () => {
    useFakeClock();
    let attempts = 0;
    nock(base)
      .post('/measurement/measurements')
      .times(2)
      .reply(() => {
        attempts++;
        return [429, {}, { 'Retry-After': '5' }];
      });
    const controller = new AbortController();
    const client = new CumulocityRestClient({ baseUrl: base, auth: testAuth, timeout: false });
    let settled: unknown;
    client.post('/measurement/measurements', { a: 1 }, { signal: controller.signal }).catch((error: unknown) => (settled = error));
    await settle(() => attempts === 1 && jest.getTimerCount() === 1, 'the Retry-After wait');
    const abortedAt = jest.now();
    controller.abort(reason);
    await settle(() => settled !== undefined, 'the rejection');

    expect(settled).toBe(reason);
    expect(jest.now()).toBe(abortedAt);
    expect(jest.getTimerCount()).toBe(0);
    expect(attempts).toBe(1);
  });
});
