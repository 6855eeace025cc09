import { encodePathSegment } from '../client/api-path.js';
import { requestOverrides } from '../client/call-options.js';
import type { CallOptions } from '../client/options.js';
import type { RestClient } from '../client/rest-client-interface.js';
import {
  applyToObjects,
  createBodies,
  createObjects,
  deleteObjects,
  updateObjects,
  type BodySource,
  type ObjectOperationOptions,
} from '../bulk/object-operations.js';
import { deleteByFilter, updateByFilter, type ByFilterOptions, type ByFilterResult } from '../bulk/by-filter.js';
import { DEFAULT_CHUNK_SIZE, postInChunks, type Chunk, type PostInChunksOptions } from '../bulk/post-in-chunks.js';
import { BulkError, type BulkFailure, type BulkSkipped } from '../errors/bulk-error.js';
import { isCumulocityError } from '../errors/is-cumulocity-error.js';
import { ResponseFormatError } from '../errors/response-format-error.js';
import { isJsonObject, type JsonObject } from '../json/json-types.js';
import type { AsValues, ValuesOf } from '../paging/as-values.js';
import { describeUrl } from '../paging/envelope.js';
import { resolveResourcePath } from '../paging/resource-path.js';
import { count, select } from '../paging/select.js';
import type { CountOptions, FilterOptions, InlinePagingOptions, PagedIterable, PagedResource, PagingOptions } from '../paging/types.js';
import { buildQueryParams } from '../query/build.js';
import { withExtraParams } from '../query/extra-params.js';
import { idOf, type IdLike } from '../query/id-like.js';
import type { QuerySpec } from '../query/query-spec.js';
import { checkIntegerIds, integerId } from './integer-ids.js';
import type { ChangeClass, ItemClass } from './item-class.js';
import type { FiltersFor, OperationQueries, OperationQueryTypes, OptionParamsFor } from './operation-queries.js';
import { checkOptionSpec, optionsWithParams } from './option-params.js';
import type { ResourceDescriptor } from './resource-descriptor.js';

/**
 * What a resource API is built from: the collection (path, media types, count endpoint), the
 * query spec (which carries the filter type `F`), the item class, and where the REST API asks
 * for it, the specs of single operations (`Q`: their filter and option types) and the class
 * plain changes are built with.
 *
 * @example
 * ```ts
 * const alarms: ResourceDefinition<AlarmFilters, Alarm, AlarmInit> = { resource: Resources.alarm, query: alarmQuery, item: Alarm };
 * const devices: ResourceDefinition<DeviceFilters, Device, ManagedObjectInit, { get: ManagedObjectGetFlags; delete: ManagedObjectDeleteFlags }> = {
 *   resource: Resources.managedObject, query: deviceInventoryQuery, item: Device, change: ManagedObject,
 *   queries: { get: managedObjectGetQuery, delete: managedObjectDeleteQuery },
 * };
 * ```
 */
export interface ResourceDefinition<F extends object, T, I, Q extends OperationQueryTypes = NoQueries> {
  /** Path, collection key, media types and count endpoint (see `Resources` in `@c8y/model`). */
  readonly resource: ResourceDescriptor;
  /** How filters become query parameters (see `defineQuery`). */
  readonly query: QuerySpec<F>;
  /** Builds items from replies and plain input. */
  readonly item: ItemClass<T, I>;
  /** Page size when the caller names none (1…2000). @default 1000 */
  readonly defaultPageSize?: number;
  /**
   * Query specs of single operations, each typing its operation:
   * - `count`, `deleteBy`, `updateBy`: endpoints that take fewer parameters than the collection's
   *   GET (the OpenAPI spec often documents a shorter list for the count endpoint, PUT or DELETE
   *   by filter): with their `parameters`, a filter such an endpoint would ignore is refused
   *   (and does not compile) instead of widening a bulk change. @default `query`
   * - `get`, `delete`: the query parameters of `GET`/`DELETE <path>/{id}`, taken from the call
   *   options by the names in the spec's `parameters` (e.g. `{ withParents: true }`,
   *   `{ cascade: true }`; `flags` refuse anything but booleans). @default none
   */
  readonly queries?: OperationQueries<Q>;
  /**
   * The class plain-JSON changes of `update` and `applyTo` are built with, where the item class
   * adds defaults to new objects (`Device`, `DeviceGroup`) that a change must not send.
   * @default `item`
   */
  readonly change?: ChangeClass<I>;
}

