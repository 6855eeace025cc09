import { describe, expect, it } from '@jest/globals';
import { isCumulocityError } from '../../src/index.js';
import { delay, sendJson, useTestServer, waitFor } from '../helpers/test-server.js';
import { authorization, clientFor, countingFetch, expectNoSecrets, fastRetry, rejectionOf } from '../helpers/transport-client.js';

const server = useTestServer();
const never = () => undefined; // the handler never answers
// Timeouts that count server-side attempts leave room for a loaded machine: an attempt must
// reach the server before it times out.
const attemptTimeout = 250;

describe('per-attempt timeout', () => {
  it('GET against a server that never answers: TimeoutError (attempt) after limit + 1 attempts', async () => {
    server.handle(never);
    const client = clientFor(server, { timeout: attemptTimeout, retry: { ...fastRetry, limit: 2 } });
    const error = await rejectionOf(client.get('/inventory/managedObjects/1'));

    expect(isCumulocityError(error, 'TimeoutError')).toBe(true);
    if (!isCumulocityError(error, 'TimeoutError')) return;
    expect(error.scope).toBe('attempt');
    expect(error.timeoutMs).toBe(attemptTimeout);
    expect(error.method).toBe('GET');
    expect(error.url).toBe(`${server.url}/inventory/managedObjects/1`);
    expect(server.count).toBe(3);
    expect(server.requests.every((request) => request.headers.authorization === authorization)).toBe(true);
    // Every abandoned attempt closed its connection.
    expect(await Promise.all(server.requests.map((request) => request.closed))).toEqual([true, true, true]);
    expectNoSecrets(error);
  });

  it('POST against a server that never answers: TimeoutError after exactly 1 attempt', async () => {
    server.handle(never);
    const counted = countingFetch();
    const client = clientFor(server, { fetch: counted.fetch, timeout: attemptTimeout, retry: { ...fastRetry, limit: 3 } });
    const error = await rejectionOf(client.post('/event/events', { type: 'x' }));

    expect(isCumulocityError(error, 'TimeoutError')).toBe(true);
    expect((error as { scope?: unknown }).scope).toBe('attempt');
    expect(counted.attempts()).toBe(1); // final: the call has settled, the retry loop has stopped
    await waitFor(() => server.count === 1);
    await expect(server.requests[0]?.closed).resolves.toBe(true);
    expect(server.count).toBe(1);
    expect(server.requests[0]?.body.toString()).toBe('{"type":"x"}');
    expectNoSecrets(error);
  });

  it('covers the JSON body: headers sent, then the body stalls → TimeoutError, retried for GET', async () => {
    server.handle((_request, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '100' });
      res.write('{"id":"1","name":'); // …and nothing more
    });
    const client = clientFor(server, { timeout: attemptTimeout, retry: { ...fastRetry, limit: 1 } });
    const error = await rejectionOf(client.get('/inventory/managedObjects/1'));

    expect(isCumulocityError(error, 'TimeoutError')).toBe(true);
    expect((error as { scope?: unknown }).scope).toBe('attempt');
    expect(server.count).toBe(2);
    expectNoSecrets(error);
  });

  it('covers the body for responseType text and bytes too', async () => {
    server.handle((_request, res) => {
      res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': '100' });
      res.write('partial');
    });
    const client = clientFor(server, { timeout: attemptTimeout, retry: false });
    for (const responseType of ['text', 'bytes'] as const) {
      const error = await rejectionOf(client.get('/x', { responseType }));
      expect(isCumulocityError(error, 'TimeoutError')).toBe(true);
    }
    expect(server.count).toBe(2);
  });

  it('a slow but finished reply within the timeout succeeds', async () => {
    server.handle(async (_request, res) => {
      await delay(30);
      sendJson(res, 200, { ok: true });
    });
    await expect(clientFor(server, { timeout: 1_000 }).get('/x')).resolves.toEqual({ ok: true });
    expect(server.count).toBe(1);
  });

  it('a per-call timeout overrides the client one', async () => {
    server.handle(never);
    const client = clientFor(server, { timeout: 10_000, retry: false });
    const error = await rejectionOf(client.get('/x', { timeout: 50 }));
    expect(isCumulocityError(error, 'TimeoutError')).toBe(true);
    expect((error as { timeoutMs?: unknown }).timeoutMs).toBe(50);
  });
});

describe('totalTimeout', () => {
  // The exact timing (attempts at 0, 60, … 360 ms, the error at 400 ms) is checked on a fake clock
  // in test/retry/backoff-timing.test.ts; over real sockets, the counts.
  it('retries with waits exceed it → TimeoutError (total); the server sees no request beyond the attempts made before it', async () => {
    server.handle((_request, res) => sendJson(res, 503, { error: 'x/unavailable' }));
    const counted = countingFetch();
    const client = clientFor(server, {
      fetch: counted.fetch,
      totalTimeout: 400,
      retry: { limit: 50, baseDelayMs: 60, maxDelayMs: 60, jitter: false },
    });
    const error = await rejectionOf(client.get('/inventory/managedObjects'));

    expect(isCumulocityError(error, 'TimeoutError')).toBe(true);
    if (!isCumulocityError(error, 'TimeoutError')) return;
    expect(error.scope).toBe('total');
    expect(error.timeoutMs).toBe(400);
    // Far fewer attempts than the retry limit allows (at most one per 60 ms wait). How many fit
    // depends on the machine's speed (a loaded one may manage only the first): the exact schedule
    // is the fake-clock test's.
    const attempts = counted.attempts();
    expect(attempts).toBeGreaterThanOrEqual(1);
    expect(attempts).toBeLessThanOrEqual(8);
    // The server has seen each attempt answered or closed; the call had settled, so none follows.
    await waitFor(() => server.inFlight === 0 && server.count >= attempts - 1);
    expect(server.count).toBeLessThanOrEqual(attempts);
    expect(counted.attempts()).toBe(attempts);
    expectNoSecrets(error);
  });

  it('ends an attempt that is still in flight: TimeoutError (total), the server sees the connection closed', async () => {
    server.handle(never);
    const counted = countingFetch();
    const client = clientFor(server, { fetch: counted.fetch, timeout: 5_000, totalTimeout: attemptTimeout });
    const error = await rejectionOf(client.get('/x'));

    expect(isCumulocityError(error, 'TimeoutError')).toBe(true);
    expect((error as { scope?: unknown }).scope).toBe('total');
    expect(counted.attempts()).toBe(1);
    expect(server.count).toBe(1);
    await expect(server.requests[0]?.closed).resolves.toBe(true);
    expect(server.count).toBe(1);
  });
});
