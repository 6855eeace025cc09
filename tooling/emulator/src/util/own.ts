/**
 * The own property `key` of `object`, or `undefined`: never an inherited member such as
 * `constructor`, `toString` or `__proto__`. For lookups keyed by request input (`fragmentType`,
 * query-language paths).
 */
export function ownValue(object: object, key: string): unknown {
  return Object.hasOwn(object, key) ? (object as Record<string, unknown>)[key] : undefined;
}
