import { MediaTypes } from '@c8y/model';
import {
  BasicAuth,
  CumulocityRestClient,
  InvalidInputError,
  isCumulocityError,
  isJsonObject,
  ResponseFormatError,
  toDurationMs,
  type CallOptions,
  type DurationLike,
  type RestClientOptions,
} from '@c8y/rest-core';
import { CredentialsTimeoutError } from './credentials-timeout-error.js';
import { DeviceCredentials } from './device-credentials.js';
import { optionsFromEnvironment, processEnvironment, variableOf, type Environment } from './environment.js';
import type { AwaitCredentialsOptions, DeviceRegistryOptions } from './options.js';
import { wait } from './wait.js';

const CREDENTIALS_PATH = '/devicecontrol/deviceCredentials';
const DEFAULT_TIMEOUT = '60m';
const DEFAULT_PAUSE = '1s';
/** The longest delay a timer can have (setTimeout fires at once beyond it). */
const MAX_TIMER_MS = 2_147_483_647;

function checkExternalId(externalId: unknown): string {
  if (typeof externalId !== 'string' || externalId === '') {
    throw new InvalidInputError(`expected the device's external id (a non-empty string), got ${externalId === '' ? 'an empty string' : typeof externalId}`, {
      path: 'externalId',
    });
  }
  return externalId;
}

function checkSecurityToken(token: unknown): string | undefined {
  if (token === undefined) return undefined;
  if (typeof token !== 'string' || token === '') {
    throw new InvalidInputError(`expected a non-empty string, got ${token === '' ? 'an empty string' : typeof token}`, { path: 'securityToken' });
  }
  return token;
}

/** The same error, reported under another path (a variable, an option name). */
function renamed(error: InvalidInputError, path: string): InvalidInputError {
  const message = error.path === undefined ? error.message : error.message.slice(error.path.length + 2);
  return new InvalidInputError(message, { path, cause: error });
}

function positiveMs(value: DurationLike, path: string): number {
  const ms = toDurationMs(value, path);
  if (ms <= 0) throw new InvalidInputError('must be longer than 0', { path });
  if (ms > MAX_TIMER_MS) throw new InvalidInputError(`must be at most ${MAX_TIMER_MS} ms (about 24 days)`, { path });
  return ms;
}

/**
 * A device's side of the Cumulocity device bootstrap, with the device bootstrap user's
 * credentials (Basic auth; that user may only ask for device credentials). The tenant registers
 * the device by its external id (`@c8y/inventory`: `devices.request(externalId)`); the device
 * asks for credentials (`POST /devicecontrol/deviceCredentials`), which Cumulocity answers with
 * 404 until someone accepts the request; then it answers with the new device user.
 * `awaitCredentials` asks until then; `awaitClient` gives a client logged in as the device.
 *
 * The bootstrap client is `registry.client`; `String(registry)` and `JSON.stringify(registry)`
 * never show the password.
 *
 * @example
 * ```ts
 * import { DeviceRegistryClient } from '@c8y/device-registry';
 *
 * const registry = new DeviceRegistryClient({ baseUrl: 'https://mytenant.cumulocity.com', tenantId: 'management', username: 'devicebootstrap', password });
 * const device = await registry.awaitClient('raspi-0001', { timeout: '30m' }); // a CumulocityRestClient as the device
 * await device.post('/inventory/managedObjects', { name: 'Raspi 0001', c8y_IsDevice: {} });
 * ```
 */
export class DeviceRegistryClient {
  /** The client every bootstrap request goes through (the bootstrap user). */
  readonly client: CumulocityRestClient;
  /** The options the devices' clients are built with: the given ones without the bootstrap user. */
  readonly #deviceOptions: Omit<RestClientOptions, 'auth' | 'tenantId'>;

