import { afterEach, describe, expect, it, jest } from '@jest/globals';
import type { ServerResponse } from 'node:http';
import { CumulocityRestClient } from '../../src/index.js';
import { gate, sendJson, useTestServer, waitFor, type RecordedRequest, type TestServer } from '../helpers/test-server.js';
import { clientFor, countingFetch, testAuth } from '../helpers/transport-client.js';

const server = useTestServer();
const other = useTestServer();

/** One turn of the event loop: every callback already queued (microtasks included) has run. */
const turn = () => new Promise((resolve) => setImmediate(resolve));

/**
 * Holds each request on `target` until `size` are held, or until every call of the test that is
 * still unfinished has one held, then answers them all: the server sees exactly `size` requests at
 * once whenever the client lets that many through, with no timing involved (a client that lets
 * fewer through hangs the test, which then fails on its timeout). `attempts` counts the client's
 * fetch calls: `attemptsAtFirstBatch` is their number when the first batch was complete — every
 * call is made at once, so a limit that let more through would have started more by then.
 * `track` registers the calls before their requests can arrive.
 */
function answerInBatches(
  target: TestServer,
  size: number,
  attempts: () => number,
  answer: (request: RecordedRequest, res: ServerResponse) => void,
): { track: <T>(calls: Array<Promise<T>>) => Promise<T[]>; attemptsAtFirstBatch: () => number | undefined } {
  const held: Array<() => void> = [];
  let unfinished = 0;
  let attemptsAtFirstBatch: number | undefined;
  const flush = () => {
    if (held.length === 0 || held.length < Math.min(size, unfinished)) return;
    attemptsAtFirstBatch ??= attempts();
    for (const release of held.splice(0)) release();
  };
  target.handle((request, res) => {
    held.push(() => answer(request, res));
    flush();
  });
  return {
    track: (calls) => {
      unfinished += calls.length;
      const done = () => {
        unfinished--;
        flush();
      };
      for (const call of calls) call.then(done, done);
      return Promise.all(calls);
    },
    attemptsAtFirstBatch: () => attemptsAtFirstBatch,
  };
}

