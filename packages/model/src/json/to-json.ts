import { InvalidInputError } from '@c8y/rest-core';
import type { JsonValue } from './json-types.js';

/**
 * Deep-copies `input` into plain JSON, refusing what JSON cannot hold, with an
 * `InvalidInputError` naming the path: functions, symbols, bigints, `NaN`/`±Infinity`,
 * `undefined` inside arrays, cycles, and class instances without `toJSON()` (a `Map` would
 * silently become `{}`). Objects with `toJSON()` (a `Date`, a `@c8y/units` value, a luxon
 * `DateTime`, a model object) are converted through it. `undefined` object properties are
 * dropped, as `JSON.stringify` does. The input is never modified.
 *
 * @example
 * ```ts
 * toJson({ oil: new Liters(8.4), at: new Date(0) }, 'cx_Levels');
 * // { oil: { value: 8.4, unit: 'l' }, at: '1970-01-01T00:00:00.000Z' }
 * toJson({ f: () => 1 }, 'x'); // InvalidInputError: x.f: a function is not a JSON value
 * ```
 */
export function toJson(input: unknown, path: string): JsonValue {
  return convert(input, path, new Set(), '');
}

function convert(input: unknown, path: string, ancestors: Set<object>, key: string): JsonValue {
  switch (typeof input) {
    case 'string':
    case 'boolean':
      return input;
    case 'number':
      if (!Number.isFinite(input)) throw new InvalidInputError(`${String(input)} is not a JSON value (numbers must be finite)`, { path });
      return input;
    case 'undefined':
      throw new InvalidInputError('undefined is not a JSON value (use null, or leave the key out)', { path });
    case 'function':
    case 'symbol':
    case 'bigint':
      throw new InvalidInputError(`a ${typeof input} is not a JSON value`, { path });
  }
  if (input === null) return null;
  const object = input as object;
  if (ancestors.has(object)) throw new InvalidInputError('circular reference: the value contains itself', { path });
  ancestors.add(object);
  try {
    const toJSON = (object as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') return convert(toJSON.call(object, key), path, ancestors, key);
    if (Array.isArray(object)) {
      return object.map((item, index) => {
        const itemPath = `${path}[${index}]`;
        if (item === undefined) throw new InvalidInputError('undefined is not a JSON value inside an array (use null)', { path: itemPath });
        return convert(item, itemPath, ancestors, String(index));
      });
    }
    const prototype: unknown = Object.getPrototypeOf(object);
    if (prototype !== Object.prototype && prototype !== null) {
      const name = (object.constructor as { name?: string } | undefined)?.name ?? 'object';
      throw new InvalidInputError(`${/^[aeiou]/i.test(name) ? 'an' : 'a'} ${name} is not a JSON value (use a plain object, or give it a toJSON() method)`, { path });
    }
    const result: Record<string, JsonValue> = {};
    for (const [childKey, value] of Object.entries(object)) {
      if (value === undefined) continue;
      if (childKey === '__proto__') throw new InvalidInputError('"__proto__" is not allowed as a key', { path: joinKey(path, childKey) });
      result[childKey] = convert(value, joinKey(path, childKey), ancestors, childKey);
    }
    return result;
  } finally {
    ancestors.delete(object);
  }
}

function joinKey(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

/**
 * Refuses keys that would reach an object's prototype when used as a path segment.
 *
 * @example
 * ```ts
 * assertSafeKey('__proto__', 'init'); // InvalidInputError
 * ```
 */
export function assertSafeKey(key: string, path: string): void {
  if (key === '__proto__' || key === 'constructor' || key === 'prototype') {
    throw new InvalidInputError(`"${key}" is not allowed as a key`, { path: path === '' ? key : `${path}.${key}` });
  }
}
