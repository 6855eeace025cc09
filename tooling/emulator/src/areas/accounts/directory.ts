import type { Tenant } from '../../auth/tenants.js';
import type { User } from '../../auth/users.js';

/** A user group ("global role" in the UI); integer id as on the platform. */
export interface Group {
  id: number;
  name: string;
  description?: string;
  /** Global roles granted to every member. */
  roles: Set<string>;
  /** Member user names. */
  members: Set<string>;
  customProperties: Record<string, unknown>;
  devicePermissions: Record<string, unknown>;
}

/** One permission of an inventory role. */
export interface InventoryPermission {
  id: number;
  permission: 'ADMIN' | 'READ' | '*';
  scope: 'ALARM' | 'AUDIT' | 'EVENT' | 'MANAGED_OBJECT' | 'MEASUREMENT' | 'OPERATION' | '*';
  type: string;
}

/** An inventory role (`/user/inventoryroles`). */
export interface InventoryRole {
  id: number;
  name: string;
  description: string;
  permissions: InventoryPermission[];
}

/** Inventory roles a user holds on one managed object (`/user/{t}/users/{u}/roles/inventory`). */
export interface InventoryAssignment {
  id: number;
  managedObject: string;
  roleIds: number[];
}

/** Global read roles that make inventory paging unrestricted (spec: "a global role for reading data"). */
const GLOBAL_INVENTORY_READ = ['ROLE_INVENTORY_READ', 'ROLE_INVENTORY_ADMIN', 'ROLE_MANAGED_OBJECT_READ', 'ROLE_MANAGED_OBJECT_ADMIN'];

interface Own {
  roles: Set<string>;
  restricted: boolean;
}

const NO_ASSIGNMENTS: ReadonlyMap<number, InventoryAssignment> = new Map();

/**
 * Per-tenant user management state: groups, inventory roles, inventory assignments and each
 * user's *direct* global roles.
 *
 * The framework checks permissions against `User.roles` (`ctx.requireRole`, route `roles`), so
 * this directory keeps `User.roles` equal to the user's **effective** roles (direct ∪ roles of
 * every group the user is in) and `User.restrictedPaging` in line with the inventory assignments.
 * The direct roles are captured the first time a user is touched (for seeded users: the seed's
 * roles) and kept in a `WeakMap`, so a user replaced by `tenant.addUser` starts afresh.
 */
export class Directory {
  readonly groups = new Map<number, Group>();
  readonly inventoryRoles = new Map<number, InventoryRole>();
  /** Inventory assignments by user name. */
  private readonly assignments = new Map<string, Map<number, InventoryAssignment>>();
  private readonly own = new WeakMap<User, Own>();

  constructor(readonly tenant: Tenant) {}

  private ownOf(user: User): Own {
    let own = this.own.get(user);
    if (!own) this.own.set(user, (own = { roles: new Set(user.roles), restricted: user.restrictedPaging }));
    return own;
  }

  /** The user's directly assigned global roles (mutable; call {@link refresh} after changing). */
  directRoles(user: User): Set<string> {
    return this.ownOf(user).roles;
  }

  /** Groups the user is a member of, by id. */
  groupsOf(user: User): Group[] {
    return [...this.groups.values()].filter((g) => g.members.has(user.userName)).sort((a, b) => a.id - b.id);
  }

  groupByName(name: string): Group | undefined {
    return [...this.groups.values()].find((g) => g.name === name);
  }

  /** The user's inventory assignments by assignment id (reading never creates an entry). */
  assignmentsOf(user: User): ReadonlyMap<number, InventoryAssignment> {
    return this.assignments.get(user.userName) ?? NO_ASSIGNMENTS;
  }

  /** Adds (or replaces) one of the user's inventory assignments. */
  assign(user: User, assignment: InventoryAssignment): void {
    let map = this.assignments.get(user.userName);
    if (!map) this.assignments.set(user.userName, (map = new Map()));
    map.set(assignment.id, assignment);
  }

  /** Removes one of the user's inventory assignments. */
  unassign(user: User, id: number): void {
    const map = this.assignments.get(user.userName);
    map?.delete(id);
    if (map?.size === 0) this.assignments.delete(user.userName);
  }

  /**
   * Recomputes `user.roles` (direct ∪ group roles) and `user.restrictedPaging` (seed flag, or:
   * holds inventory assignments but no global inventory read role).
   */
  refresh(user: User): void {
    const own = this.ownOf(user);
    const effective = new Set(own.roles);
    for (const g of this.groupsOf(user)) for (const r of g.roles) effective.add(r);
    user.roles = effective;
    const hasAssignments = (this.assignments.get(user.userName)?.size ?? 0) > 0;
    user.restrictedPaging = own.restricted || (hasAssignments && !GLOBAL_INVENTORY_READ.some((r) => effective.has(r)));
  }

  /** Refreshes every member of `group` (after its roles or members changed). */
  refreshMembers(group: Group): void {
    for (const name of group.members) {
      const user = this.tenant.users.get(name);
      if (user) this.refresh(user);
    }
  }

  /** Forgets a deleted user: group memberships and inventory assignments. */
  forget(userName: string): void {
    for (const g of this.groups.values()) g.members.delete(userName);
    this.assignments.delete(userName);
  }
}

/** The tenant's user directory (created on first use, dropped by `emulator.reset()`). */
export function directory(tenant: Tenant): Directory {
  return tenant.data('users.directory', () => new Directory(tenant));
}

/** TFA state kept in `User.props` (seedable: `props: { totpSecret: 'JBSWY3DPEHPK3PXP' }` = TOTP active). */
export interface TfaProps {
  /** Base32 TOTP secret. */
  totpSecret?: string;
  /** TOTP activity; when omitted, a seeded `totpSecret` counts as active. */
  totpActive?: boolean;
  /** ISO time of the last successful TFA check. */
  lastTfaRequestTime?: string;
}

/** The user's TFA state. */
export function tfaOf(user: User): TfaProps {
  return user.props as TfaProps;
}

/** True if the user must pass TOTP when logging in via `/tenant/oauth`. */
export function totpActive(user: User): boolean {
  const tfa = tfaOf(user);
  return typeof tfa.totpSecret === 'string' && tfa.totpActive !== false;
}

/** Password-reset tokens by lower-case email (`POST /user/passwordReset`). */
export function resetTokens(tenant: Tenant): Map<string, string> {
  return tenant.data('users.passwordReset', () => new Map<string, string>());
}
