import { errors } from '../server/errors.js';
import type { QueryParams } from '../server/query.js';

/** Validated paging parameters of a request. */
export interface PageRequest {
  pageSize: number;
  /** 1-based page number (in restricted mode: the 1-based position to resume scanning at). */
  currentPage: number;
  withTotalPages: boolean;
  withTotalElements: boolean;
}

/** Limits the paging helper applies. */
export interface PagingLimits {
  defaultPageSize: number;
  maxPageSize: number;
}

function positiveInt(query: QueryParams, key: string, fallback: number, resource: string): number {
  const raw = query.get(key);
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw.trim()) || Number(raw) < 1)
    throw errors.invalidData(resource, `Invalid value '${raw}' of query parameter ${key}: must be a positive integer`);
  return Number(raw);
}

/**
 * Reads `pageSize` (default 5; above the maximum trimmed to it, as the spec says), `currentPage`
 * (default 1), `withTotalPages` and `withTotalElements`. Non-positive or non-integer values → 422.
 */
export function parsePageRequest(query: QueryParams, limits: PagingLimits, resource: string): PageRequest {
  return {
    pageSize: Math.min(positiveInt(query, 'pageSize', limits.defaultPageSize, resource), limits.maxPageSize),
    currentPage: positiveInt(query, 'currentPage', 1, resource),
    withTotalPages: query.bool('withTotalPages'),
    withTotalElements: query.bool('withTotalElements'),
  };
}

/**
 * Where a page comes from: an array, or a provider for areas with their own indexes, so only
 * the requested window is materialised. `count` is only called when totals are requested
 * (without it the helper counts by slicing everything).
 */
export interface PageProvider<T> {
  slice(offset: number, limit: number): readonly T[];
  count?(): number;
}

/** An array or a {@link PageProvider}. */
export type PageSource<T> = readonly T[] | PageProvider<T>;

/**
 * When the `next` link is emitted (normal mode):
 * - `full` (default): on every full page, as the platform does when it cannot know whether more
 *   data follows — the page after the last full one is an empty page without `next`;
 * - `exact`: only when another element exists (looks one element ahead);
 * - `always`: on every page, even empty ones.
 */
export type NextLinkPolicy = 'full' | 'exact' | 'always';

/** `statistics` of a collection response. */
export interface PageStatistics {
  currentPage: number;
  pageSize: number;
  totalPages?: number | null;
  totalElements?: number | null;
}

/** A collection envelope: `{self, <key>: [...], statistics, prev?, next?}`. */
export type CollectionEnvelope = Record<string, unknown> & {
  self: string;
  statistics: PageStatistics;
  next?: string;
  prev?: string;
};

/** Restricted-access paging settings (users whose read access comes from inventory roles only). */
export interface RestrictedScan {
  /** How many source elements one request may scan (platform: `10 * max(pageSize, 100)`). */
  scanWindow: number;
  /** Whether the element at 1-based `position` is readable by the user. */
  visible: (item: unknown, position: number) => boolean;
}

/** Everything {@link paginate} needs besides the data. */
export interface PagingInput {
  /** Absolute URL of the collection without query string (`http://host/inventory/managedObjects`). */
  baseUrl: string;
  query: QueryParams;
  page: PageRequest;
  nextLinks: NextLinkPolicy;
  /** Set to page in the restricted mode. */
  restricted?: RestrictedScan;
}

function sliceOf<T>(source: PageSource<T>, offset: number, limit: number): readonly T[] {
  return Array.isArray(source) ? source.slice(offset, offset + limit) : (source as PageProvider<T>).slice(offset, limit);
}

function countOf<T>(source: PageSource<T>): number {
  if (Array.isArray(source)) return source.length;
  const provider = source as PageProvider<T>;
  return provider.count ? provider.count() : provider.slice(0, Number.MAX_SAFE_INTEGER).length;
}

