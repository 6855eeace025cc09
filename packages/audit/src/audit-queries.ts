import { defineQuery } from '@c8y/rest-core';
import type { AuditRecordFilters } from './audit-filters.js';

/**
 * `GET /audit/auditRecords` (also the count, read from one page's statistics): `source` takes an
 * id or an object, the record time has its aliases and ages. Only the parameters the OpenAPI spec
 * documents are accepted (no `revert`: the platform would ignore it).
 *
 * @example
 * ```ts
 * buildQueryParams({ type: 'Alarm', source: { id: '42' } }, auditRecordQuery);
 * // { type: 'Alarm', source: '42' }
 * ```
 */
export const auditRecordQuery = /* @__PURE__ */ defineQuery<AuditRecordFilters>({
  resource: 'GET /audit/auditRecords',
  ranges: ['time'],
  ids: ['source'],
  parameters: ['source', 'type', 'user', 'application', 'dateFrom', 'dateTo'],
});
