import { Duration } from 'luxon';
import { InvalidInputError } from '../errors/invalid-input-error.js';
import { describeValue } from './describe-value.js';

/**
 * A length of time as filters accept it (all non-negative; months and years are rejected
 * because they have no fixed length):
 * - a shorthand string: `'1w' '2d' '12h' '30m' '10s' '500ms'`, decimals (`'1.5h'`) and
 *   combinations (`'1h30m'`, `'1d 12h'`; each unit at most once). Units are lower case only, so
 *   `m` is always minutes;
 * - a clock string: `'HH:MM'` (hours:minutes) or `'HH:MM:SS[.sss]'`; hours may exceed 23;
 * - an ISO-8601 duration: `'P1D'`, `'PT30M'`, `'P1W'`, `'PT0.5S'`;
 * - a luxon `Duration`;
 * - a number of milliseconds.
 *
 * @example
 * ```ts
 * const recent: DurationLike = '1h30m';
 * const week: DurationLike = Duration.fromObject({ weeks: 1 });
 * ```
 */
export type DurationLike = string | number | Duration;

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
const ISO = /^P.*\d/;
const FORMS = "'1d', '2h', '30m', '10s', '1w', '500ms', '1h30m', 'HH:MM', 'HH:MM:SS', ISO 8601 ('PT30M'), a luxon Duration or milliseconds";

function fail(message: string, path: string | undefined): never {
  throw new InvalidInputError(message, { path });
}

function fromLuxon(duration: Duration, path: string | undefined, shown: string): number {
  if (!duration.isValid) fail(`invalid Duration (${duration.invalidExplanation ?? duration.invalidReason ?? 'invalid'})`, path);
  const parts = duration.toObject();
  if ((parts.years ?? 0) !== 0 || (parts.quarters ?? 0) !== 0 || (parts.months ?? 0) !== 0) {
    fail(`${shown}: months and years have no fixed length; use weeks or days`, path);
  }
  if (Object.values(parts).some((amount) => typeof amount === 'number' && amount < 0)) fail(`${shown}: must not be negative`, path);
  return duration.toMillis();
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
    const [, hours = '0', minutes = '0', seconds = '0'] = clock;
    return Math.round(Number(hours) * 3_600_000 + Number(minutes) * 60_000 + Number(seconds) * 1_000);
  }
  if (ISO.test(text)) {
    const duration = Duration.fromISO(text);
    if (duration.isValid) return fromLuxon(duration, path, shown);
  }
  if (/^-/.test(text.trim())) fail(`${shown}: must not be negative`, path);
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
  if (Duration.isDuration(value)) return fromLuxon(value, path, 'Duration');
  return fail(`expected a duration like ${FORMS}; got ${describeValue(value)}`, path);
}
