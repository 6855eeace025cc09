import { CumulocityError, type CumulocityErrorOptions } from './cumulocity-error.js';

/**
 * A request took too long: one attempt exceeded `timeout` (`scope: 'attempt'`), or the call
 * with all its retries exceeded `totalTimeout` (`scope: 'total'`).
 */
export class TimeoutError extends CumulocityError {
  static override readonly kind: string = 'TimeoutError';
  /** The limit that was exceeded, in milliseconds. */
  readonly timeoutMs: number;
  /** Which limit: one attempt, or the whole call including retries. */
  readonly scope: 'attempt' | 'total';

  constructor(options: CumulocityErrorOptions & { timeoutMs: number; scope: 'attempt' | 'total' }) {
    const what = options.scope === 'total' ? 'total timeout' : 'timeout';
    super(`Request exceeded its ${what} of ${options.timeoutMs} ms (${options.method} ${options.url})`, options);
    this.timeoutMs = options.timeoutMs;
    this.scope = options.scope;
  }
}
