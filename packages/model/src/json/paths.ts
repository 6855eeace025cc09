import { InvalidInputError } from '@c8y/rest-core';
import { isJsonObject, type JsonObject, type JsonValue } from './json-types.js';

/**
 * A path into an object: a dotted string (`'c8y_Position.lat'`) or its segments
 * (`['my.odd key', 'x']`, for keys that contain a dot).
 *
 * @example
 * ```ts
 * device.get('c8y_Position.lat');
 * device.get(['c8y_Position', 'lat']);
 * ```
 */
export type JsonPath = string | readonly string[];

/**
 * Splits and checks a path: no empty segments (`'a..b'`, `'.a'`, `'a.'`, `''`), no
 * `__proto__`/`constructor`/`prototype`.
 *
 * @example
 * ```ts
 * parsePath('a.b');  // ['a', 'b']
 * parsePath('a..b'); // InvalidInputError: path: "a..b" has an empty segment
 * ```
 */
export function parsePath(path: JsonPath): string[] {
  if (typeof path !== 'string' && !Array.isArray(path)) {
    throw new InvalidInputError(`must be a dotted string or an array of keys, got ${typeof path}`, { path: 'path' });
  }
  const segments = typeof path === 'string' ? path.split('.') : [...path];
  if (segments.length === 0) throw new InvalidInputError('must not be empty', { path: 'path' });
  for (const segment of segments) {
    if (typeof segment !== 'string') throw new InvalidInputError(`${JSON.stringify(path)} has a segment that is not a string`, { path: 'path' });
    if (segment === '') throw new InvalidInputError(`${JSON.stringify(path)} has an empty segment`, { path: 'path' });
    if (segment === '__proto__' || segment === 'constructor' || segment === 'prototype') {
      throw new InvalidInputError(`${JSON.stringify(path)} uses the forbidden key "${segment}"`, { path: 'path' });
    }
  }
  return segments;
}

/**
 * The dotted form of segments, for messages.
 *
 * @example
 * ```ts
 * joinPath(['a', 'b']); // 'a.b'
 * ```
 */
export function joinPath(segments: readonly string[]): string {
  return segments.join('.');
}

/**
 * The value at `segments`, or `undefined`. Array elements are reached by index (`'list.0'`).
 *
 * @example
 * ```ts
 * getAt({ a: { b: [5] } }, ['a', 'b', '0']); // 5
 * ```
 */
export function getAt(document: JsonObject, segments: readonly string[]): JsonValue | undefined {
  let current: JsonValue | undefined = document;
  for (const segment of segments) {
    if (Array.isArray(current)) {
      current = /^(0|[1-9]\d*)$/.test(segment) ? current[Number(segment)] : undefined;
    } else if (isJsonObject(current)) {
      current = Object.hasOwn(current, segment) ? current[segment] : undefined;
    } else {
      return undefined;
    }
  }
  return current;
}

/**
 * Sets `value` at `segments`, creating missing objects on the way. An existing value on the way
 * that is not an object (a number, an array, `null`) is an `InvalidInputError`.
 *
 * @example
 * ```ts
 * const doc = {};
 * setAt(doc, ['a', 'b'], 1); // doc is { a: { b: 1 } }
 * ```
 */
export function setAt(document: JsonObject, segments: readonly string[], value: JsonValue): void {
  const parent = parentOf(document, segments, true);
  parent[segments[segments.length - 1] as string] = value;
}

/**
 * Removes the key at `segments`; `true` if it was there.
 *
 * @example
 * ```ts
 * deleteAt({ a: { b: 1 } }, ['a', 'b']); // true
 * ```
 */
export function deleteAt(document: JsonObject, segments: readonly string[]): boolean {
  const parent = parentOf(document, segments, false);
  const last = segments[segments.length - 1] as string;
  if (parent === undefined || !Object.hasOwn(parent, last)) return false;
  delete parent[last];
  return true;
}

function parentOf(document: JsonObject, segments: readonly string[], create: true): JsonObject;
function parentOf(document: JsonObject, segments: readonly string[], create: false): JsonObject | undefined;
function parentOf(document: JsonObject, segments: readonly string[], create: boolean): JsonObject | undefined {
  let current = document;
  for (let index = 0; index < segments.length - 1; index++) {
    const segment = segments[index] as string;
    const next = Object.hasOwn(current, segment) ? current[segment] : undefined;
    if (next === undefined) {
      if (!create) return undefined;
      const created: JsonObject = {};
      current[segment] = created;
      current = created;
    } else if (isJsonObject(next)) {
      current = next;
    } else {
      const where = joinPath(segments.slice(0, index + 1));
      throw new InvalidInputError(`cannot reach ${joinPath(segments)}: ${where} is ${describe(next)}, not an object`, {
        path: joinPath(segments),
      });
    }
  }
  return current;
}

function describe(value: JsonValue): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

/**
 * Merges `value` at `segments` into `target`, for constructor input with dotted keys: objects
 * merge, anything else set twice is an `InvalidInputError` (e.g. `{ a: 1, 'a.b': 2 }`).
 *
 * @example
 * ```ts
 * const doc = { a: { c: 2 } };
 * mergeAt(doc, ['a', 'b'], 1); // doc is { a: { c: 2, b: 1 } }
 * ```
 */
export function mergeAt(target: JsonObject, segments: readonly string[], value: JsonValue): void {
  mergeKey(parentOf(target, segments, true), segments, value);
}

function mergeKey(parent: JsonObject, segments: readonly string[], value: JsonValue): void {
  const last = segments[segments.length - 1] as string;
  const existing = Object.hasOwn(parent, last) ? parent[last] : undefined;
  if (existing === undefined) {
    parent[last] = value;
  } else if (isJsonObject(existing) && isJsonObject(value)) {
    for (const [key, item] of Object.entries(value)) mergeKey(existing, [...segments, key], item);
  } else {
    throw new InvalidInputError(`${joinPath(segments)} is given twice (as a dotted key and a nested key?)`, {
      path: joinPath(segments),
    });
  }
}
