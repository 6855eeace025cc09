import { CumulocityError, type CumulocityErrorOptions } from './cumulocity-error.js';
import { redactSecrets } from './redact.js';

/**
 * The server's reply was not what the API promises: not JSON (an HTML proxy page, say),
 * truncated JSON, or JSON of the wrong shape.
 */
export class ResponseFormatError extends CumulocityError {
  static override readonly kind: string = 'ResponseFormatError';
  /** HTTP status of the reply. */
  readonly status?: number;
  /** The reply's Content-Type. */
  readonly contentType?: string;
  /** The first characters of the reply body, for diagnosis (credentials masked). */
  readonly excerpt?: string;

  constructor(
    problem: string,
    options: CumulocityErrorOptions & { status?: number; contentType?: string; excerpt?: string },
  ) {
    super(`Unexpected reply: ${problem} (${options.method} ${options.url})`, options);
    this.status = options.status;
    this.contentType = options.contentType;
    this.excerpt = options.excerpt === undefined ? undefined : redactSecrets(options.excerpt);
  }
}
