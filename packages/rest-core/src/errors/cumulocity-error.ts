import { redactedCause, redactSecrets } from './redact.js';

/** Marks SDK errors; `Symbol.for` so duplicated installs of the package recognise each other. */
export const errorBrand = Symbol.for('@c8y/rest-core/CumulocityError');

/** Where a failed request went: used in messages and `toJSON()`. Never holds credentials. */
export interface RequestDescription {
  /** HTTP method, upper case. */
  method?: string;
  /** The request URL without user info (credentials are never part of it). */
  url?: string;
}

/** Options shared by every error constructor. */
export interface CumulocityErrorOptions extends RequestDescription {
  /** The underlying error, if any. */
  cause?: unknown;
}

/**
 * Root of every error the SDK throws on purpose.
 *
 * Check errors with {@link isCumulocityError} rather than `instanceof`: the guard works
 * across duplicated installs of the package and across realms.
 *
 * @example
 * ```ts
 * try {
 *   await client.get('/inventory/managedObjects/123');
 * } catch (error) {
 *   if (isCumulocityError(error, 'NotFoundError')) console.log('gone:', error.url);
 *   else throw error;
 * }
 * ```
 */
export class CumulocityError extends Error {
  /** The class's kind name; survives minification, unlike the class name. */
  static readonly kind: string = 'CumulocityError';
  /** HTTP method of the failed request, if a request was involved. */
  readonly method?: string;
  /** URL of the failed request, if a request was involved. */
  readonly url?: string;
  /**
   * Set when a paged read (`select`, `getAll`, a resource's `getAll`) failed midway: how many
   * items it had already delivered. `undefined` otherwise.
   */
  declare itemsReceived?: number;

  /**
   * Builds the error without credentials: the message and URL are redacted (see `redactSecrets`:
   * the credentials the SDK has sent, secret-named fields, `Basic`/`Bearer` values, JWTs), and a
   * `cause` that is not an SDK error is replaced by a redacted copy (same name, message and
   * primitive fields such as `code`) — lower layers put request headers into their messages.
   */
  constructor(message: string, options: CumulocityErrorOptions = {}) {
    const cause = options.cause === undefined || isSdkError(options.cause) ? options.cause : redactedCause(options.cause);
    super(redactSecrets(message), cause === undefined ? undefined : { cause });
    this.name = (new.target as typeof CumulocityError).kind;
    this.method = options.method;
    this.url = options.url === undefined ? undefined : redactSecrets(stripUserInfo(options.url));
    Object.defineProperty(this, errorBrand, { value: true, enumerable: false });
  }

  /** A plain, credential-free representation for logs and serialisation. */
  toJSON(): Record<string, unknown> {
    const json: Record<string, unknown> = { name: this.name, message: this.message };
    for (const [key, value] of Object.entries(this)) {
      if (value !== undefined && key !== 'name' && key !== 'message') json[key] = value;
    }
    const cause = this.cause as { name?: unknown; message?: unknown } | undefined;
    // Shape, not `instanceof`: errors from another realm are not `instanceof Error` here.
    if (typeof cause === 'object' && cause !== null && typeof cause.message === 'string') {
      json.cause = { name: typeof cause.name === 'string' ? cause.name : 'Error', message: redactSecrets(cause.message) };
    }
    return json;
  }
}

function isSdkError(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[errorBrand] === true;
}

function stripUserInfo(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.username === '' && parsed.password === '') return url;
    parsed.username = '';
    parsed.password = '';
    return parsed.toString();
  } catch {
    return url;
  }
}
