/**
 * `@c8y/alarms`: the Cumulocity alarm API as a typed context.
 *
 * @example
 * ```ts
 * import { Alarms } from '@c8y/alarms';
 * const alarms = new Alarms(client);
 * for await (const alarm of alarms.select({ status: 'ACTIVE', severity: 'CRITICAL' })) console.log(alarm.text);
 * ```
 * @packageDocumentation
 */
export { Alarms } from './alarms.js';
export type { AlarmCountFilters, AlarmDeleteFilters, AlarmFilters, AlarmStatusFilters } from './alarm-filters.js';
export { alarmCountQuery, alarmDeleteQuery, alarmQuery, alarmStatusQuery } from './alarm-queries.js';
export { Alarm, AlarmSeverities, AlarmStatuses, type AlarmInit, type AlarmSeverity, type AlarmStatus } from '@c8y/model';
