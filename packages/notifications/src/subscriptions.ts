import { Resources, Subscription, type SubscriptionInit } from '@c8y/model';
import {
  defineResourceApi,
  InvalidInputError,
  isJsonObject,
  type ByFilterOptions,
  type IdLike,
  type ObjectOperationOptions,
} from '@c8y/rest-core';
import type { NotificationContext, SubscriptionDeleteFilters } from './notification-filters.js';
import { subscriptionDeleteQuery, subscriptionQuery } from './notification-queries.js';

/**
 * The APIs a subscription of context `mo` can deliver (`subscriptionFilter.apis`); `*` is every
 * one and cannot be combined with others.
 *
 * @example
 * ```ts
 * ManagedObjectApis.includes('measurements'); // true
 * ```
 */
export const ManagedObjectApis = /* @__PURE__ */ Object.freeze(['alarms', 'alarmsWithChildren', 'events', 'eventsWithChildren', 'managedobjects', 'measurements', 'operations', '*'] as const);

/**
 * The APIs a subscription of context `tenant` can deliver; `*` is every one.
 *
 * @example
 * ```ts
 * TenantApis.includes('alarms'); // true (measurements only come with `mo` subscriptions)
 * ```
 */
export const TenantApis = /* @__PURE__ */ Object.freeze(['alarms', 'events', 'managedobjects', 'operations', '*'] as const);

/** An API of a `mo` subscription. @example const api: ManagedObjectApi = 'alarmsWithChildren'; */
export type ManagedObjectApi = (typeof ManagedObjectApis)[number];
/** An API of a `tenant` subscription. @example const api: TenantApi = 'alarms'; */
export type TenantApi = (typeof TenantApis)[number];

/** What both contexts of a new subscription have. */
interface SubscriptionCreateBase {
  /** The subscription's name (letters and digits); unique per context and source. */
  subscription: string;
  /** Fragments copied into each notification (the rest of the object is left out). */
  fragmentsToCopy?: string[];
  /** `true`: notifications are kept only in memory (may be lost, faster). */
  nonPersistent?: boolean;
}

/**
 * A new subscription to one managed object (`context: 'mo'`): `source` is required.
 *
 * @example
 * ```ts
 * const init: ManagedObjectSubscriptionCreate = { context: 'mo', subscription: 'deviceData', source: deviceId, subscriptionFilter: { apis: ['measurements'] } };
 * ```
 */
export interface ManagedObjectSubscriptionCreate extends SubscriptionCreateBase {
  context: 'mo';
  /** The managed object: its id or the object. */
  source: IdLike;
  /** Which APIs (`apis`) and types (`typeFilter`, e.g. `"'c8y_Speed' or 'c8y_Position'"`) are delivered. */
  subscriptionFilter?: { apis?: ManagedObjectApi[]; typeFilter?: string };
}

/**
 * A new subscription to the whole tenant (`context: 'tenant'`): no `source`.
 *
 * @example
 * ```ts
 * const init: TenantSubscriptionCreate = { context: 'tenant', subscription: 'allAlarms', subscriptionFilter: { apis: ['alarms'] } };
 * ```
 */
export interface TenantSubscriptionCreate extends SubscriptionCreateBase {
  context: 'tenant';
  source?: never;
  /** Which APIs (`apis`) and types (`typeFilter`) are delivered. */
  subscriptionFilter?: { apis?: TenantApi[]; typeFilter?: string };
}

/**
 * A new subscription as plain input: the context decides whether `source` is needed and which
 * APIs may be named.
 *
 * @example
 * ```ts
 * const init: SubscriptionCreate = { context: 'tenant', subscription: 'allAlarms', subscriptionFilter: { apis: ['alarms'] }, nonPersistent: true };
 * ```
 */
export type SubscriptionCreate = ManagedObjectSubscriptionCreate | TenantSubscriptionCreate;

/** `subscriptionFilter.apis` of the context, or an `InvalidInputError` naming the field (`item.…`/`items[3].…`). */
function checkApis(input: unknown, path: string): void {
  const json = input instanceof Subscription ? input.toJSON() : input;
  if (!isJsonObject(json)) return; // the item class names what is wrong with it
  const context = json['context'] as NotificationContext | undefined;
  const filter = json['subscriptionFilter'];
  const apis = isJsonObject(filter) ? filter['apis'] : undefined;
  if (!Array.isArray(apis)) return;
  const allowed: readonly string[] = context === 'tenant' ? TenantApis : ManagedObjectApis;
  const field = `${path}.subscriptionFilter.apis`;
  const unknown = apis.find((api) => typeof api !== 'string' || !allowed.includes(api));
  if (unknown !== undefined) {
    throw new InvalidInputError(`${JSON.stringify(unknown)} is not an API of context '${context ?? 'mo'}' (allowed: ${allowed.join(', ')})`, { path: field });
  }
  if (apis.length === 0) throw new InvalidInputError('must not be empty (leave it out, or use ["*"] for every API)', { path: field });
  if (apis.includes('*') && apis.length > 1) throw new InvalidInputError("the wildcard '*' cannot be combined with other APIs", { path: field });
}

