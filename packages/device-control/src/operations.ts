import { Operation, Resources } from '@c8y/model';
import { defineResourceApi, type ByFilterOptions, type FilterOptions } from '@c8y/rest-core';
import type { OperationDeleteFilters, OperationLastFilters } from './device-control-filters.js';
import { operationDeleteQuery, operationQuery } from './device-control-queries.js';

/** The start of every creation-time range: makes a query a range query, so `revert` applies. */
const EPOCH = '1970-01-01T00:00:00.000Z';
const RANGE_KEYS = ['dateFrom', 'dateTo', 'after', 'before', 'maxAge', 'minAge'] as const;

/**
 * Operations (`/devicecontrol/operations`): typed queries with paging and workers, counts,
 * creating operations for devices one by one or in bulk, status transitions
 * (`PENDING` → `EXECUTING` → `SUCCESSFUL`/`FAILED`) with `update` and `applyTo`, the newest
 * operation with `getLast`, and server-side deletes by filter.
 *
 * The API cannot delete one operation by id, so there is no `delete`. Operations come oldest first
 * (`revert=false`); `ascending: false` asks newest first. Filters the delete endpoint does not
 * document are refused before any request (the platform would ignore them and delete more than asked).
 *
 * @example
 * ```ts
 * const operations = new Operations(client);
 * const restart = await operations.create({ deviceId: device, description: 'Restart', c8y_Restart: {} });
 * await operations.update({ id: restart.id!, status: 'EXECUTING' });
 * await operations.update({ id: restart.id!, status: 'SUCCESSFUL' });
 * await operations.count({ deviceId: device, status: 'PENDING' });
 * ```
 */
export class Operations extends /* @__PURE__ */ defineResourceApi({
  resource: Resources.operation,
  query: operationQuery,
  item: Operation,
  queries: { deleteBy: operationDeleteQuery },
  operations: ['get', 'select', 'getAll', 'count', 'create', 'update', 'applyTo'],
}) {
  /**
   * The newest matching operation, or `undefined`: one request for one item with `revert=true`.
   * The OpenAPI spec applies `revert` only to range queries, so without a date filter the range
   * starts at 1970-01-01 (every operation is newer).
   *
   * @example
   * ```ts
   * const last = await operations.getLast({ deviceId: device, fragmentType: 'c8y_Restart' });
   * ```
   */
  async getLast(filters: OperationLastFilters = {}, options?: FilterOptions): Promise<Operation | undefined> {
    const ranged = RANGE_KEYS.some((key) => filters[key] !== undefined);
    return this.operations.getLast(ranged ? filters : { dateFrom: EPOCH, ...filters }, options);
  }

  /**
   * Deletes every matching operation on the server (`DELETE /devicecontrol/operations?<filters>`);
   * the API has no delete by id. A missing or empty filter is refused (it would delete every
   * operation of the tenant), and so are the filters the endpoint does not document.
   *
   * @example
   * ```ts
   * await operations.deleteBy({ deviceId: device, status: 'PENDING' });
   * ```
   */
  async deleteBy(filters: OperationDeleteFilters | string, options?: ByFilterOptions): Promise<void> {
    return this.operations.deleteBy(filters, options);
  }
}
