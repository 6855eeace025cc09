import type { CallOptions } from '../client/options.js';
import type { QuerySpec } from '../query/query-spec.js';
import type { ResourceDescriptor } from '../resource/resource-descriptor.js';
import type { AsValues } from './as-values.js';
import type { JsonObject } from '../json/json-types.js';

export type { JsonObject } from '../json/json-types.js';

/**
 * A resource the paging engine can read: a {@link ResourceDescriptor} plus how its filters map
 * to query parameters (required: without its spec a resource's aliases such as `after` would be
 * sent unchanged and ignored by the server) and its default page size.
 *
 * @example
 * ```ts
 * const events: PagedResource = { ...Resources.event, querySpec: defineQuery<DateRangeFilters & { source?: IdLike; type?: string }>({ resource: 'events', ranges: ['time'], ids: ['source'] }) };
 * ```
 */
export interface PagedResource extends ResourceDescriptor {
  /** How filter objects become query parameters (aliases, dates, ids, fixed criteria). */
  readonly querySpec: QuerySpec;
  /** The page size when the caller names none (1…2000). @default 1000 */
  readonly defaultPageSize?: number;
  /**
   * The key each element wraps its item in, for reference collections such as a managed
   * object's children (`{ references: [{ managedObject: {…} }] }` → `'managedObject'`). Items are
   * unwrapped before `map` and `asValues`. @default items are the elements
   */
  readonly itemKey?: string;
  /**
   * `false` for a collection the API does not page (it documents no `pageSize`/`currentPage`, e.g.
   * an object's external ids): one request without paging parameters, trimmed to `limit`.
   * @default true
   */
  readonly paged?: boolean;
}

/**
 * A filter object, or a raw query expression (`"type=x&source=1"`, `"$filter=name eq 'x'"`).
 *
 * @example
 * ```ts
 * const byObject: PagingQuery = { source: '42', maxAge: '1d' };
 * const raw: PagingQuery = "q=$filter=name eq 'M01' $orderby=lastUpdated";
 * ```
 */
export type PagingQuery = string | object | undefined;

/**
 * `statistics` of a collection reply, as the server sent it. Under normal paging `currentPage`
 * is the page number; for users with only inventory roles it is the offset of the next
 * element not yet processed, and the totals are `null`.
 *
 * @example
 * ```ts
 * const stats: PageStatistics = { currentPage: 2, pageSize: 100 };
 * ```
 */
export interface PageStatistics {
  readonly currentPage?: number;
  readonly pageSize?: number;
  readonly totalPages?: number | null;
  readonly totalElements?: number | null;
}

/**
 * One page of a collection, as {@link PagedIterable.byPage} yields it.
 *
 * @example
 * ```ts
 * for await (const page of select(client, events, { type: 'x' }).byPage()) {
 *   console.log(page.pageNumber, page.items.length, page.statistics?.pageSize);
 * }
 * ```
 */
export interface Page<T> {
  /** The page's items (mapped, or values under `asValues`), trimmed to `limit`. */
  readonly items: T[];
  /** The reply's `statistics`, if it had them. */
  readonly statistics: PageStatistics | undefined;
  /** The page number requested (normal paging); `undefined` in restricted mode. */
  readonly pageNumber: number | undefined;
  /** Restricted mode: the offset (`currentPage`) this page was requested at; otherwise `undefined`. */
  readonly offset: number | undefined;
  /** Whether the server pages this user by offsets (users with only inventory roles). */
  readonly restricted: boolean;
  /** The reply's `self` link, if any. */
  readonly self: string | undefined;
  /** The reply's `next` link, if any. */
  readonly next: string | undefined;
}

