import { describe, expect, it } from '@jest/globals';
import { getEventListeners } from 'node:events';
import { raceAbort, readBodyBytes, readBodyText } from '../../src/client/body.js';
import { isCumulocityError } from '../../src/index.js';
import { handFed, settlesNow } from './streams.js';
import { rejectionOf } from '../helpers/transport-client.js';

// readBodyBytes / readBodyText / raceAbort on hand-built bodies: what is refused before reading,
// what is kept when truncating, and that an abort ends a read that would never end by itself.

const request = { method: 'GET', url: 'https://t100.example.com/inventory/binaries/42' } as const;
const tooLargeMessage = (maxBytes: number) =>
  `Unexpected reply: the reply is larger than maxResponseBytes (${maxBytes} bytes); raise maxResponseBytes (client or call option) if it is expected (GET ${request.url})`;
const listeners = (signal: AbortSignal) => getEventListeners(signal, 'abort').length;

/** A body that sends `text` when it is first read from; counts its pulls and cancellations. */
function onDemand(text: string) {
  const cancelled: unknown[] = [];
  let pulls = 0;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull: (controller) => {
        pulls += 1;
        controller.enqueue(new TextEncoder().encode(text));
        controller.close();
      },
      cancel: (reason) => {
        cancelled.push(reason);
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, cancelled, pulls: () => pulls };
}

/** A body of the given chunks (delivered as they are: a default stream hands the objects through). */
function chunked(...chunks: Uint8Array[]) {
  const cancelled: unknown[] = [];
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
    cancel: (reason) => {
      cancelled.push(reason);
    },
  });
  return { stream, cancelled };
}

async function expectTooLarge(promise: Promise<unknown>, maxBytes: number, status: number | undefined): Promise<void> {
  const error = await rejectionOf(promise);
  if (!isCumulocityError(error, 'ResponseFormatError')) throw new Error(`expected ResponseFormatError, got ${String(error)}`);
  expect(error.message).toBe(tooLargeMessage(maxBytes));
  expect(error.status).toBe(status);
  expect(error.method).toBe('GET');
  expect(error.url).toBe(request.url);
}

describe('readBodyBytes: the declared Content-Length', () => {
  it.each([
    ['no Content-Encoding', {}],
    ['Content-Encoding: identity', { 'content-encoding': 'identity' }],
    ['Content-Encoding: " IDENTITY " (any case, any blanks)', { 'content-encoding': ' IDENTITY ' }],
  ])('%s: a declared length above maxBytes is refused before any byte is read', async (_, encoding) => {
    const body = onDemand('short'); // fewer bytes than declared: refused all the same, unread
    const response = new Response(body.stream, { status: 200, headers: { 'content-length': '100', ...encoding } });

    await expectTooLarge(readBodyBytes(response, { signal: undefined, maxBytes: 10, request }), 10, 200);
    expect(body.pulls()).toBe(0);
    expect(body.cancelled).toEqual([undefined]);
  });

  it.each([['gzip'], [' GZIP '], ['br']])('Content-Encoding %p: the declared (compressed) length says nothing, the bytes are counted', async (encoding) => {
    const response = new Response('abc', { headers: { 'content-length': '100', 'content-encoding': encoding } });
    expect(await readBodyText(response, { signal: undefined, maxBytes: 10, request })).toBe('abc');
  });

  it('a declared length of exactly maxBytes is read', async () => {
    const response = new Response('0123456789', { headers: { 'content-length': '10' } });
    expect(await readBodyText(response, { signal: undefined, maxBytes: 10, request })).toBe('0123456789');
  });

  it('a declared length above maxBytes does not stop a truncating read: it keeps what fits', async () => {
    const response = new Response('0123456789abcdef', { headers: { 'content-length': '16' } });
    expect(await readBodyText(response, { signal: undefined, maxBytes: 10, overflow: 'truncate', request })).toBe('0123456789');
  });
});

describe('readBodyBytes: counting and truncating', () => {
  it('a chunk that crosses maxBytes fails the read (with the status) and cancels the body', async () => {
    const body = chunked(Uint8Array.of(1, 2, 3), Uint8Array.of(4, 5, 6, 7));
    await expectTooLarge(readBodyBytes(new Response(body.stream, { status: 201 }), { signal: undefined, maxBytes: 5, request }), 5, 201);
    expect(body.cancelled).toEqual([undefined]);
  });

  it("overflow 'truncate' keeps exactly the first maxBytes bytes of a chunk that crosses the limit", async () => {
    const body = chunked(Uint8Array.of(1, 2, 3), Uint8Array.of(4, 5, 6, 7), Uint8Array.of(8));
    const bytes = await readBodyBytes(new Response(body.stream), { signal: undefined, maxBytes: 5, overflow: 'truncate', request });
    expect([...bytes]).toEqual([1, 2, 3, 4, 5]);
    expect(body.cancelled).toEqual([undefined]);
  });

  it('a body in one chunk is returned as it arrived, not copied (a large reply is not held twice)', async () => {
    const chunk = Uint8Array.of(1, 2, 3, 4, 5);
    const bytes = await readBodyBytes(new Response(chunked(chunk).stream), { signal: undefined, maxBytes: 5, request });
    expect(bytes).toBe(chunk);
  });

  it("overflow 'truncate' ending exactly at a chunk boundary returns that chunk uncopied and adds nothing", async () => {
    const first = Uint8Array.of(1, 2, 3, 4, 5);
    const body = chunked(first, Uint8Array.of(6));
    const bytes = await readBodyBytes(new Response(body.stream), { signal: undefined, maxBytes: 5, overflow: 'truncate', request });
    expect(bytes).toBe(first);
    expect([...bytes]).toEqual([1, 2, 3, 4, 5]);
    expect(body.cancelled).toEqual([undefined]);
  });

  it('chunks are joined in order into one array of the exact length', async () => {
    const bytes = await readBodyBytes(new Response(chunked(Uint8Array.of(1, 2), Uint8Array.of(), Uint8Array.of(3)).stream), {
      signal: undefined,
      maxBytes: false,
      request,
    });
    expect(bytes).toEqual(Uint8Array.of(1, 2, 3));
  });

  it('a reply without a body gives zero bytes', async () => {
    expect(await readBodyBytes(new Response(null, { status: 204 }), { signal: undefined, maxBytes: 5, request })).toEqual(new Uint8Array(0));
  });

  it('readBodyText decodes UTF-8 and drops a BOM', async () => {
    const response = new Response(Uint8Array.of(0xef, 0xbb, 0xbf, 0x67, 0x72, 0xc3, 0xbc, 0xc3, 0x9f));
    expect(await readBodyText(response, { signal: undefined, maxBytes: false, request })).toBe('grüß');
  });
});

