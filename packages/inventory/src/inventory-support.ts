// Internal helpers shared by the inventory contexts (not exported from the package).
import { ManagedObject, MediaTypes, Resources, type ChildKind } from '@c8y/model';
import {
  apiPath,
  encodePathSegment,
  idOf,
  InvalidInputError,
  isJsonObject,
  ResponseFormatError,
  type CallOptions,
  type IdLike,
  type JsonObject,
  type RestClient,
} from '@c8y/rest-core';
import { checkKind } from './inventory-queries.js';

/** The query parameters of `GET /inventory/managedObjects/{id}`. */
export const GET_FLAGS = ['withParents', 'withChildren', 'withChildrenCount', 'skipChildrenNames', 'withLatestValues'] as const;
/** The query parameters of `DELETE /inventory/managedObjects/{id}`. */
export const DELETE_FLAGS = ['cascade', 'forceCascade', 'withDeviceUser'] as const;

/**
 * Moves boolean flags from the options into `params` (checked: booleans only, not also in
 * `params`); the other options stay as they are.
 */
export function flagsToParams<O extends CallOptions>(options: O | undefined, flags: readonly string[]): O {
  if (options === undefined) return {} as O;
  const rest: Record<string, unknown> = { ...(options as Record<string, unknown>) };
  const given: Record<string, boolean> = {};
  for (const flag of flags) {
    const value = rest[flag];
    delete rest[flag];
    if (value === undefined) continue;
    if (typeof value !== 'boolean') throw new InvalidInputError(`expected true or false, got ${JSON.stringify(value)}`, { path: flag });
    given[flag] = value;
  }
  if (Object.keys(given).length === 0) return rest as O;
  const params = options.params instanceof URLSearchParams ? Object.fromEntries(options.params) : { ...options.params };
  for (const flag of Object.keys(given)) {
    if (Object.hasOwn(params, flag)) throw new InvalidInputError(`is also set by the option '${flag}': give it once`, { path: `params.${flag}` });
  }
  return { ...rest, params: { ...params, ...given } } as O;
}

/**
 * Whether the second argument of `update` names targets (`update(change, ids)`) rather than
 * options (`update(items, options)`): an id, a list, or an object with `id` (options never have one).
 */
export function namesTargets(value: unknown): value is IdLike | readonly IdLike[] {
  if (typeof value === 'string' || typeof value === 'number' || Array.isArray(value)) return true;
  return typeof value === 'object' && value !== null && Object.hasOwn(value, 'id');
}

function childrenPath(parent: IdLike, kind: ChildKind): string {
  return apiPath`/inventory/managedObjects/${idOf(parent, 'parent')}/${checkKind(kind)}`;
}

function referencesOf(children: readonly IdLike[], action: string): JsonObject {
  if (children.length === 0) throw new InvalidInputError(`empty list: nothing to ${action}`, { path: 'children' });
  return { references: children.map((child, index) => ({ managedObject: { id: idOf(child, `children[${index}]`) } })) };
}

/**
 * One child: `POST …/{parent}/{kind}` with a managed object reference; a list: one POST with a
 * reference collection (the API adds all or none).
 */
export async function assignChildren(client: RestClient, parent: IdLike, kind: ChildKind, children: IdLike | readonly IdLike[], options?: CallOptions): Promise<void> {
  const path = childrenPath(parent, kind);
  if (Array.isArray(children)) {
    const body = referencesOf(children as readonly IdLike[], 'assign');
    await client.post(path, body, { ...options, contentType: MediaTypes.managedObjectReferenceCollection });
    return;
  }
  const body = { managedObject: { id: idOf(children, 'children') } };
  await client.post(path, body, { ...options, contentType: MediaTypes.managedObjectReference, accept: MediaTypes.managedObjectReference });
}

/**
 * One child: `DELETE …/{parent}/{kind}/{child}`; a list: one `DELETE …/{parent}/{kind}` with a
 * reference collection body. The children themselves stay.
 */
export async function unassignChildren(client: RestClient, parent: IdLike, kind: ChildKind, children: IdLike | readonly IdLike[], options?: CallOptions): Promise<void> {
  const path = childrenPath(parent, kind);
  if (Array.isArray(children)) {
    const body = referencesOf(children as readonly IdLike[], 'unassign');
    await client.request('DELETE', path, { ...options, body, contentType: MediaTypes.managedObjectReferenceCollection });
    return;
  }
  await client.delete(`${path}/${encodePathSegment(idOf(children, 'children'), 'children')}`, options);
}

/**
 * Creates an object directly as a child: `POST …/{parent}/{kind}` with the object's JSON
 * (media type `managedobject`). Resolves the new object's id from the reply (a reference, or
 * the object).
 */
export async function createChildObject(client: RestClient, parent: IdLike, kind: ChildKind, body: JsonObject, options?: CallOptions): Promise<string> {
  const path = childrenPath(parent, kind);
  const reply = await client.post(path, body, { ...options, contentType: Resources.managedObject.mediaType, accept: `${MediaTypes.managedObjectReference}, ${Resources.managedObject.mediaType}` });
  const object = isJsonObject(reply) && isJsonObject(reply.managedObject) ? reply.managedObject : reply;
  const id = isJsonObject(object) ? object.id : undefined;
  if (typeof id === 'string' || typeof id === 'number') return String(id);
  throw new ResponseFormatError('expected the created child (a managedObject reference with an id)', { method: 'POST', url: `${client.baseUrl}${path}` });
}

/**
 * Plain-JSON changes for the device and group inventories as `ManagedObject`s, so the `Device` and
 * `DeviceGroup` defaults (`c8y_IsDevice`, `c8y_IsDeviceGroup`, type `c8y_DeviceGroup`) are not
 * sent with every change — they would turn a sub-group into a root group. Fields are checked by
 * the model (`set`); model objects pass unchanged.
 */
export function asChange(client: RestClient, item: unknown, path: string): unknown {
  if (!isJsonObject(item) || item instanceof ManagedObject || Object.getPrototypeOf(item) !== Object.prototype) return item;
  const { id, ...fields } = item;
  const object = id === undefined ? new ManagedObject(client) : ManagedObject.fromJSON(client, { id: idOf(id, `${path}.id`) });
  for (const [key, value] of Object.entries(fields)) object.set(key, value);
  return object;
}

/** {@link asChange} for one item or each of a list. */
export function asChanges(client: RestClient, items: unknown): unknown {
  return Array.isArray(items) ? items.map((item, index) => asChange(client, item, `items[${index}]`)) : asChange(client, items, 'item');
}
