/**
 * `@c8y/notifications`: Cumulocity Notification 2.0 (subscriptions and consumer tokens) as a typed context.
 *
 * @example
 * ```ts
 * import { Subscriptions, Tokens } from '@c8y/notifications';
 * await new Subscriptions(client).create({ context: 'tenant', subscription: 'allAlarms', subscriptionFilter: { apis: ['alarms'] } });
 * const token = await new Tokens(client).create({ subscriber: 'worker1', subscription: 'allAlarms' });
 * ```
 * @packageDocumentation
 */
export {
  ManagedObjectApis,
  Subscriptions,
  TenantApis,
  type ManagedObjectApi,
  type ManagedObjectSubscriptionCreate,
  type SubscriptionCreate,
  type TenantApi,
  type TenantSubscriptionCreate,
} from './subscriptions.js';
export { NotificationToken, Tokens, type NotificationTokenClaims, type TokenRequest } from './tokens.js';
export type { NotificationContext, SubscriptionDeleteFilters, SubscriptionFilters } from './notification-filters.js';
export { subscriptionDeleteQuery, subscriptionQuery } from './notification-queries.js';
export { Subscription, type SubscriptionInit } from '@c8y/model';
