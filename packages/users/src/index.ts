/**
 * `@c8y/users`: Cumulocity users, user groups and inventory roles as typed contexts.
 *
 * @example
 * ```ts
 * import { Users } from '@c8y/users';
 * const users = new Users(client);
 * for await (const user of users.select({ groups: 'Operators' })) console.log(user.userName);
 * ```
 * @packageDocumentation
 */
export { Users, type TotpSecret } from './users.js';
export type { GroupRef, PagingOnlyFilters, UserFilters } from './user-filters.js';
export { groupMembersQuery, groupRolesQuery, groupsOfUserQuery, inventoryRoleQuery, userGroupQuery, userQuery } from './user-queries.js';
export { CurrentUser, TfaSettings, User, UserGroup, type UserGroupInit, type UserInit } from '@c8y/model';
export { UserGroups, type AssignOptions } from './user-groups.js';
export { InventoryRoles, type InventoryRoleRef } from './inventory-roles.js';
export { InventoryAssignment, InventoryRole, type InventoryRoleInit } from './inventory-role.js';
export { AnyPermission, Permission, ReadPermission, WritePermission, type PermissionJson } from '@c8y/model';
