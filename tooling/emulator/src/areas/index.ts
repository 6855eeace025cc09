import * as listed from './list.js';
import type { Area } from './types.js';

/**
 * Every built-in area (everything `./list.ts` re-exports). Registration order does not matter:
 * the router prefers static segments over `:params` and rejects clashing routes at startup.
 */
export const builtinAreas: readonly Area[] = Object.values(listed);
