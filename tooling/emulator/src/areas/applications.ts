import { defineArea } from './types.js';

/** Placeholder: the area's routes are being written. */
export const applicationsArea = defineArea({
  name: 'applications',
  resource: 'applications',
  register() {},
});
