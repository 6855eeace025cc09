import { defineQuery } from '@c8y/rest-core';
import type { BulkOperationFilters, OperationDeleteFilters, OperationFilters } from './device-control-filters.js';

/**
 * `GET /devicecontrol/operations`: `deviceId`, `agentId` and `bulkOperationId` take ids or objects;
 * the creation-time range with `after`/`before` and ages; `fragment` → `fragmentType`; `ascending`
 * → `revert` (`revert=false` is oldest first, the API's default; `revert` applies only to range
 * queries, so `getLast` starts the range at 1970-01-01 when none is given).
 *
 * @example
 * ```ts
 * buildQueryParams({ deviceId: device, status: 'PENDING', ascending: false }, operationQuery);
 * // { deviceId: '42', status: 'PENDING', revert: true }
 * ```
 */
export const operationQuery = defineQuery<OperationFilters>({
  resource: 'GET /devicecontrol/operations',
  ranges: ['time'],
  ids: ['deviceId', 'agentId', 'bulkOperationId'],
  aliases: { fragment: 'fragmentType' },
  ascendingRevert: false,
  singles: ['status', 'fragmentType'],
  parameters: ['agentId', 'bulkOperationId', 'dateFrom', 'dateTo', 'deviceId', 'fragmentType', 'revert', 'status'],
  revertNeedsRange: true,
});

/**
 * `DELETE /devicecontrol/operations`: `agentId`, `deviceId`, `status` and the creation-time range only.
 * @example buildQueryParams({ deviceId: '42', status: 'PENDING' }, operationDeleteQuery) // { deviceId: '42', status: 'PENDING' }
 */
export const operationDeleteQuery = defineQuery<OperationDeleteFilters>({
  resource: 'DELETE /devicecontrol/operations',
  ranges: ['time'],
  ids: ['deviceId', 'agentId'],
  singles: ['status'],
  parameters: ['agentId', 'dateFrom', 'dateTo', 'deviceId', 'status'],
});

/**
 * `GET /devicecontrol/bulkoperations`: paging only, no filters (`parameters: []`).
 * @example buildQueryParams({}, bulkOperationQuery) // {}
 */
export const bulkOperationQuery = defineQuery<BulkOperationFilters>({
  resource: 'GET /devicecontrol/bulkoperations',
  parameters: [],
});
