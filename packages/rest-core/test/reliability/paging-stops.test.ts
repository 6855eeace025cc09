import { describe, expect, it } from '@jest/globals';
import type { ServerResponse } from 'node:http';
import { isCumulocityError } from '../../src/index.js';
import { getAll, select } from '../../src/paging/index.js';
import { maxEmptyPagesInARow } from '../../src/paging/page-stream.js';
import { sendJson, useTestServer } from '../helpers/test-server.js';
import { clientFor, rejectionOf } from '../helpers/transport-client.js';
import { inventory } from '../paging/helpers.js';

// Servers that never let a read end — the same full page for every page number, pages past the
// count they announced, empty pages with `next` links further on forever — must not keep a read
// going: it stops with a ResponseFormatError, or ends where the server said the collection ends.
// Each server gives up after `guard` requests, so old behaviour shows as a wrong count, not a hang.

const server = useTestServer();
const guard = 300;
const pageSize = 10;

const pageOf = (first: number, count = pageSize) => Array.from({ length: count }, (_, index) => ({ id: String(first + index), type: 'c8y_Device' }));
const currentPageOf = (url: string) => new URL(url, server.url).searchParams.get('currentPage');

function expectNotPaging(error: unknown, problem: RegExp): void {
  expect(isCumulocityError(error, 'ResponseFormatError')).toBe(true);
  expect((error as Error).message).toMatch(problem);
  expect((error as Error).message).toMatch(/the server does not page managedObjects/);
}

describe('a server that ignores currentPage (or a proxy that strips it)', () => {
  it('the same full page for every number, without statistics: stopped at the second page', async () => {
    server.handle((_request, res) => (server.count > guard ? sendJson(res, 200, { managedObjects: [] }) : sendJson(res, 200, { managedObjects: pageOf(1) })));
    const error = await rejectionOf(getAll(clientFor(server), inventory, undefined, { pageSize }));

    expectNotPaging(error, /page 2 repeats the items of page 1/);
    expect(server.count).toBe(2);
    expect((error as { itemsReceived?: unknown }).itemsReceived).toBe(pageSize);
  });

  it('with workers: stopped within the pages already asked for', async () => {
    const workers = 4;
    server.handle((_request, res) => (server.count > guard ? sendJson(res, 200, { managedObjects: [] }) : sendJson(res, 200, { managedObjects: pageOf(1) })));
    const error = await rejectionOf(getAll(clientFor(server), inventory, undefined, { pageSize, workers }));

    expectNotPaging(error, /page \d repeats the items of page \d/);
    expect(server.count).toBeLessThanOrEqual(workers + 2);
  });

  it('items without ids are told apart by their JSON: a real collection of them is read to the end', async () => {
    server.handle((request, res) => {
      const page = Number(currentPageOf(request.url));
      const items = page <= 3 ? Array.from({ length: pageSize }, (_, index) => ({ name: `n${(page - 1) * pageSize + index}` })) : [];
      sendJson(res, 200, { managedObjects: items });
    });
    const items = await getAll(clientFor(server), inventory, undefined, { pageSize, workers: 2 });
    expect(items).toHaveLength(3 * pageSize);
  });

  it('a stripped currentPage seen as offset paging: the page that comes back again is an error, not duplicates', async () => {
    // Every reply is page 1, with the server's own statistics and next link. The three speculative
    // requests are answered together once all arrived, page 1 last: the replies for "pages" 2 and 3
    // make the read follow next links — which lead to page 1 again.
    const body = JSON.stringify({
      managedObjects: pageOf(1),
      statistics: { currentPage: 1, pageSize },
      next: `${server.url}/inventory/managedObjects?pageSize=${pageSize}&currentPage=2`,
    });
    const held: Array<{ page: string | null; res: ServerResponse }> = [];
    const send = (res: ServerResponse, then?: () => void) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(body, then);
    };
    server.handle((request, res) => {
      if (server.count > 3) return send(res);
      held.push({ page: currentPageOf(request.url), res });
      if (held.length < 3) return;
      const first = held.find((entry) => entry.page === '1');
      const others = held.filter((entry) => entry !== first);
      let flushed = 0;
      for (const entry of others) send(entry.res, () => ++flushed === others.length && first !== undefined && setTimeout(() => send(first.res), 20));
    });
    const error = await rejectionOf(getAll(clientFor(server), inventory, undefined, { pageSize, workers: 3 }));

    expectNotPaging(error, /repeats the items of the page before/);
    expect(server.count).toBe(4); // 3 speculative page requests, then 1 next link
    expect((error as { itemsReceived?: unknown }).itemsReceived).toBe(pageSize);
  });
});

