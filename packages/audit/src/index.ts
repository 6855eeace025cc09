/**
 * `@c8y/audit`: the Cumulocity audit API as a typed context.
 *
 * @example
 * ```ts
 * import { AuditRecords } from '@c8y/audit';
 * const audit = new AuditRecords(client);
 * for await (const record of audit.select({ type: 'Operation', maxAge: '1d' })) console.log(record.activity, record.user);
 * ```
 * @packageDocumentation
 */
export { AuditRecords } from './audit-records.js';
export type { AuditRecordFilters } from './audit-filters.js';
export { auditRecordQuery } from './audit-queries.js';
export { AuditRecord, Change, type AuditRecordInit } from '@c8y/model';
