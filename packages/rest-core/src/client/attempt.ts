import type { KyInstance } from 'ky';
import type { CumulocityError, RequestDescription } from '../errors/cumulocity-error.js';
import { errorFromResponse } from '../errors/error-from-response.js';
import { isCumulocityError } from '../errors/is-cumulocity-error.js';
import { NetworkError } from '../errors/network-error.js';
import { redactSecrets } from '../errors/redact.js';
import { ResponseFormatError } from '../errors/response-format-error.js';
import { TimeoutError } from '../errors/timeout-error.js';
import type { AttemptFailure } from '../retry/decide-retry.js';
import type { HttpMethod } from '../retry/retry-policy.js';
import { raceAbort, readBodyText, type StreamGuard } from './body.js';
import type { FetchFunction } from './options.js';

/** What a reply reader gets besides the reply. */
export interface ReadContext {
  /** The request, for errors. */
  readonly description: RequestDescription;
  /** The attempt's signal (its timeout and the caller's abort): pass it to every body read. */
  readonly signal: AbortSignal | undefined;
  /** The most bytes a body read into memory may have; `false`: no limit. */
  readonly maxBytes: number | false;
  /** How a body handed to the caller is watched after the attempt (see `guardStream`). */
  readonly stream: StreamGuard;
}

/** Reads a successful reply inside the attempt, so the attempt's timeout and retries cover it. */
export type ReplyReader = (response: Response, context: ReadContext) => Promise<unknown>;

/** Everything one attempt of a call needs. */
export interface AttemptPlan {
  url: URL;
  method: HttpMethod;
  headers: Headers;
  body: BodyInit | undefined;
  read: ReplyReader;
  timeoutMs: number | false;
  /** The call's signal: the caller's abort and the total timeout. */
  callSignal: AbortSignal | undefined;
  /** The most bytes a body read into memory may have. */
  maxBytes: number | false;
  /** How a body handed to the caller is watched (its signal is the caller's own). */
  stream: StreamGuard;
  description: RequestDescription;
}

/** The value, or how the attempt failed and the error to throw if it is not retried. */
export type AttemptResult = { ok: true; value: unknown } | { ok: false; failure: AttemptFailure; error: CumulocityError };

/** Error replies are read for their `{ error, message }` only: at most this much of them. */
const errorBodyBytes = 64 * 1024;
const noop = () => undefined;

/**
 * Sends one attempt and reads its reply, under the per-attempt timeout. Error statuses,
 * network failures and timeouts come back as failures for the retry decision; an abort by the
 * caller and bad replies (`ResponseFormatError`) are thrown.
 *
 * The attempt owns its deadline: this frame and the timer hold the controller until the attempt
 * ends, and every wait (for the headers, for each body chunk) races against its signal. Node 20's
 * fetch keeps the signal given to `new Request()` only weakly, so after a garbage collection an
 * abort may never reach a body that is still streaming; the race does not depend on that.
 */
export async function sendAttempt(ky: KyInstance, fetch: FetchFunction, plan: AttemptPlan): Promise<AttemptResult> {
  const { url, method, headers, body, read, timeoutMs, callSignal, description } = plan;
  callSignal?.throwIfAborted();
  const deadline = timeoutMs === false ? undefined : new AbortController();
  let timedOut = false;
  const timer =
    deadline &&
    setTimeout(() => {
      timedOut = true;
      deadline.abort(new TimeoutError({ ...description, timeoutMs: timeoutMs as number, scope: 'attempt' }));
    }, timeoutMs as number);
  // The call's abort reaches the attempt through the deadline's controller: a listener is much
  // cheaper than AbortSignal.any per attempt on the paging hot path.
  const forwardAbort = () => deadline?.abort(callSignal?.reason);
  if (deadline !== undefined) callSignal?.addEventListener('abort', forwardAbort, { once: true });
  const signal = deadline?.signal ?? callSignal;
  // ky builds the request and runs the hooks (auth) on a Request without body or signal; the body
  // and the signal go to fetch as they are. Given to ky, a body would be turned into a stream and
  // teed for ky's own retries, which we do not use (a third of a small POST's CPU), and a signal
  // would cost an AbortSignal.any per attempt.
  // (ky hands its fetch the Request it built; its type says any fetch input.)
  const send = (request: Parameters<FetchFunction>[0]) =>
    fetch((request as Request).url, { method, headers: (request as Request).headers, body, signal, redirect: 'manual', duplex: 'half' } as RequestInit);
  try {
    const response = await raceAbort(ky(url, { method, headers, fetch: send }), signal, (late) => late.body?.cancel().catch(noop));
    if (response.status === 0 || (response.status >= 300 && response.status < 400)) {
      response.body?.cancel().catch(noop);
      const location = response.headers.get('location');
      throw new ResponseFormatError(
        `a redirect${location ? ` to ${redactSecrets(location)}` : ''} was refused: credentials stay with the configured URL`,
        { ...description, status: response.status },
      );
    }
    if (!response.ok) {
      const text = await readBodyText(response, { signal, maxBytes: errorBodyBytes, overflow: 'truncate', request: description });
      return {
        ok: false,
        failure: { kind: 'status', status: response.status, retryAfter: response.headers.get('retry-after') },
        error: errorFromResponse(response, text, description),
      };
    }
    return { ok: true, value: await read(response, { description, signal, maxBytes: plan.maxBytes, stream: plan.stream }) };
  } catch (error) {
    if (callSignal?.aborted) throw error;
    if (timedOut) {
      return { ok: false, failure: { kind: 'timeout' }, error: new TimeoutError({ ...description, timeoutMs: timeoutMs as number, scope: 'attempt' }) };
    }
    if (isCumulocityError(error)) throw error;
    return { ok: false, failure: { kind: 'network' }, error: new NetworkError({ ...description, cause: error }) };
  } finally {
    clearTimeout(timer);
    callSignal?.removeEventListener('abort', forwardAbort);
  }
}
