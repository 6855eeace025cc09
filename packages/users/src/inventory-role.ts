import { CumulocityObject, JsonView, Permission, Resources, type ObjectInit, type ObjectMeta, type PermissionJson } from '@c8y/model';
import { InvalidInputError, isJsonObject, type JsonObject, type JsonValue, type RestClient } from '@c8y/rest-core';

/** Each permission through the model's `Permission` (validated: level and scope). */
function toPermissions(value: unknown, field: string): Permission[] {
  if (!Array.isArray(value)) throw new InvalidInputError(`must be an array of permissions, got ${value === null ? 'null' : typeof value}`, { path: field });
  return value.map((entry: unknown, index) => {
    if (entry instanceof Permission) return entry;
    if (typeof entry !== 'object' || entry === null) throw new InvalidInputError('must be a Permission or its JSON', { path: `${field}[${index}]` });
    try {
      return new Permission(entry as PermissionJson);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new InvalidInputError(message, { path: `${field}[${index}]` });
    }
  });
}

const META: ObjectMeta = {
  className: 'InventoryRole',
  resource: Resources.inventoryRole,
  readOnly: ['id', 'self'],
  checkCreate: (body: JsonObject) => {
    if (typeof body.name !== 'string' || body.name.trim() === '') throw new InvalidInputError('an inventory role needs a name', { path: 'name' });
    // The OpenAPI spec requires name, description and permissions on POST.
    if (typeof body.description !== 'string') throw new InvalidInputError('an inventory role needs a description', { path: 'description' });
    toPermissions(body.permissions, 'permissions');
  },
};

/**
 * The init object of an `InventoryRole`.
 *
 * @example
 * ```ts
 * const init: InventoryRoleInit = { name: 'Restart', description: 'Can restart devices', permissions: [new WritePermission('OPERATION', 'c8y_Restart')] };
 * ```
 */
export interface InventoryRoleInit extends ObjectInit {
  name?: string;
  description?: string;
  permissions?: ReadonlyArray<Permission | PermissionJson>;
}

/**
 * An inventory role (`/user/inventoryroles`, integer ids given as strings): a name, a
 * description and permissions (`Permission`, `ReadPermission`, `WritePermission`,
 * `AnyPermission`) a user gets on the managed objects it is assigned to.
 *
 * @example
 * ```ts
 * const role = new InventoryRole(client, { name: 'Readers', permissions: [new ReadPermission()] });
 * role.permissions[0]?.permission; // 'READ'
 * ```
 */
export class InventoryRole extends CumulocityObject {
  constructor(c8y?: RestClient, init?: InventoryRoleInit) {
    super(c8y, init);
  }

  protected get meta(): ObjectMeta {
    return META;
  }

  /**
   * The role's name.
   * @example
   * ```ts
   * role.name = 'Readers';
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
   * role.description = 'Read everything';
   * ```
   */
  get description(): string | undefined {
    return this.stringField('description');
  }
  set description(value: string | undefined) {
    this.writeField('description', value);
  }

  /**
   * The permissions, as `Permission` objects. Setting them replaces the whole list (an update
   * sends the whole list, as the platform expects); each is validated.
   * @example
   * ```ts
   * role.permissions = [new ReadPermission('ALARM'), new WritePermission('OPERATION', 'c8y_Restart')];
   * ```
   */
  get permissions(): Permission[] {
    const list = this.peek('permissions');
    if (!Array.isArray(list)) return [];
    return list.flatMap((json: JsonValue) => (isJsonObject(json) ? [new Permission(json as unknown as PermissionJson)] : []));
  }
  set permissions(value: ReadonlyArray<Permission | PermissionJson>) {
    this.writeField('permissions', toPermissions(value, 'permissions').map((permission) => permission.toJSON()));
  }
}

/**
 * One inventory assignment of a user: inventory roles on one managed object (and its
 * descendants), `GET /user/{tenantId}/users/{userId}/roles/inventory[/{id}]`.
 *
 * @example
 * ```ts
 * const assignment = new InventoryAssignment({ id: 7, managedObject: '1105', roles: [{ id: 4, name: 'Readers' }] });
 * assignment.roleIds; // ['4']
 * ```
 */
export class InventoryAssignment extends JsonView {
  /**
   * The assignment's id (an integer, as a string).
   * @example
   * ```ts
   * assignment.id; // '7'
   * ```
   */
  get id(): string | undefined {
    const id = this.rawField('id');
    return typeof id === 'number' || typeof id === 'string' ? String(id) : undefined;
  }

  /**
   * The managed object the roles apply to.
   * @example
   * ```ts
   * assignment.managedObjectId; // '1105'
   * ```
   */
  get managedObjectId(): string | undefined {
    const value = this.rawField('managedObject');
    const id = isJsonObject(value) ? value.id : value;
    return typeof id === 'number' || typeof id === 'string' ? String(id) : undefined;
  }

  /**
   * The assigned inventory roles (as the server sent them).
   * @example
   * ```ts
   * assignment.roles.map((role) => role.name);
   * ```
   */
  get roles(): InventoryRole[] {
    const list = this.rawField('roles');
    if (!Array.isArray(list)) return [];
    return list.flatMap((json: JsonValue) => (isJsonObject(json) ? [InventoryRole.fromJSON(undefined, json)] : []));
  }

  /**
   * The ids of the assigned roles.
   * @example
   * ```ts
   * assignment.roleIds; // ['4']
   * ```
   */
  get roleIds(): string[] {
    return this.roles.flatMap((role) => (role.id === undefined ? [] : [role.id]));
  }
}
