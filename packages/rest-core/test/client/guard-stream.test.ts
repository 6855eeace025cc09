import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { getEventListeners } from 'node:events';
import { guardStream, type StreamGuard } from '../../src/client/body.js';
import { isCumulocityError } from '../../src/index.js';
import { handFed, settlesNow } from './streams.js';
import { rejectionOf } from '../helpers/transport-client.js';

// guardStream on hand-fed sources: aborts, the idle timer (fake clock), the byte limit and a
// broken source, each erroring the caller's stream and cancelling the source.

const request = { method: 'GET', url: 'https://t100.example.com/inventory/binaries/42' } as const;
const listeners = (signal: AbortSignal) => getEventListeners(signal, 'abort').length;
const guard = (extra: Partial<StreamGuard> = {}): StreamGuard => ({ idleTimeoutMs: false, signal: undefined, maxBytes: false, request, ...extra });
const useFakeClock = () => jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate'] });
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

afterEach(() => {
  jest.useRealTimers();
});

const chunk = (...bytes: number[]) => ({ done: false, value: Uint8Array.from(bytes) });
const end = { done: true, value: undefined };

describe('guardStream: passing through', () => {
  it('hands the chunks through, closes at the end and leaves no listener on the signal', async () => {
    const source = handFed();
    const controller = new AbortController();
    const reader = guardStream(source.stream, guard({ signal: controller.signal })).getReader();
    expect(listeners(controller.signal)).toBe(1);

    const first = reader.read();
    source.push(1, 2);
    expect(await first).toEqual(chunk(1, 2));
    const last = reader.read();
    source.close();
    expect(await last).toEqual(end);
    expect(listeners(controller.signal)).toBe(0);
    expect(source.cancelled).toEqual([]);
  });

  it('pulls from the source only when the caller reads', async () => {
    const source = handFed();
    const reader = guardStream(source.stream, guard()).getReader();
    await nextTurn();
    expect(source.pulls()).toBe(0);
    const first = reader.read();
    source.push(1);
    await first;
    await nextTurn();
    expect(source.pulls()).toBe(1);
  });

  it("the caller's cancel reaches the source with its reason and removes the listener", async () => {
    const source = handFed();
    const controller = new AbortController();
    const reader = guardStream(source.stream, guard({ signal: controller.signal })).getReader();
    await reader.cancel('not needed');
    expect(source.cancelled).toEqual(['not needed']);
    expect(listeners(controller.signal)).toBe(0);
  });
});

describe('guardStream: the signal', () => {
  it('an already aborted signal errors the stream with its reason and cancels the source', async () => {
    const source = handFed();
    const reason = new Error('aborted before');
    const signal = AbortSignal.abort(reason);
    const reader = guardStream(source.stream, guard({ signal })).getReader();
    expect(await rejectionOf(reader.read())).toBe(reason);
    expect(source.cancelled).toEqual([reason]);
    expect(source.pulls()).toBe(0);
    expect(listeners(signal)).toBe(0);
  });

  it('an abort while the caller waits for a chunk rejects that read with the reason and cancels the source', async () => {
    const source = handFed();
    const controller = new AbortController();
    const reader = guardStream(source.stream, guard({ signal: controller.signal })).getReader();
    const first = reader.read();
    source.push(1);
    expect(await first).toEqual(chunk(1));
    const pending = reader.read(); // the source never sends more

    const reason = new Error('caller gave up');
    controller.abort(reason);
    expect(source.cancelled).toEqual([reason]);
    expect(listeners(controller.signal)).toBe(0);
    expect(await settlesNow(pending)).toBe(true);
    expect(await rejectionOf(pending)).toBe(reason);
    expect(await rejectionOf(reader.closed)).toBe(reason);
  });

  it('an abort while the caller pauses errors the next read', async () => {
    const source = handFed();
    const controller = new AbortController();
    const reader = guardStream(source.stream, guard({ signal: controller.signal })).getReader();
    const reason = new Error('stop');
    controller.abort(reason);
    expect(source.cancelled).toEqual([reason]);
    expect(await rejectionOf(reader.read())).toBe(reason);
  });

  it('an abort after the end changes nothing', async () => {
    const source = handFed();
    const controller = new AbortController();
    const reader = guardStream(source.stream, guard({ signal: controller.signal })).getReader();
    const last = reader.read();
    source.close();
    expect(await last).toEqual(end);
    controller.abort(new Error('late'));
    await expect(reader.closed).resolves.toBeUndefined();
    expect(source.cancelled).toEqual([]);
  });
});

