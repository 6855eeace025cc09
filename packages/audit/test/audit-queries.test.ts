import { describe, expect, it } from '@jest/globals';
import { buildQueryParams, isCumulocityError, toQueryString, type QuerySpec } from '@c8y/rest-core';
import { auditRecordQuery } from '../src/index.js';

// The audit query spec, as a pure function: filters → REST query parameters of GET /audit/auditRecords.

const NOW = new Date('2025-06-15T12:00:00.000Z');
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

describe('auditRecordQuery (GET /audit/auditRecords)', () => {
  it('sends the REST names; source takes an id or an object', () => {
    expect(wire({ source: { id: '42' }, type: 'Alarm', user: 'admin', application: 'cockpit' }, auditRecordQuery)).toBe(
      '?source=42&type=Alarm&user=admin&application=cockpit',
    );
    expect(wire({ source: '7' }, auditRecordQuery)).toBe('?source=7');
  });

  it('has the record-time range with its aliases and ages', () => {
    expect(wire({ after: '2025-01-01', before: '2025-02-01' }, auditRecordQuery)).toBe('?dateFrom=2025-01-01T00%3A00%3A00.000Z&dateTo=2025-02-01T00%3A00%3A00.000Z');
    expect(wire({ maxAge: '1d', minAge: '1h' }, auditRecordQuery)).toBe('?dateFrom=2025-06-14T12%3A00%3A00.000Z&dateTo=2025-06-15T11%3A00%3A00.000Z');
  });

  it('refuses ascending: audit records document no revert', () => {
    const error = errorOf(() => buildQueryParams({ ascending: true }, auditRecordQuery));
    expect(error.path).toBe('ascending');
  });

  it('refuses filters the endpoint does not document (revert, creation range): the platform would ignore them', () => {
    const revert = errorOf(() => buildQueryParams({ revert: true }, auditRecordQuery));
    expect(revert.path).toBe('revert');
    expect(revert.message).toMatch(/not a parameter of GET \/audit\/auditRecords/);
    expect(errorOf(() => buildQueryParams({ createdAfter: '2025-01-01' }, auditRecordQuery)).path).toBe('createdAfter');
  });

  it('refuses an unusable source', () => {
    expect(errorOf(() => buildQueryParams({ source: {} }, auditRecordQuery)).path).toBe('source');
  });
});