/** No operation with a spec of its own. @example const none: ResourceDefinition<object, unknown, unknown, NoQueries>['queries'] = {}; */
export type NoQueries = Record<never, never>;

/**
 * Another collection of the same items, e.g. a managed object's child devices
 * (`/inventory/managedObjects/{id}/childDevices`, a reference collection whose elements wrap the
 * item in `managedObject`). Read with {@link ResourceOperations.selectFrom}.
 *
 * @example
 * ```ts
 * const childQuery = defineQuery<{ query?: string }>({ resource: 'child devices', parameters: ['query'] });
 * const children: ItemCollection<{ query?: string }> = {
 *   path: apiPath`/inventory/managedObjects/${id}/childDevices`,
 *   collectionKey: 'references',
 *   itemKey: 'managedObject',
 *   collectionMediaType: MediaTypes.managedObjectReferenceCollection,
 *   querySpec: childQuery,
 * };
 * ```
 */
export interface ItemCollection<G extends object> {
  /** The collection path (ids already encoded, e.g. with `apiPath`; `{tenantId}` is filled in). */
  readonly path: string;
  /** The array's key in a reply. */
  readonly collectionKey: string;
  /** Media type of a reply, if the API names one. */
  readonly collectionMediaType?: string;
  /** The key each element wraps its item in (reference collections). */
  readonly itemKey?: string;
  /** `false` when the API does not page this collection: one request, no paging parameters. @default true */
  readonly paged?: boolean;
  /** How this collection's filters become query parameters. */
  readonly querySpec: QuerySpec<G>;
}

/**
 * Another endpoint of a resource that takes filters and answers one JSON object instead of a
 * page, e.g. the measurement series (`GET /measurement/measurements/series`). Read with
 * {@link ResourceOperations.getFrom}.
 *
 * @example
 * ```ts
 * interface SeriesQuery { source?: IdLike; series?: string; dateFrom?: DateLike; dateTo?: DateLike }
 * const seriesEndpoint: FilterEndpoint<SeriesQuery> = {
 *   path: '/measurement/measurements/series',
 *   querySpec: defineQuery<SeriesQuery>({ resource: 'GET /measurement/measurements/series', ranges: ['time'], ids: ['source'] }),
 *   mediaType: 'application/json',
 * };
 * ```
 */
export interface FilterEndpoint<G extends object> {
  /** The path (ids already encoded, e.g. with `apiPath`; `{tenantId}` is filled in). */
  readonly path: string;
  /** How the endpoint's filters become query parameters. */
  readonly querySpec: QuerySpec<G>;
  /** The media type the reply is asked for (`Accept`). @default the client's */
  readonly mediaType?: string;
}

/**
 * A query of a resource API: its typed filters (a key the resource does not declare is a compile
 * error; pass such parameters in `options.params`), optionally with paging options inline, or a
 * raw query expression sent as written (`"type=x&source=1"`).
 *
 * @example
 * ```ts
 * const query: FilterQuery<AlarmFilters> = { status: 'ACTIVE', maxAge: '1d', limit: 100 };
 * ```
 */
export type FilterQuery<F> = string | (F & InlinePagingOptions);

/**
 * Every operation a resource API can offer, typed by the resource's filters `F`, items `T` and
 * init objects `I`. A context publishes the ones its REST API supports (see
 * `defineResourceApi`); its own methods can use all of them through `this.operations`.
 *
 * Input may be model objects or plain JSON (which goes through the item class, so it is
 * converted and validated like a model object); results are model objects, or values under
 * `asValues`. Arrays run as bulk operations: `workers`, `onProgress`, input order, one
 * `BulkError`; bad input is refused before any request.
 *
 * @example
 * ```ts
 * const alarms = new ResourceOperations(client, { resource: Resources.alarm, query: alarmQuery, item: Alarm });
 * const active = await alarms.getAll({ status: 'ACTIVE' });
 * ```
 */
export class ResourceOperations<F extends object, T, I, Q extends OperationQueryTypes = NoQueries> {
  readonly #client: RestClient;
  readonly #definition: ResourceDefinition<F, T, I, Q>;
  readonly #queries: { readonly [P in keyof OperationQueryTypes]?: QuerySpec };
  readonly #paged: PagedResource;

