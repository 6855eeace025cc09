import type { RequestDescription } from '../errors/cumulocity-error.js';
import { NetworkError } from '../errors/network-error.js';
import { ResponseFormatError } from '../errors/response-format-error.js';
import { TimeoutError } from '../errors/timeout-error.js';

/** The most bytes a reply may have unless the client or the call says otherwise: 64 MiB. */
export const defaultMaxResponseBytes = 64 * 1024 * 1024;

/** How a reply body is read to the end inside an attempt. */
export interface BodyLimits {
  /**
   * Ends the read: when it aborts, the body is cancelled and the read rejects with its reason.
   * The SDK holds the controller behind it for the whole attempt, so the abort cannot be lost
   * (Node 20's fetch holds the signal given to `new Request()` only weakly: after a garbage
   * collection its abort may never reach the body).
   */
  signal: AbortSignal | undefined;
  /** The most bytes (after decompression) the body may have; `false`: no limit. */
  maxBytes: number | false;
  /** What to do past `maxBytes`: fail with a `ResponseFormatError` (default), or keep what fits and stop. */
  overflow?: 'error' | 'truncate';
  /** The request, for the error. */
  request: RequestDescription;
}

const noop = () => undefined;
const decoder = new TextDecoder();

/** A `ResponseFormatError` for a reply larger than `maxBytes`. */
export function tooLarge(maxBytes: number, request: RequestDescription, status?: number): ResponseFormatError {
  return new ResponseFormatError(
    `the reply is larger than maxResponseBytes (${maxBytes} bytes); raise maxResponseBytes (client or call option) if it is expected`,
    { ...request, status },
  );
}

/** The declared length of an unencoded body, if the server sent one (a compressed body's length says nothing). */
function declaredLength(response: Response): number | undefined {
  const encoding = response.headers.get('content-encoding');
  if (encoding !== null && encoding.trim().toLowerCase() !== 'identity') return undefined;
  const length = Number(response.headers.get('content-length') ?? Number.NaN);
  return Number.isFinite(length) ? length : undefined;
}

/**
 * Reads a reply body to the end, counting the bytes as they arrive (after decompression) and
 * giving up at `limits.maxBytes`, and ends as soon as `limits.signal` aborts: the reader is
 * cancelled (which settles a pending read, whatever the fetch implementation does with its own
 * signal) and the read rejects with the signal's reason.
 *
 * @example
 * ```ts
 * const url = 'https://t100.example.com/inventory/binaries/42';
 * const response = await fetch(url, { signal });
 * const bytes = await readBodyBytes(response, { signal, maxBytes: 1 << 20, request: { method: 'GET', url } });
 * ```
 */
