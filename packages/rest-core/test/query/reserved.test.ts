import { describe, expect, it } from '@jest/globals';
import { buildQueryParams } from '../../src/query/build.js';
import { odata } from '../../src/query/odata.js';
import { impliesOrdering } from '../../src/query/ordering.js';
import { isReservedQueryKey, RESERVED_QUERY_KEYS, splitReservedKeys } from '../../src/query/reserved.js';
import { eventSpec, inventorySpec } from '../fixtures/query-specs.js';

describe('reserved keys', () => {
  it('lists the engine options', () => {
    expect([...RESERVED_QUERY_KEYS]).toEqual(['limit', 'pageSize', 'workers', 'asValues', 'currentPage', 'signal']);
    expect(isReservedQueryKey('workers')).toBe(true);
    expect(isReservedQueryKey('type')).toBe(false);
    expect(isReservedQueryKey('toString')).toBe(false);
  });

  it('splitReservedKeys separates them without touching the input', () => {
    const signal = new AbortController().signal;
    const options = { type: 'x', limit: null, pageSize: 100, workers: 4, asValues: 'id', currentPage: 2, signal, source: '1' };
    const { reserved, filters } = splitReservedKeys(options);
    expect(reserved).toEqual({ limit: null, pageSize: 100, workers: 4, asValues: 'id', currentPage: 2, signal });
    expect(filters).toEqual({ type: 'x', source: '1' });
    expect(options.pageSize).toBe(100);
    expect(buildQueryParams(filters, eventSpec)).toEqual({ type: 'x', source: '1' });
  });
});

describe('impliesOrdering', () => {
  it('is true for revert (either value) and for $orderby in query or q', () => {
    expect(impliesOrdering(buildQueryParams({ ascending: true }, eventSpec))).toBe(true);
    expect(impliesOrdering({ revert: false })).toBe(true);
    expect(impliesOrdering(buildQueryParams({ orderBy: 'name' }, inventorySpec))).toBe(true);
    expect(impliesOrdering({ q: String(odata.orderBy('id')) })).toBe(true);
    expect(impliesOrdering(new URLSearchParams('query=$orderby=id'))).toBe(true);
  });

  it('is false otherwise', () => {
    expect(impliesOrdering({ type: 'x', query: "$filter=(name eq 'x')" })).toBe(false);
    expect(impliesOrdering({ text: '$orderby=' })).toBe(false);
    expect(impliesOrdering({ revert: undefined })).toBe(false);
    expect(impliesOrdering(new URLSearchParams('type=x'))).toBe(false);
  });
});
