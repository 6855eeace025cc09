import { describe, expect, it } from '@jest/globals';
import { streamPages } from '../../src/paging/index.js';
import type { JsonObject, Page, PageStreamPlan } from '../../src/paging/index.js';
import { base, FakeClient, flush, idsOf, items, path, planFor, reply } from './page-stream-fake.js';

// streamPages under restricted (offset) paging: a reply's statistics.currentPage is the offset of
// the next unprocessed element, and the `next` links are followed one by one.

const link = (query: string) => `${base}${path}?${query}`;
const offsets = (pages: ReadonlyArray<Page<JsonObject>>) => pages.map((page) => [page.offset, idsOf([page])]);

/** Reads with replies by query (`pageSize=2&currentPage=1` …); a query without a reply fails the test. */
async function read(
  replies: Record<string, unknown>,
  overrides: Partial<PageStreamPlan> = {},
): Promise<{ pages: Array<Page<JsonObject>>; queries: string[] }> {
  const fake = new FakeClient({
    respond: (call) => {
      const body = replies[call.query];
      if (body === undefined) throw new Error(`unexpected request ${call.query}`);
      return body;
    },
  });
  const pages: Array<Page<JsonObject>> = [];
  for await (const page of streamPages(planFor(fake.client, overrides))) pages.push(page);
  return { pages, queries: fake.calls.map((call) => call.query) };
}

