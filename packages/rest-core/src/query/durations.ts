import { InvalidInputError } from '../errors/invalid-input-error.js';
import { invalidBecause } from './dates.js';
import { describeValue } from './describe-value.js';

/**
 * A length of time as filters accept it (all non-negative; months and years are rejected
 * because they have no fixed length):
 * - a shorthand string: `'1w' '2d' '12h' '30m' '10s' '500ms'`, decimals (`'1.5h'`) and
 *   combinations (`'1h30m'`, `'1d 12h'`; each unit at most once). Units are lower case only, so
 *   `m` is always minutes;
 * - a clock string: `'HH:MM'` (hours:minutes) or `'HH:MM:SS[.sss]'`; hours may exceed 23;
 * - an ISO-8601 duration: `'P1D'`, `'PT30M'`, `'P1W'`, `'PT0.5S'`;
 * - a luxon `Duration` (see {@link DurationObjectLike}; luxon itself is not needed);
 * - a number of milliseconds.
 *
 * @example
 * ```ts
 * const recent: DurationLike = '1h30m';
 * const week: DurationLike = Duration.fromObject({ weeks: 1 }); // import { Duration } from 'luxon'
 * ```
 */
export type DurationLike = string | number | DurationObjectLike;

/**
 * A luxon `Duration`, recognised by its shape so that rest-core never imports luxon (neither at
 * run time nor in its types): an object with `toMillis()` and `toObject()` (luxon's
 * `isLuxonDuration` marker also counts). A luxon `DateTime` (which has both methods too) does not.
 * Months, quarters and years in `toObject()` are refused; `isValid: false` is refused.
 *
 * @example
 * ```ts
 * import { toDurationMs, type DurationObjectLike } from '@c8y/rest-core';
 * import { Duration } from 'luxon';
 * const age: DurationObjectLike = Duration.fromObject({ hours: 6 });
 * toDurationMs(age, 'maxAge'); // 21_600_000
 * ```
 */
export interface DurationObjectLike {
  /** `false` for an invalid Duration, which is rejected. */
  readonly isValid?: boolean;
  /** The length in milliseconds (weeks = 7 days, days = 24 hours). */
  toMillis(): number;
  /** The amounts per unit; calendar units (months, quarters, years) must be absent or zero. */
  toObject(): DurationUnits;
  /** Why it is invalid (luxon's short reason), used in the error message. */
  readonly invalidReason?: string | null;
  /** Why it is invalid (luxon's longer explanation), used in the error message. */
  readonly invalidExplanation?: string | null;
}

/** The amounts of a {@link DurationObjectLike} per unit, as luxon's `Duration#toObject()` returns them. */
interface DurationUnits {
  years?: number;
  quarters?: number;
  months?: number;
  weeks?: number;
  days?: number;
  hours?: number;
  minutes?: number;
  seconds?: number;
  milliseconds?: number;
}

