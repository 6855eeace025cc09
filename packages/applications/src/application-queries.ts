import { Resources, type ApplicationType } from '@c8y/model';
import { apiPath, defineQuery, type ItemCollection } from '@c8y/rest-core';

/** The application types, for the run-time check of `type`. */
const APPLICATION_TYPES: readonly ApplicationType[] = ['EXTERNAL', 'HOSTED', 'MICROSERVICE'];

/**
 * Filters of `GET /application/applications`: the REST names of the OpenAPI spec. A key not
 * listed here is a compile error and refused at run time (the platform would ignore it and
 * return every application). One name has its own endpoint as well: `Applications.getByName`.
 *
 * @example
 * ```ts
 * const filters: ApplicationFilters = { type: ['HOSTED', 'MICROSERVICE'], subscriber: 't07007007' };
 * ```
 */
export interface ApplicationFilters {
  /** The application's name (exact). */
  name?: string;
  /** Type(s): `EXTERNAL`, `HOSTED`, `MICROSERVICE`; a list is sent comma-joined. */
  type?: ApplicationType | readonly ApplicationType[];
  /** Applications owned by this tenant (id). */
  owner?: string;
  /** Applications this tenant (id) is subscribed to but does not own. */
  providedFor?: string;
  /** Applications this tenant (id) is subscribed to. */
  subscriber?: string;
  /** Applications this tenant (id) owns or is subscribed to. */
  tenant?: string;
  /** Applications this user (name) may use. */
  user?: string;
  /** `true`: only applications with versions; `false`: only those without. */
  hasVersions?: boolean;
}

/**
 * `GET /application/applications`: `type` lists comma-joined and checked; the parameters the
 * OpenAPI spec documents, nothing else.
 *
 * @example
 * ```ts
 * buildQueryParams({ type: ['EXTERNAL', 'HOSTED'], owner: 't07' }, applicationQuery); // { type: 'EXTERNAL,HOSTED', owner: 't07' }
 * ```
 */
export const applicationQuery = /* @__PURE__ */ defineQuery<ApplicationFilters>({
  resource: 'GET /application/applications',
  lists: ['type'],
  values: { type: APPLICATION_TYPES },
  parameters: ['name', 'type', 'owner', 'providedFor', 'subscriber', 'tenant', 'user', 'hasVersions'],
});

/**
 * Filters of `GET /application/applicationsByName/{name}`: none (the spec documents no query
 * parameter there, not even paging).
 *
 * @example
 * ```ts
 * const none: ApplicationsByNameFilters = {};
 * ```
 */
export type ApplicationsByNameFilters = Record<never, never>;

/**
 * `GET /application/applicationsByName/{name}`: no parameters (`parameters: []`).
 *
 * @example
 * ```ts
 * buildQueryParams({}, applicationsByNameQuery); // {}
 * ```
 */
export const applicationsByNameQuery = /* @__PURE__ */ defineQuery<ApplicationsByNameFilters>({
  resource: 'GET /application/applicationsByName/{name}',
  parameters: [],
});

/**
 * The applications of one name as a collection the resource API reads with `selectFrom`: the name
 * path-encoded, collection key `applications`, not paged (one request).
 *
 * @example
 * ```ts
 * applicationsByName('cockpit').path; // '/application/applicationsByName/cockpit'
 * ```
 */
export function applicationsByName(name: string): ItemCollection<ApplicationsByNameFilters> {
  return {
    path: apiPath`/application/applicationsByName/${name}`,
    collectionKey: Resources.application.collectionKey,
    collectionMediaType: Resources.application.collectionMediaType,
    paged: false,
    querySpec: applicationsByNameQuery,
  };
}
