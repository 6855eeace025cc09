import { describe, expect, it } from '@jest/globals';
import type { ServerResponse } from 'node:http';
import { isCumulocityError } from '../../src/index.js';
import { delay, gate, sendJson, useTestServer } from '../helpers/test-server.js';
import { authorization, clientFor, headSignalFetch, rejectionOf } from '../helpers/transport-client.js';

const server = useTestServer();

const MiB = 1024 * 1024;
const chunkSize = 64 * 1024;
/** 1 MiB of a recognisable pattern. */
const content = Uint8Array.from({ length: MiB }, (_, i) => (i * 31 + (i >> 10)) % 256);

/** Sends `content` in 64 KiB chunks; holds after the first chunk until `released` resolves. */
async function sendInChunks(res: ServerResponse, headers: Record<string, string>, released: Promise<void> = Promise.resolve()): Promise<void> {
  res.writeHead(200, { 'Content-Type': 'application/octet-stream', ...headers });
  for (let offset = 0; offset < content.length; offset += chunkSize) {
    res.write(content.subarray(offset, offset + chunkSize));
    if (offset === 0) await released;
    else await delay(1);
  }
  res.end();
}

async function readAll(body: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  const reader = body.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) parts.push(next.value);
  const all = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    all.set(part, offset);
    offset += part.length;
  }
  return all;
}

describe('download (stream)', () => {
  it('streams 1 MiB: the first bytes arrive while the server still holds the rest', async () => {
    const rest = gate();
    let serverDone = false;
    server.handle(async (_request, res) => {
      await sendInChunks(res, { 'Content-Length': String(MiB), 'Content-Disposition': 'attachment; filename="firmware.bin"' }, rest.promise);
      serverDone = true;
    });
    const download = await clientFor(server).download('/inventory/binaries/42');

    expect(download.filename).toBe('firmware.bin');
    expect(download.size).toBe(MiB);
    expect(download.contentType).toBe('application/octet-stream');
    const reader = download.body.getReader();
    const first = await reader.read(); // would hang if the client buffered the whole body
    expect(first.done).toBe(false);
    expect(first.value?.length).toBeGreaterThan(0);
    expect(serverDone).toBe(false);

    rest.open();
    const parts = [first.value ?? new Uint8Array()];
    let reads = 1;
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      parts.push(next.value);
      reads++;
    }
    expect(reads).toBeGreaterThan(1);
    expect(Buffer.concat(parts).equals(Buffer.from(content))).toBe(true);

    const request = server.requests[0];
    expect(request?.headers.accept).toBe('*/*');
    expect(request?.headers.authorization).toBe(authorization);
  });

  it('takes the RFC 5987 filename* over the plain one, decoding UTF-8', async () => {
    server.handle((_request, res) =>
      sendInChunks(res, {
        'Content-Disposition': `attachment; filename="fallback.txt"; filename*=UTF-8''Pr%C3%BCfbericht%20%E6%B8%A9%E5%BA%A6.txt`,
      }),
    );
    const download = await clientFor(server).download('/x');
    expect(download.filename).toBe('Prüfbericht 温度.txt');
    expect(download.size).toBeUndefined(); // chunked: no Content-Length
    expect((await readAll(download.body)).length).toBe(MiB);
  });

  it.each([
    ['attachment; filename="../../etc/passwd"', 'passwd'],
    ['attachment; filename="C:\\\\Users\\\\x\\\\report.csv"', 'report.csv'],
    [`attachment; filename*=UTF-8''..%2F..%2Fsecret.txt`, 'secret.txt'],
    [`attachment; filename*=UTF-8''%2Ftmp%2F%E6%96%87.txt; filename="x.txt"`, '文.txt'],
    ['attachment; filename=plain-token.bin', 'plain-token.bin'],
    ['attachment; filename=".."', undefined],
    ['inline', undefined],
  ])('Content-Disposition %s → filename %p (path parts stripped)', async (disposition, expected) => {
    server.handle((_request, res) => {
      res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': '2', 'Content-Disposition': disposition });
      res.end('ok');
    });
    const download = await clientFor(server).download('/x');
    expect(download.filename).toBe(expected);
    expect(download.size).toBe(2);
    expect(new TextDecoder().decode(await readAll(download.body))).toBe('ok');
  });

  it('no Content-Disposition: no filename', async () => {
    server.handle((_request, res) => {
      res.writeHead(200, { 'Content-Type': 'image/png', 'Content-Length': '0' });
      res.end();
    });
    const download = await clientFor(server).download('/x');
    expect(download.filename).toBeUndefined();
    expect(download.contentType).toBe('image/png');
    expect(download.size).toBe(0);
    expect((await readAll(download.body)).length).toBe(0);
  });

  it('an error status before the body is a typed error (404 not retried, 503 retried)', async () => {
    server.handle((request, res) =>
      request.url === '/missing'
        ? sendJson(res, 404, { error: 'binaries/Not Found', message: 'no binary' })
        : request.index < 3
          ? sendJson(res, 503, {})
          : sendInChunks(res, { 'Content-Length': String(MiB) }),
    );
    const client = clientFor(server);
    const error = await rejectionOf(client.download('/missing'));
    expect(isCumulocityError(error, 'NotFoundError')).toBe(true);
    expect(server.count).toBe(1);

    const download = await client.download('/retried');
    expect((await readAll(download.body)).length).toBe(MiB);
    expect(server.requests.map((request) => request.url)).toEqual(['/missing', '/retried', '/retried', '/retried']);
  });

  it('cancelling the stream closes the connection', async () => {
    server.handle((_request, res) => sendInChunks(res, {}, new Promise(() => undefined)));
    const download = await clientFor(server).download('/x');
    const reader = download.body.getReader();
    await reader.read();
    await reader.cancel();
    await expect(server.requests[0]?.closed).resolves.toBe(true);
  });
});

