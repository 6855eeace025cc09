import { describe, expect, it } from '@jest/globals';
import type { ReadContext } from '../../src/client/attempt.js';
import { readReply } from '../../src/client/read-reply.js';
import { isCumulocityError } from '../../src/index.js';
import { rejectionOf } from '../helpers/transport-client.js';
import { settlesNow } from './streams.js';

// readReply on hand-built replies: what each responseType gives, and the JSON checks' messages.

const url = 'https://t100.example.com/inventory/binaries/42';
const description = { method: 'GET', url } as const;
const context = (streamMaxBytes: number | false = false): ReadContext => ({
  description,
  signal: undefined,
  maxBytes: 1024,
  stream: { idleTimeoutMs: false, signal: undefined, maxBytes: streamMaxBytes, request: description },
});

/** A reply whose body is exactly these chunks (a default stream hands the objects through). */
function replyOf(chunks: Uint8Array[], init?: ResponseInit): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
  return new Response(body, init);
}

describe("responseType 'stream'", () => {
  it('a reply without a body gives an empty stream that closes', async () => {
    const body = await readReply(new Response(null, { status: 200 }), 'stream', context());
    if (!(body instanceof ReadableStream)) throw new Error(`expected a ReadableStream, got ${String(body)}`);
    const read = body.getReader().read();
    expect(await settlesNow(read)).toBe(true);
    expect(await read).toEqual({ done: true, value: undefined });
  });

  it('a body is handed over unread and guarded (the stream limit applies)', async () => {
    const body = await readReply(replyOf([Uint8Array.of(1, 2, 3), Uint8Array.of(4, 5, 6)]), 'stream', context(4));
    if (!(body instanceof ReadableStream)) throw new Error(`expected a ReadableStream, got ${String(body)}`);
    const reader = (body as ReadableStream<Uint8Array>).getReader();
    expect(await reader.read()).toEqual({ done: false, value: Uint8Array.of(1, 2, 3) });
    const error = await rejectionOf(reader.read());
    if (!isCumulocityError(error, 'ResponseFormatError')) throw new Error(`expected ResponseFormatError, got ${String(error)}`);
    expect(error.message).toBe(
      `Unexpected reply: the reply is larger than maxResponseBytes (4 bytes); raise maxResponseBytes (client or call option) if it is expected (GET ${url})`,
    );
  });
});

describe("responseType 'response'", () => {
  it('keeps the status, status text, headers and URL, with a guarded body', async () => {
    const response = replyOf([Uint8Array.of(1, 2, 3), Uint8Array.of(4, 5, 6)], {
      status: 203,
      statusText: 'Non-Authoritative',
      headers: { 'content-type': 'application/octet-stream', 'x-trace': 'abc' },
    });
    Object.defineProperty(response, 'url', { value: url }); // as fetch sets it
    const result = await readReply(response, 'response', context(4));
    if (!(result instanceof Response)) throw new Error(`expected a Response, got ${String(result)}`);

    expect(result).not.toBe(response);
    expect(result.url).toBe(url);
    expect(result.status).toBe(203);
    expect(result.statusText).toBe('Non-Authoritative');
    expect(result.headers.get('content-type')).toBe('application/octet-stream');
    expect(result.headers.get('x-trace')).toBe('abc');
    const error = await rejectionOf(result.arrayBuffer());
    expect(isCumulocityError(error, 'ResponseFormatError')).toBe(true);
  });

  it.each([[204], [205], [304]])('a %p reply (no body possible) is the reply itself', async (status) => {
    const response = new Response(null, { status });
    expect(await readReply(response, 'response', context())).toBe(response);
  });
});

describe("responseType 'bytes'", () => {
  it('a chunk that is a view into a larger buffer (at an offset) comes back in a buffer of its own', async () => {
    const shared = Uint8Array.of(9, 9, 1, 2, 3, 9);
    const bytes = (await readReply(replyOf([shared.subarray(2, 5)]), 'bytes', context())) as Uint8Array;
    expect([...bytes]).toEqual([1, 2, 3]);
    expect(bytes.byteOffset).toBe(0);
    expect(bytes.buffer.byteLength).toBe(3);
  });

  it('a chunk that is a view onto the start of a larger buffer comes back in a buffer of its own', async () => {
    const shared = Uint8Array.of(1, 2, 3, 9, 9);
    const bytes = (await readReply(replyOf([shared.subarray(0, 3)]), 'bytes', context())) as Uint8Array;
    expect([...bytes]).toEqual([1, 2, 3]);
    expect(bytes.byteOffset).toBe(0);
    expect(bytes.buffer.byteLength).toBe(3);
  });

  it('a chunk that fills its buffer is returned as it is, not copied', async () => {
    const whole = Uint8Array.of(1, 2, 3);
    expect(await readReply(replyOf([whole]), 'bytes', context())).toBe(whole);
  });
});

describe("responseType 'json': the checks", () => {
  it('an HTML reply is named as one, with a hint at a proxy or login page', async () => {
    const response = new Response('<html>Sign in</html>', { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' } });
    const error = await rejectionOf(readReply(response, 'json', context()));
    if (!isCumulocityError(error, 'ResponseFormatError')) throw new Error(`expected ResponseFormatError, got ${String(error)}`);
    expect(error.message).toBe(`Unexpected reply: expected JSON, got text/html (a proxy or login page?) (GET ${url})`);
    expect(error.contentType).toBe('text/html; charset=utf-8');
    expect(error.excerpt).toBe('<html>Sign in</html>');
  });

  it('another non-JSON reply is named without the hint', async () => {
    const response = new Response('plain words', { status: 200, headers: { 'content-type': 'text/plain' } });
    const error = await rejectionOf(readReply(response, 'json', context()));
    if (!isCumulocityError(error, 'ResponseFormatError')) throw new Error(`expected ResponseFormatError, got ${String(error)}`);
    expect(error.message).toBe(`Unexpected reply: expected JSON, got text/plain (GET ${url})`);
  });
});
