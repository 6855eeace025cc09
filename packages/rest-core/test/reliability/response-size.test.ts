import { describe, expect, it } from '@jest/globals';
import type { ServerResponse } from 'node:http';
import { createGzip } from 'node:zlib';
import { CumulocityRestClient, isCumulocityError } from '../../src/index.js';
import { useTestServer } from '../helpers/test-server.js';
import { clientFor, rejectionOf, testAuth } from '../helpers/transport-client.js';

const server = useTestServer();
const KiB = 1024;
const MiB = 1024 * KiB;

/**
 * Writes a JSON document `{"data":"xxxx…"}` of about `total` bytes in 64 KiB chunks, respecting
 * backpressure, to `out` (the response, or a gzip stream into it); stops when the client goes away.
 */
async function writeBigJson(res: ServerResponse, out: NodeJS.WritableStream, total: number): Promise<void> {
  const chunk = Buffer.alloc(64 * KiB, 'x');
  out.write('{"data":"');
  for (let written = 0; written < total && !res.destroyed; written += chunk.length) {
    if (!out.write(chunk)) await new Promise<void>((resolve) => (res.destroyed ? resolve() : out.once('drain', resolve)));
  }
  if (!res.destroyed) out.end('"}');
}

function expectTooLarge(error: unknown, limit: number, url: string): void {
  expect(isCumulocityError(error, 'ResponseFormatError')).toBe(true);
  const message = (error as Error).message;
  expect(message).toContain(`maxResponseBytes (${limit} bytes)`);
  expect(message).toContain(url);
}

describe('maxResponseBytes', () => {
  it('a chunked body past the limit: ResponseFormatError while streaming, the rest is never read', async () => {
    server.handle(async (_request, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' }); // chunked: no length to check up front
      await writeBigJson(res, res, 32 * MiB);
    });
    const client = clientFor(server, { maxResponseBytes: MiB, retry: false });
    const error = await rejectionOf(client.get('/inventory/managedObjects'));

    expectTooLarge(error, MiB, `${server.url}/inventory/managedObjects`);
    // The client hung up long before the 32 MiB were written.
    await expect(server.requests[0]?.closed).resolves.toBe(true);
    expect(server.count).toBe(1); // not retried: a bigger reply will not get smaller
  });

  it('a gzip bomb (small on the wire, 200 MiB inflated) stops at the default 64 MiB, counted after decompression', async () => {
    let wireBytes = 0;
    server.handle(async (_request, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' });
      const gzip = createGzip();
      gzip.on('data', (chunk: Buffer) => (wireBytes += chunk.length));
      gzip.pipe(res);
      res.on('close', () => gzip.destroy());
      await writeBigJson(res, gzip, 200 * MiB);
    });
    const client = clientFor(server, { retry: false });
    const error = await rejectionOf(client.get('/inventory/managedObjects'));

    // Less than 2 MiB went over the wire (all of it may have: it is tiny), so only inflated bytes
    // can have reached the 64 MiB limit.
    expectTooLarge(error, 64 * MiB, `${server.url}/inventory/managedObjects`);
    expect(wireBytes).toBeLessThan(2 * MiB);
  }, 30_000);

  it('a declared Content-Length past the limit is refused before reading', async () => {
    server.handle((_request, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(10 * MiB) });
      res.write('{"data":"');
    });
    const error = await rejectionOf(clientFor(server, { maxResponseBytes: MiB, retry: false }).get('/x'));
    expectTooLarge(error, MiB, `${server.url}/x`);
    await expect(server.requests[0]?.closed).resolves.toBe(true);
  });

  it('per call: a lower and a higher limit than the client’s, for json, text, bytes and downloadBytes', async () => {
    const body = JSON.stringify({ data: 'y'.repeat(5_000) });
    server.handle((_request, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(body);
    });
    const client = clientFor(server, { maxResponseBytes: 1_000, retry: false });
    for (const responseType of ['json', 'text', 'bytes'] as const) {
      expectTooLarge(await rejectionOf(client.get('/x', { responseType })), 1_000, `${server.url}/x`);
      expectTooLarge(await rejectionOf(client.get('/x', { responseType, maxResponseBytes: 4_000 })), 4_000, `${server.url}/x`);
      await expect(client.get('/x', { responseType, maxResponseBytes: 10_000 })).resolves.toBeDefined();
      await expect(client.get('/x', { responseType, maxResponseBytes: false })).resolves.toBeDefined();
    }
    expectTooLarge(await rejectionOf(client.downloadBytes('/x')), 1_000, `${server.url}/x`);
    expect((await client.downloadBytes('/x', { maxResponseBytes: body.length })).bytes).toHaveLength(body.length);
  });

  it('a body handed out as a stream is capped only by a per-call limit', async () => {
    server.handle(async (_request, res) => {
      res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
      await writeBigJson(res, res, 2 * MiB);
    });
    const client = clientFor(server, { maxResponseBytes: MiB, retry: false });
    const readAll = async (stream: ReadableStream<Uint8Array>) => {
      let total = 0;
      const reader = stream.getReader();
      for (let next = await reader.read(); !next.done; next = await reader.read()) total += next.value.length;
      return total;
    };
    expect(await readAll((await client.download('/file')).body)).toBeGreaterThan(2 * MiB);
    const capped = await client.download('/file', { maxResponseBytes: MiB });
    expectTooLarge(await readAll(capped.body).catch((error: unknown) => error), MiB, `${server.url}/file`);
  });

  it('an error reply with a huge body is still its HttpError (the body is read only in part)', async () => {
    server.handle(async (_request, res) => {
      res.writeHead(503, { 'Content-Type': 'text/html' });
      await writeBigJson(res, res, 16 * MiB);
    });
    const error = await rejectionOf(clientFor(server, { retry: false }).get('/x'));
    expect(isCumulocityError(error, 'ServerError')).toBe(true);
    expect(String((error as { body?: unknown }).body).length).toBeLessThanOrEqual(500);
    await expect(server.requests[0]?.closed).resolves.toBe(true);
  });

  it.each([0, -1, 1.5, '1000', true])('refuses maxResponseBytes %p (client and call)', async (value) => {
    const bad = () => new CumulocityRestClient({ baseUrl: server.url, auth: testAuth, maxResponseBytes: value as number });
    expect(bad).toThrow(expect.objectContaining({ name: 'InvalidInputError', path: 'options.maxResponseBytes' }));
    const error = await rejectionOf(clientFor(server).get('/x', { maxResponseBytes: value as number }));
    expect(error).toMatchObject({ name: 'InvalidInputError', path: 'options.maxResponseBytes' });
    expect(server.count).toBe(0);
  });
});
