import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { isCumulocityError, type FetchFunction } from '@c8y/rest-core';
import nock from 'nock';
import { CredentialsTimeoutError, DeviceCredentials } from '../src/index.js';
import { BASE, CREDENTIALS, expectInvalid, notAccepted, settle, testRegistry, useNock } from './helpers.js';

// awaitCredentials on a fake clock: the clock moves only when a test moves it, so every pause is
// exactly what the registry scheduled and every count is exact, however loaded the machine is.

useNock();
afterEach(() => {
  jest.useRealTimers();
});

/** Fakes timers and `Date`, but leaves what the mocked HTTP exchange needs to run. */
const useFakeClock = () => jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate'] });
const granted = (id: string) => ({ id, self: `${BASE}${CREDENTIALS}/${id}`, tenantId: 't100', username: `device_${id}`, password: 'dev1ce-Pa55' });

/** nock answers: `notYet` 404s, then the credentials; records when each request arrived (fake clock). */
function server(id: string, notYet: number, times: number[]) {
  const scope = nock(BASE);
  if (notYet > 0) {
    scope
      .post(CREDENTIALS, { id })
      .times(notYet)
      .reply(() => {
        times.push(Date.now());
        return notAccepted(id);
      });
  }
  scope.post(CREDENTIALS, { id }).reply(() => {
    times.push(Date.now());
    return [200, granted(id)];
  });
}

/** Settles the outcome of `promise` into a holder, so the test can move the clock meanwhile. */
function track<T>(promise: Promise<T>): { value?: T; error?: unknown; done: boolean } {
  const state: { value?: T; error?: unknown; done: boolean } = { done: false };
  promise.then(
    (value) => Object.assign(state, { value, done: true }),
    (error: unknown) => Object.assign(state, { error, done: true }),
  );
  return state;
}

