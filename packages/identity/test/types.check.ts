// Compile-time checks of the public types (run by `pnpm typecheck`, which CI runs): each
// `@ts-expect-error` fails the build when the misuse it names starts to compile.
import type { ExternalId, ManagedObject } from '@c8y/model';
import type { CumulocityRestClient, JsonValue } from '@c8y/rest-core';
import { Identity } from '../src/index.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const assertType = <T extends true>(): T | undefined => undefined;

export function typeChecks(client: CumulocityRestClient, device: ManagedObject): void {
  const identity = new Identity(client);

  // Results are model objects, ids, or values under asValues.
  const _created = identity.create('raspi-0001', 'c8y_Serial', device);
  assertType<Equal<typeof _created, Promise<ExternalId>>>();
  const _one = identity.get('raspi-0001', 'c8y_Serial');
  assertType<Equal<typeof _one, Promise<ExternalId>>>();
  const _id = identity.getId('raspi-0001', 'c8y_Serial');
  assertType<Equal<typeof _id, Promise<string>>>();
  const _object = identity.getObject('raspi-0001', 'c8y_Serial');
  assertType<Equal<typeof _object, Promise<ManagedObject>>>();
  const _all = identity.getAll('42');
  assertType<Equal<typeof _all, Promise<ExternalId[]>>>();
  const _pairs = identity.getAll(device, { asValues: ['type', 'externalId'] });
  assertType<Equal<typeof _pairs, Promise<Array<[JsonValue | undefined, JsonValue | undefined]>>>>();
  const _deleted = identity.delete('raspi-0001', 'c8y_Serial', { timeout: 1000 });
  assertType<Equal<typeof _deleted, Promise<void>>>();

  // Misuse does not compile.
  // @ts-expect-error the type is required
  void identity.get('raspi-0001');
  // @ts-expect-error the managed object is required to bind an id
  void identity.create('raspi-0001', 'c8y_Serial');
  // @ts-expect-error the external-id collection takes no filters
  void identity.getAll('42', { type: 'c8y_Serial' });
  // @ts-expect-error nor paging: the endpoint documents none
  void identity.getAll('42', { pageSize: 10 });

  // What the API does not offer is not there.
  // @ts-expect-error there is no listing of all external ids
  void identity.select();
  // @ts-expect-error external ids cannot be changed
  void identity.update({ externalId: 'x' });
  // @ts-expect-error the operations are the context's own business
  void identity.operations;
}
