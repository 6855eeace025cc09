import { defineQuery } from '@c8y/rest-core';
import type { PagingOnlyFilters, UserFilters } from './user-filters.js';

/**
 * `GET /user/{tenantId}/users`: `groups` takes ids or objects (comma-joined); the parameters the
 * OpenAPI spec documents, nothing else. Group names are resolved by `Users` before this spec
 * sees them.
 *
 * @example
 * ```ts
 * buildQueryParams({ username: 'j', groups: [2, { id: '5' }] }, userQuery); // { username: 'j', groups: '2,5' }
 * ```
 */
export const userQuery = /* @__PURE__ */ defineQuery<UserFilters>({
  resource: 'GET /user/{tenantId}/users',
  ids: ['groups'],
  lists: ['groups'],
  parameters: ['username', 'usernameContains', 'groups', 'owner', 'onlyDevices', 'withSubusersCount'],
});

/**
 * `GET /user/{tenantId}/groups`: paging only.
 * @example buildQueryParams({}, userGroupQuery) // {}
 */
export const userGroupQuery = /* @__PURE__ */ defineQuery<PagingOnlyFilters>({ resource: 'GET /user/{tenantId}/groups', parameters: [] });

/**
 * `GET /user/{tenantId}/users/{userId}/groups`: paging only.
 * @example buildQueryParams({}, groupsOfUserQuery) // {}
 */
export const groupsOfUserQuery = /* @__PURE__ */ defineQuery<PagingOnlyFilters>({ resource: 'GET /user/{tenantId}/users/{userId}/groups', parameters: [] });

/**
 * `GET /user/{tenantId}/groups/{groupId}/users`: paging only.
 * @example buildQueryParams({}, groupMembersQuery) // {}
 */
export const groupMembersQuery = /* @__PURE__ */ defineQuery<PagingOnlyFilters>({ resource: 'GET /user/{tenantId}/groups/{groupId}/users', parameters: [] });

/**
 * `GET /user/{tenantId}/groups/{groupId}/roles`: paging only.
 * @example buildQueryParams({}, groupRolesQuery) // {}
 */
export const groupRolesQuery = /* @__PURE__ */ defineQuery<PagingOnlyFilters>({ resource: 'GET /user/{tenantId}/groups/{groupId}/roles', parameters: [] });

/**
 * `GET /user/inventoryroles`: paging only.
 * @example buildQueryParams({}, inventoryRoleQuery) // {}
 */
export const inventoryRoleQuery = /* @__PURE__ */ defineQuery<PagingOnlyFilters>({ resource: 'GET /user/inventoryroles', parameters: [] });
