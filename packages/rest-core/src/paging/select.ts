import type { RestClient } from '../client/rest-client-interface.js';
import { isJsonObject } from '../json/json-types.js';
import { InvalidInputError } from '../errors/invalid-input-error.js';
import { ResponseFormatError } from '../errors/response-format-error.js';
import { buildQueryParams } from '../query/build.js';
import { impliesOrdering } from '../query/ordering.js';
import { effectivePageSize, MAX_PAGE_SIZE } from '../query/page-size.js';
import type { QueryRecord } from '../query/query-record.js';
import { withExtraParams } from '../query/extra-params.js';
import { requestOverrides } from '../client/call-options.js';
import { splitReservedKeys } from '../query/reserved.js';
import { compileAsValues, type AsValues, type ValuesOf } from './as-values.js';
import { describeUrl, readCollectionReply } from './envelope.js';
import { streamPages, type PageStreamPlan } from './page-stream.js';
import { resolveResourcePath } from './resource-path.js';
import type { CountOptions, JsonObject, Page, PagedIterable, PagedResource, PagingQuery, SelectOptions } from './types.js';

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return Array.isArray(value) ? 'an array' : typeof value;
}

function positiveInteger(value: unknown, path: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new InvalidInputError(`must be an integer ≥ 1, got ${describe(value)}`, { path });
  }
  return value;
}

function checkResource(resource: PagedResource): void {
  if (typeof resource !== 'object' || resource === null || typeof resource.path !== 'string' || !resource.path.startsWith('/')) {
    throw new InvalidInputError('expected a resource descriptor with a path starting with "/"', { path: 'resource' });
  }
  if (typeof resource.collectionKey !== 'string' || resource.collectionKey === '') {
    throw new InvalidInputError('expected a resource descriptor with a collectionKey', { path: 'resource.collectionKey' });
  }
  if (typeof resource.querySpec !== 'object' || resource.querySpec === null) {
    throw new InvalidInputError(
      "expected the resource's querySpec: without it, filter aliases would be sent unchanged and ignored by the server",
      { path: 'resource.querySpec' },
    );
  }
}

/**
 * Filters → query parameters; reserved keys in a filter object come out as options. No filters
 * still go through the spec, which may add a fixed criterion (devices only, groups only).
 */
export function splitQuery(resource: PagedResource, query: PagingQuery, now: Date | undefined): { params: QueryRecord; inline: Record<string, unknown> } {
  if (query === undefined || query === null) return { params: buildQueryParams({}, resource.querySpec, now), inline: {} };
  if (typeof query === 'string') {
    const params = buildQueryParams(query, resource.querySpec, now);
    const inline: Record<string, unknown> = {};
    // Paging parameters written into a raw expression are paging options, not filters.
    for (const key of ['pageSize', 'currentPage'] as const) {
      const value = params[key];
      if (value === undefined) continue;
      const number = Number(value);
      inline[key] = typeof value === 'string' && /^\d+$/.test(value) ? number : value;
      delete params[key];
    }
    return { params, inline };
  }
  if (typeof query !== 'object' || Array.isArray(query)) {
    throw new InvalidInputError(`expected a filter object or a raw query string, got ${describe(query)}`, { path: 'query' });
  }
  const { reserved, filters } = splitReservedKeys(query);
  const inline: Record<string, unknown> = { ...reserved };
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filters)) {
    if (key === 'map' || key === 'ordered') inline[key] = value;
    else rest[key] = value;
  }
  return { params: buildQueryParams(rest, resource.querySpec, now), inline };
}

function mergeOptions(inline: Record<string, unknown>, options: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...options };
  for (const [key, value] of Object.entries(inline)) {
    if (value === undefined) continue;
    if (options[key] !== undefined) {
      throw new InvalidInputError(`'${key}' is given both in the query and in the options: give it once`, { path: key });
    }
    merged[key] = value;
  }
  return merged;
}

interface Prepared {
  plan: Omit<PageStreamPlan, 'path'>;
  transform: ((json: JsonObject) => unknown) | undefined;
}

/** The options object and its `now` (shared by reads and counts), before anything is sent. */
function checkOptions(options: { now?: unknown }): void {
  if (typeof options !== 'object' || options === null) throw new InvalidInputError('expected an options object', { path: 'options' });
  if (options.now !== undefined && !(options.now instanceof Date)) throw new InvalidInputError('must be a Date', { path: 'now' });
}

