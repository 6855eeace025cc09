import { defineQuery } from '@c8y/rest-core';
import type { SubscriptionDeleteFilters, SubscriptionFilters } from './notification-filters.js';

/** The values `context` takes (checked at run time too, for JavaScript callers). */
const CONTEXTS = ['mo', 'tenant'];

/**
 * `GET /notification2/subscriptions` (and the count, from one page's statistics): `context`,
 * `source` (an id or an object), `subscription`, `typeFilter`.
 *
 * @example
 * ```ts
 * buildQueryParams({ context: 'mo', source: { id: '42' } }, subscriptionQuery); // { context: 'mo', source: '42' }
 * ```
 */
export const subscriptionQuery = /* @__PURE__ */ defineQuery<SubscriptionFilters>({
  resource: 'GET /notification2/subscriptions',
  ids: ['source'],
  values: { context: CONTEXTS },
  parameters: ['context', 'source', 'subscription', 'typeFilter'],
});

/**
 * `DELETE /notification2/subscriptions`: only `context` and `source`.
 * @example buildQueryParams({ context: 'tenant' }, subscriptionDeleteQuery) // { context: 'tenant' }
 */
export const subscriptionDeleteQuery = /* @__PURE__ */ defineQuery<SubscriptionDeleteFilters>({
  resource: 'DELETE /notification2/subscriptions',
  ids: ['source'],
  values: { context: CONTEXTS },
  parameters: ['context', 'source'],
});
