// Compile-time checks of the public types (run by `pnpm typecheck`, which CI runs): each
// `@ts-expect-error` fails the build when the misuse it names starts to compile.
import type { Alarm } from '@c8y/model';
import type { CumulocityRestClient, JsonValue, PagedIterable } from '@c8y/rest-core';
import { Alarms, type AlarmFilters } from '../src/index.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const assertType = <T extends true>(): T | undefined => undefined;

export function typeChecks(client: CumulocityRestClient): void {
  const alarms = new Alarms(client);

  // Results are Alarm objects, or values under asValues.
  const _all = alarms.getAll({ status: 'ACTIVE' });
  assertType<Equal<typeof _all, Promise<Alarm[]>>>();
  const _one = alarms.get('1');
  assertType<Equal<typeof _one, Promise<Alarm>>>();
  const _many = alarms.create([{ type: 't', text: 'x', severity: 'MAJOR', source: '1', time: 'now' }]);
  assertType<Equal<typeof _many, Promise<Alarm[]>>>();
  const _single = alarms.create({ type: 't', text: 'x', severity: 'MAJOR', source: '1', time: 'now' });
  assertType<Equal<typeof _single, Promise<Alarm>>>();
  const _values = alarms.select({ source: '1', asValues: ['id', ['count', 0]] });
  assertType<Equal<typeof _values, PagedIterable<[JsonValue | undefined, JsonValue]>>>();
  const _texts = alarms.getAll({ source: '1' }, { asValues: 'text' });
  assertType<Equal<typeof _texts, Promise<Array<JsonValue | undefined>>>>();
  const _last = alarms.getLast({ source: '1' });
  assertType<Equal<typeof _last, Promise<Alarm | undefined>>>();

  // Filters are closed: typos, wrong values and undeclared keys do not compile.
  // @ts-expect-error a misspelt filter
  void alarms.getAll({ staus: 'ACTIVE' });
  // @ts-expect-error a status that does not exist
  void alarms.getAll({ status: 'OPEN' });
  // @ts-expect-error alarms have no sort flag
  void alarms.getAll({ ascending: true });
  const filters: AlarmFilters = { severity: ['CRITICAL', 'MAJOR'], maxAge: '1d' };
  void alarms.count(filters);
  // @ts-expect-error the count endpoint has no creation range
  void alarms.count({ createdAfter: 'today' });
  // @ts-expect-error a status update by filter cannot filter by type
  void alarms.setStatusBy({ type: 'x' }, 'CLEARED');
  // @ts-expect-error not a status
  void alarms.setStatusBy({ source: '1' }, 'DONE');

  // What the API does not offer is not there.
  // @ts-expect-error alarms cannot be deleted by id
  void alarms.delete('1');
  // @ts-expect-error the generic update by filter is not published (only setStatusBy)
  void alarms.updateBy({ source: '1' }, { text: 'x' });
  // @ts-expect-error the operations are the context's own business
  void alarms.operations;
}
