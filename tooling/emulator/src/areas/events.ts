import { defineArea } from './types.js';

/** Placeholder: the area's routes are being written. */
export const eventsArea = defineArea({
  name: 'events',
  resource: 'events',
  register() {},
});
