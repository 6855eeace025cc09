import { afterEach, describe, expect, it } from '@jest/globals';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { getAll, select } from '../../src/paging/index.js';
import { idsOf, inventory, makeItems, range, startServer, trackedFetch, until, type CollectionServer } from './helpers.js';

// Integration tests over real HTTP against a local `node:http` server implementing
// `GET /inventory/managedObjects` paging, normal and restricted (offset) mode. The server counts
// requests in flight and aborted connections exactly, which the emulator does not expose; the
// same scenarios against the emulator are in emulator.test.ts.

let server: CollectionServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

const total = 20_000;
const sortNumeric = (ids: string[]) => [...ids].sort((a, b) => Number(a) - Number(b));
const visible = (position: number) => (position * 7919) % 10 >= 3; // ~30 % hidden, deterministic

describe('getAll over 20,000 objects', () => {
  it('workers: 10 returns each object exactly once', async () => {
    server = await startServer({ count: total, delay: ({ index }) => index % 3 });
    const items = await getAll(server.client(), inventory, undefined, { pageSize: 100, workers: 10 });
    expect(items).toHaveLength(total);
    expect(sortNumeric(idsOf(items))).toEqual(range(1, total));
    expect(server.maxInFlight).toBeLessThanOrEqual(10);
    expect(server.pages.filter((page) => page > 201).length).toBeLessThanOrEqual(9); // speculation past the end ≤ workers - 1
  });

  it('ordered when asked (revert), while fetching ahead', async () => {
    server = await startServer({ count: total, delay: ({ index }) => (index * 7) % 5 });
    const items = await getAll(server.client(), inventory, { revert: true }, { pageSize: 100, workers: 10 });
    expect(idsOf(items)).toEqual(range(1, total));
    expect(server.maxInFlight).toBeGreaterThan(1);
  });

  it('as a user with only inventory roles (offset paging): each visible object exactly once, in server order', async () => {
    server = await startServer({ count: total, restricted: { visible } });
    const items = await getAll(server.client(), inventory, undefined, { pageSize: 100, workers: 10 });
    const expected = makeItems(total)
      .filter((_, index) => visible(index + 1))
      .map((item) => item.id);
    expect(idsOf(items)).toEqual(expected);
  });

  it('with injected 429, 503 and connection resets: still each object exactly once (the client retries)', async () => {
    const faulted = new Set<string>();
    server = await startServer({
      count: total,
      override: ({ index, url }, res) => {
        const key = url.search;
        if (index % 5 !== 0 || faulted.has(key)) return false;
        faulted.add(key);
        const kind = faulted.size % 3;
        if (kind === 0) res.writeHead(429, { 'retry-after': '0', 'content-type': 'application/json' }).end('{"error":"x/Too Many","message":"slow down"}');
        else if (kind === 1) res.writeHead(503, { 'content-type': 'application/json' }).end('{"error":"x/Unavailable","message":"try later"}');
        else res.socket?.destroy();
        return true;
      },
    });
    const client = server.client({ retry: { limit: 3, baseDelayMs: 1, jitter: false } });
    const items = await getAll(client, inventory, undefined, { pageSize: 100, workers: 10 });
    expect(sortNumeric(idsOf(items))).toEqual(range(1, total));
    expect(faulted.size).toBeGreaterThan(30);
  });

  it('limit is respected with no page requested beyond it', async () => {
    server = await startServer({ count: total });
    const items = await getAll(server.client(), inventory, undefined, { pageSize: 100, workers: 10, limit: 5_050 });
    expect(sortNumeric(idsOf(items))).toEqual(range(1, 5_050));
    expect(sortNumeric(server.pages.map(String))).toEqual(range(1, 51));
  });

  it('abort mid-way leaves no request running', async () => {
    // Pages after 30 are slow, so requests are surely running when the consumer aborts.
    server = await startServer({ count: total, delay: ({ currentPage }) => (currentPage > 30 ? 600_000 : 2) });
    const controller = new AbortController();
    const tracked = trackedFetch();
    let seen = 0;
    let runningAtAbort = 0;
    const run = (async () => {
      for await (const _item of select(server.client({ fetch: tracked.fetch }), inventory, undefined, { pageSize: 100, workers: 10, signal: controller.signal })) {
        if (++seen === 3_000) {
          await until(() => (server?.inFlight ?? 0) === 9); // pages 31–39: workers - 1 while page 30 is held
          runningAtAbort = server?.inFlight ?? 0;
          controller.abort(new Error('stop'));
        }
      }
    })();
    await expect(run).rejects.toThrow('stop');
    const startedAtRejection = tracked.started();
    // Every request the client started has failed (aborted) and the server has seen it close;
    // none of that started another request.
    await tracked.idle();
    await server.settled();
    expect(server.inFlight).toBe(0);
    expect(server.aborted).toBe(runningAtAbort);
    expect(tracked.started()).toBe(startedAtRejection);
    expect(server.requests).toHaveLength(startedAtRejection);
  });
});

describe('memory while streaming', () => {
  it('heap does not grow with the collection: 200,000 small objects streamed', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    server = await startServer({ count: 200_000 });
    const heapAt: number[] = [];
    let seen = 0;
    gc();
    const before = process.memoryUsage().heapUsed;
    for await (const item of select(server.client(), inventory, undefined, { pageSize: 2_000, workers: 4 })) {
      seen++;
      if (seen % 50_000 === 0) {
        gc();
        heapAt.push(process.memoryUsage().heapUsed);
      }
      if (item === undefined) throw new Error('unreachable');
    }
    expect(seen).toBe(200_000);
    gc();
    const after = process.memoryUsage().heapUsed;
    // Holding the objects would take tens of MB (~200 B each); streaming holds ≤ 4 pages of 2,000.
    expect(after - before).toBeLessThan(8 * 1024 * 1024);
    expect(Math.max(...heapAt) - before).toBeLessThan(16 * 1024 * 1024);
  }, 60_000);
});
