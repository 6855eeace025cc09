/**
 * THE list of built-in areas: one re-export line per area module.
 * To add an area, create `src/areas/<area>.ts` exporting `export const <area>Area = defineArea({...})`
 * and add one line here. Export nothing else from this file.
 */
export { currentArea } from './current.js';
