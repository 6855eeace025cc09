import { describe, expect, it } from '@jest/globals';
import { isCumulocityError } from '../../src/index.js';
import { resetConnection, sendJson, useTestServer } from '../helpers/test-server.js';
import { authorization, clientFor, countingFetch, expectNoSecrets, headSignalFetch, isErrorLike, rejectionOf } from '../helpers/transport-client.js';

const server = useTestServer();

describe('connection reset', () => {
  it('GET: retried, and succeeds once the server recovers', async () => {
    server.handle((request, res) => {
      if (request.index < 2) resetConnection(res);
      else sendJson(res, 200, { id: '1' });
    });
    await expect(clientFor(server).get('/inventory/managedObjects/1')).resolves.toEqual({ id: '1' });
    expect(server.count).toBe(3);
    expect(server.requests.map((request) => request.headers.authorization)).toEqual([authorization, authorization, authorization]);
  });

  it('GET: NetworkError with a cause once the retries are used up', async () => {
    server.handle((_request, res) => resetConnection(res));
    const error = await rejectionOf(clientFor(server, { retry: { limit: 2, baseDelayMs: 10, jitter: false } }).get('/x'));

    expect(isCumulocityError(error, 'NetworkError')).toBe(true);
    expect(isErrorLike((error as Error).cause)).toBe(true);
    expect(server.count).toBe(3);
    expectNoSecrets(error);
  });

  it('POST: NetworkError after exactly 1 attempt, with the cause', async () => {
    server.handle((_request, res) => resetConnection(res));
    const counted = countingFetch();
    const error = await rejectionOf(clientFor(server, { fetch: counted.fetch }).post('/event/events', { type: 'x' }));

    expect(isCumulocityError(error, 'NetworkError')).toBe(true);
    if (!isCumulocityError(error, 'NetworkError')) return;
    expect(isErrorLike(error.cause)).toBe(true);
    expect(error.method).toBe('POST');
    expect(error.url).toBe(`${server.url}/event/events`);
    expect(counted.attempts()).toBe(1); // final: the call has settled, the retry loop has stopped
    expect(server.count).toBe(1);
    expectNoSecrets(error);
  });

  it('POST with retryNonIdempotent: retried after a reset', async () => {
    server.handle((request, res) => (request.index === 0 ? resetConnection(res) : sendJson(res, 201, { id: '7' })));
    const client = clientFor(server, { retry: { baseDelayMs: 10, jitter: false, retryNonIdempotent: true } });
    await expect(client.post('/event/events', { type: 'x' })).resolves.toEqual({ id: '7' });
    expect(server.count).toBe(2);
    expect(server.requests.map((request) => request.body.toString())).toEqual(['{"type":"x"}', '{"type":"x"}']);
  });

  it('GET json: a reset in the middle of the body is retried', async () => {
    const observed = headSignalFetch();
    server.handle(async (request, res) => {
      if (request.index === 0) {
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '1000' });
        res.write('{"id":"1","padding":"');
        await observed.headArrived;
        resetConnection(res);
      } else {
        sendJson(res, 200, { id: '1' });
      }
    });
    await expect(clientFor(server, { fetch: observed.fetch }).get('/inventory/managedObjects/1')).resolves.toEqual({ id: '1' });
    expect(observed.attempts()).toBe(2);
    expect(server.count).toBe(2);
  });

  it('POST json: a reset in the middle of the reply body is a NetworkError, not retried', async () => {
    const observed = headSignalFetch();
    server.handle(async (_request, res) => {
      res.writeHead(201, { 'Content-Type': 'application/json', 'Content-Length': '1000' });
      res.write('{"id":"1",');
      await observed.headArrived;
      resetConnection(res);
    });
    const error = await rejectionOf(clientFor(server, { fetch: observed.fetch }).post('/event/events', {}));
    expect(isCumulocityError(error, 'NetworkError')).toBe(true);
    expect(observed.attempts()).toBe(1);
    expect(server.count).toBe(1);
  });

  it('a refused connection (nothing listening) is a NetworkError, retried for GET', async () => {
    const port = new URL(server.url).port;
    await server.close();
    const counted = countingFetch();
    const error = await rejectionOf(
      clientFor({ url: `http://127.0.0.1:${port}` }, { fetch: counted.fetch, retry: { limit: 2, baseDelayMs: 10, maxDelayMs: 10, jitter: false } }).get('/x'),
    );
    expect(isCumulocityError(error, 'NetworkError')).toBe(true);
    expect(counted.attempts()).toBe(3); // retried up to the limit
    expectNoSecrets(error);
  });
});
