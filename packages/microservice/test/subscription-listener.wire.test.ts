import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { isCumulocityError } from '@c8y/rest-core';
import nock from 'nock';
import { MultiTenantCumulocityApp } from '../src/index.js';
import { BASE, caught, multiEnv, quiet, settle, SUBSCRIPTIONS, subscriptionsReply, useNock } from './helpers.js';

// The subscription listener on a fake clock: when it polls, what it reports and in which order,
// how failures are handled, and that stop()/close() leave no timer behind.

useNock();
let app: MultiTenantCumulocityApp;
beforeEach(() => {
  jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate'] });
  app = new MultiTenantCumulocityApp({ env: multiEnv(), clientOptions: quiet });
});
afterEach(async () => {
  await app.close();
  jest.useRealTimers();
});

/** Queues subscription replies (a status number answers with that error status); counts the reads. */
function polls(...replies: Array<object | number>): { reads: number; times: number[] } {
  const counter = { reads: 0, times: [] as number[] };
  for (const reply of replies) {
    nock(BASE)
      .get(SUBSCRIPTIONS)
      .reply(() => {
        counter.reads++;
        counter.times.push(Date.now());
        return typeof reply === 'number' ? [reply, { error: 'general/Error', message: 'down' }] : [200, reply];
      });
  }
  return counter;
}

/** Advances the fake clock to the next timer and lets the poll it starts (mocked HTTP, callbacks) finish. */
async function nextPoll(counter: { reads: number }, events: unknown[], expectedEvents: number): Promise<void> {
  const reads = counter.reads;
  await jest.advanceTimersToNextTimerAsync();
  await settle(() => counter.reads === reads + 1 && events.length >= expectedEvents && jest.getTimerCount() === 1, 'the next poll');
}

