import { CumulocityError, type RequestDescription } from './cumulocity-error.js';
import { redactJson, redactSecrets } from './redact.js';

/** What the server said, as read from a Cumulocity error reply. */
export interface HttpErrorDetails extends RequestDescription {
  /** HTTP status code. */
  status: number;
  /** Cumulocity's `error` field, `<area>/<name>` (e.g. `inventory/Not Found`). */
  error?: string;
  /** Cumulocity's `message` field. */
  serverMessage?: string;
  /** Cumulocity's `info` field (a documentation link). */
  info?: string;
  /** The parsed reply body (JSON), or a bounded text excerpt. */
  body?: unknown;
  cause?: unknown;
}

/**
 * The server answered with an error status. Subclasses exist where callers act differently;
 * for the rest switch on `status` or `error`.
 *
 * @example
 * ```ts
 * try {
 *   await device.update();
 * } catch (e) {
 *   if (isCumulocityError(e, 'HttpError') && e.error === 'inventory/Invalid Data') console.warn(e.serverMessage);
 * }
 * ```
 */
export class HttpError extends CumulocityError {
  static override readonly kind: string = 'HttpError';
  /** HTTP status code. */
  readonly status: number;
  /** Cumulocity's `error` field, `<area>/<name>` (e.g. `inventory/Not Found`). */
  readonly error?: string;
  /** Cumulocity's `message` field. */
  readonly serverMessage?: string;
  /** Cumulocity's `info` field. */
  readonly info?: string;
  /** The parsed reply body (JSON), or a bounded text excerpt; credentials masked. */
  readonly body?: unknown;

  /** Keeps what the server said with credentials masked (servers and proxies may echo the request's). */
  constructor(details: HttpErrorDetails) {
    const said = {
      ...details,
      error: details.error === undefined ? undefined : redactSecrets(details.error),
      serverMessage: details.serverMessage === undefined ? undefined : redactSecrets(details.serverMessage),
      info: details.info === undefined ? undefined : redactSecrets(details.info),
    };
    super(describe(said), details);
    this.status = details.status;
    this.error = said.error;
    this.serverMessage = said.serverMessage;
    this.info = said.info;
    this.body = details.body === undefined ? undefined : redactJson(details.body);
  }
}

function describe(details: HttpErrorDetails): string {
  const what = [String(details.status), details.error].filter(Boolean).join(' ');
  const said = details.serverMessage ? `: ${details.serverMessage}` : '';
  const where = details.method && details.url ? ` (${details.method} ${details.url})` : '';
  return `${what}${said}${where}`;
}

/** 401: the credentials are missing, wrong or expired. */
export class UnauthorizedError extends HttpError {
  static override readonly kind: string = 'UnauthorizedError';
}

/** 401 because a second factor (TOTP or SMS code) is needed: retry the login with `tfaCode`. */
export class TfaRequiredError extends UnauthorizedError {
  static override readonly kind: string = 'TfaRequiredError';
}

/** 403: the user lacks the role or permission. */
export class ForbiddenError extends HttpError {
  static override readonly kind: string = 'ForbiddenError';
}

/** 404: the resource does not exist (or is not visible to this user). */
export class NotFoundError extends HttpError {
  static override readonly kind: string = 'NotFoundError';
}

/** 409: a duplicate or a conflicting change (e.g. an external id bound elsewhere). */
export class ConflictError extends HttpError {
  static override readonly kind: string = 'ConflictError';
}

/** 422: the server rejected the data (Cumulocity's "Invalid Data"). */
export class ValidationError extends HttpError {
  static override readonly kind: string = 'ValidationError';
}

/** 429: too many requests; `retryAfterMs` is the server's `Retry-After`, when it sent one. */
export class RateLimitedError extends HttpError {
  static override readonly kind: string = 'RateLimitedError';
  /** The server's `Retry-After`, in milliseconds, if it sent one. */
  readonly retryAfterMs?: number;

  constructor(details: HttpErrorDetails & { retryAfterMs?: number }) {
    super(details);
    this.retryAfterMs = details.retryAfterMs;
  }
}

/** 5xx: the server failed. Idempotent requests were already retried. */
export class ServerError extends HttpError {
  static override readonly kind: string = 'ServerError';
}
