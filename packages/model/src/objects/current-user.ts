import { apiPath, type CallOptions, type RestClient } from '@c8y/rest-core';
import { isJsonObject } from '../json/json-types.js';
import { MediaTypes } from '../resources.js';
import { CurrentUserSchema } from '../schemas/users.js';
import { BaseUser } from './base-user.js';
import type { ObjectInit } from './cumulocity-object.js';
import type { ObjectMeta } from './object-meta.js';
import { TfaSettings } from './tfa-settings.js';
import { idsOf } from './user.js';

const META: ObjectMeta = {
  className: 'CurrentUser',
  readOnly: ['id', 'self', 'effectiveRoles', 'lastPasswordChange', 'shouldResetPassword', 'twoFactorAuthenticationEnabled'],
  fixedAfterCreate: ['userName'],
  schema: CurrentUserSchema,
};

const PATH = '/user/currentUser';

/**
 * The logged-in user (`/user/currentUser`). Changes go to the current user whether or not it
 * was loaded first.
 *
 * @example
 * ```ts
 * const me = await new CurrentUser(c8y).reload();
 * me.effectiveRoleIds.includes('ROLE_INVENTORY_ADMIN');
 * me.firstName = 'Jane';
 * await me.update();
 * await me.changePassword('old-secret', 'n3w-Secret!');
 * ```
 */
export class CurrentUser extends BaseUser {
  constructor(c8y?: RestClient, init?: ObjectInit) {
    super(c8y, init);
  }

  protected get meta(): ObjectMeta {
    return META;
  }

  /**
   * Ids of all roles the user has, directly or through groups (`effectiveRoles[].id`).
   * @example
   * ```ts
   * me.effectiveRoleIds; // ['ROLE_ALARM_READ', …]
   * ```
   */
  get effectiveRoleIds(): string[] {
    return idsOf(this.peek('effectiveRoles'));
  }

  /**
   * Loads the current user (`GET /user/currentUser`, Accept `…currentuser+json`); local changes are dropped.
   * @example
   * ```ts
   * await me.reload();
   * ```
   */
  async reload(options?: CallOptions): Promise<this> {
    const reply = await this.requireClient().get(PATH, { ...options, accept: MediaTypes.currentUser });
    this.resetTo(reply, 'reload');
    return this;
  }

  /**
   * Sends the local changes (`PUT /user/currentUser`, only what changed).
   * @example
   * ```ts
   * me.phone = '+49 1'; await me.update();
   * ```
   */
  async update(options?: CallOptions): Promise<this> {
    const client = this.requireClient();
    const diff = this.toUpdateJSON();
    if (Object.keys(diff).length === 0) return this;
    const reply = await client.put(PATH, diff, { ...options, accept: MediaTypes.currentUser, contentType: MediaTypes.currentUser });
    this.resetTo(isJsonObject(reply) ? reply : { ...this.toJSON(), ...diff }, 'update');
    return this;
  }

  /**
   * Changes the current user's password (`PUT /user/currentUser/password`). Cumulocity answers
   * 422 (`ValidationError`) when the current password is wrong or the new one too weak.
   * @example
   * ```ts
   * await me.changePassword('old-secret', 'n3w-Secret!');
   * ```
   */
  async changePassword(currentPassword: string, newPassword: string, options?: CallOptions): Promise<void> {
    await this.requireClient().put(`${PATH}/password`, { currentUserPassword: currentPassword, newPassword }, options);
  }

  /**
   * The current user's TFA settings (`GET /user/{tenantId}/users/{userName}/tfa`).
   * @example
   * ```ts
   * (await me.getTfaSettings()).enabled;
   * ```
   */
  async getTfaSettings(options?: CallOptions): Promise<TfaSettings> {
    const client = this.requireClient();
    const userName = this.userName ?? this.requireId('read the TFA settings of');
    const tenantId = await client.getTenantId(options?.signal === undefined ? undefined : { signal: options.signal });
    const reply = await client.get(apiPath`/user/${tenantId}/users/${userName}/tfa`, options);
    return new TfaSettings(isJsonObject(reply) ? reply : {});
  }
}
