import type { AlarmSeverity, AlarmStatus } from '@c8y/model';
import type { CreatedRangeFilters, DateRangeFilters, IdLike, UpdatedRangeFilters } from '@c8y/rest-core';

/**
 * Filters of `GET /alarm/alarms`: the REST names of the OpenAPI spec plus the SDK's aliases
 * (`after`/`before`, `maxAge`/`minAge`, `createdAfter`/`createdBefore`,
 * `updatedAfter`/`updatedBefore`). Alarms come newest first; the API has no sort flag. A key not
 * listed here is a compile error: pass such parameters in `options.params`.
 *
 * @example
 * ```ts
 * const filters: AlarmFilters = { source: device, status: ['ACTIVE', 'ACKNOWLEDGED'], severity: 'MAJOR', maxAge: '1d' };
 * ```
 */
export interface AlarmFilters extends DateRangeFilters, CreatedRangeFilters, UpdatedRangeFilters {
  /** The source object: its id or the object (`{ source: device }`). */
  source?: IdLike;
  /** Alarm type(s); a list is sent comma-joined. */
  type?: string | readonly string[];
  /** Status(es): `ACTIVE`, `ACKNOWLEDGED`, `CLEARED`; a list is sent comma-joined. */
  status?: AlarmStatus | readonly AlarmStatus[];
  /** Severity(ies): `CRITICAL`, `MAJOR`, `MINOR`, `WARNING`; a list is sent comma-joined. */
  severity?: AlarmSeverity | readonly AlarmSeverity[];
  /** `true`: only cleared alarms; `false`: only uncleared ones. */
  resolved?: boolean;
  /** Also alarms of the source's child assets (needs `source`). */
  withSourceAssets?: boolean;
  /** Also alarms of the source's child devices (needs `source`). */
  withSourceDevices?: boolean;
  /** Also alarms of all the source's children (needs `source`). */
  withSourceChildren?: boolean;
  /** Also alarms of the source's child additions (needs `source`). */
  withSourceAdditions?: boolean;
}

/**
 * Filters of `GET /alarm/alarms/count`: the OpenAPI spec documents no creation or update range there.
 *
 * @example
 * ```ts
 * const filters: AlarmCountFilters = { status: 'ACTIVE', severity: ['CRITICAL', 'MAJOR'] };
 * ```
 */
export type AlarmCountFilters = Omit<AlarmFilters, keyof CreatedRangeFilters | keyof UpdatedRangeFilters>;

/**
 * Filters of `PUT /alarm/alarms` (status of many alarms at once): no `type` and no update range
 * (the platform would ignore them and change more alarms than asked, so they are refused).
 *
 * @example
 * ```ts
 * const filters: AlarmStatusFilters = { source: device, status: 'ACTIVE', severity: 'WARNING' };
 * ```
 */
export type AlarmStatusFilters = Omit<AlarmFilters, 'type' | keyof UpdatedRangeFilters>;

/**
 * Filters of `DELETE /alarm/alarms`: no update range.
 *
 * @example
 * ```ts
 * const filters: AlarmDeleteFilters = { source: device, status: 'CLEARED', before: '2025-01-01' };
 * ```
 */
export type AlarmDeleteFilters = Omit<AlarmFilters, keyof UpdatedRangeFilters>;