describe('guardStream: the idle timeout (fake clock)', () => {
  it('a wait of idleTimeoutMs for the next chunk errors the stream with a TimeoutError (scope idle) and cancels the source', async () => {
    useFakeClock();
    const source = handFed();
    const reader = guardStream(source.stream, guard({ idleTimeoutMs: 1000 })).getReader();
    const read = reader.read();
    await jest.advanceTimersByTimeAsync(999);
    expect(await settlesNow(read)).toBe(false);

    await jest.advanceTimersByTimeAsync(1);
    expect(await settlesNow(read)).toBe(true);
    const error = await rejectionOf(read);
    if (!isCumulocityError(error, 'TimeoutError')) throw new Error(`expected TimeoutError, got ${String(error)}`);
    expect(error.message).toBe(`The reply body stalled: no data for 1000 ms (GET ${request.url})`);
    expect(error.scope).toBe('idle');
    expect(error.timeoutMs).toBe(1000);
    expect(error.method).toBe('GET');
    expect(error.url).toBe(request.url);
    expect(source.cancelled).toEqual([error]);
  });

  it('the timer stops with each chunk: a pause of the caller after a chunk is not a stall', async () => {
    useFakeClock();
    const source = handFed();
    const reader = guardStream(source.stream, guard({ idleTimeoutMs: 1000 })).getReader();
    const first = reader.read();
    source.push(1);
    source.push(2); // already there when the caller reads again
    expect(await first).toEqual(chunk(1));

    await jest.advanceTimersByTimeAsync(5000); // the caller pauses
    expect(await reader.read()).toEqual(chunk(2));
    expect(source.cancelled).toEqual([]);
  });

  it('the timer counts only while the caller waits: the source is not read ahead during a pause', async () => {
    useFakeClock();
    const source = handFed();
    const reader = guardStream(source.stream, guard({ idleTimeoutMs: 1000 })).getReader();
    const first = reader.read();
    source.push(1);
    expect(await first).toEqual(chunk(1));

    await jest.advanceTimersByTimeAsync(5000); // the caller pauses; the server sends nothing meanwhile
    const second = reader.read();
    await jest.advanceTimersByTimeAsync(999);
    source.push(2);
    expect(await second).toEqual(chunk(2));
    expect(source.cancelled).toEqual([]);
  });

  it('without idleTimeoutMs a long wait is no error', async () => {
    useFakeClock();
    const source = handFed();
    const reader = guardStream(source.stream, guard()).getReader();
    const read = reader.read();
    await jest.advanceTimersByTimeAsync(24 * 60 * 60 * 1000);
    expect(await settlesNow(read)).toBe(false);
    source.push(9);
    expect(await read).toEqual(chunk(9));
  });
});

describe('guardStream: maxBytes', () => {
  it('exactly maxBytes pass', async () => {
    const source = handFed();
    const reader = guardStream(source.stream, guard({ maxBytes: 5 })).getReader();
    const reads = [reader.read(), reader.read(), reader.read()];
    source.push(1, 2, 3);
    source.push(4, 5);
    source.close();
    expect(await Promise.all(reads)).toEqual([chunk(1, 2, 3), chunk(4, 5), end]);
    expect(source.cancelled).toEqual([]);
  });

  it('one byte more errors the stream with a ResponseFormatError, cancels the source and does not deliver the chunk', async () => {
    const source = handFed();
    const reader = guardStream(source.stream, guard({ maxBytes: 5 })).getReader();
    const first = reader.read();
    const second = reader.read();
    source.push(1, 2, 3);
    source.push(4, 5, 6);
    expect(await first).toEqual(chunk(1, 2, 3));
    const error = await rejectionOf(second);
    if (!isCumulocityError(error, 'ResponseFormatError')) throw new Error(`expected ResponseFormatError, got ${String(error)}`);
    expect(error.message).toBe(
      `Unexpected reply: the reply is larger than maxResponseBytes (5 bytes); raise maxResponseBytes (client or call option) if it is expected (GET ${request.url})`,
    );
    expect(error.status).toBeUndefined();
    expect(source.cancelled).toEqual([error]);
    expect(await rejectionOf(reader.read())).toBe(error);
  });
});

describe('guardStream: a broken source', () => {
  it('a read error becomes a NetworkError with the cause, and the stream stays failed', async () => {
    const source = handFed();
    const controller = new AbortController();
    const reader = guardStream(source.stream, guard({ signal: controller.signal, idleTimeoutMs: 60_000 })).getReader();
    const read = reader.read();
    source.error(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
    const error = await rejectionOf(read);
    if (!isCumulocityError(error, 'NetworkError')) throw new Error(`expected NetworkError, got ${String(error)}`);
    expect(error.message).toBe(`Network error: socket hang up (GET ${request.url})`);
    expect(error.method).toBe('GET');
    expect(error.url).toBe(request.url);
    expect(error.cause).toEqual(expect.objectContaining({ name: 'Error', message: 'socket hang up', code: 'ECONNRESET' }));
    expect(listeners(controller.signal)).toBe(0);
    expect(await rejectionOf(reader.read())).toBe(error);
  });
});
