import { describe, expect, it } from '@jest/globals';
import { buildQueryParams, isCumulocityError, toQueryString, type QuerySpec } from '@c8y/rest-core';
import { alarmCountQuery, alarmDeleteQuery, alarmQuery, alarmStatusQuery } from '../src/index.js';

// The alarm query specs, as pure functions: filters → REST query parameters, per endpoint.

const NOW = new Date('2025-06-15T12:00:00.000Z');
const JAN_1 = '2025-01-01T00%3A00%3A00.000Z';
const ONE_DAY_AGO = '2025-06-14T12%3A00%3A00.000Z';
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

describe('alarmQuery (GET /alarm/alarms)', () => {
  it('joins status, severity and type lists with commas; source takes an object', () => {
    expect(wire({ source: { id: '1' }, status: ['ACTIVE', 'ACKNOWLEDGED'], severity: 'MAJOR', type: ['a', 'b'] }, alarmQuery)).toBe(
      '?source=1&status=ACTIVE%2CACKNOWLEDGED&severity=MAJOR&type=a%2Cb',
    );
  });

  it('rejects an empty list (it would match everything)', () => {
    expect(errorOf(() => buildQueryParams({ status: [] }, alarmQuery)).path).toBe('status');
  });

  it('rejects ascending: alarms document no revert', () => {
    const error = errorOf(() => buildQueryParams({ ascending: true }, alarmQuery));
    expect(error.path).toBe('ascending');
    expect(error.message).toContain('no documented sort flag');
  });

  it('has all three date ranges and ages', () => {
    expect(wire({ createdAfter: '2025-01-01', updatedBefore: '2025-01-01', maxAge: '1d', resolved: false }, alarmQuery)).toBe(
      `?createdFrom=${JAN_1}&lastUpdatedTo=${JAN_1}&dateFrom=${ONE_DAY_AGO}&resolved=false`,
    );
  });

  it('withSource* need source', () => {
    expect(errorOf(() => buildQueryParams({ withSourceDevices: true }, alarmQuery)).message).toMatch(/needs 'source'/);
    expect(wire({ source: '1', withSourceDevices: true }, alarmQuery)).toBe('?source=1&withSourceDevices=true');
  });

  it('emits nothing it was not given', () => {
    expect(buildQueryParams({ source: '1' }, alarmQuery)).toEqual({ source: '1' });
    expect(buildQueryParams({}, alarmQuery)).toEqual({});
  });

  it('refuses a status or severity that does not exist (JavaScript callers, casts)', () => {
    expect(errorOf(() => buildQueryParams({ status: 'OPEN' }, alarmQuery)).message).toBe('status: must be one of ACTIVE, ACKNOWLEDGED, CLEARED, got "OPEN"');
    expect(errorOf(() => buildQueryParams({ severity: ['MAJOR', 'major'] }, alarmStatusQuery)).path).toBe('severity');
    expect(errorOf(() => buildQueryParams({ status: 'DONE' }, alarmDeleteQuery)).path).toBe('status');
    expect(errorOf(() => buildQueryParams({ severity: 'HIGH' }, alarmCountQuery)).path).toBe('severity');
  });

  it('refuses a parameter the endpoint does not document (JavaScript callers, casts)', () => {
    expect(errorOf(() => buildQueryParams({ fragmentType: 'x' }, alarmQuery)).path).toBe('fragmentType');
  });
});

describe('the narrower endpoints', () => {
  it('count: time range and selection, no creation or update range', () => {
    expect(wire({ source: '1', status: 'ACTIVE', after: '2025-01-01', type: ['a', 'b'] }, alarmCountQuery)).toBe(`?source=1&status=ACTIVE&dateFrom=${JAN_1}&type=a%2Cb`);
    expect(errorOf(() => buildQueryParams({ createdFrom: '2025-01-01' }, alarmCountQuery)).path).toBe('createdFrom');
    expect(errorOf(() => buildQueryParams({ lastUpdatedFrom: '2025-01-01' }, alarmCountQuery)).path).toBe('lastUpdatedFrom');
  });

  it('status update by filter: no type (the platform would clear every type), no update range', () => {
    expect(wire({ source: '1', status: 'ACTIVE', createdBefore: '2025-01-01' }, alarmStatusQuery)).toBe(`?source=1&status=ACTIVE&createdTo=${JAN_1}`);
    expect(errorOf(() => buildQueryParams({ source: '1', type: 'x' }, alarmStatusQuery)).message).toMatch(/type: is not a parameter of PUT \/alarm\/alarms/);
    expect(errorOf(() => buildQueryParams({ updatedAfter: '2025-01-01' }, alarmStatusQuery)).message).toMatch(/^updatedAfter: is not a parameter of PUT/);
  });

  it('delete by filter: type and creation range, no update range', () => {
    expect(wire({ source: '1', type: 'x', createdAfter: '2025-01-01' }, alarmDeleteQuery)).toBe(`?source=1&type=x&createdFrom=${JAN_1}`);
    expect(errorOf(() => buildQueryParams({ lastUpdatedTo: '2025-01-01' }, alarmDeleteQuery)).path).toBe('lastUpdatedTo');
  });
});
