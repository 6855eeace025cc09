import { InvalidInputError } from '../errors/invalid-input-error.js';
import { encodeComponent } from './api-path.js';

/** A single query parameter value. `Date` becomes ISO 8601; `undefined` and `null` are dropped. */
export type QueryValue = string | number | boolean | Date | null | undefined;

/**
 * Query parameters: a record (arrays repeat the key: `{ k: ['a', 'b'] }` → `k=a&k=b`) or
 * `URLSearchParams`.
 */
export type QueryParams = Readonly<Record<string, QueryValue | readonly QueryValue[]>> | URLSearchParams;

function formatValue(value: Exclude<QueryValue, null | undefined>, path: string): string {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new InvalidInputError('is an invalid Date', { path });
    return value.toISOString();
  }
  return String(value);
}

/**
 * Serialises query parameters in insertion order with `encodeURIComponent` (so `+` → `%2B`
 * and a space → `%20`, as Cumulocity expects). Returns `''` or a string starting with `?`.
 * A key or value with a lone UTF-16 surrogate is an `InvalidInputError` naming `params.<key>`.
 *
 * @example
 * ```ts
 * toQueryString({ type: 'c8y_Device', ids: ['1', '2'], withParents: true, x: undefined });
 * // '?type=c8y_Device&ids=1&ids=2&withParents=true'
 * ```
 */
export function toQueryString(params: QueryParams | undefined): string {
  if (params === undefined) return '';
  const parts: string[] = [];
  const add = (key: string, value: QueryValue) => {
    if (value === undefined || value === null) return;
    const path = `params.${key}`;
    parts.push(`${encodeComponent(key, path)}=${encodeComponent(formatValue(value, path), path)}`);
  };
  if (params instanceof URLSearchParams) {
    params.forEach((value, key) => add(key, value));
  } else {
    for (const [key, value] of Object.entries(params)) {
      if (Array.isArray(value)) for (const item of value as readonly QueryValue[]) add(key, item);
      else add(key, value as QueryValue);
    }
  }
  return parts.length === 0 ? '' : `?${parts.join('&')}`;
}