/**
 * The JSON text of an envelope whose `key` array holds items that are JSON text already: the same
 * text `JSON.stringify` gives for the envelope with those items parsed, without re-serialising them.
 */
export function envelopeJson(envelope: CollectionEnvelope, key: string): string {
  const members: string[] = [];
  for (const [name, value] of Object.entries(envelope)) {
    if (value === undefined) continue;
    const text = name === key ? `[${(value as readonly string[]).join(',')}]` : JSON.stringify(value);
    members.push(`${JSON.stringify(name)}:${text}`);
  }
  return `{${members.join(',')}}`;
}

function link(input: PagingInput, currentPage: number): string {
  return `${input.baseUrl}?${input.query.toString({ pageSize: input.page.pageSize, currentPage })}`;
}

/**
 * Builds one page of a collection.
 *
 * Normal mode: `currentPage` is a page number; `prev` on pages after the first; `next` per
 * {@link NextLinkPolicy}; totals only when requested.
 *
 * Restricted mode (spec "Query result paging for users with restricted access"): scanning starts
 * at the 1-based position `currentPage`, looks at no more than `scanWindow` elements, skips those
 * the user cannot see and stops when the page is full. `statistics.currentPage` is then the
 * position of the next element not yet processed and `next` points there; a page can hold fewer
 * than `pageSize` items while more exist, `next` appears whenever the scan did not reach the end
 * (even if nothing visible remains), and `totalPages`/`totalElements` are always `null`.
 */
export function paginate<T, R = T>(
  source: PageSource<T>,
  key: string,
  input: PagingInput,
  map: (item: T) => R = (item) => item as unknown as R,
): CollectionEnvelope {
  const { page } = input;
  if (input.restricted) return paginateRestricted(source, key, input, input.restricted, map);

  const offset = (page.currentPage - 1) * page.pageSize;
  const lookAhead = input.nextLinks === 'exact' ? 1 : 0;
  const window = sliceOf(source, offset, page.pageSize + lookAhead);
  const items = window.slice(0, page.pageSize);
  const hasNext =
    input.nextLinks === 'always' || (input.nextLinks === 'exact' ? window.length > page.pageSize : items.length === page.pageSize);

  const statistics: PageStatistics = { currentPage: page.currentPage, pageSize: page.pageSize };
  if (page.withTotalPages || page.withTotalElements) {
    const total = countOf(source);
    if (page.withTotalPages) statistics.totalPages = Math.ceil(total / page.pageSize);
    if (page.withTotalElements) statistics.totalElements = total;
  }
  const envelope: CollectionEnvelope = { self: link(input, page.currentPage), [key]: items.map(map), statistics };
  if (page.currentPage > 1) envelope.prev = link(input, page.currentPage - 1);
  if (hasNext) envelope.next = link(input, page.currentPage + 1);
  return envelope;
}

function paginateRestricted<T, R>(
  source: PageSource<T>,
  key: string,
  input: PagingInput,
  restricted: RestrictedScan,
  map: (item: T) => R,
): CollectionEnvelope {
  const { page } = input;
  const start = page.currentPage;
  const scanned = sliceOf(source, start - 1, restricted.scanWindow);
  const items: T[] = [];
  let processed = 0;
  for (const item of scanned) {
    processed++;
    if (restricted.visible(item, start + processed - 1)) items.push(item);
    if (items.length === page.pageSize) break;
  }
  const nextPosition = start + processed;
  const reachedEnd = scanned.length < restricted.scanWindow && processed === scanned.length && items.length < page.pageSize;
  const envelope: CollectionEnvelope = {
    self: link(input, start),
    [key]: items.map(map),
    statistics: { currentPage: nextPosition, pageSize: page.pageSize, totalPages: null, totalElements: null },
  };
  if (start > 1) envelope.prev = link(input, Math.max(1, start - restricted.scanWindow));
  if (!reachedEnd) envelope.next = link(input, nextPosition);
  return envelope;
}
