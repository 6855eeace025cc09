import { defineArea } from './types.js';

/** Placeholder: the area's routes are being written. */
export const auditArea = defineArea({
  name: 'audit',
  resource: 'audit',
  register() {},
});