function checkSignal(signal: unknown): void {
  if (signal !== undefined && !(signal instanceof AbortSignal)) throw new InvalidInputError('must be an AbortSignal', { path: 'signal' });
}

function prepare(client: RestClient, resource: PagedResource, query: PagingQuery, options: SelectOptions<unknown> = {}): Prepared {
  checkResource(resource);
  checkOptions(options);
  const { params, inline } = splitQuery(resource, query, options.now);
  const merged = mergeOptions(inline, options as Record<string, unknown>) as SelectOptions<unknown> & Record<string, unknown>;

  const limit = merged.limit ?? undefined;
  const pageSize = effectivePageSize({ limit, pageSize: merged.pageSize, defaultPageSize: resource.defaultPageSize });
  const startPage = positiveInteger(merged.currentPage, 'currentPage') ?? 1;
  const workers = positiveInteger(merged.workers, 'workers') ?? 1;
  const signal = merged.signal;
  checkSignal(signal);
  if (merged.map !== undefined && typeof merged.map !== 'function') throw new InvalidInputError('must be a function', { path: 'map' });
  if (merged.ordered !== undefined && typeof merged.ordered !== 'boolean') throw new InvalidInputError('must be true or false', { path: 'ordered' });
  const transform = merged.asValues !== undefined ? compileAsValues(merged.asValues) : merged.map;

  return {
    plan: {
      client,
      resource,
      params: withExtraParams(params, merged.params),
      pageSize,
      limit: limit === Number.POSITIVE_INFINITY ? undefined : limit,
      startPage,
      workers,
      ordered: merged.ordered ?? impliesOrdering(params),
      signal,
      request: requestOverrides(merged),
    },
    transform,
  };
}

/** A collection the API does not page: one request without paging parameters, trimmed to `limit` (0: no request; an aborted signal throws first, as in a paged read). */
async function* readUnpaged(plan: PageStreamPlan): AsyncGenerator<Page<JsonObject>, void, undefined> {
  const { client, resource, path, params, limit, signal } = plan;
  signal?.throwIfAborted();
  if (limit === 0) return;
  const accept = resource.collectionMediaType === undefined ? {} : { accept: resource.collectionMediaType };
  const body = await client.get(path, { ...plan.request, params, ...accept, ...(signal === undefined ? {} : { signal }) });
  const reply = readCollectionReply(body, resource, { method: 'GET', url: describeUrl(client.baseUrl, path, params) });
  const items = reply.items.slice(0, limit);
  yield { items, statistics: reply.statistics, pageNumber: undefined, offset: undefined, restricted: false, self: reply.self, next: reply.next };
}

/** The item a reference-collection element wraps (`{ managedObject: {…} }`). */
function unwrap(element: JsonObject, key: string, resource: PagedResource, client: RestClient, path: string): JsonObject {
  const item = element[key];
  if (isJsonObject(item)) return item;
  throw new ResponseFormatError(`each element of '${resource.collectionKey}' should hold a '${key}' object`, { method: 'GET', url: `${client.baseUrl}${path}` });
}

/**
 * A {@link PagedIterable} over a page source: items flatten the pages; every iteration calls
 * `pages()` afresh. For engines besides `select` that produce pages (series, custom endpoints).
 *
 * @example
 * ```ts
 * const iterable = createPagedIterable(async function* () {
 *   yield { items: [1, 2], statistics: undefined, pageNumber: 1, offset: undefined, restricted: false, self: undefined, next: undefined };
 * });
 * await iterable.toArray(); // [1, 2]
 * ```
 */
export function createPagedIterable<T>(pages: () => AsyncIterableIterator<Page<T>>): PagedIterable<T> {
  async function* items(): AsyncGenerator<T, void, undefined> {
    for await (const page of pages()) yield* page.items;
  }
  return {
    [Symbol.asyncIterator]: items,
    byPage: pages,
    toArray: async () => {
      const all: T[] = [];
      for await (const page of pages()) for (const item of page.items) all.push(item);
      return all;
    },
  };
}