/**
 * Notification 2.0 subscriptions (`/notification2/subscriptions`): list and count with typed
 * filters, create (one or many), get, delete by id, and delete by context and source.
 *
 * Subscriptions cannot be changed (the API has no PUT), so there is no `update`. The delete by
 * filter takes only `context` and `source`, the parameters its endpoint documents. Reading
 * notifications needs a token ({@link Tokens}) and a WebSocket consumer.
 *
 * @example
 * ```ts
 * const subscriptions = new Subscriptions(client);
 * const sub = await subscriptions.create({ context: 'mo', subscription: 'deviceData', source: device, subscriptionFilter: { apis: ['measurements', 'events'] } });
 * await subscriptions.count({ context: 'mo', source: device });
 * await subscriptions.deleteBy({ context: 'mo', source: device });
 * ```
 */
export class Subscriptions extends /* @__PURE__ */ defineResourceApi({
  resource: Resources.subscription,
  query: subscriptionQuery,
  item: Subscription,
  queries: { deleteBy: subscriptionDeleteQuery },
  operations: ['get', 'select', 'getAll', 'count', 'delete'],
}) {
  /**
   * Creates one subscription or many (`POST /notification2/subscriptions` each, with the
   * subscription media type). Input is a `Subscription` or plain JSON whose `context` decides what
   * is allowed: `mo` needs `source` and takes the APIs `alarms`, `alarmsWithChildren`, `events`,
   * `eventsWithChildren`, `managedobjects`, `measurements`, `operations`; `tenant` takes `alarms`,
   * `events`, `managedobjects`, `operations`; `*` alone is every one. Cumulocity answers 409
   * (`ConflictError`) for a subscription of the same name, context and source.
   *
   * @throws InvalidInputError for a missing field or an API the context does not deliver, before any request.
   * @example
   * ```ts
   * const sub = await subscriptions.create({
   *   context: 'mo', subscription: 'deviceData', source: device,
   *   subscriptionFilter: { apis: ['measurements'], typeFilter: "'c8y_Temperature'" }, fragmentsToCopy: ['c8y_Temperature'],
   * });
   * ```
   */
  create(subscription: Subscription | SubscriptionCreate, options?: ObjectOperationOptions<Subscription>): Promise<Subscription>;
  create(subscriptions: readonly (Subscription | SubscriptionCreate)[], options?: ObjectOperationOptions<Subscription>): Promise<Subscription[]>;
  async create(
    input: Subscription | SubscriptionCreate | readonly (Subscription | SubscriptionCreate)[],
    options?: ObjectOperationOptions<Subscription>,
  ): Promise<Subscription | Subscription[]> {
    if (Array.isArray(input)) {
      const items = input as readonly (Subscription | SubscriptionCreate)[];
      items.forEach((item, index) => checkApis(item, `items[${index}]`));
      return this.operations.create(items as readonly (Subscription | SubscriptionInit)[], options);
    }
    checkApis(input, 'item');
    return this.operations.create(input as Subscription | SubscriptionInit, options);
  }

  /**
   * Deletes the subscriptions of a context and source on the server
   * (`DELETE /notification2/subscriptions?context=…&source=…`): `{ context: 'mo', source }` those
   * of one managed object, `{ context: 'tenant' }` the tenant's. A missing or empty filter is
   * refused, and so is a `mo` filter (`mo` is the platform's default) without `source`.
   *
   * @throws InvalidInputError for filters the endpoint does not document (`subscription`, `typeFilter`), before any request.
   * @example
   * ```ts
   * await subscriptions.deleteBy({ context: 'mo', source: device });
   * await subscriptions.deleteBy({ context: 'tenant' });
   * ```
   */
  async deleteBy(filters: SubscriptionDeleteFilters | string, options?: ByFilterOptions): Promise<void> {
    if (typeof filters === 'object' && filters !== null && filters.context !== 'tenant' && filters.source === undefined && Object.keys(filters).length > 0) {
      throw new InvalidInputError("is required unless context is 'tenant' (the platform's default context is 'mo')", { path: 'source' });
    }
    return this.operations.deleteBy(filters, options);
  }
}
