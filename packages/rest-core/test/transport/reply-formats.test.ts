import { describe, expect, it } from '@jest/globals';
import type { ServerResponse } from 'node:http';
import { isCumulocityError } from '../../src/index.js';
import { sendJson, useTestServer } from '../helpers/test-server.js';
import { clientFor, countingFetch, expectNoSecrets, rejectionOf } from '../helpers/transport-client.js';

const server = useTestServer();

const loginPage = '<!DOCTYPE html><html><head><title>Login</title></head><body>' + 'x'.repeat(500) + '</body></html>';
const proxyPage = '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>';

function send(res: ServerResponse, status: number, contentType: string | undefined, body: string): void {
  res.writeHead(status, { ...(contentType === undefined ? {} : { 'Content-Type': contentType }), 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

describe('reply formats', () => {
  it('HTML with 200 → ResponseFormatError with status, contentType and an excerpt; not retried', async () => {
    server.handle((_request, res) => send(res, 200, 'text/html; charset=utf-8', loginPage));
    const counted = countingFetch();
    const error = await rejectionOf(clientFor(server, { fetch: counted.fetch }).get('/inventory/managedObjects'));

    expect(isCumulocityError(error, 'ResponseFormatError')).toBe(true);
    if (!isCumulocityError(error, 'ResponseFormatError')) return;
    expect(error.status).toBe(200);
    expect(error.contentType).toBe('text/html; charset=utf-8');
    expect(error.excerpt).toBe(loginPage.slice(0, 200));
    expect(error.message).toMatch(/expected JSON, got text\/html/);
    expect(error.method).toBe('GET');
    expect(error.url).toBe(`${server.url}/inventory/managedObjects`);
    expect(counted.attempts()).toBe(1); // not retried: final once the call has settled
    expect(server.count).toBe(1);
    expectNoSecrets(error);
  });

  it('truncated JSON → ResponseFormatError with the excerpt', async () => {
    server.handle((_request, res) => send(res, 200, 'application/vnd.com.nsn.cumulocity.managedobject+json', '{"id":"1","name":"dev'));
    const error = await rejectionOf(clientFor(server).get('/inventory/managedObjects/1'));

    expect(isCumulocityError(error, 'ResponseFormatError')).toBe(true);
    if (!isCumulocityError(error, 'ResponseFormatError')) return;
    expect(error.status).toBe(200);
    expect(error.excerpt).toBe('{"id":"1","name":"dev');
    expect(error.message).toMatch(/malformed or truncated/);
    expectNoSecrets(error);
  });

  it('JSON without a Content-Type is still parsed', async () => {
    server.handle((_request, res) => send(res, 200, undefined, '{"a":1}'));
    await expect(clientFor(server).get('/x')).resolves.toEqual({ a: 1 });
  });

  it('204 → undefined', async () => {
    server.handle((_request, res) => {
      res.writeHead(204);
      res.end();
    });
    await expect(clientFor(server).delete('/inventory/managedObjects/1')).resolves.toBeUndefined();
    await expect(clientFor(server).put('/inventory/managedObjects/1', { a: 1 })).resolves.toBeUndefined();
  });

  it('201 without a body → undefined (with Content-Length: 0, and with a chunked empty body)', async () => {
    server.handle((request, res) => {
      if (request.index === 0) {
        res.writeHead(201, { 'Content-Type': 'application/json', 'Content-Length': '0', Location: `${server.url}/event/events/1` });
      } else {
        res.writeHead(201, { 'Content-Type': 'application/json' }); // chunked, no content
      }
      res.end();
    });
    const client = clientFor(server);
    await expect(client.post('/event/events', { type: 'a' })).resolves.toBeUndefined();
    await expect(client.post('/event/events', { type: 'b' })).resolves.toBeUndefined();
    expect(server.count).toBe(2);
  });

  it('an HTML 502 from a proxy → ServerError (not a crash), retried for GET', async () => {
    server.handle((request, res) => (request.index < 2 ? send(res, 502, 'text/html', proxyPage) : sendJson(res, 200, { ok: true })));
    await expect(clientFor(server).get('/x')).resolves.toEqual({ ok: true });
    expect(server.count).toBe(3);
  });

  it('an HTML 502 every time → ServerError with status 502 and the page as a text excerpt', async () => {
    server.handle((_request, res) => send(res, 502, 'text/html', proxyPage));
    const error = await rejectionOf(clientFor(server, { retry: { limit: 1, baseDelayMs: 10, jitter: false } }).get('/x'));

    expect(isCumulocityError(error, 'ServerError')).toBe(true);
    if (!isCumulocityError(error, 'ServerError')) return;
    expect(error.status).toBe(502);
    expect(error.error).toBeUndefined();
    expect(error.body).toBe(proxyPage);
    expect(server.count).toBe(2);
    expectNoSecrets(error);
  });

  it('an empty 503 → ServerError with no body', async () => {
    server.handle((_request, res) => {
      res.writeHead(503);
      res.end();
    });
    const error = await rejectionOf(clientFor(server, { retry: false }).get('/x'));
    expect(isCumulocityError(error, 'ServerError')).toBe(true);
    expect((error as { body?: unknown }).body).toBeUndefined();
  });

  it('responseType text and bytes return the body as it is, HTML included', async () => {
    server.handle((_request, res) => send(res, 200, 'text/html', '<p>é</p>'));
    const client = clientFor(server);
    await expect(client.get('/x', { responseType: 'text' })).resolves.toBe('<p>é</p>');
    await expect(client.get<Uint8Array>('/x', { responseType: 'bytes' })).resolves.toEqual(new Uint8Array(Buffer.from('<p>é</p>')));
  });
});
