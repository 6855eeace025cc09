import type { QueryParams } from '../client/query-string.js';

/**
 * Whether built parameters ask the server for a specific order — a `revert` flag, or an
 * `$orderby` in `query`/`q` — so that a concurrent engine must keep pages in server order
 * instead of completion order.
 *
 * @example
 * ```ts
 * impliesOrdering({ source: '1', revert: true });                 // true
 * impliesOrdering({ query: '$filter=(type eq \'x\') $orderby=name asc' }); // true
 * impliesOrdering({ type: 'x' });                                  // false
 * ```
 */
export function impliesOrdering(params: QueryParams): boolean {
  const entries: [string, unknown][] =
    params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params);
  return entries.some(([key, value]) => {
    if (key === 'revert') return value !== undefined && value !== null;
    if (key !== 'query' && key !== 'q') return false;
    const values: unknown[] = Array.isArray(value) ? value : [value];
    return values.some((item) => typeof item === 'string' && item.includes('$orderby='));
  });
}
