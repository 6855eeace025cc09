import { defineArea } from './types.js';

/** Placeholder: the area's routes are being written. */
export const notificationsArea = defineArea({
  name: 'notifications',
  resource: 'notifications',
  register() {},
});
