import { describe, expect, it } from '@jest/globals';
import { NetworkError, ServerError, TimeoutError } from '../../src/index.js';
import { streamPages } from '../../src/paging/index.js';
import type { JsonObject, Page } from '../../src/paging/index.js';
import { base, FakeClient, flush, idsOf, items, mediaType, path, planFor, reply } from './page-stream-fake.js';

// streamPages under page-numbered paging, driven reply by reply: which pages are requested,
// yielded and aborted, in which order, and what its errors say.

const collect = async (pages: AsyncIterable<Page<JsonObject>>): Promise<Array<Page<JsonObject>>> => {
  const out: Array<Page<JsonObject>> = [];
  for await (const page of pages) out.push(page);
  return out;
};
const full = (page: number, ...ids: Array<string | number>) => reply(items(...ids), { currentPage: page, pageSize: 2 });
const numbered = (pages: ReadonlyArray<Page<JsonObject>>) => pages.map((page) => [page.pageNumber, idsOf([page])]);
const stoppedReason = { name: 'AbortError', message: 'Paging stopped: the request is no longer needed' };

describe('streamPages: the end of the collection', () => {
  it('aborts the requests past a short page, with an AbortError saying paging stopped', async () => {
    const fake = new FakeClient();
    const run = collect(streamPages(planFor(fake.client, { workers: 3 })));
    await fake.requested(3);
    fake.page(1).reply(reply(items('a'), { currentPage: 1, pageSize: 2 }));
    expect(numbered(await run)).toEqual([[1, ['a']]]);
    expect(fake.pages).toEqual([1, 2, 3]);
    expect(fake.abortedPages).toEqual([2, 3]);
    for (const page of [2, 3]) {
      const reason = fake.page(page).abortReason;
      expect(reason).toBeInstanceOf(Error);
      expect(reason).toMatchObject(stoppedReason);
    }
  });

  it('leaving the loop aborts the requests in flight only, not the ones already answered', async () => {
    const fake = new FakeClient();
    const iterator = streamPages(planFor(fake.client, { workers: 3 }));
    const first = iterator.next();
    await fake.requested(3);
    fake.page(1).reply(full(1, 'a', 'b'));
    expect((await first).value).toMatchObject({ pageNumber: 1, items: [{ id: 'a' }, { id: 'b' }] });
    await iterator.return(undefined);
    expect(fake.abortedPages).toEqual([2, 3]);
    expect(fake.page(1).signal.aborted).toBe(false);
    expect(fake.events).toEqual([
      'get pageSize=2&currentPage=1',
      'get pageSize=2&currentPage=2',
      'get pageSize=2&currentPage=3',
      'abort pageSize=2&currentPage=2',
      'abort pageSize=2&currentPage=3',
    ]);
  });

  it('ordered: an empty page drops the pages held past the end and keeps the one before it', async () => {
    // Replies arrive 2, 4 (a page past the end, of a changing collection), 3 (empty), 1.
    const fake = new FakeClient();
    const run = collect(streamPages(planFor(fake.client, { workers: 4, ordered: true })));
    await fake.requested(4);
    fake.page(2).reply(full(2, 'c', 'd'));
    await flush();
    fake.page(4).reply(full(4, 'ghost-1', 'ghost-2'));
    await flush();
    fake.page(3).reply(reply([], { currentPage: 3, pageSize: 2 }));
    await flush();
    fake.page(1).reply(full(1, 'a', 'b'));
    expect(numbered(await run)).toEqual([
      [1, ['a', 'b']],
      [2, ['c', 'd']],
    ]);
    expect(fake.pages).toEqual([1, 2, 3, 4]);
  });

  it('ordered: a short page drops a page past it that arrived first, and is yielded itself', async () => {
    // Replies arrive 4 (past the end), 3 (short: the end), 1, 2.
    const fake = new FakeClient();
    const run = collect(streamPages(planFor(fake.client, { workers: 4, ordered: true })));
    await fake.requested(4);
    fake.page(4).reply(full(4, 'ghost-1', 'ghost-2'));
    await flush();
    fake.page(3).reply(reply(items('e'), { currentPage: 3, pageSize: 2 }));
    await flush();
    fake.page(1).reply(full(1, 'a', 'b'));
    await flush();
    fake.page(2).reply(full(2, 'c', 'd'));
    expect(numbered(await run)).toEqual([
      [1, ['a', 'b']],
      [2, ['c', 'd']],
      [3, ['e']],
    ]);
    expect(fake.pages).toEqual([1, 2, 3, 4]);
  });

  it('a reply that arrived before an earlier page showed the end is dropped, not yielded', async () => {
    // While the consumer holds page 1, page 3 (empty: page 2 is the last) and page 4 (a ghost of a
    // changing collection) both answer; page 3 is read first and cuts page 4 off.
    const fake = new FakeClient();
    const iterator = streamPages(planFor(fake.client, { workers: 4 }));
    const first = iterator.next();
    await fake.requested(4);
    fake.page(1).reply(full(1, 'a', 'b'));
    expect((await first).value?.pageNumber).toBe(1);
    fake.page(3).reply(reply([], { currentPage: 3, pageSize: 2 }));
    fake.page(4).reply(full(4, 'ghost-1', 'ghost-2'));
    await flush();
    const second = iterator.next(); // frees a place: page 5 is requested, then page 3 read
    await flush();
    fake.page(2).reply(full(2, 'c', 'd'));
    expect((await second).value).toMatchObject({ pageNumber: 2, items: [{ id: 'c' }, { id: 'd' }] });
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
    expect(fake.pages).toEqual([1, 2, 3, 4, 5]);
    expect(fake.abortedPages).toEqual([5]);
  });

  it('limit 0 requests nothing (pageSize 0, as select plans it, or any other)', async () => {
    for (const pageSize of [0, 5]) {
      const fake = new FakeClient();
      expect(await collect(streamPages(planFor(fake.client, { limit: 0, pageSize, workers: 3 })))).toEqual([]);
      expect(fake.calls).toHaveLength(0);
    }
  });
});

