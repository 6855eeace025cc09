import { encodePathSegment } from '../client/api-path.js';
import { requestOverrides } from '../client/call-options.js';
import type { CallOptions, RequestOptions } from '../client/options.js';
import type { RestClient } from '../client/rest-client-interface.js';
import { InvalidInputError } from '../errors/invalid-input-error.js';
import { isCumulocityError } from '../errors/is-cumulocity-error.js';
import { resolveResourcePath } from '../paging/resource-path.js';
import { isPlainJson, type JsonObject } from '../json/json-types.js';
import { idOf, type IdLike } from '../query/id-like.js';
import type { ResourceDescriptor } from '../resource/resource-descriptor.js';
import { runBulk, type BulkOptions } from './run-bulk.js';

/**
 * What `createObjects`, `updateObjects` and `applyToObjects` accept as a body: plain JSON, or an
 * object that renders its own (the `@c8y/model` classes: `toCreateJSON()` for create,
 * `toUpdateJSON()` — only what changed — for update; any `toJSON()` otherwise).
 *
 * @example
 * ```ts
 * const plain: BodySource = { name: 'Pump', type: 'c8y_Pump' };
 * const modelled: BodySource = new ManagedObject(c8y, { name: 'Pump' }); // has toCreateJSON()
 * ```
 */
export type BodySource =
  | JsonObject
  | { toCreateJSON(): JsonObject }
  | { toUpdateJSON(): JsonObject }
  | { toJSON(): unknown };

/**
 * Options of the object operations: the {@link BulkOptions} of the run (for an array) plus the
 * {@link CallOptions} every request of it carries (`params`: query parameters such as
 * `{ cascade: true }` when deleting managed objects).
 *
 * @example
 * ```ts
 * const options: ObjectOperationOptions = { workers: 10, processingMode: 'QUIESCENT', params: { cascade: true } };
 * ```
 */
export interface ObjectOperationOptions<R = JsonObject> extends BulkOptions, CallOptions {
  /** Aborts the run: nothing new starts, and running requests are aborted. */
  signal?: AbortSignal;
  /**
   * Turns plain-JSON input into a body source before it is rendered, e.g. into a model object
   * so the input gets its conversions and validation (`(json) => new Alarm(client, json)`).
   * For updates, `id` and `self` are taken out first. @default plain JSON is sent as it is
   */
  fromPlain?: (json: JsonObject) => BodySource;
  /** Builds each result from the server's reply (also the `results` of a `BulkError`). @default the reply */
  map?: (reply: unknown) => R;
}

type BodyKind = 'create' | 'update';

/** Whether `field` is `path` itself or a field under it (`item.type`), not merely a name that begins alike (`itemType`). */
function isWithin(field: string, path: string): boolean {
  return field === path || field.startsWith(`${path}.`);
}

/** Calls a render method; its `InvalidInputError` (naming a field) is reported under the element's path. */
function callIfPresent(value: object, method: string, path: string): { body: unknown } | undefined {
  const candidate = (value as Record<string, unknown>)[method];
  if (typeof candidate !== 'function') return undefined;
  try {
    return { body: (candidate as () => unknown).call(value) };
  } catch (error) {
    // By brand, not instanceof: a model class may come with its own copy of rest-core.
    if (!isCumulocityError(error, 'InvalidInputError') || error.path === undefined || isWithin(error.path, path)) throw error;
    throw new InvalidInputError(error.message.slice(error.path.length + 2), { path: `${path}.${error.path}`, cause: error });
  }
}

/** The JSON body a source stands for; `id` and `self` of plain JSON are left out of updates (they name the target). */
function bodyOf(input: unknown, kind: BodyKind, path: string, fromPlain?: (json: JsonObject) => BodySource): JsonObject {
  let source = input;
  if (isPlainJson(source) && kind === 'update') {
    const { id: _id, self: _self, ...rest } = source;
    source = rest;
  }
  if (isPlainJson(source) && fromPlain !== undefined) {
    const plain = source;
    source = callIfPresent({ fromPlain: () => fromPlain(plain) }, 'fromPlain', path)?.body;
  }
  const rendered =
    typeof source === 'object' && source !== null
      ? (callIfPresent(source, kind === 'create' ? 'toCreateJSON' : 'toUpdateJSON', path) ?? callIfPresent(source, 'toJSON', path))
      : undefined;
  if (rendered === undefined && !isPlainJson(source)) {
    const got = source === null ? 'null' : Array.isArray(source) ? 'an array' : typeof source === 'object' ? 'an object without toJSON()' : typeof source;
    throw new InvalidInputError(`expected a JSON object or an object with toJSON(), got ${got}`, { path });
  }
  const body = rendered === undefined ? source : rendered.body;
  if (!isPlainJson(body)) throw new InvalidInputError('must render to a JSON object', { path });
  return body;
}

/** `items[3]` for an element of an array, `item` for a single one. */
function pathOf(many: boolean, index: number, name: string): string {
  return many ? `${name}s[${index}]` : name;
}

