import { encodePathSegment } from '../client/api-path.js';
import type { ProcessingMode, RequestOptions } from '../client/options.js';
import type { QueryParams } from '../client/query-string.js';
import type { RestClient } from '../client/rest-client-interface.js';
import { InvalidInputError } from '../errors/invalid-input-error.js';
import { resolveResourcePath } from '../paging/resource-path.js';
import type { JsonObject } from '../paging/types.js';
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
 * Options of the object operations: the {@link BulkOptions} of the run (for an array) plus what
 * every request of it carries.
 *
 * @example
 * ```ts
 * const options: ObjectOperationOptions = { workers: 10, processingMode: 'QUIESCENT', params: { cascade: true } };
 * ```
 */
export interface ObjectOperationOptions extends BulkOptions {
  /** `X-Cumulocity-Processing-Mode` of every request. */
  processingMode?: ProcessingMode;
  /** Query parameters of every request, e.g. `{ cascade: true }` when deleting managed objects. */
  params?: QueryParams;
}

type BodyKind = 'create' | 'update';

/** An object literal or parsed JSON (from any realm), not a class instance, Map or array. */
function isPlainJson(value: unknown): value is JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value) as object | null;
  return prototype === null || Object.getPrototypeOf(prototype) === null;
}

function callIfPresent(value: object, method: string): { body: unknown } | undefined {
  const candidate = (value as Record<string, unknown>)[method];
  return typeof candidate === 'function' ? { body: (candidate as () => unknown).call(value) } : undefined;
}

/** The JSON body a source stands for; `id` and `self` of plain JSON are left out of updates (they name the target). */
function bodyOf(source: unknown, kind: BodyKind, path: string): JsonObject {
  const rendered =
    typeof source === 'object' && source !== null
      ? (callIfPresent(source, kind === 'create' ? 'toCreateJSON' : 'toUpdateJSON') ?? callIfPresent(source, 'toJSON'))
      : undefined;
  if (rendered === undefined && !isPlainJson(source)) {
    const got = source === null ? 'null' : Array.isArray(source) ? 'an array' : typeof source === 'object' ? 'an object without toJSON()' : typeof source;
    throw new InvalidInputError(`expected a JSON object or an object with toJSON(), got ${got}`, { path });
  }
  const body = rendered === undefined ? source : rendered.body;
  if (!isPlainJson(body)) throw new InvalidInputError('must render to a JSON object', { path });
  if (kind === 'create' || rendered !== undefined) return body;
  const { id: _id, self: _self, ...rest } = body;
  return rest;
}

/** `items[3]` for an element of an array, `item` for a single one. */
function pathOf(many: boolean, index: number, name: string): string {
  return many ? `${name}s[${index}]` : name;
}

/** Every request carries the caller's params and processing mode; bodies and replies use the resource's media type. */
function requestOptions(resource: ResourceDescriptor, options: ObjectOperationOptions, signal: AbortSignal, withBody: boolean): RequestOptions {
  const { mediaType } = resource;
  return {
    signal,
    ...(options.params === undefined ? {} : { params: options.params }),
    ...(options.processingMode === undefined ? {} : { processingMode: options.processingMode }),
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
  send: (prepared: P, collectionPath: string, signal: AbortSignal) => Promise<R>,
  options: ObjectOperationOptions,
): Promise<R | R[]> {
  const many = Array.isArray(sources);
  const list: readonly S[] = many ? (sources as readonly S[]) : [sources as S];
  const prepared = list.map((source, index) => prepare(source, pathOf(many, index, name)));
  if (many && list.length === 0) return [];
  // Resolved per target (the client caches the tenant id), so bad bulk options fail before any request.
  const operation = async (_source: S, { index, signal }: { index: number; signal: AbortSignal }) =>
    send(prepared[index] as P, await resolveResourcePath(client, resource.path, signal), signal);
  // runBulk reads only its own options (workers, abortOnErrors, onProgress, signal).
  return many ? runBulk(list, operation, options) : runBulk(list[0] as S, operation, options);
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
export function createObjects<R = JsonObject>(client: RestClient, resource: ResourceDescriptor, items: readonly BodySource[], options?: ObjectOperationOptions): Promise<R[]>;
export function createObjects<R = JsonObject>(client: RestClient, resource: ResourceDescriptor, item: BodySource, options?: ObjectOperationOptions): Promise<R>;
export function createObjects<R>(
  client: RestClient,
  resource: ResourceDescriptor,
  items: BodySource | readonly BodySource[],
  options: ObjectOperationOptions = {},
): Promise<R | R[]> {
  return runPrepared(
    client,
    resource,
    items,
    (item, path) => bodyOf(item, 'create', path),
    'item',
    (body, collectionPath, signal) => client.post<R>(collectionPath, body, requestOptions(resource, options, signal, true)),
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
export function updateObjects<R = JsonObject>(client: RestClient, resource: ResourceDescriptor, items: readonly BodySource[], options?: ObjectOperationOptions): Promise<R[]>;
export function updateObjects<R = JsonObject>(client: RestClient, resource: ResourceDescriptor, item: BodySource, options?: ObjectOperationOptions): Promise<R>;
export function updateObjects<R>(
  client: RestClient,
  resource: ResourceDescriptor,
  items: BodySource | readonly BodySource[],
  options: ObjectOperationOptions = {},
): Promise<R | R[]> {
  return runPrepared(
    client,
    resource,
    items,
    (item, path) => ({ id: idOf(item, `${path}.id`), body: bodyOf(item, 'update', path) }),
    'item',
    ({ id, body }, collectionPath, signal) => client.put<R>(objectUrl(collectionPath, id), body, requestOptions(resource, options, signal, true)),
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
 * await applyToObjects(client, alarms, { status: 'CLEARED' }, ['11', '12', '13'], { workers: 3 });
 * ```
 */
export function applyToObjects<R = JsonObject>(
  client: RestClient,
  resource: ResourceDescriptor,
  body: BodySource,
  targets: readonly IdLike[],
  options?: ObjectOperationOptions,
): Promise<R[]>;
export function applyToObjects<R = JsonObject>(client: RestClient, resource: ResourceDescriptor, body: BodySource, target: IdLike, options?: ObjectOperationOptions): Promise<R>;
export async function applyToObjects<R>(
  client: RestClient,
  resource: ResourceDescriptor,
  body: BodySource,
  targets: IdLike | readonly IdLike[],
  options: ObjectOperationOptions = {},
): Promise<R | R[]> {
  const json = bodyOf(body, 'update', 'body');
  return runPrepared(
    client,
    resource,
    targets,
    (target, path) => idOf(target, path),
    'target',
    (id, collectionPath, signal) => client.put<R>(objectUrl(collectionPath, id), json, requestOptions(resource, options, signal, true)),
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
