/** A single query parameter value. `Date` becomes ISO 8601; `undefined` and `null` are dropped. */
export type QueryValue = string | number | boolean | Date | null | undefined;

/**
 * Query parameters: a record (arrays repeat the key: `{ k: ['a', 'b'] }` → `k=a&k=b`) or
 * `URLSearchParams`.
 */
export type QueryParams = Readonly<Record<string, QueryValue | readonly QueryValue[]>> | URLSearchParams;

function formatValue(value: Exclude<QueryValue, null | undefined>): string {
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

/**
 * Serialises query parameters in insertion order with `encodeURIComponent` (so `+` → `%2B`
 * and a space → `%20`, as Cumulocity expects). Returns `''` or a string starting with `?`.
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
    parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(formatValue(value))}`);
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
