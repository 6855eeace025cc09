/**
 * `@c8y/device-control`: the Cumulocity device-control API (operations and bulk operations) as typed contexts.
 *
 * @example
 * ```ts
 * import { Operations } from '@c8y/device-control';
 * const operations = new Operations(client);
 * for await (const pending of operations.select({ deviceId, status: 'PENDING' })) console.log(pending.description);
 * ```
 * @packageDocumentation
 */
export { Operations } from './operations.js';
export { BulkOperations } from './bulk-operations.js';
export type { BulkOperationFilters, OperationDeleteFilters, OperationFilters, OperationLastFilters } from './device-control-filters.js';
export { bulkOperationQuery, operationDeleteQuery, operationQuery } from './device-control-queries.js';
export { Operation, OperationStatuses, type OperationInit, type OperationStatus } from '@c8y/model';
export {
  BulkOperation,
  type BulkOperationGeneralStatus,
  type BulkOperationInit,
  type BulkOperationProgress,
  type BulkOperationStatus,
} from '@c8y/model';
