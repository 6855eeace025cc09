import { describe, expect, it } from '@jest/globals';
import type { ServerResponse } from 'node:http';
import { delay, gate, sendJson, useTestServer, waitFor } from '../helpers/test-server.js';
import { clientFor } from '../helpers/transport-client.js';

const server = useTestServer();
const other = useTestServer();

describe('concurrency limit (maxConcurrent)', () => {
  it('25 parallel GETs with maxConcurrent 3: never more than 3 at the server, all 25 succeed', async () => {
    let inFlight = 0;
    let peak = 0;
    server.handle(async (request, res) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await delay(15);
      inFlight--;
      sendJson(res, 200, { n: request.url });
    });
    const client = clientFor(server, { maxConcurrent: 3 });
    const results = await Promise.all(Array.from({ length: 25 }, (_, i) => client.get(`/r/${i}`)));

    expect(results).toEqual(Array.from({ length: 25 }, (_, i) => ({ n: `/r/${i}` })));
    expect(server.count).toBe(25);
    expect(peak).toBe(3); // the limit is reached, and never exceeded
    expect(server.maxInFlight).toBe(3);
  });

  it('the default limit is 10', async () => {
    server.handle(async (_request, res) => {
      await delay(20);
      sendJson(res, 200, {});
    });
    const client = clientFor(server);
    await Promise.all(Array.from({ length: 25 }, () => client.get('/x')));
    expect(server.maxInFlight).toBe(10);
  });

  it('retries queue behind the limit too', async () => {
    server.handle(async (request, res) => {
      await delay(10);
      // Every request fails once (first sighting of its URL), then succeeds.
      const first = server.requests.findIndex((r) => r.url === request.url) === request.index;
      sendJson(res, first ? 503 : 200, {});
    });
    const client = clientFor(server, { maxConcurrent: 2 });
    await Promise.all(Array.from({ length: 8 }, (_, i) => client.get(`/r/${i}`)));
    expect(server.count).toBe(16);
    expect(server.maxInFlight).toBe(2);
  });

  it('two clients have separate limiters', async () => {
    const held = gate();
    const pending: ServerResponse[] = [];
    server.handle(async (_request, res) => {
      pending.push(res);
      await held.promise;
      sendJson(res, 200, { from: 'a' });
    });
    other.handle((_request, res) => sendJson(res, 200, { from: 'b' }));
    const a = clientFor(server, { maxConcurrent: 1 });
    const b = clientFor(other, { maxConcurrent: 1 });

    const stuck = a.get('/slow');
    await waitFor(() => server.count === 1);
    // Client a's only slot is taken; client b is not affected…
    await expect(b.get('/fast')).resolves.toEqual({ from: 'b' });
    // …while a second call on client a waits for the slot.
    const queued = a.get('/slow-2');
    await delay(50);
    expect(server.count).toBe(1);

    held.open();
    await expect(stuck).resolves.toEqual({ from: 'a' });
    await expect(queued).resolves.toEqual({ from: 'a' });
    expect(server.count).toBe(2);
    expect(pending).toHaveLength(2);
  });

  it('two clients on the same server each get their own maxConcurrent', async () => {
    server.handle(async (_request, res) => {
      await delay(20);
      sendJson(res, 200, {});
    });
    const a = clientFor(server, { maxConcurrent: 2 });
    const b = clientFor(server, { maxConcurrent: 2 });
    await Promise.all(Array.from({ length: 6 }, (_, i) => (i % 2 === 0 ? a : b).get('/x')));
    expect(server.maxInFlight).toBe(4);
  });

  it('a slot is held until the JSON body has been read, not only until the reply headers', async () => {
    server.handle(async (_request, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('{"a":');
      await delay(30);
      res.end('1}');
    });
    const client = clientFor(server, { maxConcurrent: 2 });
    const results = await Promise.all(Array.from({ length: 8 }, () => client.get('/x')));
    expect(results).toEqual(Array(8).fill({ a: 1 }));
    expect(server.maxInFlight).toBe(2);
  });

  it('time spent waiting for a slot does not count against the per-attempt timeout', async () => {
    server.handle(async (_request, res) => {
      await delay(100);
      sendJson(res, 200, { ok: true });
    });
    // Each request takes ~100 ms, well within 300 ms; queued behind each other, the last one
    // waits ~400 ms for its slot. Without retries, a timer that starts before the slot would fail it.
    const client = clientFor(server, { maxConcurrent: 1, timeout: 300, retry: false });
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => client.get('/x')));
    expect(results.map((result) => result.status)).toEqual(Array(5).fill('fulfilled'));
    expect(server.count).toBe(5);
  });

  it('an abort while queued removes the call from the queue: it is never sent', async () => {
    const held = gate();
    server.handle(async (_request, res) => {
      await held.promise;
      sendJson(res, 200, {});
    });
    const client = clientFor(server, { maxConcurrent: 1 });
    const first = client.get('/first');
    await waitFor(() => server.count === 1);
    const controller = new AbortController();
    const reason = { why: 'no longer needed' };
    const queued = client.get('/queued', { signal: controller.signal });
    controller.abort(reason);
    await expect(queued).rejects.toBe(reason);

    held.open();
    await first;
    await delay(50);
    expect(server.requests.map((request) => request.url)).toEqual(['/first']);
  });
});