describe('awaitCredentials polls until accepted', () => {
  it('three 404s, then the credentials: exactly four requests, each after exactly one pause', async () => {
    useFakeClock();
    const times: number[] = [];
    server('raspi-0001', 3, times);
    const outcome = track(testRegistry().awaitCredentials('raspi-0001', { pause: '1s' }));
    for (let pauses = 1; pauses <= 3; pauses++) {
      // the 404 arrived and the pause is scheduled (the deadline and the pause are the only timers)
      await settle(() => times.length === pauses && jest.getTimerCount() === 2, `request ${pauses} and its pause`);
      await jest.advanceTimersByTimeAsync(999);
      expect(times).toHaveLength(pauses); // not a millisecond early
      await jest.advanceTimersByTimeAsync(1);
    }
    await settle(() => outcome.done, 'the credentials');
    expect(times).toHaveLength(4);
    expect(times.slice(1).map((time, index) => time - (times[index] as number))).toEqual([1000, 1000, 1000]);
    expect(outcome.value).toBeInstanceOf(DeviceCredentials);
    const { tenantId, username, password } = outcome.value as DeviceCredentials;
    expect([tenantId, username, password]).toEqual(['t100', 'device_raspi-0001', 'dev1ce-Pa55']);
    expect(jest.getTimerCount()).toBe(0); // the deadline is cleared
  });

  it('accepted at once: one request, no pause', async () => {
    useFakeClock();
    const times: number[] = [];
    server('x', 0, times);
    const credentials = await testRegistry().awaitCredentials('x');
    expect(credentials.externalId).toBe('x');
    expect(times).toHaveLength(1);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('the pause takes every duration form: 250 ms, PT2S', async () => {
    useFakeClock();
    const times: number[] = [];
    server('a', 1, times);
    const first = track(testRegistry().awaitCredentials('a', { pause: 250 }));
    await settle(() => times.length === 1 && jest.getTimerCount() === 2, 'the first request');
    await jest.advanceTimersByTimeAsync(250);
    await settle(() => first.done, 'the credentials');
    expect(times[1]! - times[0]!).toBe(250);

    const again: number[] = [];
    server('b', 1, again);
    const second = track(testRegistry().awaitCredentials('b', { pause: 'PT2S' }));
    await settle(() => again.length === 1 && jest.getTimerCount() === 2, 'the first request');
    await jest.advanceTimersByTimeAsync(2000);
    await settle(() => second.done, 'the credentials');
    expect(again[1]! - again[0]!).toBe(2000);
  });

  it('sends the security token with every request', async () => {
    nock(BASE)
      .post(CREDENTIALS, (body) => JSON.stringify(body) === '{"id":"s1","securityToken":"tok"}')
      .reply(...notAccepted('s1'))
      .post(CREDENTIALS, (body) => JSON.stringify(body) === '{"id":"s1","securityToken":"tok"}')
      .reply(200, granted('s1'));
    const credentials = await testRegistry().awaitCredentials('s1', { pause: 1, securityToken: 'tok' });
    expect(credentials.username).toBe('device_s1');
  });
});

describe('awaitCredentials ends', () => {
  it('after the timeout with a CredentialsTimeoutError (a TimeoutError of scope total): exactly ten requests in 10 s', async () => {
    useFakeClock();
    let requests = 0;
    nock(BASE)
      .post(CREDENTIALS, { id: 'slow' })
      .times(10)
      .reply(() => {
        requests += 1;
        return notAccepted('slow');
      });
    const outcome = track(testRegistry().awaitCredentials('slow', { timeout: '10s', pause: '1s' }));
    for (let request = 1; request <= 10; request++) {
      await settle(() => requests === request && jest.getTimerCount() === 2, `request ${request}`);
      await jest.advanceTimersByTimeAsync(1000);
    }
    await settle(() => outcome.done, 'the timeout');
    const error = outcome.error as CredentialsTimeoutError;
    expect(isCumulocityError(error, 'CredentialsTimeoutError')).toBe(true);
    expect(isCumulocityError(error, 'TimeoutError')).toBe(true);
    expect([error.scope, error.timeoutMs, error.requests, error.externalId, error.method, error.url]).toEqual(['total', 10_000, 10, 'slow', 'POST', `${BASE}${CREDENTIALS}`]);
    expect(error.message).toMatch(/^No credentials for device "slow" within 10000 ms \(10 requests\)/);
    expect(requests).toBe(10);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('the timeout also ends a request that is still running (its fetch is aborted)', async () => {
    useFakeClock();
    const signals: AbortSignal[] = [];
    // A server that never answers: the fetch settles only when its request is aborted.
    const fetch: FetchFunction = (_input, init) =>
      new Promise((_resolve, reject) => {
        const signal = init?.signal as AbortSignal;
        signals.push(signal);
        signal.addEventListener('abort', () => reject(signal.reason), { once: true });
      });
    const outcome = track(testRegistry({ fetch }).awaitCredentials('hung', { timeout: '2m' }));
    await settle(() => signals.length === 1, 'the request');
    await jest.advanceTimersByTimeAsync(120_000);
    await settle(() => outcome.done, 'the timeout');
    expect(isCumulocityError(outcome.error, 'CredentialsTimeoutError')).toBe(true);
    expect((outcome.error as CredentialsTimeoutError).requests).toBe(1);
    expect(signals[0]?.aborted).toBe(true);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('an abort rejects at once with the signal’s reason and clears every timer; no request follows', async () => {
    useFakeClock();
    let requests = 0;
    nock(BASE)
      .post(CREDENTIALS, { id: 'stop' })
      .reply(() => {
        requests += 1;
        return notAccepted('stop');
      });
    const controller = new AbortController();
    const outcome = track(testRegistry().awaitCredentials('stop', { pause: '1m', signal: controller.signal }));
    await settle(() => requests === 1 && jest.getTimerCount() === 2, 'the first request and its pause');
    const reason = new Error('shutting down');
    controller.abort(reason);
    await settle(() => outcome.done, 'the rejection');
    expect(outcome.error).toBe(reason);
    expect(jest.getTimerCount()).toBe(0);
    await jest.advanceTimersByTimeAsync(120_000);
    expect(requests).toBe(1);
  });

  it('an abort during a request aborts it; an aborted signal sends nothing', async () => {
    const signals: AbortSignal[] = [];
    const fetch: FetchFunction = (_input, init) =>
      new Promise((_resolve, reject) => {
        const signal = init?.signal as AbortSignal;
        signals.push(signal);
        signal.addEventListener('abort', () => reject(signal.reason), { once: true });
      });
    const controller = new AbortController();
    const outcome = track(testRegistry({ fetch }).awaitCredentials('busy', { signal: controller.signal }));
    await settle(() => signals.length === 1, 'the request');
    controller.abort('user');
    await settle(() => outcome.done, 'the rejection');
    expect(outcome.error).toBe('user');
    expect(signals[0]?.aborted).toBe(true);

    const aborted = AbortSignal.abort('already');
    await expect(testRegistry({ fetch }).awaitCredentials('busy', { signal: aborted })).rejects.toBe('already');
    expect(signals).toHaveLength(1);
  });

  it.each([
    [401, 'UnauthorizedError', { error: 'security/Unauthorized', message: 'Invalid credentials! : Bad credentials' }],
    [403, 'ForbiddenError', { error: 'access/Access Denied', message: 'Access is denied' }],
    [422, 'ValidationError', { error: 'devicecontrol/Invalid Data', message: 'id is required' }],
    [500, 'ServerError', { error: 'general/Internal Server Error', message: 'boom' }],
  ] as const)('a %i rejects at once (%s): one request, no pause, no timer left', async (status, kind, body) => {
    useFakeClock();
    let requests = 0;
    nock(BASE)
      .post(CREDENTIALS)
      .reply(() => {
        requests += 1;
        return [status, body];
      });
    // The default retry policy: a POST is not retried on these.
    const outcome = track(testRegistry({ retry: undefined }).awaitCredentials('e1'));
    await settle(() => outcome.done, 'the rejection');
    expect(isCumulocityError(outcome.error, kind)).toBe(true);
    expect(requests).toBe(1);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('a reply that is not credentials is a ResponseFormatError that does not quote it', async () => {
    nock(BASE).post(CREDENTIALS).reply(200, { id: 'f', tenantId: 't100', username: 'device_f', password: '' });
    const error = await testRegistry()
      .awaitCredentials('f')
      .catch((thrown: unknown) => thrown);
    expect(isCumulocityError(error, 'ResponseFormatError')).toBe(true);
    expect((error as Error).message).toMatch(/without password/);
    expect((error as Error).message).not.toMatch(/device_f/);
  });
});

describe('awaitCredentials checks its input before any request', () => {
  it.each([
    ['', 'externalId', /non-empty string/],
    [42, 'externalId', /got number/],
  ] as const)('external id %p', async (externalId, path, message) => {
    await expectInvalid(() => testRegistry().awaitCredentials(externalId as string), path, message);
  });

  it.each([
    [{ timeout: 0 }, 'timeout', /longer than 0/],
    [{ timeout: '0s' }, 'timeout', /longer than 0/],
    [{ timeout: 'soon' }, 'timeout', undefined],
    [{ timeout: -5 }, 'timeout', undefined],
    [{ timeout: '30d' }, 'timeout', /at most 2147483647 ms/],
    [{ pause: 0 }, 'pause', /longer than 0/],
    [{ pause: 'P1M' }, 'pause', /months/],
    [{ securityToken: '' }, 'securityToken', /non-empty string/],
  ] as const)('%p', async (options, path, message) => {
    await expectInvalid(() => testRegistry().awaitCredentials('x', options as never), path, message);
  });
});
