/**
 * Option keys that steer paging and result handling and are never sent as filters. The paging
 * engine takes them out of the caller's options (see {@link splitReservedKeys}) before it calls
 * {@link buildQueryParams}, which rejects them so the two cannot silently disagree.
 *
 * - `limit`: how many items in total (`null`/omitted = all)
 * - `pageSize`, `currentPage`: set by the engine on each request
 * - `workers`: concurrent page requests
 * - `asValues`: return values/tuples instead of objects
 * - `signal`: an `AbortSignal`
 *
 * @example
 * ```ts
 * RESERVED_QUERY_KEYS.includes('limit'); // true
 * ```
 */
export const RESERVED_QUERY_KEYS = ['limit', 'pageSize', 'workers', 'asValues', 'currentPage', 'signal'] as const;

/**
 * One of {@link RESERVED_QUERY_KEYS}.
 * @example const key: ReservedQueryKey = 'workers';
 */
export type ReservedQueryKey = (typeof RESERVED_QUERY_KEYS)[number];

const reserved: ReadonlySet<string> = new Set(RESERVED_QUERY_KEYS);

/**
 * Whether `key` is a paging/engine option rather than a filter.
 *
 * @example
 * ```ts
 * isReservedQueryKey('pageSize'); // true
 * isReservedQueryKey('type');     // false
 * ```
 */
export function isReservedQueryKey(key: string): key is ReservedQueryKey {
  return reserved.has(key);
}

/**
 * Splits caller options into the engine's reserved options and the filters.
 * Neither input nor outputs are shared: both results are fresh objects.
 *
 * @example
 * ```ts
 * const { reserved, filters } = splitReservedKeys({ type: 'c8y_Device', limit: 10, workers: 4 });
 * // reserved: { limit: 10, workers: 4 }   filters: { type: 'c8y_Device' }
 * ```
 */
export function splitReservedKeys<T extends object>(
  options: T,
): { reserved: Partial<Record<ReservedQueryKey, unknown>>; filters: Omit<T, ReservedQueryKey> } {
  const picked: Partial<Record<ReservedQueryKey, unknown>> = {};
  const filters: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options)) {
    if (isReservedQueryKey(key)) picked[key] = value;
    else filters[key] = value;
  }
  return { reserved: picked, filters: filters as Omit<T, ReservedQueryKey> };
}