describe('concurrency limit (maxConcurrent)', () => {
  it('25 parallel GETs with maxConcurrent 3: never more than 3 at the server, all 25 succeed', async () => {
    const counted = countingFetch();
    const batches = answerInBatches(server, 3, counted.attempts, (request, res) => sendJson(res, 200, { n: request.url }));
    const client = clientFor(server, { maxConcurrent: 3, fetch: counted.fetch });
    const results = await batches.track(Array.from({ length: 25 }, (_, i) => client.get(`/r/${i}`)));

    expect(results).toEqual(Array.from({ length: 25 }, (_, i) => ({ n: `/r/${i}` })));
    expect(batches.attemptsAtFirstBatch()).toBe(3);
    expect(server.count).toBe(25);
    expect(server.maxInFlight).toBe(3); // the limit is reached, and never exceeded
  });

  it('the default limit is 10', async () => {
    const counted = countingFetch();
    const batches = answerInBatches(server, 10, counted.attempts, (_request, res) => sendJson(res, 200, {}));
    const client = clientFor(server, { fetch: counted.fetch });
    await batches.track(Array.from({ length: 25 }, () => client.get('/x')));
    expect(batches.attemptsAtFirstBatch()).toBe(10);
    expect(server.maxInFlight).toBe(10);
  });

  it('retries queue behind the limit too', async () => {
    // Every request fails once (first sighting of its URL), then succeeds.
    const counted = countingFetch();
    const batches = answerInBatches(server, 2, counted.attempts, (request, res) => {
      const first = server.requests.findIndex((r) => r.url === request.url) === request.index;
      sendJson(res, first ? 503 : 200, {});
    });
    const client = clientFor(server, { maxConcurrent: 2, fetch: counted.fetch });
    await batches.track(Array.from({ length: 8 }, (_, i) => client.get(`/r/${i}`)));
    expect(batches.attemptsAtFirstBatch()).toBe(2);
    expect(counted.attempts()).toBe(16);
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
    const countedA = countingFetch();
    const a = clientFor(server, { maxConcurrent: 1, fetch: countedA.fetch });
    const b = clientFor(other, { maxConcurrent: 1 });

    const stuck = a.get('/slow');
    await waitFor(() => server.count === 1);
    // Client a's only slot is taken; client b is not affected…
    await expect(b.get('/fast')).resolves.toEqual({ from: 'b' });
    // …while a second call on client a waits for the slot: with a free slot it would have been
    // handed to fetch within this turn.
    const queued = a.get('/slow-2');
    await turn();
    expect(countedA.attempts()).toBe(1);
    expect(server.count).toBe(1);

    held.open();
    await expect(stuck).resolves.toEqual({ from: 'a' });
    await expect(queued).resolves.toEqual({ from: 'a' });
    expect(countedA.attempts()).toBe(2);
    expect(server.count).toBe(2);
    expect(pending).toHaveLength(2);
  });

  it('two clients on the same server each get their own maxConcurrent', async () => {
    const counted = countingFetch();
    const batches = answerInBatches(server, 4, counted.attempts, (_request, res) => sendJson(res, 200, {}));
    const a = clientFor(server, { maxConcurrent: 2, fetch: counted.fetch });
    const b = clientFor(server, { maxConcurrent: 2, fetch: counted.fetch });
    await batches.track(Array.from({ length: 6 }, (_, i) => (i % 2 === 0 ? a : b).get('/x')));
    expect(batches.attemptsAtFirstBatch()).toBe(4);
    expect(server.maxInFlight).toBe(4);
  });

  it('a slot is held until the JSON body has been read, not only until the reply headers', async () => {
    const bodiesHeld = gate();
    server.handle(async (_request, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('{"a":');
      await bodiesHeld.promise;
      res.end('1}');
    });
    let heads = 0;
    const counted = countingFetch();
    const client = clientFor(server, {
      maxConcurrent: 2,
      fetch: async (input, init) => {
        const response = await counted.fetch(input, init);
        heads++;
        return response;
      },
    });
    const calls = Array.from({ length: 8 }, () => client.get('/x'));
    // Both slots have their reply head, the bodies are unfinished: no third request may start.
    await waitFor(() => heads === 2);
    await turn();
    expect(counted.attempts()).toBe(2);
    expect(server.count).toBe(2);

    bodiesHeld.open();
    expect(await Promise.all(calls)).toEqual(Array(8).fill({ a: 1 }));
    expect(server.maxInFlight).toBe(2);
  });

  it('an abort while queued removes the call from the queue: it is never sent', async () => {
    const held = gate();
    server.handle(async (_request, res) => {
      await held.promise;
      sendJson(res, 200, {});
    });
    const counted = countingFetch();
    const client = clientFor(server, { maxConcurrent: 1, fetch: counted.fetch });
    const first = client.get('/first');
    await waitFor(() => server.count === 1);
    const controller = new AbortController();
    const reason = { why: 'no longer needed' };
    const queued = client.get('/queued', { signal: controller.signal });
    controller.abort(reason);
    await expect(queued).rejects.toBe(reason);

    held.open();
    await first;
    await turn(); // the freed slot would have gone to the queued call now
    expect(counted.attempts()).toBe(1);
    expect(server.requests.map((request) => request.url)).toEqual(['/first']);
  });
});

describe('the per-attempt timeout and the wait for a slot (fake clock, fake fetch)', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('time spent waiting for a slot does not count against the per-attempt timeout', async () => {
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate'] });
    // A fetch whose replies the test gives, one by one; it fails on abort like fetch does.
    const waiting: Array<{ url: string; reply: () => void }> = [];
    const fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
      const request = new Request(input, init);
      return new Promise<Response>((resolve, reject) => {
        request.signal.addEventListener('abort', () => reject(request.signal.reason));
        waiting.push({ url: request.url, reply: () => resolve(Response.json({ url: request.url })) });
      });
    };
    const client = new CumulocityRestClient({ baseUrl: 'https://t100.example.com', auth: testAuth, fetch, maxConcurrent: 1, timeout: 300, retry: false });
    const calls = Array.from({ length: 5 }, (_, i) => client.get(`/r/${i}`));
    const outcomes = Promise.allSettled(calls);
    // Each request takes 250 ms of the 300 ms allowed; the last one waits 1000 ms for its slot.
    for (let i = 0; i < 5; i++) {
      for (let spin = 0; spin < 1000 && waiting.length === 0; spin++) await turn();
      expect(waiting.map((entry) => entry.url)).toEqual([`https://t100.example.com/r/${i}`]);
      await jest.advanceTimersByTimeAsync(250);
      waiting.shift()?.reply();
    }
    const results = await outcomes;
    expect(results.map((result) => result.status)).toEqual(Array(5).fill('fulfilled'));
    expect(jest.now()).toBeGreaterThanOrEqual(1250);
  });
});
