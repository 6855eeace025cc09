import type { OperationStatus } from '@c8y/model';
import type { DateRangeFilters, IdLike, OrderFilters } from '@c8y/rest-core';

/**
 * Filters of `GET /devicecontrol/operations`: the REST names of the OpenAPI spec plus the SDK's
 * aliases (`after`/`before`, `maxAge`/`minAge` for the creation-time range `dateFrom`/`dateTo`,
 * `fragment` for `fragmentType`, `ascending` for `revert`). Operations come oldest first
 * (`revert=false`); `ascending: false` (or `revert: true`) gives newest first. A key not listed here
 * is a compile error: pass such parameters in `options.params`.
 *
 * @example
 * ```ts
 * const filters: OperationFilters = { deviceId: device, status: 'PENDING', fragmentType: 'c8y_Restart', maxAge: '1d' };
 * ```
 */
export interface OperationFilters extends DateRangeFilters, OrderFilters {
  /** The target device: its id or the object (`{ deviceId: device }`). */
  deviceId?: IdLike;
  /** The agent: operations of the agent and its direct child devices (the items then carry `deviceExternalIDs`). */
  agentId?: IdLike;
  /** The bulk operation the operations were created by: its id or the object. */
  bulkOperationId?: IdLike;
  /** Status: `PENDING`, `EXECUTING`, `SUCCESSFUL` or `FAILED` (one value; the API takes no list). */
  status?: OperationStatus;
  /** Only operations with this fragment, e.g. `c8y_Restart` (REST name). */
  fragmentType?: string;
  /** Alias of `fragmentType`. */
  fragment?: string;
}

/**
 * Filters of `DELETE /devicecontrol/operations`: the OpenAPI spec documents only `agentId`,
 * `deviceId`, `status` and the creation-time range there (no `bulkOperationId`, `fragmentType`
 * or sort flag: the platform would ignore them and delete more than asked, so they are refused).
 *
 * @example
 * ```ts
 * const filters: OperationDeleteFilters = { deviceId: device, status: 'PENDING', before: '2025-01-01' };
 * ```
 */
export type OperationDeleteFilters = Omit<OperationFilters, 'bulkOperationId' | 'fragmentType' | 'fragment' | keyof OrderFilters>;

/**
 * What {@link Operations.getLast} takes: the listing filters without a sort flag (it asks newest first itself).
 *
 * @example
 * ```ts
 * const filters: OperationLastFilters = { deviceId: device, fragmentType: 'c8y_Command' };
 * ```
 */
export type OperationLastFilters = Omit<OperationFilters, keyof OrderFilters>;

/**
 * Filters of `GET /devicecontrol/bulkoperations`: none. The OpenAPI spec documents only paging
 * there, so every filter key is a compile error (and refused at run time).
 *
 * @example
 * ```ts
 * const filters: BulkOperationFilters = {};
 * ```
 */
export type BulkOperationFilters = Record<never, never>;
