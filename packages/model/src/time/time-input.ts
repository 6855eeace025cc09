import { toIsoTime, type TimeLike } from '@c8y/rest-core';

/**
 * What a time property (`time`, `startDate`, …) accepts — the rule of `toIsoTime` in
 * `@c8y/rest-core`, the same that query filters use for dates:
 * - an ISO-8601 date or date-time: `'2025-01-01'`, `'2025-01-01T10:00'`, `'2025-01-01T10:00:00.123+02:00'`, `'…Z'`.
 *   **Without an offset the time is UTC** (never the machine's zone);
 * - `'now'`;
 * - a `Date`;
 * - a luxon `DateTime`, recognised by shape (luxon itself is not needed to pass one).
 *
 * Anything else (`'1'`, `'Dec 4 2026'`, `'2026-02-30'`, epoch numbers, …) is an
 * `InvalidInputError` naming the property, before any request.
 *
 * @example
 * ```ts
 * import { Measurement } from '@c8y/model';
 * import { DateTime } from 'luxon';
 * const measurement = new Measurement(c8y, { type: 'c8y_Temperature', source: deviceId, time: 'now' });
 * measurement.time = 'now';
 * measurement.time = '2025-01-01T10:00';   // 10:00 UTC
 * measurement.time = new Date();
 * measurement.time = DateTime.now();
 * ```
 */
export type TimeInput = TimeLike;

/**
 * The string a time property stores and sends for a {@link TimeInput}: ISO 8601 **in UTC with
 * milliseconds and `Z`** (`2025-01-01T08:00:00.000Z`), whatever the input's offset or zone (the
 * instant is kept, the offset is not). `'now'` is the current time.
 *
 * @throws InvalidInputError naming `path` for anything that is not a valid {@link TimeInput}.
 * @example
 * ```ts
 * toTimeString('2025-01-01T10:00:00+02:00', 'time'); // '2025-01-01T08:00:00.000Z'
 * toTimeString('2025-01-01', 'time');                // '2025-01-01T00:00:00.000Z'
 * toTimeString(new Date(0), 'time');                 // '1970-01-01T00:00:00.000Z'
 * toTimeString('Dec 4 2026', 'time');                // throws InvalidInputError "time: expected …"
 * ```
 */
export function toTimeString(input: TimeInput, path: string): string {
  return toIsoTime(input, path);
}