describe('subscription listener', () => {
  it('polls at once, then every pollInterval; reports tenants that came and went, unsubscriptions first', async () => {
    const counter = polls(
      subscriptionsReply(['t100', 'a'], ['t200', 'b']),
      subscriptionsReply(['t200', 'b'], ['t300', 'c']),
      subscriptionsReply(['t200', 'b'], ['t300', 'c']),
    );
    const events: string[] = [];
    const listener = app.listen({
      pollInterval: '30s',
      onSubscribed: async (tenant) => {
        await Promise.resolve();
        events.push(`+${tenant}`);
      },
      onUnsubscribed: (tenant) => void events.push(`-${tenant}`),
    });
    await listener.ready;
    expect(events).toEqual(['+t100', '+t200']);
    expect(listener.tenants).toEqual(['t100', 't200']);
    expect(jest.getTimerCount()).toBe(1);

    await jest.advanceTimersByTimeAsync(29_999);
    expect(counter.reads).toBe(1);
    await nextPoll(counter, events, 4);
    expect(counter.times[1]! - counter.times[0]!).toBe(30_000);
    expect(events).toEqual(['+t100', '+t200', '-t100', '+t300']);
    expect(listener.tenants).toEqual(['t200', 't300']);

    await nextPoll(counter, events, 4); // nothing changed: nothing reported
    expect(events).toHaveLength(4);
    expect(counter.reads).toBe(3);
    expect(counter.times[2]! - counter.times[1]!).toBe(30_000);
  });

  it('each poll refreshes the app: a tenant it saw needs no further read', async () => {
    const counter = polls(subscriptionsReply(['t100', 'a'], ['t300', 'c']));
    const listener = app.listen({});
    await listener.ready;
    await app.getTenantClient('t300');
    expect(await app.getSubscribers()).toEqual(['t100', 't300']);
    expect(counter.reads).toBe(1);
  });

  it('a failing callback goes to onError and is retried at the next poll; other tenants are not held up', async () => {
    const counter = polls(subscriptionsReply(['t100', 'a'], ['t200', 'b']), subscriptionsReply(['t100', 'a'], ['t200', 'b']));
    const errors: unknown[] = [];
    const events: string[] = [];
    let fail = true;
    const listener = app.listen({
      onSubscribed: (tenant) => {
        if (tenant === 't100' && fail) {
          fail = false;
          throw new Error('t100 setup failed');
        }
        events.push(tenant);
      },
      onError: (error) => errors.push(error),
    });
    await listener.ready;
    expect(events).toEqual(['t200']);
    expect(listener.tenants).toEqual(['t200']);
    expect(errors.map((error) => (error as Error).message)).toEqual(['t100 setup failed']);
    await nextPoll(counter, events, 2);
    expect(events).toEqual(['t200', 't100']);
    expect(listener.tenants).toEqual(['t200', 't100']);
  });

  it('a failed poll goes to onError; the listener polls again after the interval', async () => {
    const counter = polls(503, subscriptionsReply(['t100', 'a']));
    const errors: unknown[] = [];
    const events: string[] = [];
    const listener = app.listen({ onSubscribed: (tenant) => void events.push(tenant), onError: (error) => errors.push(error) });
    await listener.ready;
    expect(errors).toHaveLength(1);
    expect(isCumulocityError(errors[0], 'ServerError')).toBe(true);
    expect(events).toEqual([]);
    await nextPoll(counter, events, 1);
    expect(events).toEqual(['t100']);
  });

  it('without onError a failure is logged with console.error; an onError that throws does not stop the listener', async () => {
    const counter = polls(503, 503);
    const log = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await app.listen({}).ready;
      expect(log).toHaveBeenCalledTimes(1);
      expect(log.mock.calls[0]?.[0]).toBe('@c8y/microservice: subscription listener:');
    } finally {
      log.mockRestore();
    }
    const listener = app.listen({
      onError: () => {
        throw new Error('bad handler');
      },
    });
    await listener.ready;
    expect(listener.running).toBe(true);
    expect(jest.getTimerCount()).toBe(2);
    expect(counter.reads).toBe(2);
  });

  it('stop() leaves no timer and no further poll; a second stop() is harmless', async () => {
    const counter = polls(subscriptionsReply(['t100', 'a']));
    const listener = app.listen({ pollInterval: '1s' });
    await listener.ready;
    expect(jest.getTimerCount()).toBe(1);
    await listener.stop();
    expect([listener.running, jest.getTimerCount()]).toEqual([false, 0]);
    await jest.advanceTimersByTimeAsync(10_000);
    expect(counter.reads).toBe(1);
    await listener.stop();
  });

  it('stop() during a poll aborts it: no callback runs, no timer is left', async () => {
    nock(BASE).get(SUBSCRIPTIONS).delay(5_000).reply(200, subscriptionsReply(['t100', 'a']));
    const events: string[] = [];
    const errors: unknown[] = [];
    const listener = app.listen({ onSubscribed: (tenant) => void events.push(tenant), onError: (error) => errors.push(error) });
    await settle(() => nock.pendingMocks().length === 0, 'the poll request');
    await listener.stop();
    await jest.advanceTimersByTimeAsync(10_000);
    expect([events, errors, jest.getTimerCount()]).toEqual([[], [], 0]);
    nock.abortPendingRequests();
  });

  it('stop() waits for a callback that is running, and starts no further one', async () => {
    polls(subscriptionsReply(['t100', 'a'], ['t200', 'b']));
    let finish!: () => void;
    const events: string[] = [];
    const listener = app.listen({
      onSubscribed: (tenant) => {
        events.push(`start ${tenant}`);
        return new Promise<void>((resolve) => (finish = () => {
          events.push(`end ${tenant}`);
          resolve();
        }));
      },
    });
    await settle(() => events.length === 1, 'the first callback');
    const stopped = listener.stop().then(() => events.push('stopped'));
    await Promise.resolve();
    expect(events).toEqual(['start t100']);
    finish();
    await stopped;
    expect(events).toEqual(['start t100', 'end t100', 'stopped']);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('app.close() stops every listener (listeners started together share their first read)', async () => {
    const counter = polls(subscriptionsReply(['t100', 'a']));
    const one = app.listen({ pollInterval: '1m' });
    const two = app.listen({ pollInterval: '2m' });
    await Promise.all([one.ready, two.ready]);
    expect([counter.reads, one.tenants, two.tenants, jest.getTimerCount()]).toEqual([1, ['t100'], ['t100'], 2]);
    await app.close();
    expect([one.running, two.running, jest.getTimerCount()]).toEqual([false, false, 0]);
  });

  it('bad options are InvalidInputErrors naming them', async () => {
    for (const [options, path] of [
      [{ pollInterval: 0 }, 'options.pollInterval'],
      [{ pollInterval: '30d' }, 'options.pollInterval'],
      [{ pollInterval: 'often' }, 'options.pollInterval'],
      [{ onSubscribed: 'yes' }, 'options.onSubscribed'],
      [{ onError: 1 }, 'options.onError'],
    ] as const) {
      const error = await caught(() => app.listen(options as never));
      expect(isCumulocityError(error, 'InvalidInputError') && error.path).toBe(path);
    }
    expect(isCumulocityError(await caught(() => app.listen(null as never)), 'InvalidInputError')).toBe(true);
    expect(jest.getTimerCount()).toBe(0);
  });
});

describe('subscription listener on real timers', () => {
  it('its timer is unref-ed: it never keeps the process alive', async () => {
    jest.useRealTimers();
    polls(subscriptionsReply(['t100', 'a']));
    // the timers the listener schedules for its next poll (other code in this process may hold timers of its own)
    const hourly: NodeJS.Timeout[] = [];
    const realSetTimeout = globalThis.setTimeout;
    const spy = jest.spyOn(globalThis, 'setTimeout').mockImplementation(((callback: () => void, ms?: number) => {
      const timer = realSetTimeout(callback, ms);
      if (ms === 3_600_000) hourly.push(timer);
      return timer;
    }) as typeof setTimeout);
    try {
      const listener = app.listen({ pollInterval: '1h' });
      await listener.ready;
      expect(hourly).toHaveLength(1);
      expect(hourly[0]!.hasRef()).toBe(false);
      expect(listener.running).toBe(true);
      await listener.stop();
    } finally {
      spy.mockRestore();
    }
  });
});
