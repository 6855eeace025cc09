import { CumulocityError, type CumulocityErrorOptions } from './cumulocity-error.js';

/**
 * The request got no HTTP answer: DNS failure, refused or reset connection.
 * The original error is `cause`. Idempotent requests were already retried.
 */
export class NetworkError extends CumulocityError {
  static override readonly kind: string = 'NetworkError';

  constructor(options: CumulocityErrorOptions) {
    const reason = options.cause instanceof Error ? `: ${options.cause.message}` : '';
    super(`Network error${reason} (${options.method} ${options.url})`, options);
  }
}