  constructor(client: RestClient, definition: ResourceDefinition<F, T, I, Q>) {
    this.#client = client;
    this.#definition = definition;
    this.#queries = definition.queries ?? {};
    checkOptionSpec(this.#queries.get);
    checkOptionSpec(this.#queries.delete);
    this.#paged = {
      ...definition.resource,
      querySpec: definition.query,
      ...(definition.defaultPageSize === undefined ? {} : { defaultPageSize: definition.defaultPageSize }),
    };
  }

  /**
   * One object by id (`GET <path>/<id>`; the id is path-encoded). Where the resource declares
   * the endpoint's query parameters (`queries.get`), they are options too (`withParents: true`).
   *
   * @throws NotFoundError when it does not exist; `InvalidInputError` for an unusable id or option.
   * @example
   * ```ts
   * const alarm = await alarms.get('4711');
   * const device = await new DeviceInventory(client).get('42', { withParents: true });
   * ```
   */
  async get(id: IdLike, options: CallOptions & OptionParamsFor<Q, 'get'> = {} as OptionParamsFor<Q, 'get'>): Promise<T> {
    const { resource } = this.#definition;
    const key = encodePathSegment(resource.idKind === 'integer' ? integerId(id, 'id') : idOf(id, 'id'), 'id');
    const call = this.#withOptionParams('get', options);
    const path = `${await resolveResourcePath(this.#client, resource.path, call.signal)}/${key}`;
    const reply = await this.#client.get(path, { ...call, ...(resource.mediaType === undefined ? {} : { accept: resource.mediaType }) });
    return this.#build(reply, 'GET', path);
  }

  /**
   * Reads the collection lazily: iterate it for items, `byPage()` for pages, `toArray()` for an
   * array. Filters are typed; paging options may be given inline or in `options`: `limit`
   * (omitted or `null` = all), `pageSize`, `workers` (concurrent page requests), `asValues`
   * (values or tuples instead of objects). See the paging guide.
   *
   * @example
   * ```ts
   * for await (const alarm of alarms.select({ status: 'ACTIVE', maxAge: '1d' }, { workers: 4 })) console.log(alarm.text);
   * for await (const [id, text] of alarms.select({ severity: 'MAJOR', asValues: ['id', 'text'] })) console.log(id, text);
   * ```
   */
  select<const A extends AsValues>(query: F & InlinePagingOptions & { asValues: A }, options?: PagingOptions): PagedIterable<ValuesOf<JsonObject, A>>;
  select<const A extends AsValues>(query: FilterQuery<F> | undefined, options: PagingOptions & { asValues: A }): PagedIterable<ValuesOf<JsonObject, A>>;
  select(query?: FilterQuery<F>, options?: PagingOptions): PagedIterable<T>;
  select(query?: FilterQuery<F>, options: PagingOptions = {}): PagedIterable<unknown> {
    return select(this.#client, this.#paged, query, { ...options, map: (json) => this.#build(json, 'GET', this.#definition.resource.path) });
  }

  /**
   * Reads another collection of the same items (see {@link ItemCollection}) like `select`: its own
   * filters, paging, workers and `asValues`; items are built with the item class.
   *
   * @example
   * ```ts
   * const inventorySpec = defineQuery<{ type?: string }>({ resource: 'managedObjects', odata: { param: 'query' } });
   * const devices = new ResourceOperations(client, { resource: Resources.managedObject, query: inventorySpec, item: ManagedObject });
   * const childQuery = defineQuery<{ query?: string }>({ resource: 'child devices', parameters: ['query'] });
   * const children: ItemCollection<{ query?: string }> = { path: apiPath`/inventory/managedObjects/${id}/childDevices`, collectionKey: 'references', itemKey: 'managedObject', querySpec: childQuery };
   * for await (const child of devices.selectFrom(children, { query: "$filter=(name eq 'Sensor*')" })) console.log(child.name);
   * ```
   */
  selectFrom<G extends object, const A extends AsValues>(collection: ItemCollection<G>, query: G & InlinePagingOptions & { asValues: A }, options?: PagingOptions): PagedIterable<ValuesOf<JsonObject, A>>;
  selectFrom<G extends object, const A extends AsValues>(collection: ItemCollection<G>, query: FilterQuery<G> | undefined, options: PagingOptions & { asValues: A }): PagedIterable<ValuesOf<JsonObject, A>>;
  selectFrom<G extends object>(collection: ItemCollection<G>, query?: FilterQuery<G>, options?: PagingOptions): PagedIterable<T>;
  selectFrom<G extends object>(collection: ItemCollection<G>, query?: FilterQuery<G>, options: PagingOptions = {}): PagedIterable<unknown> {
    const resource: PagedResource = { name: this.#definition.resource.name, ...collection };
    return select(this.#client, resource, query, { ...options, map: (json) => this.#build(json, 'GET', collection.path) });
  }

  /**
   * One GET of another endpoint of the resource that takes filters and answers one JSON object
   * (see {@link FilterEndpoint}): the filters built with its query spec (typed, checked, aliases
   * and dates as everywhere), `options.params` added (a parameter set both ways is refused), the
   * call options applied. Resolves the reply's JSON object.
   *
   * @throws ResponseFormatError when the reply is not a JSON object.
   * @example
   * ```ts
   * const measurementSpec = defineQuery<DateRangeFilters & { source?: IdLike }>({ resource: 'measurements', ranges: ['time'], ids: ['source'] });
   * const measurements = new ResourceOperations(client, { resource: Resources.measurement, query: measurementSpec, item: Measurement });
   * const seriesQuery = defineQuery<DateRangeFilters & { source?: IdLike; series?: string }>({ resource: 'GET /measurement/measurements/series', ranges: ['time'], ids: ['source'] });
   * const series = { path: '/measurement/measurements/series', querySpec: seriesQuery, mediaType: 'application/json' };
   * const json = await measurements.getFrom(series, { source: deviceId, series: 'c8y_Temperature.T', dateFrom: '2025-01-01', dateTo: 'now' });
   * ```
   */
  async getFrom<G extends object>(endpoint: FilterEndpoint<G>, filters: G | string, options: FilterOptions = {}): Promise<JsonObject> {
    const params = withExtraParams(buildQueryParams(filters, endpoint.querySpec, options.now), options.params);
    const { signal } = options;
    const path = await resolveResourcePath(this.#client, endpoint.path, signal);
    const reply = await this.#client.get(path, {
      ...requestOverrides(options),
      params,
      ...(signal === undefined ? {} : { signal }),
      ...(endpoint.mediaType === undefined ? {} : { accept: endpoint.mediaType }),
    });
    if (isJsonObject(reply)) return reply;
    const got = reply === undefined ? 'no body' : Array.isArray(reply) ? 'an array' : typeof reply;
    throw new ResponseFormatError(`expected a JSON object, got ${got}`, { method: 'GET', url: describeUrl(this.#client.baseUrl, path, params) });
  }

  /**
   * The whole collection (or `limit` items) as an array: `select(…).toArray()`.
   *
   * @example
   * ```ts
   * const critical = await alarms.getAll({ severity: 'CRITICAL', status: ['ACTIVE', 'ACKNOWLEDGED'] }, { workers: 4 });
   * const texts = await alarms.getAll({ source: device }, { asValues: 'text' });
   * ```
   */
  getAll<const A extends AsValues>(query: F & InlinePagingOptions & { asValues: A }, options?: PagingOptions): Promise<Array<ValuesOf<JsonObject, A>>>;
  getAll<const A extends AsValues>(query: FilterQuery<F> | undefined, options: PagingOptions & { asValues: A }): Promise<Array<ValuesOf<JsonObject, A>>>;
  getAll(query?: FilterQuery<F>, options?: PagingOptions): Promise<T[]>;
  async getAll(query?: FilterQuery<F>, options?: PagingOptions): Promise<unknown[]> {
    return this.select(query, options).toArray();
  }

  /**
   * The newest matching item, or `undefined`: one request for one item, newest first (the
   * resource's `revert` is set accordingly where it has one; where `revert` works only on a time
   * range, an open range from the epoch is added when the filters give none).
   *
   * @example
   * ```ts
   * const latest = await alarms.getLast({ source: device, type: 'c8y_UnavailabilityAlarm' });
   * ```
   */
  async getLast(filters?: Omit<F, 'ascending' | 'revert'>, options?: FilterOptions): Promise<T | undefined> {
    const spec = this.#definition.query;
    let query: object = { ...filters, ...(spec.ascendingRevert === undefined ? {} : { ascending: false }) };
    if (spec.revertNeedsRange === true) {
      const params = buildQueryParams(query, spec, options?.now);
      if (params['dateFrom'] === undefined && params['dateTo'] === undefined) {
        // First on the wire; a `dateFrom: undefined` or `null` of the caller must not unset it.
        const given = Object.entries(query).filter(([, value]) => value !== undefined && value !== null);
        query = { dateFrom: new Date(0), ...Object.fromEntries(given) };
      }
    }
    const [last] = await this.select(query as F, { ...options, limit: 1 }).toArray();
    return last;
  }

  /**
   * How many items match: the resource's count endpoint where it has one, else one
   * `pageSize=1&withTotalPages=true` request.
   *
   * @example
   * ```ts
   * await alarms.count({ status: 'ACTIVE', severity: 'MAJOR' }); // GET /alarm/alarms/count?status=ACTIVE&severity=MAJOR
   * ```
   */
  async count(filters?: FiltersFor<Q, 'count', F> | string, options?: CountOptions): Promise<number> {
    return count(this.#client, this.#pagedFor('count'), filters, options);
  }

  /**
   * Creates one object or many (`POST <path>` each). Input is a model object or plain JSON (built
   * with the item class first, so `time: 'now'` and `source: device` work and bad fields are
   * refused before any request). Resolves the created objects, in input order.
   *
   * @example
   * ```ts
   * const alarm = await alarms.create({ type: 'cx_TooHot', text: 'Too hot', severity: 'MAJOR', source: device, time: 'now' });
   * const many = await alarms.create([{ type: 'cx_Door', text: 'Open', severity: 'MINOR', source: device, time: 'now' }], { workers: 10, onProgress: ({ done, total }) => console.log(done, total) });
   * ```
   */
  create(item: T | I, options?: ObjectOperationOptions<T>): Promise<T>;
  create(items: readonly (T | I)[], options?: ObjectOperationOptions<T>): Promise<T[]>;
  async create(items: T | I | readonly (T | I)[], options?: ObjectOperationOptions<T>): Promise<T | T[]> {
    return createObjects(this.#client, this.#definition.resource, items as BodySource, this.#objectOptions('POST', options));
  }

  /**
   * Creates many objects with the collection POST, for resources whose API has one
   * (measurements): `POST <path>` with `{ <collectionKey>: [...] }` and the collection media
   * type, `chunkSize` items per request (default 500), `workers` requests at once (see
   * `postInChunks`). Every item is built with the item class and validated before the first
   * request (bad items are named together, nothing is sent). Resolves the created objects in
   * input order.
   *
   * A failed request fails each of its items: the call rejects with one `BulkError` over the
   * items — `failures` name each failed item (its index in the input, the item, the request's
   * error), `results` hold the created objects of the other requests at their items' positions,
   * `skipped` the items of requests never started (`abortOnErrors`, which counts failed requests).
   * A POST is retried only on 429, so a failed request may have stored part of its items.
   * `onProgress` counts items.
   *
   * @example
   * ```ts
   * const measurementSpec = defineQuery<DateRangeFilters & { source?: IdLike }>({ resource: 'measurements', ranges: ['time'], ids: ['source'] });
   * const measurements = new ResourceOperations(client, { resource: Resources.measurement, query: measurementSpec, item: Measurement });
   * const readings = Array.from({ length: 10_000 }, (_, minute) => ({
   *   type: 'c8y_Temperature', source: deviceId, time: new Date(Date.UTC(2025, 0, 1, 0, minute)), c8y_Temperature: { T: { value: 21.5, unit: '°C' } },
   * }));
   * const created = await measurements.createInChunks(readings, { chunkSize: 1000, workers: 4 });
   * ```
   */
  async createInChunks(items: readonly (T | I)[], options: PostInChunksOptions = {}): Promise<T[]> {
    const { item, resource } = this.#definition;
    const bodies = createBodies(items as readonly BodySource[], (json) => new item(this.#client, json as I) as BodySource);
    const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
    try {
      const created = await postInChunks(this.#client, resource, bodies, { ...options, chunkSize });
      return created.map((json) => this.#build(json, 'POST', resource.path));
    } catch (error) {
      if (!isCumulocityError(error, 'BulkError')) throw error;
      throw this.#perItem(error as BulkError<Chunk<JsonObject>, JsonObject[]>, items, chunkSize);
    }
  }

  /**
   * Updates objects (`PUT <path>/<id>` each), in two forms told apart by the second argument:
   * - `update(item | items, options?)`: model objects send only what changed; plain JSON names
   *   its target with `id` and is built with the change class (so it is validated);
   * - `update(change, id | ids, options?)`: one change, rendered once, sent to every target
   *   (the same as `applyTo`).
   *
   * Resolves new objects holding the server's replies; the objects passed in are not modified.
   *
   * @example
   * ```ts
   * await alarms.update({ id: '4711', severity: 'MINOR' });
   * const alarm = await alarms.get('4711');
   * alarm.text = 'Much too hot'; const [updated] = await alarms.update([alarm]);
   * await alarms.update({ severity: 'MINOR' }, ['4711', '4712'], { workers: 2 });
   * ```
   */
  update(item: T | (I & { readonly id: IdLike }), options?: ObjectOperationOptions<T>): Promise<T>;
  update(items: readonly (T | (I & { readonly id: IdLike }))[], options?: ObjectOperationOptions<T>): Promise<T[]>;
  update(change: T | I, targets: readonly IdLike[], options?: ObjectOperationOptions<T>): Promise<T[]>;
  update(change: T | I, target: IdLike, options?: ObjectOperationOptions<T>): Promise<T>;
  async update(items: unknown, second?: unknown, third?: ObjectOperationOptions<T>): Promise<T | T[]> {
    if (namesTargets(second)) return this.applyTo(items as T | I, second as IdLike, third);
    this.#checkIds(items, 'item');
    return updateObjects(this.#client, this.#definition.resource, items as BodySource, this.#objectOptions('PUT', second as ObjectOperationOptions<T> | undefined));
  }

  /**
   * Sends the same change to one object or many (ids, `{ id }` objects, model objects). The
   * change is a model object's changes or plain JSON built with the change class, rendered once.
   *
   * @example
   * ```ts
   * await alarms.applyTo({ status: 'ACKNOWLEDGED' }, ['11', '12', '13'], { workers: 3 });
   * ```
   */
  applyTo(change: T | I, target: IdLike, options?: ObjectOperationOptions<T>): Promise<T>;
  applyTo(change: T | I, targets: readonly IdLike[], options?: ObjectOperationOptions<T>): Promise<T[]>;
  async applyTo(change: T | I, targets: IdLike | readonly IdLike[], options?: ObjectOperationOptions<T>): Promise<T | T[]> {
    this.#checkIds(targets, 'target');
    return applyToObjects(this.#client, this.#definition.resource, change as BodySource, targets as IdLike, this.#objectOptions('PUT', options));
  }

  /**
   * Deletes one object or many (`DELETE <path>/<id>` each). Every id is checked before the first
   * request; failures of a bulk delete come back together in one `BulkError`. Where the resource
   * declares the endpoint's query parameters (`queries.delete`), they are options too
   * (`cascade: true`), sent with every request.
   *
   * @example
   * ```ts
   * const eventSpec = defineQuery<DateRangeFilters & { source?: IdLike; type?: string }>({ resource: 'events', ranges: ['time'], ids: ['source'] });
   * const events = new ResourceOperations(client, { resource: Resources.event, query: eventSpec, item: Event });
   * await events.delete(['11', '12', '13'], { workers: 10 });
   * ```
   */
  delete(target: IdLike, options?: ObjectOperationOptions<never> & OptionParamsFor<Q, 'delete'>): Promise<void>;
  delete(targets: readonly IdLike[], options?: ObjectOperationOptions<never> & OptionParamsFor<Q, 'delete'>): Promise<void>;
  async delete(targets: IdLike | readonly IdLike[], options: ObjectOperationOptions<never> = {}): Promise<void> {
    this.#checkIds(targets, 'target');
    await deleteObjects(this.#client, this.#definition.resource, targets as IdLike, this.#withOptionParams('delete', options));
  }

  /**
   * Deletes every item matching the filters on the server (`DELETE <path>?<filters>`). A missing
   * or empty filter is refused: it would delete the whole collection.
   *
   * @example
   * ```ts
   * await alarms.deleteBy({ source: device, status: 'CLEARED', before: '2025-01-01' });
   * ```
   */
  async deleteBy(filters: FiltersFor<Q, 'deleteBy', F> | string, options?: ByFilterOptions): Promise<void> {
    await deleteByFilter(this.#client, this.#pagedFor('deleteBy'), filters, options);
  }

  /**
   * Changes every item matching the filters on the server (`PUT <path>?<filters>` with `change`).
   * Resolves whether the platform finished (200) or continues in the background (202).
   *
   * @example
   * ```ts
   * await alarms.updateBy({ source: device, status: 'ACTIVE' }, { status: 'CLEARED' });
   * ```
   */
  async updateBy(filters: FiltersFor<Q, 'updateBy', F> | string, change: JsonObject, options?: ByFilterOptions): Promise<ByFilterResult> {
    return updateByFilter(this.#client, this.#pagedFor('updateBy'), filters, change, options);
  }

  #pagedFor(operation: 'count' | 'deleteBy' | 'updateBy'): PagedResource {
    const querySpec = this.#queries[operation];
    return querySpec === undefined ? this.#paged : { ...this.#paged, querySpec };
  }

  /** Ids of a resource with integer ids (user groups, inventory roles) are checked before any request. */
  #checkIds(input: unknown, kind: 'target' | 'item'): void {
    if (this.#definition.resource.idKind === 'integer') checkIntegerIds(input, kind);
  }

  /** The options with the query parameters the operation's spec names moved into `params`. */
  #withOptionParams<O extends CallOptions>(operation: 'get' | 'delete', options: O): O {
    const spec = this.#queries[operation];
    return spec === undefined ? options : optionsWithParams(options, spec);
  }

  /** Plain input goes through the item class (changes: the change class); replies come back as items. */
  #objectOptions(method: 'POST' | 'PUT', options: ObjectOperationOptions<T> = {}): ObjectOperationOptions<T> {
    const { item, change, resource } = this.#definition;
    const build = method === 'PUT' ? (change ?? item) : item;
    return {
      ...options,
      fromPlain: (json) => new build(this.#client, json as I) as BodySource,
      map: (reply) => this.#build(reply, method, resource.path),
    };
  }

  /** A `BulkError` over chunks as one over their items (chunk `k` holds the items from `k × chunkSize`). */
  #perItem(error: BulkError<Chunk<JsonObject>, JsonObject[]>, items: readonly (T | I)[], chunkSize: number): BulkError<T | I, T> {
    const results: Array<T | undefined> = Array.from({ length: items.length }, () => undefined);
    error.results.forEach((created, chunk) => {
      const offset = chunk * chunkSize;
      const size = Math.min(chunkSize, items.length - offset);
      created?.slice(0, size).forEach((json, index) => {
        if (isJsonObject(json)) results[offset + index] = this.#definition.item.fromJSON(this.#client, json);
      });
    });
    const itemsOf = ({ target }: { target: Chunk<JsonObject> }) => target.items.map((_, index) => ({ index: target.offset + index, target: items[target.offset + index] as T | I }));
    const failures: Array<BulkFailure<T | I>> = error.failures.flatMap((failure) => itemsOf(failure).map((entry) => ({ ...entry, error: failure.error })));
    const skipped: Array<BulkSkipped<T | I>> = error.skipped.flatMap(itemsOf);
    return new BulkError<T | I, T>({ total: items.length, results, failures, skipped, ...(error.abortedAfter === undefined ? {} : { abortedAfter: error.abortedAfter }) });
  }

  #build(reply: unknown, method: string, path: string): T {
    if (isJsonObject(reply)) return this.#definition.item.fromJSON(this.#client, reply);
    const got = reply === undefined ? 'no body' : Array.isArray(reply) ? 'an array' : typeof reply;
    throw new ResponseFormatError(`expected a ${this.#definition.resource.name} object, got ${got}`, { method, url: `${this.#client.baseUrl}${path}` });
  }
}

/**
 * Whether the second argument of `update` names targets (`update(change, ids)`) rather than
 * options (`update(items, options)`): an id, a list, or an object with `id` (options never have one).
 */
function namesTargets(value: unknown): boolean {
  if (typeof value === 'string' || typeof value === 'number' || Array.isArray(value)) return true;
  return typeof value === 'object' && value !== null && Object.hasOwn(value, 'id');
}
