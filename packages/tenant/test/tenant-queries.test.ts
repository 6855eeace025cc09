import { describe, expect, it } from '@jest/globals';
import { buildQueryParams, isCumulocityError, type QuerySpec } from '@c8y/rest-core';
import { currentTenantQuery, loginOptionQuery, tenantOptionQuery } from '../src/index.js';

// The tenant query specs as pure functions: filters → REST query parameters, per endpoint.

const refused = (filters: object, spec: QuerySpec) => {
  try {
    buildQueryParams(filters, spec);
  } catch (error) {
    if (isCumulocityError(error, 'InvalidInputError')) return error.path;
    throw error;
  }
  throw new Error('expected an InvalidInputError');
};

describe('tenantOptionQuery (GET /tenant/options)', () => {
  it('has no filters: an empty filter gives nothing', () => {
    expect(buildQueryParams({}, tenantOptionQuery)).toEqual({});
  });

  it('refuses category and key (the listing documents neither; the category has its own endpoint)', () => {
    expect(refused({ category: 'a' }, tenantOptionQuery)).toBe('category');
    expect(refused({ key: 'k' }, tenantOptionQuery)).toBe('key');
  });
});

describe('currentTenantQuery (GET /tenant/currentTenant)', () => {
  it('sends withParent', () => {
    expect(buildQueryParams({ withParent: true }, currentTenantQuery)).toEqual({ withParent: true });
    expect(buildQueryParams({}, currentTenantQuery)).toEqual({});
  });

  it('refuses anything else', () => {
    expect(refused({ withChildren: true }, currentTenantQuery)).toBe('withChildren');
  });
});

describe('loginOptionQuery (GET /tenant/loginOptions)', () => {
  it('sends management and tenantId', () => {
    expect(buildQueryParams({ management: true }, loginOptionQuery)).toEqual({ management: true });
    expect(buildQueryParams({ tenantId: 't07' }, loginOptionQuery)).toEqual({ tenantId: 't07' });
  });

  it('refuses the tenant_id spelling of the OAuth endpoint', () => {
    expect(refused({ tenant_id: 't07' }, loginOptionQuery)).toBe('tenant_id');
  });
});
