import { describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { toQueryString } from '../../src/client/query-string.js';
import { isODataBuilt, odata } from '../../src/query/odata.js';
import { errorOf } from './helpers.js';

describe('odata comparisons and literals', () => {
  it.each([
    [odata.eq('name', 'My*'), "name eq 'My*'"],
    [odata.gt('c8y_Temp.value', 20), 'c8y_Temp.value gt 20'],
    [odata.ge('count', -3), 'count ge -3'],
    [odata.lt('c8y_Position.lng', 16.5), 'c8y_Position.lng lt 16.5d'],
    [odata.le('c8y_Position.lat', -0.25), 'c8y_Position.lat le -0.25d'],
    [odata.eq('big', 10n), 'big eq 10'],
    [odata.eq('flag', true), 'flag eq true'],
    [odata.eq('name', null), 'name eq null'],
    [odata.eq('zero', -0), 'zero eq 0'],
    [odata.eq('$id', '1'), "$id eq '1'"],
    [odata.eq('_id', '1'), "_id eq '1'"],
    [odata.ne('type', 'x'), "not (type eq 'x')"],
  ])('%s', (expression, text) => {
    expect(expression.toString()).toBe(text);
  });

  it('quotes dates as ISO strings in UTC', () => {
    expect(String(odata.gt('creationTime.date', new Date('2015-10-24T09:00:53.351+01:00')))).toBe(
      "creationTime.date gt '2015-10-24T08:00:53.351Z'",
    );
    expect(String(odata.lt('lastUpdated.date', DateTime.fromISO('2025-01-01T01:00:00+01:00')))).toBe(
      "lastUpdated.date lt '2025-01-01T00:00:00.000Z'",
    );
  });

  it("doubles single quotes so a hostile value stays one literal", () => {
    expect(odata.eq('name', "x' or name eq '*").toString()).toBe("name eq 'x'' or name eq ''*'");
    expect(odata.eq('name', "O'Brien").toString()).toBe("name eq 'O''Brien'");
    expect(odata.eq('name', "'")).toEqual(expect.objectContaining({ text: "name eq ''''" }));
    expect(odata.eq('name', ") or has(x) or (a eq '")).toEqual(expect.objectContaining({ text: "name eq ') or has(x) or (a eq '''" }));
  });

  it.each([
    ['a space', 'name eq x'],
    ['a quote', "name'"],
    ['parentheses', 'has(x)'],
    ['an empty path', ''],
    ['a leading dot', '.name'],
    ['a double dot', 'a..b'],
    ['a trailing dot', 'a.'],
    ['a comma', 'a,b'],
    ['a non-string', 42],
  ])('rejects a path with %s', (_name, path) => {
    const error = errorOf(() => odata.eq(path as string, 'x'));
    expect(error.path).toBe('odata.path');
  });

  it.each([
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['an exponent', 1e21],
    ['a tiny number', 1e-7],
    ['an invalid date', new Date('x')],
    ['an object', {}],
    ['undefined', undefined],
  ])('rejects the value %s', (_name, value) => {
    expect(errorOf(() => odata.eq('a', value as never)).path).toBe('odata.value');
  });
});

describe('odata functions and logic', () => {
  it('functions', () => {
    expect(String(odata.has('c8y_IsDevice'))).toBe('has(c8y_IsDevice)');
    expect(String(odata.hasany('a', 'b'))).toBe('hasany(a,b)');
    expect(String(odata.bygroupid('12', 23, { id: '34' }))).toBe('bygroupid(12,23,34)');
    expect(String(odata.isinhierarchyof('g1'))).toBe('isinhierarchyof(g1)');
  });

  it('rejects invalid fragments and ids, and empty argument lists', () => {
    expect(errorOf(() => odata.has('c8y_IsDevice) or has(x')).path).toBe('odata.path');
    expect(errorOf(() => odata.bygroupid('1) or (2')).path).toBe('odata.id');
    expect(errorOf(() => odata.bygroupid('1,2')).path).toBe('odata.id');
    expect(errorOf(() => odata.bygroupid()).path).toBe('odata');
    expect(errorOf(() => odata.hasany()).path).toBe('odata');
  });

  it('and/or flatten their own kind and parenthesise the other', () => {
    const a = odata.eq('a', 1);
    const b = odata.eq('b', 2);
    const c = odata.eq('c', 3);
    expect(String(odata.and(a, b, c))).toBe('a eq 1 and b eq 2 and c eq 3');
    expect(String(odata.and(odata.and(a, b), c))).toBe('a eq 1 and b eq 2 and c eq 3');
    expect(String(odata.and(a, odata.or(b, c)))).toBe('a eq 1 and (b eq 2 or c eq 3)');
    expect(String(odata.or(odata.and(a, b), c))).toBe('(a eq 1 and b eq 2) or c eq 3');
    expect(String(odata.or(odata.or(a, b), c))).toBe('a eq 1 or b eq 2 or c eq 3');
  });

  it('not wraps anything but a function call', () => {
    expect(String(odata.not(odata.has('c8y_IsDevice')))).toBe('not has(c8y_IsDevice)');
    expect(String(odata.not(odata.eq('a', 1)))).toBe('not (a eq 1)');
    expect(String(odata.not(odata.and(odata.eq('a', 1), odata.eq('b', 2))))).toBe('not (a eq 1 and b eq 2)');
    expect(String(odata.and(odata.not(odata.has('x')), odata.eq('a', 1)))).toBe('not has(x) and a eq 1');
  });

  it('skips undefined/null/false operands (optional conditions) and needs at least one', () => {
    const name: string | undefined = undefined;
    expect(String(odata.and(odata.has('x'), name && odata.eq('name', name), null, false))).toBe('has(x)');
    expect(errorOf(() => odata.and(undefined, false)).path).toBe('odata');
    expect(errorOf(() => odata.or()).path).toBe('odata');
  });

  it('rejects strings where expressions are expected', () => {
    expect(errorOf(() => odata.and("name eq 'x'" as never)).path).toBe('odata');
    expect(errorOf(() => odata.not("name eq 'x'" as never)).path).toBe('odata');
    expect(errorOf(() => odata.filter("name eq 'x'" as never)).path).toBe('odata');
  });

  it('raw text is parenthesised when combined', () => {
    expect(String(odata.and(odata.raw('a eq 1 or b eq 2'), odata.has('x')))).toBe('(a eq 1 or b eq 2) and has(x)');
    expect(errorOf(() => odata.raw('  ')).path).toBe('odata');
  });

  it('literal() formats a single value', () => {
    expect(odata.literal("it's")).toBe("'it''s'");
    expect(odata.literal(2.5)).toBe('2.5d');
  });
});

describe('odata queries', () => {
  it('filter + orderBy (brief example)', () => {
    const query = odata.filter(odata.eq('name', 'My*')).orderBy('name', 'desc').orderBy('creationTime');
    expect(query.toString()).toBe("$filter=(name eq 'My*') $orderby=name desc,creationTime asc");
  });

  it('encodes on the wire like the OpenAPI examples', () => {
    const query = odata.filter(odata.eq('name', 'M01')).orderBy('id');
    expect(toQueryString({ query: String(query) })).toBe("?query=%24filter%3D(name%20eq%20'M01')%20%24orderby%3Did%20asc");
  });

  it('orderBy alone and filter alone', () => {
    expect(String(odata.orderBy('name'))).toBe('$orderby=name asc');
    expect(String(odata.filter(odata.and(odata.has('a'), odata.eq('b', 'c'))))).toBe("$filter=(has(a) and b eq 'c')");
  });

  it('is immutable: building on a query leaves it unchanged', () => {
    const base = odata.filter(odata.has('c8y_IsDevice'));
    const byName = base.orderBy('name');
    const narrowed = base.filter(odata.eq('type', 'x'));
    expect(String(base)).toBe('$filter=(has(c8y_IsDevice))');
    expect(String(byName)).toBe('$filter=(has(c8y_IsDevice)) $orderby=name asc');
    expect(String(narrowed)).toBe("$filter=(has(c8y_IsDevice) and type eq 'x')");
    expect(Object.isFrozen(base)).toBe(true);
    expect(Object.isFrozen(base.ordering)).toBe(true);
  });

  it('rejects bad sort input', () => {
    expect(errorOf(() => odata.orderBy('name', 'down' as never)).path).toBe('orderBy');
    expect(errorOf(() => odata.orderBy('name desc')).path).toBe('odata.path');
  });

  it('isODataBuilt tells builder values from strings', () => {
    expect(isODataBuilt(odata.has('x'))).toBe(true);
    expect(isODataBuilt(odata.orderBy('x'))).toBe(true);
    expect(isODataBuilt("name eq 'x'")).toBe(false);
    expect(isODataBuilt({ text: 'x', kind: 'raw' })).toBe(false);
  });
});
