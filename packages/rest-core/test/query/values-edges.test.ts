import { describe, expect, it } from '@jest/globals';
import { defineQuery } from '../../src/query/define-query.js';
import { describeValue } from '../../src/query/describe-value.js';
import { idOf } from '../../src/query/id-like.js';
import { impliesOrdering } from '../../src/query/ordering.js';
import { effectivePageSize } from '../../src/query/page-size.js';
import { parseRawQuery } from '../../src/query/raw.js';
import { eventSpec, inventorySpec } from '../fixtures/query-specs.js';
import { errorOf } from './helpers.js';

const ID_EXPECTED = 'expected an id (a non-empty string, a non-negative integer or an object with an id), got';

describe('describeValue', () => {
  it.each([
    [null, 'null'],
    [undefined, 'undefined undefined'],
    [[1, 2], 'an array'],
    [{ secret: 'x' }, 'an object'],
    [new Date(0), 'an object'],
    ['x', '"x"'],
    [Number.NaN, 'number NaN'],
    [false, 'boolean false'],
    [10n, 'bigint 10'],
  ])('%p → %s', (value, text) => {
    expect(describeValue(value)).toBe(text);
  });
});

describe('idOf: edges', () => {
  it('accepts 0 and ids of objects', () => {
    expect(idOf(0)).toBe('0');
    expect(idOf({ id: 0 })).toBe('0');
    expect(idOf({ id: '12' })).toBe('12');
  });

  it.each([
    ['a negative number', -1, 'number -1'],
    ['a fraction', 1.5, 'number 1.5'],
    ['an unsafe integer', 2 ** 53, 'number 9007199254740992'],
    ['an empty string', '', '""'],
    ['undefined', undefined, 'undefined undefined'],
    ['null', null, 'null'],
    ['an array', ['1'], 'an array'],
    ['an object with a null id', { id: null }, 'null'],
    ['an object with a negative id', { id: -1 }, 'number -1'],
    ['an object without an id', {}, 'an object without an id (was it created?)'],
  ])('refuses %s', (_name, value, got) => {
    const error = errorOf(() => idOf(value, 'source'));
    expect(error.path).toBe('source');
    expect(error.message).toBe(`source: ${ID_EXPECTED} ${got}`);
  });
});

describe('impliesOrdering: edges', () => {
  it('finds revert among other parameters', () => {
    expect(impliesOrdering({ type: 'x', revert: false })).toBe(true);
    expect(impliesOrdering({ revert: null, type: 'x' })).toBe(false);
    expect(impliesOrdering({ revert: undefined })).toBe(false);
  });

  it('finds $orderby in any value of a repeated query', () => {
    expect(impliesOrdering({ query: ['$filter=(a eq 1)', '$orderby=name asc'] })).toBe(true);
    expect(impliesOrdering({ q: ['$orderby=name asc', 'x'] })).toBe(true);
    expect(impliesOrdering({ type: '$orderby=name', query: 'x' })).toBe(false);
  });
});

describe('effectivePageSize: edges', () => {
  it('accepts a page size of 1', () => {
    expect(effectivePageSize({ pageSize: 1 })).toBe(1);
  });

  it.each([
    [-1, 'number -1'],
    [1.5, 'number 1.5'],
    [Number.NaN, 'number NaN'],
  ])('refuses the limit %p, quoting it', (limit, got) => {
    const error = errorOf(() => effectivePageSize({ limit }));
    expect(error.path).toBe('limit');
    expect(error.message).toBe(`limit: must be null (everything) or an integer ≥ 0, got ${got}`);
  });
});

describe('defineQuery: edges', () => {
  it('sets only the spec fields that are declared', () => {
    expect(defineQuery({ resource: 'things', ids: ['source'] })).toStrictEqual({ resource: 'things', ids: ['source'] });
    expect(defineQuery({ resource: 'things', lists: [] })).toStrictEqual({ resource: 'things', commaLists: [] });
  });
});

describe('parseRawQuery: edges', () => {
  it('refuses what is not a string', () => {
    const error = errorOf(() => parseRawQuery(5 as never));
    expect(error.path).toBe('query');
    expect(error.message).toBe('query: a raw query expression must be a string');
  });

  it("drops only a leading '?'", () => {
    expect(parseRawQuery('?a=x?y')).toEqual({ a: 'x?y' });
    expect(parseRawQuery('a=x?y')).toEqual({ a: 'x?y' });
    expect(parseRawQuery('  ?a=1&b=2?  ')).toEqual({ a: '1', b: '2?' });
  });

  it.each([
    ['no spec', undefined, `query: expected key=value pairs joined by '&' (e.g. 'type=x&source=1'), got "name eq 'x'"`],
    ['a spec without a query language', eventSpec, `query: expected key=value pairs joined by '&' (e.g. 'type=x&source=1'), got "name eq 'x'"; events has no query language`],
  ])('refuses a bare expression with %s', (_name, spec, message) => {
    expect(errorOf(() => parseRawQuery("name eq 'x'", spec)).message).toBe(message);
    expect(parseRawQuery("name eq 'x'", inventorySpec)).toEqual({ query: "name eq 'x'" });
  });

  it.each([
    ['a part without =', 'a=1&b', `query: "b" has no '=' (write key=value; an '&' inside a value needs an options object)`],
    ['a part without a name', 'a=1&=2', 'query: "=2" has no parameter name'],
  ])('refuses %s', (_name, text, message) => {
    const error = errorOf(() => parseRawQuery(text));
    expect(error.path).toBe('query');
    expect(error.message).toBe(message);
  });
});
