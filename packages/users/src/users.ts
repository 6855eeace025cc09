import { CurrentUser, Resources, TfaSettings, User, type UserInit } from '@c8y/model';
import {
  apiPath,
  createPagedIterable,
  defineResourceApi,
  InvalidInputError,
  isCumulocityError,
  ResponseFormatError,
  type AsValues,
  type CallOptions,
  type CountOptions,
  type FilterQuery,
  type IdLike,
  type InlinePagingOptions,
  type JsonObject,
  type ObjectOperationOptions,
  type PagedIterable,
  type PagingOptions,
  type ValuesOf,
} from '@c8y/rest-core';
import type { GroupRef, UserFilters } from './user-filters.js';
import { userQuery } from './user-queries.js';
import { getGroupByName, jsonReply, tenantOf } from './support.js';
import { isUserOf, passwordFollowerOf } from './follow-password.js';
import { requireEmail, requirePassword, requireText, requireUsername } from './validate.js';

/**
 * A TOTP secret to set up two-factor authentication (`POST /user/currentUser/totpSecret`).
 *
 * @example
 * ```ts
 * const secret: TotpSecret = { rawSecret: '5XLQP7HIKZBDH6ZZ', secretQrUrl: 'https://…' };
 * ```
 */
export interface TotpSecret {
  /** The secret a TFA app generates codes from (base32). */
  readonly rawSecret: string;
  /** A URL of a QR code carrying the secret, for TFA apps. */
  readonly secretQrUrl: string | undefined;
}

/** A group reference that is a name (looked up) rather than an id. */
function isGroupName(ref: GroupRef): ref is string {
  return typeof ref === 'string' && !/^\d+$/.test(ref);
}

/** Checks user input before any request: user names and e-mail addresses, of plain JSON and `User`s alike. */
function checkUser(item: unknown, field: string, creating: boolean): void {
  if (typeof item !== 'object' || item === null) return; // the engine names it
  const json = item instanceof User ? item.toJSON() : (item as JsonObject);
  if (creating || json.userName !== undefined) requireUsername(json.userName, `${field}.userName`);
  if (json.email !== undefined || creating) requireEmail(json.email, `${field}.email`);
}

function checkUsers(items: unknown, creating: boolean): void {
  if (Array.isArray(items)) items.forEach((item, index) => checkUser(item, `users[${index}]`, creating));
  else checkUser(items, 'user', creating);
}

/**
 * Users of the client's tenant (`/user/{tenantId}/users`; a user's id is its user name): typed
 * queries (group names resolved to ids), create, update and delete with workers, passwords,
 * logging out every user, two-factor authentication settings and the current user's TOTP.
 *
 * Bad input (an empty user name, an e-mail address that is none, a user created without a
 * password and without `sendPasswordResetEmail: true`) is an `InvalidInputError` before any
 * request.
 *
 * @example
 * ```ts
 * const users = new Users(client);
 * const jane = await users.create({ userName: 'jane', email: 'jane@example.com', sendPasswordResetEmail: true });
 * const operators = await users.getAll({ groups: ['Operators'] });
 * await users.delete('jane');
 * ```
 */
