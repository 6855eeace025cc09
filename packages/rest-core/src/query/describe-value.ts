/**
 * A short description of an unexpected value for error messages: strings are quoted, objects
 * and arrays are not printed (they might hold secrets).
 *
 * @example
 * ```ts
 * describeValue('x');  // '"x"'
 * describeValue({});   // 'an object'
 * describeValue(NaN);  // 'number NaN'
 * ```
 */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return JSON.stringify(value);
  return `${typeof value} ${String(value)}`;
}