/**
 * What `select` returns: iterate it for items, `byPage()` for pages, `toArray()` for an array.
 * Each iteration starts a fresh read of the collection; breaking out of `for await` cancels the
 * requests still in flight.
 *
 * @example
 * ```ts
 * const eventSpec = defineQuery<DateRangeFilters & { source?: IdLike; type?: string }>({ resource: 'events', ranges: ['time'], ids: ['source'] });
 * const events = select(client, { ...Resources.event, querySpec: eventSpec }, { source: '42' }, { limit: 500, workers: 4 });
 * for await (const event of events) console.log(event.id);
 * for await (const page of events.byPage()) console.log(page.items.length);
 * const all = await events.toArray();
 * ```
 */
export interface PagedIterable<T> extends AsyncIterable<T> {
  [Symbol.asyncIterator](): AsyncIterableIterator<T>;
  /** Iterates pages instead of items. */
  byPage(): AsyncIterableIterator<Page<T>>;
  /** Reads everything `limit` allows into an array. */
  toArray(): Promise<T[]>;
}

/**
 * Options of every call that turns filters into a query: {@link CallOptions} plus the clock for
 * relative dates and ages.
 *
 * @example
 * ```ts
 * const options: FilterOptions = { now: new Date('2025-06-15T12:00:00Z'), signal };
 * ```
 */
export interface FilterOptions extends CallOptions {
  /** The clock for relative dates and ages in filters (`maxAge: '1d'`, `'today'`). @default new Date() */
  now?: Date;
}

/**
 * Paging options that may also be given inside a filter object (`{ type: 'x', limit: 10 }`);
 * giving one in both places is an `InvalidInputError`.
 *
 * @example
 * ```ts
 * const inline: InlinePagingOptions = { limit: 100, pageSize: 50, workers: 4 };
 * ```
 */
export interface InlinePagingOptions {
  /** How many items in total: omitted or `null` = everything. */
  limit?: number | null;
  /** Items per request (1…2000). Never larger than `limit`. @default the resource's, else 1000 */
  pageSize?: number;
  /** The page to start at (1-based). @default 1 */
  currentPage?: number;
  /** Page requests in flight at once (also the most pages held in memory). @default 1 */
  workers?: number;
  /** Values or tuples instead of objects: `'path'` or `['p1', ['p2', default], …]`. */
  asValues?: AsValues;
}

/**
 * Paging and result options of `select` and `getAll` (also of the resource APIs).
 * `signal` aborts every request in flight and the iteration rejects with its reason; the other
 * {@link CallOptions} apply to every page request.
 *
 * @example
 * ```ts
 * const options: PagingOptions = { limit: null, pageSize: 500, workers: 8, signal: AbortSignal.timeout(60_000) };
 * ```
 */
export interface PagingOptions extends FilterOptions, InlinePagingOptions {
  /**
   * Keep server order (`true`) or yield pages as they arrive (`false`). @default detected: `true`
   * when the query has `revert`, `ascending` or an `$orderby` in `query`/`q`.
   */
  ordered?: boolean;
}

/**
 * {@link PagingOptions} plus `map`, which builds each item (the free functions `select` and
 * `getAll`; resource APIs build their model objects themselves).
 *
 * @example
 * ```ts
 * const options: SelectOptions<ManagedObject> = { workers: 8, map: (json) => ManagedObject.fromJSON(client, json) };
 * ```
 */
export interface SelectOptions<T = JsonObject> extends PagingOptions {
  /** Builds each item from its JSON (e.g. a model object). Skipped under `asValues`. @default the raw JSON */
  map?: (json: JsonObject) => T;
}

/**
 * Options of `count`.
 *
 * @example
 * ```ts
 * await count(client, { ...Resources.alarm, querySpec: alarmQuery }, { status: 'ACTIVE' }, { signal });
 * ```
 */
export interface CountOptions extends FilterOptions {
  /**
   * When the server gives no total (users with only inventory roles get `null` totals): `'error'`
   * throws a `ResponseFormatError`, `'iterate'` counts by reading every page. @default 'error'
   */
  withoutTotals?: 'error' | 'iterate';
}
