import { defineQuery } from '@c8y/rest-core';

/**
 * Filters of `GET /tenant/options`: none. The OpenAPI spec documents paging only, so every
 * filter key is a compile error and refused at run time (the platform would ignore it and return
 * every option). The options of one category have their own endpoint: `TenantOptions.getCategory`.
 *
 * @example
 * ```ts
 * const none: TenantOptionFilters = {};
 * ```
 */
export type TenantOptionFilters = Record<never, never>;

/**
 * `GET /tenant/options`: paging only (`parameters: []`).
 *
 * @example
 * ```ts
 * buildQueryParams({}, tenantOptionQuery); // {}
 * ```
 */
export const tenantOptionQuery = /* @__PURE__ */ defineQuery<TenantOptionFilters>({
  resource: 'GET /tenant/options',
  parameters: [],
});

/**
 * Filters of `GET /tenant/currentTenant`.
 *
 * @example
 * ```ts
 * const filters: CurrentTenantFilters = { withParent: true };
 * ```
 */
export interface CurrentTenantFilters {
  /** Also the id of the parent tenant (`parent`). @default false */
  withParent?: boolean;
}

/**
 * `GET /tenant/currentTenant`: `withParent` only.
 *
 * @example
 * ```ts
 * buildQueryParams({ withParent: true }, currentTenantQuery); // { withParent: true }
 * ```
 */
export const currentTenantQuery = /* @__PURE__ */ defineQuery<CurrentTenantFilters>({
  resource: 'GET /tenant/currentTenant',
  parameters: ['withParent'],
});

/**
 * Filters of `GET /tenant/loginOptions`. `management` and `tenantId` exclude each other (the
 * platform answers 400 to both): giving both is refused before any request.
 *
 * @example
 * ```ts
 * const filters: LoginOptionFilters = { tenantId: 't07007007' };
 * ```
 */
export interface LoginOptionFilters {
  /** The login options of the management tenant. @default false */
  management?: boolean;
  /** The login options of this tenant (by default the tenant of the request's domain). */
  tenantId?: string;
}

/**
 * `GET /tenant/loginOptions`: `management` and `tenantId`.
 *
 * @example
 * ```ts
 * buildQueryParams({ tenantId: 't07' }, loginOptionQuery); // { tenantId: 't07' }
 * ```
 */
export const loginOptionQuery = /* @__PURE__ */ defineQuery<LoginOptionFilters>({
  resource: 'GET /tenant/loginOptions',
  parameters: ['management', 'tenantId'],
});
