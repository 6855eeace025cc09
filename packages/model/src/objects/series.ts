import { InvalidInputError } from '@c8y/rest-core';
import type { DateTime } from 'luxon';
import { parseDateTime } from '../datetime/provider.js';
import { isJsonObject, type JsonValue } from '../json/json-types.js';
import { JsonView } from './json-view.js';

/**
 * One series of a series result: fragment (`type`), series `name` and `unit`.
 *
 * @example
 * ```ts
 * series.specs[0]; // { type: 'c8y_Temperature', name: 'T', unit: '°C', series: 'c8y_Temperature.T' }
 * ```
 */
export interface SeriesSpec {
  /** The fragment name, e.g. `c8y_Temperature`. */
  type: string;
  /** The series name, e.g. `T`. */
  name: string;
  /** The unit, if any. */
  unit?: string;
  /** `type.name`, the id used to select the series. */
  series: string;
}

/**
 * How `collect()` prefixes rows with their timestamp: `true` or `'string'` the JSON string,
 * `'date'` a JS `Date`, `'datetime'` a luxon `DateTime` (needs `import '@c8y/model/datetime'`),
 * `'epoch'` milliseconds since 1970.
 * @example
 * ```ts
 * series.collect({ timestamps: 'date' });
 * ```
 */
export type TimestampFormat = true | 'string' | 'date' | 'datetime' | 'epoch';

/**
 * Options of {@link Series.collect}.
 *
 * @example
 * ```ts
 * series.collect({ series: 'c8y_Temperature.T', value: 'max', timestamps: 'date' });
 * ```
 */
export interface CollectOptions {
  /** Series to collect (`fragment.series`); default all, in result order. */
  series?: string | readonly string[];
  /** Value keys (`min`, `max`, or an aggregation function name); default all keys of the first data point. */
  value?: string | readonly string[];
  /** Prefix each row with its timestamp. */
  timestamps?: TimestampFormat | false;
}

/**
 * A timestamp as produced by `collect({ timestamps })`.
 * @example
 * ```ts
 * const [at]: [SeriesTimestamp, ...(number | null)[]] = series.collect({ timestamps: true })[0]!;
 * ```
 */
export type SeriesTimestamp = string | number | Date | DateTime;

/**
 * A series result (`GET /measurement/measurements/series`): timestamps mapped to one value
 * object per series (`{ min, max }` and aggregation results). Built from the reply's JSON.
 *
 * @example
 * ```ts
 * const params = { source: deviceId, dateFrom: '2025-01-01', dateTo: '2025-01-02', series: 'c8y_Temperature.T' };
 * const series = new Series(await c8y.get('/measurement/measurements/series', { params }));
 * series.seriesNames;                                          // ['c8y_Temperature.T']
 * series.collect({ value: 'max', timestamps: true });          // [['2025-01-01T00:00:00.000Z', 21.5], …]
 * ```
 */
export class Series extends JsonView {
  /**
   * Whether Cumulocity cut the result at 5,000 values.
   * @example
   * ```ts
   * if (series.truncated) console.warn('narrow the date range');
   * ```
   */
  get truncated(): boolean {
    return this.booleanField('truncated') === true;
  }

  /**
   * The series in the result, in column order.
   * @example
   * ```ts
   * series.specs.map((spec) => spec.unit);
   * ```
   */
  get specs(): SeriesSpec[] {
    const list = this.rawField('series');
    if (!Array.isArray(list)) return [];
    return list.filter(isJsonObject).map((item) => {
      const type = typeof item.type === 'string' ? item.type : '';
      const name = typeof item.name === 'string' ? item.name : '';
      return { type, name, series: `${type}.${name}`, ...(typeof item.unit === 'string' ? { unit: item.unit } : {}) };
    });
  }

  /**
   * The series ids (`fragment.series`), in column order.
   * @example
   * ```ts
   * series.seriesNames; // ['c8y_Temperature.T', 'c8y_Humidity.H']
   * ```
   */
  get seriesNames(): string[] {
    return this.specs.map((spec) => spec.series);
  }

  /**
   * The timestamps, in result order.
   * @example
   * ```ts
   * series.timestamps[0]; // '2025-01-01T00:00:00.000Z'
   * ```
   */
  get timestamps(): string[] {
    const values = this.rawField('values');
    return isJsonObject(values) ? Object.keys(values) : [];
  }

