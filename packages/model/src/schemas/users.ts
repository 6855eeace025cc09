import * as v from 'valibot';
import { expected, oneOf, optionalString, requiredString } from './common.js';

/**
 * A new user: `userName` (no whitespace, `/`, `+`, `$` or `:`) and `email` are required;
 * `enabled` is a boolean and `password` a string when given.
 *
 * @example
 * ```ts
 * v.parse(UserSchema, { userName: 'jdoe', email: 'jdoe@example.com' });
 * ```
 */
export const UserSchema = v.looseObject({
  userName: v.pipe(
    requiredString(),
    v.regex(/^[^\s/+$:]+$/, (issue) => `must not contain whitespace, /, +, $ or :, got ${JSON.stringify(issue.input)}`),
  ),
  email: requiredString(),
  password: optionalString(),
  enabled: v.optional(v.boolean(expected('a boolean'))),
  firstName: optionalString(),
  lastName: optionalString(),
  displayName: optionalString(),
  phone: optionalString(),
  sendPasswordResetEmail: v.optional(v.boolean(expected('a boolean'))),
});

/**
 * A current-user update: the same field types as a user (nothing is required).
 *
 * @example
 * ```ts
 * v.parse(CurrentUserSchema, { firstName: 'Jane' });
 * ```
 */
export const CurrentUserSchema = v.looseObject({
  email: optionalString(),
  firstName: optionalString(),
  lastName: optionalString(),
  phone: optionalString(),
  password: optionalString(),
});

/**
 * A new user group: a `name` is required.
 *
 * @example
 * ```ts
 * v.parse(UserGroupSchema, { name: 'Operators' });
 * ```
 */
export const UserGroupSchema = v.looseObject({
  name: requiredString(),
  description: optionalString(),
});

/**
 * Inventory-role permission levels: `READ`, `ADMIN` (write) or `*` (any).
 *
 * @example
 * ```ts
 * PermissionLevels.includes('READ');
 * ```
 */
export const PermissionLevels = ['READ', 'ADMIN', '*'] as const;
/**
 * An inventory-role permission level.
 * @example
 * ```ts
 * const level: PermissionLevel = 'READ';
 * ```
 */
export type PermissionLevel = (typeof PermissionLevels)[number];

/**
 * Inventory-role permission scopes.
 *
 * @example
 * ```ts
 * PermissionScopes.includes('MEASUREMENT');
 * ```
 */
export const PermissionScopes = ['ALARM', 'AUDIT', 'EVENT', 'MANAGED_OBJECT', 'MEASUREMENT', 'OPERATION', '*'] as const;
/**
 * An inventory-role permission scope.
 * @example
 * ```ts
 * const scope: PermissionScope = 'MEASUREMENT';
 * ```
 */
export type PermissionScope = (typeof PermissionScopes)[number];

/**
 * One inventory-role permission.
 *
 * @example
 * ```ts
 * v.parse(PermissionSchema, { permission: 'READ', scope: 'MEASUREMENT', type: 'c8y_Temperature' });
 * ```
 */
export const PermissionSchema = v.looseObject({
  permission: oneOf(PermissionLevels),
  scope: oneOf(PermissionScopes),
  type: v.optional(v.string(expected('a fragment type or *'))),
});
