// Compile-time checks of the public types (run by `pnpm typecheck`, which CI runs, and by
// test/typecheck.test.ts): each `@ts-expect-error` fails the build when the misuse it names starts to compile.
import type { CumulocityRestClient, JsonValue, PagedIterable } from '@c8y/rest-core';
import { Celsius } from '@c8y/units';
import { Measurements, type Measurement, type MeasurementDeleteFilters, type MeasurementFilters, type Series, type SeriesFilters, type SeriesTimestamp } from '../src/index.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const assertType = <T extends true>(): T | undefined => undefined;

export function typeChecks(client: CumulocityRestClient): void {
  const measurements = new Measurements(client);

  // Results are Measurement objects, or values under asValues; one in, one out; many in, many out.
  const _all = measurements.getAll({ source: '1', series: 'c8y_Temperature.T' });
  assertType<Equal<typeof _all, Promise<Measurement[]>>>();
  const _one = measurements.get('1');
  assertType<Equal<typeof _one, Promise<Measurement>>>();
  const _single = measurements.create({ type: 't', source: '1', time: 'now', c8y_T: { T: new Celsius(1) } });
  assertType<Equal<typeof _single, Promise<Measurement>>>();
  const _many = measurements.create([{ type: 't', source: '1', time: 'now' }], { chunkSize: 1000, workers: 4 });
  assertType<Equal<typeof _many, Promise<Measurement[]>>>();
  const _values = measurements.select({ source: '1', asValues: ['time', ['c8y_T.T.value', 0]] });
  assertType<Equal<typeof _values, PagedIterable<[JsonValue | undefined, JsonValue]>>>();
  const _last = measurements.getLast({ source: '1', series: 'c8y_T.T' });
  assertType<Equal<typeof _last, Promise<Measurement | undefined>>>();
  const _count = measurements.count({ source: '1', valueFragmentType: 'c8y_T' });
  assertType<Equal<typeof _count, Promise<number>>>();
  // @ts-expect-error chunking is for arrays: one measurement is one POST
  void measurements.create({ type: 't', source: '1', time: 'now' }, { chunkSize: 10 });

  // Series: typed filters, a Series with typed rows.
  const _series = measurements.getSeries({ source: '1', series: ['c8y_T.T', 'c8y_H.H'], aggregationType: 'HOURLY', maxAge: '1d' });
  assertType<Equal<typeof _series, Promise<Series>>>();
  void _series.then((series) => {
    const _rows = series.collect({ value: 'max' });
    assertType<Equal<typeof _rows, (number | null)[][]>>();
    const _stamped = series.collect({ series: 'c8y_T.T', timestamps: 'date' });
    assertType<Equal<typeof _stamped, [SeriesTimestamp, ...(number | null)[]][]>>();
  });
  const seriesFilters: SeriesFilters = { source: '1', aggregationInterval: '15m', aggregationFunction: ['avg', 'count'], after: '2025-01-01', before: 'now' };
  void measurements.getSeries(seriesFilters);
  // @ts-expect-error the series endpoint needs a source
  void measurements.getSeries({ maxAge: '1d' });
  // @ts-expect-error a series is 'fragment.series'
  void measurements.getSeries({ source: '1', series: 'T', maxAge: '1d' });
  // @ts-expect-error not an aggregation type
  void measurements.getSeries({ source: '1', aggregationType: 'WEEKLY', maxAge: '1d' });
  // @ts-expect-error not an aggregation function
  void measurements.getSeries({ source: '1', aggregationInterval: '1h', aggregationFunction: 'median', maxAge: '1d' });
  // @ts-expect-error not an aggregation interval
  void measurements.getSeries({ source: '1', aggregationInterval: 'hourly', maxAge: '1d' });

  // Filters are closed: typos, wrong values and undeclared keys do not compile.
  const filters: MeasurementFilters = { source: '1', series: 'c8y_T.T', maxAge: '1h', ascending: false };
  void measurements.getAll(filters);
  // @ts-expect-error a misspelt filter
  void measurements.getAll({ sorce: '1' });
  // @ts-expect-error the GET documents valueFragmentType, not fragmentType
  void measurements.getAll({ fragmentType: 'c8y_T' });
  // @ts-expect-error a series is 'fragment.series'
  void measurements.getAll({ series: 'T' });
  // @ts-expect-error getLast chooses the order itself
  void measurements.getLast({ revert: true });
  const deleteFilters: MeasurementDeleteFilters = { source: '1', fragmentType: 'c8y_T', before: '2025-01-01' };
  void measurements.deleteBy(deleteFilters);
  // @ts-expect-error the DELETE has no series
  void measurements.deleteBy({ source: '1', series: 'c8y_T.T' });
  // @ts-expect-error the DELETE has no sort flag
  void measurements.deleteBy({ source: '1', revert: true });

  // What the API does not offer is not there: measurements cannot change.
  // @ts-expect-error no update
  void measurements.update({ id: '1', type: 'x' });
  // @ts-expect-error no applyTo
  void measurements.applyTo({ type: 'x' }, ['1']);
  // @ts-expect-error the operations are the context's own business
  void measurements.operations;
}
