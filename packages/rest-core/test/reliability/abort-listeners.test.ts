import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { getEventListeners } from 'node:events';
import { runBulk } from '../../src/index.js';
import { getAll } from '../../src/paging/index.js';
import { sendJson, useTestServer } from '../helpers/test-server.js';
import { clientFor } from '../helpers/transport-client.js';
import { inventory } from '../paging/helpers.js';

// Node warns `MaxListenersExceededWarning: … 11 abort listeners added to [AbortSignal]` when more
// than 10 listeners wait on one signal. A caller's signal must carry one listener per operation
// (a bulk run, a paged read, a call), not one per request, attempt, wait or queue slot — and none
// once the operation is over.

const server = useTestServer();
let warnings: Error[] = [];
const onWarning = (warning: Error) => warnings.push(warning);
beforeEach(() => {
  warnings = [];
  process.on('warning', onWarning);
});
afterEach(() => {
  process.off('warning', onWarning);
});

const listeners = (signal: AbortSignal) => getEventListeners(signal, 'abort').length;

/** Samples the listener count of `signal` on every turn of the event loop while `action` runs. */
async function peakListeners<T>(signal: AbortSignal, action: () => Promise<T>): Promise<{ peak: number; result: T }> {
  let peak = listeners(signal);
  const sampler = setInterval(() => (peak = Math.max(peak, listeners(signal))), 0);
  try {
    const result = await action();
    return { peak: Math.max(peak, listeners(signal)), result };
  } finally {
    clearInterval(sampler);
  }
}

/** Lets pending `process.emitWarning` calls (they are emitted on a later tick) arrive. */
const nextTicks = () => new Promise((resolve) => setTimeout(resolve, 20));

const slowJson = (delayMs: number) => (_request: unknown, res: Parameters<typeof sendJson>[0]) => {
  setTimeout(() => sendJson(res, 200, { id: '1' }), delayMs);
};

describe('abort listeners on the caller’s signal', () => {
  it('runBulk with workers: 20 over 200 GETs: one listener at most, none afterwards, no warning', async () => {
    let failOnce = true;
    server.handle((request, res) => {
      // Some retries too: an attempt, a wait and the next attempt per call.
      if (request.url.endsWith('/7') && failOnce) {
        failOnce = false;
        return sendJson(res, 503, {});
      }
      slowJson(5)(request, res);
    });
    const client = clientFor(server, { maxConcurrent: 20 });
    const controller = new AbortController();
    const ids = Array.from({ length: 200 }, (_, index) => String(index));
    const { peak, result } = await peakListeners(controller.signal, () =>
      runBulk(ids, (id, { signal }) => client.get(`/inventory/managedObjects/${id}`, { signal }), { workers: 20, signal: controller.signal }),
    );
    await nextTicks();

    expect(result).toHaveLength(200);
    expect(server.count).toBe(201);
    expect(server.maxInFlight).toBeGreaterThan(10); // really concurrent
    expect(peak).toBeLessThanOrEqual(1);
    expect(listeners(controller.signal)).toBe(0);
    expect(warnings.filter((warning) => warning.name === 'MaxListenersExceededWarning')).toEqual([]);
  });

  it('runBulk: aborting the caller’s signal still reaches every running operation', async () => {
    server.handle(() => undefined); // never answers
    const client = clientFor(server, { maxConcurrent: 20, timeout: false });
    const controller = new AbortController();
    const reason = new Error('stop');
    const ids = Array.from({ length: 50 }, (_, index) => String(index));
    const seen: unknown[] = [];
    const run = runBulk(ids, (id, { signal }) => client.get(`/x/${id}`, { signal }).catch((error: unknown) => (seen.push(error), Promise.reject(error))), {
      workers: 20,
      signal: controller.signal,
    });
    while (server.count < 20) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort(reason);

    await expect(run).rejects.toBe(reason);
    expect(seen).toHaveLength(20);
    expect(seen.every((error) => error === reason)).toBe(true);
    await Promise.all(server.requests.map((request) => request.closed));
    expect(server.count).toBe(20);
    expect(listeners(controller.signal)).toBe(0);
  });

  it('getAll with workers: 20 and a signal: one listener at most, none afterwards, no warning', async () => {
    server.handle((request, res) => {
      const page = Number(new URL(request.url, server.url).searchParams.get('currentPage'));
      const items = page <= 30 ? Array.from({ length: 5 }, (_, index) => ({ id: `${page}-${index}` })) : [];
      setTimeout(() => sendJson(res, 200, { managedObjects: items, statistics: { currentPage: page, pageSize: 5 } }), 3);
    });
    const client = clientFor(server, { maxConcurrent: 20 });
    const controller = new AbortController();
    const { peak, result } = await peakListeners(controller.signal, () =>
      getAll(client, inventory, undefined, { pageSize: 5, workers: 20, signal: controller.signal }),
    );
    await nextTicks();

    expect(result).toHaveLength(150);
    expect(peak).toBeLessThanOrEqual(1);
    expect(listeners(controller.signal)).toBe(0);
    expect(warnings.filter((warning) => warning.name === 'MaxListenersExceededWarning')).toEqual([]);
  });

  it.each([false, 10_000] as const)('one call with retries (totalTimeout %p): one listener while it runs, none afterwards', async (totalTimeout) => {
    let attempts = 0;
    server.handle((request, res) => (++attempts < 3 ? sendJson(res, 503, {}) : slowJson(5)(request, res)));
    const client = clientFor(server, { maxConcurrent: 1 });
    const controller = new AbortController();
    const { peak } = await peakListeners(controller.signal, () => client.get('/x', { signal: controller.signal, totalTimeout }));
    expect(attempts).toBe(3);
    expect(peak).toBeLessThanOrEqual(1);
    expect(listeners(controller.signal)).toBe(0);
  });
});
