import { Operation, Resources } from '@c8y/model';
import { defineResourceApi } from '@c8y/rest-core';
import { operationDeleteQuery, operationQuery } from './device-control-queries.js';

/**
 * Operations (`/devicecontrol/operations`): typed queries with paging and workers, counts,
 * creating operations for devices one by one or in bulk, status transitions
 * (`PENDING` → `EXECUTING` → `SUCCESSFUL`/`FAILED`) with `update` and `applyTo`, the newest
 * operation with `getLast`, and server-side deletes by filter.
 *
 * The API cannot delete one operation by id, so there is no `delete`. Operations come oldest first
 * (`revert=false`); `ascending: false` asks newest first, and `getLast` asks for the newest itself
 * (one request, `revert=true`, over a range from 1970-01-01 when no date filter is given: the
 * OpenAPI spec applies `revert` only to range queries). `deleteBy` takes only the filters the
 * delete endpoint documents (others are refused before any request: the platform would ignore
 * them and delete more than asked), and never an empty filter.
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
  operations: ['get', 'select', 'getAll', 'getLast', 'count', 'create', 'update', 'applyTo', 'deleteBy'],
}) {}
