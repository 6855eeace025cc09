import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { builtinAreas } from './areas/index.js';
import type { Area, AreaApi } from './areas/types.js';
import { DEFAULT_DEVICE_BOOTSTRAP, DEFAULT_TENANTS, TenantRegistry, type TenantSeed } from './auth/tenants.js';
import { TokenIssuer, type IssuedToken } from './auth/token.js';
import { FaultInjector, type FaultRule } from './faults/faults.js';
import { Latency, type LatencySpec } from './faults/latency.js';
import { createRequestLog, type LoggedRequest, type RequestLog } from './log/request-log.js';
import type { NextLinkPolicy } from './paging/paging.js';
import { createPipeline } from './server/pipeline.js';
import type { Handler, HttpMethod, RouteOptions } from './server/route.js';
import { Router } from './server/router.js';
import type { EmulatorServices, RestrictedPagingSettings } from './server/services.js';
import { createClock, type Clock } from './util/clock.js';
import { IdGenerator } from './util/ids.js';
import { hashSeed, mulberry32, type Random } from './util/random.js';

/** Options of {@link startEmulator}. Every field is optional. */
export interface EmulatorOptions {
  /** TCP port; `0` (default) picks a free one. The host is always 127.0.0.1. */
  port?: number;
  /** Tenants to seed; default {@link DEFAULT_TENANTS} (`t100`, `admin`/`admin-pass`). The first is the default tenant. */
  tenants?: readonly TenantSeed[];
  /**
   * Adds tenant `management` with the device bootstrap user (default
   * `devicebootstrap`/`bootstrap-pass`); `false` to leave it out.
   */
  deviceBootstrap?: { userName: string; password: string } | false;
  /** Artificial latency per request (fixed ms or jittered `{min, max}`); default 0. */
  latencyMs?: LatencySpec;
  /** Fault rules active from the start (restored by `reset()`). */
  faults?: readonly FaultRule[];
  /** Seed of every PRNG (faults, latency jitter, restricted-paging visibility, `emu.random`); default 1. */
  seed?: number;
  /** Page size when a request sends no `pageSize`; default 5, as on the platform (trimmed to `maxPageSize`). */
  defaultPageSize?: number;
  /**
   * Largest page the server returns; default 2000, as on the platform. A larger `pageSize` is
   * trimmed to it: the page then holds at most this many items and `statistics.pageSize` and the
   * `self`/`next`/`prev` links show the trimmed size. Must be a positive integer.
   */
  maxPageSize?: number;
  /** When collections emit `next` (default `full`, see `NextLinkPolicy`). */
  nextLinks?: NextLinkPolicy;
  /** Restricted-paging simulation (users with `restrictedPaging`). */
  restrictedPaging?: Partial<RestrictedPagingSettings>;
  /** Request body limit in bytes (default 16 MiB, the platform's hard document limit). */
  maxBodyBytes?: number;
  /** First string id (default 10000). */
  firstId?: number;
  /** Time source replacing the wall clock (the emulator clock can still be frozen/advanced). */
  now?: () => Date;
  /** Additional areas (e.g. test-only routes). */
  areas?: readonly Area[];
  /** Replace the built-in areas (default: all of them). */
  builtinAreas?: readonly Area[];
  /** Called with unexpected handler exceptions (they answer 500 either way). */
  onError?: (error: unknown, request: LoggedRequest) => void;
}

/** Runtime control of fault injection. */
export interface FaultControl {
  add(rule: FaultRule): ReturnType<FaultInjector['add']>;
  clear(): void;
  list(): FaultRule[];
}

