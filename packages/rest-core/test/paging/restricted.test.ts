import { afterEach, describe, expect, it } from '@jest/globals';
import { getAll, select } from '../../src/paging/index.js';
import { arrivals, idsOf, inventory, makeItems, startServer, type CollectionServer } from './helpers.js';

let server: CollectionServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

/** Deterministic hidden items: every position divisible by 3 or 7 is not readable. */
const visible = (position: number) => position % 3 !== 0 && position % 7 !== 0;
const visibleIds = (count: number) => makeItems(count).filter((_, index) => visible(index + 1)).map((item) => item.id);

describe('restricted-access paging (users with only inventory roles)', () => {
  it('detects offset paging, yields the first page once and follows next links: every item exactly once', async () => {
    server = await startServer({ count: 200, restricted: { visible } });
    const items = await getAll(server.client(), inventory, { type: 'c8y_Device' }, { pageSize: 10 });
    expect(idsOf(items)).toEqual(visibleIds(200));
    // Every request after the first uses the offset from the previous reply.
    const positions = server.pages;
    expect(positions[0]).toBe(1);
    for (let index = 1; index < positions.length; index++) expect(positions[index]).toBeGreaterThan(positions[index - 1] as number);
    expect(server.requests.every((request) => request.url.searchParams.get('type') === 'c8y_Device')).toBe(true);
  });

  it('with workers: discards the speculative page-number replies and yields every item once', async () => {
    // Page 1 answers only once all six speculative requests arrived (the others answer at once), so
    // the replies for pages 2–6 (offsets, not pages) come first.
    const requests = arrivals();
    server = await startServer({
      count: 500,
      restricted: { visible },
      hold: ({ currentPage }) => {
        requests.arrived(currentPage);
        return currentPage === 1 ? requests.until([1, 2, 3, 4, 5, 6]) : undefined;
      },
    });
    const pages: Array<{ offset: number | undefined; restricted: boolean; count: number }> = [];
    const ids: string[] = [];
    for await (const page of select(server.client(), inventory, undefined, { pageSize: 10, workers: 6 }).byPage()) {
      pages.push({ offset: page.offset, restricted: page.restricted, count: page.items.length });
      ids.push(...idsOf(page.items));
    }
    expect(ids).toEqual(visibleIds(500));
    expect(pages[0]).toMatchObject({ offset: 1, restricted: true });
    expect(pages.every((page) => page.restricted)).toBe(true);
    // Pages 2–6 were asked for once, speculatively, before the first reply showed offset paging;
    // after it only next-link offsets (> 10 here) follow.
    expect(server.pages.slice(0, 6).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(server.pages.slice(6).every((position) => position > 10)).toBe(true);
    expect(new Set(server.pages).size).toBe(server.pages.length);
  });

  it('keeps going past an empty page whose offset moved on (a scan window with nothing visible)', async () => {
    // Positions 11–40 are hidden: with scan window = pageSize = 10, pages at 11, 21, 31 are empty but move on.
    const hidden = (position: number) => position > 10 && position <= 40;
    server = await startServer({ count: 60, restricted: { visible: (position) => !hidden(position) } });
    const items = await getAll(server.client(), inventory, undefined, { pageSize: 10 });
    expect(idsOf(items)).toEqual(makeItems(60).filter((_, index) => !hidden(index + 1)).map((item) => item.id));
    expect(server.pages).toEqual([1, 11, 21, 31, 41, 51]);
  });

  it('limit: stops when reached and lowers pageSize to what is still needed', async () => {
    // The platform's scan window (10 × max(pageSize, 100)) fills these pages.
    server = await startServer({ count: 200, restricted: { visible, scanWindow: (size) => 10 * Math.max(size, 100) } });
    const items = await getAll(server.client(), inventory, undefined, { pageSize: 10, limit: 25 });
    expect(idsOf(items)).toEqual(visibleIds(200).slice(0, 25));
    expect(server.requests.map((request) => request.pageSize)).toEqual([10, 10, 5]);
  });

  it('limit with short pages: each request asks for at most what is still needed', async () => {
    server = await startServer({ count: 200, restricted: { visible } });
    const items = await getAll(server.client(), inventory, undefined, { pageSize: 10, limit: 25 });
    expect(idsOf(items)).toEqual(visibleIds(200).slice(0, 25));
    const sizes = server.requests.map((request) => request.pageSize);
    expect(sizes[0]).toBe(10);
    expect(sizes.at(-1)).toBeLessThan(10);
    for (let index = 1; index < sizes.length; index++) expect(sizes[index]).toBeLessThanOrEqual(sizes[index - 1] as number);
  });

  it('stops at a repeating next link', async () => {
    server = await startServer({
      count: 100,
      override: ({ index }, res) => {
        const body = {
          managedObjects: [{ id: `x${index}` }],
          statistics: { currentPage: 5, pageSize: 2 },
          next: `${server?.baseUrl ?? ''}/inventory/managedObjects?pageSize=2&currentPage=5`,
        };
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
        return true;
      },
    });
    const items = await getAll(server.client(), inventory, undefined, { pageSize: 2 });
    expect(idsOf(items)).toEqual(['x0', 'x1']);
    expect(server.pages).toEqual([1, 5]);
  });

  it('stops at a next link that does not move forward', async () => {
    server = await startServer({
      count: 100,
      override: ({ index, currentPage }, res) => {
        const body = {
          managedObjects: [{ id: `x${index}` }],
          statistics: { currentPage: currentPage === 1 ? 9 : 3, pageSize: 2 },
          next: `${server?.baseUrl ?? ''}/inventory/managedObjects?pageSize=2&currentPage=${currentPage === 1 ? 9 : 3}`,
        };
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
        return true;
      },
    });
    const items = await getAll(server.client(), inventory, undefined, { pageSize: 2 });
    expect(idsOf(items)).toEqual(['x0', 'x1']);
    expect(server.pages).toEqual([1, 9]);
  });

  it('stops at an empty page that did not move on, even with a next link', async () => {
    server = await startServer({
      count: 100,
      override: ({ index, currentPage }, res) => {
        const empty = currentPage === 4;
        const body = {
          managedObjects: empty ? [] : [{ id: `x${index}` }],
          statistics: { currentPage: empty ? 4 : 4, pageSize: 2 },
          next: `${server?.baseUrl ?? ''}/inventory/managedObjects?pageSize=2&currentPage=${empty ? 99 : 4}`,
        };
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
        return true;
      },
    });
    const items = await getAll(server.client(), inventory, undefined, { pageSize: 2 });
    expect(idsOf(items)).toEqual(['x0']);
    expect(server.pages).toEqual([1, 4]);
  });

  it('sends next links to the client base URL (links carry the public domain) with their query', async () => {
    server = await startServer({ count: 30, restricted: { visible }, linkOrigin: 'https://t100.cumulocity.example' });
    const items = await getAll(server.client(), inventory, { type: 'c8y_Device' }, { pageSize: 5 });
    expect(idsOf(items)).toEqual(visibleIds(30));
    expect(server.requests.length).toBeGreaterThan(2);
  });

  it('refuses a next link to another path with a clear error', async () => {
    server = await startServer({
      count: 100,
      override: (_request, res) => {
        const body = {
          managedObjects: [{ id: '1' }],
          statistics: { currentPage: 7, pageSize: 2 },
          next: 'https://t100.cumulocity.example/tenant/options?currentPage=7',
        };
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
        return true;
      },
    });
    await expect(getAll(server.client(), inventory, undefined, { pageSize: 2 })).rejects.toMatchObject({
      name: 'ResponseFormatError',
      message: expect.stringContaining('points to /tenant/options, not to the collection /inventory/managedObjects'),
    });
  });

  it('a server changing its paging mode after pages were yielded is an error, not duplicates', async () => {
    server = await startServer({
      count: 100,
      delay: ({ currentPage }) => (currentPage === 2 ? 30 : 0),
      override: ({ currentPage }, res) => {
        const body = { managedObjects: [{ id: String(currentPage) }, { id: `${currentPage}b` }], statistics: { currentPage: currentPage === 2 ? 77 : currentPage, pageSize: 2 } };
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
        return true;
      },
    });
    await expect(getAll(server.client(), inventory, undefined, { pageSize: 2, workers: 2, ordered: true })).rejects.toMatchObject({
      name: 'ResponseFormatError',
    });
  });
});
