// Compile-time checks of the public types (run by `pnpm typecheck`, which CI runs, and by
// test/typecheck.test.ts): each `@ts-expect-error` fails the build when the misuse it names starts to compile.
import type { Event, EventAttachmentInfo } from '@c8y/model';
import type { CumulocityRestClient, Download, DownloadedBytes, JsonValue, PagedIterable } from '@c8y/rest-core';
import { Events, type EventDeleteFilters, type EventFilters } from '../src/index.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const assertType = <T extends true>(): T | undefined => undefined;

export function typeChecks(client: CumulocityRestClient): void {
  const events = new Events(client);

  // Results are Event objects, or values under asValues.
  const _all = events.getAll({ source: '1', type: 'x' });
  assertType<Equal<typeof _all, Promise<Event[]>>>();
  const _one = events.get('1');
  assertType<Equal<typeof _one, Promise<Event>>>();
  const _many = events.create([{ type: 't', text: 'x', source: '1', time: 'now' }]);
  assertType<Equal<typeof _many, Promise<Event[]>>>();
  const _single = events.create({ type: 't', text: 'x', source: '1', time: 'now' });
  assertType<Equal<typeof _single, Promise<Event>>>();
  const _updated = events.update({ id: '1', text: 'y' });
  assertType<Equal<typeof _updated, Promise<Event>>>();
  const _values = events.select({ source: '1', asValues: ['id', ['text', '']] });
  assertType<Equal<typeof _values, PagedIterable<[JsonValue | undefined, JsonValue]>>>();
  const _texts = events.getAll({ source: '1' }, { asValues: 'text' });
  assertType<Equal<typeof _texts, Promise<Array<JsonValue | undefined>>>>();
  const _last = events.getLast({ source: '1' });
  assertType<Equal<typeof _last, Promise<Event | undefined>>>();
  const _count = events.count({ source: '1', fragmentType: 'c8y_IsBinary' });
  assertType<Equal<typeof _count, Promise<number>>>();
  const _deleted = events.delete(['1', '2'], { workers: 2 });
  assertType<Equal<typeof _deleted, Promise<void>>>();

  // Attachments.
  const _attached = events.createAttachment('1', 'text', { filename: 'a.txt' });
  assertType<Equal<typeof _attached, Promise<EventAttachmentInfo>>>();
  const _download = events.downloadAttachment({ id: '1' });
  assertType<Equal<typeof _download, Promise<Download>>>();
  const _bytes = events.readAttachment(1);
  assertType<Equal<typeof _bytes, Promise<DownloadedBytes>>>();
  // @ts-expect-error the file options are filename and contentType
  void events.updateAttachment('1', 'x', { name: 'a.txt' });
  // @ts-expect-error not file content
  void events.createAttachment('1', 42);

  // Filters are closed: typos, wrong values and undeclared keys do not compile.
  const filters: EventFilters = { source: '1', ascending: true, maxAge: '1d', withSourceChildren: true, fragmentType: 'c8y_Status', fragmentValue: 'OK' };
  void events.getAll(filters);
  // @ts-expect-error a misspelt filter
  void events.getAll({ sorce: '1' });
  // @ts-expect-error events have no status
  void events.getAll({ status: 'ACTIVE' });
  // @ts-expect-error type is one string
  void events.getAll({ type: ['a', 'b'] });
  // @ts-expect-error the sort flag is a boolean
  void events.getAll({ revert: 'true' });
  // @ts-expect-error getLast chooses the order itself
  void events.getLast({ ascending: true });
  const deleteFilters: EventDeleteFilters = { source: '1', type: 'x', fragmentType: 'y', before: 'now', createdAfter: '2025-01-01' };
  void events.deleteBy(deleteFilters);
  // @ts-expect-error the DELETE has no update range
  void events.deleteBy({ updatedBefore: 'now' });
  // @ts-expect-error the DELETE has no withSource*
  void events.deleteBy({ source: '1', withSourceDevices: true });

  // What the API does not offer is not there.
  // @ts-expect-error no update by filter for events
  void events.updateBy({ source: '1' }, { text: 'x' });
  // @ts-expect-error the operations are the context's own business
  void events.operations;
}