/** Every request carries the caller's params and processing mode; bodies and replies use the resource's media type. */
function requestOptions(resource: ResourceDescriptor, options: ObjectOperationOptions<unknown>, signal: AbortSignal, withBody: boolean): RequestOptions {
  const { mediaType } = resource;
  return {
    ...requestOverrides(options),
    signal,
    ...(options.params === undefined ? {} : { params: options.params }),
    ...(mediaType === undefined || !withBody ? {} : { accept: mediaType, contentType: mediaType }),
  };
}

/**
 * Prepares every target before any request (bad input throws `InvalidInputError` naming the
 * element, and nothing is sent), then runs one request per target through `runBulk`.
 */
async function runPrepared<S, P, R>(
  client: RestClient,
  resource: ResourceDescriptor,
  sources: S | readonly S[],
  prepare: (source: S, path: string) => P,
  name: string,
  send: (prepared: P, collectionPath: string, signal: AbortSignal) => Promise<unknown>,
  options: ObjectOperationOptions<R>,
): Promise<R | R[]> {
  const many = Array.isArray(sources);
  const list: readonly S[] = many ? (sources as readonly S[]) : [sources as S];
  const prepared = prepareAll(list, (source, index) => prepare(source, pathOf(many, index, name)));
  if (many && list.length === 0) return [];
  // Resolved per target (the client caches the tenant id), so bad bulk options fail before any request.
  const map = options.map ?? ((reply: unknown) => reply as R);
  const operation = async (_source: S, { index, signal }: { index: number; signal: AbortSignal }) =>
    map(await send(prepared[index] as P, await resolveResourcePath(client, resource.path, signal), signal));
  // runBulk reads only its own options (workers, abortOnErrors, onProgress, signal).
  return many ? runBulk(list, operation, options) : runBulk(list[0] as S, operation, options);
}

/**
 * Prepares every element; bad elements are gathered into one `InvalidInputError` that lists
 * each bad position (the first one's path is its `path`), so a caller fixes them all at once.
 */
function prepareAll<S, P>(list: readonly S[], prepare: (source: S, index: number) => P): P[] {
  const prepared: P[] = [];
  const bad: InvalidInputError[] = [];
  list.forEach((source, index) => {
    try {
      prepared.push(prepare(source, index));
    } catch (error) {
      if (!isCumulocityError(error, 'InvalidInputError')) throw error;
      bad.push(error);
    }
  });
  const [first] = bad;
  if (first === undefined) return prepared;
  if (bad.length === 1) throw first;
  const shown = bad.slice(0, 5).map((error) => error.message);
  const more = bad.length > shown.length ? `; and ${bad.length - shown.length} more` : '';
  throw new InvalidInputError(`${bad.length} of ${list.length} elements are invalid, nothing was sent: ${shown.join('; ')}${more}`, {
    path: first.path,
    cause: first,
  });
}

/**
 * Renders the bodies of many new objects before anything is sent: plain JSON (through
 * `fromPlain` when given, e.g. a model class) or objects with `toCreateJSON()`/`toJSON()`. Bad
 * elements are gathered into one `InvalidInputError` that names each (`items[3].time`).
 *
 * @example
 * ```ts
 * const bodies = createBodies([{ name: 'Pump 1' }, { name: 'Pump 2', type: 'c8y_Pump' }]); // two JSON objects, or an InvalidInputError naming each bad one
 * ```
 */
export function createBodies(items: readonly BodySource[], fromPlain?: (json: JsonObject) => BodySource): JsonObject[] {
  if (!Array.isArray(items)) throw new InvalidInputError('expected an array of objects', { path: 'items' });
  return prepareAll(items, (item, index) => bodyOf(item, 'create', pathOf(true, index, 'item'), fromPlain));
}

function objectUrl(collectionPath: string, id: string): string {
  return `${collectionPath}/${encodePathSegment(id, 'id')}`;
}

/**
 * Creates one object or many: `POST <path>` per item with the resource's media type. Items are
 * plain JSON or objects that render their body (`toCreateJSON()`, else `toJSON()`). Resolves the
 * server's replies — one, or an array in input order.
 *
 * Every body is rendered before the first request, so a bad item throws `InvalidInputError`
 * (`path: 'items[3]'`) and nothing is sent. For an array, failures end in one `BulkError` after
 * every item was attempted (see `runBulk`); a single item rejects with its own error. POST is
 * retried only on 429 (the client's rule).
 *
 * @example
 * ```ts
 * const created = await createObjects(client, inventory, [{ name: 'Pump 1' }, { name: 'Pump 2' }], { workers: 4 });
 * created[1].id; // the second object's new id
 * ```
 */
