import { apiPath, type CallOptions, encodePathSegment, type IdLike, idOf, InvalidInputError, type RestClient } from '@c8y/rest-core';
import { isJsonObject, type JsonValue } from '../json/json-types.js';
import { MediaTypes, roleResource, userGroupResource, userResource } from '../resources.js';
import { collectionPath } from '../resource-paths.js';
import { UserSchema } from '../schemas/users.js';
import { BaseUser } from './base-user.js';
import type { ObjectInit } from './cumulocity-object.js';
import type { ObjectMeta } from './object-meta.js';
import { TfaSettings } from './tfa-settings.js';

const META: ObjectMeta = {
  className: 'User',
  resource: userResource,
  readOnly: [
    'id',
    'self',
    'applications',
    'groups',
    'roles',
    'lastPasswordChange',
    'passwordStrength',
    'shouldResetPassword',
    'twoFactorAuthenticationEnabled',
    'delegatedBy',
  ],
  // The OpenAPI spec: `owner` "can only be set by users with role USER_MANAGEMENT_ADMIN during user creation".
  fixedAfterCreate: ['userName', 'owner'],
  schema: UserSchema,
  checkCreate: (body) => {
    // The OpenAPI spec: a POST without a password must carry sendPasswordResetEmail: true.
    if (body.password === undefined && body.sendPasswordResetEmail !== true) {
      throw new InvalidInputError(
        'a user created without a password needs sendPasswordResetEmail: true (Cumulocity e-mails a link to set one); or give a password',
        { path: 'sendPasswordResetEmail' },
      );
    }
  },
};

/**
 * The init object of a `User`.
 *
 * @example
 * ```ts
 * const init: UserInit = { userName: 'jdoe', email: 'jdoe@example.com', sendPasswordResetEmail: true };
 * ```
 */
export interface UserInit extends ObjectInit {
  userName?: string;
  email?: string;
  password?: string;
  enabled?: boolean;
  displayName?: string;
  firstName?: string;
  lastName?: string;
  phone?: string;
  sendPasswordResetEmail?: boolean;
  /** The parent user in a user hierarchy; only on create, and only by a user management admin. */
  owner?: string;
}

/**
 * A user of the tenant (`/user/{tenantId}/users`; the id is the user name). Group and role
 * assignments take effect immediately.
 *
 * @example
 * ```ts
 * const user = await new User(c8y, { userName: 'jdoe', email: 'jdoe@example.com', sendPasswordResetEmail: true }).create();
 * await user.assignGroup('12'); // a group id or a UserGroup
 * await user.assignRole('ROLE_ALARM_READ');
 * await user.setPassword('n3w-Secret!');
 * ```
 */
export class User extends BaseUser {
  constructor(c8y?: RestClient, init?: UserInit) {
    super(c8y, init);
  }

  protected get meta(): ObjectMeta {
    return META;
  }

  /**
   * Whether the user may log in.
   * @example
   * ```ts
   * user.enabled = false; await user.update();
   * ```
   */
  get enabled(): boolean | undefined {
    return this.booleanField('enabled');
  }
  set enabled(value: boolean | undefined) {
    this.writeField('enabled', value);
  }

  /**
   * Display name.
   * @example
   * ```ts
   * user.displayName = 'Jane D.';
   * ```
   */
  get displayName(): string | undefined {
    return this.stringField('displayName');
  }
  set displayName(value: string | undefined) {
    this.writeField('displayName', value);
  }

  /**
   * On creation without a password: send a password-reset e-mail.
   * @example
   * ```ts
   * new User(c8y, { userName: 'x', email: 'x@example.com', sendPasswordResetEmail: true });
   * ```
   */
  get sendPasswordResetEmail(): boolean | undefined {
    return this.booleanField('sendPasswordResetEmail');
  }
  set sendPasswordResetEmail(value: boolean | undefined) {
    this.writeField('sendPasswordResetEmail', value);
  }

