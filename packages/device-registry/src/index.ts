/**
 * `@c8y/device-registry`: the device side of the Cumulocity device bootstrap. With the device
 * bootstrap user, a device waits until its registration is accepted and gets credentials and a
 * client of its own.
 *
 * @example
 * ```ts
 * import { DeviceRegistryClient } from '@c8y/device-registry';
 * const registry = DeviceRegistryClient.fromEnvironment(); // C8Y_BASEURL, C8Y_DEVICEBOOTSTRAP_TENANT/_USER/_PASSWORD
 * const device = await registry.awaitClient('raspi-0001');
 * ```
 * @packageDocumentation
 */
export { DeviceRegistryClient } from './device-registry-client.js';
export { DeviceCredentials } from './device-credentials.js';
export { CredentialsTimeoutError } from './credentials-timeout-error.js';
export { DEVICE_BOOTSTRAP_VARIABLES, type Environment } from './environment.js';
export type { AwaitCredentialsOptions, DeviceRegistryOptions } from './options.js';
