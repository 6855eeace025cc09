import { afterEach, describe, expect, it } from '@jest/globals';
import { getAll, select } from '../../src/paging/index.js';
import { arrivals, idsOf, inventory, makeItems, range, reverseRelease, startServer, trackedFetch, until, type CollectionServer } from './helpers.js';

let server: CollectionServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

/** Later pages answer sooner: page k waits (6 - k) * 15 ms, so completion order ≠ page order. */
const reversedDelays = ({ currentPage }: { currentPage: number }) => Math.max(0, 6 - currentPage) * 15;


/** Ids as numbers in ascending order, for checks that do not depend on the order pages arrive in. */
const ascending = (ids: string[]) => [...ids].sort((a, b) => Number(a) - Number(b));

describe('workers', () => {
  it('keeps server order while fetching ahead when the query orders (revert)', async () => {
    server = await startServer({ count: 23, delay: reversedDelays });
    const client = server.client();
    const pages: Array<number | undefined> = [];
    for await (const page of select(client, inventory, { revert: true }, { pageSize: 5, workers: 5 }).byPage()) pages.push(page.pageNumber);
    expect(pages).toEqual([1, 2, 3, 4, 5]);
    expect(server.maxInFlight).toBeGreaterThan(1); // fetched ahead
    expect(await getAll(client, inventory, { revert: true }, { pageSize: 5, workers: 5 }).then(idsOf)).toEqual(range(1, 23));
  });

  it('detects $orderby in a raw query and in query/q as ordering', async () => {
    server = await startServer({ count: 23, delay: reversedDelays });
    const client = server.client();
    const raw = await getAll(client, inventory, 'query=$orderby=name', { pageSize: 5, workers: 5 });
    expect(idsOf(raw)).toEqual(range(1, 23));
    const viaQuery = await getAll(client, inventory, { query: '$filter=(type eq x) $orderby=id desc' }, { pageSize: 5, workers: 5 });
    expect(idsOf(viaQuery)).toEqual(range(1, 23));
  });

  it('yields pages in completion order without an ordering parameter, and every item once', async () => {
    const release = reverseRelease(5);
    server = await startServer({ count: 23, hold: release.hold });
    const client = server.client();
    const pages: Array<number | undefined> = [];
    const ids: string[] = [];
    for await (const page of select(client, inventory, { type: 'c8y_Device' }, { pageSize: 5, workers: 5 }).byPage()) {
      pages.push(page.pageNumber);
      ids.push(...idsOf(page.items));
      release.consumed(page.pageNumber);
    }
    // All five pages are requested at once; later pages answer first.
    expect(pages).toEqual([5, 4, 3, 2, 1]);
    expect([...ids].sort((a, b) => Number(a) - Number(b))).toEqual(range(1, 23));
  });

  it('ordered: false overrides the detection, ordered: true forces order', async () => {
    server = await startServer({ count: 23, delay: reversedDelays });
    const forced = await select(server.client(), inventory, { type: 'x' }, { pageSize: 5, workers: 5, ordered: true }).toArray();
    expect(idsOf(forced)).toEqual(range(1, 23));
    await server.stop();
    const release = reverseRelease(5);
    server = await startServer({ count: 23, hold: release.hold });
    const pages: Array<number | undefined> = [];
    for await (const page of select(server.client(), inventory, { revert: true }, { pageSize: 5, workers: 5, ordered: false }).byPage()) {
      pages.push(page.pageNumber);
      release.consumed(page.pageNumber);
    }
    expect(pages).toEqual([5, 4, 3, 2, 1]);
  });

  it('a collection shorter than one page: every item once, the speculative requests past it aborted', async () => {
    // Page 1 answers once the five speculative requests arrived; pages past it never answer:
    // getAll can only resolve if it does not wait for them.
    const requests = arrivals();
    server = await startServer({
      count: 3,
      hold: ({ currentPage }) => {
        requests.arrived(currentPage);
        return currentPage === 1 ? requests.until([1, 2, 3, 4, 5]) : requests.never;
      },
    });
    const items = await getAll(server.client(), inventory, undefined, { pageSize: 10, workers: 5 });
    expect(idsOf(items)).toEqual(range(1, 3));
    expect(server.requests.filter((request) => request.currentPage > 1).some((request) => request.answered)).toBe(false);
    await server.settled();
    expect(server.pages.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5]); // speculative from the start
    expect(server.requests.filter((request) => request.currentPage > 1).every((request) => request.aborted)).toBe(true);
    expect(server.inFlight).toBe(0);
  });

  it('a limit that fits one page sends one request, whatever `workers` allows', async () => {
    server = await startServer({ count: 100, delay: () => 5 });
    const items = await getAll(server.client(), inventory, undefined, { pageSize: 10, limit: 7, workers: 20 });
    expect(idsOf(items)).toEqual(range(1, 7));
    expect(server.requests.map((request) => [request.currentPage, request.pageSize])).toEqual([[1, 7]]);
  });

  it('never has more than `workers` requests in flight, and stops at the end with no page beyond workers', async () => {
    server = await startServer({ count: 100, delay: () => 5 });
    const items = await getAll(server.client(), inventory, undefined, { pageSize: 10, workers: 4 });
    expect(idsOf(items).sort((a, b) => Number(a) - Number(b))).toEqual(range(1, 100));
    expect(server.maxInFlight).toBeLessThanOrEqual(4);
    expect(server.maxInFlight).toBe(4);
    // 10 full pages, then the empty page 11 ends it; speculative requests past it are at most workers - 1.
    const beyond = server.pages.filter((page) => page > 11);
    expect(beyond.length).toBeLessThanOrEqual(3);
    expect(new Set(server.pages).size).toBe(server.pages.length); // no page asked twice
  });

  it('ends at a short page and aborts the speculative requests behind it', async () => {
    // Pages 1–3 answer once all five speculative requests arrived; pages after the short page 3
    // never answer: they must be aborted, not waited for.
    const requests = arrivals();
    server = await startServer({
      count: 13,
      hold: ({ currentPage }) => {
        requests.arrived(currentPage);
        return currentPage > 3 ? requests.never : requests.until([1, 2, 3, 4, 5]);
      },
    });
    const items = await getAll(server.client(), inventory, undefined, { pageSize: 5, workers: 5 });
    expect(ascending(idsOf(items))).toEqual(range(1, 13));
    expect(server.requests.filter((request) => request.currentPage > 3).some((request) => request.answered)).toBe(false);
    await server.settled();
    expect(server.inFlight).toBe(0);
    const beyond = server.requests.filter((request) => request.currentPage > 3);
    expect(beyond.length).toBeGreaterThanOrEqual(2); // pages 4 and 5 at least (6+ if pages 1–2 were consumed first)
    expect(beyond.every((request) => request.aborted)).toBe(true);
    expect(server.aborted).toBe(beyond.length);
  });

  it('a server that trims pageSize is paged to the end: a page is short only against the size it reports', async () => {
    // Asked for pageSize=10, the server answers 5 per page and says so in statistics.pageSize:
    // 5 items are a full page then, and only page 3 (2 items) is short.
    const all = makeItems(12);
    server = await startServer({
      count: 12,
      override: ({ currentPage }, res) => {
        const managedObjects = all.slice((currentPage - 1) * 5, currentPage * 5);
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ managedObjects, statistics: { currentPage, pageSize: 5 } }));
        return true;
      },
    });
    const items = await getAll(server.client(), inventory, undefined, { pageSize: 10, workers: 3, ordered: true });
    expect(idsOf(items)).toEqual(range(1, 12));
    expect(server.requests.every((request) => request.pageSize === 10)).toBe(true);
    expect(ascending(server.pages.filter((page) => page <= 3).map(String))).toEqual(['1', '2', '3']);
  });

  it('never yields items from pages past the end, even if they answer first (ordered)', async () => {
    // A changing collection: page 4 (past the empty page 3) answers first with an item; it must not appear.
    server = await startServer({
      count: 10,
      delay: ({ currentPage }) => (currentPage === 4 ? 0 : 30),
      override: ({ currentPage }, res) => {
        if (currentPage !== 4 && currentPage !== 3) return false;
        const items = currentPage === 4 ? [{ id: 'ghost' }] : [];
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ managedObjects: items, statistics: { currentPage, pageSize: 5 } }));
        return true;
      },
    });
    const items = await getAll(server.client(), inventory, undefined, { pageSize: 5, workers: 4, ordered: true });
    expect(idsOf(items)).toEqual(range(1, 10));
  });

  it('drops pages past a known end (unordered): the empty page 3 answers first, page 4 never counts', async () => {
    // Page 3 (empty: the end) answers once pages 1–4 were asked for, pages 1–2 after it, page 4 never:
    // getAll can only resolve by dropping and aborting page 4.
    const requests = arrivals();
    let endSent: () => void = () => undefined;
    const end = new Promise<void>((resolve) => (endSent = resolve));
    server = await startServer({
      count: 10,
      hold: ({ currentPage }) => {
        requests.arrived(currentPage);
        if (currentPage === 3) return requests.until([1, 2, 3, 4]).then(() => endSent());
        return currentPage === 4 ? requests.never : end;
      },
      override: ({ currentPage }, res) => {
        if (currentPage !== 4 && currentPage !== 3) return false;
        const items = currentPage === 4 ? [{ id: 'ghost' }] : [];
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ managedObjects: items, statistics: { currentPage, pageSize: 5 } }));
        return true;
      },
    });
    const items = await getAll(server.client(), inventory, undefined, { pageSize: 5, workers: 4 });
    expect(idsOf(items).sort((a, b) => Number(a) - Number(b))).toEqual(range(1, 10));
    await server.settled();
    expect(server.requests.find((request) => request.currentPage === 4)?.aborted).toBe(true);
  });

  it('limit: requests only the pages it needs and trims the last one to the first items of the collection', async () => {
    server = await startServer({ count: 100, delay: reversedDelays });
    const items = await getAll(server.client(), inventory, undefined, { pageSize: 10, workers: 10, limit: 25 });
    // Unordered, pages come in completion order: the items are the collection's first 25, each once.
    expect(items).toHaveLength(25);
    expect(ascending(idsOf(items))).toEqual(range(1, 25));
    expect(ascending(server.pages.map(String))).toEqual(['1', '2', '3']);
    expect(server.requests.every((request) => request.pageSize === 10)).toBe(true);
  });

  it('limit with ordered: the first items in server order, although later pages answer first', async () => {
    server = await startServer({ count: 100, delay: reversedDelays });
    const items = await getAll(server.client(), inventory, undefined, { pageSize: 10, workers: 10, limit: 25, ordered: true });
    expect(idsOf(items)).toEqual(range(1, 25));
    expect(ascending(server.pages.map(String))).toEqual(['1', '2', '3']);
  });

  it('backpressure: a consumer that stops pulling stops new requests (at most `workers` pages held)', async () => {
    server = await startServer({ count: 1_000 });
    const tracked = trackedFetch();
    const iterator = select(server.client({ fetch: tracked.fetch }), inventory, undefined, { pageSize: 10, workers: 3 }).byPage()[Symbol.asyncIterator]();
    await iterator.next(); // holds one page
    expect(tracked.started()).toBe(3); // speculative from the start: `workers` requests
    // Every reply arrives while the consumer holds its page: none of them starts another request.
    await until(() => server?.requests.every((request) => request.answered) === true);
    await tracked.idle();
    expect(tracked.started()).toBe(3);
    expect(server.requests).toHaveLength(3);
    // One more pull frees one place: exactly one more request.
    await iterator.next();
    await tracked.idle();
    expect(tracked.started()).toBe(4);
    await iterator.return?.();
    await server.settled();
    expect(server.inFlight).toBe(0);
    expect(server.requests).toHaveLength(4);
  });

  it('breaking out of for-await aborts the requests still in flight', async () => {
    server = await startServer({ count: 1_000, delay: ({ currentPage }) => (currentPage === 1 ? 0 : 5_000) });
    const seen: unknown[] = [];
    for await (const item of select(server.client(), inventory, undefined, { pageSize: 10, workers: 5 })) {
      seen.push(item);
      if (seen.length === 3) {
        await until(() => server?.requests.length === 5);
        break;
      }
    }
    expect(idsOf(seen)).toEqual(range(1, 3)); // the first items of page 1, the only page answered
    await server.settled();
    expect(server.inFlight).toBe(0);
    expect(server.aborted).toBe(4); // pages 2–5 were running
  });

  it('the caller signal aborts everything in flight and rejects with its reason', async () => {
    server = await startServer({ count: 1_000, delay: ({ currentPage }) => (currentPage === 1 ? 0 : 5_000) });
    const controller = new AbortController();
    const reason = new Error('user cancelled');
    const seen: unknown[] = [];
    const run = (async () => {
      for await (const item of select(server.client(), inventory, undefined, { pageSize: 10, workers: 5, signal: controller.signal })) seen.push(item);
    })();
    await until(() => server?.requests.length === 6); // page 1 consumed, pages 2–6 running
    controller.abort(reason);
    await expect(run).rejects.toBe(reason);
    expect(seen).toHaveLength(10);
    await server.settled();
    expect(server.inFlight).toBe(0);
    expect(server.aborted).toBe(5);
  });

  it('an already aborted signal sends nothing', async () => {
    server = await startServer({ count: 10 });
    const reason = new Error('too late');
    await expect(getAll(server.client(), inventory, undefined, { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    expect(server.requests).toHaveLength(0);
  });

  it('a failing page rejects the iteration and aborts the other requests', async () => {
    // Page 1 answers once pages 1–4 were asked for and is consumed (which asks for page 5); then
    // page 2 fails; pages 3–5 never answer.
    const requests = arrivals();
    server = await startServer({
      count: 1_000,
      hold: ({ currentPage }) => {
        requests.arrived(currentPage);
        if (currentPage === 1) return requests.until([1, 2, 3, 4]);
        return currentPage === 2 ? requests.until([5]) : requests.never;
      },
      override: ({ currentPage }, res) => {
        if (currentPage !== 2) return false;
        res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'inventory/Boom', message: 'boom' }));
        return true;
      },
    });
    await expect(getAll(server.client(), inventory, undefined, { pageSize: 10, workers: 4 })).rejects.toMatchObject({ name: 'ServerError', status: 500 });
    await server.settled();
    expect(server.inFlight).toBe(0);
    expect(server.requests.filter((request) => request.aborted).map((request) => request.currentPage)).toEqual([3, 4, 5]);
  });

  it('workers share the client limiter: maxConcurrent caps requests below workers', async () => {
    server = await startServer({ count: 200, delay: () => 10 });
    const items = await getAll(server.client({ maxConcurrent: 2 }), inventory, undefined, { pageSize: 10, workers: 8 });
    expect(items).toHaveLength(200);
    expect(server.maxInFlight).toBeLessThanOrEqual(2);
  });
});
