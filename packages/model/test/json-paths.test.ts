import { describe, expect, it } from '@jest/globals';
import { ManagedObject, deleteAt, getAt, parsePath, setAt, type JsonObject, type JsonPath } from '../src/index.js';
import { joinPath, mergeAt } from '../src/json/paths.js';
import { expectInvalidExactly } from './json-errors.js';

describe('parsePath', () => {
  it('splits a dotted string and copies a segment array', () => {
    expect(parsePath('a')).toEqual(['a']);
    expect(parsePath('c8y_Position.lat')).toEqual(['c8y_Position', 'lat']);
    const segments = ['my.odd key', 'x'];
    const parsed = parsePath(segments);
    expect(parsed).toEqual(['my.odd key', 'x']);
    expect(parsed).not.toBe(segments);
  });

  it.each<[unknown, string]>([
    [5, 'number'],
    [undefined, 'undefined'],
    [null, 'object'],
    [{ 0: 'a', length: 1 }, 'object'],
    [new Set(['a']), 'object'],
    [Symbol('a'), 'symbol'],
  ])('refuses %p, which is neither a string nor an array, with an InvalidInputError', (path, type) => {
    expectInvalidExactly(() => parsePath(path as JsonPath), 'path', `path: must be a dotted string or an array of keys, got ${type}`);
  });

  it('a JavaScript caller passing a number to get/set/has/unset gets the same InvalidInputError', () => {
    const obj = new ManagedObject(undefined, { a: 1 });
    const message = 'path: must be a dotted string or an array of keys, got number';
    expectInvalidExactly(() => obj.get(0 as unknown as JsonPath), 'path', message);
    expectInvalidExactly(() => obj.set(0 as unknown as JsonPath, 1), 'path', message);
    expectInvalidExactly(() => obj.has(0 as unknown as JsonPath), 'path', message);
    expectInvalidExactly(() => obj.unset(0 as unknown as JsonPath), 'path', message);
  });

  it('refuses a segment that is not a string', () => {
    expectInvalidExactly(() => parsePath(['a', 5] as unknown as string[]), 'path', 'path: ["a",5] has a segment that is not a string');
    expectInvalidExactly(() => parsePath([null] as unknown as string[]), 'path', 'path: [null] has a segment that is not a string');
  });

  it('refuses no segments at all, and empty segments', () => {
    expectInvalidExactly(() => parsePath([]), 'path', 'path: must not be empty');
    expectInvalidExactly(() => parsePath(''), 'path', 'path: "" has an empty segment');
    expectInvalidExactly(() => parsePath('a..b'), 'path', 'path: "a..b" has an empty segment');
    expectInvalidExactly(() => parsePath(['a', '']), 'path', 'path: ["a",""] has an empty segment');
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses the key %p anywhere in the path, naming it', (key) => {
    expectInvalidExactly(() => parsePath(key), 'path', `path: "${key}" uses the forbidden key "${key}"`);
    expectInvalidExactly(() => parsePath(`a.${key}.b`), 'path', `path: "a.${key}.b" uses the forbidden key "${key}"`);
    expectInvalidExactly(() => parsePath(['x.y', key]), 'path', `path: ["x.y","${key}"] uses the forbidden key "${key}"`);
  });

  it('keys that only resemble the forbidden ones are fine', () => {
    expect(parsePath('__proto.Constructor.prototypes.proto')).toEqual(['__proto', 'Constructor', 'prototypes', 'proto']);
  });
});

describe('joinPath', () => {
  it('joins segments with dots', () => {
    expect(joinPath(['a', 'b', 'c'])).toBe('a.b.c');
    expect(joinPath(['only'])).toBe('only');
    expect(joinPath([])).toBe('');
  });
});

describe('getAt', () => {
  const list = Array.from({ length: 12 }, (_, index) => index * 10);
  const doc: JsonObject = { list, nested: { a: { b: 'deep' } }, n: null, s: 'text', zero: 0, objects: [{ v: 1 }, { v: 2 }] };

  it('walks objects and arrays; no segments is the document itself', () => {
    expect(getAt(doc, [])).toBe(doc);
    expect(getAt(doc, ['nested', 'a', 'b'])).toBe('deep');
    expect(getAt(doc, ['nested', 'a'])).toEqual({ b: 'deep' });
    expect(getAt(doc, ['n'])).toBeNull();
    expect(getAt(doc, ['zero'])).toBe(0);
    expect(getAt(doc, ['objects', '1', 'v'])).toBe(2);
  });

  it('reads array elements by any canonical index, multi-digit ones included', () => {
    expect(getAt(doc, ['list', '0'])).toBe(0);
    expect(getAt(doc, ['list', '9'])).toBe(90);
    expect(getAt(doc, ['list', '10'])).toBe(100);
    expect(getAt(doc, ['list', '11'])).toBe(110);
    expect(getAt(doc, ['list', '12'])).toBeUndefined();
  });

  it.each(['01', '00', '-1', '+1', ' 1', '1 ', '1e0', '0x1', '1a', 'a1', 'length', 'at', ''])('%p is not an array index', (segment) => {
    expect(getAt(doc, ['list', segment])).toBeUndefined();
  });

  it('a path through a primitive or null reaches nothing (not even a string length)', () => {
    expect(getAt(doc, ['s', 'length'])).toBeUndefined();
    expect(getAt(doc, ['s', '0'])).toBeUndefined();
    expect(getAt(doc, ['zero', 'x'])).toBeUndefined();
    expect(getAt(doc, ['n', 'x'])).toBeUndefined();
    expect(getAt(doc, ['list', '1', 'x'])).toBeUndefined();
    expect(getAt(doc, ['nested', 'a', 'b', 'c', 'd'])).toBeUndefined();
  });

  it('reads own keys only', () => {
    expect(getAt(doc, ['toString'])).toBeUndefined();
    expect(getAt(doc, ['nested', 'hasOwnProperty'])).toBeUndefined();
    expect(getAt(doc, ['missing', 'x'])).toBeUndefined();
  });

  it('is what get() and has() of an object read', () => {
    const obj = ManagedObject.fromJSON(undefined, { id: '1', list, s: 'text' });
    expect(obj.get('list.11')).toBe(110);
    expect(obj.has('list.10')).toBe(true);
    expect(obj.has('s.length')).toBe(false);
    expect(obj.get('s.length', -1)).toBe(-1);
  });
});

