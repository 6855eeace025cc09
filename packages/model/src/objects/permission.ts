import { PermissionSchema, type PermissionLevel, type PermissionScope } from '../schemas/users.js';
import { validateCreate } from '../schemas/validate.js';
import { JsonView } from './json-view.js';

/**
 * The JSON of an inventory-role permission.
 *
 * @example
 * ```ts
 * const json: PermissionJson = { permission: 'READ', scope: 'MEASUREMENT', type: 'c8y_Temperature' };
 * ```
 */
export interface PermissionJson {
  permission: PermissionLevel;
  scope: PermissionScope;
  /** Fragment type it applies to; `*` for all. */
  type?: string;
  /** Set by the server. */
  id?: number | string;
}

/**
 * One permission of an inventory role: a level (`READ`, `ADMIN`, `*`) on a scope (`ALARM`,
 * `EVENT`, `MEASUREMENT`, …) for a fragment type. Validated on construction.
 *
 * @throws InvalidInputError for an unknown level or scope.
 * @example
 * ```ts
 * const permission = new Permission({ permission: 'ADMIN', scope: 'OPERATION', type: 'c8y_Restart' });
 * const role = { name: 'Restart', description: 'Can restart devices', permissions: [permission] };
 * JSON.stringify(role.permissions); // '[{"permission":"ADMIN","scope":"OPERATION","type":"c8y_Restart"}]'
 * ```
 */
export class Permission extends JsonView {
  constructor(json: PermissionJson) {
    super(json);
    validateCreate(PermissionSchema, this.toJSON(), 'Permission');
  }

  /**
   * `READ`, `ADMIN` or `*`.
   * @example
   * ```ts
   * new ReadPermission('ALARM').permission; // 'READ'
   * ```
   */
  get permission(): PermissionLevel {
    return this.stringField('permission') as PermissionLevel;
  }

  /**
   * The scope, e.g. `MEASUREMENT`; `*` for all.
   * @example
   * ```ts
   * permission.scope;
   * ```
   */
  get scope(): PermissionScope {
    return this.stringField('scope') as PermissionScope;
  }

  /**
   * The fragment type; `*` for all.
   * @example
   * ```ts
   * permission.type; // 'c8y_Restart'
   * ```
   */
  get type(): string | undefined {
    return this.stringField('type');
  }

  /**
   * The server's id of the permission, if it came from the server.
   * @example
   * ```ts
   * permission.id;
   * ```
   */
  get id(): string | undefined {
    const id = this.rawField('id');
    return typeof id === 'number' || typeof id === 'string' ? String(id) : undefined;
  }
}

/**
 * A `READ` permission (default: any scope, any type).
 *
 * @example
 * ```ts
 * new ReadPermission('MEASUREMENT', 'c8y_Temperature').toJSON();
 * // { permission: 'READ', scope: 'MEASUREMENT', type: 'c8y_Temperature' }
 * ```
 */
export class ReadPermission extends Permission {
  constructor(scope: PermissionScope = '*', type = '*') {
    super({ permission: 'READ', scope, type });
  }
}

/**
 * An `ADMIN` (write) permission (default: any scope, any type).
 *
 * @example
 * ```ts
 * new WritePermission('OPERATION', 'c8y_Restart').permission; // 'ADMIN'
 * ```
 */
export class WritePermission extends Permission {
  constructor(scope: PermissionScope = '*', type = '*') {
    super({ permission: 'ADMIN', scope, type });
  }
}

/**
 * A `*` (any level) permission (default: any scope, any type).
 *
 * @example
 * ```ts
 * new AnyPermission('ALARM').toJSON(); // { permission: '*', scope: 'ALARM', type: '*' }
 * ```
 */
export class AnyPermission extends Permission {
  constructor(scope: PermissionScope = '*', type = '*') {
    super({ permission: '*', scope, type });
  }
}
