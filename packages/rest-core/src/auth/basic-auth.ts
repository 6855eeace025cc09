import { InvalidInputError } from '../errors/invalid-input-error.js';
import type { AuthContext, AuthStrategy } from './auth-strategy.js';
import { encodeBase64Utf8 } from './encoding.js';
import { assertSecretText, assertTenantId, inspectSymbol, splitTenantUser } from './validate.js';

/**
 * Options of {@link BasicAuth}.
 *
 * @example
 * ```ts
 * new BasicAuth('admin', password, { tenantId: 't100', tfaToken: 'the-tfa-token' });
 * ```
 */
export interface BasicAuthOptions {
  /**
   * The tenant id, when `username` has no `tenant/` prefix. Must match the prefix when it has one.
   * Without either, the client's tenant id (if it knows one) is used, and otherwise the user name
   * is sent bare and the platform derives the tenant from the URL's domain.
   */
  tenantId?: string;
  /** A TFA token, sent as the `TFAToken` header (Basic auth with two-factor authentication). */
  tfaToken?: string;
}

/**
 * HTTP Basic authentication: `Authorization: Basic base64("<tenant>/<user>:<password>")`, the
 * user name and password encoded as UTF-8 (RFC 7617). Device bootstrap and microservice service
 * users are Basic too.
 *
 * The user name may carry the tenant (`t100/admin`). When it does not, the tenant from
 * `options.tenantId`, or else from the client, is put in front of it; with neither it is sent as is.
 *
 * The password (and TFA token) live in private fields: `JSON.stringify`, `String()`,
 * `console.log` and `util.inspect` show only the tenant and user name.
 *
 * Construction throws `InvalidInputError` naming the field (`username`, `password`,
 * `options.tenantId`, `options.tfaToken`) when a value is empty, contains CR, LF or NUL, or the
 * user name contains `:` (Basic auth cannot carry it).
 *
 * After the user's password changed on the platform, {@link BasicAuth.updatePassword} lets the
 * same instance (and so every client built with it) send the new one; `@c8y/users` calls it when
 * a client changes its own user's password.
 *
 * @example
 * ```ts
 * const auth = new BasicAuth('t100/admin', process.env.C8Y_PASSWORD!);
 * auth.tenantId; // 't100'
 * auth.username; // 'admin'
 * String(auth);  // 'BasicAuth(t100/admin)'
 *
 * // The tenant given separately (or left to the client):
 * new BasicAuth('admin', 'secret', { tenantId: 't100' });
 * ```
 */
export class BasicAuth implements AuthStrategy {
  readonly #user: string;
  readonly #tenantId: string | undefined;
  #password: string;
  readonly #tfaToken: string | undefined;
  /** The header for the last tenant prefix used: encoded once, not per request. */
  #encoded: { tenantId: string | undefined; header: string } | undefined;

  constructor(username: string, password: string, options: BasicAuthOptions = {}) {
    assertSecretText(username, 'username');
    if (username.includes(':')) throw new InvalidInputError('must not contain ":" ("Basic" credentials cannot carry it)', { path: 'username' });
    assertSecretText(password, 'password');
    const { tenantId: prefix, user } = splitTenantUser(username, 'username');
    let tenantId = prefix;
    if (options.tenantId !== undefined) {
      assertTenantId(options.tenantId, 'options.tenantId');
      if (prefix !== undefined && prefix !== options.tenantId) {
        throw new InvalidInputError(`does not match the tenant "${prefix}" in the user name`, { path: 'options.tenantId' });
      }
      tenantId = options.tenantId;
    }
    if (options.tfaToken !== undefined) assertSecretText(options.tfaToken, 'options.tfaToken');
    this.#user = user;
    this.#tenantId = tenantId;
    this.#password = password;
    this.#tfaToken = options.tfaToken;
  }

  /** The tenant id from the `tenant/` prefix or `options.tenantId`, if either was given. */
  get tenantId(): string | undefined {
    return this.#tenantId;
  }

  /** The user name without the tenant prefix. */
  get username(): string {
    return this.#user;
  }

  /**
   * Replaces the password; the tenant, user name and TFA token stay. Requests already sent (or
   * whose headers were already set, such as a call in flight) keep the header they carry; every
   * request authorized afterwards — including a retry of an earlier call — sends the new one.
   *
   * This changes only what the client sends, not the password on the platform: call it after the
   * platform accepted the change (`Users#changePassword` in `@c8y/users` does that for you).
   * Bearer and cookie logins have no password to update: their tokens stay valid after a change.
   *
   * @throws InvalidInputError (path `password`, the value never in the message) for an empty
   *   password or one with CR, LF, NUL or a lone surrogate; the old password then stays.
   * @example
   * ```ts
   * const auth = new BasicAuth('t100/jane', 'old-Secret-1');
   * auth.updatePassword('n3w-Secret!');
   * String(auth); // 'BasicAuth(t100/jane)': never the password
   * ```
   */
  updatePassword(password: string): void {
    assertSecretText(password, 'password');
    this.#password = password;
    this.#encoded = undefined;
  }

  /**
   * Sets `Authorization: Basic …` (and `TFAToken` when given). The tenant prefix is, in order:
   * the one in the credentials, `context.tenantId`, none.
   *
   * @example
   * ```ts
   * const headers = new Headers();
   * new BasicAuth('admin', 'secret').authorize(headers, { tenantId: 't100' });
   * headers.get('authorization'); // 'Basic ' + base64('t100/admin:secret')
   * ```
   */
  authorize(headers: Headers, context: AuthContext = {}): void {
    const tenantId = this.#tenantId ?? (context.tenantId || undefined);
    if (this.#encoded === undefined || this.#encoded.tenantId !== tenantId) {
      const user = tenantId === undefined ? this.#user : `${tenantId}/${this.#user}`;
      this.#encoded = { tenantId, header: `Basic ${encodeBase64Utf8(`${user}:${this.#password}`)}` };
    }
    headers.set('Authorization', this.#encoded.header);
    if (this.#tfaToken !== undefined) headers.set('TFAToken', this.#tfaToken);
  }

  /** `BasicAuth(t100/admin)`: never the password. */
  toString(): string {
    return `BasicAuth(${this.#tenantId === undefined ? '' : `${this.#tenantId}/`}${this.#user})`;
  }

  /** What `JSON.stringify` shows: the kind, tenant and user, never the password. */
  toJSON(): { type: 'BasicAuth'; tenantId?: string; username: string } {
    return { type: 'BasicAuth', tenantId: this.#tenantId, username: this.#user };
  }

  /** What `console.log` / `util.inspect` show in Node. */
  [inspectSymbol](): string {
    return this.toString();
  }
}
