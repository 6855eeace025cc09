import { InvalidInputError, isCumulocityError, normalizeBaseUrl, type AuthStrategy, type CumulocityRestClient, type RestClientOptions } from '@c8y/rest-core';
import type { AppOptions } from './app-options.js';
import { defaultClientFactory, type ClientFactory, type SharedClientOptions } from './client-factory.js';
import { processEnvironment, readVariable, requireVariable, type Environment } from './environment.js';
import { AppClosedError } from './errors/app-closed-error.js';
import { InboundAuthError } from './errors/inbound-auth-error.js';
import { UserClients } from './user-clients.js';

/** What the rest client accepts as a tenant id. */
const tenantIdPattern = /^[A-Za-z0-9_.-]+$/;

/**
 * The constructor arguments of an app without a `clientFactory`: allowed only when the app's
 * client type is the default `CumulocityRestClient` (`new SimpleCumulocityApp<MyClient>()` without
 * a factory does not compile).
 *
 * @example
 * ```ts
 * const args: DefaultFactoryArgs<CumulocityRestClient, AppOptions<CumulocityRestClient>> = [{ env: process.env }];
 * ```
 */
export type DefaultFactoryArgs<C, O> = CumulocityRestClient extends C ? [options?: O] : [options: never];

/**
 * What both apps share: options read once (explicit options over the environment), the client
 * factory, the callers' client cache, and the closed state. Internal.
 */
export class AppCore<C> {
  readonly env: Environment;
  readonly baseUrl: string;
  readonly applicationKey: string | undefined;
  readonly users: UserClients<C>;
  readonly #factory: ClientFactory<C>;
  readonly #clientOptions: SharedClientOptions;
  #closed = false;

  constructor(options: AppOptions<C>) {
    if (typeof options !== 'object' || options === null) throw new InvalidInputError('must be an object', { path: 'options' });
    if (options.clientFactory !== undefined && typeof options.clientFactory !== 'function') {
      throw new InvalidInputError('must be a function (options) => client', { path: 'options.clientFactory' });
    }
    if (options.env !== undefined && (typeof options.env !== 'object' || options.env === null)) {
      throw new InvalidInputError('must be a record of environment variables', { path: 'options.env' });
    }
    if (options.clientOptions !== undefined && (typeof options.clientOptions !== 'object' || options.clientOptions === null)) {
      throw new InvalidInputError('must be an object', { path: 'options.clientOptions' });
    }
    this.env = options.env ?? processEnvironment();
    this.baseUrl =
      options.baseUrl !== undefined
        ? normalizeBaseUrl(options.baseUrl, 'options.baseUrl')
        : normalizeBaseUrl(requireVariable(this.env, 'C8Y_BASEURL', 'the platform URL', 'options.baseUrl'), 'env.C8Y_BASEURL');
    this.applicationKey = options.applicationKey ?? readVariable(this.env, 'APPLICATION_KEY');
    // The sound default: the constructor overloads only allow it when C is CumulocityRestClient.
    this.#factory = options.clientFactory ?? (defaultClientFactory as unknown as ClientFactory<C>);
    this.#clientOptions = { ...options.clientOptions };
    this.users = new UserClients<C>(options.userCache);
  }

  /** A client from the factory: the app's connection settings with these credentials. */
  build(auth: AuthStrategy, tenantId: string | undefined): C {
    const options: RestClientOptions = { ...this.#clientOptions, baseUrl: this.baseUrl, auth };
    if (tenantId !== undefined) options.tenantId = tenantId;
    if (this.applicationKey !== undefined) options.applicationKey = this.applicationKey;
    return this.#factory(options);
  }

  get closed(): boolean {
    return this.#closed;
  }

  close(): void {
    this.#closed = true;
    this.users.clear();
  }

  assertOpen(method: string): void {
    if (this.#closed) throw new AppClosedError(method);
  }
}

/** A tenant id the caller's credentials name, checked to be one the rest client accepts. */
export function callerTenant(tenantId: string | undefined, required: boolean): string | undefined {
  if (tenantId === undefined) {
    if (!required) return undefined;
    throw new InboundAuthError('no-tenant', 'the credentials name no tenant: expected Basic "<tenant>/<user>" or a token with a "ten" claim');
  }
  if (!tenantIdPattern.test(tenantId)) throw new InboundAuthError('malformed', 'the tenant the credentials name is not a tenant id');
  return tenantId;
}

/** A tenant id given by the app's user (not from a request). */
export function assertTenantId(value: unknown, path: string): asserts value is string {
  if (typeof value !== 'string' || !tenantIdPattern.test(value)) throw new InvalidInputError('must be a tenant id such as t12345', { path });
}

/** Runs `build`; an `InvalidInputError` it throws is re-thrown naming `path` instead. */
export function underPath<T>(path: string, build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (!isCumulocityError(error, 'InvalidInputError')) throw error;
    const inner = error.path === undefined ? error.message : error.message.replace(`${error.path}: `, '');
    throw new InvalidInputError(inner, { path, cause: error });
  }
}