describe('streamPages: statistics.totalPages', () => {
  it('a full page 1 that says totalPages 1 is yielded and ends the read: pages 2 and 3 aborted', async () => {
    const fake = new FakeClient();
    const run = collect(streamPages(planFor(fake.client, { workers: 3 })));
    await fake.requested(3);
    fake.page(1).reply(reply(items('a', 'b'), { currentPage: 1, pageSize: 2, totalPages: 1 }));
    expect(numbered(await run)).toEqual([[1, ['a', 'b']]]);
    expect(fake.abortedPages).toEqual([2, 3]);
  });

  it('totalPages 0 ends the read before page 1: its items are not yielded', async () => {
    const fake = new FakeClient();
    const run = collect(streamPages(planFor(fake.client, { workers: 3 })));
    await fake.requested(3);
    fake.page(1).reply(reply(items('a', 'b'), { currentPage: 1, pageSize: 2, totalPages: 0 }));
    expect(await run).toEqual([]);
    expect(fake.abortedPages).toEqual([2, 3]);
  });

  it('a negative totalPages is ignored: the read goes on to the short page', async () => {
    const fake = new FakeClient({
      respond: (call) =>
        call.page === 1 ? reply(items('a', 'b'), { currentPage: 1, pageSize: 2, totalPages: -1 }) : reply(items('c'), { currentPage: 2, pageSize: 2, totalPages: -1 }),
    });
    expect(numbered(await collect(streamPages(planFor(fake.client))))).toEqual([
      [1, ['a', 'b']],
      [2, ['c']],
    ]);
    expect(fake.pages).toEqual([1, 2]);
  });
});

describe('streamPages: what each request carries', () => {
  it('sends the collection media type as accept, and no accept option at all for a resource without one', async () => {
    const respond = () => reply([], { currentPage: 1, pageSize: 2 });
    const typed = new FakeClient({ respond });
    await collect(streamPages(planFor(typed.client, { request: { timeout: 1234, params: { ignored: 'x' } } })));
    expect(typed.calls).toHaveLength(1);
    expect(Object.keys(typed.calls[0]?.options ?? {}).sort()).toEqual(['accept', 'params', 'signal', 'timeout']);
    expect(typed.calls[0]?.options).toMatchObject({ accept: mediaType, timeout: 1234, params: { pageSize: 2, currentPage: 1 } });
    expect(typed.calls[0]?.path).toBe(path);

    // A client that merges its own defaults ({ accept: …, ...options }) must keep its default.
    const untyped = new FakeClient({ respond });
    await collect(streamPages(planFor(untyped.client, { resource: { name: 'thing', collectionKey: 'managedObjects' } })));
    expect(untyped.calls).toHaveLength(1);
    expect(Object.keys(untyped.calls[0]?.options ?? {}).sort()).toEqual(['params', 'signal']);
  });
});

