import type { Handler, HttpMethod, RouteOptions } from '../server/route.js';
import type { EmulatorServices } from '../server/services.js';

/** What an area's `register` function receives: route registration for that area. */
export interface AreaApi {
  /** Emulator-wide services (ids, clock, tenants, tokens, settings), e.g. for area-level seeding. */
  readonly emu: EmulatorServices;
  get(pattern: string, handler: Handler, options?: RouteOptions): void;
  post(pattern: string, handler: Handler, options?: RouteOptions): void;
  put(pattern: string, handler: Handler, options?: RouteOptions): void;
  delete(pattern: string, handler: Handler, options?: RouteOptions): void;
  patch(pattern: string, handler: Handler, options?: RouteOptions): void;
  route(method: HttpMethod, pattern: string, handler: Handler, options?: RouteOptions): void;
}

/**
 * One resource area of the emulator (inventory, alarms, users, …): a module under
 * `src/areas/` listed once in `src/areas/index.ts`.
 *
 * Keep per-tenant state in `ctx.tenant.data('<area>', () => new MyStore())` — never in module
 * globals — so tenants stay separate and `emulator.reset()` clears it.
 */
export interface Area {
  /** Unique name (diagnostics, route clash messages). */
  readonly name: string;
  /** Default error prefix for the area's routes (`inventory` → `inventory/Not Found`). */
  readonly resource: string;
  /** Registers the area's routes. Called once per emulator instance. */
  register(api: AreaApi): void;
}

/** Identity helper that gives an area object literal its type. */
export function defineArea(area: Area): Area {
  return area;
}
