import { Alarm, Resources, type AlarmStatus } from '@c8y/model';
import { defineResourceApi, type ByFilterOptions, type ByFilterResult } from '@c8y/rest-core';
import type { AlarmStatusFilters } from './alarm-filters.js';
import { alarmCountQuery, alarmDeleteQuery, alarmQuery, alarmStatusQuery } from './alarm-queries.js';

/**
 * Alarms (`/alarm/alarms`): typed queries with paging and workers, counts, raising and updating
 * alarms one by one or in bulk, and server-side status changes and deletes by filter.
 *
 * The API cannot delete one alarm by id, and sorts newest first only, so there is no `delete`
 * and no `ascending`. Filters the count, status-update and delete endpoints do not document are
 * refused before any request (the platform would ignore them and hit more alarms than asked).
 *
 * @example
 * ```ts
 * const alarms = new Alarms(client);
 * const raised = await alarms.create({ type: 'cx_TooHot', text: 'Too hot', severity: 'MAJOR', source: device, time: 'now' });
 * await alarms.count({ source: device, status: 'ACTIVE' });
 * await alarms.setStatusBy({ source: device, status: 'ACTIVE' }, 'CLEARED');
 * ```
 */
export class Alarms extends /* @__PURE__ */ defineResourceApi({
  resource: Resources.alarm,
  query: alarmQuery,
  item: Alarm,
  queries: { count: alarmCountQuery, updateBy: alarmStatusQuery, deleteBy: alarmDeleteQuery },
  operations: ['get', 'select', 'getAll', 'getLast', 'count', 'create', 'update', 'applyTo', 'deleteBy'],
}) {
  /**
   * Sets the status of every matching alarm on the server, with one `PUT /alarm/alarms?<filters>`.
   * Resolves whether the platform finished (200) or continues in the background (202). A
   * missing or empty filter is refused: it would change every alarm of the tenant.
   *
   * @example
   * ```ts
   * await alarms.setStatusBy({ source: device, status: 'ACTIVE' }, 'CLEARED');
   * ```
   */
  async setStatusBy(filters: AlarmStatusFilters | string, status: AlarmStatus, options?: ByFilterOptions): Promise<ByFilterResult> {
    return this.operations.updateBy(filters, new Alarm(this.client, { status }).toUpdateJSON(), options);
  }
}
