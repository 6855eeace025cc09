import { InvalidInputError } from '../errors/invalid-input-error.js';
import { describeValue } from './describe-value.js';

/**
 * Cumulocity's largest page (`pageSize` is trimmed to this server-side).
 * @example effectivePageSize({ pageSize: MAX_PAGE_SIZE }) // 2000
 */
export const MAX_PAGE_SIZE = 2000;
/**
 * The page size used when neither the caller nor the resource names one.
 * @example effectivePageSize({}) === DEFAULT_PAGE_SIZE // true
 */
export const DEFAULT_PAGE_SIZE = 1000;

/**
 * Input of {@link effectivePageSize}.
 * @example const options: PageSizeOptions = { limit: 250, pageSize: 100 };
 */
export interface PageSizeOptions {
  /** Items still wanted: `null`/`undefined`/`Infinity` = all, otherwise an integer ≥ 0. */
  limit?: number | null;
  /** The caller's page size: an integer 1…2000. */
  pageSize?: number;
  /** The resource's default page size (1…2000). @default DEFAULT_PAGE_SIZE */
  defaultPageSize?: number;
}

function checkPageSize(value: number | undefined, path: string): void {
  if (value === undefined) return;
  if (!Number.isInteger(value) || value < 1 || value > MAX_PAGE_SIZE) {
    throw new InvalidInputError(`must be an integer from 1 to ${MAX_PAGE_SIZE}, got ${describeValue(value)}`, { path });
  }
}

/**
 * The `pageSize` to request: `min(pageSize ?? defaultPageSize, limit, 2000)` — never larger
 * than needed. `0` when `limit` is 0 (nothing to fetch: send no request). The engine calls it
 * with the **remaining** limit before each page.
 *
 * @throws InvalidInputError naming `pageSize`, `limit` or `defaultPageSize` when out of range.
 *
 * @example
 * ```ts
 * effectivePageSize({});                                   // 1000
 * effectivePageSize({ limit: 10 });                        // 10
 * effectivePageSize({ limit: 10, pageSize: 3 });           // 3
 * effectivePageSize({ limit: null, pageSize: 100 });       // 100
 * effectivePageSize({ limit: 5000, defaultPageSize: 5 });  // 5
 * effectivePageSize({ pageSize: 5000 });                   // throws InvalidInputError "pageSize: …"
 * ```
 */
export function effectivePageSize(options: PageSizeOptions = {}): number {
  const { limit, pageSize, defaultPageSize = DEFAULT_PAGE_SIZE } = options;
  checkPageSize(pageSize, 'pageSize');
  checkPageSize(defaultPageSize, 'defaultPageSize');
  if (limit !== null && limit !== undefined && limit !== Number.POSITIVE_INFINITY && (!Number.isInteger(limit) || limit < 0)) {
    throw new InvalidInputError(`must be null (everything) or an integer ≥ 0, got ${describeValue(limit)}`, { path: 'limit' });
  }
  return Math.min(pageSize ?? defaultPageSize, limit ?? Number.POSITIVE_INFINITY, MAX_PAGE_SIZE);
}
