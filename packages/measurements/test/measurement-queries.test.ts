import { describe, expect, it } from '@jest/globals';
import { buildQueryParams, isCumulocityError, toQueryString, type QuerySpec } from '@c8y/rest-core';
import { measurementDeleteQuery, measurementQuery, seriesQuery } from '../src/index.js';

// The measurement query specs, as pure functions: filters → REST query parameters, per endpoint.

const NOW = new Date('2025-06-15T12:00:00.000Z');
const JAN_1 = '2025-01-01T00%3A00%3A00.000Z';
const ONE_HOUR_AGO = '2025-06-15T11%3A00%3A00.000Z';
const wire = (filters: object | string, spec: QuerySpec) => toQueryString(buildQueryParams(filters, spec, NOW));
const errorOf = (action: () => unknown) => {
  try {
    action();
  } catch (error) {
    if (isCumulocityError(error, 'InvalidInputError')) return error;
    throw error;
  }
  throw new Error('expected an InvalidInputError');
};

describe('measurementQuery (GET /measurement/measurements)', () => {
  it('series: "Fragment.series" splits into valueFragmentType and valueFragmentSeries', () => {
    expect(wire({ source: { id: '1' }, series: 'c8y_Temperature.T' }, measurementQuery)).toBe('?source=1&valueFragmentType=c8y_Temperature&valueFragmentSeries=T');
    expect(wire({ type: 'x', valueFragmentType: 'c8y_Temperature', valueFragmentSeries: 'T' }, measurementQuery)).toBe(
      '?type=x&valueFragmentType=c8y_Temperature&valueFragmentSeries=T',
    );
    expect(wire({ valueFragmentType: 'c8y_Temperature' }, measurementQuery)).toBe('?valueFragmentType=c8y_Temperature');
  });

  it('refuses a malformed series, series together with its REST names, and a series without its fragment', () => {
    for (const series of ['c8y_Temperature', '.T', 'c8y_Temperature.', 7]) {
      expect(errorOf(() => buildQueryParams({ series }, measurementQuery)).message).toMatch(/series: expected 'fragment.series'/);
    }
    expect(errorOf(() => buildQueryParams({ series: 'a.b', valueFragmentType: 'a' }, measurementQuery)).message).toMatch(/set the same parameter 'valueFragmentType'/);
    expect(errorOf(() => buildQueryParams({ valueFragmentSeries: 'T' }, measurementQuery)).message).toMatch(/valueFragmentSeries: needs 'valueFragmentType'/);
  });

  it('dates, aliases and ages of the time range', () => {
    expect(wire({ after: '2025-01-01', minAge: '1h' }, measurementQuery)).toBe(`?dateFrom=${JAN_1}&dateTo=${ONE_HOUR_AGO}`);
    expect(wire({ dateFrom: '2025-01-01', before: 'now' }, measurementQuery)).toBe(`?dateFrom=${JAN_1}&dateTo=2025-06-15T12%3A00%3A00.000Z`);
  });

  it('ascending: true is revert=false (measurements are oldest first); revert is sent as given', () => {
    expect(buildQueryParams({ ascending: true }, measurementQuery)).toEqual({ revert: false });
    expect(buildQueryParams({ ascending: false }, measurementQuery)).toEqual({ revert: true });
    expect(buildQueryParams({ revert: true }, measurementQuery)).toEqual({ revert: true });
  });

  it('refuses fragment and fragmentType: the GET documents valueFragmentType, only the DELETE fragmentType', () => {
    expect(errorOf(() => buildQueryParams({ fragmentType: 'c8y_Temperature' }, measurementQuery)).message).toMatch(
      /^fragmentType: is not a parameter of GET \/measurement\/measurements: the platform would ignore it; documented: source, type, valueFragmentType/,
    );
    expect(errorOf(() => buildQueryParams({ fragment: 'c8y_Temperature' }, measurementQuery)).path).toBe('fragment');
    expect(errorOf(() => buildQueryParams({ withSourceDevices: true }, measurementQuery)).path).toBe('withSourceDevices');
  });

  it('emits nothing it was not given', () => {
    expect(buildQueryParams({}, measurementQuery)).toEqual({});
    expect(buildQueryParams({ source: '1', series: undefined }, measurementQuery)).toEqual({ source: '1' });
  });
});

describe('measurementDeleteQuery (DELETE /measurement/measurements)', () => {
  it('accepts fragmentType, source, type and the time range', () => {
    expect(wire({ source: '1', type: 'x', fragmentType: 'c8y_Temperature', before: '2025-01-01' }, measurementDeleteQuery)).toBe(
      `?source=1&type=x&fragmentType=c8y_Temperature&dateTo=${JAN_1}`,
    );
    expect(wire({ minAge: '1h' }, measurementDeleteQuery)).toBe(`?dateTo=${ONE_HOUR_AGO}`);
  });

  it('refuses what the DELETE does not document: value fragment names, series, a sort flag', () => {
    for (const filters of [{ valueFragmentType: 'x' }, { valueFragmentSeries: 'T' }, { series: 'a.b' }, { fragment: 'x' }, { revert: true }, { ascending: true }]) {
      const [key] = Object.keys(filters);
      const error = errorOf(() => buildQueryParams(filters, measurementDeleteQuery));
      expect(error.path).toBe(key);
      expect(error.message).toMatch(/is not a parameter of DELETE \/measurement\/measurements|no documented sort flag/);
    }
  });
});

describe('seriesQuery (GET /measurement/measurements/series)', () => {
  it('series lists are comma-joined (the spec: explode false); aggregation functions repeat the key', () => {
    expect(
      wire(
        { source: { id: '1' }, series: ['c8y_T.T', 'c8y_H.H'], aggregationInterval: '1h', aggregationFunction: ['avg', 'count'], after: '2025-01-01', before: 'now' },
        seriesQuery,
      ),
    ).toBe(`?source=1&series=c8y_T.T%2Cc8y_H.H&aggregationInterval=1h&aggregationFunction=avg&aggregationFunction=count&dateFrom=${JAN_1}&dateTo=2025-06-15T12%3A00%3A00.000Z`);
    expect(buildQueryParams({ source: '1', series: 'c8y_T.T', aggregationType: 'HOURLY', ascending: false }, seriesQuery)).toEqual({
      source: '1',
      series: 'c8y_T.T',
      aggregationType: 'HOURLY',
      revert: true,
    });
  });

  it('aggregationFunction needs aggregationInterval (the platform answers 400 otherwise); undocumented filters are refused', () => {
    expect(errorOf(() => buildQueryParams({ source: '1', aggregationFunction: 'avg' }, seriesQuery)).message).toMatch(/aggregationFunction: needs 'aggregationInterval'/);
    expect(errorOf(() => buildQueryParams({ source: '1', valueFragmentType: 'x' }, seriesQuery)).path).toBe('valueFragmentType');
    expect(errorOf(() => buildQueryParams({ source: '1', series: [] }, seriesQuery)).message).toMatch(/empty list/);
  });
});

describe('single-valued filters', () => {
  it('an array is refused where the endpoint reads the parameter once (it would repeat the key)', () => {
    expect(errorOf(() => buildQueryParams({ type: ['a', 'b'] as never }, measurementQuery)).message).toMatch(/^type: expected one value, got a list/);
    expect(errorOf(() => buildQueryParams({ valueFragmentType: ['a'] as never }, measurementQuery)).path).toBe('valueFragmentType');
    expect(errorOf(() => buildQueryParams({ source: '1', fragmentType: ['a', 'b'] as never }, measurementDeleteQuery)).path).toBe('fragmentType');
  });
});
