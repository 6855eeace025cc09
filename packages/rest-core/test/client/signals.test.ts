import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { getEventListeners } from 'node:events';
import { abortable, sleep } from '../../src/client/signals.js';

// The two waits the client builds on a caller's signal: `sleep` (the backoff between attempts) and
// `abortable` (a caller's view of a shared piece of work). Both must end with the signal's reason
// and leave no listener on it once they are over: callers reuse one signal for many calls.

const listeners = (signal: AbortSignal) => getEventListeners(signal, 'abort').length;

/** Lets settled promises run their callbacks (no timers involved). */
const flush = () => new Promise((resolve) => setImmediate(resolve));

/** What a promise has done so far: 'pending', or how it settled. */
function track(promise: Promise<unknown>): () => { state: 'pending' | 'resolved' | 'rejected'; value?: unknown } {
  let outcome: { state: 'pending' | 'resolved' | 'rejected'; value?: unknown } = { state: 'pending' };
  promise.then(
    (value) => (outcome = { state: 'resolved', value }),
    (value: unknown) => (outcome = { state: 'rejected', value }),
  );
  return () => outcome;
}

describe('sleep', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('resolves after exactly `ms` and then leaves no listener on the signal', async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate'] });
    const controller = new AbortController();
    const slept = track(sleep(300, controller.signal));
    expect(listeners(controller.signal)).toBe(1);

    await jest.advanceTimersByTimeAsync(299);
    expect(slept()).toEqual({ state: 'pending' });
    await jest.advanceTimersByTimeAsync(1);
    expect(slept()).toEqual({ state: 'resolved', value: undefined });
    expect(listeners(controller.signal)).toBe(0);
  });

  it('an abort ends the wait with the reason at once, clears the timer and leaves no listener', async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate'] });
    const controller = new AbortController();
    const reason = new Error('stop waiting');
    const slept = track(sleep(10_000, controller.signal));
    await jest.advanceTimersByTimeAsync(100);

    controller.abort(reason);
    await flush();
    expect(slept()).toEqual({ state: 'rejected', value: reason });
    expect(jest.getTimerCount()).toBe(0);
    expect(listeners(controller.signal)).toBe(0);
  });

  it('an already aborted signal rejects with its reason without a timer or a listener', async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate'] });
    const controller = new AbortController();
    const reason = new Error('aborted before');
    controller.abort(reason);
    await expect(sleep(300, controller.signal)).rejects.toBe(reason);
    expect(jest.getTimerCount()).toBe(0);
    expect(listeners(controller.signal)).toBe(0);
  });
});

describe('abortable', () => {
  /** A promise the test settles. */
  function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: unknown) => void } {
    let resolve: (value: T) => void = () => undefined;
    let reject: (error: unknown) => void = () => undefined;
    const promise = new Promise<T>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  }

  it('resolves with the work’s value and then leaves no listener on the signal', async () => {
    const work = deferred<string>();
    const controller = new AbortController();
    const result = track(abortable(work.promise, controller.signal));
    await flush();
    expect(result()).toEqual({ state: 'pending' });
    expect(listeners(controller.signal)).toBe(1);

    work.resolve('t100');
    await flush();
    expect(result()).toEqual({ state: 'resolved', value: 't100' });
    expect(listeners(controller.signal)).toBe(0);
  });

  it('rejects with the work’s error and then leaves no listener on the signal', async () => {
    const work = deferred<string>();
    const controller = new AbortController();
    const failure = new Error('lookup failed');
    const result = track(abortable(work.promise, controller.signal));
    work.reject(failure);
    await flush();
    expect(result()).toEqual({ state: 'rejected', value: failure });
    expect(listeners(controller.signal)).toBe(0);
  });

  it('an abort rejects with the reason at once and drops the listener, while the work goes on', async () => {
    const work = deferred<string>();
    const controller = new AbortController();
    const reason = new Error('caller gave up');
    const result = track(abortable(work.promise, controller.signal));

    controller.abort(reason);
    await flush();
    expect(result()).toEqual({ state: 'rejected', value: reason });
    // The work is still running, yet the aborted signal holds nothing of this wait any more.
    expect(listeners(controller.signal)).toBe(0);

    work.resolve('t100');
    await expect(work.promise).resolves.toBe('t100');
    await flush();
    expect(result()).toEqual({ state: 'rejected', value: reason });
  });

  it('an already aborted signal rejects with its reason and adds no listener', async () => {
    const work = deferred<string>();
    const controller = new AbortController();
    const reason = new Error('aborted before');
    controller.abort(reason);
    const result = track(abortable(work.promise, controller.signal));
    await flush();
    expect(result()).toEqual({ state: 'rejected', value: reason });
    expect(listeners(controller.signal)).toBe(0);
    work.resolve('late');
  });
});
