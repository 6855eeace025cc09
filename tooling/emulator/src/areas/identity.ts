import { defineArea } from './types.js';

/** Placeholder: the area's routes are being written. */
export const identityArea = defineArea({
  name: 'identity',
  resource: 'identity',
  register() {},
});