describe('statistics.totalPages ends the collection', () => {
  it('a server that always has more items but says there are 3 pages: 3 pages read, no more asked for', async () => {
    server.handle((request, res) => {
      const page = Number(currentPageOf(request.url));
      if (server.count > guard) return sendJson(res, 200, { managedObjects: [] });
      sendJson(res, 200, { managedObjects: pageOf((page - 1) * pageSize + 1), statistics: { currentPage: page, pageSize, totalPages: 3 } });
    });
    const items = await getAll(clientFor(server), inventory, undefined, { pageSize });
    expect(items).toHaveLength(3 * pageSize);
    expect(server.count).toBe(3);
  });

  it('with workers: pages asked for before the count was known are dropped, not yielded', async () => {
    // No page is answered before all five were asked for: pages 3–5 arrive with the rest.
    const answers: Array<() => void> = [];
    server.handle((request, res) => {
      const page = Number(currentPageOf(request.url));
      answers.push(() => sendJson(res, 200, { managedObjects: pageOf((page - 1) * pageSize + 1), statistics: { currentPage: page, pageSize, totalPages: 2 } }));
      if (answers.length === 5) for (const answer of answers.reverse()) answer();
    });
    const items = await getAll(clientFor(server), inventory, undefined, { pageSize, workers: 5 });
    expect(items.map((item) => Number(item.id)).sort((a, b) => a - b)).toEqual(pageOf(1, 2 * pageSize).map((item) => Number(item.id)));
    expect(server.count).toBe(5);
  });
});

describe('offset paging (users with only inventory roles)', () => {
  /** First reply: one item at offset 1 → next at 11; then whatever `rest` answers. */
  function offsetServer(rest: (position: number) => { items: unknown[]; next?: number }): void {
    server.handle((request, res) => {
      const position = Number(currentPageOf(request.url));
      const { items, next } = position === 1 ? { items: pageOf(1, 1), next: 11 } : rest(position);
      sendJson(res, 200, {
        managedObjects: items,
        statistics: { currentPage: next ?? position, pageSize, totalPages: null },
        ...(next === undefined ? {} : { next: `${server.url}/inventory/managedObjects?pageSize=${pageSize}&currentPage=${next}` }),
      });
    });
  }

  it(`empty pages with next links ever further on: stopped after ${maxEmptyPagesInARow} in a row`, async () => {
    offsetServer((position) => ({ items: [], next: server.count > guard ? undefined : position + 10 }));
    const error = await rejectionOf(getAll(clientFor(server), inventory, undefined, { pageSize }));

    expectNotPaging(error, new RegExp(`${maxEmptyPagesInARow + 1} empty pages in a row`));
    expect(server.count).toBe(1 + maxEmptyPagesInARow + 1);
    expect((error as { itemsReceived?: unknown }).itemsReceived).toBe(1);
  });

  it(`${maxEmptyPagesInARow} empty pages in a row are still a sparse collection: the read goes on`, async () => {
    offsetServer((position) => {
      const index = (position - 11) / 10; // 0, 1, 2, …
      if (index < maxEmptyPagesInARow) return { items: [], next: position + 10 };
      return { items: pageOf(100, 3) }; // then the last page
    });
    const items = await getAll(clientFor(server), inventory, undefined, { pageSize });
    expect(items.map((item) => item.id)).toEqual(['1', '100', '101', '102']);
    expect(server.count).toBe(1 + maxEmptyPagesInARow + 1);
  });

  it('the same items again behind an advancing next link: stopped at the repeat, nothing yielded twice', async () => {
    offsetServer((position) => ({ items: pageOf(50, 5), next: server.count > guard ? undefined : position + 10 }));
    const seen: string[] = [];
    const error = await (async () => {
      try {
        for await (const item of select(clientFor(server), inventory, undefined, { pageSize })) seen.push(item.id as string);
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();

    expectNotPaging(error, /repeats the items of the page before/);
    expect(seen).toEqual(['1', '50', '51', '52', '53', '54']);
    expect(server.count).toBe(3);
  });
});

describe('a failed read says how many items it had delivered', () => {
  it('itemsReceived on the error (also in toJSON), the message unchanged', async () => {
    server.handle((request, res) => {
      const page = Number(currentPageOf(request.url));
      if (page === 3) return sendJson(res, 500, { error: 'general/internalError', message: 'boom' });
      sendJson(res, 200, { managedObjects: pageOf((page - 1) * pageSize + 1), statistics: { currentPage: page, pageSize } });
    });
    const error = await rejectionOf(getAll(clientFor(server, { retry: false }), inventory, undefined, { pageSize }));

    expect(isCumulocityError(error, 'ServerError')).toBe(true);
    expect((error as { itemsReceived?: unknown }).itemsReceived).toBe(2 * pageSize);
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ name: 'ServerError', itemsReceived: 20 });
    expect((error as Error).message).toMatch(/^500 general\/internalError: boom/);
  });

  it('an abort rejects with the reason as it is (nothing is added to it)', async () => {
    server.handle(() => undefined);
    const controller = new AbortController();
    const reason = Object.freeze({ why: 'user' });
    const pending = rejectionOf(getAll(clientFor(server), inventory, undefined, { pageSize, signal: controller.signal }));
    while (server.count === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort(reason);
    expect(await pending).toBe(reason);
  });
});
