import type { JsonObject, JsonValue } from './json-types.js';

/**
 * A deep copy of a JSON value (no validation: the input is already JSON).
 *
 * @example
 * ```ts
 * const copy = cloneJson({ a: { b: [1, 2] } });
 * ```
 */
export function cloneJson<T extends JsonValue | JsonObject>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((item) => cloneJson(item)) as T;
  const result: Record<string, JsonValue> = {};
  for (const [key, item] of Object.entries(value)) result[key] = cloneJson(item);
  return result as T;
}

/**
 * Structural equality of two JSON values (key order ignored, array order significant).
 *
 * @example
 * ```ts
 * jsonEqual({ a: 1, b: [2] }, { b: [2], a: 1 }); // true
 * ```
 */
export function jsonEqual(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((item, index) => jsonEqual(item, b[index]));
  }
  if (Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  if (aKeys.length !== Object.keys(b).length) return false;
  return aKeys.every((key) => Object.hasOwn(b, key) && jsonEqual(a[key], b[key]));
}
