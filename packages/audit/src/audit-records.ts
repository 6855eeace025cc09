import { AuditRecord, Resources } from '@c8y/model';
import { defineResourceApi } from '@c8y/rest-core';
import { auditRecordQuery } from './audit-queries.js';

/**
 * Audit records (`/audit/auditRecords`): typed queries with paging and workers, counts, one
 * record by id, and writing records (one or many). Records are immutable: the API has no PUT and
 * no DELETE, so there is no `update` and no `delete`. The spec documents no sort flag, so there
 * is no `ascending` and no `getLast`. Each record's `changes` are `Change` objects.
 *
 * @example
 * ```ts
 * const audit = new AuditRecords(client);
 * for await (const record of audit.select({ type: 'Alarm', source: device, maxAge: '1d' })) {
 *   for (const change of record.changes) console.log(change.attribute, change.previousValue, '→', change.newValue);
 * }
 * await audit.create({ type: 'Inventory', activity: 'Firmware update', text: 'v2 installed', source: device, time: 'now' });
 * ```
 */
export class AuditRecords extends /* @__PURE__ */ defineResourceApi({
  resource: Resources.auditRecord,
  query: auditRecordQuery,
  item: AuditRecord,
  operations: ['get', 'select', 'getAll', 'count', 'create'],
}) {}
