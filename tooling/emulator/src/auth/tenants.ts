import { ALL_ROLES } from './roles.js';
import { User, type UserSeed } from './users.js';

/** Seed definition of a tenant. */
export interface TenantSeed {
  /** Tenant id, e.g. `t100`. */
  id: string;
  /** Domain name reported by `/tenant/currentTenant`; also matched against the `Host` header. Default `<id>.localhost`. */
  domain?: string;
  users?: readonly UserSeed[];
  allowCreateTenants?: boolean;
  customProperties?: Record<string, unknown>;
  /** Parent tenant id (reported by `currentTenant?withParent=true`). */
  parent?: string;
}

/**
 * One tenant: its users and a private key/value store in which each area keeps its collections.
 * Stores of different tenants never share data.
 */
export class Tenant {
  readonly id: string;
  domain: string;
  allowCreateTenants: boolean;
  customProperties: Record<string, unknown>;
  parent: string | undefined;
  /** Users by user name. */
  readonly users = new Map<string, User>();
  private readonly store = new Map<string, unknown>();

  constructor(readonly seed: TenantSeed) {
    this.id = seed.id;
    this.domain = seed.domain ?? `${seed.id}.localhost`;
    this.allowCreateTenants = seed.allowCreateTenants ?? false;
    this.customProperties = { ...(seed.customProperties ?? {}) };
    this.parent = seed.parent;
    for (const u of seed.users ?? []) this.addUser(u);
  }

  /**
   * The area's data for this tenant, created on first use. Use a unique key per area
   * (`ctx.tenant.data('inventory', () => new InventoryStore())`).
   */
  data<T>(key: string, init: () => T): T {
    if (!this.store.has(key)) this.store.set(key, init());
    return this.store.get(key) as T;
  }

  /** Adds (or replaces) a user. */
  addUser(seed: UserSeed): User {
    const user = new User(seed);
    this.users.set(user.userName, user);
    return user;
  }

  /** Looks a user up by name (Cumulocity user names are case-insensitive on login). */
  findUser(userName: string): User | undefined {
    return this.users.get(userName) ?? [...this.users.values()].find((u) => u.userName.toLowerCase() === userName.toLowerCase());
  }

  /** Drops every area's data (`emulator.reset()`). */
  clearData(): void {
    this.store.clear();
  }
}

/** Default seed: tenant `t100` with `admin`/`admin-pass` holding every role. */
export const DEFAULT_TENANTS: readonly TenantSeed[] = [
  { id: 't100', users: [{ userName: 'admin', password: 'admin-pass', roles: ALL_ROLES, props: { firstName: 'Admin' } }] },
];

/** Default device bootstrap credentials (`management/devicebootstrap`), as on real platforms. */
export const DEFAULT_DEVICE_BOOTSTRAP: UserSeed = { userName: 'devicebootstrap', password: 'bootstrap-pass', kind: 'deviceBootstrap' };

/** All tenants of one emulator. The first seeded tenant is the default (the loopback host maps to it). */
export class TenantRegistry {
  private readonly tenants = new Map<string, Tenant>();

  constructor(private readonly seeds: readonly TenantSeed[]) {
    this.reset();
  }

  /** The tenant `127.0.0.1`/`localhost` and unmatched hosts belong to. */
  get default(): Tenant {
    const first = this.tenants.values().next();
    if (first.done) throw new Error('The emulator has no tenants');
    return first.value;
  }

  get(id: string): Tenant | undefined {
    return this.tenants.get(id);
  }

  /** Tenant whose domain equals `hostname`, or whose id is its first label (`t200.localhost`). */
  byHost(hostname: string): Tenant | undefined {
    const host = hostname.toLowerCase();
    const label = host.split('.')[0] ?? '';
    for (const t of this.tenants.values()) if (t.domain.toLowerCase() === host || t.id.toLowerCase() === label) return t;
    return undefined;
  }

  list(): Tenant[] {
    return [...this.tenants.values()];
  }

  /** Creates a tenant at runtime (e.g. `POST /tenant/tenants`). Throws if the id exists. */
  create(seed: TenantSeed): Tenant {
    if (this.tenants.has(seed.id)) throw new Error(`Tenant ${seed.id} already exists`);
    const tenant = new Tenant(seed);
    this.tenants.set(tenant.id, tenant);
    return tenant;
  }

  remove(id: string): boolean {
    return this.tenants.delete(id);
  }

  /** Back to the seeds: runtime tenants, users and all area data are dropped. */
  reset(): void {
    this.tenants.clear();
    for (const seed of this.seeds) this.create(seed);
  }
}
