import type { KyInstance } from 'ky';
import type { CumulocityError, RequestDescription } from '../errors/cumulocity-error.js';
import { errorFromResponse } from '../errors/error-from-response.js';
import { isCumulocityError } from '../errors/is-cumulocity-error.js';
import { NetworkError } from '../errors/network-error.js';
import { ResponseFormatError } from '../errors/response-format-error.js';
import { TimeoutError } from '../errors/timeout-error.js';
import type { AttemptFailure } from '../retry/decide-retry.js';
import type { HttpMethod } from '../retry/retry-policy.js';

/** Reads a successful reply inside the attempt, so the attempt's timeout and retries cover it. */
export type ReplyReader = (response: Response, description: RequestDescription) => Promise<unknown>;

/** Everything one attempt of a call needs. */
export interface AttemptPlan {
  url: URL;
  method: HttpMethod;
  headers: Headers;
  body: BodyInit | undefined;
  read: ReplyReader;
  timeoutMs: number | false;
  /** The caller's signal combined with the total timeout. */
  callSignal: AbortSignal | undefined;
  description: RequestDescription;
}

/** The value, or how the attempt failed and the error to throw if it is not retried. */
export type AttemptResult = { ok: true; value: unknown } | { ok: false; failure: AttemptFailure; error: CumulocityError };

/**
 * Sends one attempt and reads its reply, under the per-attempt timeout. Error statuses,
 * network failures and timeouts come back as failures for the retry decision; an abort by the
 * caller and bad replies (`ResponseFormatError`) are thrown.
 */
export async function sendAttempt(ky: KyInstance, plan: AttemptPlan): Promise<AttemptResult> {
  const { url, method, headers, body, read, timeoutMs, callSignal, description } = plan;
  callSignal?.throwIfAborted();
  const deadline = timeoutMs === false ? undefined : new AbortController();
  const timer = deadline && setTimeout(() => deadline.abort(), timeoutMs as number);
  // The caller's abort reaches the attempt through the deadline's controller: a listener is much
  // cheaper than AbortSignal.any per attempt on the paging hot path.
  const forwardAbort = () => deadline?.abort(callSignal?.reason);
  if (deadline !== undefined) callSignal?.addEventListener('abort', forwardAbort, { once: true });
  const signal = deadline?.signal ?? callSignal;
  try {
    const response = await ky(url, { method, headers, body, signal });
    if (response.status === 0 || (response.status >= 300 && response.status < 400)) {
      await response.body?.cancel();
      const location = response.headers.get('location');
      throw new ResponseFormatError(`a redirect${location ? ` to ${location}` : ''} was refused: credentials stay with the configured URL`, {
        ...description,
        status: response.status,
      });
    }
    if (!response.ok) {
      const text = await response.text();
      return {
        ok: false,
        failure: { kind: 'status', status: response.status, retryAfter: response.headers.get('retry-after') },
        error: errorFromResponse(response, text, description),
      };
    }
    return { ok: true, value: await read(response, description) };
  } catch (error) {
    if (callSignal?.aborted) throw error;
    if (deadline?.signal.aborted) {
      return { ok: false, failure: { kind: 'timeout' }, error: new TimeoutError({ ...description, timeoutMs: timeoutMs as number, scope: 'attempt' }) };
    }
    if (isCumulocityError(error)) throw error;
    return { ok: false, failure: { kind: 'network' }, error: new NetworkError({ ...description, cause: error }) };
  } finally {
    clearTimeout(timer);
    callSignal?.removeEventListener('abort', forwardAbort);
  }
}
