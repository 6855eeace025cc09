// Internal helpers shared by the inventory contexts (not exported from the package).
import { MediaTypes, Resources, type ChildKind } from '@c8y/model';
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