  /**
   * @param options - the bootstrap user and the client options (see {@link DeviceRegistryOptions});
   *   checked here (an `InvalidInputError` names the bad one) and not modified.
   */
  constructor(options: DeviceRegistryOptions) {
    if (typeof options !== 'object' || options === null) throw new InvalidInputError('expected an options object', { path: 'options' });
    const { username, password, tenantId, ...clientOptions } = options;
    if (tenantId !== undefined && (typeof tenantId !== 'string' || tenantId === '')) {
      throw new InvalidInputError(`expected a non-empty string, got ${tenantId === '' ? 'an empty string' : typeof tenantId}`, { path: 'tenantId' });
    }
    let auth: BasicAuth;
    try {
      auth = new BasicAuth(username, password, tenantId === undefined ? {} : { tenantId });
    } catch (error) {
      // BasicAuth names its own option `options.tenantId`; here it is the option `tenantId`.
      if (isCumulocityError(error, 'InvalidInputError') && error.path === 'options.tenantId') throw renamed(error, 'tenantId');
      throw error;
    }
    this.client = new CumulocityRestClient({ ...clientOptions, auth, ...(auth.tenantId === undefined ? {} : { tenantId: auth.tenantId }) });
    this.#deviceOptions = Object.freeze({ ...clientOptions, ...(clientOptions.headers === undefined ? {} : { headers: Object.freeze({ ...clientOptions.headers }) }) });
  }

  /**
   * A registry from the environment: `C8Y_BASEURL`, `C8Y_DEVICEBOOTSTRAP_USER` (or
   * `C8Y_DEVICEBOOTSTRAP_USERNAME`), `C8Y_DEVICEBOOTSTRAP_PASSWORD` and
   * `C8Y_DEVICEBOOTSTRAP_TENANT` (not needed when the user is written `tenant/user`). Reads
   * `process.env` where there is one, without importing anything from Node.js; pass `env`
   * elsewhere. `options` adds client options (`fetch`, `retry`, `timeout`, …).
   *
   * @throws InvalidInputError whose `path` names the missing or bad variable.
   * @example
   * ```ts
   * const registry = DeviceRegistryClient.fromEnvironment();
   * const other = DeviceRegistryClient.fromEnvironment({ C8Y_BASEURL: baseUrl, C8Y_DEVICEBOOTSTRAP_USER: 'management/devicebootstrap', C8Y_DEVICEBOOTSTRAP_PASSWORD: password });
   * ```
   */
  static fromEnvironment(
    env: Environment | undefined = processEnvironment(),
    options: Omit<DeviceRegistryOptions, 'baseUrl' | 'tenantId' | 'username' | 'password'> = {},
  ): DeviceRegistryClient {
    const fromEnv = optionsFromEnvironment(env);
    try {
      return new DeviceRegistryClient({ ...options, ...fromEnv });
    } catch (error) {
      const variable = isCumulocityError(error, 'InvalidInputError') ? variableOf(error.path) : undefined;
      if (variable === undefined) throw error;
      throw renamed(error as InvalidInputError, variable);
    }
  }

  /** The bootstrap URL. */
  get baseUrl(): string {
    return this.client.baseUrl;
  }

  /**
   * Asks once for the device's credentials (`POST /devicecontrol/deviceCredentials` with
   * `{"id": externalId}`, media type `devicecredentials`): the credentials once the request is
   * accepted, `undefined` while Cumulocity answers 404 (not accepted yet). Any other error
   * rejects. `awaitCredentials` calls this until it succeeds.
   *
   * @throws InvalidInputError for an empty external id or security token, before the request.
   * @example
   * ```ts
   * const credentials = await registry.requestCredentials('raspi-0001');
   * if (credentials === undefined) console.log('not accepted yet');
   * ```
   */
  async requestCredentials(externalId: string, options: CallOptions & { securityToken?: string } = {}): Promise<DeviceCredentials | undefined> {
    const id = checkExternalId(externalId);
    const { securityToken, ...callOptions } = options;
    const token = checkSecurityToken(securityToken);
    let reply: unknown;
    try {
      reply = await this.client.post(CREDENTIALS_PATH, token === undefined ? { id } : { id, securityToken: token }, {
        ...callOptions,
        contentType: MediaTypes.deviceCredentials,
        accept: MediaTypes.deviceCredentials,
      });
    } catch (error) {
      if (isCumulocityError(error, 'NotFoundError')) return undefined;
      throw error;
    }
    return this.#credentialsOf(reply, id);
  }

