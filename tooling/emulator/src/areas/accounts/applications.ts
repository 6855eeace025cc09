import type { Tenant, TenantRegistry } from '../../auth/tenants.js';
import { ROLE_SYSTEM } from '../../auth/roles.js';
import type { User } from '../../auth/users.js';
import type { EmulatorServices } from '../../server/services.js';
import { generatePassword } from './secrets.js';

/** Application types of the spec. */
export const APPLICATION_TYPES = ['EXTERNAL', 'HOSTED', 'MICROSERVICE'] as const;
export type ApplicationType = (typeof APPLICATION_TYPES)[number];

/** An application as stored: the writable document plus what the platform manages. */
export interface StoredApplication {
  id: string;
  /** Owner tenant id. */
  owner: string;
  name: string;
  key: string;
  type: ApplicationType;
  /** Writable fields as sent (availability, contextPath, description, manifest, roles, requiredRoles, …). */
  doc: Record<string, unknown>;
  /** Tenant ids subscribed to the application. */
  subscribers: Set<string>;
}

/** Applications owned by one tenant (kept in the owner tenant's data, so `reset()` drops them). */
class ApplicationStore {
  readonly apps = new Map<string, StoredApplication>();
}

const store = (tenant: Tenant): ApplicationStore => tenant.data('applications', () => new ApplicationStore());

/** Every application of every tenant. */
export function allApplications(tenants: TenantRegistry): StoredApplication[] {
  return tenants.list().flatMap((t) => [...store(t).apps.values()]);
}

/** An application by id, whoever owns it. */
export function findApplication(tenants: TenantRegistry, id: string): StoredApplication | undefined {
  for (const t of tenants.list()) {
    const app = store(t).apps.get(id);
    if (app) return app;
  }
  return undefined;
}

/** Stores a new application for its owner tenant. */
export function addApplication(owner: Tenant, app: StoredApplication): void {
  store(owner).apps.set(app.id, app);
}

/** Removes an application from its owner's store. */
export function removeApplication(tenants: TenantRegistry, app: StoredApplication): void {
  const owner = tenants.get(app.owner);
  if (owner) store(owner).apps.delete(app.id);
}

