// The generic filter building blocks every context package composes its filter types from: the
// standard time ranges with their aliases and ages, and the sort order. A resource's own filter
// type (its REST parameters) lives in its context package, e.g. `AlarmFilters` in @c8y/alarms.
import type { DateLike } from './dates.js';
import type { DurationLike } from './durations.js';

/**
 * The main date range (REST `dateFrom`/`dateTo`, the item's `time`) with aliases and ages.
 * Give each bound once: `after` and `dateFrom` (or `maxAge`) together are an error.
 *
 * @example
 * ```ts
 * const f: DateRangeFilters = { after: '2025-01-01', before: 'now' };
 * const g: DateRangeFilters = { maxAge: '1d' };           // dateFrom = now − 1 day
 * ```
 */
export interface DateRangeFilters {
  /** Lower bound of the item's time (REST name). */
  dateFrom?: DateLike;
  /** Alias of `dateFrom`. */
  after?: DateLike;
  /** Upper bound of the item's time (REST name). */
  dateTo?: DateLike;
  /** Alias of `dateTo`. */
  before?: DateLike;
  /** At most this old: sets `dateFrom` to now − `maxAge` (`'1d'`, `'2h'`, `'PT30M'`, a luxon `Duration`, ms). */
  maxAge?: DurationLike;
  /** At least this old: sets `dateTo` to now − `minAge`. */
  minAge?: DurationLike;
}

/**
 * The creation-time range (REST `createdFrom`/`createdTo`) with aliases.
 * @example const f: CreatedRangeFilters = { createdAfter: 'today' };
 */
export interface CreatedRangeFilters {
  /** Lower bound of the creation time (REST name). */
  createdFrom?: DateLike;
  /** Alias of `createdFrom`. */
  createdAfter?: DateLike;
  /** Upper bound of the creation time (REST name). */
  createdTo?: DateLike;
  /** Alias of `createdTo`. */
  createdBefore?: DateLike;
}

/**
 * The last-update range (REST `lastUpdatedFrom`/`lastUpdatedTo`) with aliases.
 * @example const f: UpdatedRangeFilters = { updatedAfter: new Date(Date.now() - 60_000) };
 */
export interface UpdatedRangeFilters {
  /** Lower bound of the last update (REST name). */
  lastUpdatedFrom?: DateLike;
  /** Alias of `lastUpdatedFrom`. */
  updatedAfter?: DateLike;
  /** Upper bound of the last update (REST name). */
  lastUpdatedTo?: DateLike;
  /** Alias of `lastUpdatedTo`. */
  updatedBefore?: DateLike;
}

/**
 * Sort order of range queries. `revert` is the REST flag, whose meaning differs per resource;
 * `ascending` says what you mean (`true` = oldest first) and is translated by the resource's
 * spec (`QuerySpec.ascendingRevert`; a spec without it refuses `ascending`).
 * Give one of them.
 *
 * @example
 * ```ts
 * const f: OrderFilters = { ascending: true }; // revert=true where the spec's ascendingRevert is true
 * ```
 */
export interface OrderFilters {
  /** The REST flag, sent as is. */
  revert?: boolean;
  /** `true`: oldest first; `false`: newest first. Translated to `revert` for the resource. */
  ascending?: boolean;
}
