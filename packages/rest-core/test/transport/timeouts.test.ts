import { describe, expect, it } from '@jest/globals';
import { isCumulocityError } from '../../src/index.js';
import { delay, sendJson, useTestServer } from '../helpers/test-server.js';
import { authorization, clientFor, expectNoSecrets, fastRetry, rejectionOf } from '../helpers/transport-client.js';

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
    const client = clientFor(server, { timeout: attemptTimeout, retry: { ...fastRetry, limit: 3 } });
    const error = await rejectionOf(client.post('/event/events', { type: 'x' }));

    expect(isCumulocityError(error, 'TimeoutError')).toBe(true);
    expect((error as { scope?: unknown }).scope).toBe('attempt');
    await delay(150); // any retry would have arrived by now
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
  it('retries with waits exceed it → TimeoutError (total), and no request reaches the server afterwards', async () => {
    server.handle((_request, res) => sendJson(res, 503, { error: 'x/unavailable' }));
    const client = clientFor(server, {
      totalTimeout: 400,
      retry: { limit: 50, baseDelayMs: 60, maxDelayMs: 60, jitter: false },
    });
    const started = Date.now();
    const error = await rejectionOf(client.get('/inventory/managedObjects'));
    const elapsed = Date.now() - started;

    expect(isCumulocityError(error, 'TimeoutError')).toBe(true);
    if (!isCumulocityError(error, 'TimeoutError')) return;
    expect(error.scope).toBe('total');
    expect(error.timeoutMs).toBe(400);
    expect(elapsed).toBeGreaterThanOrEqual(390);
    expect(elapsed).toBeLessThan(2_000);
    // Several attempts happened, but far fewer than the retry limit allows.
    expect(server.count).toBeGreaterThanOrEqual(2);
    const seen = server.count;
    await delay(200); // > 3 backoff delays
    expect(server.count).toBe(seen);
    expectNoSecrets(error);
  });

  it('ends an attempt that is still in flight: TimeoutError (total), the server sees the connection closed', async () => {
    server.handle(never);
    const client = clientFor(server, { timeout: 5_000, totalTimeout: attemptTimeout });
    const error = await rejectionOf(client.get('/x'));

    expect(isCumulocityError(error, 'TimeoutError')).toBe(true);
    expect((error as { scope?: unknown }).scope).toBe('total');
    expect(server.count).toBe(1);
    await expect(server.requests[0]?.closed).resolves.toBe(true);
    await delay(100);
    expect(server.count).toBe(1);
  });
});
