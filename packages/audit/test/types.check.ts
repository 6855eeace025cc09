// Compile-time checks of the public types (run by `pnpm typecheck`, which CI runs): each
// `@ts-expect-error` fails the build when the misuse it names starts to compile.
import type { AuditRecord, Change } from '@c8y/model';
import type { CumulocityRestClient, JsonValue, PagedIterable } from '@c8y/rest-core';
import { AuditRecords, type AuditRecordFilters } from '../src/index.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const assertType = <T extends true>(): T | undefined => undefined;

export async function typeChecks(client: CumulocityRestClient): Promise<void> {
  const audit = new AuditRecords(client);

  // Results are AuditRecord objects (with typed changes), or values under asValues.
  const _all = audit.getAll({ type: 'Alarm' });
  assertType<Equal<typeof _all, Promise<AuditRecord[]>>>();
  const _one = audit.get('1');
  assertType<Equal<typeof _one, Promise<AuditRecord>>>();
  const _changes = (await _one).changes;
  assertType<Equal<typeof _changes, Change[]>>();
  const _count = audit.count({ source: '1', user: 'admin' });
  assertType<Equal<typeof _count, Promise<number>>>();
  const _created = audit.create({ type: 'Inventory', activity: 'a', text: 't', source: '1', time: 'now' });
  assertType<Equal<typeof _created, Promise<AuditRecord>>>();
  const _many = audit.create([{ type: 'Inventory', activity: 'a', text: 't', source: '1', time: 'now' }]);
  assertType<Equal<typeof _many, Promise<AuditRecord[]>>>();
  const _values = audit.select({ source: '1', asValues: ['id', 'activity'] });
  assertType<Equal<typeof _values, PagedIterable<[JsonValue | undefined, JsonValue | undefined]>>>();

  // Filters are closed: typos and what the endpoint does not document do not compile.
  const filters: AuditRecordFilters = { type: 'Operation', application: 'cockpit', maxAge: '1d', before: 'now' };
  void audit.count(filters);
  // @ts-expect-error a misspelt filter
  void audit.getAll({ usr: 'admin' });
  // @ts-expect-error audit records document no revert
  void audit.getAll({ revert: true });
  // @ts-expect-error nor a sort flag
  void audit.getAll({ ascending: true });
  // @ts-expect-error nor a creation range
  void audit.getAll({ createdAfter: 'today' });
  // @ts-expect-error the type filter takes one value
  void audit.getAll({ type: ['Alarm', 'Operation'] });

  // What the API does not offer is not there.
  // @ts-expect-error audit records cannot be changed
  void audit.update({ id: '1', text: 'x' });
  // @ts-expect-error nor deleted
  void audit.delete('1');
  // @ts-expect-error no documented order, so no getLast
  void audit.getLast();
  // @ts-expect-error the operations are the context's own business
  void audit.operations;
}
