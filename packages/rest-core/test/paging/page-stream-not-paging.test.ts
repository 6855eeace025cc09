import { describe, expect, it } from '@jest/globals';
import { streamPages } from '../../src/paging/index.js';
import type { JsonObject, Page } from '../../src/paging/index.js';
import { base, FakeClient, path, planFor } from './page-stream-fake.js';

// A server that does not page sends the same page for every currentPage: streamPages recognises a
// page by its items' ids (else their `self` links, else their JSON), not by their whole content,
// which may change between two requests (lastUpdated, a measurement value).

/** Reads with one worker, pageSize 2, page k answered by `pages[k - 1]` (an empty page past them). */
async function read(pages: unknown[][]): Promise<{ pages: Array<Page<JsonObject>>; error: unknown; requested: number[] }> {
  const fake = new FakeClient({ respond: (call) => ({ managedObjects: pages[call.page - 1] ?? [], statistics: { currentPage: call.page, pageSize: 2 } }) });
  const out: Array<Page<JsonObject>> = [];
  let error: unknown;
  try {
    for await (const page of streamPages(planFor(fake.client))) out.push(page);
  } catch (caught) {
    error = caught;
  }
  return { pages: out, error, requested: fake.pages };
}

const repeatsPage1 = {
  name: 'ResponseFormatError',
  message: `Unexpected reply: page 2 repeats the items of page 1: the server does not page managedObjects (a proxy may strip currentPage); stopped after 2 requests (GET ${base}${path}?pageSize=2&currentPage=2)`,
  itemsReceived: 2,
};

describe('streamPages: a server that sends the same page again', () => {
  it('string ids: the same ids with other content (and other self links) are the same page', async () => {
    const result = await read([
      [
        { id: '1', self: 'a/1', lastUpdated: 'T1' },
        { id: '2', self: 'a/2', lastUpdated: 'T1' },
      ],
      [
        { id: '1', self: 'b/1', lastUpdated: 'T2' },
        { id: '2', self: 'b/2', lastUpdated: 'T2' },
      ],
    ]);
    expect(result.error).toMatchObject(repeatsPage1);
    expect(result.pages.map((page) => page.pageNumber)).toEqual([1]);
    expect(result.requested).toEqual([1, 2]);
  });

  it('numeric ids: the same ids with other content are the same page', async () => {
    const result = await read([
      [
        { id: 1, value: 10 },
        { id: 2, value: 20 },
      ],
      [
        { id: 1, value: 11 },
        { id: 2, value: 21 },
      ],
    ]);
    expect(result.error).toMatchObject(repeatsPage1);
  });

  it('no ids: the same self links with other content are the same page', async () => {
    const result = await read([
      [
        { self: 'https://t1.example.com/x/1', value: 10 },
        { self: 'https://t1.example.com/x/2', value: 20 },
      ],
      [
        { self: 'https://t1.example.com/x/1', value: 11 },
        { self: 'https://t1.example.com/x/2', value: 21 },
      ],
    ]);
    expect(result.error).toMatchObject(repeatsPage1);
  });

  it('no ids: pages with other self links are read to the end', async () => {
    const pages = [
      [{ self: 'https://t1.example.com/x/1' }, { self: 'https://t1.example.com/x/2' }],
      [{ self: 'https://t1.example.com/x/3' }, { self: 'https://t1.example.com/x/4' }],
    ];
    const result = await read(pages);
    expect(result.error).toBeUndefined();
    expect(result.pages.map((page) => page.items)).toEqual(pages);
    expect(result.requested).toEqual([1, 2, 3]);
  });

  it('neither ids nor self links (null and primitives too): the JSON decides, equal JSON repeats', async () => {
    const result = await read([
      [null, 'x'],
      [null, 'x'],
    ]);
    expect(result.error).toMatchObject(repeatsPage1);
  });

  it('neither ids nor self links: pages with other JSON are read to the end', async () => {
    const pages = [
      [{ value: 1 }, { value: 2 }],
      [{ value: 3 }, { value: 4 }],
      [null, 'x'],
      [0, false],
    ];
    const result = await read(pages);
    expect(result.error).toBeUndefined();
    expect(result.pages.map((page) => page.items)).toEqual(pages);
    expect(result.requested).toEqual([1, 2, 3, 4, 5]);
  });
});