describe('readBodyBytes: the signal', () => {
  it('an abort while a read is pending cancels the body with the reason and rejects with it', async () => {
    const body = handFed(); // delivers one chunk, then nothing ever again
    const controller = new AbortController();
    const read = readBodyBytes(new Response(body.stream), { signal: controller.signal, maxBytes: false, request });
    body.push(1, 2);
    await new Promise((resolve) => setImmediate(resolve));
    expect(listeners(controller.signal)).toBe(1);

    const reason = new Error('caller gave up');
    controller.abort(reason);
    expect(body.cancelled).toEqual([reason]); // at once: the pending read is settled by the cancel
    expect(listeners(controller.signal)).toBe(0); // the abort has fired: nothing is left on the signal
    expect(await rejectionOf(read)).toBe(reason);
    expect(listeners(controller.signal)).toBe(0);
  });

  it('an already aborted signal rejects with its reason without touching the body', async () => {
    const body = handFed();
    const reason = new Error('too late');
    await expect(readBodyBytes(new Response(body.stream), { signal: AbortSignal.abort(reason), maxBytes: false, request })).rejects.toBe(reason);
    expect(body.pulls()).toBe(0);
    expect(body.cancelled).toEqual([]);
  });

  it('the abort listener is removed once the body is read', async () => {
    const controller = new AbortController();
    const bytes = await readBodyBytes(new Response(chunked(Uint8Array.of(1), Uint8Array.of(2)).stream), { signal: controller.signal, maxBytes: false, request });
    expect(bytes).toEqual(Uint8Array.of(1, 2));
    expect(listeners(controller.signal)).toBe(0);
  });

  it('the abort listener is removed when the read fails', async () => {
    const controller = new AbortController();
    const read = readBodyBytes(new Response(chunked(Uint8Array.of(1, 2, 3)).stream), { signal: controller.signal, maxBytes: 2, request });
    await expectTooLarge(read, 2, 200);
    expect(listeners(controller.signal)).toBe(0);
  });
});

describe('raceAbort', () => {
  it('without a signal it is the promise itself', () => {
    const promise = Promise.resolve(1);
    expect(raceAbort(promise, undefined)).toBe(promise);
  });

  it('resolves with the value and removes its listener', async () => {
    const controller = new AbortController();
    let resolve!: (value: string) => void;
    const raced = raceAbort(new Promise<string>((r) => (resolve = r)), controller.signal);
    expect(listeners(controller.signal)).toBe(1);
    resolve('reply');
    expect(await raced).toBe('reply');
    expect(listeners(controller.signal)).toBe(0);
  });

  it('rejects with the error and removes its listener', async () => {
    const controller = new AbortController();
    const failure = new Error('connection refused');
    let reject!: (error: Error) => void;
    const raced = raceAbort(new Promise<string>((_, r) => (reject = r)), controller.signal);
    expect(listeners(controller.signal)).toBe(1);
    reject(failure);
    expect(await rejectionOf(raced)).toBe(failure);
    expect(listeners(controller.signal)).toBe(0);
  });

  it('an abort wins at once, leaves no listener behind, and hands the late value to discard', async () => {
    const controller = new AbortController();
    const discarded: string[] = [];
    let resolve!: (value: string) => void;
    const raced = raceAbort(new Promise<string>((r) => (resolve = r)), controller.signal, (late) => discarded.push(late));
    const reason = new Error('stop');
    controller.abort(reason);
    expect(listeners(controller.signal)).toBe(0); // even while the promise is still pending
    expect(await settlesNow(raced)).toBe(true);
    expect(await rejectionOf(raced)).toBe(reason);

    resolve('late reply');
    await new Promise((r) => setImmediate(r));
    expect(discarded).toEqual(['late reply']);
  });

  it('an already aborted signal rejects with its reason and adds no listener', async () => {
    const reason = new Error('already');
    const signal = AbortSignal.abort(reason);
    const discarded: number[] = [];
    const raced = raceAbort(Promise.resolve(7), signal, (late) => discarded.push(late));
    expect(listeners(signal)).toBe(0);
    expect(await rejectionOf(raced)).toBe(reason);
    await new Promise((r) => setImmediate(r));
    expect(discarded).toEqual([7]);
  });

  it('a rejection after the abort is not reported again (the abort reason stands)', async () => {
    const controller = new AbortController();
    let reject!: (error: Error) => void;
    const discarded: unknown[] = [];
    const raced = raceAbort(new Promise<string>((_, r) => (reject = r)), controller.signal, (late) => discarded.push(late));
    const reason = new Error('stop');
    controller.abort(reason);
    reject(new Error('aborted fetch'));
    expect(await rejectionOf(raced)).toBe(reason);
    expect(discarded).toEqual([]);
  });
});
