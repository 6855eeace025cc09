import type { UserGroup } from '@c8y/model';
import type { IdLike } from '@c8y/rest-core';

/**
 * A user group in a `groups` filter: its integer id (a number, a string of digits, `{ id }` or a
 * `UserGroup`), or its name (any other string), which is looked up with
 * `GET /user/{tenantId}/groupByName/{name}` before the listing request.
 *
 * @example
 * ```ts
 * const groups: GroupRef[] = [2, '5', 'Operators'];
 * ```
 */
export type GroupRef = IdLike | UserGroup;

/**
 * Filters of `GET /user/{tenantId}/users`: the REST names of the OpenAPI spec. A key not listed
 * here is a compile error (the platform would ignore it and list every user): pass such
 * parameters in `options.params`.
 *
 * @example
 * ```ts
 * const filters: UserFilters = { username: 'j', groups: ['Operators', 4], onlyDevices: false };
 * ```
 */
export interface UserFilters {
  /** User name prefix (or alias), case-insensitive. Not together with `usernameContains`. */
  username?: string;
  /** Part of the user name (or alias), case-insensitive, at least 3 characters. Not together with `username`. */
  usernameContains?: string;
  /**
   * Users in at least one of these groups: integer ids, `{ id }`, `UserGroup`s, or group names
   * (resolved to ids before the listing request; an unknown name is an `InvalidInputError`).
   * Sent comma-joined.
   */
  groups?: GroupRef | readonly GroupRef[];
  /** Exact user name of the users' owner. */
  owner?: string;
  /** `true`: only device users (`device_*`); absent or `false`: no device users. */
  onlyDevices?: boolean;
  /** `true`: each user carries `subusersCount`, the number of users it owns. */
  withSubusersCount?: boolean;
}

/**
 * Filters of the paged user collections that take none (`GET /user/{tenantId}/groups`, a user's
 * groups, a group's members and roles, `GET /user/inventoryroles`): paging only.
 *
 * @example
 * ```ts
 * const none: PagingOnlyFilters = {};
 * ```
 */
export type PagingOnlyFilters = Record<never, never>;
