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
    super(options.path ? `${options.path}: ${message}` : message, { cause: options.cause });
    this.path = options.path;
  }
}
