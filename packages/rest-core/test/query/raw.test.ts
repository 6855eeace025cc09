import { describe, expect, it } from '@jest/globals';
import { toQueryString } from '../../src/client/query-string.js';
import { parseRawQuery } from '../../src/query/raw.js';
import { eventSpec, inventorySpec } from '../fixtures/query-specs.js';
import { errorOf } from './helpers.js';

const wire = (expression: string, spec = inventorySpec) => toQueryString(parseRawQuery(expression, spec));

describe('parseRawQuery', () => {
  it('DESIGN example: q=$filter=… is split on the first = and encoded per component', () => {
    expect(parseRawQuery("q=$filter=name eq 'M01' $orderby=lastUpdated")).toEqual({ q: "$filter=name eq 'M01' $orderby=lastUpdated" });
    expect(wire("q=$filter=name eq 'M01' $orderby=lastUpdated")).toBe("?q=%24filter%3Dname%20eq%20'M01'%20%24orderby%3DlastUpdated");
  });

  it('key=value pairs keep their order', () => {
    expect(wire('type=x&source=1', eventSpec)).toBe('?type=x&source=1');
  });

  it('repeated keys repeat on the wire', () => {
    expect(parseRawQuery('series=a&type=t&series=b&series=c')).toEqual({ series: ['a', 'b', 'c'], type: 't' });
    expect(wire('series=a&series=b')).toBe('?series=a&series=b');
  });

  it('takes values as written: + stays a plus (date offsets survive), % stays a percent', () => {
    expect(wire('dateFrom=2025-01-01T00:00:00+02:00', eventSpec)).toBe('?dateFrom=2025-01-01T00%3A00%3A00%2B02%3A00');
    expect(wire("query=name eq '100%'")).toBe("?query=name%20eq%20'100%25'");
  });

  it("keeps quotes and doubled quotes (c8y_api: Y='A''s B')", () => {
    expect(wire("type=X&text='A''s B'", eventSpec)).toBe("?type=X&text='A''s%20B'");
  });

  it('allows empty values, a leading ?, surrounding whitespace and stray &', () => {
    expect(parseRawQuery('  ?type=&&source=1&  ')).toEqual({ type: '', source: '1' });
    expect(parseRawQuery('?type=x&&source=1&')).toEqual({ type: 'x', source: '1' });
    expect(parseRawQuery('   ')).toEqual({});
    expect(parseRawQuery('')).toEqual({});
  });

  it('a bare expression goes to query for the inventory (pyc8y)', () => {
    for (const expression of ["name eq 'x'", '$filter=type eq X $orderby=id', '$filter=name eq X*', 'has(X)', '$orderby=id asc']) {
      expect(parseRawQuery(expression, inventorySpec)).toEqual({ query: expression });
    }
  });

  it('a bare expression with an & inside a literal stays whole', () => {
    expect(parseRawQuery("name eq 'A&B'", inventorySpec)).toEqual({ query: "name eq 'A&B'" });
  });

  it('a bare expression is an error where there is no query language', () => {
    const error = errorOf(() => parseRawQuery("type eq 'x'", eventSpec));
    expect(error.path).toBe('query');
    expect(error.message).toContain('events');
    expect(errorOf(() => parseRawQuery('has(x)')).path).toBe('query');
  });

  it('rejects a part without =, and an empty key', () => {
    expect(errorOf(() => parseRawQuery("q=name eq 'A&B'")).message).toContain("\"B'\" has no '='");
    expect(errorOf(() => parseRawQuery('type=x&=y')).message).toContain('no parameter name');
  });

  it('rejects a non-string', () => {
    expect(errorOf(() => parseRawQuery(42 as never)).path).toBe('query');
  });
});
