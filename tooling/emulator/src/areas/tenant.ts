import { defineArea } from './types.js';

/** Placeholder: the area's routes are being written. */
export const tenantArea = defineArea({
  name: 'tenant',
  resource: 'tenant',
  register() {},
});