/** A running emulator. */
export interface Emulator {
  /** `http://127.0.0.1:<port>` (no trailing slash). */
  readonly url: string;
  readonly port: number;
  /** Every handled request, in order (`requests.clear()` empties it). */
  readonly requests: RequestLog;
  readonly tenants: TenantRegistry;
  readonly faults: FaultControl;
  readonly clock: Clock;
  /** Services the areas use (ids, tokens, settings, …). */
  readonly services: EmulatorServices;
  /** Changes latency at runtime. */
  setLatency(latency: LatencySpec): void;
  /** Issues a bearer/cookie token for `user` of `tenant` (as `POST /tenant/oauth` would). */
  issueToken(tenant: string, user: string, lifetimeSeconds?: number): IssuedToken;
  /** Back to the initial state: seeded tenants and users only, no area data, ids/PRNGs/faults/latency/log reset. */
  reset(): void;
  /** Closes the server and every open connection. */
  stop(): Promise<void>;
}

/** Starts an emulator on 127.0.0.1. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const seed = options.seed ?? 1;
  const defaultPageSize = pageSizeOption('defaultPageSize', options.defaultPageSize, 5);
  const maxPageSize = pageSizeOption('maxPageSize', options.maxPageSize, 2000);
  const seeds: TenantSeed[] = [...(options.tenants ?? DEFAULT_TENANTS)];
  const bootstrap = options.deviceBootstrap ?? DEFAULT_DEVICE_BOOTSTRAP;
  if (bootstrap && !seeds.some((t) => t.id === 'management'))
    seeds.push({ id: 'management', users: [{ ...bootstrap, kind: 'deviceBootstrap' }] });

  const clock = createClock(options.now);
  const tenants = new TenantRegistry(seeds);
  const ids = new IdGenerator(options.firstId ?? 10000);
  const tokens = new TokenIssuer(() => clock.now(), 'c8y-emulator');
  const randoms = new Map<string, Random>();
  const restricted = options.restrictedPaging ?? {};
  const services: EmulatorServices = {
    ids,
    clock,
    tenants,
    tokens,
    seed,
    defaultPageSize,
    maxPageSize,
    nextLinks: options.nextLinks ?? 'full',
    restrictedPaging: { hiddenRatio: restricted.hiddenRatio ?? 0.3, scanWindow: restricted.scanWindow ?? ((n) => n) },
    issueToken: (tenant, user, lifetime) => tokens.issue(tenant, user, lifetime),
    random: (purpose) => {
      let r = randoms.get(purpose);
      if (!r) randoms.set(purpose, (r = mulberry32(hashSeed(seed, purpose))));
      return r;
    },
  };

  const router = new Router();
  for (const area of [...(options.builtinAreas ?? builtinAreas), ...(options.areas ?? [])]) area.register(areaApi(area, router, services));

  const faults = new FaultInjector(hashSeed(seed, 'faults'), options.faults ?? []);
  const latency = new Latency(hashSeed(seed, 'latency'), options.latencyMs ?? 0);
  const requests = createRequestLog();
  const server: Server = createServer(
    { keepAlive: true },
    createPipeline({
      router,
      emu: services,
      faults,
      latency,
      log: requests,
      maxBodyBytes: options.maxBodyBytes ?? 16 * 1024 * 1024,
      ...(options.onError ? { onError: options.onError } : {}),
    }),
  );
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    tenants,
    clock,
    services,
    faults: { add: (rule) => faults.add(rule), clear: () => faults.clear(), list: () => faults.list() },
    setLatency: (spec) => latency.set(spec),
    issueToken: services.issueToken,
    reset() {
      tenants.reset();
      ids.reset();
      randoms.clear();
      faults.reset();
      latency.reset();
      requests.clear();
      clock.useRealTime();
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function pageSizeOption(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`Emulator option ${name} must be a positive integer, got ${String(value)}`);
  return value;
}

function areaApi(area: Area, router: Router, emu: EmulatorServices): AreaApi {
  const route = (method: HttpMethod, pattern: string, handler: Handler, options: RouteOptions = {}): void =>
    router.add({ method, pattern, handler, options, area: area.name, resource: options.resource ?? area.resource });
  return {
    emu,
    route,
    get: (p, h, o) => route('GET', p, h, o),
    post: (p, h, o) => route('POST', p, h, o),
    put: (p, h, o) => route('PUT', p, h, o),
    delete: (p, h, o) => route('DELETE', p, h, o),
    patch: (p, h, o) => route('PATCH', p, h, o),
  };
}
