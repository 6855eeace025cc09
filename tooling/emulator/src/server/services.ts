import type { TenantRegistry } from '../auth/tenants.js';
import type { IssuedToken, TokenIssuer } from '../auth/token.js';
import type { NextLinkPolicy } from '../paging/paging.js';
import type { Clock } from '../util/clock.js';
import type { IdGenerator } from '../util/ids.js';
import type { Random } from '../util/random.js';

/** Restricted-paging simulation settings (see the paging helper). */
export interface RestrictedPagingSettings {
  /** Share of elements a restricted user cannot see when the area passes no `visible` predicate (default 0.3). */
  hiddenRatio: number;
  /** Elements scanned per request (default `pageSize`, so short pages show up with small data sets). */
  scanWindow: (pageSize: number) => number;
}

/** Emulator-wide services every handler can reach through `ctx.emu`. */
export interface EmulatorServices {
  readonly ids: IdGenerator;
  readonly clock: Clock;
  readonly tenants: TenantRegistry;
  readonly tokens: TokenIssuer;
  readonly seed: number;
  readonly defaultPageSize: number;
  readonly maxPageSize: number;
  readonly nextLinks: NextLinkPolicy;
  readonly restrictedPaging: RestrictedPagingSettings;
  /** Issues an OAI-Secure-like JWT for `user` of `tenant` (for the oauth area and tests). */
  issueToken(tenant: string, user: string, lifetimeSeconds?: number): IssuedToken;
  /** A seeded PRNG private to `purpose` (same instance until `reset()`), e.g. for generated passwords. */
  random(purpose: string): Random;
}
