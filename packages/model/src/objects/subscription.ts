import { type CallOptions, type IdLike, InvalidInputError, type RestClient } from '@c8y/rest-core';
import type { JsonObject } from '../json/json-types.js';
import { subscriptionResource } from '../resources.js';
import { SubscriptionSchema } from '../schemas/platform.js';
import { CumulocityObject, type ObjectInit } from './cumulocity-object.js';
import type { ObjectMeta } from './object-meta.js';

const META: ObjectMeta = {
  className: 'Subscription',
  resource: subscriptionResource,
  readOnly: ['id', 'self'],
  schema: SubscriptionSchema,
  checkCreate: (body) => {
    if (body.context === 'mo' && body.source === undefined) {
      throw new InvalidInputError("is required for context 'mo' (Subscription)", { path: 'source' });
    }
  },
};

/**
 * The init object of a `Subscription`.
 *
 * @example
 * ```ts
 * const init: SubscriptionInit = { context: 'mo', subscription: 'sub1', source: '1', subscriptionFilter: { apis: ['measurements'] } };
 * ```
 */
export interface SubscriptionInit extends ObjectInit {
  context?: 'mo' | 'tenant';
  subscription?: string;
  source?: IdLike;
  subscriptionFilter?: { apis?: string[]; typeFilter?: string };
  fragmentsToCopy?: string[];
  nonPersistent?: boolean;
}

/**
 * A Notification 2.0 subscription (`/notification2/subscriptions`). Subscriptions cannot be
 * changed, only created and deleted.
 *
 * @example
 * ```ts
 * const sub = await new Subscription(c8y, {
 *   context: 'mo', subscription: 'deviceData', source: deviceId,
 *   subscriptionFilter: { apis: ['measurements', 'events'] }, fragmentsToCopy: ['c8y_Position'],
 * }).create();
 * await sub.delete();
 * ```
 */
export class Subscription extends CumulocityObject {
  constructor(c8y?: RestClient, init?: SubscriptionInit) {
    super(c8y, init);
  }

  protected get meta(): ObjectMeta {
    return META;
  }

  /**
   * `mo` (one managed object) or `tenant`.
   * @example
   * ```ts
   * sub.context;
   * ```
   */
  get context(): 'mo' | 'tenant' | undefined {
    return this.stringField('context') as 'mo' | 'tenant' | undefined;
  }
  set context(value: 'mo' | 'tenant' | undefined) {
    this.writeField('context', value);
  }

  /**
   * The subscription's name.
   * @example
   * ```ts
   * sub.subscription; // 'deviceData'
   * ```
   */
  get subscription(): string | undefined {
    return this.stringField('subscription');
  }
  set subscription(value: string | undefined) {
    this.writeField('subscription', value);
  }

  /**
   * The managed object's id (context `mo`). Set an id or an object.
   * @example
   * ```ts
   * sub.source = device;
   * ```
   */
  get source(): string | undefined {
    return this.refId('source');
  }
  set source(value: IdLike | undefined) {
    this.writeRef('source', value);
  }

  /**
   * Which APIs and types are delivered (live: changes are tracked).
   * @example
   * ```ts
   * sub.subscriptionFilter = { apis: ['alarms'], typeFilter: "'c8y_TooHot'" };
   * ```
   */
  get subscriptionFilter(): JsonObject | undefined {
    return this.jsonField<JsonObject>('subscriptionFilter');
  }
  set subscriptionFilter(value: { apis?: string[]; typeFilter?: string } | undefined) {
    this.writeField('subscriptionFilter', value);
  }

  /**
   * Fragments copied into delivered notifications.
   * @example
   * ```ts
   * sub.fragmentsToCopy = ['c8y_Position'];
   * ```
   */
  get fragmentsToCopy(): string[] | undefined {
    const value = this.peek('fragmentsToCopy');
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : undefined;
  }
  set fragmentsToCopy(value: string[] | undefined) {
    this.writeField('fragmentsToCopy', value);
  }

  /**
   * Whether notifications are kept only in memory.
   * @example
   * ```ts
   * sub.nonPersistent = true;
   * ```
   */
  get nonPersistent(): boolean | undefined {
    return this.booleanField('nonPersistent');
  }
  set nonPersistent(value: boolean | undefined) {
    this.writeField('nonPersistent', value);
  }

  /**
   * Creates it (`POST /notification2/subscriptions`). Cumulocity answers 409 for a duplicate.
   * @throws InvalidInputError without `context`/`subscription`, or without `source` for `mo`.
   * @example
   * ```ts
   * const created = await sub.create();
   * ```
   */
  async create(options?: CallOptions): Promise<this> {
    return this.createObject(options);
  }

  /**
   * Reloads it (`GET /notification2/subscriptions/{id}`).
   * @example
   * ```ts
   * await sub.reload();
   * ```
   */
  async reload(options?: CallOptions): Promise<this> {
    return this.reloadObject(options);
  }

  /**
   * Deletes it (`DELETE /notification2/subscriptions/{id}`).
   * @example
   * ```ts
   * await sub.delete();
   * ```
   */
  async delete(options?: CallOptions): Promise<void> {
    return this.deleteObject(undefined, options);
  }
}
