// Compile-time checks of the public types (run by `pnpm typecheck`, which CI runs, and by
// typecheck.test.ts): each `@ts-expect-error` fails the build when the misuse it names compiles.
import { isCumulocityError, type CumulocityRestClient, type RestClientOptions } from '@c8y/rest-core';
import {
  MultiTenantCumulocityApp,
  SimpleCumulocityApp,
  type InboundAuthReason,
  type MultiTenantAppOptions,
  type SimpleAppOptions,
  type SubscriptionListener,
} from '../src/index.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const assertType = <T extends true>(): T | undefined => undefined;

class MyClient {
  constructor(readonly options: RestClientOptions) {}
  hello(): string {
    return 'hi';
  }
}

// What @c8y/sdk does: bind the apps to its client in one line, or in a subclass.
class BoundApp extends MultiTenantCumulocityApp<MyClient> {
  constructor(options: Omit<MultiTenantAppOptions<MyClient>, 'clientFactory'> = {}) {
    super({ ...options, clientFactory: (o) => new MyClient(o) });
  }
}

export async function typeChecks(headers: Record<string, string>): Promise<void> {
  // Without a factory: CumulocityRestClient everywhere.
  const plain = new SimpleCumulocityApp();
  assertType<Equal<typeof plain, SimpleCumulocityApp<CumulocityRestClient>>>();
  assertType<Equal<typeof plain.client, CumulocityRestClient>>();
  const _caller = plain.getUserClient(headers);
  assertType<Equal<typeof _caller, CumulocityRestClient>>();
  void new SimpleCumulocityApp({ env: {} });

  // With a factory: the factory's client type everywhere.
  const mine = new SimpleCumulocityApp({ clientFactory: (o) => new MyClient(o) });
  assertType<Equal<typeof mine.client, MyClient>>();
  mine.getUserClient(headers).hello();
  const multi = new MultiTenantCumulocityApp({ clientFactory: (o) => new MyClient(o) });
  const _tenant = multi.getTenantClient('t100');
  assertType<Equal<typeof _tenant, Promise<MyClient>>>();
  const _fromRequest = multi.getTenantClient({ headers });
  assertType<Equal<typeof _fromRequest, Promise<MyClient>>>();
  assertType<Equal<typeof multi.bootstrapClient, MyClient>>();
  const _plainTenant = new MultiTenantCumulocityApp().getTenantClient('t1');
  assertType<Equal<typeof _plainTenant, Promise<CumulocityRestClient>>>();
  const bound = new BoundApp({ subscriptionTtl: '5m' });
  (await bound.getTenantClient('t100')).hello();

  // A client type other than the default needs its factory.
  // @ts-expect-error no factory for MyClient
  void new SimpleCumulocityApp<MyClient>();
  // @ts-expect-error no factory for MyClient
  void new MultiTenantCumulocityApp<MyClient>({ env: {} });
  const options: SimpleAppOptions<MyClient> = { env: {} };
  // @ts-expect-error options without the factory
  void new SimpleCumulocityApp<MyClient>(options);
  // @ts-expect-error a factory that builds something else
  void new SimpleCumulocityApp<MyClient>({ clientFactory: (o: RestClientOptions) => ({ o }) });

  // Inputs are typed.
  // @ts-expect-error the headers are required
  plain.getUserClient();
  // @ts-expect-error a single-tenant app clears by user name only
  plain.clearUserCache({ tenantId: 't1' });
  // @ts-expect-error a tenant id is a string
  void multi.getTenantClient(100);
  // @ts-expect-error not an option
  void new MultiTenantCumulocityApp({ subscriptionTTL: '1m' });
  const _listener = multi.listen({ onSubscribed: async (tenantId) => void tenantId.toUpperCase(), pollInterval: '30s' });
  assertType<Equal<typeof _listener, SubscriptionListener>>();
  // @ts-expect-error the callback gets a tenant id
  multi.listen({ onUnsubscribed: (tenantId: number) => tenantId });

  // The package's errors narrow through rest-core's guard.
  const error: unknown = undefined;
  if (isCumulocityError(error, 'InboundAuthError')) {
    assertType<Equal<typeof error.reason, InboundAuthReason>>();
    assertType<Equal<typeof error.status, number>>();
  }
  if (isCumulocityError(error, 'TenantNotSubscribedError')) assertType<Equal<typeof error.tenantId, string>>();
  if (isCumulocityError(error, 'MissingEnvironmentError')) assertType<Equal<typeof error.variable, string>>();
}
