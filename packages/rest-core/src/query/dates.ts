import { DateTime } from 'luxon';
import { InvalidInputError } from '../errors/invalid-input-error.js';
import { describeValue } from './describe-value.js';

/**
 * A point in time as filters accept it:
 * - a `Date` or a luxon `DateTime`;
 * - an ISO-8601 string: `'2025-01-01'` (midnight UTC), `'2025-01-01T10:00'`, `'2025-01-01T10:00:00Z'`,
 *   `'2025-01-01T10:00:00.123+02:00'`. Without an offset the time is **UTC** (as in Cumulocity);
 * - `'now'`, or `'today'` (midnight UTC at the start of the current UTC day);
 * - a number: epoch milliseconds (as `Date.now()` returns; **not** seconds).
 *
 * @example
 * ```ts
 * const from: DateLike = '2025-01-01';
 * const to: DateLike = DateTime.now().minus({ hours: 1 });
 * ```
 */
export type DateLike = Date | DateTime | string | number;

/**
 * Options of {@link toIsoDate}.
 * @example toIsoDate('today', { path: 'after', now: new Date('2025-06-15T12:00:00Z') }) // '2025-06-15T00:00:00.000Z'
 */
export interface ToIsoDateOptions {
  /** The field name used in error messages, e.g. `dateFrom`. */
  path?: string;
  /** The clock for `'now'` and `'today'`. @default new Date() */
  now?: Date;
}

const DAY_MS = 86_400_000;
/** An ISO string must start with a date: luxon would read a bare `'10:00'` as today 10:00 (local clock). */
const STARTS_WITH_DATE = /^[+-]?\d{4}/;

function fail(message: string, path: string | undefined, cause?: unknown): never {
  throw new InvalidInputError(message, { path, cause });
}

function millisOf(value: unknown, path: string | undefined, now: Date): number {
  if (value instanceof Date) return value.getTime();
  if (DateTime.isDateTime(value)) {
    if (!value.isValid) fail(`invalid DateTime (${value.invalidExplanation ?? value.invalidReason ?? 'invalid'})`, path);
    return value.toMillis();
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) fail(`expected epoch milliseconds, got ${String(value)}`, path);
    return value;
  }
  if (typeof value === 'string') {
    const text = value.trim().toLowerCase();
    if (text === 'now') return now.getTime();
    if (text === 'today') return Math.floor(now.getTime() / DAY_MS) * DAY_MS;
    if (STARTS_WITH_DATE.test(value)) {
      // zone 'utc': a string without an offset is read as UTC; one with an offset keeps its instant.
      const parsed = DateTime.fromISO(value, { zone: 'utc' });
      if (parsed.isValid) return parsed.toMillis();
    }
    fail(`expected an ISO-8601 date or date-time, 'now' or 'today', got ${JSON.stringify(value)}`, path);
  }
  fail(`expected a Date, a luxon DateTime, an ISO-8601 string, 'now', 'today' or epoch milliseconds, got ${describeValue(value)}`, path);
}

/**
 * Normalises a date-like value to the one form this SDK sends: ISO 8601 in **UTC** with
 * milliseconds and a `Z` suffix (`2025-01-01T00:00:00.000Z`). Offsets are converted, not kept
 * (the instant is the same; equal instants give equal strings). Strings without an offset are
 * UTC; a date-only string is midnight UTC; `'today'` is midnight UTC of the current UTC day.
 *
 * The second argument is the field name for error messages, or `{ path, now }`.
 *
 * @throws InvalidInputError naming the field for anything that is not a valid point in time.
 *
 * @example
 * ```ts
 * toIsoDate('2025-01-01');                        // '2025-01-01T00:00:00.000Z'
 * toIsoDate('2025-01-01T12:00:00+02:00');         // '2025-01-01T10:00:00.000Z'
 * toIsoDate(DateTime.fromISO('2025-01-01T12:00', { zone: 'Europe/Berlin' })); // '2025-01-01T11:00:00.000Z'
 * toIsoDate('today', { now: new Date('2025-03-04T15:16:17Z') }); // '2025-03-04T00:00:00.000Z'
 * toIsoDate(0);                                   // '1970-01-01T00:00:00.000Z'
 * toIsoDate('yesterday', 'dateFrom');             // throws InvalidInputError "dateFrom: expected …"
 * ```
 */
export function toIsoDate(value: DateLike, options: string | ToIsoDateOptions = {}): string {
  const { path, now = new Date() } = typeof options === 'string' ? { path: options } : options;
  const millis = millisOf(value, path, now);
  const date = new Date(millis);
  if (Number.isNaN(date.getTime())) fail(`not a valid point in time: ${describeValue(value)}`, path);
  return date.toISOString();
}

/**
 * Whether a value is a `Date` or a luxon `DateTime` (the objects `toIsoDate` accepts).
 * @internal
 * @example isDateObject(new Date()) // true
 */
export function isDateObject(value: unknown): value is Date | DateTime {
  return value instanceof Date || DateTime.isDateTime(value);
}
