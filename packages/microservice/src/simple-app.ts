import { BasicAuth, BearerAuth, InvalidInputError, type AuthStrategy, type CumulocityRestClient, type IncomingHeaders } from '@c8y/rest-core';
import { AppCore, assertTenantId, callerTenant, underPath, type DefaultFactoryArgs } from './app-base.js';
import type { AppOptions } from './app-options.js';
import type { ClientFactory } from './client-factory.js';
import { readVariable, requireVariable, type Environment } from './environment.js';
import { readInboundAuth, type InboundCookies } from './inbound-auth.js';
import type { UserCacheFilter } from './user-clients.js';

/**
 * Options of {@link SimpleCumulocityApp}: those of every app, plus the service user. Explicit
 * options win over the environment.
 *
 * @example
 * ```ts
 * const options: SimpleAppOptions<CumulocityRestClient> = {
 *   baseUrl: 'http://cumulocity:8111',
 *   tenantId: 't100',
 *   auth: new BasicAuth('service_hello', process.env.SERVICE_PASSWORD!),
 * };
 * const app = new SimpleCumulocityApp(options);
 * ```
 */
export interface SimpleAppOptions<C> extends AppOptions<C> {
  /** The tenant the app serves. @default env `C8Y_TENANT`, else the tenant of `auth` (`t100/…`, a token's `ten` claim); one is required */
  tenantId?: string;
  /**
   * The service user's credentials. @default env `C8Y_TOKEN` as `BearerAuth` when set, else
   * `C8Y_USER` and `C8Y_PASSWORD` as `BasicAuth` (`<tenant>/<user>`)
   */
  auth?: AuthStrategy;
}

/**
 * A single-tenant (`PER_TENANT` isolation) microservice, or a script acting in one tenant: the
 * service user's client, and clients for the users behind inbound requests.
 *
 * From the environment the platform gives a microservice (explicit options win): `C8Y_BASEURL`,
 * `C8Y_TENANT`, `C8Y_USER` + `C8Y_PASSWORD` (or `C8Y_TOKEN`), and `APPLICATION_KEY` (optional:
 * without it no `X-Cumulocity-Application-Key` header is sent). A missing variable is a
 * `MissingEnvironmentError` naming it, thrown by the constructor.
 *
 * Clients come from `clientFactory` (default: `CumulocityRestClient`), so the app is generic in
 * its client type; `@c8y/sdk` binds it to `CumulocityClient`.
 *
 * @example
 * ```ts
 * import { createServer } from 'node:http';
 * import { SimpleCumulocityApp } from '@c8y/microservice';
 *
 * const app = new SimpleCumulocityApp();          // reads process.env
 * const me = await app.client.get('/user/currentUser'); // as the service user
 *
 * createServer(async (req, res) => {
 *   const client = app.getUserClient(req.headers); // as the caller
 *   res.end(JSON.stringify(await client.get('/user/currentUser')));
 * }).listen(Number(process.env.SERVER_PORT ?? 80));
 * console.log(me);
 * ```
 */
export class SimpleCumulocityApp<C = CumulocityRestClient> {
  /** The platform URL (normalised). */
  readonly baseUrl: string;
  /** The tenant the app serves. */
  readonly tenantId: string;
  /** The `X-Cumulocity-Application-Key` every client sends, if any. */
  readonly applicationKey: string | undefined;
  /** The service user's client. */
  readonly client: C;
  readonly #core: AppCore<C>;

  /** With a `clientFactory`: every client is a `C`. */
  constructor(options: SimpleAppOptions<C> & { clientFactory: ClientFactory<C> });
  /** Without one: every client is a `CumulocityRestClient`. */
  constructor(...options: DefaultFactoryArgs<C, SimpleAppOptions<C>>);
  constructor(options: SimpleAppOptions<C> = {}) {
    const core = new AppCore<C>(options);
    const { auth, tenantId } = serviceUser(options, core.env);
    this.#core = core;
    this.baseUrl = core.baseUrl;
    this.applicationKey = core.applicationKey;
    this.tenantId = tenantId;
    this.client = core.build(auth, tenantId);
  }

