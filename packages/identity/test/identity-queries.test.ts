import { describe, expect, it } from '@jest/globals';
import { buildQueryParams, isCumulocityError } from '@c8y/rest-core';
import { externalIdCollectionQuery, externalIdsOf } from '../src/index.js';

// The external-id collection of an object, as pure data: path, keys, media type, (no) filters.

describe('externalIdCollectionQuery (GET /identity/globalIds/{id}/externalIds)', () => {
  it('has no parameters: an empty filter gives nothing', () => {
    expect(buildQueryParams({}, externalIdCollectionQuery)).toEqual({});
  });

  it('refuses any filter: the endpoint documents none (JavaScript callers, casts)', () => {
    let thrown: unknown;
    try {
      buildQueryParams({ type: 'c8y_Serial' }, externalIdCollectionQuery);
    } catch (error) {
      thrown = error;
    }
    expect(isCumulocityError(thrown, 'InvalidInputError') && thrown.path).toBe('type');
  });
});

describe('externalIdsOf', () => {
  it('path-encodes the object id and names the collection key and media type', () => {
    expect(externalIdsOf('a/b')).toEqual({
      path: '/identity/globalIds/a%2Fb/externalIds',
      collectionKey: 'externalIds',
      collectionMediaType: 'application/vnd.com.nsn.cumulocity.externalidcollection+json',
      querySpec: externalIdCollectionQuery,
    });
  });
});