describe('streamPages: errors', () => {
  it('a server switching to offset paging after pages were yielded: a ResponseFormatError naming the page', async () => {
    const fake = new FakeClient();
    const iterator = streamPages(planFor(fake.client, { workers: 2, ordered: true, params: { type: 'c8y_Device' } }));
    const first = iterator.next();
    await fake.requested(2);
    fake.page(1).reply(full(1, 'a', 'b'));
    expect((await first).value?.pageNumber).toBe(1);
    const second = iterator.next(); // page 3 is requested
    fake.page(2).reply(reply(items('x', 'y'), { currentPage: 77, pageSize: 2 }));
    const error = await second.catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      name: 'ResponseFormatError',
      message:
        'Unexpected reply: page 2 of managedObjects reports currentPage 77 (offset paging for users with only inventory roles) after earlier pages did not: cannot page consistently' +
        ` (GET ${base}${path}?type=c8y_Device)`,
      method: 'GET',
      url: `${base}${path}?type=c8y_Device`,
      itemsReceived: 2,
    });
    expect(fake.pages).toEqual([1, 2, 3]);
    expect(fake.abortedPages).toEqual([3]);
  });

  it('a page repeating the page after it (which arrived first) ends the read: the message names both and the requests sent', async () => {
    // A server without statistics that ignores currentPage: pages 2 and 1 hold the same items.
    const fake = new FakeClient();
    const iterator = streamPages(planFor(fake.client, { workers: 2, params: { type: 'c8y_Device' } }));
    const first = iterator.next();
    await fake.requested(2);
    fake.page(2).reply({ managedObjects: items('a', 'b') });
    expect((await first).value?.pageNumber).toBe(2);
    const second = iterator.next(); // page 3 is requested
    fake.page(1).reply({ managedObjects: items('a', 'b') });
    const error = await second.catch((caught: unknown) => caught);
    const url = `${base}${path}?type=c8y_Device&pageSize=2&currentPage=1`;
    expect(error).toMatchObject({
      name: 'ResponseFormatError',
      message: `Unexpected reply: page 1 repeats the items of page 2: the server does not page managedObjects (a proxy may strip currentPage); stopped after 3 requests (GET ${url})`,
      method: 'GET',
      url,
      itemsReceived: 2,
    });
    expect(fake.pages).toEqual([1, 2, 3]);
    expect(fake.abortedPages).toEqual([3]);
  });

  it('a failing page: the error says how many items came before, unless it already says so', async () => {
    const failWith = async (error: Error) => {
      const fake = new FakeClient({ respond: (call) => (call.page === 1 ? full(1, 'a', 'b') : undefined) });
      const seen: unknown[] = [];
      const run = (async () => {
        for await (const page of streamPages(planFor(fake.client))) seen.push(...idsOf([page]));
      })();
      await fake.requested(2);
      fake.page(2).fail(error);
      await expect(run).rejects.toBe(error);
      expect(seen).toEqual(['a', 'b']);
    };
    const fresh = new ServerError({ status: 500, method: 'GET', url: `${base}${path}` });
    await failWith(fresh);
    expect(fresh.itemsReceived).toBe(2);
    // An error from a deeper read (a wrapper client that pages itself) keeps its own count.
    const deeper = new ServerError({ status: 500, method: 'GET', url: `${base}${path}` });
    deeper.itemsReceived = 7;
    await failWith(deeper);
    expect(deeper.itemsReceived).toBe(7);
  });

  it('the caller signal: its reason is rethrown untouched, even an SDK error (no itemsReceived on it)', async () => {
    const controller = new AbortController();
    const fake = new FakeClient({ respond: (call) => (call.page === 1 ? full(1, 'a', 'b') : undefined) });
    const iterator = streamPages(planFor(fake.client, { signal: controller.signal }));
    expect((await iterator.next()).value?.pageNumber).toBe(1);
    const second = iterator.next();
    await fake.requested(2);
    const reason = new TimeoutError({ timeoutMs: 10, scope: 'total', method: 'GET', url: `${base}${path}` });
    controller.abort(reason);
    await expect(second).rejects.toBe(reason);
    expect(reason.itemsReceived).toBeUndefined();
    expect(fake.abortedPages).toEqual([2]);
    expect(fake.page(2).abortReason).toBe(reason);
  });

  it('the caller signal, but the client fails with an error of its own: that error gets itemsReceived', async () => {
    const controller = new AbortController();
    const own = new NetworkError({ method: 'GET', url: `${base}${path}` });
    const fake = new FakeClient({ respond: (call) => (call.page === 1 ? full(1, 'a', 'b') : undefined), abortError: () => own });
    const iterator = streamPages(planFor(fake.client, { signal: controller.signal }));
    expect((await iterator.next()).value?.pageNumber).toBe(1);
    const second = iterator.next();
    await fake.requested(2);
    controller.abort(new Error('user cancelled'));
    await expect(second).rejects.toBe(own);
    expect(own.itemsReceived).toBe(2);
    expect(fake.abortedPages).toEqual([2]);
  });
});
