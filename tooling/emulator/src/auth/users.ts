import { ROLE_DEVICE, ROLE_DEVICE_BOOTSTRAP } from './roles.js';

/**
 * What kind of principal a user is.
 * - `user`: a normal tenant user.
 * - `device`: a device user `device_<externalId>` (owner-only access; areas filter by owner).
 * - `deviceBootstrap`: `management/devicebootstrap`, may only call routes that opt in.
 * - `serviceBootstrap`: a microservice bootstrap user `servicebootstrap_<app>`, same restriction.
 * - `service`: a microservice service user `service_<app>` in a subscribed tenant.
 */
export type UserKind = 'user' | 'device' | 'deviceBootstrap' | 'serviceBootstrap' | 'service';

/** Seed / creation data for a user. */
export interface UserSeed {
  userName: string;
  password: string;
  /** Global roles; default: none (`device`: ROLE_DEVICE, `deviceBootstrap`: ROLE_DEVICE_BOOTSTRAP). */
  roles?: readonly string[];
  /** Derived from the name when omitted (`device_*`, `servicebootstrap_*`, `service_*`). */
  kind?: UserKind;
  /**
   * Simulates a user whose read access comes only from inventory roles: collections are paged in
   * the restricted mode (see the paging helper).
   */
  restrictedPaging?: boolean;
  /** Free-form attributes (email, firstName, …) areas may read and extend. */
  props?: Record<string, unknown>;
}

function kindFromName(userName: string): UserKind {
  if (userName.startsWith('device_')) return 'device';
  if (userName.startsWith('servicebootstrap_')) return 'serviceBootstrap';
  if (userName.startsWith('service_')) return 'service';
  if (userName === 'devicebootstrap') return 'deviceBootstrap';
  return 'user';
}

/** A user of one tenant. Mutable on purpose: the user area edits roles, passwords and props. */
export class User {
  userName: string;
  password: string;
  readonly kind: UserKind;
  roles: Set<string>;
  restrictedPaging: boolean;
  props: Record<string, unknown>;

  constructor(seed: UserSeed) {
    this.userName = seed.userName;
    this.password = seed.password;
    this.kind = seed.kind ?? kindFromName(seed.userName);
    const defaults = this.kind === 'device' ? [ROLE_DEVICE] : this.kind === 'deviceBootstrap' ? [ROLE_DEVICE_BOOTSTRAP] : [];
    this.roles = new Set(seed.roles ?? defaults);
    this.restrictedPaging = seed.restrictedPaging ?? false;
    this.props = { ...(seed.props ?? {}) };
  }

  /** The user id in URLs and bodies (Cumulocity uses the user name). */
  get id(): string {
    return this.userName;
  }

  get isDevice(): boolean {
    return this.kind === 'device';
  }

  get isBootstrap(): boolean {
    return this.kind === 'deviceBootstrap' || this.kind === 'serviceBootstrap';
  }

  get isServiceUser(): boolean {
    return this.kind === 'service';
  }

  /** For `servicebootstrap_<app>` / `service_<app>`: the application name. */
  get applicationName(): string | undefined {
    const m = /^service(?:bootstrap)?_(.+)$/.exec(this.userName);
    return this.kind === 'service' || this.kind === 'serviceBootstrap' ? m?.[1] : undefined;
  }

  /** True if the user has at least one of `roles`. */
  hasAnyRole(...roles: readonly string[]): boolean {
    return roles.some((r) => this.roles.has(r));
  }
}
