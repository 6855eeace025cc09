import { describe, expect, it } from '@jest/globals';
import { isCumulocityError } from '../../src/index.js';
import { sendJson, useTestServer } from '../helpers/test-server.js';
import { authorization, clientFor, countingFetch, expectNoSecrets, fastRetry, rejectionOf } from '../helpers/transport-client.js';

const server = useTestServer();

const cumulocityError = (status: number) => ({
  error: status === 429 ? 'core/Too Many Requests' : 'core/Internal Error',
  message: `status ${status}`,
  info: 'https://cumulocity.com/guides/reference/rest-implementation',
});

/** Answers the given statuses in order, then 200 with `{ ok: true }`. */
function statusesThenOk(...statuses: number[]): void {
  server.handle((request, res) => {
    const status = statuses[request.index];
    if (status === undefined) sendJson(res, 200, { ok: true });
    else sendJson(res, status, cumulocityError(status));
  });
}

describe('retries on error statuses', () => {
  it('GET: 503, 502, 500, then 200 → succeeds after 4 attempts, each authorised', async () => {
    statusesThenOk(503, 502, 500);
    await expect(clientFor(server, { retry: { ...fastRetry, limit: 3 } }).get('/inventory/managedObjects')).resolves.toEqual({ ok: true });
    expect(server.count).toBe(4);
    expect(server.requests.map((request) => `${request.method} ${request.url} ${String(request.headers.authorization)}`)).toEqual(
      Array(4).fill(`GET /inventory/managedObjects ${authorization}`),
    );
  });

  it('GET: one more failure than the limit → ServerError carrying the last reply', async () => {
    statusesThenOk(503, 502, 500, 504);
    const error = await rejectionOf(clientFor(server, { retry: { ...fastRetry, limit: 3 } }).get('/x'));

    expect(isCumulocityError(error, 'ServerError')).toBe(true);
    if (!isCumulocityError(error, 'ServerError')) return;
    expect(error.status).toBe(504);
    expect(error.error).toBe('core/Internal Error');
    expect(error.serverMessage).toBe('status 504');
    expect(server.count).toBe(4);
    expectNoSecrets(error);
  });

  it('PUT and DELETE are retried like GET', async () => {
    statusesThenOk(503, 503);
    await expect(clientFor(server).put('/inventory/managedObjects/1', { name: 'n' })).resolves.toEqual({ ok: true });
    expect(server.requests.map((request) => [request.method, request.body.toString()])).toEqual(Array(3).fill(['PUT', '{"name":"n"}']));

    server.handle((request, res) => {
      if (request.index < 5) sendJson(res, 502, cumulocityError(502));
      else {
        res.writeHead(204);
        res.end();
      }
    });
    await expect(clientFor(server).delete('/inventory/managedObjects/1')).resolves.toBeUndefined();
    expect(server.requests.slice(3).map((request) => request.method)).toEqual(['DELETE', 'DELETE', 'DELETE']);
  });

  // The waits between attempts (exact backoff, Retry-After) are checked on a fake clock in
  // test/retry/backoff-timing.test.ts; here, what reaches the server.

  it('POST: 500 → ServerError after exactly 1 attempt', async () => {
    statusesThenOk(500);
    const counted = countingFetch();
    const error = await rejectionOf(clientFor(server, { fetch: counted.fetch }).post('/alarm/alarms', { type: 'a' }));

    expect(isCumulocityError(error, 'ServerError')).toBe(true);
    expect((error as { status?: unknown }).status).toBe(500);
    expect(counted.attempts()).toBe(1); // final: the call has settled, the retry loop has stopped
    expect(server.count).toBe(1);
    expectNoSecrets(error);
  });

  it('POST: 429 with Retry-After → retried once with the same body, then succeeds', async () => {
    // Retry-After: 0 keeps the test fast; that the wait is exactly Retry-After is checked on a fake clock.
    server.handle((request, res) =>
      request.index === 0 ? sendJson(res, 429, cumulocityError(429), { 'Retry-After': '0' }) : sendJson(res, 201, { id: '5' }),
    );
    const counted = countingFetch();
    await expect(clientFor(server, { fetch: counted.fetch }).post('/measurement/measurements', { v: 1 })).resolves.toEqual({ id: '5' });

    expect(counted.attempts()).toBe(2);
    expect(server.requests.map((request) => [request.method, request.body.toString()])).toEqual([
      ['POST', '{"v":1}'],
      ['POST', '{"v":1}'],
    ]);
  });

  it('Retry-After beyond maxRetryAfterMs → RateLimitedError at once, with retryAfterMs', async () => {
    server.handle((_request, res) => sendJson(res, 429, cumulocityError(429), { 'Retry-After': '120' }));
    const counted = countingFetch();
    // Settling at all shows it did not wait: a 120 s wait would outlast the test's timeout.
    const error = await rejectionOf(clientFor(server, { fetch: counted.fetch, retry: { ...fastRetry, maxRetryAfterMs: 5_000 } }).get('/x'));

    expect(isCumulocityError(error, 'RateLimitedError')).toBe(true);
    if (!isCumulocityError(error, 'RateLimitedError')) return;
    expect(error.status).toBe(429);
    expect(error.retryAfterMs).toBe(120_000);
    expect(counted.attempts()).toBe(1);
    expect(server.count).toBe(1);
    expectNoSecrets(error);
  });

  it('retry: false → no retry (client option and per call)', async () => {
    server.handle((_request, res) => sendJson(res, 503, cumulocityError(503)));
    const clientWide = countingFetch();
    const error = await rejectionOf(clientFor(server, { fetch: clientWide.fetch, retry: false }).get('/x'));
    expect(isCumulocityError(error, 'ServerError')).toBe(true);
    expect(clientWide.attempts()).toBe(1);
    expect(server.count).toBe(1);

    const perCallFetch = countingFetch();
    const perCall = await rejectionOf(clientFor(server, { fetch: perCallFetch.fetch }).get('/x', { retry: false }));
    expect(isCumulocityError(perCall, 'ServerError')).toBe(true);
    expect(perCallFetch.attempts()).toBe(1);
    expect(server.count).toBe(2);
  });

  it('non-retried statuses (404) end at once', async () => {
    server.handle((_request, res) => sendJson(res, 404, { error: 'inventory/Not Found', message: 'Finding device data from database failed : No managedObject for id \'9\'!' }));
    const error = await rejectionOf(clientFor(server).get('/inventory/managedObjects/9'));
    expect(isCumulocityError(error, 'NotFoundError')).toBe(true);
    expect(server.count).toBe(1);
    expectNoSecrets(error);
  });
});
