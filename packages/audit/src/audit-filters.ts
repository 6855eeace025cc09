import type { DateRangeFilters, IdLike } from '@c8y/rest-core';

/**
 * Filters of `GET /audit/auditRecords`: the REST names of the OpenAPI spec plus the SDK's aliases
 * of the record time (`after`/`before`, `maxAge`/`minAge`). The spec documents no sort flag
 * (`revert`) and no creation range for audit records, so there is no `ascending` and no
 * `getLast`. A key not listed here is a compile error: pass such parameters in `options.params`.
 *
 * @example
 * ```ts
 * const filters: AuditRecordFilters = { type: 'Alarm', source: device, user: 'admin', maxAge: '7d' };
 * ```
 */
export interface AuditRecordFilters extends DateRangeFilters {
  /** The platform component the record is about: its id or the object (`{ source: device }`). */
  source?: IdLike;
  /** The audit record type, e.g. `Alarm`, `Operation`, `User` (one value: the API takes no list). */
  type?: string;
  /** The name of the user who did it. */
  user?: string;
  /** The name of the application it was done from, e.g. `cockpit`. */
  application?: string;
}
