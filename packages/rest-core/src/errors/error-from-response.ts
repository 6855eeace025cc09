import type { RequestDescription } from './cumulocity-error.js';
import {
  ConflictError,
  ForbiddenError,
  HttpError,
  type HttpErrorDetails,
  NotFoundError,
  RateLimitedError,
  ServerError,
  TfaRequiredError,
  UnauthorizedError,
  ValidationError,
} from './http-errors.js';
import { redactedExcerpt } from './redact.js';

const excerptLength = 500;

/**
 * Reads a Cumulocity `{ error, message, info }` body, tolerating HTML or empty replies: the parsed
 * JSON, or a bounded, redacted excerpt of a text body (a server or proxy may echo the request's
 * credentials).
 */
function readErrorBody(text: string): Pick<HttpErrorDetails, 'error' | 'serverMessage' | 'info' | 'body'> {
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { body: redactedExcerpt(text, excerptLength) };
  }
  // HttpError redacts the fields it keeps; a text body is cut here, after redaction.
  const body = parsed;
  if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
    const record = body as Record<string, unknown>;
    const pick = (key: string) => (typeof record[key] === 'string' ? (record[key] as string) : undefined);
    return { error: pick('error'), serverMessage: pick('message'), info: pick('info'), body };
  }
  return { body };
}

/** Parses `Retry-After` (seconds or an HTTP date) into milliseconds from `now`. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

const tfaPattern = /\b(tfa|totp|two[- ]factor|pin)\b/i;

/**
 * Builds the typed error for an error reply. `text` is the reply body as read.
 *
 * @example
 * ```ts
 * const url = 'https://t100.example.com/inventory/managedObjects/1';
 * const response = await fetch(url);
 * const error = errorFromResponse(response, await response.text(), { method: 'GET', url });
 * ```
 */
export function errorFromResponse(
  response: Pick<Response, 'status' | 'headers'>,
  text: string,
  request: RequestDescription,
): HttpError {
  const details: HttpErrorDetails = { status: response.status, ...readErrorBody(text), ...request };
  switch (response.status) {
    case 401: {
      const tfa = response.headers.has('tfatokenexpired') || tfaPattern.test(details.serverMessage ?? '');
      return tfa ? new TfaRequiredError(details) : new UnauthorizedError(details);
    }
    case 403:
      return new ForbiddenError(details);
    case 404:
      return new NotFoundError(details);
    case 409:
      return new ConflictError(details);
    case 422:
      return new ValidationError(details);
    case 429:
      return new RateLimitedError({ ...details, retryAfterMs: parseRetryAfter(response.headers.get('retry-after')) });
    default:
      return response.status >= 500 ? new ServerError(details) : new HttpError(details);
  }
}
