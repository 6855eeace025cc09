import { InvalidInputError } from '@c8y/rest-core';

/**
 * What a time property accepts: an ISO 8601 string, `'now'`, a `Date`, or anything with
 * `toISO()` (a luxon `DateTime`; luxon itself is not needed to pass one).
 *
 * @example
 * ```ts
 * measurement.time = 'now';
 * measurement.time = new Date();
 * measurement.time = DateTime.now();
 * ```
 */
export type TimeInput = string | Date | { toISO(): string | null };

/**
 * The ISO 8601 string for a {@link TimeInput}; `'now'` is the current time in UTC with
 * milliseconds (`new Date().toISOString()`).
 *
 * @throws InvalidInputError naming `path` for an unparseable string or an invalid date.
 * @example
 * ```ts
 * toTimeString('now', 'time');           // '2025-06-01T12:00:00.000Z'
 * toTimeString(new Date(0), 'time');     // '1970-01-01T00:00:00.000Z'
 * ```
 */
export function toTimeString(input: TimeInput, path: string): string {
  if (input === 'now') return new Date().toISOString();
  if (typeof input === 'string') {
    if (Number.isNaN(Date.parse(input))) throw new InvalidInputError(`${JSON.stringify(input)} is not an ISO 8601 date/time (or 'now')`, { path });
    return input;
  }
  if (input instanceof Date) {
    if (Number.isNaN(input.getTime())) throw new InvalidInputError('is an invalid Date', { path });
    return input.toISOString();
  }
  if (typeof input === 'object' && input !== null && typeof input.toISO === 'function') {
    const text = input.toISO();
    if (text === null) throw new InvalidInputError('is an invalid DateTime', { path });
    return text;
  }
  throw new InvalidInputError(`must be an ISO 8601 string, 'now', a Date or a DateTime, got ${input === null ? 'null' : typeof input}`, { path });
}
