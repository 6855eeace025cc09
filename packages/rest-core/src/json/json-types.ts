/**
 * A JSON value as Cumulocity sends and receives it.
 *
 * @example
 * ```ts
 * const value: JsonValue = { c8y_Position: { lat: 51.2, lng: 6.7 }, tags: ['a', 'b'] };
 * ```
 */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * A JSON object: a Cumulocity object, a fragment, one element of a collection. The one JSON
 * object type of the SDK (`@c8y/model` re-exports it).
 *
 * @example
 * ```ts
 * const mo: JsonObject = { id: '42', name: 'Pump', c8y_IsDevice: {} };
 * ```
 */
export interface JsonObject {
  [key: string]: JsonValue;
}

/**
 * Whether `value` is a JSON object (not an array, not `null`).
 *
 * @example
 * ```ts
 * isJsonObject({ a: 1 }); // true
 * isJsonObject([1]);      // false
 * ```
 */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Whether `value` is an object literal or parsed JSON (from any realm: a vm context, an iframe),
 * not a class instance, `Map` or array.
 * @internal
 * @example isPlainJson(JSON.parse('{"a":1}')) // true
 */
export function isPlainJson(value: unknown): value is JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value) as object | null;
  return prototype === null || Object.getPrototypeOf(prototype) === null;
}
