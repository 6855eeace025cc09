import { afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import nock from 'nock';
import { CumulocityRestClient, isCumulocityError } from '../../src/index.js';
import { testAuth } from '../client/test-auth.js';

const base = 'https://t100.example.com';

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  jest.useRealTimers();
  nock.cleanAll();
});

/** Lets real I/O (the mocked HTTP exchange) run without moving the fake clock, until `done()`. */
async function settle(done: () => boolean): Promise<void> {
  for (let i = 0; i < 1000 && !done(); i++) await new Promise((resolve) => setImmediate(resolve));
  if (!done()) throw new Error('the expected request never happened');
}

/** Checks that the next attempt comes exactly `delayMs` after the previous one, not a millisecond earlier. */
async function expectNextAttemptAfter(delayMs: number, attempts: () => number): Promise<void> {
  const before = attempts();
  // The client runs with `timeout: false`, so the only timer is the backoff wait.
  await settle(() => jest.getTimerCount() === 1);
  await jest.advanceTimersByTimeAsync(delayMs - 1);
  await settle(() => true);
  expect(attempts()).toBe(before);
  await jest.advanceTimersByTimeAsync(1);
  await settle(() => attempts() === before + 1);
}

describe('backoff timing (fake timers)', () => {
  it('waits 300, 600, 1200 ms between GET attempts, then gives up with the last error', async () => {
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate'] });
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
    const attempts = () => attemptTimes.length;
    await settle(() => attempts() === 1);
    await expectNextAttemptAfter(300, attempts);
    await expectNextAttemptAfter(600, attempts);
    await expectNextAttemptAfter(1200, attempts);
    await settle(() => settled !== undefined);
    expect(isCumulocityError(settled, 'ServerError')).toBe(true);
    await jest.advanceTimersByTimeAsync(10_000);
    expect(attempts()).toBe(4);
  });

  it('honours Retry-After for a POST on 429, and only once it has passed', async () => {
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate'] });
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
    client.post('/measurement/measurements', { type: 't' }).then((value) => (result = value));
    const attempts = () => attemptTimes.length;
    await settle(() => attempts() === 1);
    await expectNextAttemptAfter(4000, attempts);
    await settle(() => result !== undefined);
    expect(result).toEqual({ id: '1' });
  });
});
