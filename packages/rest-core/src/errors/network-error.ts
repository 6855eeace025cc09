import { CumulocityError, type CumulocityErrorOptions } from './cumulocity-error.js';
import { redactSecrets } from './redact.js';

/**
 * The request got no HTTP answer: DNS failure, refused or reset connection.
 * `cause` is a redacted copy of the original error (its name, message, `code` and other plain
 * fields; fetch implementations and mocks put request headers into their messages). Idempotent
 * requests were already retried.
 */
export class NetworkError extends CumulocityError {
  static override readonly kind: string = 'NetworkError';

  constructor(options: CumulocityErrorOptions) {
    const reason = typeof messageOf(options.cause) === 'string' ? `: ${redactSecrets(messageOf(options.cause) as string)}` : '';
    // The base class keeps a redacted copy of the cause, not the original.
    super(`Network error${reason} (${options.method} ${options.url})`, options);
  }
}

// Errors from another realm (a test VM, an iframe) fail `instanceof Error`: read the shape.
function messageOf(cause: unknown): string | undefined {
  const message = typeof cause === 'object' && cause !== null ? (cause as { message?: unknown }).message : undefined;
  return typeof message === 'string' && message !== '' ? message : undefined;
}
