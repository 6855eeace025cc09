import { InvalidInputError } from '@c8y/rest-core';
import type { DeviceRegistryOptions } from './options.js';

/**
 * The environment variables `DeviceRegistryClient.fromEnvironment` reads.
 *
 * @example
 * ```ts
 * const names = Object.values(DEVICE_BOOTSTRAP_VARIABLES); // ['C8Y_BASEURL', 'C8Y_DEVICEBOOTSTRAP_TENANT', …]
 * ```
 */
export const DEVICE_BOOTSTRAP_VARIABLES = {
  baseUrl: 'C8Y_BASEURL',
  tenantId: 'C8Y_DEVICEBOOTSTRAP_TENANT',
  username: 'C8Y_DEVICEBOOTSTRAP_USER',
  password: 'C8Y_DEVICEBOOTSTRAP_PASSWORD',
} as const;

/** PSc8y's name for the user variable, read when `C8Y_DEVICEBOOTSTRAP_USER` is not set. */
const USERNAME_ALIAS = 'C8Y_DEVICEBOOTSTRAP_USERNAME';

/**
 * An environment: variable names to values (`process.env` fits).
 *
 * @example
 * ```ts
 * const env: Environment = { C8Y_BASEURL: 'https://mytenant.cumulocity.com' };
 * ```
 */
export type Environment = Readonly<Record<string, string | undefined>>;

/** `process.env` where there is one (Node.js, Deno, Bun), without importing anything from Node. */
export function processEnvironment(): Environment | undefined {
  return (globalThis as { process?: { env?: Environment } }).process?.env;
}

function read(env: Environment, name: string): string | undefined {
  const value = Object.hasOwn(env, name) ? env[name] : undefined;
  return value === undefined || value === '' ? undefined : value;
}

function required(env: Environment, name: string, hint: string): string {
  const value = read(env, name);
  if (value === undefined) throw new InvalidInputError(`is not set: ${hint}`, { path: name });
  return value;
}

/**
 * The bootstrap options from the environment: `C8Y_BASEURL`, `C8Y_DEVICEBOOTSTRAP_USER` (or
 * `C8Y_DEVICEBOOTSTRAP_USERNAME`), `C8Y_DEVICEBOOTSTRAP_PASSWORD`, and `C8Y_DEVICEBOOTSTRAP_TENANT`
 * (needed unless the user is written `tenant/user`). A missing or empty variable is an
 * `InvalidInputError` whose `path` names it.
 */
export function optionsFromEnvironment(env: Environment | undefined): Pick<DeviceRegistryOptions, 'baseUrl' | 'tenantId' | 'username' | 'password'> {
  if (typeof env !== 'object' || env === null) {
    throw new InvalidInputError('no environment: pass one (e.g. process.env, or an object of variables) outside Node.js', { path: 'env' });
  }
  const baseUrl = required(env, DEVICE_BOOTSTRAP_VARIABLES.baseUrl, 'the Cumulocity URL, e.g. https://mytenant.cumulocity.com');
  const username =
    read(env, DEVICE_BOOTSTRAP_VARIABLES.username) ??
    read(env, USERNAME_ALIAS) ??
    required(env, DEVICE_BOOTSTRAP_VARIABLES.username, 'the device bootstrap user (from Cumulocity support)');
  const password = required(env, DEVICE_BOOTSTRAP_VARIABLES.password, "the device bootstrap user's password");
  const tenantId = username.includes('/')
    ? read(env, DEVICE_BOOTSTRAP_VARIABLES.tenantId)
    : required(env, DEVICE_BOOTSTRAP_VARIABLES.tenantId, `the bootstrap user's tenant (e.g. management), or write the user as <tenant>/${username}`);
  return { baseUrl, username, password, ...(tenantId === undefined ? {} : { tenantId }) };
}

/** Which variable an option came from, for errors found when the options are used. */
export function variableOf(path: string | undefined): string | undefined {
  switch (path) {
    case 'options.baseUrl':
      return DEVICE_BOOTSTRAP_VARIABLES.baseUrl;
    case 'username':
      return DEVICE_BOOTSTRAP_VARIABLES.username;
    case 'password':
      return DEVICE_BOOTSTRAP_VARIABLES.password;
    case 'tenantId':
    case 'options.tenantId':
      return DEVICE_BOOTSTRAP_VARIABLES.tenantId;
    default:
      return undefined;
  }
}
