import { defineArea } from './types.js';

/** Placeholder: the area's routes are being written. */
export const measurementsArea = defineArea({
  name: 'measurements',
  resource: 'measurements',
  register() {},
});
