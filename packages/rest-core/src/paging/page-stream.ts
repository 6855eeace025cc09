import type { CallOptions } from '../client/options.js';
import type { QueryParams } from '../client/query-string.js';
import type { RestClient } from '../client/rest-client-interface.js';
import { isCumulocityError } from '../errors/is-cumulocity-error.js';
import { ResponseFormatError } from '../errors/response-format-error.js';
import type { QueryRecord } from '../query/query-record.js';
import { describeUrl, readCollectionReply, type CollectionReply } from './envelope.js';
import { readNextLink } from './next-link.js';
import type { JsonObject, Page } from './types.js';

/**
 * Everything one read of a collection needs; built and validated by `select`.
 *
 * @example
 * ```ts
 * const plan: PageStreamPlan = {
 *   client, resource: inventory, path: '/inventory/managedObjects', params: { type: 'c8y_Device' },
 *   pageSize: 100, limit: undefined, startPage: 1, workers: 4, ordered: false, signal: undefined,
 * };
 * ```
 */
export interface PageStreamPlan {
  readonly client: RestClient;
  readonly resource: { readonly name: string; readonly collectionKey: string; readonly collectionMediaType?: string };
  /** The collection path, `{tenantId}` already replaced. */
  readonly path: string;
  /** The filters as query parameters (no paging parameters). */
  readonly params: QueryRecord;
  /** Items per page request (already ≤ limit and ≤ 2000). */
  readonly pageSize: number;
  /** Items wanted in total; `undefined` = all. */
  readonly limit: number | undefined;
  /** First page number (1-based). */
  readonly startPage: number;
  /** Page requests in flight at once, and the most pages held. */
  readonly workers: number;
  /** Yield pages in page order (else in completion order). */
  readonly ordered: boolean;
  readonly signal: AbortSignal | undefined;
  /** What every page request carries besides paging: headers, timeouts, retry policy. */
  readonly request?: CallOptions;
}

type Settled = { readonly ok: true; readonly reply: CollectionReply } | { readonly ok: false; readonly error: unknown };

interface PageRequest {
  readonly pageNumber: number;
  readonly controller: AbortController;
  settled?: Settled;
}

const stopped = (): Error => Object.assign(new Error('Paging stopped: the request is no longer needed'), { name: 'AbortError' });

/**
 * Restricted paging: this many empty pages in a row, each with a `next` link further on, end the
 * read with a `ResponseFormatError`. A legitimate empty page means a scan window of
 * 10 × max(pageSize, 100) documents held nothing visible; 20 in a row is ≥ 20,000 documents
 * without a match, and a server that ignores the offset would go on forever.
 */
export const maxEmptyPagesInARow = 20;

/**
 * A fingerprint of a page's items, to recognise a page the server sent again: their ids (or
 * `self` links, or the JSON of items that have neither), hashed (53 bits) with the item count.
 */
function fingerprintOf(items: readonly JsonObject[]): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  const mix = (text: string) => {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ code, 2654435761);
      h2 = Math.imul(h2 ^ code, 1597334677);
    }
    h1 = Math.imul(h1 ^ 0x1f, 2654435761); // separator
  };
  for (const item of items) {
    // Items are not checked one by one: null or a primitive has no id or self (JSON is used).
    const record = item as Record<string, unknown> | null;
    const id = record?.['id'];
    const self = record?.['self'];
    mix(typeof id === 'string' || typeof id === 'number' ? `i${id}` : typeof self === 'string' ? `s${self}` : `j${JSON.stringify(item)}`);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return `${items.length}:${(4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36)}`;
}

/**
 * Notes on an SDK error how many items the read had delivered before it failed
 * (`error.itemsReceived`), unless a deeper read already did.
 */
function noteItemsReceived(error: unknown, delivered: number): void {
  if (!isCumulocityError(error) || error.itemsReceived !== undefined) return;
  error.itemsReceived = delivered;
}

/**
 * Reads a collection as a stream of pages (the engine under `select`).
 *
 * **Page-numbered paging** (the usual): up to `workers` requests `currentPage = k, k+1, …` are in
 * flight speculatively from the start; `withTotalPages` is never sent. An empty page ends the
 * collection before it, a short page at it, `limit` at page `ceil(limit / pageSize)` (no page past
 * it is ever requested); requests past the end are aborted and their items never yielded. Pages are yielded
 * in completion order, or in page order when `ordered`. At most `workers` pages are in flight or
 * waiting for the consumer: new requests start only when the consumer pulls (backpressure).
 *
 * **Restricted paging** (users with only inventory roles, OAS "Query result paging for users with
 * restricted access"): detected when a reply's `statistics.currentPage` differs from the page
 * number requested (it is then the offset of the next unprocessed element). The speculative
 * requests are discarded; the first page is yielded once and then the `next` links are followed
 * one after another (query only, sent to the client's base URL; `pageSize` lowered to what
 * `limit` still needs). It ends at a missing `next`, a `next` seen before or not moving forward,
 * or an empty page whose `currentPage` did not move forward — an empty page whose offset moved
 * on only means the server's scan window held nothing visible, and more may follow (up to
 * 20 in a row, `maxEmptyPagesInARow`).
 *
 * **A server that does not page** cannot make the read go on forever: a page whose items (by id)
 * repeat the page before or after it — a server that ignores `currentPage`, or a proxy that
 * strips it, sends the same full page for every number — and more than 20 empty pages in a
 * row with `next` links ever further on (`maxEmptyPagesInARow`) end the
 * read with a `ResponseFormatError`; a reply's `statistics.totalPages`, when given, ends the
 * collection at that page (no page past it is requested, nor yielded).
 *
 * When the read fails, the error (an SDK error) says in `itemsReceived` how many items had been
 * yielded before.
 *
 * Leaving the loop (`return`), an error or the plan's `signal` aborts every request in flight.
 *
 * @example
 * ```ts
 * for await (const page of streamPages(plan)) console.log(page.pageNumber ?? page.offset, page.items.length);
 * ```
 */
