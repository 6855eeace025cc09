import { defineQuery } from '@c8y/rest-core';
import type { MeasurementDeleteFilters, MeasurementFilters, SeriesFilters } from './measurement-filters.js';

/**
 * `GET /measurement/measurements` (also its count, one `pageSize=1&withTotalPages=true`
 * request): the time range with its aliases and ages; `source` takes an id or an object;
 * `series: 'A.B'` is `valueFragmentType=A&valueFragmentSeries=B`; `ascending: true` is
 * `revert=false` (measurements are oldest first). The OpenAPI spec applies `revert` only to range
 * queries, so `getLast` (newest first) starts the range at 1970-01-01 when no time filter is given
 * (`revertNeedsRange`). `fragmentType` is not a parameter here (only of the DELETE): it is
 * refused, as every undocumented filter.
 *
 * @example
 * ```ts
 * buildQueryParams({ source: { id: '42' }, series: 'c8y_Temperature.T', ascending: false }, measurementQuery);
 * // { source: '42', valueFragmentType: 'c8y_Temperature', valueFragmentSeries: 'T', revert: true }
 * ```
 */
export const measurementQuery = defineQuery<MeasurementFilters>({
  resource: 'GET /measurement/measurements',
  ranges: ['time'],
  ids: ['source'],
  ascendingRevert: false,
  splits: { series: ['valueFragmentType', 'valueFragmentSeries'] },
  requires: { valueFragmentSeries: 'valueFragmentType' },
  singles: ['type', 'valueFragmentType', 'valueFragmentSeries'],
  parameters: ['source', 'type', 'valueFragmentType', 'valueFragmentSeries', 'dateFrom', 'dateTo', 'revert'],
  revertNeedsRange: true,
});

/**
 * `DELETE /measurement/measurements`: source, type, `fragmentType` and the time range — nothing else.
 *
 * @example
 * ```ts
 * buildQueryParams({ source: '42', fragmentType: 'c8y_Temperature' }, measurementDeleteQuery); // { source: '42', fragmentType: 'c8y_Temperature' }
 * ```
 */
export const measurementDeleteQuery = defineQuery<MeasurementDeleteFilters>({
  resource: 'DELETE /measurement/measurements',
  ranges: ['time'],
  ids: ['source'],
  singles: ['type', 'fragmentType'],
  parameters: ['source', 'type', 'fragmentType', 'dateFrom', 'dateTo'],
});

/**
 * `GET /measurement/measurements/series`: source, time range, `series` (a list comma-joined, as
 * the OpenAPI spec has it), aggregation (`aggregationFunction` repeats the key and needs
 * `aggregationInterval`), `ascending: true` is `revert=false` (oldest first).
 *
 * @example
 * ```ts
 * buildQueryParams({ source: '42', series: ['c8y_T.T', 'c8y_H.H'], aggregationType: 'HOURLY', after: '2025-01-01', before: '2025-01-02' }, seriesQuery);
 * // { source: '42', series: 'c8y_T.T,c8y_H.H', aggregationType: 'HOURLY', dateFrom: '2025-01-01T00:00:00.000Z', dateTo: '2025-01-02T00:00:00.000Z' }
 * ```
 */
export const seriesQuery = defineQuery<SeriesFilters>({
  resource: 'GET /measurement/measurements/series',
  ranges: ['time'],
  ids: ['source'],
  lists: ['series'],
  ascendingRevert: false,
  requires: { aggregationFunction: 'aggregationInterval' },
  parameters: ['source', 'series', 'aggregationType', 'aggregationInterval', 'aggregationFunction', 'dateFrom', 'dateTo', 'revert'],
});
