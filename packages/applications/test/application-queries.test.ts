import { describe, expect, it } from '@jest/globals';
import { buildQueryParams, isCumulocityError, toQueryString, type QuerySpec } from '@c8y/rest-core';
import { applicationQuery, applicationsByName, applicationsByNameQuery } from '../src/index.js';

// The application query specs as pure functions: filters → REST query parameters, per endpoint.

const wire = (filters: object, spec: QuerySpec) => toQueryString(buildQueryParams(filters, spec));
const refused = (filters: object, spec: QuerySpec) => {
  try {
    buildQueryParams(filters, spec);
  } catch (error) {
    if (isCumulocityError(error, 'InvalidInputError')) return error.path;
    throw error;
  }
  throw new Error('expected an InvalidInputError');
};

describe('applicationQuery (GET /application/applications)', () => {
  it('sends every documented filter; type lists comma-joined', () => {
    expect(wire({ name: 'a b', type: ['EXTERNAL', 'HOSTED'], owner: 't1', providedFor: 't2', subscriber: 't3', tenant: 't4', user: 'u', hasVersions: true }, applicationQuery)).toBe(
      '?name=a%20b&type=EXTERNAL%2CHOSTED&owner=t1&providedFor=t2&subscriber=t3&tenant=t4&user=u&hasVersions=true',
    );
    expect(buildQueryParams({ type: 'MICROSERVICE' }, applicationQuery)).toEqual({ type: 'MICROSERVICE' });
  });

  it('refuses undocumented filters and unknown types (JavaScript callers, casts)', () => {
    expect(refused({ availability: 'MARKET' }, applicationQuery)).toBe('availability');
    expect(refused({ key: 'k' }, applicationQuery)).toBe('key');
    expect(refused({ type: 'WEB' }, applicationQuery)).toBe('type');
  });
});

describe('applicationsByName', () => {
  it('path-encodes the name, names the collection key and media type, one request (not paged)', () => {
    expect(applicationsByName('a/b c')).toEqual({
      path: '/application/applicationsByName/a%2Fb%20c',
      collectionKey: 'applications',
      collectionMediaType: 'application/vnd.com.nsn.cumulocity.applicationcollection+json',
      paged: false,
      querySpec: applicationsByNameQuery,
    });
  });

  it('takes no filters', () => {
    expect(buildQueryParams({}, applicationsByNameQuery)).toEqual({});
    expect(refused({ type: 'HOSTED' }, applicationsByNameQuery)).toBe('type');
  });
});
