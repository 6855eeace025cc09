// Compile-time checks of the public types (run by `pnpm typecheck`, which CI runs): each
// `@ts-expect-error` fails the build when the misuse it names starts to compile.
import type { Application, ApplicationSubscription } from '@c8y/model';
import type { CumulocityRestClient, JsonValue } from '@c8y/rest-core';
import { Applications } from '../src/index.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const assertType = <T extends true>(): T | undefined => undefined;

export function typeChecks(client: CumulocityRestClient, app: Application, zip: Uint8Array): void {
  const applications = new Applications(client);

  // Results are model objects, or values under asValues.
  const _all = applications.getAll({ type: ['HOSTED', 'MICROSERVICE'], subscriber: 't07', hasVersions: true });
  assertType<Equal<typeof _all, Promise<Application[]>>>();
  const _names = applications.getAll({ owner: 't07' }, { asValues: 'name' });
  assertType<Equal<typeof _names, Promise<Array<JsonValue | undefined>>>>();
  const _one = applications.get('12');
  assertType<Equal<typeof _one, Promise<Application>>>();
  const _byName = applications.getByName('cockpit');
  assertType<Equal<typeof _byName, Promise<Application[]>>>();
  const _byNameIds = applications.getByName('cockpit', { asValues: ['id', 'name'] });
  assertType<Equal<typeof _byNameIds, Promise<Array<[JsonValue | undefined, JsonValue | undefined]>>>>();
  const _created = applications.create({ name: 'hello', key: 'hello-key', type: 'HOSTED', contextPath: 'hello' });
  assertType<Equal<typeof _created, Promise<Application>>>();
  const _updated = applications.update(app);
  assertType<Equal<typeof _updated, Promise<Application>>>();
  const _deleted = applications.delete([app, '12'], { force: true });
  assertType<Equal<typeof _deleted, Promise<void>>>();
  const _uploaded = applications.upload(app, zip, { filename: 'hello.zip' });
  assertType<Equal<typeof _uploaded, Promise<Application>>>();
  const _subscribed = applications.subscribe(app, 't07');
  assertType<Equal<typeof _subscribed, Promise<void>>>();
  const _current = applications.getCurrent();
  assertType<Equal<typeof _current, Promise<Application>>>();
  const _subscriptions = applications.getCurrentSubscriptions();
  assertType<Equal<typeof _subscriptions, Promise<ApplicationSubscription[]>>>();

  // Misuse does not compile.
  // @ts-expect-error not a documented filter of the listing
  void applications.getAll({ availability: 'MARKET' });
  // @ts-expect-error no such application type
  void applications.getAll({ type: 'WEB' });
  // @ts-expect-error the by-name endpoint takes no filters
  void applications.getByName('cockpit', { type: 'HOSTED' });
  // @ts-expect-error force is a boolean
  void applications.delete('12', { force: 'yes' });
  // @ts-expect-error an archive is content, not a file path object
  void applications.upload('12', { path: 'hello.zip' });

  // What the API does not offer is not there.
  // @ts-expect-error no count (use getAll)
  void applications.count();
  // @ts-expect-error no delete by filter
  void applications.deleteBy({ type: 'HOSTED' });
}