export async function readBodyBytes(response: Response, limits: BodyLimits): Promise<Uint8Array> {
  const { signal, maxBytes, request } = limits;
  const truncate = limits.overflow === 'truncate';
  signal?.throwIfAborted();
  const body = response.body;
  if (body === null) return new Uint8Array(0);
  const declared = declaredLength(response);
  if (maxBytes !== false && !truncate && declared !== undefined && declared > maxBytes) {
    body.cancel().catch(noop);
    throw tooLarge(maxBytes, request, response.status);
  }
  const reader = body.getReader();
  const onAbort = () => {
    reader.cancel(signal?.reason).catch(noop);
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      // A cancelled reader answers `done`: the abort, not the end of the body.
      if (signal?.aborted) throw signal.reason;
      if (done) break;
      if (maxBytes !== false && total + value.byteLength > maxBytes) {
        reader.cancel().catch(noop);
        if (!truncate) throw tooLarge(maxBytes, request, response.status);
        if (total < maxBytes) chunks.push(value.subarray(0, maxBytes - total));
        total = maxBytes;
        break;
      }
      chunks.push(value);
      total += value.byteLength;
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const all = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return all;
}

/** {@link readBodyBytes} decoded as UTF-8 (a BOM is dropped, bad bytes become U+FFFD, as `Response.text()` does). */
export async function readBodyText(response: Response, limits: BodyLimits): Promise<string> {
  return decoder.decode(await readBodyBytes(response, limits));
}

/**
 * `promise`, or a rejection with the signal's reason as soon as it aborts. When the abort wins,
 * `discard` gets the value that arrives later (to cancel a reply body nobody will read).
 */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined, discard?: (late: T) => void): Promise<T> {
  if (signal === undefined) return promise;
  return new Promise<T>((resolve, reject) => {
    let lost = false;
    const onAbort = () => {
      lost = true;
      reject(signal.reason);
    };
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        if (lost) discard?.(value);
        else resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** How a body handed to the caller is watched while the caller reads it. */
export interface StreamGuard {
  /** Longest wait for the next chunk while the caller waits for one; `false`: none. */
  idleTimeoutMs: number | false;
  /** The caller's signal: aborting it errors the stream with its reason and cancels the body. */
  signal: AbortSignal | undefined;
  /** The most bytes the stream may deliver; `false`: no limit. */
  maxBytes: number | false;
  /** The request, for errors. */
  request: RequestDescription;
}

/**
 * Wraps a body the caller reads later (`download()`, `responseType: 'stream'`) so it cannot hang
 * or grow without bound: a wait of more than `idleTimeoutMs` for the next chunk (counted only
 * while the caller is waiting for one) errors the stream with a `TimeoutError` (`scope: 'idle'`),
 * an abort of `signal` with the signal's reason, more than `maxBytes` with a
 * `ResponseFormatError`, a broken connection with a `NetworkError`; each cancels the body.
 *
 * @example
 * ```ts
 * const request = { method: 'GET', url: 'https://t100.example.com/inventory/binaries/42' } as const;
 * const response = await fetch(request.url, { signal });
 * const body = guardStream(response.body!, { idleTimeoutMs: 60_000, signal, maxBytes: false, request });
 * ```
 */
export function guardStream(source: ReadableStream<Uint8Array>, guard: StreamGuard): ReadableStream<Uint8Array> {
  const { idleTimeoutMs, signal, maxBytes, request } = guard;
  const reader = source.getReader();
  let total = 0;
  let failure: { error: unknown } | undefined;
  let onAbort: (() => void) | undefined;
  const release = () => {
    if (onAbort !== undefined) signal?.removeEventListener('abort', onAbort);
    onAbort = undefined;
  };
  const fail = (controller: ReadableStreamDefaultController<Uint8Array>, error: unknown) => {
    if (failure !== undefined) return;
    failure = { error };
    release();
    reader.cancel(error).catch(noop);
    try {
      controller.error(error);
    } catch {
      // already closed or errored
    }
  };
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        if (signal === undefined) return;
        onAbort = () => fail(controller, signal.reason);
        if (signal.aborted) onAbort();
        else signal.addEventListener('abort', onAbort, { once: true });
      },
      async pull(controller) {
        if (failure !== undefined) return;
        let timer: ReturnType<typeof setTimeout> | undefined;
        if (idleTimeoutMs !== false) {
          timer = setTimeout(() => fail(controller, new TimeoutError({ ...request, timeoutMs: idleTimeoutMs, scope: 'idle' })), idleTimeoutMs);
        }
        let result: ReadableStreamReadResult<Uint8Array>;
        try {
          result = await reader.read();
        } catch (cause) {
          fail(controller, new NetworkError({ ...request, cause }));
          return;
        } finally {
          clearTimeout(timer);
        }
        if (failure !== undefined) return;
        if (result.done) {
          release();
          controller.close();
          return;
        }
        total += result.value.byteLength;
        if (maxBytes !== false && total > maxBytes) {
          fail(controller, tooLarge(maxBytes, request));
          return;
        }
        controller.enqueue(result.value);
      },
      cancel(reason) {
        release();
        return reader.cancel(reason);
      },
    },
    // Pull only when the caller reads: the idle timer never counts the caller's own pauses.
    { highWaterMark: 0 },
  );
}