  /**
   * The parent user in a user hierarchy (by default the user who created this one). Set it only
   * before `create()`, as a user management admin; it cannot change afterwards.
   * @example
   * ```ts
   * const child = new User(c8y, { userName: 'jim', email: 'jim@example.com', sendPasswordResetEmail: true, owner: 'jane' });
   * child.owner; // 'jane'
   * ```
   */
  get owner(): string | undefined {
    return this.stringField('owner');
  }
  set owner(value: string | undefined) {
    this.writeField('owner', value);
  }

  /**
   * `GREEN`, `YELLOW` or `RED`. Read-only.
   * @example
   * ```ts
   * user.passwordStrength;
   * ```
   */
  get passwordStrength(): 'GREEN' | 'YELLOW' | 'RED' | undefined {
    return this.stringField('passwordStrength') as 'GREEN' | 'YELLOW' | 'RED' | undefined;
  }

  /**
   * Ids of the user's groups (`groups.references[].group.id`, as the server sent them).
   * @example
   * ```ts
   * user.groupIds; // ['2', '5']
   * ```
   */
  get groupIds(): string[] {
    return referenceIds(this.peek(['groups', 'references']), 'group');
  }

  /**
   * Ids of the roles assigned directly (`roles.references[].role.id`).
   * @example
   * ```ts
   * user.roleIds; // ['ROLE_ALARM_READ']
   * ```
   */
  get roleIds(): string[] {
    return referenceIds(this.peek(['roles', 'references']), 'role');
  }

  /**
   * Ids of the applications assigned to the user.
   * @example
   * ```ts
   * user.applicationIds;
   * ```
   */
  get applicationIds(): string[] {
    return idsOf(this.peek('applications'));
  }

  /**
   * Creates the user (`POST /user/{tenantId}/users`).
   * @throws InvalidInputError without `userName` or `email`, before any request.
   * @example
   * ```ts
   * const created = await user.create();
   * ```
   */
  async create(options?: CallOptions): Promise<this> {
    return this.createObject(options);
  }

  /**
   * Sends the local changes (`PUT /user/{tenantId}/users/{userId}`, only what changed).
   * @example
   * ```ts
   * user.lastName = 'Smith'; await user.update();
   * ```
   */
  async update(options?: CallOptions): Promise<this> {
    return this.updateObject(options);
  }

  /**
   * Sends this user's changes (or full JSON if never created) to the user `id`.
   * @example
   * ```ts
   * await new User(c8y, { enabled: false }).applyTo('jdoe');
   * ```
   */
  async applyTo(id: string, options?: CallOptions): Promise<this> {
    return this.applyToObject(id, options);
  }

  /**
   * Reloads it (`GET /user/{tenantId}/users/{userId}`).
   * @example
   * ```ts
   * await user.reload();
   * ```
   */
  async reload(options?: CallOptions): Promise<this> {
    return this.reloadObject(options);
  }

  /**
   * Deletes the user (`DELETE /user/{tenantId}/users/{userId}`).
   * @example
   * ```ts
   * await user.delete();
   * ```
   */
  async delete(options?: CallOptions): Promise<void> {
    return this.deleteObject(undefined, options);
  }

  /**
   * Sets a new password now (`PUT /user/{tenantId}/users/{userId}` with `{"password": …}`);
   * other local changes stay unsent. (To change your own password, use
   * `CurrentUser#changePassword`.)
   * @example
   * ```ts
   * await user.setPassword('n3w-Secret!');
   * ```
   */
  async setPassword(password: string, options?: CallOptions): Promise<this> {
    const id = this.requireId('set the password of');
    const reply = await this.requireClient().put(await this.objectPath(id, options?.signal), { password: String(password) }, this.requestOptions(options));
    this.rebaseTo(isJsonObject(reply) ? reply : this.toJSON(), 'setPassword');
    return this;
  }

