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
 * A JSON object (a Cumulocity object, a fragment).
 *
 * @example
 * ```ts
 * const fragment: JsonObject = { lat: 51.2, lng: 6.7 };
 * ```
 */
export interface JsonObject {
  [key: string]: JsonValue;
}

/**
 * Whether `value` is a plain JSON object (not an array, not `null`).
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
