import { describe, expect, it } from '@jest/globals';
import type { ServerResponse } from 'node:http';
import { isCumulocityError } from '../../src/index.js';
import { getAll } from '../../src/paging/index.js';
import { gate, useTestServer, type RecordedRequest } from '../helpers/test-server.js';
import { clientFor, rejectionOf } from '../helpers/transport-client.js';
import { inventory } from '../paging/helpers.js';
import { gc, whileCollecting } from './gc.js';

// A server that sends the headers and part of the body, then stalls. Node 20's fetch holds the
// signal of a request only weakly: after a garbage collection the abort of a timeout or of the
// caller may never reach the body, and the read would hang forever. The SDK owns its deadline,
// so every call below must end with the right error however often the collector runs once the
// body has stalled. No timing is asserted: the jest timeout is the guard against a hang. (The
// attempt timeout is roomy so that a loaded machine still gets the request to the stall first.)

const server = useTestServer();
const attemptTimeout = 2_500;
const guard = 30_000;

/** A server handler that stalls mid-body, and a promise that resolves once it has. */
function stallingServer(write: (res: ServerResponse) => void): Promise<void> {
  const stalled = gate();
  server.handle((_request, res) => {
    write(res);
    stalled.open();
  });
  return stalled.promise;
}

/** Headers and the first bytes of a JSON body, then nothing (the connection stays open). */
function midBody(res: ServerResponse): void {
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '100000' });
  res.write('{"managedObjects":[{"id":"1"},');
}

/** Bytes of a file, then nothing. */
function midFile(res: ServerResponse): void {
  res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': '1048576' });
  res.write(Buffer.alloc(16 * 1024, 7));
}

const closed = (request: RecordedRequest | undefined) => request?.closed;

describe('a body that stalls after the headers, with garbage collections', () => {
  it(
    'get: TimeoutError (attempt), and the connection is closed',
    async () => {
      const stalled = stallingServer(midBody);
      const client = clientFor(server, { timeout: attemptTimeout, retry: false });
      const error = await whileCollecting(() => rejectionOf(client.get('/inventory/managedObjects/1')), stalled);

      expect(isCumulocityError(error, 'TimeoutError')).toBe(true);
      expect((error as { scope?: unknown }).scope).toBe('attempt');
      expect(server.count).toBe(1);
      await expect(closed(server.requests[0])).resolves.toBe(true);
    },
    guard,
  );

  it(
    'get with a retry: every attempt ends, the last TimeoutError is thrown',
    async () => {
      const stalled = stallingServer(midBody);
      const client = clientFor(server, { timeout: attemptTimeout, retry: { limit: 1, baseDelayMs: 1, jitter: false } });
      const error = await whileCollecting(() => rejectionOf(client.get('/inventory/managedObjects/1')), stalled);

      expect(isCumulocityError(error, 'TimeoutError')).toBe(true);
      expect(server.count).toBe(2);
    },
    guard,
  );

  it(
    "get: the caller's abort mid-body rejects with its reason",
    async () => {
      const stalled = stallingServer(midBody);
      const controller = new AbortController();
      const reason = new Error('caller gave up');
      const client = clientFor(server, { timeout: false, retry: false });
      const pending = whileCollecting(() => rejectionOf(client.get('/inventory/managedObjects/1', { signal: controller.signal })), stalled);
      await stalled;
      // Let the reply head reach the client and the collector run before aborting.
      await new Promise((resolve) => setTimeout(resolve, 100));
      gc();
      controller.abort(reason);

      expect(await pending).toBe(reason);
      await expect(closed(server.requests[0])).resolves.toBe(true);
    },
    guard,
  );

  it(
    'getAll with workers: one page stalls mid-body → the read rejects with its TimeoutError, the page request is closed',
    async () => {
      const stalled = gate();
      server.handle((request, res) => {
        const page = Number(new URL(request.url, server.url).searchParams.get('currentPage'));
        if (page === 3) {
          midBody(res);
          stalled.open();
          return;
        }
        const items = Array.from({ length: 10 }, (_, index) => ({ id: String((page - 1) * 10 + index + 1) }));
        const body = JSON.stringify({ managedObjects: items, statistics: { currentPage: page, pageSize: 10 } });
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
        res.end(body);
      });
      const client = clientFor(server, { timeout: attemptTimeout, retry: false });
      const error = await whileCollecting(() => rejectionOf(getAll(client, inventory, undefined, { pageSize: 10, workers: 4 })), stalled.promise);

      expect(isCumulocityError(error, 'TimeoutError')).toBe(true);
      expect((error as { url?: string }).url).toContain('currentPage=3');
      const stalledRequest = server.requests.find((request) => request.url.includes('currentPage=3'));
      await expect(closed(stalledRequest)).resolves.toBe(true);
    },
    guard,
  );

  it(
    'download(): reading the body rejects with TimeoutError (idle) and cancels it',
    async () => {
      const stalled = stallingServer(midFile);
      const client = clientFor(server, { timeout: attemptTimeout, retry: false });
      const download = await client.download('/inventory/binaries/1');
      const reader = download.body.getReader();
      expect((await reader.read()).done).toBe(false);
      const error = await whileCollecting(async () => {
        for (;;) if ((await reader.read()).done) throw new Error('the stalled body ended');
      }, stalled).catch((caught: unknown) => caught);

      expect(isCumulocityError(error, 'TimeoutError')).toBe(true);
      expect((error as { scope?: unknown }).scope).toBe('idle');
      expect((error as { timeoutMs?: unknown }).timeoutMs).toBe(attemptTimeout);
      await expect(closed(server.requests[0])).resolves.toBe(true);
    },
    guard,
  );

  it(
    "download(): the caller's abort while the body is read errors the stream with its reason",
    async () => {
      const stalled = stallingServer(midFile);
      const controller = new AbortController();
      const reason = new Error('stop the download');
      const client = clientFor(server, { timeout: false, retry: false });
      const download = await client.download('/inventory/binaries/1', { signal: controller.signal });
      const reader = download.body.getReader();
      await reader.read();
      const error = await whileCollecting(async () => {
        const pending = reader.read().then(() => reader.read());
        await stalled;
        gc();
        controller.abort(reason);
        await pending;
        throw new Error('the aborted body went on');
      }, stalled).catch((caught: unknown) => caught);

      expect(error).toBe(reason);
      await expect(closed(server.requests[0])).resolves.toBe(true);
    },
    guard,
  );
});
