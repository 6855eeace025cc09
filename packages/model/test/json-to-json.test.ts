import { describe, expect, it } from '@jest/globals';
import { Liters } from '@c8y/units';
import { ManagedObject, toJson } from '../src/index.js';
import { assertSafeKey } from '../src/json/to-json.js';
import { expectInvalidExactly } from './json-errors.js';

describe('toJson: values', () => {
  it('keeps strings, booleans, finite numbers and null', () => {
    expect(toJson('s', 'x')).toBe('s');
    expect(toJson(true, 'x')).toBe(true);
    expect(toJson(-0.5, 'x')).toBe(-0.5);
    expect(toJson(null, 'x')).toBeNull();
  });

  it('copies plain objects and arrays deeply, never modifying or aliasing the input', () => {
    const input = { a: { b: [1, { c: 'x' }] }, list: [null, 2] };
    const output = toJson(input, 'x') as { a: { b: [number, { c: string }] } };
    expect(output).toEqual({ a: { b: [1, { c: 'x' }] }, list: [null, 2] });
    expect(output.a).not.toBe(input.a);
    expect(output.a.b[1]).not.toBe(input.a.b[1]);
    expect(input).toEqual({ a: { b: [1, { c: 'x' }] }, list: [null, 2] });
  });

  it('drops undefined object properties at every level', () => {
    expect(toJson({ a: undefined, b: { c: undefined, d: 1 }, e: [{ f: undefined }] }, 'x')).toEqual({ b: { d: 1 }, e: [{}] });
  });

  it('converts a null-prototype object like a plain one, into a plain object', () => {
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { a: 1, nested: Object.assign(Object.create(null) as object, { b: 2 }) });
    const output = toJson(bare, 'x') as Record<string, unknown>;
    expect(output).toEqual({ a: 1, nested: { b: 2 } });
    expect(Object.getPrototypeOf(output)).toBe(Object.prototype);
  });

  it('allows "constructor" and "prototype" as keys of a value (the result is a fresh object)', () => {
    const output = toJson({ constructor: 1, prototype: { x: 2 } }, 'x') as Record<string, unknown>;
    expect(Object.entries(output)).toEqual([
      ['constructor', 1],
      ['prototype', { x: 2 }],
    ]);
  });
});

describe('toJson: toJSON()', () => {
  it('converts through toJSON(), and converts what it returns', () => {
    const input = { at: new Date(0), oil: new Liters(8.4), custom: { toJSON: () => ({ when: new Date(1000), list: [new Liters(1)] }) } };
    expect(toJson(input, 'x')).toEqual({
      at: '1970-01-01T00:00:00.000Z',
      oil: { value: 8.4, unit: 'l' },
      custom: { when: '1970-01-01T00:00:01.000Z', list: [{ value: 1, unit: 'l' }] },
    });
  });

  it('passes toJSON() the key like JSON.stringify: the property name, the array index as a string, "" at the top', () => {
    const keyed = { toJSON: (key: string) => `key:${key}` };
    const input = { a: keyed, list: [keyed, keyed], nested: { b: keyed } };
    const expected = { a: 'key:a', list: ['key:0', 'key:1'], nested: { b: 'key:b' } };
    expect(toJson(input, 'x')).toEqual(expected);
    expect(JSON.parse(JSON.stringify(input))).toEqual(expected);
    expect(toJson(keyed, 'x')).toBe('key:');
  });

  it('calls toJSON() on the object itself', () => {
    const withThis = {
      value: 3,
      toJSON(this: { value: number }) {
        return { doubled: this.value * 2 };
      },
    };
    expect(toJson({ w: withThis }, 'x')).toEqual({ w: { doubled: 6 } });
  });

  it('a toJSON() that returns its own object is a circular reference', () => {
    const selfish = {
      toJSON() {
        return this;
      },
    };
    expectInvalidExactly(() => toJson({ s: selfish }, 'x'), 'x.s', 'x.s: circular reference: the value contains itself');
  });
});