/**
 * Reads a collection: items one by one (`for await`), page by page (`byPage()`) or all at once
 * (`toArray()`).
 *
 * - `query`: a filter object (REST names and aliases, see `buildQueryParams`; paging options
 *   may be inside it too) or a raw query expression. Relative dates are resolved now, once.
 * - `limit` (omitted/`null`: all), `pageSize` (default the resource's, else 1000; at most 2000
 *   and never more than `limit`), `currentPage` (start, default 1).
 * - `workers: n`: n page requests in flight, speculatively, without `withTotalPages`; pages come
 *   in completion order, or in server order when the query orders (`revert`, `ascending`,
 *   `$orderby`) or `ordered: true`. At most n pages are in flight or held at once.
 * - Users with only inventory roles (offset paging) are detected from the replies; then the
 *   `next` links are followed one by one so every item comes exactly once.
 * - `map` builds each item (default: the JSON); `asValues` gives values/tuples instead and skips `map`.
 * - `signal` aborts everything in flight; leaving the loop early cancels what is still running.
 *
 * @throws InvalidInputError (synchronously) for bad options or filters; while iterating, the
 *   client's errors, `ResponseFormatError` for a malformed page, or the signal's reason.
 *
 * @example
 * ```ts
 * const events = { ...Resources.event, querySpec: defineQuery<DateRangeFilters & { source?: IdLike; type?: string }>({ resource: 'events', ranges: ['time'], ids: ['source'] }) };
 * for await (const event of select(client, events, { source: '42', maxAge: '1d' }, { limit: 100 })) console.log(event.id);
 * const devices = await select(client, inventory, { fragmentType: 'c8y_IsDevice' }, { workers: 10, map: (json) => Device.fromJSON(client, json) }).toArray();
 * const measurements = { ...Resources.measurement, querySpec: defineQuery<DateRangeFilters & { source?: IdLike }>({ resource: 'measurements', ranges: ['time'], ids: ['source'] }) };
 * for await (const [id, temperature] of select(client, measurements, { source: '42' }, { asValues: ['id', ['c8y_Temperature.T.value', 0]] })) console.log(id, temperature);
 * ```
 */
export function select<const A extends AsValues, J extends object = JsonObject>(
  client: RestClient,
  resource: PagedResource,
  query: PagingQuery,
  options: SelectOptions<unknown> & { asValues: A },
): PagedIterable<ValuesOf<J, A>>;
export function select<T>(
  client: RestClient,
  resource: PagedResource,
  query: PagingQuery,
  options: SelectOptions<T> & { map: (json: JsonObject) => T; asValues?: undefined },
): PagedIterable<T>;
export function select(client: RestClient, resource: PagedResource, query?: PagingQuery, options?: SelectOptions<JsonObject>): PagedIterable<JsonObject>;
export function select(client: RestClient, resource: PagedResource, query?: PagingQuery, options?: SelectOptions<unknown>): PagedIterable<unknown>;
export function select(client: RestClient, resource: PagedResource, query?: PagingQuery, options?: SelectOptions<unknown>): PagedIterable<unknown> {
  const { plan, transform } = prepare(client, resource, query, options);
  return createPagedIterable(async function* () {
    const path = await resolveResourcePath(client, resource.path, plan.signal);
    const pages = resource.paged === false ? readUnpaged({ ...plan, path }) : streamPages({ ...plan, path });
    const { itemKey } = resource;
    for await (const page of pages) {
      const items = itemKey === undefined ? page.items : page.items.map((item) => unwrap(item, itemKey, resource, client, path));
      yield transform === undefined ? { ...page, items } : { ...page, items: items.map(transform) };
    }
  });
}

/**
 * Reads a whole collection (or `limit` items) into an array: `select(...).toArray()`.
 *
 * @example
 * ```ts
 * const alarms = await getAll(client, { ...Resources.alarm, querySpec: alarmQuery }, { status: 'ACTIVE', severity: 'MAJOR' }, { limit: null, workers: 4 });
 * const names = await getAll(client, inventory, { type: 'c8y_Device' }, { asValues: 'name' });
 * ```
 */
