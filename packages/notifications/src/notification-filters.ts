import type { IdLike } from '@c8y/rest-core';

/**
 * The context of a Notification 2.0 subscription: `mo` (one managed object) or `tenant`.
 *
 * @example
 * ```ts
 * const context: NotificationContext = 'tenant';
 * ```
 */
export type NotificationContext = 'mo' | 'tenant';

/**
 * Filters of `GET /notification2/subscriptions` (also the count): the REST names of the OpenAPI
 * spec. A key not listed here is a compile error: pass such parameters in `options.params`.
 *
 * @example
 * ```ts
 * const filters: SubscriptionFilters = { context: 'mo', source: device, subscription: 'deviceData' };
 * ```
 */
export interface SubscriptionFilters {
  /** `mo` (subscriptions of managed objects) or `tenant`. */
  context?: NotificationContext;
  /** The managed object of `mo` subscriptions: its id or the object (`{ source: device }`). */
  source?: IdLike;
  /** The subscription's name. */
  subscription?: string;
  /**
   * The subscriptions whose `subscriptionFilter.typeFilter` is this (e.g. `"'c8y_Speed' or 'c8y_LocationUpdate'"`).
   * The platform may post-filter OData-like type filters, which can make pages shorter.
   */
  typeFilter?: string;
}

/**
 * Filters of `DELETE /notification2/subscriptions`: the OpenAPI spec documents only `context` and
 * `source` there (a name or type filter would be ignored and delete more than asked, so they are
 * refused). `context` defaults to `mo` on the platform, which needs `source`; without `source`
 * give `context: 'tenant'`.
 *
 * @example
 * ```ts
 * const filters: SubscriptionDeleteFilters = { context: 'mo', source: device };
 * ```
 */
export interface SubscriptionDeleteFilters {
  /** `mo` (the default on the platform; needs `source`) or `tenant`. */
  context?: NotificationContext;
  /** The managed object whose subscriptions go: its id or the object. */
  source?: IdLike;
}