describe('toJson: what JSON cannot hold', () => {
  it('undefined itself, or from toJSON(), is refused with a hint', () => {
    const message = 'undefined is not a JSON value (use null, or leave the key out)';
    expectInvalidExactly(() => toJson(undefined, 'x'), 'x', `x: ${message}`);
    expectInvalidExactly(() => toJson({ v: { toJSON: () => undefined } }, 'x'), 'x.v', `x.v: ${message}`);
    expectInvalidExactly(() => new ManagedObject(undefined, { c8y_F: { v: { toJSON: () => undefined } } }), 'c8y_F.v', `c8y_F.v: ${message}`);
  });

  it('undefined inside an array is refused with its index', () => {
    expectInvalidExactly(
      () => toJson({ list: [[1, undefined]] }, 'x'),
      'x.list[0][1]',
      'x.list[0][1]: undefined is not a JSON value inside an array (use null)',
    );
  });

  it.each<[string, unknown, string]>([
    ['NaN', Number.NaN, 'NaN is not a JSON value (numbers must be finite)'],
    ['Infinity', Number.POSITIVE_INFINITY, 'Infinity is not a JSON value (numbers must be finite)'],
    ['-Infinity', Number.NEGATIVE_INFINITY, '-Infinity is not a JSON value (numbers must be finite)'],
    ['a function', () => 1, 'a function is not a JSON value'],
    ['a symbol', Symbol('s'), 'a symbol is not a JSON value'],
    ['a bigint', 1n, 'a bigint is not a JSON value'],
    ['a Map', new Map([['a', 1]]), 'a Map is not a JSON value (use a plain object, or give it a toJSON() method)'],
    ['a class instance', new (class Point {})(), 'a Point is not a JSON value (use a plain object, or give it a toJSON() method)'],
    // A prototype chain without a constructor gives no class name to show.
    ['an object without a constructor', Object.create(Object.create(null) as object), 'an object is not a JSON value (use a plain object, or give it a toJSON() method)'],
    ['an instance of a class whose name starts with a vowel', new (class Item {})(), 'an Item is not a JSON value (use a plain object, or give it a toJSON() method)'],
  ])('%s is refused with the path', (_, value, message) => {
    expectInvalidExactly(() => toJson({ v: value }, 'x'), 'x.v', `x.v: ${message}`);
    expectInvalidExactly(() => toJson([value], 'x'), 'x[0]', `x[0]: ${message}`);
  });

  it('an own "__proto__" key (as JSON.parse makes it) is refused with its path', () => {
    const parsed = JSON.parse('{"a": {"__proto__": {"polluted": true}}}') as unknown;
    expectInvalidExactly(() => toJson(parsed, 'x'), 'x.a.__proto__', 'x.a.__proto__: "__proto__" is not allowed as a key');
    expectInvalidExactly(() => toJson(parsed, ''), 'a.__proto__', 'a.__proto__: "__proto__" is not allowed as a key');
    expectInvalidExactly(() => toJson(JSON.parse('{"__proto__": 1}'), ''), '__proto__', '__proto__: "__proto__" is not allowed as a key');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('an error at the top of an empty path has no path prefix', () => {
    expectInvalidExactly(() => toJson(Number.NaN, ''), '', 'NaN is not a JSON value (numbers must be finite)');
  });
});

describe('assertSafeKey', () => {
  it.each(['__proto__', 'constructor', 'prototype'])('refuses %p, naming the key under the path', (key) => {
    expectInvalidExactly(() => assertSafeKey(key, ''), key, `${key}: "${key}" is not allowed as a key`);
    expectInvalidExactly(() => assertSafeKey(key, 'init'), `init.${key}`, `init.${key}: "${key}" is not allowed as a key`);
    expectInvalidExactly(() => assertSafeKey(key, 'a.b'), `a.b.${key}`, `a.b.${key}: "${key}" is not allowed as a key`);
  });

  it.each(['a', '', '__proto', 'Constructor', 'prototypes', 'proto__', 'toString'])('accepts %p', (key) => {
    expect(assertSafeKey(key, '')).toBeUndefined();
    expect(assertSafeKey(key, 'init')).toBeUndefined();
  });

  it('guards the top-level keys of an object constructor', () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const init = JSON.parse(`{"${key}": {"x": 1}}`) as Record<string, unknown>;
      expectInvalidExactly(() => new ManagedObject(undefined, init), key, `${key}: "${key}" is not allowed as a key`);
    }
  });
});
