import { describe, expect, it } from '@jest/globals';
import { odata } from '../../src/query/odata.js';
import { errorOf } from './helpers.js';

// Exact messages of the odata builder for bad input (paths: odata, odata.path, odata.id, odata.value, orderBy).

const PATH_RULE = "use letters, digits, '_', '$' and dots between names (e.g. 'c8y_Availability.status')";

describe('odata: exact error messages', () => {
  it.each([
    ['filter() without an expression', () => odata.filter(undefined as never), 'odata', 'odata: expected an expression built with odata.*, got undefined undefined'],
    ['filter() without an expression on a sorted query', () => odata.orderBy('name').filter(undefined as never), 'odata', 'odata: expected an expression built with odata.*, got undefined undefined'],
    ['filter() with a string', () => odata.orderBy('name').filter("name eq 'x'" as never), 'odata', 'odata: expected an expression built with odata.*, got "name eq \'x\'"'],
    ['and() with a string', () => odata.and(odata.has('a'), 'x' as never), 'odata', 'odata: expected an expression built with odata.*, got "x"'],
    ['and() with nothing', () => odata.and(), 'odata', 'odata: and() needs at least one expression'],
    ['or() with only gaps', () => odata.or(undefined, null, false), 'odata', 'odata: or() needs at least one expression'],
    ['hasany() with nothing', () => odata.hasany(), 'odata', 'odata: hasany() needs at least one argument'],
    ['a bad sort direction', () => odata.orderBy('name', 'up' as never), 'orderBy', 'orderBy: sort direction must be \'asc\' or \'desc\', got "up"'],
    ['a bad path', () => odata.eq('a b', 1), 'odata.path', `odata.path: invalid property path "a b": ${PATH_RULE}`],
    ['a path that is no string', () => odata.has(5 as never), 'odata.path', `odata.path: invalid property path number 5: ${PATH_RULE}`],
    ['an object without an id', () => odata.bygroupid({}), 'odata.id', 'odata.id: expected an id (a non-empty string, a non-negative integer or an object with an id), got an object without an id (was it created?)'],
    ['an id with a space', () => odata.isinhierarchyof('1 2'), 'odata.id', 'odata.id: invalid id "1 2": use letters, digits, \'_\' and \'-\''],
    ['a number with an exponent', () => odata.literal(1e21), 'odata.value', 'odata.value: number 1e+21 cannot be written in a query (finite, without exponent)'],
    ['NaN', () => odata.literal(Number.NaN), 'odata.value', 'odata.value: number NaN cannot be written in a query (finite, without exponent)'],
    ['an invalid Date', () => odata.literal(new Date(Number.NaN)), 'odata.value', 'odata.value: invalid date'],
    ['an object', () => odata.literal({} as never), 'odata.value', 'odata.value: unsupported value an object'],
    ['raw() with a blank string', () => odata.raw('  '), 'odata', 'odata: raw() needs a non-empty string'],
    ['raw() with a number', () => odata.raw(5 as never), 'odata', 'odata: raw() needs a non-empty string'],
  ])('%s', (_name, action, path, message) => {
    const error = errorOf(action);
    expect(error.path).toBe(path);
    expect(error.message).toBe(message);
  });

  it('writes integers plainly, -0 as 0, and large integers without exponent', () => {
    expect(odata.literal(-0)).toBe('0');
    expect(odata.literal(-42)).toBe('-42');
    expect(odata.literal(2 ** 53)).toBe('9007199254740992');
    expect(odata.literal(1e20)).toBe('100000000000000000000');
    expect(odata.literal(0.5)).toBe('0.5d');
  });
});