export async function getAll<const A extends AsValues, J extends object = JsonObject>(
  client: RestClient,
  resource: PagedResource,
  query: PagingQuery,
  options: SelectOptions<unknown> & { asValues: A },
): Promise<Array<ValuesOf<J, A>>>;
export async function getAll<T>(
  client: RestClient,
  resource: PagedResource,
  query: PagingQuery,
  options: SelectOptions<T> & { map: (json: JsonObject) => T; asValues?: undefined },
): Promise<T[]>;
export async function getAll(client: RestClient, resource: PagedResource, query?: PagingQuery, options?: SelectOptions<JsonObject>): Promise<JsonObject[]>;
export async function getAll(client: RestClient, resource: PagedResource, query?: PagingQuery, options?: SelectOptions<unknown>): Promise<unknown[]> {
  return select(client, resource, query, options as SelectOptions<JsonObject>).toArray();
}

/**
 * Counts the items matching `query` with one small request: the resource's `countPath` when it
 * has one (alarms: `GET /alarm/alarms/count` answers a bare number), else
 * `GET <path>?<filters>&pageSize=1&withTotalPages=true` reading `statistics.totalPages` (or
 * `withTotalElements`/`totalElements` for a resource whose `countBy` says so). Paging
 * options inside a filter object are ignored. Users with only inventory roles get no totals:
 * then `withoutTotals: 'iterate'` counts by reading all pages (2000 per request), otherwise a
 * `ResponseFormatError` says so.
 *
 * @example
 * ```ts
 * const eventSpec = defineQuery<DateRangeFilters & { source?: IdLike; type?: string }>({ resource: 'events', ranges: ['time'], ids: ['source'] });
 * await count(client, { ...Resources.event, querySpec: eventSpec }, { source: '42', maxAge: '1d' }); // GET /event/events?source=42&dateFrom=…&pageSize=1&withTotalPages=true
 * await count(client, { ...Resources.alarm, querySpec: alarmQuery }, { status: 'ACTIVE' }); // GET /alarm/alarms/count?status=ACTIVE
 * ```
 */
export async function count(client: RestClient, resource: PagedResource, query?: PagingQuery, options: CountOptions = {}): Promise<number> {
  checkResource(resource);
  checkOptions(options);
  checkSignal(options.signal);
  const params = withExtraParams(splitQuery(resource, query, options.now).params, options.params);
  const { signal } = options;
  const signalOption = { ...requestOverrides(options), ...(signal === undefined ? {} : { signal }) };
  if (resource.countPath !== undefined) {
    const path = await resolveResourcePath(client, resource.countPath, signal);
    const text = await client.get<string>(path, { params, accept: 'text/plain, application/json', responseType: 'text', ...signalOption });
    if (typeof text === 'string' && /^\s*\d+\s*$/.test(text)) return Number(text);
    throw new ResponseFormatError(`a count must be a non-negative integer, got ${JSON.stringify(String(text).slice(0, 100))}`, {
      method: 'GET',
      url: describeUrl(client.baseUrl, path, params),
    });
  }
  const path = await resolveResourcePath(client, resource.path, signal);
  const byElements = resource.countBy === 'totalElements';
  const countParams = { ...params, pageSize: 1, ...(byElements ? { withTotalElements: true } : { withTotalPages: true }) };
  const url = describeUrl(client.baseUrl, path, countParams);
  const accept = resource.collectionMediaType === undefined ? {} : { accept: resource.collectionMediaType };
  const body = await client.get(path, { params: countParams, ...accept, ...signalOption });
  const statistics = readCollectionReply(body, resource, { method: 'GET', url }).statistics;
  const total = byElements ? statistics?.totalElements : statistics?.totalPages;
  if (typeof total === 'number' && Number.isInteger(total) && total >= 0) return total;
  if (options.withoutTotals === 'iterate') {
    let counted = 0;
    const plan: PageStreamPlan = {
      client, resource, path, params, pageSize: MAX_PAGE_SIZE, limit: undefined, startPage: 1, workers: 1, ordered: false, signal, request: requestOverrides(options),
    };
    for await (const page of streamPages(plan)) counted += page.items.length;
    return counted;
  }
  throw new ResponseFormatError(
    `no statistics.${byElements ? 'totalElements' : 'totalPages'} in the reply (users with only inventory roles get no totals; pass withoutTotals: 'iterate' to count by reading every page)`,
    { method: 'GET', url },
  );
}