export function createObjects<R = JsonObject>(client: RestClient, resource: ResourceDescriptor, items: readonly BodySource[], options?: ObjectOperationOptions<R>): Promise<R[]>;
export function createObjects<R = JsonObject>(client: RestClient, resource: ResourceDescriptor, item: BodySource, options?: ObjectOperationOptions<R>): Promise<R>;
export function createObjects<R>(
  client: RestClient,
  resource: ResourceDescriptor,
  items: BodySource | readonly BodySource[],
  options: ObjectOperationOptions<R> = {},
): Promise<R | R[]> {
  return runPrepared(
    client,
    resource,
    items,
    (item, path) => bodyOf(item, 'create', path, options.fromPlain),
    'item',
    (body, collectionPath, signal) => client.post(collectionPath, body, requestOptions(resource, options, signal, true)),
    options,
  );
}

/**
 * Updates one object or many: `PUT <path>/<id>` per item, the id taken from the item. Plain JSON
 * is sent without `id` and `self`; objects that track changes send only those
 * (`toUpdateJSON()`, else `toJSON()`). A request is sent even when nothing changed, so every
 * target is attempted and the reply is the server's current state. Resolves the replies in input
 * order; failures as in `createObjects`.
 *
 * @example
 * ```ts
 * await updateObjects(client, inventory, [{ id: '1', name: 'Pump A' }, { id: '2', name: 'Pump B' }], { workers: 2 });
 * ```
 */
export function updateObjects<R = JsonObject>(client: RestClient, resource: ResourceDescriptor, items: readonly BodySource[], options?: ObjectOperationOptions<R>): Promise<R[]>;
export function updateObjects<R = JsonObject>(client: RestClient, resource: ResourceDescriptor, item: BodySource, options?: ObjectOperationOptions<R>): Promise<R>;
export function updateObjects<R>(
  client: RestClient,
  resource: ResourceDescriptor,
  items: BodySource | readonly BodySource[],
  options: ObjectOperationOptions<R> = {},
): Promise<R | R[]> {
  return runPrepared(
    client,
    resource,
    items,
    (item, path) => ({ id: idOf(item, `${path}.id`), body: bodyOf(item, 'update', path, options.fromPlain) }),
    'item',
    ({ id, body }, collectionPath, signal) => client.put(objectUrl(collectionPath, id), body, requestOptions(resource, options, signal, true)),
    options,
  );
}

/**
 * Sends the same changes to one object or many: `PUT <path>/<id>` with `body` for each target
 * (ids, `{ id }` objects, model objects). `body` is plain JSON (its `id` and `self` left out) or an
 * object that renders its changes (`toUpdateJSON()`, else `toJSON()`), rendered once.
 *
 * @example
 * ```ts
 * await applyToObjects(client, Resources.alarm, { status: 'CLEARED' }, ['11', '12', '13'], { workers: 3 });
 * ```
 */
export function applyToObjects<R = JsonObject>(
  client: RestClient,
  resource: ResourceDescriptor,
  body: BodySource,
  targets: readonly IdLike[],
  options?: ObjectOperationOptions<R>,
): Promise<R[]>;
export function applyToObjects<R = JsonObject>(client: RestClient, resource: ResourceDescriptor, body: BodySource, target: IdLike, options?: ObjectOperationOptions<R>): Promise<R>;
export async function applyToObjects<R>(
  client: RestClient,
  resource: ResourceDescriptor,
  body: BodySource,
  targets: IdLike | readonly IdLike[],
  options: ObjectOperationOptions<R> = {},
): Promise<R | R[]> {
  const json = bodyOf(body, 'update', 'body', options.fromPlain);
  return runPrepared(
    client,
    resource,
    targets,
    (target, path) => idOf(target, path),
    'target',
    (id, collectionPath, signal) => client.put(objectUrl(collectionPath, id), json, requestOptions(resource, options, signal, true)),
    options,
  );
}

/**
 * Deletes one object or many: `DELETE <path>/<id>` per target (ids, `{ id }` objects, model
 * objects). All ids are checked before the first request. For an array, failures end in one
 * `BulkError` whose `succeeded` lists the deleted indices; a single target rejects with its own
 * error (`NotFoundError`, …).
 *
 * @example
 * ```ts
 * await deleteObjects(client, inventory, ['11', '12', '13'], { workers: 3, params: { cascade: true } });
 * ```
 */
export function deleteObjects(client: RestClient, resource: ResourceDescriptor, targets: readonly IdLike[], options?: ObjectOperationOptions): Promise<void>;
export function deleteObjects(client: RestClient, resource: ResourceDescriptor, target: IdLike, options?: ObjectOperationOptions): Promise<void>;
export async function deleteObjects(
  client: RestClient,
  resource: ResourceDescriptor,
  targets: IdLike | readonly IdLike[],
  options: ObjectOperationOptions = {},
): Promise<void> {
  await runPrepared(
    client,
    resource,
    targets,
    (target, path) => idOf(target, path),
    'target',
    (id, collectionPath, signal) => client.delete<void>(objectUrl(collectionPath, id), requestOptions(resource, options, signal, false)),
    options,
  );
}
