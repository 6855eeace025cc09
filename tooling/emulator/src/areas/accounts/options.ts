import type { Tenant, TenantRegistry } from '../../auth/tenants.js';
import type { User } from '../../auth/users.js';
import { applicationOfUser, settingsCategory } from './applications.js';

/** One tenant option. */
export interface StoredOption {
  category: string;
  key: string;
  value: string;
  /** `false` once the management tenant made it non-editable (PUT/DELETE → 403). */
  editable: boolean;
}

/** What a `credentials.*` option shows to everyone but its owning microservice. */
export const ENCRYPTED = '<<Encrypted>>';
export const CREDENTIALS_PREFIX = 'credentials.';

/** Tenant options by category, then key (insertion order kept). */
export class OptionStore {
  readonly categories = new Map<string, Map<string, StoredOption>>();

  get(category: string, key: string): StoredOption | undefined {
    return this.categories.get(category)?.get(key);
  }

  set(category: string, key: string, value: string): StoredOption {
    let cat = this.categories.get(category);
    if (!cat) this.categories.set(category, (cat = new Map()));
    const existing = cat.get(key);
    if (existing) {
      existing.value = value;
      return existing;
    }
    const option: StoredOption = { category, key, value, editable: true };
    cat.set(key, option);
    return option;
  }

  delete(category: string, key: string): boolean {
    const cat = this.categories.get(category);
    const done = cat?.delete(key) ?? false;
    if (cat?.size === 0) this.categories.delete(category);
    return done;
  }

  all(): StoredOption[] {
    return [...this.categories.values()].flatMap((c) => [...c.values()]);
  }

  category(category: string): StoredOption[] {
    return [...(this.categories.get(category)?.values() ?? [])];
  }
}

/** The tenant's options (created on first use). */
export function options(tenant: Tenant): OptionStore {
  return tenant.data('tenant.options', () => new OptionStore());
}

/** Reads a numeric option (e.g. `oauth.internal` / `basic-token.lifespan.seconds`). */
export function numericOption(tenant: Tenant, category: string, key: string): number | undefined {
  const raw = options(tenant).get(category, key)?.value;
  const n = raw === undefined ? NaN : Number(raw);
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

/** Whether `user` (a microservice bootstrap or service user) owns the option category. */
export function ownsCategory(tenants: TenantRegistry, tenant: Tenant, user: User | undefined, category: string): boolean {
  if (!user || (user.kind !== 'service' && user.kind !== 'serviceBootstrap')) return false;
  const app = applicationOfUser(tenants, tenant, user);
  return app !== undefined && settingsCategory(app) === category;
}

/**
 * How an option looks to a reader: `credentials.*` values are `<<Encrypted>>` unless the reader is
 * a system user of the microservice owning the category, who sees the value with the prefix
 * removed from the key.
 */
export function present(option: StoredOption, owner: boolean): { key: string; value: string } {
  if (!option.key.startsWith(CREDENTIALS_PREFIX)) return { key: option.key, value: option.value };
  return owner ? { key: option.key.slice(CREDENTIALS_PREFIX.length), value: option.value } : { key: option.key, value: ENCRYPTED };
}
