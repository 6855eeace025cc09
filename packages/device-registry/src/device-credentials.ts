import { BasicAuth, InvalidInputError } from '@c8y/rest-core';

const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

/**
 * What `awaitCredentials` resolves: the device user Cumulocity created when the request was
 * accepted. Log in as `<tenantId>/<username>:<password>` (`toBasicAuth()`).
 *
 * The password is a getter over a private field: destructuring and `credentials.password` read
 * it, but `JSON.stringify`, `String()`, `Object.keys`, spreading (`{ ...credentials }`) and
 * `console.log`/`util.inspect` never show it.
 *
 * @example
 * ```ts
 * const credentials = new DeviceCredentials({ externalId: 'raspi-0001', tenantId: 't100', username: 'device_raspi-0001', password });
 * const { tenantId, username } = credentials;
 * String(credentials);         // 'DeviceCredentials(t100/device_raspi-0001)'
 * JSON.stringify(credentials); // '{"externalId":"raspi-0001","tenantId":"t100","username":"device_raspi-0001"}'
 * ```
 */
export class DeviceCredentials {
  /** The device's external id (the request's id). */
  readonly externalId: string;
  /** The tenant the device user lives in. */
  readonly tenantId: string;
  /** The device user's name, `device_<externalId>`. */
  readonly username: string;
  readonly #password: string;

  constructor(init: { externalId: string; tenantId: string; username: string; password: string }) {
    for (const key of ['externalId', 'tenantId', 'username', 'password'] as const) {
      const value: unknown = init?.[key];
      if (typeof value !== 'string' || value === '') {
        throw new InvalidInputError(`expected a non-empty string, got ${value === '' ? 'an empty string' : typeof value}`, { path: key });
      }
    }
    this.externalId = init.externalId;
    this.tenantId = init.tenantId;
    this.username = init.username;
    this.#password = init.password;
  }

  /**
   * The device user's password.
   * @example
   * ```ts
   * const { password: secret } = credentials;
   * ```
   */
  get password(): string {
    return this.#password;
  }

  /**
   * Basic auth as the device (`<tenantId>/<username>`).
   * @example
   * ```ts
   * const device = new CumulocityRestClient({ baseUrl, auth: credentials.toBasicAuth() });
   * ```
   */
  toBasicAuth(): BasicAuth {
    return new BasicAuth(`${this.tenantId}/${this.username}`, this.#password);
  }

  /**
   * `DeviceCredentials(t100/device_raspi-0001)`: never the password.
   * @example
   * ```ts
   * console.log(String(credentials));
   * ```
   */
  toString(): string {
    return `DeviceCredentials(${this.tenantId}/${this.username})`;
  }

  /**
   * The external id, tenant and user name: never the password.
   * @example
   * ```ts
   * JSON.stringify(credentials);
   * ```
   */
  toJSON(): { externalId: string; tenantId: string; username: string } {
    return { externalId: this.externalId, tenantId: this.tenantId, username: this.username };
  }

  /** What `console.log` / `util.inspect` show in Node. */
  [inspectSymbol](): string {
    return this.toString();
  }
}
