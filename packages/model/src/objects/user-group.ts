import { apiPath, type CallOptions, encodePathSegment, type IdLike, idOf, type RestClient } from '@c8y/rest-core';
import { MediaTypes, roleResource, userGroupResource, userResource } from '../resources.js';
import { collectionPath } from '../resource-paths.js';
import { UserGroupSchema } from '../schemas/users.js';
import { CumulocityObject, type ObjectInit } from './cumulocity-object.js';
import type { ObjectMeta } from './object-meta.js';
import { idsOf, referenceIds } from './user.js';

const META: ObjectMeta = {
  className: 'UserGroup',
  resource: userGroupResource,
  readOnly: ['id', 'self', 'roles', 'users', 'applications'],
  schema: UserGroupSchema,
};

/**
 * The init object of a `UserGroup`.
 *
 * @example
 * ```ts
 * const init: UserGroupInit = { name: 'Operators', description: 'Plant operators' };
 * ```
 */
export interface UserGroupInit extends ObjectInit {
  name?: string;
  description?: string;
}

/**
 * A user group ("global role" in the UI; `/user/{tenantId}/groups`, integer ids given as
 * strings). Membership and role assignments take effect immediately.
 *
 * @example
 * ```ts
 * const group = await new UserGroup(c8y, { name: 'Operators' }).create();
 * await group.assignRole('ROLE_ALARM_ADMIN');
 * await group.assignUser('jdoe');
 * ```
 */
export class UserGroup extends CumulocityObject {
  constructor(c8y?: RestClient, init?: UserGroupInit) {
    super(c8y, init);
  }

  protected get meta(): ObjectMeta {
    return META;
  }

  /**
   * The group's name.
   * @example
   * ```ts
   * group.name = 'Operators';
   * ```
   */
  get name(): string | undefined {
    return this.stringField('name');
  }
  set name(value: string | undefined) {
    this.writeField('name', value);
  }

  /**
   * A description.
   * @example
   * ```ts
   * group.description = 'Plant operators';
   * ```
   */
  get description(): string | undefined {
    return this.stringField('description');
  }
  set description(value: string | undefined) {
    this.writeField('description', value);
  }

  /**
   * Ids of the group's roles (`roles.references[].role.id`).
   * @example
   * ```ts
   * group.roleIds; // ['ROLE_ALARM_ADMIN']
   * ```
   */
  get roleIds(): string[] {
    return referenceIds(this.peek(['roles', 'references']), 'role');
  }

  /**
   * Ids of the group's members as far as the server listed them (`users.references[].user.id`).
   * @example
   * ```ts
   * group.userIds;
   * ```
   */
  get userIds(): string[] {
    return referenceIds(this.peek(['users', 'references']), 'user');
  }

  /**
   * Ids of the applications assigned to the group.
   * @example
   * ```ts
   * group.applicationIds;
   * ```
   */
  get applicationIds(): string[] {
    return idsOf(this.peek('applications'));
  }

  /**
   * Creates it (`POST /user/{tenantId}/groups`).
   * @example
   * ```ts
   * const created = await group.create();
   * ```
   */
  async create(options?: CallOptions): Promise<this> {
    return this.createObject(options);
  }

  /**
   * Sends the local changes (`PUT /user/{tenantId}/groups/{groupId}`).
   * @example
   * ```ts
   * group.description = 'x'; await group.update();
   * ```
   */
  async update(options?: CallOptions): Promise<this> {
    return this.updateObject(options);
  }

  /**
   * Sends this group's changes (or full JSON if never created) to the group `id`.
   * @example
   * ```ts
   * await new UserGroup(c8y, { description: 'x' }).applyTo(5);
   * ```
   */
  async applyTo(id: string | number, options?: CallOptions): Promise<this> {
    return this.applyToObject(id, options);
  }

  /**
   * Reloads it (`GET /user/{tenantId}/groups/{groupId}`).
   * @example
   * ```ts
   * await group.reload();
   * ```
   */
  async reload(options?: CallOptions): Promise<this> {
    return this.reloadObject(options);
  }

  /**
   * Deletes it (`DELETE /user/{tenantId}/groups/{groupId}`).
   * @example
   * ```ts
   * await group.delete();
   * ```
   */
  async delete(options?: CallOptions): Promise<void> {
    return this.deleteObject(undefined, options);
  }

  /**
   * Adds a user (`POST /user/{tenantId}/groups/{groupId}/users` with a user reference).
   * @example
   * ```ts
   * await group.assignUser('jdoe');
   * ```
   */
  async assignUser(user: IdLike, options?: CallOptions): Promise<void> {
    const client = this.requireClient();
    const id = this.requireId('assign a user to');
    const users = await collectionPath(client, userResource, options?.signal);
    const self = `${client.baseUrl}${users}/${encodePathSegment(idOf(user, 'user'), 'user')}`;
    await client.post(`${await this.objectPath(id, options?.signal)}/users`, { user: { self } }, {
      ...options,
      contentType: MediaTypes.userReference,
      accept: MediaTypes.userReference,
    });
  }

  /**
   * Removes a user (`DELETE /user/{tenantId}/groups/{groupId}/users/{userId}`).
   * @example
   * ```ts
   * await group.unassignUser('jdoe');
   * ```
   */
  async unassignUser(user: IdLike, options?: CallOptions): Promise<void> {
    const id = this.requireId('unassign a user from');
    await this.requireClient().delete(`${await this.objectPath(id, options?.signal)}${apiPath`/users/${idOf(user, 'user')}`}`, options);
  }

  /**
   * Assigns a role (`POST /user/{tenantId}/groups/{groupId}/roles` with a role reference).
   * @example
   * ```ts
   * await group.assignRole('ROLE_ALARM_ADMIN');
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
   * Removes a role (`DELETE /user/{tenantId}/groups/{groupId}/roles/{roleId}`).
   * @example
   * ```ts
   * await group.unassignRole('ROLE_ALARM_ADMIN');
   * ```
   */
  async unassignRole(roleId: string, options?: CallOptions): Promise<void> {
    const id = this.requireId('unassign a role from');
    await this.requireClient().delete(`${await this.objectPath(id, options?.signal)}${apiPath`/roles/${roleId}`}`, options);
  }
}
