import { describe, expect, it } from '@jest/globals';
import { cloneJson, jsonEqual, type JsonValue } from '../src/index.js';

describe('cloneJson', () => {
  it('returns primitives and null as they are', () => {
    expect(cloneJson('text')).toBe('text');
    expect(cloneJson(0)).toBe(0);
    expect(cloneJson(false)).toBe(false);
    expect(cloneJson(null)).toBeNull();
  });

  it('copies objects and arrays at every level, sharing nothing with the input', () => {
    const input = { a: { b: [1, { c: 'x' }], n: null }, list: [[1], [2, 3]] };
    const copy = cloneJson(input);
    expect(copy).toEqual({ a: { b: [1, { c: 'x' }], n: null }, list: [[1], [2, 3]] });
    expect(copy).not.toBe(input);
    expect(copy.a).not.toBe(input.a);
    expect(copy.a.b).not.toBe(input.a.b);
    expect(copy.a.b[1]).not.toBe(input.a.b[1]);
    expect(copy.list[1]).not.toBe(input.list[1]);
    expect(Array.isArray(copy.list)).toBe(true);
    (copy.a.b[1] as { c: string }).c = 'changed';
    copy.list[1]?.push(4);
    expect(input).toEqual({ a: { b: [1, { c: 'x' }], n: null }, list: [[1], [2, 3]] });
  });
});

describe('jsonEqual', () => {
  it.each<[JsonValue | undefined, JsonValue | undefined]>([
    [1, 1],
    ['a', 'a'],
    [null, null],
    [undefined, undefined],
    [[], []],
    [{}, {}],
    [[1, [2, { a: 3 }]], [1, [2, { a: 3 }]]],
    [{ a: 1, b: [2], c: { d: null } }, { c: { d: null }, b: [2], a: 1 }],
  ])('%j equals %j', (a, b) => {
    expect(jsonEqual(a, b)).toBe(true);
    expect(jsonEqual(b, a)).toBe(true);
  });

  it.each<[JsonValue | undefined, JsonValue | undefined]>([
    [1, 2],
    [1, '1'],
    [0, false],
    [null, undefined],
    [null, {}],
    [null, []],
    [undefined, {}],
    ['', []],
    // an object is never an array, whatever its keys
    [{}, []],
    [{ 0: 1 }, [1]],
    [{ 0: 1, length: 1 }, [1]],
    // arrays: every element counts, order counts, length counts
    [[1, 2], [1, 3]],
    [[1, 2], [3, 2]],
    [[1, 2], [2, 1]],
    [[1], [1, 1]],
    [[], [null]],
    [[{ a: 1 }], [{ a: 2 }]],
    // objects: every key and value counts
    [{ a: 1 }, { a: 2 }],
    [{ a: 1 }, { b: 1 }],
    [{ a: 1 }, { a: 1, b: 2 }],
    [{ a: null }, {}],
    [{ a: { b: 1 } }, { a: { b: 1, c: 1 } }],
  ])('%j differs from %j', (a, b) => {
    expect(jsonEqual(a, b)).toBe(false);
    expect(jsonEqual(b, a)).toBe(false);
  });

  it('compares own keys only', () => {
    const inherited = Object.assign(Object.create({ a: 1 }) as Record<string, JsonValue>, { b: 1 });
    expect(jsonEqual({ a: 1 }, inherited)).toBe(false);
  });
});
