import type { CreatedRangeFilters, DateRangeFilters, IdLike, OrderFilters, UpdatedRangeFilters } from '@c8y/rest-core';

/**
 * Filters of `GET /event/events`: the REST names of the OpenAPI spec plus the SDK's aliases
 * (`after`/`before`, `maxAge`/`minAge`, `createdAfter`/`createdBefore`,
 * `updatedAfter`/`updatedBefore`, `ascending`). Events come **newest first**; `revert: true` (or
 * `ascending: true`) turns a range query (one with a time bound) oldest first. A key not listed
 * here is a compile error: pass such parameters in `options.params`.
 *
 * @example
 * ```ts
 * const filters: EventFilters = { source: device, type: 'c8y_LocationUpdate', maxAge: '1d', ascending: true };
 * ```
 */
export interface EventFilters extends DateRangeFilters, CreatedRangeFilters, UpdatedRangeFilters, OrderFilters {
  /** The source object: its id or the object (`{ source: device }`). */
  source?: IdLike;
  /** Event type (exact). */
  type?: string;
  /** Events that have this fragment, e.g. `c8y_IsBinary` (events with an attachment). */
  fragmentType?: string;
  /** Events whose `fragmentType` fragment has this string value (needs `fragmentType`; string fragments only). */
  fragmentValue?: string;
  /** Also events of the source's child assets (needs `source`). */
  withSourceAssets?: boolean;
  /** Also events of the source's child devices (needs `source`). */
  withSourceDevices?: boolean;
  /** Also events of all the source's children (needs `source`). */
  withSourceChildren?: boolean;
  /** Also events of the source's child additions (needs `source`). */
  withSourceAdditions?: boolean;
}

/**
 * Filters of `DELETE /event/events`: source, type, `fragmentType`, and the time and creation
 * ranges — no update range, no `fragmentValue`, no `withSource*`, no sort flag (the OpenAPI spec
 * documents none of them there, and the platform would delete more events than asked).
 *
 * @example
 * ```ts
 * const filters: EventDeleteFilters = { source: device, type: 'c8y_Heartbeat', before: '2025-01-01' };
 * ```
 */
export type EventDeleteFilters = Pick<EventFilters, 'source' | 'type' | 'fragmentType' | keyof DateRangeFilters | keyof CreatedRangeFilters>;
