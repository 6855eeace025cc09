// Compile-time checks of the public types (run by `pnpm typecheck`, which CI runs): each
// `@ts-expect-error` fails the build when the misuse it names starts to compile.
import type { BulkOperation, Operation } from '@c8y/model';
import type { CumulocityRestClient, JsonValue, PagedIterable } from '@c8y/rest-core';
import { BulkOperations, Operations, type OperationFilters } from '../src/index.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const assertType = <T extends true>(): T | undefined => undefined;

export function typeChecks(client: CumulocityRestClient): void {
  const operations = new Operations(client);
  const bulkOperations = new BulkOperations(client);

  // Results are model objects, or values under asValues.
  const _all = operations.getAll({ deviceId: '1', status: 'PENDING' });
  assertType<Equal<typeof _all, Promise<Operation[]>>>();
  const _one = operations.get('1');
  assertType<Equal<typeof _one, Promise<Operation>>>();
  const _created = operations.create({ deviceId: '1', c8y_Restart: {} });
  assertType<Equal<typeof _created, Promise<Operation>>>();
  const _many = operations.create([{ deviceId: '1' }, { deviceId: '2' }], { workers: 2 });
  assertType<Equal<typeof _many, Promise<Operation[]>>>();
  const _updated = operations.update({ id: '1', status: 'EXECUTING' });
  assertType<Equal<typeof _updated, Promise<Operation>>>();
  const _values = operations.select({ agentId: '1', asValues: ['id', 'status'] });
  assertType<Equal<typeof _values, PagedIterable<[JsonValue | undefined, JsonValue | undefined]>>>();
  const _last = operations.getLast({ deviceId: '1' });
  assertType<Equal<typeof _last, Promise<Operation | undefined>>>();
  const _count = operations.count({ bulkOperationId: '3' });
  assertType<Equal<typeof _count, Promise<number>>>();
  const _bulks = bulkOperations.getAll();
  assertType<Equal<typeof _bulks, Promise<BulkOperation[]>>>();
  const _progress = bulkOperations.getAll(undefined, { asValues: 'progress.successful' });
  assertType<Equal<typeof _progress, Promise<Array<JsonValue | undefined>>>>();

  // Filters are closed: typos, wrong values and undeclared keys do not compile.
  // @ts-expect-error a misspelt filter
  void operations.getAll({ devceId: '1' });
  // @ts-expect-error a status that does not exist
  void operations.getAll({ status: 'DONE' });
  // @ts-expect-error the API takes one status, not a list
  void operations.getAll({ status: ['PENDING', 'EXECUTING'] });
  const filters: OperationFilters = { fragment: 'c8y_Restart', ascending: false, maxAge: '1d' };
  void operations.getAll(filters);
  // @ts-expect-error getLast orders by itself
  void operations.getLast({ deviceId: '1', ascending: true });
  // @ts-expect-error the DELETE documents no bulkOperationId
  void operations.deleteBy({ bulkOperationId: '3' });
  // @ts-expect-error nor a fragment
  void operations.deleteBy({ fragmentType: 'c8y_Restart' });
  // @ts-expect-error bulk operations take no filters
  void bulkOperations.getAll({ groupId: '5' });
  // @ts-expect-error an operation has no such status to move to
  void operations.update({ id: '1', status: 'DONE' });

  // What the API does not offer is not there.
  // @ts-expect-error operations cannot be deleted by id
  void operations.delete('1');
  // @ts-expect-error no update by filter
  void operations.updateBy({ deviceId: '1' }, { status: 'FAILED' });
  // @ts-expect-error the bulk listing has no totals to count with
  void bulkOperations.count();
  // @ts-expect-error bulk operations are not ordered by time
  void bulkOperations.getLast();
  // @ts-expect-error bulk operations are deleted (cancelled) by id only
  void bulkOperations.deleteBy({});
  // @ts-expect-error the operations are the context's own business
  void operations.operations;
}