describe('downloadBytes', () => {
  it('returns all bytes, the filename and the content type', async () => {
    server.handle((_request, res) =>
      sendInChunks(res, { 'Content-Length': String(MiB), 'Content-Disposition': `attachment; filename*=UTF-8''data%20file.bin` }),
    );
    const { bytes, filename, contentType } = await clientFor(server).downloadBytes('/inventory/binaries/42');
    expect(bytes.length).toBe(MiB);
    expect(Buffer.from(bytes).equals(Buffer.from(content))).toBe(true);
    expect(filename).toBe('data file.bin');
    expect(contentType).toBe('application/octet-stream');
  });

  it('a reset in the middle of the body is retried (GET), and succeeds when the server recovers', async () => {
    const observed = headSignalFetch();
    server.handle(async (request, res) => {
      if (request.index > 0) return sendInChunks(res, { 'Content-Length': String(MiB) });
      res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': String(MiB) });
      res.write(content.subarray(0, chunkSize));
      await observed.headArrived; // the client is reading the body now
      res.socket?.resetAndDestroy();
    });
    const { bytes } = await clientFor(server, { fetch: observed.fetch }).downloadBytes('/x');
    expect(Buffer.from(bytes).equals(Buffer.from(content))).toBe(true);
    expect(observed.attempts()).toBe(2);
    expect(server.count).toBe(2);
  });

  it('a reset in the middle of the body every time → NetworkError after the retries', async () => {
    // One observed fetch per attempt, so each reset waits for its own reply head.
    const fetches: Array<ReturnType<typeof headSignalFetch>> = [];
    const fetch: typeof globalThis.fetch = (input, init) => {
      const observed = headSignalFetch();
      fetches.push(observed);
      return observed.fetch(input, init);
    };
    server.handle(async (request, res) => {
      res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': String(MiB) });
      res.write(content.subarray(0, chunkSize));
      await fetches[request.index]?.headArrived;
      res.socket?.resetAndDestroy();
    });
    const error = await rejectionOf(clientFor(server, { fetch, retry: { limit: 1, baseDelayMs: 10, jitter: false } }).downloadBytes('/x'));
    expect(isCumulocityError(error, 'NetworkError')).toBe(true);
    expect(fetches).toHaveLength(2);
    expect(server.count).toBe(2);
  });

  it('the per-attempt timeout covers the body: a stalled body → TimeoutError, not a hang', async () => {
    server.handle((_request, res) => {
      res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': '100' });
      res.write('abc'); // …and nothing more
    });
    const error = await rejectionOf(clientFor(server, { timeout: 250, retry: { limit: 1, baseDelayMs: 10, jitter: false } }).downloadBytes('/x'));
    expect(isCumulocityError(error, 'TimeoutError')).toBe(true);
    expect((error as { scope?: unknown }).scope).toBe('attempt');
    expect(server.count).toBe(2);
    await expect(server.requests[1]?.closed).resolves.toBe(true);
  });

  it('the total timeout covers the body too', async () => {
    server.handle((_request, res) => {
      res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': '100' });
      res.write('abc');
    });
    const error = await rejectionOf(clientFor(server, { timeout: false, totalTimeout: 150 }).downloadBytes('/x'));
    expect(isCumulocityError(error, 'TimeoutError')).toBe(true);
    expect((error as { scope?: unknown }).scope).toBe('total');
  });
});
