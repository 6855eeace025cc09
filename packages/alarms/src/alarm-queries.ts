import { AlarmSeverities, AlarmStatuses } from '@c8y/model';
import { defineQuery } from '@c8y/rest-core';
import type { AlarmCountFilters, AlarmDeleteFilters, AlarmFilters, AlarmStatusFilters } from './alarm-filters.js';

// Parameter lists as the OpenAPI spec documents them for each endpoint.
const WITH_SOURCE = { withSourceAssets: 'source', withSourceDevices: 'source', withSourceChildren: 'source', withSourceAdditions: 'source' } as const;
const SELECTION = ['source', 'withSourceAssets', 'withSourceDevices', 'withSourceChildren', 'withSourceAdditions', 'status', 'severity', 'resolved', 'dateFrom', 'dateTo'];
const CREATED = ['createdFrom', 'createdTo'];
// JavaScript callers have no compile-time check: a status or severity that does not exist is refused.
const VALUES = { status: AlarmStatuses, severity: AlarmSeverities };

/**
 * `GET /alarm/alarms`: time, creation and update ranges; `source` takes an id or an object;
 * `status`, `severity` and `type` lists are comma-joined; `withSource*` need `source`.
 *
 * @example
 * ```ts
 * buildQueryParams({ status: ['ACTIVE', 'ACKNOWLEDGED'], severity: 'MAJOR' }, alarmQuery);
 * // { status: 'ACTIVE,ACKNOWLEDGED', severity: 'MAJOR' }
 * ```
 */
export const alarmQuery = defineQuery<AlarmFilters>({
  resource: 'GET /alarm/alarms',
  ranges: ['time', 'created', 'updated'],
  ids: ['source'],
  lists: ['status', 'severity', 'type'],
  requires: WITH_SOURCE,
  values: VALUES,
  parameters: [...SELECTION, 'type', ...CREATED, 'lastUpdatedFrom', 'lastUpdatedTo'],
});

/**
 * `GET /alarm/alarms/count`: as {@link alarmQuery}, without creation and update ranges.
 * @example buildQueryParams({ status: 'ACTIVE' }, alarmCountQuery) // { status: 'ACTIVE' }
 */
export const alarmCountQuery = defineQuery<AlarmCountFilters>({
  resource: 'GET /alarm/alarms/count',
  ranges: ['time'],
  ids: ['source'],
  lists: ['status', 'severity', 'type'],
  requires: WITH_SOURCE,
  values: VALUES,
  parameters: [...SELECTION, 'type'],
});

/**
 * `PUT /alarm/alarms` (the status of many alarms): no `type`, no update range.
 * @example buildQueryParams({ source: '42', status: 'ACTIVE' }, alarmStatusQuery) // { source: '42', status: 'ACTIVE' }
 */
export const alarmStatusQuery = defineQuery<AlarmStatusFilters>({
  resource: 'PUT /alarm/alarms',
  ranges: ['time', 'created'],
  ids: ['source'],
  lists: ['status', 'severity'],
  requires: WITH_SOURCE,
  values: VALUES,
  parameters: [...SELECTION, ...CREATED],
});

/**
 * `DELETE /alarm/alarms`: no update range.
 * @example buildQueryParams({ source: '42', status: 'CLEARED' }, alarmDeleteQuery) // { source: '42', status: 'CLEARED' }
 */
export const alarmDeleteQuery = defineQuery<AlarmDeleteFilters>({
  resource: 'DELETE /alarm/alarms',
  ranges: ['time', 'created'],
  ids: ['source'],
  lists: ['status', 'severity', 'type'],
  requires: WITH_SOURCE,
  values: VALUES,
  parameters: [...SELECTION, 'type', ...CREATED],
});
