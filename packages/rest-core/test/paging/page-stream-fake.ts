import type { RequestOptions } from '../../src/client/options.js';
import type { RestClient } from '../../src/index.js';
import type { PageStreamPlan } from '../../src/paging/index.js';

/**
 * A `RestClient` whose `get` replies only when the test says so, for `streamPages` tests that
 * control the exact order replies arrive in. It records every request (query, options, signal),
 * and every abort with its reason, in one event log.
 */

export const base = 'https://t1.example.com';
export const path = '/inventory/managedObjects';
export const mediaType = 'application/vnd.com.nsn.cumulocity.managedobjectcollection+json';

export interface FakeCall {
  readonly index: number;
  readonly path: string;
  /** The query as sent (`URLSearchParams` order, e.g. `type=x&pageSize=5&currentPage=2`). */
  readonly query: string;
  readonly params: URLSearchParams;
  readonly options: RequestOptions;
  readonly signal: AbortSignal;
  /** `currentPage` as a number (`NaN` when the query has none). */
  readonly page: number;
  answered: boolean;
  /** Aborted while still unanswered. */
  aborted: boolean;
  /** The abort reason, whenever the signal was aborted (also after the answer). */
  abortReason: unknown;
  /** Answers with this body. */
  reply(body: unknown): void;
  /** Fails with this error. */
  fail(error: unknown): void;
}

export interface FakeClientOptions {
  /** Answers a request at once with the returned body; `undefined` leaves it to the test. */
  respond?: (call: FakeCall) => unknown;
  /** What `get` rejects with when its signal aborts (default: the signal's reason, as the real client). */
  abortError?: (call: FakeCall) => unknown;
}

export class FakeClient {
  readonly calls: FakeCall[] = [];
  /** `get <query>`, `abort <query>`, in the order they happened. */
  readonly events: string[] = [];
  readonly client: RestClient;
  #waiters: Array<() => void> = [];

  constructor(options: FakeClientOptions = {}) {
    const get = (callPath: string, requestOptions: RequestOptions = {}): Promise<unknown> => {
      const params = new URLSearchParams(toEntries(requestOptions.params));
      const signal = requestOptions.signal as AbortSignal;
      let resolve: (body: unknown) => void = () => undefined;
      let reject: (error: unknown) => void = () => undefined;
      const promise = new Promise<unknown>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      const call: FakeCall = {
        index: this.calls.length,
        path: callPath,
        query: params.toString(),
        params,
        options: requestOptions,
        signal,
        page: Number(params.get('currentPage') ?? Number.NaN),
        answered: false,
        aborted: false,
        abortReason: undefined,
        reply: (body) => {
          if (call.answered || call.aborted) throw new Error(`request ${call.query} is already settled`);
          call.answered = true;
          resolve(structuredClone(body));
        },
        fail: (error) => {
          if (call.answered || call.aborted) throw new Error(`request ${call.query} is already settled`);
          call.answered = true;
          reject(error);
        },
      };
      signal.addEventListener('abort', () => {
        call.abortReason = signal.reason;
        this.events.push(`abort ${call.query}`);
        if (call.answered) return;
        call.aborted = true;
        reject(options.abortError === undefined ? signal.reason : options.abortError(call));
      });
      this.calls.push(call);
      this.events.push(`get ${call.query}`);
      for (const wake of this.#waiters.splice(0)) wake();
      const body = options.respond?.(call);
      if (body !== undefined) call.reply(body);
      return promise;
    };
    this.client = { baseUrl: base, get } as unknown as RestClient;
  }

  /** Resolves once `count` requests were sent. */
  async requested(count: number): Promise<void> {
    while (this.calls.length < count) await new Promise<void>((resolve) => this.#waiters.push(resolve));
  }

  /** The request for `currentPage = page` (the first one). */
  page(page: number): FakeCall {
    const call = this.calls.find((candidate) => candidate.page === page);
    if (call === undefined) throw new Error(`page ${page} was not requested (requested: ${this.calls.map((c) => c.query).join(', ')})`);
    return call;
  }

  /** `currentPage` of every request, in request order. */
  get pages(): number[] {
    return this.calls.map((call) => call.page);
  }

  /** `currentPage` of the requests aborted while unanswered. */
  get abortedPages(): number[] {
    return this.calls.filter((call) => call.aborted).map((call) => call.page);
  }
}

function toEntries(params: RequestOptions['params']): string[][] {
  if (params === undefined) return [];
  if (params instanceof URLSearchParams) return [...params.entries()];
  return Object.entries(params).map(([key, value]) => [key, String(value)]);
}

/** Lets every pending promise continuation run (replies reach the engine's queue). */
export const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** A plan for `streamPages` on the managed objects collection; `pageSize` 2, one worker, unordered. */
export function planFor(client: RestClient, overrides: Partial<PageStreamPlan> = {}): PageStreamPlan {
  return {
    client,
    resource: { name: 'managedObject', collectionKey: 'managedObjects', collectionMediaType: mediaType },
    path,
    params: {},
    pageSize: 2,
    limit: undefined,
    startPage: 1,
    workers: 1,
    ordered: false,
    signal: undefined,
    ...overrides,
  };
}

/** Items `{ id }` for the given ids. */
export const items = (...ids: Array<string | number>): Array<{ id: string | number }> => ids.map((id) => ({ id }));

/** A page-numbered reply: `managedObjects` plus `statistics`. */
export const reply = (managedObjects: unknown[], statistics: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) => ({
  managedObjects,
  statistics,
  ...extra,
});

/** Ids of the items of pages. */
export const idsOf = (pages: ReadonlyArray<{ items: readonly unknown[] }>): unknown[] =>
  pages.flatMap((page) => page.items.map((item) => (item as { id?: unknown }).id));
