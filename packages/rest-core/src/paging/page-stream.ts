import type { CallOptions } from '../client/options.js';
import type { QueryParams } from '../client/query-string.js';
import type { RestClient } from '../client/rest-client-interface.js';
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
 * on only means the server's scan window held nothing visible, and more may follow.
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

  // Follows `next` links one after another, starting with the reply for `startPage`.
  async function* followNextLinks(first: CollectionReply): AsyncGenerator<Page<JsonObject>, void, undefined> {
    let reply = first;
    let position: number | undefined = startPage;
    let remaining = limit ?? Number.POSITIVE_INFINITY;
    const seen = new Set<string>();
    const firstQuery = new URLSearchParams(Object.entries({ ...params, pageSize, currentPage: startPage }).map(([key, value]) => [key, String(value)]));
    firstQuery.sort();
    seen.add(firstQuery.toString());
    for (;;) {
      const items = reply.items.length > remaining ? reply.items.slice(0, remaining) : reply.items;
      remaining -= items.length;
      if (items.length > 0) yield makePage(reply, items, undefined, position ?? reply.statistics?.currentPage ?? 0);
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
      const settled = await request(next.params, new AbortController());
      if (!settled.ok) throw settled.error;
      reply = settled.reply;
    }
  }

  if (signal !== undefined) {
    signal.throwIfAborted();
    signal.addEventListener('abort', onAbort, { once: true });
  }
  try {
    if (limit === 0) return;
    let lastPage = limit === undefined ? Number.POSITIVE_INFINITY : startPage + Math.ceil(limit / pageSize) - 1;
    let nextNumber = startPage;
    let nextToYield = startPage;
    let yielded = false;
    const inFlight = new Map<number, PageRequest>();
    const ready = new Map<number, Page<JsonObject>>();
    const arrived: PageRequest[] = [];
    let wake: (() => void) | undefined;

    const start = (pageNumber: number) => {
      const entry: PageRequest = { pageNumber, controller: new AbortController() };
      inFlight.set(pageNumber, entry);
      void request({ ...params, pageSize, currentPage: pageNumber }, entry.controller).then((settled) => {
        if (inFlight.get(pageNumber) !== entry) return; // cut off meanwhile
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
          if (inFlight.get(entry.pageNumber) !== entry) continue; // cut off after it arrived
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
        yield page;
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
          let startEntry: PageRequest;
          do startEntry = await nextArrival();
          while (startEntry.pageNumber !== startPage);
          const startSettled = startEntry.settled as Settled;
          if (!startSettled.ok) throw startSettled.error;
          first = startSettled.reply;
        }
        yield* followNextLinks(first);
        return;
      }

      if (reply.items.length === 0) {
        cutAfter(number - 1);
        continue;
      }
      // A server that trims pageSize reports its own; a page is short only against that.
      if (reply.items.length < Math.min(pageSize, reply.statistics?.pageSize ?? pageSize)) cutAfter(number);
      const allowed = limit === undefined ? reply.items.length : limit - (number - startPage) * pageSize;
      const items = reply.items.length > allowed ? reply.items.slice(0, allowed) : reply.items;
      ready.set(number, makePage(reply, items, number, undefined));
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
    for (const controller of controllers) controller.abort(stopped());
  }
}
