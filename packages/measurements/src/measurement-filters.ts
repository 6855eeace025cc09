import type { DateRangeFilters, IdLike, OrderFilters } from '@c8y/rest-core';

/**
 * A series name: `fragment.series`, e.g. `c8y_Temperature.T`.
 *
 * @example
 * ```ts
 * const name: SeriesName = 'c8y_Temperature.T';
 * ```
 */
export type SeriesName = `${string}.${string}`;

/**
 * Filters of `GET /measurement/measurements`: the REST names of the OpenAPI spec plus the SDK's
 * aliases (`after`/`before`, `maxAge`/`minAge`, `ascending`) and the `series` shorthand.
 * Measurements come **oldest first**; `revert: true` (or `ascending: false`) turns a range query
 * (one with a time bound) newest first. A key not listed here is a compile error: pass such
 * parameters in `options.params`.
 *
 * @example
 * ```ts
 * const filters: MeasurementFilters = { source: device, series: 'c8y_Temperature.T', maxAge: '1h', ascending: false };
 * ```
 */
export interface MeasurementFilters extends DateRangeFilters, OrderFilters {
  /** The source object: its id or the object (`{ source: device }`). */
  source?: IdLike;
  /** Measurement type (exact). */
  type?: string;
  /** Measurements with this value fragment, e.g. `c8y_Temperature`. */
  valueFragmentType?: string;
  /** … and this series in it, e.g. `T` (needs `valueFragmentType`). */
  valueFragmentSeries?: string;
  /** Shorthand: `'c8y_Temperature.T'` is `valueFragmentType=c8y_Temperature&valueFragmentSeries=T`. */
  series?: SeriesName;
}

/**
 * Filters of `getLast`: {@link MeasurementFilters} without a sort flag (`getLast` asks for the
 * newest itself).
 *
 * @example
 * ```ts
 * const filters: MeasurementLastFilters = { source: device, series: 'c8y_Temperature.T' };
 * ```
 */
export type MeasurementLastFilters = Omit<MeasurementFilters, keyof OrderFilters>;

/**
 * Filters of `DELETE /measurement/measurements`: source, type, the time range (with aliases and
 * ages) and `fragmentType` — the DELETE's name for the value fragment. No series and no sort flag
 * (the OpenAPI spec documents none there, and the platform would delete more than asked).
 *
 * @example
 * ```ts
 * const filters: MeasurementDeleteFilters = { source: device, fragmentType: 'c8y_Temperature', before: '2025-01-01' };
 * ```
 */
export interface MeasurementDeleteFilters extends DateRangeFilters {
  /** The source object: its id or the object. */
  source?: IdLike;
  /** Measurement type (exact). */
  type?: string;
  /** Measurements with this value fragment, e.g. `c8y_Temperature`. */
  fragmentType?: string;
}

/**
 * Legacy aggregation of a series: one value pair per day, hour or minute.
 * @example const aggregation: AggregationType = 'HOURLY';
 */
export type AggregationType = 'DAILY' | 'HOURLY' | 'MINUTELY';

/**
 * Aggregation functions of a series (time-series persistence; need `aggregationInterval`).
 * @example const functions: AggregationFunction[] = ['avg', 'count'];
 */
export type AggregationFunction = 'min' | 'max' | 'avg' | 'sum' | 'count' | 'stdDevPop' | 'stdDevSamp';

/**
 * An aggregation interval of a series: 1–999 of `s`, `m`, `h`, `d`, `w`, `M` (months), `q`
 * (quarters) or `y`, e.g. `'15m'`, `'1d'`.
 * @example const interval: AggregationInterval = '15m';
 */
export type AggregationInterval = `${number}${'s' | 'm' | 'h' | 'd' | 'w' | 'M' | 'q' | 'y'}`;

/**
 * Filters of `GET /measurement/measurements/series`: one source, a time range, the series to
 * read and the aggregation. The endpoint needs a start (`dateFrom`, `after` or `maxAge`); without
 * an end (`dateTo`, `before`, `minAge`) `getSeries` reads up to now.
 *
 * @example
 * ```ts
 * const filters: SeriesFilters = { source: device, series: ['c8y_Temperature.T', 'c8y_Humidity.H'], maxAge: '1d', aggregationType: 'HOURLY' };
 * ```
 */
export interface SeriesFilters extends DateRangeFilters, OrderFilters {
  /** The source object: its id or the object. */
  source: IdLike;
  /** The series to read (`fragment.series`); several are sent comma-joined. @default all of the source */
  series?: SeriesName | readonly SeriesName[];
  /** Legacy aggregation: `DAILY`, `HOURLY`, `MINUTELY`. Without any aggregation at most 5,000 values come back (`truncated`). */
  aggregationType?: AggregationType;
  /** Aggregation interval (time-series persistence), e.g. `'1h'`. */
  aggregationInterval?: AggregationInterval;
  /** Aggregation functions (need `aggregationInterval`); several repeat the key. @default min and max */
  aggregationFunction?: AggregationFunction | readonly AggregationFunction[];
}