  /**
   * The values of one series and one value key, skipping gaps (not aligned with the timestamps;
   * use `collect()` for that). `series` may be omitted if the result holds one series, `value`
   * if the series holds one value key.
   *
   * @throws InvalidInputError for an unknown series or an ambiguous omission.
   * @example
   * ```ts
   * series.valuesOf('c8y_Temperature.T', 'max'); // [21.5, 21.7, …]
   * ```
   */
  valuesOf(series?: string, value?: string): number[] {
    const index = series === undefined ? this.#onlySeries() : this.#indexOf(series);
    const key = value ?? this.#onlyValueKey(index);
    return this.#rows().flatMap(([, row]) => {
      const cell = valueAt(row, index, key);
      return cell === null ? [] : [cell];
    });
  }

  /**
   * One row per timestamp with the selected values, series-major
   * (`s0_v0, s0_v1, …, s1_v0, …`), missing values as `null`, optionally prefixed with the
   * timestamp.
   *
   * @throws InvalidInputError for an unknown series.
   * @example
   * ```ts
   * series.collect({ value: 'max' });                              // [[21.5, 40], [21.7, null], …]
   * series.collect({ series: 'c8y_Temperature.T', value: ['min', 'max'], timestamps: 'date' });
   * // [[Date, 21.1, 21.5], …]
   * ```
   */
  collect(options?: CollectOptions & { timestamps?: false }): (number | null)[][];
  collect(options: CollectOptions & { timestamps: TimestampFormat }): [SeriesTimestamp, ...(number | null)[]][];
  collect(options: CollectOptions = {}): (SeriesTimestamp | number | null)[][] {
    const names = options.series === undefined ? this.seriesNames : typeof options.series === 'string' ? [options.series] : [...options.series];
    const indices = names.map((name) => this.#indexOf(name));
    const keys = options.value === undefined ? this.#valueKeys(indices[0] ?? 0) : typeof options.value === 'string' ? [options.value] : [...options.value];
    const format = options.timestamps;
    return this.#rows().map(([timestamp, row]) => {
      const cells = indices.flatMap((index) => keys.map((key) => valueAt(row, index, key)));
      return format === undefined || format === false ? cells : [toTimestamp(timestamp, format), ...cells];
    });
  }

  #rows(): [string, JsonValue][] {
    const values = this.rawField('values');
    return isJsonObject(values) ? Object.entries(values) : [];
  }

  #indexOf(series: string): number {
    const index = this.seriesNames.indexOf(series);
    if (index < 0) {
      throw new InvalidInputError(`no series ${JSON.stringify(series)}; the result holds ${this.seriesNames.join(', ') || 'none'}`, { path: 'series' });
    }
    return index;
  }

  #onlySeries(): number {
    if (this.specs.length !== 1) {
      throw new InvalidInputError(`name the series: the result holds ${this.seriesNames.join(', ') || 'none'}`, { path: 'series' });
    }
    return 0;
  }

  #valueKeys(index: number): string[] {
    for (const [, row] of this.#rows()) {
      const cell = Array.isArray(row) ? row[index] : undefined;
      if (isJsonObject(cell) && Object.keys(cell).length > 0) return Object.keys(cell);
    }
    return [];
  }

  #onlyValueKey(index: number): string {
    const keys = this.#valueKeys(index);
    if (keys.length !== 1 || keys[0] === undefined) {
      throw new InvalidInputError(`name the value: the series holds ${keys.join(', ') || 'no values'}`, { path: 'value' });
    }
    return keys[0];
  }
}

function valueAt(row: JsonValue, index: number, key: string): number | null {
  const cell = Array.isArray(row) ? row[index] : undefined;
  const value = isJsonObject(cell) ? cell[key] : undefined;
  return typeof value === 'number' ? value : null;
}

function toTimestamp(timestamp: string, format: TimestampFormat): SeriesTimestamp {
  switch (format) {
    case 'date':
      return new Date(timestamp);
    case 'epoch':
      return Date.parse(timestamp);
    case 'datetime':
      return parseDateTime(timestamp, 'collect({ timestamps: "datetime" })') as DateTime;
    default:
      return timestamp;
  }
}