export async function* streamPages(plan: PageStreamPlan): AsyncGenerator<Page<JsonObject>, void, undefined> {
  const { client, resource, path, params, pageSize, limit, startPage, workers, ordered, signal } = plan;
  const accept = resource.collectionMediaType;
  const controllers = new Set<AbortController>();
  const onAbort = () => {
    for (const controller of controllers) controller.abort(signal?.reason);
  };

  const request = (query: QueryParams, controller: AbortController): Promise<Settled> => {
    controllers.add(controller);
    requests++;
    // The URL is spelled out only for an error: a well-formed page never needs it.
    const description = {
      method: 'GET',
      get url() {
        return describeUrl(client.baseUrl, path, query);
      },
    };
    return client
      .get(path, { ...plan.request, params: query, signal: controller.signal, ...(accept === undefined ? {} : { accept }) })
      .then(
        (body): Settled => {
          try {
            return { ok: true, reply: readCollectionReply(body, resource, description) };
          } catch (error) {
            return { ok: false, error };
          }
        },
        (error: unknown): Settled => ({ ok: false, error }),
      )
      .finally(() => controllers.delete(controller));
  };

  const makePage = (reply: CollectionReply, items: JsonObject[], pageNumber: number | undefined, offset: number | undefined): Page<JsonObject> => ({
    items,
    statistics: reply.statistics,
    pageNumber,
    offset,
    restricted: offset !== undefined,
    self: reply.self,
    next: reply.next,
  });

  let delivered = 0;
  const deliver = (page: Page<JsonObject>): Page<JsonObject> => {
    delivered += page.items.length;
    return page;
  };
  let requests = 0;
  const notPaging = (problem: string, query: QueryParams) =>
    new ResponseFormatError(`${problem}: the server does not page ${resource.name}s (a proxy may strip currentPage); stopped after ${requests} requests`, {
      method: 'GET',
      url: describeUrl(client.baseUrl, path, query),
    });

  // Follows `next` links one after another, starting with the reply for `startPage`.
  async function* followNextLinks(first: CollectionReply): AsyncGenerator<Page<JsonObject>, void, undefined> {
    const firstQuery = new URLSearchParams(Object.entries({ ...params, pageSize, currentPage: startPage }).map(([key, value]) => [key, String(value)]));
    firstQuery.sort();
    let reply = first;
    /** The query of the page in hand, for errors. */
    let query: QueryParams = firstQuery;
    let position: number | undefined = startPage;
    let remaining = limit ?? Number.POSITIVE_INFINITY;
    let previous: string | undefined;
    let emptyInARow = 0;
    const seen = new Set<string>();
    seen.add(firstQuery.toString());
    for (;;) {
      if (reply.items.length > 0) {
        const fingerprint = fingerprintOf(reply.items);
        if (fingerprint === previous) throw notPaging(`the page at offset ${String(position)} repeats the items of the page before`, query);
        previous = fingerprint;
        emptyInARow = 0;
      } else if (++emptyInARow > maxEmptyPagesInARow) {
        throw notPaging(`${emptyInARow} empty pages in a row, each with a "next" link further on`, query);
      }
      const items = reply.items.length > remaining ? reply.items.slice(0, remaining) : reply.items;
      remaining -= items.length;
      if (items.length > 0) yield deliver(makePage(reply, items, undefined, position ?? reply.statistics?.currentPage ?? 0));
      signal?.throwIfAborted();
      if (remaining <= 0 || reply.next === undefined) return;
      const reached = reply.statistics?.currentPage;
      if (reply.items.length === 0 && !(reached !== undefined && position !== undefined && reached > position)) return;
      const next = readNextLink(reply.next, path, client.baseUrl);
      if (seen.has(next.key)) return;
      if (position !== undefined && next.position !== undefined && next.position <= position) return;
      seen.add(next.key);
      if (Number.isFinite(remaining)) next.params.set('pageSize', String(Math.min(pageSize, remaining)));
      position = next.position;
      query = next.params;
      const settled = await request(next.params, new AbortController());
      if (!settled.ok) throw settled.error;
      reply = settled.reply;
    }
  }

  if (signal !== undefined) {
    signal.throwIfAborted();
    signal.addEventListener('abort', onAbort);
  }
  try {
    // limit 0 makes lastPage startPage - 1 (NaN with pageSize 0, as select sets it): nothing is requested.
    let lastPage = limit === undefined ? Number.POSITIVE_INFINITY : startPage + Math.ceil(limit / pageSize) - 1;
    let nextNumber = startPage;
    let nextToYield = startPage;
    let yielded = false;
    const inFlight = new Map<number, PageRequest>();
    const ready = new Map<number, Page<JsonObject>>();
    /** Fingerprints of the non-empty pages that arrived, by page number. */
    const fingerprints = new Map<number, string>();
    const arrived: PageRequest[] = [];
    let wake: (() => void) | undefined;

    const start = (pageNumber: number) => {
      const entry: PageRequest = { pageNumber, controller: new AbortController() };
      inFlight.set(pageNumber, entry);
      void request({ ...params, pageSize, currentPage: pageNumber }, entry.controller).then((settled) => {
        entry.settled = settled;
        arrived.push(entry);
        const resume = wake;
        wake = undefined;
        resume?.();
      });
    };
    const nextArrival = async (): Promise<PageRequest> => {
      for (;;) {
        const entry = arrived.shift();
        if (entry !== undefined) {
          if (inFlight.get(entry.pageNumber) !== entry) continue; // cut off, before or after it arrived
          inFlight.delete(entry.pageNumber);
          return entry;
        }
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      }
    };
    const cutAfter = (pageNumber: number, keep?: number) => {
      lastPage = Math.min(lastPage, pageNumber);
      for (const [number, entry] of inFlight) {
        if (number > lastPage && number !== keep) {
          inFlight.delete(number);
          entry.controller.abort(stopped());
        }
      }
      for (const number of ready.keys()) if (number > lastPage) ready.delete(number);
    };

    for (;;) {
      signal?.throwIfAborted();
      while (inFlight.size + ready.size < workers && nextNumber <= lastPage) start(nextNumber++);
      const page = ordered ? ready.get(nextToYield) : ready.values().next().value;
      if (page !== undefined) {
        const number = page.pageNumber as number;
        ready.delete(number);
        nextToYield = number + 1;
        yielded = true;
        yield deliver(page);
        continue;
      }
      if (inFlight.size === 0) return;

      const entry = await nextArrival();
      const settled = entry.settled as Settled;
      if (!settled.ok) throw settled.error;
      const { reply } = settled;
      const number = entry.pageNumber;

      const reported = reply.statistics?.currentPage;
      if (reported !== undefined && reported !== number) {
        // Restricted paging: currentPage is an offset. Keep only the first page's request.
        if (yielded) {
          throw new ResponseFormatError(
            `page ${number} of ${resource.name}s reports currentPage ${reported} (offset paging for users with only inventory roles) after earlier pages did not: cannot page consistently`,
            { method: 'GET', url: describeUrl(client.baseUrl, path, params) },
          );
        }
        cutAfter(startPage - 1, startPage);
        let first: CollectionReply;
        if (number === startPage) {
          first = reply;
        } else {
          // Only startPage's request is left in flight (the others were cut off).
          const startEntry = await nextArrival();
          const startSettled = startEntry.settled as Settled;
          if (!startSettled.ok) throw startSettled.error;
          first = startSettled.reply;
        }
        yield* followNextLinks(first);
        return;
      }

      // The server's own count of pages, when it gives one, ends the collection there.
      const totalPages = reply.statistics?.totalPages;
      if (typeof totalPages === 'number' && Number.isInteger(totalPages) && totalPages >= 0) {
        cutAfter(totalPages);
        if (number > totalPages) continue;
      }
      if (reply.items.length === 0) {
        cutAfter(number - 1);
        continue;
      }
      // A server that ignores currentPage sends the same page for every number.
      const fingerprint = fingerprintOf(reply.items);
      for (const neighbour of [number - 1, number + 1]) {
        if (fingerprints.get(neighbour) === fingerprint) {
          throw notPaging(`page ${number} repeats the items of page ${neighbour}`, { ...params, pageSize, currentPage: number });
        }
      }
      fingerprints.set(number, fingerprint);
      // A server that trims pageSize reports its own; a page is short only against that.
      if (reply.items.length < Math.min(pageSize, reply.statistics?.pageSize ?? pageSize)) cutAfter(number);
      const allowed = limit === undefined ? reply.items.length : limit - (number - startPage) * pageSize;
      const items = reply.items.length > allowed ? reply.items.slice(0, allowed) : reply.items;
      ready.set(number, makePage(reply, items, number, undefined));
    }
  } catch (error) {
    if (!(signal?.aborted === true && error === signal.reason)) noteItemsReceived(error, delivered);
    throw error;
  } finally {
    signal?.removeEventListener('abort', onAbort);
    for (const controller of controllers) controller.abort(stopped());
  }
}