const UNIT_MS: Readonly<Record<string, number>> = {
  w: 604_800_000,
  d: 86_400_000,
  h: 3_600_000,
  m: 60_000,
  s: 1_000,
  ms: 1,
};
const SHORTHAND = /^(?:\s*\d+(?:\.\d+)?(?:ms|w|d|h|m|s))+\s*$/;
const SHORTHAND_PART = /(\d+(?:\.\d+)?)(ms|w|d|h|m|s)/g;
const CLOCK = /^(\d+):([0-5]\d)(?::([0-5]\d(?:\.\d{1,3})?))?$/;
/** ISO 8601 duration `PnYnMnWnDTnHnMnS`: non-negative components, decimals allowed (`.` or `,`). */
const ISO = /^P(?:(\d+(?:[.,]\d+)?)Y)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)W)?(?:(\d+(?:[.,]\d+)?)D)?(?:T(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/;
/** Milliseconds per unit of the ISO groups after years and months: weeks, days, hours, minutes, seconds. */
const ISO_UNIT_MS = [604_800_000, 86_400_000, 3_600_000, 60_000, 1_000] as const;
const FORMS = "'1d', '2h', '30m', '10s', '1w', '500ms', '1h30m', 'HH:MM', 'HH:MM:SS', ISO 8601 ('PT30M'), a luxon Duration or milliseconds";

function fail(message: string, path: string | undefined): never {
  throw new InvalidInputError(message, { path });
}

function noFixedLength(shown: string, path: string | undefined): never {
  return fail(`${shown}: months and years have no fixed length; use weeks or days`, path);
}

/**
 * Whether a value looks like a luxon `Duration` (see {@link DurationObjectLike}).
 *
 * @example
 * ```ts
 * isDurationObjectLike(Duration.fromObject({ hours: 1 })); // true
 * isDurationObjectLike(DateTime.now());                    // false
 * ```
 */
export function isDurationObjectLike(value: unknown): value is DurationObjectLike {
  if (typeof value !== 'object' || value === null) return false;
  const shape = value as { isLuxonDuration?: unknown; isLuxonDateTime?: unknown; toMillis?: unknown; toObject?: unknown };
  if (typeof shape.toMillis !== 'function' || typeof shape.toObject !== 'function') return false;
  return shape.isLuxonDuration === true || shape.isLuxonDateTime !== true;
}

function fromObject(duration: DurationObjectLike, path: string | undefined): number {
  const shown = 'Duration';
  if (duration.isValid === false) fail(`invalid Duration (${invalidBecause(duration)})`, path);
  const parts: DurationUnits = { ...duration.toObject() };
  if ([parts.years, parts.quarters, parts.months].some((amount) => amount !== undefined && amount !== 0)) noFixedLength(shown, path);
  if (Object.values(parts).some((amount) => typeof amount === 'number' && amount < 0)) fail(`${shown}: must not be negative`, path);
  const millis = duration.toMillis();
  if (!Number.isFinite(millis)) fail(`${shown}: expected a finite length, got ${describeValue(millis)}`, path);
  if (millis < 0) fail(`${shown}: must not be negative`, path);
  return millis;
}

function fromIso(match: RegExpExecArray, shown: string, path: string | undefined): number {
  const [, years, months, ...rest] = match;
  const amount = (text: string | undefined) => (text === undefined ? 0 : Number(text.replace(',', '.')));
  if (amount(years) !== 0 || amount(months) !== 0) noFixedLength(shown, path);
  // rest: weeks, days, hours, minutes, seconds
  return Math.round(rest.reduce((total, text, index) => total + amount(text) * (ISO_UNIT_MS[index] ?? 0), 0));
}

function fromString(text: string, path: string | undefined): number {
  const shown = JSON.stringify(text);
  if (SHORTHAND.test(text)) {
    const seen = new Set<string>();
    let total = 0;
    for (const [, amount, unit] of text.matchAll(SHORTHAND_PART)) {
      if (amount === undefined || unit === undefined) continue;
      if (seen.has(unit)) fail(`${shown}: unit '${unit}' appears twice`, path);
      seen.add(unit);
      total += Number(amount) * (UNIT_MS[unit] ?? 0);
    }
    return Math.round(total);
  }
  const clock = CLOCK.exec(text);
  if (clock) {
    const [, hours, minutes, seconds] = clock;
    return Math.round(Number(hours) * 3_600_000 + Number(minutes) * 60_000 + Number(seconds ?? 0) * 1_000);
  }
  const iso = /\d/.test(text) && !text.endsWith('T') ? ISO.exec(text) : null;
  if (iso) return fromIso(iso, shown, path);
  if (/^-|^P.*-/.test(text.trim())) fail(`${shown}: must not be negative`, path);
  return fail(`expected a duration like ${FORMS}; got ${shown}`, path);
}

/**
 * Converts a duration-like value to milliseconds.
 *
 * @param path - the field name used in error messages, e.g. `maxAge`.
 * @throws InvalidInputError naming `path` for negative, non-finite, calendar-based or unreadable input.
 *
 * @example
 * ```ts
 * toDurationMs('1d');                         // 86_400_000
 * toDurationMs('1h30m');                      // 5_400_000
 * toDurationMs('01:30');                      // 5_400_000 (HH:MM)
 * toDurationMs('PT30M');                      // 1_800_000
 * toDurationMs(Duration.fromObject({ weeks: 1 })); // 604_800_000
 * toDurationMs(250);                          // 250
 * toDurationMs('-1d', 'maxAge');              // throws InvalidInputError "maxAge: …must not be negative"
 * ```
 */
export function toDurationMs(value: DurationLike, path?: string): number {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) fail(`expected milliseconds, got ${String(value)}`, path);
    if (value < 0) fail(`must not be negative, got ${value}`, path);
    return value;
  }
  if (typeof value === 'string') return fromString(value, path);
  if (isDurationObjectLike(value)) return fromObject(value, path);
  return fail(`expected a duration like ${FORMS}; got ${describeValue(value)}`, path);
}