  /**
   * Adds the user to a group (`POST /user/{tenantId}/groups/{groupId}/users` with a user reference).
   * @example
   * ```ts
   * await user.assignGroup(2);
   * ```
   */
  async assignGroup(group: IdLike, options?: CallOptions): Promise<void> {
    const client = this.requireClient();
    const id = this.requireId('assign a group to');
    const groups = await collectionPath(client, userGroupResource, options?.signal);
    const users = await collectionPath(client, userResource, options?.signal);
    const self = `${client.baseUrl}${users}/${encodePathSegment(id)}`;
    await client.post(`${groups}${apiPath`/${idOf(group, 'group')}/users`}`, { user: { self } }, {
      ...options,
      contentType: MediaTypes.userReference,
      accept: MediaTypes.userReference,
    });
  }

  /**
   * Removes the user from a group (`DELETE /user/{tenantId}/groups/{groupId}/users/{userId}`).
   * @example
   * ```ts
   * await user.unassignGroup(2);
   * ```
   */
  async unassignGroup(group: IdLike, options?: CallOptions): Promise<void> {
    const client = this.requireClient();
    const id = this.requireId('unassign a group from');
    const groups = await collectionPath(client, userGroupResource, options?.signal);
    await client.delete(`${groups}${apiPath`/${idOf(group, 'group')}/users/${id}`}`, options);
  }

  /**
   * Assigns a global role directly (`POST /user/{tenantId}/users/{userId}/roles` with a role reference).
   * @example
   * ```ts
   * await user.assignRole('ROLE_ALARM_READ');
   * ```
   */
  async assignRole(roleId: string, options?: CallOptions): Promise<void> {
    const client = this.requireClient();
    const id = this.requireId('assign a role to');
    const self = `${client.baseUrl}${roleResource.path}/${encodePathSegment(roleId, 'roleId')}`;
    await client.post(`${await this.objectPath(id, options?.signal)}/roles`, { role: { self } }, {
      ...options,
      contentType: MediaTypes.roleReference,
      accept: MediaTypes.roleReference,
    });
  }

  /**
   * Removes a directly assigned role (`DELETE /user/{tenantId}/users/{userId}/roles/{roleId}`).
   * @example
   * ```ts
   * await user.unassignRole('ROLE_ALARM_READ');
   * ```
   */
  async unassignRole(roleId: string, options?: CallOptions): Promise<void> {
    const id = this.requireId('unassign a role from');
    await this.requireClient().delete(`${await this.objectPath(id, options?.signal)}${apiPath`/roles/${roleId}`}`, options);
  }

  /**
   * The user's TFA settings (`GET /user/{tenantId}/users/{userId}/tfa`).
   * @example
   * ```ts
   * (await user.getTfaSettings()).strategy;
   * ```
   */
  async getTfaSettings(options?: CallOptions): Promise<TfaSettings> {
    const id = this.requireId('read the TFA settings of');
    const reply = await this.requireClient().get(`${await this.objectPath(id, options?.signal)}/tfa`, options);
    return new TfaSettings(isJsonObject(reply) ? reply : {});
  }
}

/**
 * The `id` of `references[].<key>` entries.
 *
 * @example
 * ```ts
 * referenceIds([{ group: { id: 2 } }], 'group'); // ['2']
 * ```
 */
export function referenceIds(references: Readonly<JsonValue> | undefined, key: string): string[] {
  if (!Array.isArray(references)) return [];
  return references.flatMap((reference: JsonValue) => (isJsonObject(reference) ? idsOf([reference[key] ?? null]) : []));
}

/**
 * The ids of a list of `{ id }` objects.
 *
 * @example
 * ```ts
 * idsOf([{ id: 1 }, { id: 'a' }]); // ['1', 'a']
 * ```
 */
export function idsOf(list: Readonly<JsonValue> | undefined): string[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((item: JsonValue) => {
    const id = isJsonObject(item) ? item.id : undefined;
    return typeof id === 'string' ? [id] : typeof id === 'number' ? [String(id)] : [];
  });
}