export class Users extends /* @__PURE__ */ defineResourceApi({
  resource: Resources.user,
  query: userQuery,
  item: User,
  operations: ['delete'],
}) {
  /**
   * One user by user name (`GET /user/{tenantId}/users/{userName}`, the name path-encoded).
   *
   * @throws NotFoundError when there is none; InvalidInputError for an empty name, before any request.
   * @example
   * ```ts
   * const jane = await users.get('jane');
   * ```
   */
  async get(username: string, options?: CallOptions): Promise<User> {
    return this.operations.get(requireUsername(username), options);
  }

  /**
   * The logged-in user (`GET /user/currentUser`, Accept `…currentuser+json`), with its effective roles.
   *
   * @example
   * ```ts
   * const me = await users.getCurrent();
   * me.effectiveRoleIds.includes('ROLE_USER_MANAGEMENT_ADMIN');
   * ```
   */
  async getCurrent(options?: CallOptions): Promise<CurrentUser> {
    return new CurrentUser(this.client).reload(options);
  }

  /**
   * Reads users lazily, filtered (see {@link UserFilters}), with paging, workers and `asValues`
   * like every `select`. Group names in `groups` are looked up first
   * (`GET /user/{tenantId}/groupByName/{name}`, when the iteration starts).
   *
   * @throws InvalidInputError (when iterated) for an unknown group name, before the listing request.
   * @example
   * ```ts
   * for await (const user of users.select({ groups: 'Operators', onlyDevices: false })) console.log(user.userName);
   * ```
   */
  select<const A extends AsValues>(query: UserFilters & InlinePagingOptions & { asValues: A }, options?: PagingOptions): PagedIterable<ValuesOf<JsonObject, A>>;
  select<const A extends AsValues>(query: FilterQuery<UserFilters> | undefined, options: PagingOptions & { asValues: A }): PagedIterable<ValuesOf<JsonObject, A>>;
  select(query?: FilterQuery<UserFilters>, options?: PagingOptions): PagedIterable<User>;
  select(query?: FilterQuery<UserFilters>, options: PagingOptions = {}): PagedIterable<unknown> {
    const operations = this.operations;
    if (!hasGroupNames(query)) return operations.select(query, options);
    const resolve = () => this.#resolveGroups(query as UserFilters, options.signal);
    return createPagedIterable(async function* () {
      yield* operations.select(await resolve(), options).byPage();
    });
  }

  /**
   * All matching users (or `limit` of them) as an array: `select(…).toArray()`.
   *
   * @example
   * ```ts
   * const operators = await users.getAll({ groups: ['Operators', 'Admins'] });
   * const names = await users.getAll({ owner: 'admin' }, { asValues: 'userName' });
   * ```
   */
  getAll<const A extends AsValues>(query: UserFilters & InlinePagingOptions & { asValues: A }, options?: PagingOptions): Promise<Array<ValuesOf<JsonObject, A>>>;
  getAll<const A extends AsValues>(query: FilterQuery<UserFilters> | undefined, options: PagingOptions & { asValues: A }): Promise<Array<ValuesOf<JsonObject, A>>>;
  getAll(query?: FilterQuery<UserFilters>, options?: PagingOptions): Promise<User[]>;
  async getAll(query?: FilterQuery<UserFilters>, options?: PagingOptions): Promise<unknown[]> {
    return this.select(query, options).toArray();
  }

  /**
   * How many users match: one `pageSize=1&withTotalPages=true` request (the API has no count
   * endpoint), after looking up group names.
   *
   * @example
   * ```ts
   * await users.count({ groups: 'Operators' });
   * ```
   */
  async count(filters?: UserFilters | string, options?: CountOptions): Promise<number> {
    const resolved = hasGroupNames(filters) ? await this.#resolveGroups(filters as UserFilters, options?.signal) : filters;
    return this.operations.count(resolved, options);
  }

  /**
   * Creates one user or many (`POST /user/{tenantId}/users` each; many with `workers`). A user
   * needs `userName` and `email`, and a `password` or `sendPasswordResetEmail: true` (the
   * platform then e-mails a link to set one). Resolves the created users in input order.
   *
   * @throws InvalidInputError for a missing or unusable user name or e-mail address, or neither
   *   password nor `sendPasswordResetEmail: true`, before any request.
   * @example
   * ```ts
   * const jane = await users.create({ userName: 'jane', email: 'jane@example.com', sendPasswordResetEmail: true });
   * const many = await users.create([{ userName: 'a1', email: 'a1@example.com', password }], { workers: 4 });
   * ```
   */
  create(user: User | UserInit, options?: ObjectOperationOptions<User>): Promise<User>;
  create(users: readonly (User | UserInit)[], options?: ObjectOperationOptions<User>): Promise<User[]>;
  async create(users: User | UserInit | readonly (User | UserInit)[], options?: ObjectOperationOptions<User>): Promise<User | User[]> {
    checkUsers(users, true);
    return this.operations.create(users as User | UserInit, options);
  }

  /**
   * Updates one user or many (`PUT /user/{tenantId}/users/{userName}` each): `User` objects send
   * what changed, plain JSON names the user with `id` (its user name). Resolves the updated users.
   *
   * @throws InvalidInputError for an e-mail address that is none, before any request.
   * @example
   * ```ts
   * await users.update({ id: 'jane', lastName: 'Doe', enabled: false });
   * ```
   */
  update(user: User | (UserInit & { readonly id: IdLike }), options?: ObjectOperationOptions<User>): Promise<User>;
  update(users: readonly (User | (UserInit & { readonly id: IdLike }))[], options?: ObjectOperationOptions<User>): Promise<User[]>;
  async update(users: unknown, options?: ObjectOperationOptions<User>): Promise<User | User[]> {
    checkUsers(users, false);
    return this.operations.update(users as User, options);
  }

  /**
   * Sets a user's password (`PUT /user/{tenantId}/users/{userName}` with `{ password }`), through
   * `User#setPassword`. Resolves the user as the server answered.
   *
   * When `username` is the user the client itself logs in as (with `BasicAuth`, same tenant,
   * user names compared case-insensitively), the client's credentials follow once the platform
   * accepted the change: its later requests send the new password (see {@link changePassword}).
   *
   * @throws InvalidInputError for an empty user name, or an empty password or one with CR, LF,
   *   NUL or a lone surrogate, before any request.
   * @example
   * ```ts
   * await users.setPassword('jane', password);
   * ```
   */
  async setPassword(username: string, password: string, options?: CallOptions): Promise<User> {
    const name = requireUsername(username);
    const next = requirePassword(password, 'password');
    const user = await User.fromJSON(this.client, { id: name, userName: name }).setPassword(next, options);
    const follower = passwordFollowerOf(this.client);
    if (follower !== undefined && isUserOf(follower, name, await tenantOf(this.client, options))) follower.updatePassword(next);
    return user;
  }

  /**
   * Changes the logged-in user's own password (`PUT /user/currentUser/password` with
   * `{ currentUserPassword, newPassword }`), through `CurrentUser#changePassword`. Cumulocity
   * answers 422 when the current password is wrong or the new one too weak.
   *
   * **The client's credentials follow.** When the client authenticates with `BasicAuth` (it
   * logs in as the user whose password this changes), the strategy's password is replaced
   * (`BasicAuth#updatePassword`) once the platform answered 200, so the same client keeps
   * working. Requests already sent keep the old password, and one the platform receives after
   * the change fails with 401 — change a password while the client is otherwise idle. On an
   * error nothing changes. Other clients built with their own `BasicAuth` need the new password.
   *
   * Token logins have no password to update: `BearerAuth` keeps its token. Under OAI-Secure the
   * platform answers with a new `authorization` cookie and lets the old token expire within a
   * minute (OpenAPI spec); a browser takes the new cookie itself, while a `CookieAuth` holding the
   * token does not read `Set-Cookie` — log in again with `authenticate()`.
   *
   * @throws InvalidInputError for an empty password, or a new one with CR, LF, NUL or a lone
   *   surrogate (no Basic header could carry it), before any request.
   * @example
   * ```ts
   * await users.changePassword(password, 'n3w-Secret!');
   * await users.getCurrent(); // the same client, now with the new password
   * ```
   */
  async changePassword(currentPassword: string, newPassword: string, options?: CallOptions): Promise<void> {
    const current = requireText(currentPassword, 'currentPassword');
    const next = requirePassword(newPassword, 'newPassword');
    await new CurrentUser(this.client).changePassword(current, next, options);
    passwordFollowerOf(this.client)?.updatePassword(next);
  }

  /**
   * Ends the sessions of every user of the tenant and invalidates their tokens
   * (`POST /user/logout/{tenantId}/allUsers`). Basic-auth clients are not affected.
   *
   * @example
   * ```ts
   * await users.logoutAll();
   * ```
   */
  async logoutAll(options?: CallOptions): Promise<void> {
    await this.client.post(apiPath`/user/logout/${await tenantOf(this.client, options)}/allUsers`, undefined, options);
  }

  /**
   * A user's two-factor authentication settings (`GET /user/{tenantId}/users/{userName}/tfa`),
   * through `User#getTfaSettings`.
   *
   * @example
   * ```ts
   * const tfa = await users.getTfaSettings('jane');
   * tfa.enabled; tfa.strategy;
   * ```
   */
  async getTfaSettings(username: string, options?: CallOptions): Promise<TfaSettings> {
    return User.fromJSON(this.client, { id: requireUsername(username), userName: username }).getTfaSettings(options);
  }

  /**
   * Generates a new TOTP secret for the logged-in user (`POST /user/currentUser/totpSecret`), to
   * set up an authenticator app; activate TOTP with {@link setTotpActive} afterwards.
   *
   * @example
   * ```ts
   * const { rawSecret, secretQrUrl } = await users.generateTotpSecret();
   * ```
   */
  async generateTotpSecret(options?: CallOptions): Promise<TotpSecret> {
    const path = '/user/currentUser/totpSecret';
    const json = jsonReply(await this.client.post(path, undefined, { ...options, accept: 'application/json' }), 'POST', `${this.client.baseUrl}${path}`, 'a TOTP secret');
    if (typeof json.rawSecret !== 'string') throw new ResponseFormatError('expected a TOTP secret with rawSecret', { method: 'POST', url: `${this.client.baseUrl}${path}` });
    return { rawSecret: json.rawSecret, secretQrUrl: typeof json.secretQrUrl === 'string' ? json.secretQrUrl : undefined };
  }

  /**
   * Whether TOTP two-factor authentication is active for the logged-in user
   * (`GET /user/currentUser/totpSecret/activity`).
   *
   * @example
   * ```ts
   * if (!(await users.isTotpActive())) await users.setTotpActive(true);
   * ```
   */
  async isTotpActive(options?: CallOptions): Promise<boolean> {
    const path = '/user/currentUser/totpSecret/activity';
    const json = jsonReply(await this.client.get(path, { ...options, accept: 'application/json' }), 'GET', `${this.client.baseUrl}${path}`, 'a TOTP activity');
    if (typeof json.isActive !== 'boolean') throw new ResponseFormatError('expected a TOTP activity with isActive', { method: 'GET', url: `${this.client.baseUrl}${path}` });
    return json.isActive;
  }

  /**
   * Activates (`true`) or deactivates (`false`) TOTP for the logged-in user
   * (`POST /user/currentUser/totpSecret/activity` with `{ isActive }`). Cumulocity answers 409
   * when the user has no secret yet (see {@link generateTotpSecret}).
   *
   * @throws InvalidInputError when `active` is not a boolean, before any request.
   * @example
   * ```ts
   * await users.setTotpActive(false);
   * ```
   */
  async setTotpActive(active: boolean, options?: CallOptions): Promise<void> {
    if (typeof active !== 'boolean') throw new InvalidInputError(`must be a boolean, got ${typeof active}`, { path: 'active' });
    await this.client.post('/user/currentUser/totpSecret/activity', { isActive: active }, { ...options, contentType: 'application/json' });
  }

  /**
   * Verifies a TOTP code of the logged-in user (`POST /user/currentUser/totpSecret/verify` with
   * `{ code }`). Resolves when the code is right; Cumulocity answers 403 for a wrong code and
   * 404 when the user has no secret.
   *
   * @throws InvalidInputError for a code that is not 6 digits, before any request.
   * @example
   * ```ts
   * await users.verifyTotp('123456');
   * ```
   */
  async verifyTotp(code: string, options?: CallOptions): Promise<void> {
    const text = requireText(code, 'code');
    if (!/^\d{6}$/.test(text)) throw new InvalidInputError('must be the 6 digits of a TOTP code', { path: 'code' });
    await this.client.post('/user/currentUser/totpSecret/verify', { code: text }, { ...options, contentType: 'application/json' });
  }

  /** `filters` with group names replaced by ids (`GET …/groupByName/{name}` each; unknown → InvalidInputError). */
  async #resolveGroups(filters: UserFilters, signal: AbortSignal | undefined): Promise<UserFilters> {
    const refs: readonly GroupRef[] = Array.isArray(filters.groups) ? filters.groups : [filters.groups as GroupRef];
    const ids: GroupRef[] = [];
    for (const ref of refs) {
      if (!isGroupName(ref)) {
        ids.push(ref);
        continue;
      }
      try {
        ids.push(await getGroupByName(this.client, ref, signal === undefined ? {} : { signal }));
      } catch (error) {
        if (isCumulocityError(error, 'NotFoundError')) throw new InvalidInputError(`there is no user group named ${JSON.stringify(ref)}`, { path: 'groups' });
        throw error;
      }
    }
    return { ...filters, groups: ids };
  }
}

/** Whether a query's `groups` names a group by name. */
function hasGroupNames(query: unknown): boolean {
  if (typeof query !== 'object' || query === null) return false;
  const groups = (query as UserFilters).groups;
  if (groups === undefined) return false;
  return (Array.isArray(groups) ? (groups as readonly GroupRef[]) : [groups as GroupRef]).some(isGroupName);
}
