import type { BodyKind } from './body.js';
import type { RequestContext } from './context.js';
import type { Reply } from './reply.js';

/** Methods routes can be registered for. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';

/**
 * Authentication a route requires:
 * `required` (default) → 401 without valid credentials; `optional` → credentials are checked if
 * sent, the handler may run anonymously; `none` → credentials are ignored (login endpoints).
 */
export type AuthMode = 'required' | 'optional' | 'none';

/** Bootstrap principals a route admits; bootstrap users get 403 everywhere else. */
export type BootstrapKind = 'device' | 'service';

/** Per-route settings. */
export interface RouteOptions {
  auth?: AuthMode;
  /** Body kind; default `json` for POST/PUT/PATCH and `any` otherwise. */
  body?: BodyKind;
  /**
   * For `json` bodies: the Cumulocity vnd types accepted besides `application/json`
   * (short names, e.g. `['managedobject']`); default: any `+json` type.
   */
  jsonTypes?: readonly string[];
  /** Prefix of `error` in error bodies (`inventory`, `alarm`, …); default the area's `resource`. */
  resource?: string;
  /** Bootstrap users admitted (`['device']` for `POST /devicecontrol/deviceCredentials`). */
  bootstrap?: readonly BootstrapKind[];
  /** The user needs at least one of these roles (checked before the handler → 403). */
  roles?: readonly string[];
  /** Body size limit in bytes (default: the emulator's `maxBodyBytes`). */
  maxBodyBytes?: number;
}

/** A route handler: returns a {@link Reply} built with the context's helpers, or throws `C8yHttpError`. */
export type Handler = (ctx: RequestContext) => Reply | Promise<Reply>;

/** A registered route. */
export interface RouteDefinition {
  readonly method: HttpMethod;
  /** Path pattern with `:name` parameters, e.g. `/inventory/managedObjects/:id`. */
  readonly pattern: string;
  readonly handler: Handler;
  readonly options: RouteOptions;
  /** Name of the area that registered it (for diagnostics). */
  readonly area: string;
  /** Resolved error prefix. */
  readonly resource: string;
}
