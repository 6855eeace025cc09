import type { CallOptions, DurationLike, RestClientOptions } from '@c8y/rest-core';

/**
 * Options of `DeviceRegistryClient`: the options of a `CumulocityRestClient` (`baseUrl`,
 * `tenantId`, `fetch`, `timeout`, `retry`, `headers`, …) with the device bootstrap user's name
 * and password instead of `auth`. The same options, without the bootstrap user, build the
 * devices' clients (`awaitClient`).
 *
 * @example
 * ```ts
 * const options: DeviceRegistryOptions = {
 *   baseUrl: 'https://mytenant.cumulocity.com',
 *   tenantId: 'management',
 *   username: 'devicebootstrap',
 *   password,
 *   retry: { limit: 3 },
 * };
 * ```
 */
export interface DeviceRegistryOptions extends Omit<RestClientOptions, 'auth'> {
  /**
   * The device bootstrap user (from Cumulocity support; not a tenant user), e.g. `devicebootstrap`,
   * or with its tenant, `management/devicebootstrap`.
   */
  username: string;
  /** The bootstrap user's password. */
  password: string;
  /** The bootstrap user's tenant, when `username` has no `tenant/` prefix (usually `management`). */
  tenantId?: string;
}

/**
 * Options of `awaitCredentials` and `awaitClient`: how long to wait and how often to ask, plus
 * the call options of each request (`signal` aborts the whole wait). `timeout` here is the whole
 * wait; each request keeps the client's per-attempt timeout.
 *
 * @example
 * ```ts
 * const options: AwaitCredentialsOptions = { timeout: '10m', pause: '5s', signal: AbortSignal.timeout(600_000) };
 * ```
 */
export interface AwaitCredentialsOptions extends Omit<CallOptions, 'timeout' | 'totalTimeout'> {
  /**
   * How long to wait for the acceptance, all requests and pauses included: `'60m'`, `'1h'`,
   * `'PT30M'`, milliseconds or a luxon `Duration` (more than 0, at most 24 days). Then the wait
   * ends with a `CredentialsTimeoutError`. @default '60m'
   */
  timeout?: DurationLike;
  /** The pause after each 404 (not accepted yet) before asking again (more than 0). @default '1s' */
  pause?: DurationLike;
  /** The security token the request must be accepted with, if the tenant's security token policy asks for one. @default none sent */
  securityToken?: string;
}
