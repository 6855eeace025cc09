import {
  BasicAuth,
  CumulocityRestClient,
  InvalidInputError,
  toDurationMs,
  type DurationLike,
  type IncomingHeaders,
} from '@c8y/rest-core';
import { AppCore, assertTenantId, callerTenant, underPath, type DefaultFactoryArgs } from './app-base.js';
import type { AppOptions } from './app-options.js';
import type { ClientFactory } from './client-factory.js';
import { CredentialDigest } from './credential-digest.js';
import { requireVariable, type Environment } from './environment.js';
import { AppClosedError } from './errors/app-closed-error.js';
import { TenantNotSubscribedError } from './errors/tenant-not-subscribed-error.js';
import { readInboundAuth, type InboundCookies, type InboundRequest } from './inbound-auth.js';
import { PollingSubscriptionListener, type SubscriptionListener, type SubscriptionListenerOptions } from './subscription-listener.js';
import { Subscriptions, type SubscriptionSnapshot } from './subscriptions.js';
import type { UserCacheFilter } from './user-clients.js';

const defaultSubscriptionTtlMs = 10 * 60_000;

/**
 * The microservice's bootstrap user, as the platform passes it in `C8Y_BOOTSTRAP_TENANT`,
 * `C8Y_BOOTSTRAP_USER` and `C8Y_BOOTSTRAP_PASSWORD` (the emulator's `registerMicroservice`
 * returns this shape as `bootstrap`).
 *
 * @example
 * ```ts
 * const bootstrap: BootstrapCredentials = { tenant: 't100', user: 'servicebootstrap_hello', password: process.env.BOOTSTRAP_PASSWORD! };
 * ```
 */
export interface BootstrapCredentials {
  /** The tenant that owns the microservice. */
  tenant: string;
  /** The bootstrap user's name (`servicebootstrap_<app>`). */
  user: string;
  /** The bootstrap user's password. */
  password: string;
}

/**
 * Options of {@link MultiTenantCumulocityApp}: those of every app, plus the bootstrap user and
 * how long the subscriptions are kept. Explicit options win over the environment.
 *
 * @example
 * ```ts
 * const options: MultiTenantAppOptions<CumulocityRestClient> = { subscriptionTtl: '5m', userCache: { maxSize: 1000 } };
 * const app = new MultiTenantCumulocityApp(options);
 * ```
 */
export interface MultiTenantAppOptions<C> extends AppOptions<C> {
  /** The bootstrap user. @default env `C8Y_BOOTSTRAP_TENANT`, `C8Y_BOOTSTRAP_USER`, `C8Y_BOOTSTRAP_PASSWORD` (all required then) */
  bootstrap?: BootstrapCredentials;
  /**
   * How long the subscriptions read from the platform are used before they are read again
   * (`'10m'`, ISO-8601, ms, a luxon Duration). An unknown tenant makes the app read them again at
   * once, whatever their age. @default '10m'
   */
  subscriptionTtl?: DurationLike;
}

/**
 * Per-call options of the multi-tenant app's reads.
 *
 * @example
 * ```ts
 * const app = new MultiTenantCumulocityApp();
 * const tenant = await app.getTenantClient('t100', { signal: AbortSignal.timeout(10_000) });
 * ```
 */
export interface SubscriptionReadOptions {
  /** Gives up waiting (the shared read itself goes on for the other callers). */
  signal?: AbortSignal;
}

/**
 * A multi-tenant (`MULTI_TENANT` isolation) microservice: one instance serves every subscribed
 * tenant. The bootstrap user reads the subscriptions
 * (`GET /application/currentApplication/subscriptions`: one service user per tenant); the app
 * hands out a client per tenant (acting as that tenant's service user) and per caller (acting
 * as the user behind an inbound request), and can listen for tenants subscribing and
 * unsubscribing.
 *
 * From the environment the platform gives a microservice (explicit options win):
 * `C8Y_BASEURL`, `C8Y_BOOTSTRAP_TENANT`, `C8Y_BOOTSTRAP_USER`, `C8Y_BOOTSTRAP_PASSWORD`, and
 * `APPLICATION_KEY` (optional). A missing variable is a `MissingEnvironmentError` naming it.
 *
 * **Isolation.** Tenant clients are kept per tenant id and carry only that tenant's service
 * user; callers' clients are cached by tenant, user and a digest of the exact credentials. A
 * request of tenant B never gets tenant A's client, and a caller never gets a client carrying
 * someone else's credentials.
 *
 * @example
 * ```ts
 * import { MultiTenantCumulocityApp } from '@c8y/microservice';
 *
 * const app = new MultiTenantCumulocityApp();      // reads process.env
 * const listener = app.listen({
 *   onSubscribed: async (tenantId) => {
 *     const tenant = await app.getTenantClient(tenantId); // the tenant's service user
 *     await tenant.post('/inventory/managedObjects', { name: 'hello', type: 'hello_Marker' });
 *   },
 *   onUnsubscribed: (tenantId) => console.log('bye', tenantId),
 * });
 * await listener.ready;
 * console.log(await app.getSubscribers()); // ['t100', 't200']
 * process.once('SIGTERM', () => void app.close());
 * ```
 */
