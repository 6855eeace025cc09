import { Resources } from '@c8y/model';
import { apiPath, defineQuery, type ItemCollection } from '@c8y/rest-core';

/**
 * Filters of `GET /identity/globalIds/{id}/externalIds`: none. The OpenAPI spec documents no query
 * parameter for this endpoint, so every filter key is a compile error and refused at run time.
 *
 * @example
 * ```ts
 * const none: ExternalIdCollectionFilters = {};
 * ```
 */
export type ExternalIdCollectionFilters = Record<never, never>;

/**
 * `GET /identity/globalIds/{id}/externalIds`: no filters at all (`parameters: []`).
 *
 * @example
 * ```ts
 * buildQueryParams({}, externalIdCollectionQuery); // {}
 * ```
 */
export const externalIdCollectionQuery = defineQuery<ExternalIdCollectionFilters>({
  resource: 'GET /identity/globalIds/{id}/externalIds',
  parameters: [],
});

/**
 * The external ids of one managed object as a collection the resource API reads with `selectFrom`:
 * `{ externalIds: [...] }`, media type `externalidcollection`, the object id path-encoded.
 *
 * @example
 * ```ts
 * externalIdsOf('42').path; // '/identity/globalIds/42/externalIds'
 * ```
 */
export function externalIdsOf(managedObjectId: string): ItemCollection<ExternalIdCollectionFilters> {
  return {
    path: apiPath`/identity/globalIds/${managedObjectId}/externalIds`,
    collectionKey: Resources.externalId.collectionKey,
    collectionMediaType: Resources.externalId.collectionMediaType,
    querySpec: externalIdCollectionQuery,
  };
}

