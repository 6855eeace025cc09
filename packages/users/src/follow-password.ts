import type { RestClient } from '@c8y/rest-core';

/**
 * An auth strategy that can follow a password change: `BasicAuth` from `@c8y/rest-core`
 * (`updatePassword`). Bearer and cookie strategies carry no password and have no such method.
 *
 * @example
 * ```ts
 * const follower: PasswordFollower = new BasicAuth('t100/jane', 'old-Secret-1');
 * follower.updatePassword('n3w-Secret!');
 * ```
 */
export interface PasswordFollower {
  /** Replaces the password the strategy sends from its next request on. */
  updatePassword(password: string): void;
  /** The user name the credentials name, without tenant prefix. */
  readonly username?: string;
  /** The tenant id the credentials name, if they name one. */
  readonly tenantId?: string;
}

/**
 * The client's auth strategy when it can follow a password change, else `undefined`:
 * `CumulocityRestClient` exposes its strategy as `auth`; a `BasicAuth` there has `updatePassword`.
 *
 * @example
 * ```ts
 * passwordFollowerOf(new CumulocityRestClient({ baseUrl, auth: new BasicAuth('t100/jane', password) })); // the BasicAuth
 * passwordFollowerOf(new CumulocityRestClient({ baseUrl, auth: new BearerAuth(token) }));               // undefined
 * ```
 */
export function passwordFollowerOf(client: RestClient): PasswordFollower | undefined {
  const auth = (client as { readonly auth?: unknown }).auth;
  if (typeof auth !== 'object' || auth === null) return undefined;
  return typeof (auth as { updatePassword?: unknown }).updatePassword === 'function' ? (auth as PasswordFollower) : undefined;
}

/**
 * Whether `follower` logs in as `username` of `tenantId`: user names compare case-insensitively
 * (as Cumulocity logins do); credentials without a tenant belong to the client's tenant.
 *
 * @example
 * ```ts
 * isUserOf(new BasicAuth('t100/Jane', password), 'jane', 't100'); // true
 * isUserOf(new BasicAuth('t100/jane', password), 'jane', 't200'); // false
 * ```
 */
export function isUserOf(follower: PasswordFollower, username: string, tenantId: string): boolean {
  if (follower.username === undefined || follower.username.toLowerCase() !== username.toLowerCase()) return false;
  return follower.tenantId === undefined || follower.tenantId === tenantId;
}
