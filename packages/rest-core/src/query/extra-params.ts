import type { QueryParams } from '../client/query-string.js';
import { InvalidInputError } from '../errors/invalid-input-error.js';
import type { QueryRecord, QueryScalar } from './query-record.js';

/**
 * The filter parameters plus the caller's extra parameters (`options.params`, sent unchanged).
 * A parameter set both ways is an `InvalidInputError`: one would silently override the other.
 *
 * @example
 * ```ts
 * withExtraParams({ source: '1' }, { withFirstOccurrence: true }); // { source: '1', withFirstOccurrence: true }
 * withExtraParams({ source: '1' }, { source: '2' });               // throws: params.source …
 * ```
 */
export function withExtraParams(params: QueryRecord, extra: QueryParams | undefined): QueryRecord {
  if (extra === undefined) return params;
  if (typeof extra !== 'object' || extra === null || Array.isArray(extra)) {
    throw new InvalidInputError('expected an object of query parameters', { path: 'params' });
  }
  const entries: Array<[string, unknown]> =
    extra instanceof URLSearchParams ? [...new Set(extra.keys())].map((key) => [key, extra.getAll(key)]) : Object.entries(extra);
  const merged: Record<string, unknown> = { ...params };
  for (const [key, value] of entries) {
    if (value === undefined || value === null) continue;
    if (PAGING.has(key)) throw new InvalidInputError('is set by the paging engine: use the paging options instead', { path: `params.${key}` });
    if (Object.hasOwn(params, key)) throw new InvalidInputError(`'${key}' is also set by the filters: give it once`, { path: `params.${key}` });
    merged[key] = Array.isArray(value) ? value.filter((item: unknown) => item !== undefined && item !== null).map((item: unknown) => scalar(item, key)) : scalar(value, key);
  }
  return merged as QueryRecord;
}

function scalar(value: unknown, key: string): QueryScalar {
  if (typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) return value;
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
  throw new InvalidInputError('expected a string, a finite number, a boolean or a valid Date', { path: `params.${key}` });
}

const PAGING: ReadonlySet<string> = new Set(['pageSize', 'currentPage', 'withTotalPages', 'withTotalElements']);
