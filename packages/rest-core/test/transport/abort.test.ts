import { describe, expect, it } from '@jest/globals';
import { delay, sendJson, useTestServer, waitFor } from '../helpers/test-server.js';
import { clientFor, rejectionOf } from '../helpers/transport-client.js';

const server = useTestServer();

/** A reason that is not an Error, to prove the client rejects with exactly what was given. */
const reason = Object.freeze({ code: 'USER_CANCELLED', note: 'closed the dialog' });

/** A fetch that counts the replies whose head has reached the client. */
function observedFetch(): { fetch: typeof fetch; replies: () => number } {
  let replies = 0;
  return {
    fetch: async (input, init) => {
      const response = await globalThis.fetch(input, init);
      replies++;
      return response;
    },
    replies: () => replies,
  };
}

describe('abort with the caller’s signal', () => {
  it('mid-request: rejects with the signal’s reason, and the server sees the connection closed', async () => {
    server.handle(() => undefined); // never answers
    const controller = new AbortController();
    const pending = rejectionOf(clientFor(server, { timeout: 5_000 }).get('/x', { signal: controller.signal }));
    await waitFor(() => server.count === 1);
    controller.abort(reason);

    expect(await pending).toBe(reason);
    await expect(server.requests[0]?.closed).resolves.toBe(true);
    await delay(100);
    expect(server.count).toBe(1); // an abort is not retried
  });

  it('mid-body: rejects with the reason while the JSON body is streaming', async () => {
    server.handle((_request, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '100' });
      res.write('{"a":');
    });
    const controller = new AbortController();
    const observed = observedFetch();
    const pending = rejectionOf(clientFor(server, { timeout: 5_000, fetch: observed.fetch }).get('/x', { signal: controller.signal }));
    await waitFor(() => observed.replies() === 1); // the head has reached the client, the body is pending
    controller.abort(reason);

    expect(await pending).toBe(reason);
    await expect(server.requests[0]?.closed).resolves.toBe(true);
  });

  it('during a backoff wait: rejects promptly, no more attempts', async () => {
    const controller = new AbortController();
    const observed = observedFetch();
    server.handle((_request, res) => sendJson(res, 503, {}));
    const client = clientFor(server, { fetch: observed.fetch, retry: { limit: 3, baseDelayMs: 3_000, maxDelayMs: 3_000, jitter: false } });
    const pending = rejectionOf(client.get('/x', { signal: controller.signal }));
    await waitFor(() => observed.replies() === 1);
    await delay(30); // the 503 is read; the client waits 3 s before the retry
    const abortedAt = Date.now();
    controller.abort(reason);
    const error = await pending;
    const rejectedAfterAbort = Date.now() - abortedAt;

    expect(error).toBe(reason);
    expect(rejectedAfterAbort).toBeLessThan(1_000); // the wait was 3 s
    await delay(100);
    expect(server.count).toBe(1);
  });

  it('during a Retry-After wait of a POST: rejects with the reason, no second attempt', async () => {
    const controller = new AbortController();
    const observed = observedFetch();
    server.handle((_request, res) => sendJson(res, 429, {}, { 'Retry-After': '5' }));
    const pending = rejectionOf(clientFor(server, { fetch: observed.fetch }).post('/measurement/measurements', { a: 1 }, { signal: controller.signal }));
    await waitFor(() => observed.replies() === 1);
    await delay(30);
    controller.abort(reason);
    expect(await pending).toBe(reason);
    await delay(100);
    expect(server.count).toBe(1);
  });

  it('before the start: rejects with the reason and sends nothing', async () => {
    const controller = new AbortController();
    controller.abort(reason);
    const error = await rejectionOf(clientFor(server).get('/x', { signal: controller.signal }));

    expect(error).toBe(reason);
    await delay(100);
    expect(server.count).toBe(0);
  });

  it('abort() without a reason rejects with the signal’s default AbortError', async () => {
    server.handle(() => undefined);
    const controller = new AbortController();
    const pending = rejectionOf(clientFor(server).get('/x', { signal: controller.signal }));
    await waitFor(() => server.count === 1);
    controller.abort();

    const error = await pending;
    expect(error).toBe(controller.signal.reason);
    expect((error as Error).name).toBe('AbortError');
  });

  it('an aborted call leaves the client usable', async () => {
    let answer = false;
    server.handle((_request, res) => {
      if (answer) sendJson(res, 200, { ok: 1 });
    });
    const client = clientFor(server, { maxConcurrent: 1 });
    const controller = new AbortController();
    const pending = rejectionOf(client.get('/x', { signal: controller.signal }));
    await waitFor(() => server.count === 1);
    controller.abort(reason);
    expect(await pending).toBe(reason);

    answer = true;
    await expect(client.get('/y')).resolves.toEqual({ ok: 1 }); // the limiter slot was released
  });
});
