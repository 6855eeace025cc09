/**
 * `@c8y/measurements`: the Cumulocity measurement API as a typed context, with series.
 *
 * @example
 * ```ts
 * import { Measurements } from '@c8y/measurements';
 * const measurements = new Measurements(client);
 * for await (const m of measurements.select({ source: deviceId, series: 'c8y_Temperature.T', maxAge: '1h' })) console.log(m.time);
 * ```
 * @packageDocumentation
 */
export { Measurements, type MeasurementBulkOptions } from './measurements.js';
export type {
  AggregationFunction,
  AggregationInterval,
  AggregationType,
  MeasurementDeleteFilters,
  MeasurementFilters,
  MeasurementLastFilters,
  SeriesFilters,
  SeriesName,
} from './measurement-filters.js';
export { measurementDeleteQuery, measurementQuery, seriesQuery } from './measurement-queries.js';
export { Measurement, Series, type CollectOptions, type MeasurementInit, type SeriesSpec, type SeriesTimestamp, type TimestampFormat } from '@c8y/model';
