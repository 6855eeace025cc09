/**
 * THE list of built-in areas: one re-export line per area module.
 * To add an area, create `src/areas/<area>.ts` exporting `export const <area>Area = defineArea({...})`
 * and add one line here. Export nothing else from this file.
 */
export { currentArea } from './current.js';
export { inventoryArea } from './inventory.js';
export { identityArea } from './identity.js';
export { measurementsArea } from './measurements.js';
export { eventsArea } from './events.js';
export { alarmsArea } from './alarms.js';
export { deviceControlArea } from './device-control.js';
export { auditArea } from './audit.js';
export { usersArea } from './users.js';
export { applicationsArea } from './applications.js';
export { tenantArea } from './tenant.js';
export { deviceBootstrapArea } from './device-bootstrap.js';
export { notificationsArea } from './notifications.js';
