import { Measurement, Resources, Series, type MeasurementInit } from '@c8y/model';
import { defineResourceApi, InvalidInputError, type CallOptions, type FilterEndpoint, type FilterOptions, type PostInChunksOptions } from '@c8y/rest-core';
import type { SeriesFilters } from './measurement-filters.js';
import { measurementDeleteQuery, measurementQuery, seriesQuery } from './measurement-queries.js';

const START_KEYS = ['dateFrom', 'after', 'maxAge'] as const;
const END_KEYS = ['dateTo', 'before', 'minAge'] as const;

const SERIES: FilterEndpoint<SeriesFilters> = {
  path: `${Resources.measurement.path}/series`,
  querySpec: seriesQuery,
  mediaType: 'application/json',
};

const given = (filters: object, keys: readonly string[]) => keys.some((key) => (filters as Record<string, unknown>)[key] != null);

/**
 * Options of creating many measurements (`create` with an array): the collection POST in chunks.
 *
 * @example
 * ```ts
 * const options: MeasurementBulkOptions = { chunkSize: 1000, workers: 4, onProgress: ({ done, total }) => console.log(done, total) };
 * ```
 */
export type MeasurementBulkOptions = PostInChunksOptions;

/**
 * Measurements (`/measurement/measurements`): typed queries with paging and workers, counts,
 * creating many measurements with the collection POST in chunks, deletes by id and by filter,
 * and series (`/measurement/measurements/series`) as `Series` objects.
 *
 * Measurements cannot change once created (the API has no update), so there is no `update` and
 * no `applyTo`. They come oldest first; `ascending: false` (sent as `revert=true`) gives newest
 * first for a range query, and `getLast` asks for the newest itself (one request, `revert=true`,
 * over a range from 1970-01-01 when no time filter is given: the API sorts only range queries).
 * `deleteBy` (`DELETE /measurement/measurements?…`) takes only what that endpoint documents
 * (source, type, `fragmentType`, time range); a missing or empty filter is refused.
 *
 * @example
 * ```ts
 * const measurements = new Measurements(client);
 * const readings = [{ time: '2025-01-01T10:00:00Z', t: 21.5 }, { time: '2025-01-01T10:01:00Z', t: 21.6 }];
 * await measurements.create(readings.map((r) => ({ type: 'c8y_Temperature', source: device, time: r.time, c8y_Temperature: { T: new Celsius(r.t) } })), { workers: 4 });
 * const latest = await measurements.getLast({ source: device, series: 'c8y_Temperature.T' });
 * const hourly = await measurements.getSeries({ source: device, series: 'c8y_Temperature.T', aggregationType: 'HOURLY', maxAge: '1d' });
 * ```
 */
export class Measurements extends /* @__PURE__ */ defineResourceApi({
  resource: Resources.measurement,
  query: measurementQuery,
  item: Measurement,
  queries: { deleteBy: measurementDeleteQuery },
  operations: ['get', 'select', 'getAll', 'getLast', 'count', 'delete', 'deleteBy'],
}) {
  /**
   * Creates one measurement (`POST /measurement/measurements`), or many with the collection
   * POST: `{ measurements: [...] }` as `application/vnd.com.nsn.cumulocity.measurementcollection+json`,
   * `chunkSize` measurements per request (default 500), `workers` requests at once. Plain input
   * is built into `Measurement`s first (`time: 'now'`, `source: device`, `@c8y/units` values) and
   * every element is checked before the first request. Resolves the created measurements in
   * input order.
   *
   * A failed request fails each of its measurements: one `BulkError` whose `failures` name each
   * failed measurement (index in the input, the measurement, the request's error) and whose
   * `results` hold the created ones at their positions. A POST is retried only on 429, so a
   * chunk that failed otherwise may be partly stored.
   *
   * @example
   * ```ts
   * const one = await measurements.create({ type: 'c8y_Temperature', source: device, time: 'now', c8y_Temperature: { T: new Celsius(21.5) } });
   * const many = await measurements.create(
   *   Array.from({ length: 10_000 }, (_, minute) => ({ type: 'c8y_Temperature', source: device, time: new Date(Date.UTC(2025, 0, 1, 0, minute)), c8y_Temperature: { T: new Celsius(21.5) } })),
   *   { chunkSize: 1000, workers: 4 },
   * );
   * console.log(one.id, many.length);
   * ```
   */
  create(measurement: Measurement | MeasurementInit, options?: CallOptions): Promise<Measurement>;
  create(measurements: readonly (Measurement | MeasurementInit)[], options?: MeasurementBulkOptions): Promise<Measurement[]>;
  async create(items: Measurement | MeasurementInit | readonly (Measurement | MeasurementInit)[], options?: CallOptions & MeasurementBulkOptions): Promise<Measurement | Measurement[]> {
    if (Array.isArray(items)) return this.operations.createInChunks(items as readonly (Measurement | MeasurementInit)[], options);
    return this.operations.create(items as Measurement | MeasurementInit, options);
  }

  /**
   * The series of one source in a time range (`GET /measurement/measurements/series`), as a
   * `Series`: `seriesNames`, `specs` (units), `timestamps`, `valuesOf(series, 'min')` and
   * `collect()` (one row of values per timestamp, optionally with the timestamp). Without an
   * end (`dateTo`, `before`, `minAge`) the range ends now (the `options.now` clock); a start
   * (`dateFrom`, `after`, `maxAge`) and `source` are required. Without aggregation Cumulocity
   * answers at most 5,000 timestamps (`series.truncated`).
   *
   * @throws InvalidInputError without `source` or a start, before any request.
   * @example
   * ```ts
   * const series = await measurements.getSeries({ source: device, series: ['c8y_Temperature.T'], aggregationType: 'HOURLY', maxAge: '1d' });
   * series.collect({ value: 'max', timestamps: 'date' }); // [[Date, 21.5], …]
   * ```
   */
  async getSeries(filters: SeriesFilters | string, options?: FilterOptions): Promise<Series> {
    if (typeof filters !== 'string') {
      if (typeof filters !== 'object' || filters === null || !given(filters, ['source'])) {
        throw new InvalidInputError('is required: the series of which source?', { path: 'source' });
      }
      if (!given(filters, START_KEYS)) {
        throw new InvalidInputError(`is required: the series endpoint needs a start (${START_KEYS.join(', ')})`, { path: 'dateFrom' });
      }
    }
    const ranged = typeof filters === 'string' || given(filters, END_KEYS) ? filters : { ...filters, dateTo: 'now' };
    return new Series(await this.operations.getFrom(SERIES, ranged, options));
  }
}
