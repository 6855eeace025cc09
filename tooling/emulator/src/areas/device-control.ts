import { defineArea } from './types.js';

/** Placeholder: the area's routes are being written. */
export const deviceControlArea = defineArea({
  name: 'device-control',
  resource: 'device-control',
  register() {},
});
