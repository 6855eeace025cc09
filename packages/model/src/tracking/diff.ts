import { cloneJson, jsonEqual } from '../json/clone.js';
import type { JsonObject } from '../json/json-types.js';

/**
 * What changed from `source` to `current`, as a Cumulocity partial-update body. Cumulocity
 * updates per top-level fragment (a fragment in a PUT body replaces the stored fragment), so:
 * a top-level key whose value differs in any way (nested edits included) is sent with its whole
 * new value; a key removed locally is sent as `null` (Cumulocity's "remove this fragment"); an
 * unchanged key is left out. Arrays are compared and sent whole. Keys in `exclude` (read-only
 * fields) never appear.
 *
 * @example
 * ```ts
 * diffFragments({ name: 'a', c8y_F: { a: 1, b: 2 }, c8y_G: 5 }, { name: 'a', c8y_F: { a: 10, b: 2 } });
 * // { c8y_F: { a: 10, b: 2 }, c8y_G: null }
 * ```
 */
export function diffFragments(source: JsonObject, current: JsonObject, exclude: ReadonlySet<string> = new Set()): JsonObject {
  const diff: JsonObject = {};
  for (const [key, value] of Object.entries(current)) {
    if (exclude.has(key)) continue;
    if (!Object.hasOwn(source, key) || !jsonEqual(source[key], value)) diff[key] = cloneJson(value);
  }
  for (const key of Object.keys(source)) {
    if (!exclude.has(key) && !Object.hasOwn(current, key)) diff[key] = null;
  }
  return diff;
}

/**
 * Applies a diff made by {@link diffFragments} to a copy of `source` (`null` removes the key).
 *
 * @example
 * ```ts
 * applyFragments({ a: 1, b: 2 }, { a: 3, b: null }); // { a: 3 }
 * ```
 */
export function applyFragments(source: JsonObject, diff: JsonObject): JsonObject {
  const result = cloneJson(source);
  for (const [key, value] of Object.entries(diff)) {
    if (value === null) delete result[key];
    else result[key] = cloneJson(value);
  }
  return result;
}
