import { describe, expect, it } from '@jest/globals';
import { buildQueryParams, defineQuery, isCumulocityError, type CreatedRangeFilters, type DateRangeFilters, type IdLike, type UpdatedRangeFilters } from '../../src/index.js';
import { requestOverrides } from '../../src/client/call-options.js';
import { withExtraParams } from '../../src/query/extra-params.js';
import { NOW } from './helpers.js';

interface Filters extends DateRangeFilters, CreatedRangeFilters, UpdatedRangeFilters {
  source?: IdLike;
  kind?: string | readonly string[];
  withChildren?: boolean;
  fragment?: string;
}

const errorOf = (action: () => unknown) => {
  try {
    action();
  } catch (error) {
    if (isCumulocityError(error, 'InvalidInputError')) return error;
    throw error;
  }
  throw new Error('expected an InvalidInputError');
};

describe('defineQuery', () => {
  it('expands ranges into aliases, dates and ages; lists, ids, aliases and requires as declared', () => {
    const spec = defineQuery<Filters>({
      resource: 'things',
      ranges: ['time', 'created', 'updated'],
      ids: ['source'],
      lists: ['kind'],
      aliases: { fragment: 'fragmentType' },
      requires: { withChildren: 'source' },
    });
    expect(spec).toEqual({
      resource: 'things',
      ids: ['source'],
      requires: { withChildren: 'source' },
      aliases: {
        after: 'dateFrom', before: 'dateTo', createdAfter: 'createdFrom', createdBefore: 'createdTo',
        updatedAfter: 'lastUpdatedFrom', updatedBefore: 'lastUpdatedTo', fragment: 'fragmentType',
      },
      dates: ['dateFrom', 'dateTo', 'createdFrom', 'createdTo', 'lastUpdatedFrom', 'lastUpdatedTo'],
      ages: { maxAge: 'dateFrom', minAge: 'dateTo' },
      commaLists: ['kind'],
    });
    expect(Object.isFrozen(spec)).toBe(true);
    expect(buildQueryParams({ source: { id: '7' }, kind: ['a', 'b'], maxAge: '1d', createdAfter: '2025-01-01', fragment: 'x' }, spec, NOW)).toEqual({
      source: '7',
      kind: 'a,b',
      dateFrom: '2025-06-14T12:00:00.000Z',
      createdFrom: '2025-01-01T00:00:00.000Z',
      fragmentType: 'x',
    });
    expect(errorOf(() => buildQueryParams({ withChildren: true }, spec)).message).toBe("withChildren: needs 'source'");
  });

  it('without ranges no alias, date or age exists', () => {
    expect(defineQuery<Filters>({ resource: 'plain' })).toEqual({ resource: 'plain' });
  });

  it('parameters: a filter mapping to an undocumented parameter is refused, naming the filter and the parameter', () => {
    const spec = defineQuery<Filters>({ resource: 'PUT /things', ranges: ['time'], parameters: ['source', 'dateFrom'] });
    expect(buildQueryParams({ source: '1', after: '2025-01-01' }, spec)).toEqual({ source: '1', dateFrom: '2025-01-01T00:00:00.000Z' });
    expect(errorOf(() => buildQueryParams({ source: '1', before: '2025-01-01' }, spec)).message).toBe(
      "before: is not a parameter of PUT /things (sent as 'dateTo'): the platform would ignore it; documented: source, dateFrom",
    );
    expect(errorOf(() => buildQueryParams({ kind: 'x' }, spec)).path).toBe('kind');
    expect(errorOf(() => buildQueryParams({ minAge: '1d' }, spec)).path).toBe('minAge');
  });
});

describe('values: the values a parameter accepts', () => {
  const spec = defineQuery<Filters>({ resource: 'things', lists: ['kind'], values: { kind: ['A', 'B'] } });

  it('accepts the declared values, alone or in a list', () => {
    expect(buildQueryParams({ kind: 'A' }, spec)).toEqual({ kind: 'A' });
    expect(buildQueryParams({ kind: ['A', 'B'] }, spec)).toEqual({ kind: 'A,B' });
  });

  it('refuses any other value, naming the filter and the allowed values', () => {
    expect(errorOf(() => buildQueryParams({ kind: 'C' }, spec)).message).toBe('kind: must be one of A, B, got "C"');
    expect(errorOf(() => buildQueryParams({ kind: ['A', 'c'] }, spec)).path).toBe('kind');
    expect(errorOf(() => buildQueryParams({ kind: 1 as never }, spec)).path).toBe('kind');
  });
});

describe('withExtraParams', () => {
  it('adds the extras unchanged (Dates as ISO, arrays repeat, null and undefined dropped)', () => {
    expect(withExtraParams({ source: '1' }, { flag: true, at: new Date(0), tags: ['a', null, 'b'], gone: undefined, none: null })).toEqual({
      source: '1',
      flag: true,
      at: '1970-01-01T00:00:00.000Z',
      tags: ['a', 'b'],
    });
    expect(withExtraParams({ a: '1' }, new URLSearchParams('b=2&b=3'))).toEqual({ a: '1', b: ['2', '3'] });
    expect(withExtraParams({ a: '1' }, undefined)).toEqual({ a: '1' });
  });

  it('refuses a parameter the filters set, a paging parameter, and values that are not query values', () => {
    expect(errorOf(() => withExtraParams({ source: '1' }, { source: '2' })).path).toBe('params.source');
    expect(errorOf(() => withExtraParams({}, { pageSize: 5 })).path).toBe('params.pageSize');
    expect(errorOf(() => withExtraParams({}, { currentPage: 2 })).path).toBe('params.currentPage');
    expect(errorOf(() => withExtraParams({}, { x: Number.NaN })).path).toBe('params.x');
    expect(errorOf(() => withExtraParams({}, { x: {} as never })).path).toBe('params.x');
  });
});

describe('requestOverrides', () => {
  it('keeps the per-request overrides only, and only those given', () => {
    const signal = new AbortController().signal;
    expect(
      requestOverrides({ timeout: 5, totalTimeout: 9, retry: false, headers: { a: 'b' }, processingMode: 'CEP', signal, params: { x: 1 } }),
    ).toEqual({ timeout: 5, totalTimeout: 9, retry: false, headers: { a: 'b' }, processingMode: 'CEP' });
    expect(requestOverrides({ timeout: undefined })).toEqual({});
    expect(requestOverrides(undefined)).toEqual({});
  });
});
