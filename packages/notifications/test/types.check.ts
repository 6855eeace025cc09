// Compile-time checks of the public types (run by `pnpm typecheck`, which CI runs): each
// `@ts-expect-error` fails the build when the misuse it names starts to compile.
import type { Subscription } from '@c8y/model';
import type { CumulocityRestClient, JsonValue, PagedIterable } from '@c8y/rest-core';
import { Subscriptions, Tokens, type NotificationToken, type SubscriptionFilters } from '../src/index.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const assertType = <T extends true>(): T | undefined => undefined;

export function typeChecks(client: CumulocityRestClient): void {
  const subscriptions = new Subscriptions(client);
  const tokens = new Tokens(client);

  // Results are Subscription objects, or values under asValues.
  const _all = subscriptions.getAll({ context: 'mo' });
  assertType<Equal<typeof _all, Promise<Subscription[]>>>();
  const _one = subscriptions.get('1');
  assertType<Equal<typeof _one, Promise<Subscription>>>();
  const _names = subscriptions.select({ source: '1', asValues: 'subscription' });
  assertType<Equal<typeof _names, PagedIterable<JsonValue | undefined>>>();
  const _created = subscriptions.create({ context: 'mo', subscription: 's', source: '1', subscriptionFilter: { apis: ['measurements'] } });
  assertType<Equal<typeof _created, Promise<Subscription>>>();
  const _many = subscriptions.create([{ context: 'tenant', subscription: 's', subscriptionFilter: { apis: ['alarms'] } }]);
  assertType<Equal<typeof _many, Promise<Subscription[]>>>();
  const _token = tokens.create({ subscriber: 'w', subscription: 's', expiresInMinutes: 60, shared: true, type: 'notification', nonPersistent: true });
  assertType<Equal<typeof _token, Promise<NotificationToken>>>();
  const _result = tokens.unsubscribe('jwt');
  assertType<Equal<typeof _result, Promise<'DONE' | 'SCHEDULED'>>>();

  // Filters are closed.
  const filters: SubscriptionFilters = { context: 'tenant', subscription: 's', typeFilter: "'c8y_Speed'" };
  void subscriptions.count(filters);
  // @ts-expect-error a context that does not exist
  void subscriptions.getAll({ context: 'device' });
  // @ts-expect-error a misspelt filter
  void subscriptions.getAll({ subscriptionName: 's' });
  // @ts-expect-error the delete by filter takes only context and source
  void subscriptions.deleteBy({ context: 'tenant', subscription: 's' });

  // New subscriptions: the context decides source and APIs.
  // @ts-expect-error a mo subscription needs a source
  void subscriptions.create({ context: 'mo', subscription: 's' });
  // @ts-expect-error a tenant subscription has no source
  void subscriptions.create({ context: 'tenant', subscription: 's', source: '1' });
  // @ts-expect-error measurements are not delivered in the tenant context
  void subscriptions.create({ context: 'tenant', subscription: 's', subscriptionFilter: { apis: ['measurements'] } });
  // @ts-expect-error not a field of a subscription
  void subscriptions.create({ context: 'tenant', subscription: 's', persistent: true });

  // Tokens: subscriber and subscription are required; only the documented fields.
  // @ts-expect-error no subscriber
  void tokens.create({ subscription: 's' });
  // @ts-expect-error the only type is notification
  void tokens.create({ subscriber: 'w', subscription: 's', type: 'other' });
  // @ts-expect-error a misspelt field
  void tokens.create({ subscriber: 'w', subscription: 's', expiresIn: 5 });

  // What the API does not offer is not there.
  // @ts-expect-error subscriptions cannot be changed
  void subscriptions.update({ id: '1', subscription: 'x' });
  // @ts-expect-error no documented order, so no getLast
  void subscriptions.getLast();
  // @ts-expect-error the operations are the context's own business
  void subscriptions.operations;
}