  /**
   * Waits until the device's request is accepted and resolves its credentials: asks
   * (`requestCredentials`), and after each 404 waits `pause` on a timer before asking again.
   * Any other error (401 for wrong bootstrap credentials, 403, 5xx, network) rejects at once.
   * After `timeout` (default `'60m'`) it rejects with a `CredentialsTimeoutError` (a
   * `TimeoutError`, `scope: 'total'`), also if a request is still running then; `signal` rejects
   * it with the signal's reason at once. Either way no timer is left behind.
   *
   * @throws InvalidInputError for an empty external id or security token, or a bad `timeout`/`pause`, before any request.
   * @example
   * ```ts
   * const { tenantId, username, password: secret } = await registry.awaitCredentials('raspi-0001', { timeout: '60m', pause: '1s' });
   * ```
   */
  async awaitCredentials(externalId: string, options: AwaitCredentialsOptions = {}): Promise<DeviceCredentials> {
    const id = checkExternalId(externalId);
    const { timeout = DEFAULT_TIMEOUT, pause = DEFAULT_PAUSE, signal, securityToken, ...callOptions } = options;
    checkSecurityToken(securityToken);
    const timeoutMs = positiveMs(timeout, 'timeout');
    const pauseMs = positiveMs(pause, 'pause');
    if (signal?.aborted) throw signal.reason;

    const controller = new AbortController();
    const forwardAbort = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', forwardAbort, { once: true });
    let requests = 0;
    const timer = setTimeout(() => {
      controller.abort(new CredentialsTimeoutError({ externalId: id, timeoutMs, requests, method: 'POST', url: `${this.client.baseUrl}${CREDENTIALS_PATH}` }));
    }, timeoutMs);
    try {
      for (;;) {
        requests += 1;
        const credentials = await this.requestCredentials(id, { ...callOptions, signal: controller.signal, ...(securityToken === undefined ? {} : { securityToken }) });
        if (credentials !== undefined) return credentials;
        await wait(pauseMs, controller.signal);
      }
    } catch (error) {
      if (controller.signal.aborted) throw controller.signal.reason;
      throw error;
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', forwardAbort);
    }
  }

  /**
   * Waits for the device's credentials (see `awaitCredentials`) and returns a client logged in
   * as the device (`BasicAuth('<tenantId>/<username>', password)`, `tenantId` set), with this
   * registry's base URL and client options (`fetch`, `retry`, `timeout`, …).
   *
   * @example
   * ```ts
   * const device = await registry.awaitClient('raspi-0001');
   * await device.post('/measurement/measurements', { source: { id: '4711' }, type: 'c8y_Temperature', time: new Date().toISOString(), c8y_Temperature: { T: { value: 21.5, unit: 'C' } } });
   * ```
   */
  async awaitClient(externalId: string, options?: AwaitCredentialsOptions): Promise<CumulocityRestClient> {
    const credentials = await this.awaitCredentials(externalId, options);
    return new CumulocityRestClient({ ...this.#deviceOptions, auth: credentials.toBasicAuth(), tenantId: credentials.tenantId });
  }

  /**
   * `DeviceRegistryClient(<baseUrl>, BasicAuth(<tenant>/<user>))`: never the password.
   * @example
   * ```ts
   * console.log(String(registry));
   * ```
   */
  toString(): string {
    return `DeviceRegistryClient(${this.client.baseUrl}, ${String(this.client.auth)})`;
  }

  /**
   * The base URL and bootstrap user: never the password.
   * @example
   * ```ts
   * JSON.stringify(registry);
   * ```
   */
  toJSON(): Record<string, unknown> {
    return { baseUrl: this.client.baseUrl, auth: String(this.client.auth) };
  }

  #credentialsOf(reply: unknown, externalId: string): DeviceCredentials {
    const fields = isJsonObject(reply) ? reply : {};
    const { tenantId, username, password } = fields;
    const missing = (['tenantId', 'username', 'password'] as const).filter((key) => typeof fields[key] !== 'string' || fields[key] === '');
    if (missing.length > 0) {
      // The reply is not quoted: it may hold a password.
      throw new ResponseFormatError(`expected device credentials (tenantId, username, password), got ${isJsonObject(reply) ? `an object without ${missing.join(', ')}` : reply === undefined ? 'no body' : typeof reply}`, {
        method: 'POST',
        url: `${this.client.baseUrl}${CREDENTIALS_PATH}`,
      });
    }
    return new DeviceCredentials({ externalId, tenantId: tenantId as string, username: username as string, password: password as string });
  }
}
