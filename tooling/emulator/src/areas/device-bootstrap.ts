import { defineArea } from './types.js';

/** Placeholder: the area's routes are being written. */
export const deviceBootstrapArea = defineArea({
  name: 'device-bootstrap',
  resource: 'device-bootstrap',
  register() {},
});