  /**
   * A client acting as the user behind an inbound request, with that user's credentials: the
   * `authorization` cookie with the `X-XSRF-TOKEN` header (preferred: with OAI-Secure the
   * platform forwards both and a placeholder `Authorization`), else the `Authorization` header
   * (Basic or Bearer); a `tfatoken` header is carried along. Credentials without a tenant get
   * the app's tenant.
   *
   * Clients are cached by tenant, user and a digest of the exact credentials (never the
   * credentials themselves), within `userCache` bounds: a caller never gets a client carrying
   * another caller's credentials. Nothing is verified here: the platform checks the credentials
   * on the first request (call `GET /user/currentUser` to check them up front).
   *
   * @param headers - the request headers (Node's `req.headers`, a fetch `Headers`)
   * @param cookies - parsed cookies (Express's `req.cookies`); default: the `Cookie` header
   * @throws InboundAuthError (401) when the credentials are missing or malformed, or the cookie
   *   comes without `X-XSRF-TOKEN`
   *
   * @example
   * ```ts
   * const app = new SimpleCumulocityApp();
   * const caller = app.getUserClient({ authorization: 'Basic dDEwMC9hbGljZTpzZWNyZXQ=' });
   * await caller.get('/inventory/managedObjects', { params: { pageSize: 5 } });
   * ```
   */
  getUserClient(headers: IncomingHeaders, cookies?: InboundCookies): C {
    this.#core.assertOpen('getUserClient');
    const auth = readInboundAuth(headers, cookies);
    const tenantId = callerTenant(auth.tenantId, false) ?? this.tenantId;
    return this.#core.users.get(auth, tenantId, () => this.#core.build(auth, tenantId));
  }

  /**
   * Drops cached callers' clients: all, or those of one user name (without tenant prefix).
   * Clients already handed out keep working.
   *
   * @example
   * ```ts
   * const app = new SimpleCumulocityApp();
   * app.clearUserCache({ username: 'alice' }); // e.g. after alice's password changed
   * app.clearUserCache();                      // everyone
   * ```
   */
  clearUserCache(filter?: Pick<UserCacheFilter, 'username'>): void {
    this.#core.users.clear(filter);
  }

  /**
   * Drops the cached clients; afterwards `getUserClient` throws `AppClosedError`. The app
   * holds no timers or sockets of its own, so this only frees memory (and credentials).
   *
   * @example
   * ```ts
   * const app = new SimpleCumulocityApp();
   * process.once('SIGTERM', () => void app.close());
   * ```
   */
  async close(): Promise<void> {
    this.#core.close();
  }

  /** `SimpleCumulocityApp(<baseUrl>, <tenant>)`: no credentials. */
  toString(): string {
    return `SimpleCumulocityApp(${this.baseUrl}, ${this.tenantId})`;
  }
}

/** The service user: explicit options, else `C8Y_TOKEN`, else `C8Y_USER`/`C8Y_PASSWORD`; and the tenant. */
function serviceUser(options: SimpleAppOptions<unknown>, env: Environment): { auth: AuthStrategy; tenantId: string } {
  if (options.tenantId !== undefined) assertTenantId(options.tenantId, 'options.tenantId');
  if (options.auth !== undefined && (typeof options.auth !== 'object' || options.auth === null || typeof options.auth.authorize !== 'function')) {
    throw new InvalidInputError('must be an auth strategy such as new BasicAuth(user, password)', { path: 'options.auth' });
  }
  const explicitTenant = options.tenantId ?? readVariable(env, 'C8Y_TENANT');
  if (explicitTenant !== undefined && options.tenantId === undefined) assertTenantId(explicitTenant, 'env.C8Y_TENANT');
  let auth = options.auth;
  if (auth === undefined) {
    const token = readVariable(env, 'C8Y_TOKEN');
    if (token !== undefined) auth = underPath('env.C8Y_TOKEN', () => new BearerAuth(token));
  }
  const tenantId = explicitTenant ?? auth?.tenantId ?? requireVariable(env, 'C8Y_TENANT', 'the tenant the app serves', 'options.tenantId');
  if (auth === undefined) {
    const user = requireVariable(env, 'C8Y_USER', "the service user's name, unless C8Y_TOKEN is set", 'options.auth');
    const password = requireVariable(env, 'C8Y_PASSWORD', "the service user's password", 'options.auth');
    auth = underPath('env.C8Y_USER', () => new BasicAuth(user, password, { tenantId }));
  }
  return { auth, tenantId };
}
