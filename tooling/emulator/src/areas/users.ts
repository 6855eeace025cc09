import { defineArea } from './types.js';

/** Placeholder: the area's routes are being written. */
export const usersArea = defineArea({
  name: 'users',
  resource: 'users',
  register() {},
});
