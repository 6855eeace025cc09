import { encodePathSegment, resolveResourcePath, type ResourceDescriptor, type RestClient } from '@c8y/rest-core';

/**
 * A descriptor's collection path with `{tenantId}` replaced by the client's (encoded) tenant id,
 * fetched once from the client when the path needs it.
 *
 * @example
 * ```ts
 * await collectionPath(client, Resources.user); // '/user/t12345/users'
 * ```
 */
export async function collectionPath(client: RestClient, resource: ResourceDescriptor, signal?: AbortSignal): Promise<string> {
  return resolveResourcePath(client, resource.path, signal);
}

/**
 * The path of one object: the collection path plus the encoded id (an id cannot change the path).
 *
 * @example
 * ```ts
 * await objectPath(client, Resources.event, 'a/b'); // '/event/events/a%2Fb'
 * ```
 */
export async function objectPath(client: RestClient, resource: ResourceDescriptor, id: string | number, signal?: AbortSignal): Promise<string> {
  return `${await collectionPath(client, resource, signal)}/${encodePathSegment(id, 'id')}`;
}