/** String array field of the document or its manifest (`requiredRoles`, `roles`). */
export function roleList(app: StoredApplication, field: 'requiredRoles' | 'roles'): string[] {
  const manifest = app.doc.manifest;
  const fromManifest = typeof manifest === 'object' && manifest !== null ? (manifest as Record<string, unknown>)[field] : undefined;
  const value = app.doc[field] ?? fromManifest;
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/**
 * The tenant-option category a microservice owns (spec, "Encrypted credentials"): the manifest's
 * `settingsCategory`, else the context path, else the name.
 */
export function settingsCategory(app: StoredApplication): string {
  const manifest = app.doc.manifest;
  const fromManifest = typeof manifest === 'object' && manifest !== null ? (manifest as Record<string, unknown>).settingsCategory : undefined;
  const contextPath = app.doc.contextPath;
  if (typeof fromManifest === 'string' && fromManifest.trim()) return fromManifest;
  if (typeof contextPath === 'string' && contextPath.trim()) return contextPath;
  return app.name;
}

/** User name of a microservice's bootstrap user in its owner tenant. */
export const bootstrapUserName = (app: StoredApplication): string => `servicebootstrap_${app.name}`;
/** User name of a microservice's service user in each subscribed tenant. */
export const serviceUserName = (app: StoredApplication): string => `service_${app.name}`;

/** Creates the bootstrap user of a microservice in its owner tenant. */
export function createBootstrapUser(emu: Pick<EmulatorServices, 'random'>, owner: Tenant, app: StoredApplication): User {
  return owner.addUser({ userName: bootstrapUserName(app), password: generatePassword(emu), kind: 'serviceBootstrap', roles: [ROLE_SYSTEM] });
}

/**
 * Subscribes `tenant` to `app`. For microservices this creates the per-tenant service user
 * `service_<name>` with a fresh random password, the application's `requiredRoles` and ROLE_SYSTEM.
 */
export function subscribe(emu: Pick<EmulatorServices, 'random'>, tenant: Tenant, app: StoredApplication): void {
  app.subscribers.add(tenant.id);
  if (app.type === 'MICROSERVICE')
    tenant.addUser({ userName: serviceUserName(app), password: generatePassword(emu), kind: 'service', roles: [...roleList(app, 'requiredRoles'), ROLE_SYSTEM] });
}

/** Unsubscribes `tenant` from `app` and deletes its service user. */
export function unsubscribe(tenant: Tenant, app: StoredApplication): void {
  app.subscribers.delete(tenant.id);
  if (app.type === 'MICROSERVICE') tenant.users.delete(serviceUserName(app));
}

/** Gives the service users of every subscribed tenant the application's current required roles. */
export function refreshServiceUsers(tenants: TenantRegistry, app: StoredApplication): void {
  if (app.type !== 'MICROSERVICE') return;
  for (const id of app.subscribers) {
    const user = tenants.get(id)?.users.get(serviceUserName(app));
    if (user) user.roles = new Set([...roleList(app, 'requiredRoles'), ROLE_SYSTEM]);
  }
}

/**
 * The application a microservice user acts for: for a bootstrap user the application of that
 * name owned by its tenant, for a service user the one of that name its tenant is subscribed to.
 */
export function applicationOfUser(tenants: TenantRegistry, tenant: Tenant, user: User): StoredApplication | undefined {
  const name = user.applicationName;
  if (name === undefined) return undefined;
  return allApplications(tenants).find(
    (a) => a.type === 'MICROSERVICE' && a.name === name && (user.kind === 'serviceBootstrap' ? a.owner === tenant.id : a.subscribers.has(tenant.id)),
  );
}

/** Options of {@link registerMicroservice}. */
export interface RegisterMicroserviceOptions {
  /** Application name (also the context path and the `service_<name>` suffix). */
  name: string;
  /** Roles the service users get (besides ROLE_SYSTEM). */
  requiredRoles?: readonly string[];
  /** Roles the microservice provides (added to the role catalogue). */
  roles?: readonly string[];
  /** Owner tenant id; default the emulator's default tenant. */
  owner?: string;
  /** Tenant ids to subscribe; default `[owner]`. */
  subscribedTenants?: readonly string[];
  /** Application key; default `<name>-key`. */
  key?: string;
  /** Extra writable application fields (manifest, description, …). */
  fields?: Record<string, unknown>;
}

/** Credentials a microservice starts with, as the platform passes them in `C8Y_BOOTSTRAP_*`. */
export interface RegisteredMicroservice {
  /** `C8Y_BOOTSTRAP_TENANT` / `C8Y_BOOTSTRAP_USER` / `C8Y_BOOTSTRAP_PASSWORD`. */
  bootstrap: { tenant: string; user: string; password: string };
  applicationId: string;
  /** `APPLICATION_KEY`. */
  key: string;
  /** One service user per subscribed tenant (what `/application/currentApplication/subscriptions` returns). */
  serviceUsers: Array<{ tenant: string; name: string; password: string }>;
}

/** What {@link registerMicroservice} needs of an emulator (a started `Emulator` has it). */
export interface EmulatorHandle {
  readonly tenants: TenantRegistry;
  readonly services: EmulatorServices;
}

/**
 * Creates a MICROSERVICE application with its bootstrap user and subscribes tenants, as if it
 * had been uploaded and subscribed through the API. State lives in the emulator's tenants, so call
 * it again after `emulator.reset()`.
 *
 * @example
 * const ms = registerMicroservice(emu, { name: 'hello', requiredRoles: ['ROLE_INVENTORY_READ'], subscribedTenants: ['t100', 't200'] });
 * // ms.bootstrap → {tenant: 't100', user: 'servicebootstrap_hello', password: '…'}
 */
export function registerMicroservice(emulator: EmulatorHandle, options: RegisterMicroserviceOptions): RegisteredMicroservice {
  const { tenants, services } = emulator;
  const owner = options.owner ? tenants.get(options.owner) : tenants.default;
  if (!owner) throw new Error(`registerMicroservice: unknown owner tenant ${options.owner ?? ''}`);
  if (allApplications(tenants).some((a) => a.owner === owner.id && a.name === options.name))
    throw new Error(`registerMicroservice: application ${options.name} already exists in tenant ${owner.id}`);
  const targets = (options.subscribedTenants ?? [owner.id]).map((id) => {
    const t = tenants.get(id);
    if (!t) throw new Error(`registerMicroservice: unknown tenant ${id}`);
    return t;
  });
  const key = options.key ?? `${options.name}-key`;
  const app: StoredApplication = {
    id: services.ids.next(),
    owner: owner.id,
    name: options.name,
    key,
    type: 'MICROSERVICE',
    doc: {
      availability: 'PRIVATE',
      contextPath: options.name,
      requiredRoles: [...(options.requiredRoles ?? [])],
      roles: [...(options.roles ?? [])],
      ...(options.fields ?? {}),
    },
    subscribers: new Set(),
  };
  addApplication(owner, app);
  const bootstrap = createBootstrapUser(services, owner, app);
  for (const t of targets) subscribe(services, t, app);
  return {
    bootstrap: { tenant: owner.id, user: bootstrap.userName, password: bootstrap.password },
    applicationId: app.id,
    key,
    serviceUsers: targets.map((t) => ({ tenant: t.id, name: serviceUserName(app), password: t.users.get(serviceUserName(app))?.password ?? '' })),
  };
}
