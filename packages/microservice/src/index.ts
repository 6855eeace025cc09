/**
 * `@c8y/microservice`: Cumulocity IoT microservices in Node.js — the service user's client,
 * clients for the users behind inbound requests, and multi-tenant subscriptions with a listener.
 *
 * @example
 * ```ts
 * import { MultiTenantCumulocityApp } from '@c8y/microservice';
 * const app = new MultiTenantCumulocityApp();
 * for (const tenantId of await app.getSubscribers()) {
 *   const tenant = await app.getTenantClient(tenantId);
 *   console.log(tenantId, await tenant.get('/tenant/currentTenant'));
 * }
 * ```
 * @packageDocumentation
 */
import type { AppClosedError } from './errors/app-closed-error.js';
import type { InboundAuthError } from './errors/inbound-auth-error.js';
import type { MissingEnvironmentError } from './errors/missing-environment-error.js';
import type { TenantNotSubscribedError } from './errors/tenant-not-subscribed-error.js';

export { SimpleCumulocityApp, type SimpleAppOptions } from './simple-app.js';
export {
  MultiTenantCumulocityApp,
  type BootstrapCredentials,
  type MultiTenantAppOptions,
  type SubscriptionReadOptions,
} from './multi-tenant-app.js';
export type { SubscriptionListener, SubscriptionListenerOptions } from './subscription-listener.js';
export type { AppOptions, UserCacheOptions } from './app-options.js';
export type { DefaultFactoryArgs } from './app-base.js';
export type { UserCacheFilter } from './user-clients.js';
export { defaultClientFactory, type ClientFactory, type SharedClientOptions } from './client-factory.js';
export type { Environment } from './environment.js';
export { readInboundAuth, type InboundCookies, type InboundRequest } from './inbound-auth.js';
export { AppClosedError } from './errors/app-closed-error.js';
export { InboundAuthError, type InboundAuthReason } from './errors/inbound-auth-error.js';
export { MissingEnvironmentError } from './errors/missing-environment-error.js';
export { TenantNotSubscribedError } from './errors/tenant-not-subscribed-error.js';

// This package's error kinds for rest-core's guard: `isCumulocityError(error, 'InboundAuthError')`.
declare module '@c8y/rest-core' {
  interface CumulocityErrorKinds {
    AppClosedError: AppClosedError;
    InboundAuthError: InboundAuthError;
    MissingEnvironmentError: MissingEnvironmentError;
    TenantNotSubscribedError: TenantNotSubscribedError;
  }
}
