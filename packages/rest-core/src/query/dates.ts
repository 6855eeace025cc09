import { InvalidInputError } from '../errors/invalid-input-error.js';
import { describeValue } from './describe-value.js';

/**
 * A luxon `DateTime`, recognised by its shape so that rest-core never imports luxon (neither at
 * run time nor in its types): an object with a boolean `isValid`, `toMillis()` and `toISO()`.
 * Any object of that shape works; a luxon `Duration` (which has the same three members) does not.
 *
 * @example
 * ```ts
 * import { toIsoDate, type DateTimeLike } from '@c8y/rest-core';
 * import { DateTime } from 'luxon';
 * const from: DateTimeLike = DateTime.now().startOf('day'); // local midnight
 * toIsoDate(from, 'dateFrom');
 * ```
 */
export interface DateTimeLike {
  /** `false` for an invalid DateTime, which is rejected. */
  readonly isValid: boolean;
  /** Epoch milliseconds of the instant. */
  toMillis(): number;
  /** ISO 8601 with offset, or `null` when invalid. */
  toISO(): string | null;
  /** Why it is invalid (luxon's short reason), used in the error message. */
  readonly invalidReason?: string | null;
  /** Why it is invalid (luxon's longer explanation), used in the error message. */
  readonly invalidExplanation?: string | null;
}

/**
 * A point in time as filters accept it:
 * - a `Date` or a luxon `DateTime` (any zone; see {@link DateTimeLike});
 * - an ISO-8601 string: `'2025-01-01'` (midnight UTC), `'2025-01-01T10:00'`, `'2025-01-01T10:00:00Z'`,
 *   `'2025-01-01T10:00:00.123+02:00'`. Without an offset the time is **UTC** (as in Cumulocity);
 * - `'now'`, or `'today'` (midnight UTC at the start of the current UTC day);
 * - a number: epoch milliseconds (as `Date.now()` returns; **not** seconds).
 *
 * @example
 * ```ts
 * const from: DateLike = '2025-01-01';
 * const to: DateLike = DateTime.now().minus({ hours: 1 }); // import { DateTime } from 'luxon'
 * ```
 */
export type DateLike = Date | DateTimeLike | string | number;

/**
 * A point in time as a time property of an object (`time`, `startDate`, …) accepts it: an
 * ISO-8601 date or date-time (no offset = UTC), `'now'`, a `Date` or a luxon `DateTime`.
 * Unlike {@link DateLike}, no epoch numbers and no `'today'`.
 *
 * @example
 * ```ts
 * const time: TimeLike = '2025-01-01T10:00:00+02:00';
 * ```
 */
export type TimeLike = Date | DateTimeLike | string;

/**
 * Options of {@link toIsoDate} and {@link toIsoTime}.
 * @example toIsoDate('today', { path: 'after', now: new Date('2025-06-15T12:00:00Z') }) // '2025-06-15T00:00:00.000Z'
 */
export interface ToIsoDateOptions {
  /** The field name used in error messages, e.g. `dateFrom`. */
  path?: string;
  /** The clock for `'now'` and `'today'`. @default new Date() */
  now?: Date;
}

const DAY_MS = 86_400_000;
const MAX_MS = 8.64e15;

