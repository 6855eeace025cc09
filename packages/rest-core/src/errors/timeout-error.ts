import { CumulocityError, type CumulocityErrorOptions } from './cumulocity-error.js';

/**
 * A request took too long: one attempt exceeded `timeout` (`scope: 'attempt'`), the call with all
 * its retries exceeded `totalTimeout` (`scope: 'total'`), or a body handed to the caller
 * (`download()`, `responseType: 'stream'`) waited longer than `timeout` for its next chunk
 * (`scope: 'idle'`).
 */
export class TimeoutError extends CumulocityError {
  static override readonly kind: string = 'TimeoutError';
  /** The limit that was exceeded, in milliseconds. */
  readonly timeoutMs: number;
  /** Which limit: one attempt, the whole call including retries, or the wait for the next chunk of a streamed body. */
  readonly scope: 'attempt' | 'total' | 'idle';

  constructor(options: CumulocityErrorOptions & { timeoutMs: number; scope: 'attempt' | 'total' | 'idle' }) {
    const what =
      options.scope === 'idle'
        ? `The reply body stalled: no data for ${options.timeoutMs} ms`
        : `Request exceeded its ${options.scope === 'total' ? 'total timeout' : 'timeout'} of ${options.timeoutMs} ms`;
    super(`${what} (${options.method} ${options.url})`, options);
    this.timeoutMs = options.timeoutMs;
    this.scope = options.scope;
  }
}
