import { describe, expect, it } from '@jest/globals';
import nock from 'nock';
import {
  count,
  defineQuery,
  defineResourceApi,
  getAll,
  InvalidInputError,
  isCumulocityError,
  type BulkError,
  type DateRangeFilters,
  type IdLike,
  type JsonObject,
  type OrderFilters,
  type RestClient,
} from '../../src/index.js';
import { base, recordingClient, requests, useNockWire } from '../bulk/helpers.js';
import { deviceInventorySpec, groupInventorySpec } from '../fixtures/query-specs.js';

// The resource API with a small item class of its own (rest-core knows no model): what a context
// gets from declaring a resource, on the wire.

useNockWire();

interface NoteInit {
  [key: string]: unknown;
  text?: string;
  source?: IdLike;
}

/** A minimal model class: validates `text`, converts `source`, tracks nothing. */
class Note {
  readonly json: JsonObject;
  constructor(
    readonly client?: RestClient,
    init: NoteInit = {},
  ) {
    const { source, ...rest } = init;
    if (rest.text !== undefined && typeof rest.text !== 'string') throw new InvalidInputError('must be a string', { path: 'text' });
    this.json = { ...(rest as JsonObject), ...(source === undefined ? {} : { source: { id: typeof source === 'object' ? String(source.id) : String(source) } }) };
  }
  static fromJSON(client: RestClient | undefined, json: JsonObject): Note {
    const note = new Note(client);
    Object.assign(note.json, json);
    return note;
  }
  get id(): string | undefined {
    return typeof this.json.id === 'string' ? this.json.id : undefined;
  }
  toCreateJSON(): JsonObject {
    return { ...this.json };
  }
  toUpdateJSON(): JsonObject {
    const { id: _id, ...rest } = this.json;
    return rest;
  }
}

interface NoteFilters extends DateRangeFilters, OrderFilters {
  source?: IdLike;
  kind?: string | readonly string[];
}

const noteQuery = defineQuery<NoteFilters>({ resource: 'notes', ranges: ['time'], ids: ['source'], lists: ['kind'], ascendingRevert: true });
const notes = { name: 'note', path: '/notes/{tenantId}/items', collectionKey: 'notes', mediaType: 'application/vnd.note+json' };
const fixedQuery = defineQuery<NoteFilters>({ resource: 'pinned notes', ids: ['source'], odata: { param: 'query', requiredFragment: 'x_Pinned' } });

class Notes extends defineResourceApi({
  resource: notes,
  query: noteQuery,
  item: Note,
  operations: ['get', 'select', 'getAll', 'getLast', 'count', 'create', 'update', 'delete', 'deleteBy'],
}) {}

