import { defineArea } from './types.js';

/** Placeholder: the area's routes are being written. */
export const inventoryArea = defineArea({
  name: 'inventory',
  resource: 'inventory',
  register() {},
});
