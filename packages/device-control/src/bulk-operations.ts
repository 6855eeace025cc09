import { BulkOperation, Resources } from '@c8y/model';
import { defineResourceApi } from '@c8y/rest-core';
import { bulkOperationQuery } from './device-control-queries.js';

/**
 * Bulk operations (`/devicecontrol/bulkoperations`): one operation prototype sent to every device
 * of a group (`groupId`), or re-run for the failed operations of an earlier bulk operation
 * (`failedParentId`), created at `startDate` with `creationRamp` seconds between two devices.
 * Read them with their progress figures (`progress.pending|executing|successful|failed|all`,
 * `status`, `generalStatus`), change the schedule or prototype with `update`, cancel with `delete`.
 *
 * The listing documents paging only (no filters, no sort flag, no totals), so there is no `count`
 * and no `getLast`; the operations a bulk operation created are read with
 * `operations.select({ bulkOperationId })`.
 *
 * @example
 * ```ts
 * const bulkOperations = new BulkOperations(client);
 * const groupId = '12345';
 * const bulk = await bulkOperations.create({ groupId, startDate: 'now', creationRamp: 10, operationPrototype: { description: 'Restart', c8y_Restart: {} } });
 * const { successful, all } = (await bulkOperations.get(bulk.id!)).progress ?? {};
 * ```
 */
export class BulkOperations extends /* @__PURE__ */ defineResourceApi({
  resource: Resources.bulkOperation,
  query: bulkOperationQuery,
  item: BulkOperation,
  operations: ['get', 'select', 'getAll', 'create', 'update', 'applyTo', 'delete'],
}) {}