describe('setAt', () => {
  it('sets a value, creating the missing objects on the way', () => {
    const doc: JsonObject = { keep: 1, a: { other: true } };
    setAt(doc, ['a', 'b', 'c'], 5);
    setAt(doc, ['top'], [1]);
    expect(doc).toEqual({ keep: 1, a: { other: true, b: { c: 5 } }, top: [1] });
  });

  it('replaces an existing value', () => {
    const doc: JsonObject = { a: { b: { old: 1 } } };
    setAt(doc, ['a', 'b'], null);
    expect(doc).toEqual({ a: { b: null } });
  });

  it.each<[string, JsonObject, string[], string]>([
    ['a number', { a: { b: 1 } }, ['a', 'b', 'c', 'd'], 'a.b.c.d: cannot reach a.b.c.d: a.b is a number, not an object'],
    ['a string', { a: { b: { c: 'x' } } }, ['a', 'b', 'c', 'd'], 'a.b.c.d: cannot reach a.b.c.d: a.b.c is a string, not an object'],
    ['a boolean', { a: false }, ['a', 'b'], 'a.b: cannot reach a.b: a is a boolean, not an object'],
    ['null', { a: null }, ['a', 'b'], 'a.b: cannot reach a.b: a is null, not an object'],
    ['null deeper', { a: { b: null } }, ['a', 'b', 'c'], 'a.b.c: cannot reach a.b.c: a.b is null, not an object'],
    ['an array', { a: { list: [{}] } }, ['a', 'list', '0', 'x'], 'a.list.0.x: cannot reach a.list.0.x: a.list is an array, not an object'],
  ])('refuses to go through %s, naming the full path and where it stops', (_, doc, segments, message) => {
    const before = structuredClone(doc);
    expectInvalidExactly(() => setAt(doc, segments, 1), segments.join('.'), message);
    expect(doc).toEqual(before);
  });
});

describe('deleteAt', () => {
  it('removes an existing key and says so', () => {
    const doc: JsonObject = { a: { b: 1, c: 2 }, top: null };
    expect(deleteAt(doc, ['a', 'b'])).toBe(true);
    expect(deleteAt(doc, ['top'])).toBe(true);
    expect(doc).toEqual({ a: { c: 2 } });
  });

  it('a missing key is false and changes nothing', () => {
    const doc: JsonObject = { a: {} };
    expect(deleteAt(doc, ['a', 'b'])).toBe(false);
    expect(deleteAt(doc, ['x'])).toBe(false);
    expect(deleteAt(doc, ['a', 'toString'])).toBe(false);
    expect(doc).toEqual({ a: {} });
  });

  it('a missing parent is false and creates nothing on the way', () => {
    const doc: JsonObject = { a: {} };
    expect(deleteAt(doc, ['x', 'y'])).toBe(false);
    expect(deleteAt(doc, ['a', 'b', 'c', 'd'])).toBe(false);
    expect(doc).toEqual({ a: {} });
    expect(Object.keys(doc.a as JsonObject)).toEqual([]);
  });
});

describe('mergeAt', () => {
  it('sets a missing value and merges objects key by key', () => {
    const doc: JsonObject = { a: { c: 2, deep: { x: 1 } } };
    mergeAt(doc, ['a', 'b'], 1);
    mergeAt(doc, ['a'], { deep: { y: 2 }, d: [3] });
    mergeAt(doc, ['new', 'path'], { z: null });
    expect(doc).toEqual({ a: { c: 2, b: 1, deep: { x: 1, y: 2 }, d: [3] }, new: { path: { z: null } } });
  });

  it('refuses a value given twice, naming the innermost clash', () => {
    expectInvalidExactly(
      () => mergeAt({ a: { b: { c: 1 } } }, ['a'], { b: { c: 2 } }),
      'a.b.c',
      'a.b.c: a.b.c is given twice (as a dotted key and a nested key?)',
    );
    expectInvalidExactly(() => mergeAt({ a: [1] }, ['a'], [1]), 'a', 'a: a is given twice (as a dotted key and a nested key?)');
    expectInvalidExactly(() => mergeAt({ a: { b: 1 } }, ['a'], 1), 'a', 'a: a is given twice (as a dotted key and a nested key?)');
  });
});
