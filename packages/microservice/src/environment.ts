import { MissingEnvironmentError } from './errors/missing-environment-error.js';

/**
 * Where an app reads its settings: `process.env` by default, or any record of variables (tests,
 * configuration loaded from elsewhere). An empty value counts as not set.
 *
 * @example
 * ```ts
 * const env: Environment = { C8Y_BASEURL: 'http://cumulocity:8111', C8Y_TENANT: 't100', C8Y_USER: 'service_hello', C8Y_PASSWORD: 'secret' };
 * const app = new SimpleCumulocityApp({ env });
 * ```
 */
export type Environment = Readonly<Record<string, string | undefined>>;

/** `process.env`, read when an app is created (not at import). */
export function processEnvironment(): Environment {
  return process.env;
}

/** The value of `name`, or `undefined` when it is not set or empty. */
export function readVariable(env: Environment, name: string): string | undefined {
  const value = Object.hasOwn(env, name) ? env[name] : undefined;
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * The value of `name`; when it is missing, a {@link MissingEnvironmentError} that says what it is
 * for (`purpose`), which option replaces it (`option`), and which `C8Y_*` names are set (names
 * only: values never appear in errors).
 */
export function requireVariable(env: Environment, name: string, purpose: string, option: string): string {
  const value = readVariable(env, name);
  if (value !== undefined) return value;
  const present = Object.keys(env)
    .filter((key) => /C8Y_|APPLICATION_/.test(key) && readVariable(env, key) !== undefined)
    .sort();
  const found = present.length === 0 ? 'no C8Y_* variable is set' : `set: ${present.join(', ')}`;
  throw new MissingEnvironmentError(name, `the environment variable ${name} is not set (${purpose}); set it or pass ${option} (${found})`);
}