describe('streamPages: restricted paging', () => {
  it('limit: lowers pageSize to what is still needed and trims a reply that holds more', async () => {
    const result = await read(
      {
        'pageSize=3&currentPage=1': reply(items(1, 2, 3), { currentPage: 4, pageSize: 3 }, { next: link('pageSize=3&currentPage=4') }),
        // The server ignores pageSize=2 and sends three items.
        'pageSize=2&currentPage=4': reply(items(4, 5, 6), { currentPage: 7, pageSize: 3 }, { next: link('pageSize=3&currentPage=7') }),
      },
      { pageSize: 3, limit: 5 },
    );
    expect(offsets(result.pages)).toEqual([
      [1, [1, 2, 3]],
      [4, [4, 5]],
    ]);
    expect(result.queries).toEqual(['pageSize=3&currentPage=1', 'pageSize=2&currentPage=4']);
  });

  it('an empty page whose offset moved on is not yielded; the read goes on after it', async () => {
    const result = await read({
      'pageSize=2&currentPage=1': reply(items(1, 2), { currentPage: 3, pageSize: 2 }, { next: link('pageSize=2&currentPage=3') }),
      'pageSize=2&currentPage=3': reply([], { currentPage: 9, pageSize: 2 }, { next: link('pageSize=2&currentPage=9') }),
      'pageSize=2&currentPage=9': reply(items(9, 10), { currentPage: 11, pageSize: 2 }),
    });
    expect(offsets(result.pages)).toEqual([
      [1, [1, 2]],
      [9, [9, 10]],
    ]);
    expect(result.pages.every((page) => page.restricted && page.pageNumber === undefined)).toBe(true);
    expect(result.queries).toEqual(['pageSize=2&currentPage=1', 'pageSize=2&currentPage=3', 'pageSize=2&currentPage=9']);
  });

  it('without limit, a next link is sent with its own pageSize; with a limit, pageSize is what is still needed', async () => {
    const replies = {
      'pageSize=10&currentPage=1': reply(items(1, 2), { currentPage: 11, pageSize: 10 }, { next: link('pageSize=5&currentPage=11') }),
      'pageSize=5&currentPage=11': reply(items(3), { currentPage: 21, pageSize: 5 }),
      'pageSize=10&currentPage=11': reply(items(3), { currentPage: 21, pageSize: 10 }),
    };
    const unlimited = await read(replies, { pageSize: 10 });
    expect(unlimited.queries).toEqual(['pageSize=10&currentPage=1', 'pageSize=5&currentPage=11']);
    expect(idsOf(unlimited.pages)).toEqual([1, 2, 3]);
    const limited = await read(replies, { pageSize: 10, limit: 20 });
    expect(limited.queries).toEqual(['pageSize=10&currentPage=1', 'pageSize=10&currentPage=11']);
  });

  it('a next link without currentPage seen before is not followed again (same parameters, other order)', async () => {
    const result = await read({
      'pageSize=2&currentPage=1': reply(items(1, 2), { currentPage: 3, pageSize: 2 }, { next: link('pageSize=2&cursor=a') }),
      'pageSize=2&cursor=a': reply(items(3, 4), {}, { next: link('cursor=a&pageSize=2') }),
      'cursor=a&pageSize=2': reply(items(5, 6), {}),
    });
    expect(offsets(result.pages)).toEqual([
      [1, [1, 2]],
      [0, [3, 4]],
    ]);
    expect(result.queries).toEqual(['pageSize=2&currentPage=1', 'pageSize=2&cursor=a']);
  });

  it('a next link back to the first request is not followed, whatever the order of its parameters', async () => {
    const result = await read(
      {
        'type=c8y_Device&pageSize=2&currentPage=1': reply(items(1, 2), { currentPage: 3, pageSize: 2 }, { next: link('type=c8y_Device&pageSize=2&cursor=a') }),
        'type=c8y_Device&pageSize=2&cursor=a': reply(items(3, 4), {}, { next: link('currentPage=1&type=c8y_Device&pageSize=2') }),
        'currentPage=1&type=c8y_Device&pageSize=2': reply(items(1, 2), { currentPage: 3, pageSize: 2 }),
      },
      { params: { type: 'c8y_Device' } },
    );
    expect(idsOf(result.pages)).toEqual([1, 2, 3, 4]);
    expect(result.queries).toEqual(['type=c8y_Device&pageSize=2&currentPage=1', 'type=c8y_Device&pageSize=2&cursor=a']);
  });

  it('a next link at the offset just requested (other parameters added) is not followed', async () => {
    const result = await read({
      'pageSize=2&currentPage=1': reply(items(1, 2), { currentPage: 5, pageSize: 2 }, { next: link('pageSize=2&currentPage=5') }),
      'pageSize=2&currentPage=5': reply(items(3, 4), { currentPage: 7, pageSize: 2 }, { next: link('pageSize=2&currentPage=5&withParents=true') }),
      'pageSize=2&currentPage=5&withParents=true': reply(items(5, 6), { currentPage: 9, pageSize: 2 }),
    });
    expect(offsets(result.pages)).toEqual([
      [1, [1, 2]],
      [5, [3, 4]],
    ]);
    expect(result.queries).toEqual(['pageSize=2&currentPage=1', 'pageSize=2&currentPage=5']);
  });

  it('detected on page 1: the speculative requests are aborted before the first next link is sent', async () => {
    const fake = new FakeClient({ respond: (call) => (call.index >= 3 ? reply(items(3, 4), { currentPage: 9, pageSize: 2 }) : undefined) });
    const run = (async () => {
      const pages: Array<Page<JsonObject>> = [];
      for await (const page of streamPages(planFor(fake.client, { workers: 3 }))) pages.push(page);
      return pages;
    })();
    await fake.requested(3);
    fake.page(1).reply(reply(items(1, 2), { currentPage: 7, pageSize: 2 }, { next: link('pageSize=2&currentPage=7') }));
    expect(offsets(await run)).toEqual([
      [1, [1, 2]],
      [7, [3, 4]],
    ]);
    expect(fake.events).toEqual([
      'get pageSize=2&currentPage=1',
      'get pageSize=2&currentPage=2',
      'get pageSize=2&currentPage=3',
      'abort pageSize=2&currentPage=2',
      'abort pageSize=2&currentPage=3',
      'get pageSize=2&currentPage=7',
    ]);
    expect(fake.abortedPages).toEqual([2, 3]);
    expect(fake.page(2).abortReason).toMatchObject({ name: 'AbortError', message: 'Paging stopped: the request is no longer needed' });
  });

  it('detected on a later page whose reply came first: queued replies are skipped, page 1 is waited for and yielded once', async () => {
    // Pages 3 and 2 answer together (both queued before either is read); page 3 shows offsets.
    const fake = new FakeClient({ respond: (call) => (call.index >= 4 ? reply(items(5, 6), { currentPage: 20, pageSize: 2 }) : undefined) });
    const run = (async () => {
      const pages: Array<Page<JsonObject>> = [];
      for await (const page of streamPages(planFor(fake.client, { workers: 4 }))) pages.push(page);
      return pages;
    })();
    await fake.requested(4);
    fake.page(3).reply(reply(items('s3'), { currentPage: 8, pageSize: 2 }));
    fake.page(2).reply(reply(items('s2'), { currentPage: 5, pageSize: 2 }));
    await flush();
    expect(fake.abortedPages).toEqual([4]);
    fake.page(1).reply(reply(items(1, 2), { currentPage: 3, pageSize: 2 }, { next: link('pageSize=2&currentPage=3') }));
    expect(offsets(await run)).toEqual([
      [1, [1, 2]],
      [3, [5, 6]],
    ]);
    expect(fake.calls.map((call) => call.query)).toEqual([
      'pageSize=2&currentPage=1',
      'pageSize=2&currentPage=2',
      'pageSize=2&currentPage=3',
      'pageSize=2&currentPage=4',
      'pageSize=2&currentPage=3',
    ]);
  });
});