/** A context method on an unpublished operation: the replies of one note (a reference collection). */
class ThreadedNotes extends defineResourceApi({ resource: notes, query: noteQuery, item: Note, operations: ['get'] }) {
  repliesOf(id: string, query?: { kind?: string; limit?: number }) {
    return this.operations.selectFrom(this.#replies(id), query);
  }
  replyTextsOf(id: string, query?: { kind?: string }) {
    return this.operations.selectFrom(this.#replies(id), query, { asValues: 'text' });
  }
  #replies(id: string) {
    return { path: `/notes/{tenantId}/items/${encodeURIComponent(id)}/replies`, collectionKey: 'references', itemKey: 'note', querySpec: noteQuery };
  }
}

/** A resource whose sort flag works only on a time range, counted by totalElements. */
const rangeQuery = defineQuery<NoteFilters>({ resource: 'logs', ranges: ['time'], ids: ['source'], ascendingRevert: false, revertNeedsRange: true });
class Logs extends defineResourceApi({
  resource: { ...notes, countBy: 'totalElements' },
  query: rangeQuery,
  item: Note,
  operations: ['getLast', 'count'],
}) {
  /** A collection the API does not page. */
  tagsOf(id: string) {
    return this.operations.selectFrom({ path: `/notes/{tenantId}/items/${id}/tags`, collectionKey: 'tags', paged: false, querySpec: noteQuery }, undefined, { limit: 2 });
  }
}

class PinnedNotes extends defineResourceApi({ resource: notes, query: fixedQuery, item: Note, operations: ['getAll', 'count'] }) {}

const page = (items: object[], pageSize: number, currentPage = 1) => ({ notes: items, statistics: { pageSize, currentPage } });
const now = new Date('2025-06-15T12:00:00.000Z');
const urls = () => requests.map((request) => `${request.method} ${new URL(request.url).pathname}${new URL(request.url).search}`);

describe('defineResourceApi', () => {
  it('publishes exactly the declared operations', () => {
    const api = new PinnedNotes(recordingClient()) as unknown as Record<string, unknown>;
    expect(['getAll', 'count'].map((name) => typeof api[name])).toEqual(['function', 'function']);
    expect(['get', 'select', 'create', 'update', 'delete', 'deleteBy', 'updateBy', 'applyTo', 'getLast'].map((name) => api[name])).toEqual(
      Array.from({ length: 9 }, () => undefined),
    );
  });

  it('refuses an unknown operation name and a missing client', () => {
    expect(() => defineResourceApi({ resource: notes, query: noteQuery, item: Note, operations: ['list' as never] })).toThrow(/unknown operation "list"/);
    expect(() => new Notes(undefined as never)).toThrow(/expected a client/);
  });
});

describe('the operations on the wire', () => {
  it('a spec with a fixed criterion applies it even without filters (all pinned notes)', async () => {
    nock(base).get('/notes/t100/items').query({ fragmentType: 'x_Pinned', pageSize: '1000', currentPage: '1' }).reply(200, page([{ id: '1' }], 1000));
    nock(base).get('/notes/t100/items').query({ fragmentType: 'x_Pinned', pageSize: '1', withTotalPages: 'true' }).reply(200, { ...page([], 1), statistics: { totalPages: 4 } });
    expect((await new PinnedNotes(recordingClient()).getAll()).map((note) => note.id)).toEqual(['1']);
    await expect(new PinnedNotes(recordingClient()).count()).resolves.toBe(4);
  });

  it('get and getAll build items with the item class; {tenantId} resolved; ids path-encoded', async () => {
    nock(base).get('/notes/t100/items/a%2Fb').reply(200, { id: 'a/b', text: 'x' });
    nock(base)
      .get('/notes/t100/items')
      .query({ source: '42', kind: 'a,b', dateFrom: '2025-06-14T12:00:00.000Z', pageSize: '2', currentPage: '1' })
      .reply(200, page([{ id: '1' }, { id: '2' }], 2));
    const api = new Notes(recordingClient());
    const one = await api.get({ id: 'a/b' });
    expect(one).toBeInstanceOf(Note);
    expect(one.json).toEqual({ id: 'a/b', text: 'x' });
    const all = await api.getAll({ source: { id: '42' }, kind: ['a', 'b'], maxAge: '1d', limit: 2 }, { now });
    expect(all.map((note) => [note instanceof Note, note.id])).toEqual([
      [true, '1'],
      [true, '2'],
    ]);
  });

  it('getLast asks for one item newest first, using the resource sort flag', async () => {
    nock(base).get('/notes/t100/items').query({ source: '42', revert: 'false', pageSize: '1', currentPage: '1' }).reply(200, page([{ id: '9' }], 1));
    expect((await new Notes(recordingClient()).getLast({ source: '42' }))?.id).toBe('9');
    expect(urls()).toHaveLength(1);
  });

  it('the call options reach the request: headers, processing mode, extra params', async () => {
    nock(base, { reqheaders: { 'x-cumulocity-processing-mode': 'QUIESCENT', 'x-trace': '7' } })
      .delete('/notes/t100/items')
      .query({ kind: 'old', customFlag: 'true' })
      .reply(204);
    await new Notes(recordingClient()).deleteBy({ kind: 'old' }, { processingMode: 'QUIESCENT', headers: { 'X-Trace': '7' }, params: { customFlag: true } });
  });

  it('create: plain input goes through the item class; every bad element is named before a request', async () => {
    const api = new Notes(recordingClient());
    const error = await api.create([{ text: 'ok' }, { text: 1 as never }, { text: 2 as never }]).catch((thrown: unknown) => thrown);
    expect(isCumulocityError(error, 'InvalidInputError')).toBe(true);
    expect((error as InvalidInputError).path).toBe('items[1].text');
    expect((error as InvalidInputError).message).toMatch(/2 of 3 elements are invalid, nothing was sent: items\[1\]\.text: must be a string; items\[2\]\.text: must be a string/);
    expect(requests).toHaveLength(0);

    nock(base, { reqheaders: { 'content-type': 'application/vnd.note+json' } })
      .post('/notes/t100/items', { text: 'hi', source: { id: '42' } })
      .reply(201, { id: '5', text: 'hi' });
    const created = await api.create({ text: 'hi', source: 42 });
    expect(created).toBeInstanceOf(Note);
    expect(created.id).toBe('5');
  });

  it('update: plain JSON without id/self; delete many with workers, results in input order', async () => {
    nock(base).put('/notes/t100/items/5', { text: 'changed' }).reply(200, { id: '5', text: 'changed' });
    nock(base).delete('/notes/t100/items/1').reply(204).delete('/notes/t100/items/2').reply(204);
    const api = new Notes(recordingClient());
    const updated = await api.update({ id: '5', self: 'ignored', text: 'changed' });
    expect(updated.json).toEqual({ id: '5', text: 'changed' });
    await api.delete(['1', { id: '2' }], { workers: 2 });
    expect(urls().filter((url) => url.startsWith('DELETE')).sort()).toEqual(['DELETE /notes/t100/items/1', 'DELETE /notes/t100/items/2']);
  });

  it('a reply that is not an object is a ResponseFormatError naming the request', async () => {
    nock(base).post('/notes/t100/items').reply(201, '"created"', { 'content-type': 'application/json' });
    const error = await new Notes(recordingClient()).create({ text: 'x' }).catch((thrown: unknown) => thrown);
    expect(isCumulocityError(error, 'ResponseFormatError')).toBe(true);
    expect(String((error as Error).message)).toMatch(/expected a note object, got string \(POST https:\/\/t100\.example\.com\/notes\/\{tenantId\}\/items\)/);
  });
});

describe('resources with special rules', () => {
  it('getLast adds an open range from the epoch where revert needs one, and keeps a range the caller gave', async () => {
    nock(base).get('/notes/t100/items').query({ source: '1', revert: 'true', dateFrom: '1970-01-01T00:00:00.000Z', pageSize: '1', currentPage: '1' }).reply(200, page([{ id: '7' }], 1));
    nock(base).get('/notes/t100/items').query({ dateFrom: '2025-06-14T12:00:00.000Z', revert: 'true', pageSize: '1', currentPage: '1' }).reply(200, page([], 1));
    const logs = new Logs(recordingClient());
    expect((await logs.getLast({ source: '1' }))?.id).toBe('7');
    expect(await logs.getLast({ maxAge: '1d' }, { now })).toBeUndefined();
  });

  it('count by totalElements where the resource says so', async () => {
    nock(base).get('/notes/t100/items').query({ pageSize: '1', withTotalElements: 'true' }).reply(200, { notes: [], statistics: { totalElements: 42, pageSize: 1 } });
    await expect(new Logs(recordingClient()).count()).resolves.toBe(42);
  });

  it('an unpaged collection: one request without paging parameters, trimmed to limit', async () => {
    nock(base).get('/notes/t100/items/5/tags').reply(200, { tags: [{ id: 'a' }, { id: 'b' }, { id: 'c' }] });
    expect((await new Logs(recordingClient()).tagsOf('5').toArray()).map((note) => note.id)).toEqual(['a', 'b']);
    expect(urls()).toEqual(['GET /notes/t100/items/5/tags']);
  });
});

describe('selectFrom: another collection of the same items', () => {
  it('unwraps reference elements before building items or reading values', async () => {
    const references = { references: [{ note: { id: 'r1', text: 'a' }, self: 'x' }, { note: { id: 'r2', text: 'b' } }], statistics: { pageSize: 1000, currentPage: 1 } };
    nock(base).get('/notes/t100/items/5/replies').query({ kind: 'k', pageSize: '1000', currentPage: '1' }).twice().reply(200, references);
    const api = new ThreadedNotes(recordingClient());
    const replies = await api.repliesOf('5', { kind: 'k' }).toArray();
    expect(replies.map((note) => [note instanceof Note, note.id])).toEqual([
      [true, 'r1'],
      [true, 'r2'],
    ]);
    expect(await api.replyTextsOf('5', { kind: 'k' }).toArray()).toEqual(['a', 'b']);
  });

  it('an element without the wrapped item is a ResponseFormatError', async () => {
    nock(base).get('/notes/t100/items/5/replies').query(true).reply(200, { references: [{ self: 'x' }] });
    const error = await new ThreadedNotes(recordingClient()).repliesOf('5').toArray().catch((thrown: unknown) => thrown);
    expect(isCumulocityError(error, 'ResponseFormatError')).toBe(true);
    expect(String((error as Error).message)).toMatch(/each element of 'references' should hold a 'note' object/);
  });
});

/** A context with a collection POST and a summary endpoint (one JSON object, not a page). */
const batched = { ...notes, collectionKey: 'notes', collectionMediaType: 'application/vnd.notecollection+json' };
interface SummaryFilters extends DateRangeFilters {
  source?: IdLike;
  kind?: string | readonly string[];
}
const summaryQuery = defineQuery<SummaryFilters>({ resource: 'GET /notes/{tenantId}/summary', ranges: ['time'], ids: ['source'], parameters: ['source', 'kind', 'dateFrom', 'dateTo'] });
class BatchedNotes extends defineResourceApi({ resource: batched, query: noteQuery, item: Note, operations: ['get'] }) {
  createMany(items: readonly (Note | NoteInit)[], options?: { chunkSize?: number; workers?: number; abortOnErrors?: number }) {
    return this.operations.createInChunks(items, options);
  }
  summary(filters: SummaryFilters | string, options?: { now?: Date; params?: Record<string, string>; headers?: Record<string, string> }) {
    return this.operations.getFrom({ path: '/notes/{tenantId}/summary', querySpec: summaryQuery, mediaType: 'application/json' }, filters, options);
  }
}
const echoChunk = (_uri: string, body: unknown) => ({ notes: (JSON.parse(String(body)) as { notes: Array<{ text: string }> }).notes.map((note) => ({ id: `n-${note.text}`, ...note })) });

describe('createInChunks: the collection POST of a resource', () => {
  it('posts the items, built with the item class, in chunks with the collection media type; items come back in input order', async () => {
    nock(base, { reqheaders: { 'content-type': 'application/vnd.notecollection+json', accept: 'application/vnd.notecollection+json' } })
      .post('/notes/t100/items')
      .times(3)
      .reply(201, (uri, body) => {
        bodies.push((JSON.parse(String(body)) as { notes: unknown[] }).notes);
        return echoChunk(uri, body);
      });
    const bodies: unknown[][] = [];
    const api = new BatchedNotes(recordingClient());
    const created = await api.createMany([{ text: 'a', source: 42 }, { text: 'b' }, { text: 'c' }, Note.fromJSON(undefined, { text: 'd' }), { text: 'e' }], { chunkSize: 2, workers: 2 });
    expect(created.map((note) => [note instanceof Note, note.id])).toEqual([
      [true, 'n-a'],
      [true, 'n-b'],
      [true, 'n-c'],
      [true, 'n-d'],
      [true, 'n-e'],
    ]);
    expect(bodies.map((body) => body.length).sort()).toEqual([1, 2, 2]);
    expect(bodies.flat()).toContainEqual({ text: 'a', source: { id: '42' } });
  });

  it('names every bad item before anything is sent', async () => {
    const error = await new BatchedNotes(recordingClient()).createMany([{ text: 'ok' }, { text: 1 as never }]).catch((thrown: unknown) => thrown);
    expect((error as InvalidInputError).path).toBe('items[1].text');
    await expect(new BatchedNotes(recordingClient()).createMany({ text: 'x' } as never)).rejects.toThrow(/items: expected an array/);
    expect(requests).toHaveLength(0);
  });

  it('a failed request fails each of its items: one BulkError over the items, the other chunks in results', async () => {
    nock(base).post('/notes/t100/items', (body: { notes: Array<{ text: string }> }) => body.notes[0]?.text === 'c').reply(503, { error: 'x', message: 'down' });
    nock(base).post('/notes/t100/items').times(2).reply(201, echoChunk);
    const items = ['a', 'b', 'c', 'd', 'e'].map((text) => ({ text }));
    const error = (await new BatchedNotes(recordingClient()).createMany(items, { chunkSize: 2 }).catch((thrown: unknown) => thrown)) as BulkError<NoteInit, Note>;
    expect(isCumulocityError(error, 'BulkError')).toBe(true);
    expect(error.total).toBe(5);
    expect(error.failures.map((failure) => [failure.index, failure.target, isCumulocityError(failure.error, 'ServerError')])).toEqual([
      [2, { text: 'c' }, true],
      [3, { text: 'd' }, true],
    ]);
    expect(error.succeeded).toEqual([0, 1, 4]);
    expect(error.results.map((note) => note?.id)).toEqual(['n-a', 'n-b', undefined, undefined, 'n-e']);
    expect(error.results[0]).toBeInstanceOf(Note);
    expect(error.message).toMatch(/^2 of 5 failed \(3 succeeded\): ServerError ×2/);
  });

  it('abortOnErrors counts failed requests; the items of requests never started are skipped', async () => {
    nock(base).post('/notes/t100/items').reply(422, { error: 'x', message: 'bad' });
    const error = (await new BatchedNotes(recordingClient())
      .createMany(['a', 'b', 'c', 'd', 'e'].map((text) => ({ text })), { chunkSize: 2, abortOnErrors: 1 })
      .catch((thrown: unknown) => thrown)) as BulkError<NoteInit, Note>;
    expect(error.failures.map((failure) => failure.index)).toEqual([0, 1]);
    expect(error.skipped.map((skipped) => [skipped.index, skipped.target])).toEqual([
      [2, { text: 'c' }],
      [3, { text: 'd' }],
      [4, { text: 'e' }],
    ]);
    expect(error.abortedAfter).toBe(1);
  });
});

describe('getFrom: an endpoint that answers one JSON object', () => {
  it('builds the filters with its spec, adds the extra params and call options, returns the object', async () => {
    nock(base, { reqheaders: { accept: 'application/json', 'x-trace': '1' } })
      .get('/notes/t100/summary')
      .query({ source: '42', kind: 'a', dateFrom: '2025-06-14T12:00:00.000Z', extra: 'x' })
      .reply(200, { total: 3 });
    await expect(new BatchedNotes(recordingClient()).summary({ source: { id: '42' }, kind: 'a', maxAge: '1d' }, { now, params: { extra: 'x' }, headers: { 'X-Trace': '1' } })).resolves.toEqual({ total: 3 });
  });

  it('refuses, before any request: an undocumented filter, a paging key, a parameter set twice', async () => {
    const api = new BatchedNotes(recordingClient());
    await expect(api.summary({ revert: true } as never)).rejects.toThrow(/revert: is not a parameter of GET \/notes\/\{tenantId\}\/summary/);
    await expect(api.summary({ pageSize: 5 } as never)).rejects.toThrow(/pageSize: is a paging option/);
    await expect(api.summary({ kind: 'a' }, { params: { kind: 'b' } })).rejects.toThrow(/params.kind: 'kind' is also set by the filters/);
    expect(requests).toHaveLength(0);
  });

  it('a reply that is not an object is a ResponseFormatError naming the request', async () => {
    nock(base).get('/notes/t100/summary').query({ kind: 'a' }).reply(200, '[1]', { 'content-type': 'application/json' });
    const error = await new BatchedNotes(recordingClient()).summary({ kind: 'a' }).catch((thrown: unknown) => thrown);
    expect(isCumulocityError(error, 'ResponseFormatError')).toBe(true);
    expect(String((error as Error).message)).toMatch(/expected a JSON object, got an array \(GET https:\/\/t100\.example\.com\/notes\/t100\/summary\?kind=a\)/);
  });
});

describe('no public path sends a query without its spec', () => {
  const managedObjects = { name: 'managedObject', path: '/inventory/managedObjects', collectionKey: 'managedObjects' };

  it('all devices, all groups: the fixed criterion is sent also without any filter', async () => {
    nock(base).get('/inventory/managedObjects').query({ fragmentType: 'c8y_IsDevice', pageSize: '1000', currentPage: '1' }).reply(200, { managedObjects: [{ id: '1' }] });
    nock(base).get('/inventory/managedObjects').query({ fragmentType: 'c8y_IsDeviceGroup', pageSize: '1', withTotalPages: 'true' }).reply(200, { managedObjects: [], statistics: { totalPages: 3 } });
    expect(await getAll(recordingClient(), { ...managedObjects, querySpec: deviceInventorySpec })).toEqual([{ id: '1' }]);
    await expect(count(recordingClient(), { ...managedObjects, querySpec: groupInventorySpec })).resolves.toBe(3);
  });

  it('a descriptor without its querySpec is refused before any request (its aliases would go out raw)', async () => {
    const error = await getAll(recordingClient(), managedObjects as never, { after: '2025-01-01' }).catch((thrown: unknown) => thrown);
    expect(isCumulocityError(error, 'InvalidInputError')).toBe(true);
    expect((error as InvalidInputError).path).toBe('resource.querySpec');
    await expect(count(recordingClient(), managedObjects as never)).rejects.toThrow(/querySpec/);
    expect(requests).toHaveLength(0);
  });
});
