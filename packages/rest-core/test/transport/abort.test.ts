import { describe, expect, it } from '@jest/globals';
import { sendJson, useTestServer, waitFor } from '../helpers/test-server.js';
import { clientFor, countingFetch, rejectionOf } from '../helpers/transport-client.js';

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
    const counted = countingFetch();
    const pending = rejectionOf(clientFor(server, { fetch: counted.fetch, timeout: 5_000 }).get('/x', { signal: controller.signal }));
    await waitFor(() => server.count === 1);
    controller.abort(reason);

    expect(await pending).toBe(reason);
    expect(counted.attempts()).toBe(1); // an abort is not retried (final once the call has settled)
    await expect(server.requests[0]?.closed).resolves.toBe(true);
    expect(server.count).toBe(1);
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

  // An abort during a backoff or Retry-After wait: test/retry/backoff-timing.test.ts, on a fake
  // clock, so "at once, before the wait ran out" is exact rather than a wall-clock bound.

  it('before the start: rejects with the reason and sends nothing', async () => {
    const controller = new AbortController();
    controller.abort(reason);
    const counted = countingFetch();
    const error = await rejectionOf(clientFor(server, { fetch: counted.fetch }).get('/x', { signal: controller.signal }));

    expect(error).toBe(reason);
    expect(counted.attempts()).toBe(0);
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
