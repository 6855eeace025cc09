import { describe, expect, it } from '@jest/globals';
import { buildQueryParams, isCumulocityError, toQueryString, type QuerySpec } from '@c8y/rest-core';
import { bulkOperationQuery, operationDeleteQuery, operationQuery } from '../src/index.js';

// The device-control query specs, as pure functions: filters → REST query parameters, per endpoint.

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

describe('operationQuery (GET /devicecontrol/operations)', () => {
  it('ids take objects; every documented filter under its REST name', () => {
    expect(wire({ deviceId: { id: '1' }, agentId: '2', bulkOperationId: { id: '3' }, status: 'PENDING', fragmentType: 'c8y_Restart', after: '2025-01-01' }, operationQuery)).toBe(
      `?deviceId=1&agentId=2&bulkOperationId=3&status=PENDING&fragmentType=c8y_Restart&dateFrom=${JAN_1}`,
    );
    expect(wire({ maxAge: '1d', before: '2025-06-15' }, operationQuery)).toBe(`?dateFrom=${ONE_DAY_AGO}&dateTo=2025-06-15T00%3A00%3A00.000Z`);
  });

  it('fragment is an alias of fragmentType; before/minAge set dateTo', () => {
    expect(wire({ fragment: 'c8y_Command', minAge: '1d' }, operationQuery)).toBe(`?fragmentType=c8y_Command&dateTo=${ONE_DAY_AGO}`);
    expect(wire({ before: '2025-01-01' }, operationQuery)).toBe(`?dateTo=${JAN_1}`);
  });

  it('ascending: true is revert=false (oldest first, the default), false is revert=true; revert is sent as is', () => {
    expect(buildQueryParams({ ascending: true }, operationQuery)).toEqual({ revert: false });
    expect(buildQueryParams({ ascending: false }, operationQuery)).toEqual({ revert: true });
    expect(buildQueryParams({ revert: true }, operationQuery)).toEqual({ revert: true });
  });

  it('refuses a bound given twice and a parameter the endpoint does not document', () => {
    expect(errorOf(() => buildQueryParams({ after: '2025-01-01', maxAge: '1d' }, operationQuery, NOW)).message).toMatch(/set the same parameter 'dateFrom'/);
    expect(errorOf(() => buildQueryParams({ source: '1' }, operationQuery)).path).toBe('source');
    expect(errorOf(() => buildQueryParams({ type: 'x' }, operationQuery)).message).toMatch(/not a parameter of GET \/devicecontrol\/operations/);
  });

  it('emits nothing it was not given', () => {
    expect(buildQueryParams({}, operationQuery)).toEqual({});
    expect(buildQueryParams({ deviceId: '1' }, operationQuery)).toEqual({ deviceId: '1' });
  });
});

describe('operationDeleteQuery (DELETE /devicecontrol/operations)', () => {
  it('agentId, deviceId, status and the date range', () => {
    expect(wire({ agentId: { id: '9' }, deviceId: '1', status: 'FAILED', before: '2025-01-01' }, operationDeleteQuery)).toBe(`?agentId=9&deviceId=1&status=FAILED&dateTo=${JAN_1}`);
  });

  it('refuses bulkOperationId, fragmentType and the sort flag: the DELETE documents none of them', () => {
    expect(errorOf(() => buildQueryParams({ bulkOperationId: '3' }, operationDeleteQuery)).message).toMatch(/^bulkOperationId: is not a parameter of DELETE \/devicecontrol\/operations/);
    expect(errorOf(() => buildQueryParams({ fragmentType: 'c8y_Restart' }, operationDeleteQuery)).path).toBe('fragmentType');
    expect(errorOf(() => buildQueryParams({ fragment: 'c8y_Restart' }, operationDeleteQuery)).path).toBe('fragment');
    expect(errorOf(() => buildQueryParams({ revert: true }, operationDeleteQuery)).path).toBe('revert');
    expect(errorOf(() => buildQueryParams({ ascending: true }, operationDeleteQuery)).path).toBe('ascending');
  });
});

describe('bulkOperationQuery (GET /devicecontrol/bulkoperations)', () => {
  it('takes no filters at all', () => {
    expect(buildQueryParams({}, bulkOperationQuery)).toEqual({});
    expect(errorOf(() => buildQueryParams({ groupId: '5' }, bulkOperationQuery)).path).toBe('groupId');
    expect(errorOf(() => buildQueryParams({ ascending: true }, bulkOperationQuery)).path).toBe('ascending');
  });
});

describe('single-valued filters', () => {
  it('an array is refused where the endpoint reads the parameter once (it would repeat the key)', () => {
    expect(errorOf(() => buildQueryParams({ status: ['PENDING', 'FAILED'] as never }, operationQuery)).message).toMatch(/^status: expected one value, got a list/);
    expect(errorOf(() => buildQueryParams({ fragment: ['c8y_Restart'] as never }, operationQuery)).path).toBe('fragment');
    expect(errorOf(() => buildQueryParams({ deviceId: '1', status: ['PENDING'] as never }, operationDeleteQuery)).path).toBe('status');
  });
});
