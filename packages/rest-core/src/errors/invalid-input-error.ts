import { CumulocityError } from './cumulocity-error.js';

/**
 * Bad input found before any request was sent: an invalid option, id, header or object.
 * `path` names the offending field (e.g. `options.timeout`, `source.id`).
 *
 * @example
 * ```ts
 * new CumulocityRestClient({ baseUrl: 'x', auth: new BasicAuth('t100/admin', password), timeout: -1 });
 * // InvalidInputError: options.timeout: must be a positive number of milliseconds
 * ```
 */
export class InvalidInputError extends CumulocityError {
  static override readonly kind: string = 'InvalidInputError';
  /** Dotted path of the offending field, if known. */
  readonly path?: string;

  constructor(message: string, options: { path?: string; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    // The path names a field, never a secret: prefixed after redaction, so a field called
    // `password` does not make the redactor mask the first word of the message.
    if (options.path) this.message = `${options.path}: ${this.message}`;
    this.path = options.path;
  }
}
