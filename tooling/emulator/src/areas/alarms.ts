import { defineArea } from './types.js';

/** Placeholder: the area's routes are being written. */
export const alarmsArea = defineArea({
  name: 'alarms',
  resource: 'alarms',
  register() {},
});