export class MultiTenantCumulocityApp<C = CumulocityRestClient> {
  /** The platform URL (normalised). */
  readonly baseUrl: string;
  /** The tenant of the bootstrap user (the microservice's owner). */
  readonly bootstrapTenantId: string;
  /** The `X-Cumulocity-Application-Key` every client sends, if any. */
  readonly applicationKey: string | undefined;
  readonly #core: AppCore<C>;
  readonly #bootstrapAuth: BasicAuth;
  readonly #subscriptions: Subscriptions;
  readonly #tenantClients = new Map<string, { client: C; fingerprint: string; seq: number }>();
  readonly #listeners = new Set<PollingSubscriptionListener>();
  readonly #closing = new AbortController();
  #bootstrapClient: C | undefined;

  /** With a `clientFactory`: every client is a `C`. */
  constructor(options: MultiTenantAppOptions<C> & { clientFactory: ClientFactory<C> });
  /** Without one: every client is a `CumulocityRestClient`. */
  constructor(...options: DefaultFactoryArgs<C, MultiTenantAppOptions<C>>);
  constructor(options: MultiTenantAppOptions<C> = {}) {
    const core = new AppCore<C>(options);
    const ttlMs = options.subscriptionTtl === undefined ? defaultSubscriptionTtlMs : toDurationMs(options.subscriptionTtl, 'options.subscriptionTtl');
    if (ttlMs < 0) throw new InvalidInputError('must not be negative', { path: 'options.subscriptionTtl' });
    const bootstrap = bootstrapUser(options.bootstrap, core.env);
    this.#core = core;
    this.baseUrl = core.baseUrl;
    this.applicationKey = core.applicationKey;
    this.bootstrapTenantId = bootstrap.tenantId;
    this.#bootstrapAuth = bootstrap.auth;
    // The app's own reads go through a rest client whatever C is; it shares the client options.
    const reader = new CumulocityRestClient({
      ...options.clientOptions,
      baseUrl: core.baseUrl,
      auth: bootstrap.auth,
      tenantId: bootstrap.tenantId,
      ...(core.applicationKey === undefined ? {} : { applicationKey: core.applicationKey }),
    });
    this.#subscriptions = new Subscriptions({
      client: reader,
      digest: new CredentialDigest(),
      ttlMs,
      signal: this.#closing.signal,
      onLoad: (snapshot) => this.#prune(snapshot),
    });
  }

  /** A client acting as the bootstrap user (built on first use). It may read the current application and its subscriptions, not tenant data. */
  get bootstrapClient(): C {
    this.#core.assertOpen('bootstrapClient');
    this.#bootstrapClient ??= this.#core.build(this.#bootstrapAuth, this.bootstrapTenantId);
    return this.#bootstrapClient;
  }

  /**
   * The ids of the subscribed tenants, in the platform's order: the cached subscriptions while
   * younger than `subscriptionTtl`, else (or with `refresh: true`) read again. Concurrent
   * callers share one read.
   *
   * @example
   * ```ts
   * const app = new MultiTenantCumulocityApp();
   * const tenants = await app.getSubscribers();              // ['t100', 't200']
   * const now = await app.getSubscribers({ refresh: true }); // read again
   * console.log(tenants, now);
   * ```
   */
  async getSubscribers(options: SubscriptionReadOptions & { refresh?: boolean } = {}): Promise<string[]> {
    this.#core.assertOpen('getSubscribers');
    const snapshot = options.refresh === true ? await this.#subscriptions.readFresh(options.signal) : await this.#subscriptions.read(readOptions(options));
    return [...snapshot.tenants.keys()];
  }

  /**
   * A client acting as a subscribed tenant's service user (with the application's
   * `requiredRoles`), for a tenant id or for the caller of an inbound request (the tenant its
   * credentials name: Basic `<tenant>/<user>`, a JWT's `ten` claim, the cookie's token). One
   * client per tenant is kept and replaced when the service user's credentials change.
   *
   * A tenant missing from the cached subscriptions makes the app read them again — once per
   * call (concurrent callers share the read) — and then it is a `TenantNotSubscribedError` (403).
   * The caller's credentials are not verified: the Cumulocity proxy authenticates requests
   * before they reach a microservice. If yours is reachable otherwise, check the caller first
   * (`getUserClient(…)` + `GET /user/currentUser`).
   *
   * @throws TenantNotSubscribedError (403) for a tenant that is not subscribed
   * @throws InboundAuthError (401) when the request's credentials are missing, malformed or name no tenant
   *
   * @example
   * ```ts
   * import { createServer } from 'node:http';
   * import { MultiTenantCumulocityApp } from '@c8y/microservice';
   *
   * const app = new MultiTenantCumulocityApp();
   * const t100 = await app.getTenantClient('t100');
   * createServer(async (req, res) => {
   *   const tenant = await app.getTenantClient({ headers: req.headers }); // the caller's tenant
   *   res.end(JSON.stringify(await tenant.get('/inventory/managedObjects')));
   * });
   * console.log(t100.baseUrl);
   * ```
   */
  async getTenantClient(tenant: string | InboundRequest, options: SubscriptionReadOptions = {}): Promise<C> {
    this.#core.assertOpen('getTenantClient');
    const tenantId = this.#tenantOf(tenant);
    const mark = this.#subscriptions.started;
    let snapshot = await this.#subscriptions.read(readOptions(options));
    let subscribed = snapshot.tenants.get(tenantId);
    if (subscribed === undefined) {
      snapshot = await this.#subscriptions.read({ after: mark, ...readOptions(options) });
      subscribed = snapshot.tenants.get(tenantId);
    }
    this.#core.assertOpen('getTenantClient');
    if (subscribed === undefined) throw new TenantNotSubscribedError(tenantId, `tenant ${tenantId} is not subscribed to this microservice`);
    const cached = this.#tenantClients.get(tenantId);
    // A newer snapshot's client wins over an older one (a caller may have waited on an older read).
    if (cached !== undefined && (cached.fingerprint === subscribed.fingerprint || cached.seq > snapshot.seq)) return cached.client;
    const client = this.#core.build(subscribed.auth, tenantId);
    this.#tenantClients.set(tenantId, { client, fingerprint: subscribed.fingerprint, seq: snapshot.seq });
    return client;
  }

  /**
   * A client acting as the user behind an inbound request, with that user's credentials:
   * the `authorization` cookie with the `X-XSRF-TOKEN` header (preferred), else the
   * `Authorization` header (Basic `<tenant>/<user>` or Bearer); a `tfatoken` header is carried
   * along. The credentials must name their tenant (a multi-tenant app cannot guess it).
   *
   * Cached by tenant, user and a digest of the exact credentials within `userCache` bounds:
   * a caller never gets a client carrying another caller's credentials. Not verified here: the
   * platform checks the credentials on the first request.
   *
   * @throws InboundAuthError (401) when the credentials are missing, malformed or name no tenant,
   *   or the cookie comes without `X-XSRF-TOKEN`
   *
   * @example
   * ```ts
   * import { createServer } from 'node:http';
   * import { MultiTenantCumulocityApp } from '@c8y/microservice';
   *
   * const app = new MultiTenantCumulocityApp();
   * createServer(async (req, res) => {
   *   const caller = app.getUserClient(req.headers);
   *   res.end(JSON.stringify(await caller.get('/user/currentUser')));
   * });
   * ```
   */
  getUserClient(headers: IncomingHeaders, cookies?: InboundCookies): C {
    this.#core.assertOpen('getUserClient');
    const auth = readInboundAuth(headers, cookies);
    const tenantId = callerTenant(auth.tenantId, true) as string;
    return this.#core.users.get(auth, tenantId, () => this.#core.build(auth, tenantId));
  }

  /**
   * Starts a subscription listener: it polls the subscriptions (every `pollInterval`, default
   * one minute; the first poll at once) and calls `onSubscribed` / `onUnsubscribed` per tenant
   * that came or went. Each poll also refreshes the app's subscriptions. Stop it with
   * `listener.stop()`, or all of them with `app.close()`.
   *
   * @example
   * ```ts
   * const app = new MultiTenantCumulocityApp();
   * const listener = app.listen({
   *   onSubscribed: (tenantId) => console.log('subscribed', tenantId),
   *   onUnsubscribed: (tenantId) => console.log('unsubscribed', tenantId),
   *   pollInterval: '30s',
   *   onError: (error) => console.warn('listener:', error),
   * });
   * await listener.ready;
   * ```
   */
  listen(options: SubscriptionListenerOptions): SubscriptionListener {
    this.#core.assertOpen('listen');
    const listener: PollingSubscriptionListener = new PollingSubscriptionListener(
      async (signal) => [...(await this.#subscriptions.readFresh(signal)).tenants.keys()],
      options,
      () => this.#listeners.delete(listener),
    );
    this.#listeners.add(listener);
    return listener;
  }

  /**
   * Drops cached callers' clients: all, or those of one tenant and/or user name.
   *
   * @example
   * ```ts
   * const app = new MultiTenantCumulocityApp();
   * app.clearUserCache({ tenantId: 't200' });
   * ```
   */
  clearUserCache(filter?: UserCacheFilter): void {
    this.#core.users.clear(filter);
  }

  /**
   * Stops everything: every listener (no timer is left; waits for a callback that is running),
   * reads in flight (their callers get an `AppClosedError`), and drops every client and
   * credential it holds. Afterwards every method throws `AppClosedError`. Calling it again is
   * harmless.
   *
   * @example
   * ```ts
   * const app = new MultiTenantCumulocityApp();
   * process.once('SIGTERM', () => void app.close());
   * ```
   */
  async close(): Promise<void> {
    if (!this.#core.closed) {
      this.#core.close();
      this.#closing.abort(new AppClosedError('close'));
    }
    await Promise.all([...this.#listeners].map((listener) => listener.stop()));
    this.#tenantClients.clear();
    this.#subscriptions.clear();
    this.#bootstrapClient = undefined;
  }

  /** `MultiTenantCumulocityApp(<baseUrl>, bootstrap <tenant>)`: no credentials. */
  toString(): string {
    return `MultiTenantCumulocityApp(${this.baseUrl}, bootstrap ${this.bootstrapTenantId})`;
  }

  #tenantOf(tenant: string | InboundRequest): string {
    if (typeof tenant === 'string') {
      assertTenantId(tenant, 'tenant');
      return tenant;
    }
    if (typeof tenant !== 'object' || tenant === null) throw new InvalidInputError('must be a tenant id or an inbound request { headers, cookies? }', { path: 'tenant' });
    const auth = readInboundAuth(tenant.headers, tenant.cookies);
    return callerTenant(auth.tenantId, true) as string;
  }

  /** After each read: forget the clients of tenants that left or whose service user changed. */
  #prune(snapshot: SubscriptionSnapshot): void {
    for (const [tenantId, cached] of this.#tenantClients) {
      const subscribed = snapshot.tenants.get(tenantId);
      if (subscribed === undefined || subscribed.fingerprint !== cached.fingerprint) this.#tenantClients.delete(tenantId);
    }
  }
}

function readOptions(options: SubscriptionReadOptions): { signal?: AbortSignal } {
  return options.signal === undefined ? {} : { signal: options.signal };
}

/** The bootstrap user: explicit options, else the three `C8Y_BOOTSTRAP_*` variables. */
function bootstrapUser(given: BootstrapCredentials | undefined, env: Environment): { auth: BasicAuth; tenantId: string } {
  if (given !== undefined) {
    if (typeof given !== 'object' || given === null) throw new InvalidInputError('must be { tenant, user, password }', { path: 'options.bootstrap' });
    assertTenantId(given.tenant, 'options.bootstrap.tenant');
    const auth = underPath('options.bootstrap', () => new BasicAuth(given.user, given.password, { tenantId: given.tenant }));
    return { auth, tenantId: given.tenant };
  }
  const purpose = (what: string) => `the microservice's bootstrap ${what}`;
  const tenantId = requireVariable(env, 'C8Y_BOOTSTRAP_TENANT', purpose('tenant'), 'options.bootstrap');
  const user = requireVariable(env, 'C8Y_BOOTSTRAP_USER', purpose('user'), 'options.bootstrap');
  const password = requireVariable(env, 'C8Y_BOOTSTRAP_PASSWORD', purpose('password'), 'options.bootstrap');
  assertTenantId(tenantId, 'env.C8Y_BOOTSTRAP_TENANT');
  const auth = underPath('env.C8Y_BOOTSTRAP_USER', () => new BasicAuth(user, password, { tenantId }));
  return { auth, tenantId };
}
