import { describe, expect, it } from '@jest/globals';
import { buildQueryParams, isCumulocityError, toQueryString, type QuerySpec } from '@c8y/rest-core';
import { eventDeleteQuery, eventQuery } from '../src/index.js';

// The event query specs, as pure functions: filters → REST query parameters, per endpoint.

const NOW = new Date('2025-06-15T12:00:00.000Z');
const JAN_1 = '2025-01-01T00%3A00%3A00.000Z';
const ONE_DAY_AGO = '2025-06-14T12%3A00%3A00.000Z';
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

describe('eventQuery (GET /event/events)', () => {
  it('source takes an id or an object; type, fragmentType and fragmentValue pass through', () => {
    expect(wire({ source: { id: '1' }, type: 'c8y_LocationUpdate', fragmentType: 'c8y_Status', fragmentValue: 'OK' }, eventQuery)).toBe(
      '?source=1&type=c8y_LocationUpdate&fragmentType=c8y_Status&fragmentValue=OK',
    );
    expect(wire({ source: 42 }, eventQuery)).toBe('?source=42');
  });

  it('has all three date ranges with their aliases, and ages', () => {
    expect(wire({ createdBefore: '2025-01-01', updatedAfter: '2025-01-01', maxAge: '1d', minAge: '1h' }, eventQuery)).toBe(
      `?createdTo=${JAN_1}&lastUpdatedFrom=${JAN_1}&dateFrom=${ONE_DAY_AGO}&dateTo=${ONE_HOUR_AGO}`,
    );
    expect(wire({ after: '2025-01-01', before: '2025-06-15T11:00:00Z', createdAfter: '2025-01-01', updatedBefore: '2025-01-01' }, eventQuery)).toBe(
      `?dateFrom=${JAN_1}&dateTo=${ONE_HOUR_AGO}&createdFrom=${JAN_1}&lastUpdatedTo=${JAN_1}`,
    );
  });

  it('the REST names of the three ranges are sent as given', () => {
    expect(wire({ dateFrom: '2025-01-01', dateTo: 'now', createdFrom: '2025-01-01', createdTo: 'now', lastUpdatedFrom: '2025-01-01', lastUpdatedTo: 'now' }, eventQuery)).toBe(
      `?dateFrom=${JAN_1}&dateTo=2025-06-15T12%3A00%3A00.000Z&createdFrom=${JAN_1}&createdTo=2025-06-15T12%3A00%3A00.000Z&lastUpdatedFrom=${JAN_1}&lastUpdatedTo=2025-06-15T12%3A00%3A00.000Z`,
    );
  });

  it('ascending: true is revert=true (events are newest first; revert=true is oldest first); revert is sent as given', () => {
    expect(buildQueryParams({ ascending: true }, eventQuery)).toEqual({ revert: true });
    expect(buildQueryParams({ ascending: false }, eventQuery)).toEqual({ revert: false });
    expect(buildQueryParams({ revert: true }, eventQuery)).toEqual({ revert: true });
    expect(errorOf(() => buildQueryParams({ ascending: true, revert: true }, eventQuery)).message).toMatch(/'revert' and 'ascending'|'ascending' and 'revert'/);
  });

  it('one name per parameter: after with dateFrom or maxAge is an error', () => {
    expect(errorOf(() => buildQueryParams({ after: '2025-01-01', maxAge: '1d' }, eventQuery)).message).toMatch(/set the same parameter 'dateFrom'/);
    expect(errorOf(() => buildQueryParams({ createdFrom: '2025-01-01', createdAfter: '2025-01-01' }, eventQuery)).path).toBe('createdAfter');
  });

  it('withSource* need source; fragmentValue needs fragmentType', () => {
    for (const flag of ['withSourceAssets', 'withSourceDevices', 'withSourceChildren', 'withSourceAdditions']) {
      const error = errorOf(() => buildQueryParams({ [flag]: true }, eventQuery));
      expect([error.path, error.message]).toEqual([flag, `${flag}: needs 'source'`]);
      expect(wire({ source: '1', [flag]: true }, eventQuery)).toBe(`?source=1&${flag}=true`);
    }
    expect(buildQueryParams({ withSourceDevices: false }, eventQuery)).toEqual({ withSourceDevices: false });
    expect(errorOf(() => buildQueryParams({ fragmentValue: 'OK' }, eventQuery)).message).toMatch(/fragmentValue: needs 'fragmentType'/);
  });

  it('refuses a parameter the endpoint does not document (JavaScript callers, casts)', () => {
    expect(errorOf(() => buildQueryParams({ status: 'ACTIVE' }, eventQuery)).message).toMatch(/status: is not a parameter of GET \/event\/events/);
    expect(errorOf(() => buildQueryParams({ fragment: 'x' }, eventQuery)).path).toBe('fragment');
  });

  it('emits nothing it was not given; a raw string is sent as written', () => {
    expect(buildQueryParams({}, eventQuery)).toEqual({});
    expect(buildQueryParams({ source: '1', type: undefined }, eventQuery)).toEqual({ source: '1' });
    expect(buildQueryParams('type=x&source=1', eventQuery)).toEqual({ type: 'x', source: '1' });
  });
});

describe('eventDeleteQuery (DELETE /event/events)', () => {
  it('source, type, fragmentType, time and creation ranges', () => {
    expect(wire({ source: '1', type: 'x', fragmentType: 'c8y_IsBinary', before: '2025-01-01', createdAfter: '2025-01-01' }, eventDeleteQuery)).toBe(
      `?source=1&type=x&fragmentType=c8y_IsBinary&dateTo=${JAN_1}&createdFrom=${JAN_1}`,
    );
    expect(wire({ maxAge: '1d' }, eventDeleteQuery)).toBe(`?dateFrom=${ONE_DAY_AGO}`);
  });

  it('refuses what the DELETE does not document: update range, fragmentValue, withSource*, a sort flag', () => {
    for (const filters of [{ updatedBefore: '2025-01-01' }, { lastUpdatedFrom: '2025-01-01' }, { fragmentValue: 'x' }, { withSourceDevices: true }, { revert: true }]) {
      const [key] = Object.keys(filters);
      const error = errorOf(() => buildQueryParams(filters, eventDeleteQuery));
      expect(error.path).toBe(key);
      expect(error.message).toMatch(/is not a parameter of DELETE \/event\/events|no documented sort flag/);
    }
  });
});
