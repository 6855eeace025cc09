import { defineQuery } from '@c8y/rest-core';
import type { EventDeleteFilters, EventFilters } from './event-filters.js';

/**
 * `GET /event/events` (also its count, one `pageSize=1&withTotalPages=true` request): time,
 * creation and update ranges with their aliases and ages; `source` takes an id or an object;
 * `ascending: true` is sent as `revert=true` (events are oldest first only then);
 * `fragmentValue` needs `fragmentType`, `withSource*` need `source`.
 *
 * @example
 * ```ts
 * buildQueryParams({ source: { id: '42' }, fragmentType: 'c8y_Status', fragmentValue: 'OK', ascending: true }, eventQuery);
 * // { source: '42', fragmentType: 'c8y_Status', fragmentValue: 'OK', revert: true }
 * ```
 */
export const eventQuery = defineQuery<EventFilters>({
  resource: 'GET /event/events',
  ranges: ['time', 'created', 'updated'],
  ids: ['source'],
  ascendingRevert: true,
  requires: {
    fragmentValue: 'fragmentType',
    withSourceAssets: 'source',
    withSourceDevices: 'source',
    withSourceChildren: 'source',
    withSourceAdditions: 'source',
  },
  parameters: [
    'source',
    'type',
    'fragmentType',
    'fragmentValue',
    'withSourceAssets',
    'withSourceDevices',
    'withSourceChildren',
    'withSourceAdditions',
    'dateFrom',
    'dateTo',
    'createdFrom',
    'createdTo',
    'lastUpdatedFrom',
    'lastUpdatedTo',
    'revert',
  ],
});

/**
 * `DELETE /event/events`: source, type, `fragmentType`, time and creation ranges — nothing else.
 *
 * @example
 * ```ts
 * buildQueryParams({ source: '42', type: 'c8y_Heartbeat' }, eventDeleteQuery); // { source: '42', type: 'c8y_Heartbeat' }
 * ```
 */
export const eventDeleteQuery = defineQuery<EventDeleteFilters>({
  resource: 'DELETE /event/events',
  ranges: ['time', 'created'],
  ids: ['source'],
  parameters: ['source', 'type', 'fragmentType', 'dateFrom', 'dateTo', 'createdFrom', 'createdTo'],
});