/**
 * ISO 8601 calendar date, optionally with a time (`T`, hours and minutes, optional seconds and
 * fraction) and an offset (`Z`, `±HH:MM` or `±HHMM`). Nothing else: no week or ordinal dates,
 * no basic format, no space instead of `T`, no offset on a bare date.
 */
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(?:Z|([+-])(\d{2}):?(\d{2}))?)?$/;

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`). */
function epochDays(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Reads a strict ISO-8601 date or date-time as epoch milliseconds: `YYYY-MM-DD`, optionally
 * `THH:MM`, `:SS`, `.fraction` (cut to milliseconds) and `Z`, `±HH:MM` or `±HHMM`. **Without an
 * offset the time is UTC**; a date alone is midnight UTC. Returns `undefined` for anything else
 * (other ISO forms, impossible dates such as `2026-02-30`, free text that `Date.parse` would
 * guess at). Never depends on the local time zone.
 *
 * @example
 * ```ts
 * parseIsoDateTime('2025-01-01');                 // 1735689600000
 * parseIsoDateTime('2025-01-01T02:00+02:00');     // 1735689600000
 * parseIsoDateTime('Dec 4 2026');                 // undefined
 * ```
 */
export function parseIsoDateTime(text: string): number | undefined {
  const match = ISO_DATE_TIME.exec(text);
  if (match === null) return undefined;
  const [, y, mo, d, h, mi, s, fraction = '', sign, oh, om] = match;
  // Absent parts (time, seconds, offset) are 0; 'Z' and no offset are the same.
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  const [offsetHours, offsetMinutes] = [Number(oh ?? 0), Number(om ?? 0)];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59 || offsetHours > 23 || offsetMinutes > 59) return undefined;
  const offset = (sign === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes);
  const millis = Number(fraction.slice(0, 3).padEnd(3, '0'));
  return epochDays(year, month, day) * DAY_MS + ((hour * 60 + minute - offset) * 60 + second) * 1_000 + millis;
}

/**
 * Whether a value looks like a luxon `DateTime` (see {@link DateTimeLike}); luxon's own
 * `isLuxonDateTime` marker counts too. A luxon `Duration` does not.
 *
 * @example
 * ```ts
 * isDateTimeLike(DateTime.now());           // true
 * isDateTimeLike(Duration.fromMillis(1));   // false
 * isDateTimeLike(new Date());               // false (a Date is not a DateTime)
 * ```
 */
export function isDateTimeLike(value: unknown): value is DateTimeLike {
  if (typeof value !== 'object' || value === null) return false;
  const shape = value as { isLuxonDateTime?: unknown; isLuxonDuration?: unknown; isValid?: unknown; toMillis?: unknown; toISO?: unknown };
  if (typeof shape.toMillis !== 'function') return false;
  if (shape.isLuxonDateTime === true) return true;
  return shape.isLuxonDuration !== true && typeof shape.isValid === 'boolean' && typeof shape.toISO === 'function';
}

function fail(message: string, path: string | undefined): never {
  throw new InvalidInputError(message, { path });
}

/** The reason an invalid luxon value gives (explanation, else reason), for error messages. */
export function invalidBecause(value: { invalidReason?: unknown; invalidExplanation?: unknown }): string {
  const { invalidExplanation, invalidReason } = value;
  return typeof invalidExplanation === 'string' ? invalidExplanation : typeof invalidReason === 'string' ? invalidReason : 'invalid';
}

type Accepted = 'date' | 'time';

function millisOf(value: unknown, accepted: Accepted, path: string | undefined, now: Date): number {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) fail('invalid Date', path);
    return value.getTime();
  }
  if (isDateTimeLike(value)) {
    if (!value.isValid) fail(`invalid DateTime (${invalidBecause(value)})`, path);
    return value.toMillis();
  }
  if (typeof value === 'number' && accepted === 'date') {
    if (!Number.isFinite(value)) fail(`expected epoch milliseconds, got ${String(value)}`, path);
    return value;
  }
  if (typeof value === 'string') {
    const text = value.trim().toLowerCase();
    if (text === 'now') return now.getTime();
    if (text === 'today' && accepted === 'date') return Math.floor(now.getTime() / DAY_MS) * DAY_MS;
    const parsed = parseIsoDateTime(value);
    if (parsed !== undefined) return parsed;
    const words = accepted === 'date' ? "'now' or 'today'" : "or 'now'";
    fail(`expected an ISO-8601 date or date-time (YYYY-MM-DD[THH:MM[:SS[.sss]]][Z|±HH:MM]), ${words}, got ${JSON.stringify(value)}`, path);
  }
  const forms = accepted === 'date' ? "an ISO-8601 string, 'now', 'today' or epoch milliseconds" : "an ISO-8601 string or 'now'";
  fail(`expected a Date, a luxon DateTime, ${forms}, got ${describeValue(value)}`, path);
}

function normalise(value: unknown, accepted: Accepted, options: string | ToIsoDateOptions): string {
  const { path, now = new Date() } = typeof options === 'string' ? { path: options } : options;
  const millis = millisOf(value, accepted, path, now);
  if (!(Math.abs(millis) <= MAX_MS)) fail(`not a valid point in time: ${describeValue(value)}`, path);
  return new Date(millis).toISOString();
}

/**
 * Normalises a date-like value to the one form this SDK sends: ISO 8601 in **UTC** with
 * milliseconds and a `Z` suffix (`2025-01-01T00:00:00.000Z`). Offsets are converted, not kept
 * (the instant is the same; equal instants give equal strings). Strings without an offset are
 * UTC; a date-only string is midnight UTC; `'today'` is midnight UTC of the current UTC day.
 * Strings must be strict ISO 8601 (see {@link parseIsoDateTime}); luxon is not needed, but a luxon
 * `DateTime` is accepted.
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
  return normalise(value, 'date', options);
}

/**
 * The rule for time properties of objects (`time`, `startDate`, …), the same as
 * {@link toIsoDate} but narrower: an ISO-8601 date or date-time (no offset = UTC), `'now'`, a
 * `Date` or a luxon `DateTime`. Epoch numbers and `'today'` are refused (in a request body they
 * are more likely a mistake than a wish). The result is ISO 8601 in UTC with milliseconds.
 *
 * @throws InvalidInputError naming the field for anything else.
 *
 * @example
 * ```ts
 * toIsoTime('2025-01-01T12:00', 'time');            // '2025-01-01T12:00:00.000Z'
 * toIsoTime('2025-01-01T12:00:00+02:00', 'time');   // '2025-01-01T10:00:00.000Z'
 * toIsoTime('now', { path: 'time', now: new Date(0) }); // '1970-01-01T00:00:00.000Z'
 * toIsoTime('Dec 4 2026', 'time');                  // throws InvalidInputError "time: expected …"
 * ```
 */
export function toIsoTime(value: TimeLike, options: string | ToIsoDateOptions = {}): string {
  return normalise(value, 'time', options);
}

/**
 * Whether a value is a `Date` or a luxon `DateTime` (the objects `toIsoDate` accepts).
 * @internal
 * @example isDateObject(new Date()) // true
 */
export function isDateObject(value: unknown): value is Date | DateTimeLike {
  return value instanceof Date || isDateTimeLike(value);
}
