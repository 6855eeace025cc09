import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { inventorySpec } from '../fixtures/query-specs.js';
import type { AddressInfo } from 'node:net';
import { CumulocityRestClient, type RestClientOptions } from '../../src/index.js';
import type { RequestOptions } from '../../src/client/options.js';
import type { RestClient } from '../../src/client/rest-client-interface.js';
import type { PagedResource } from '../../src/paging/index.js';
import { testAuth } from '../client/test-auth.js';

export const inventory: PagedResource = {
  name: 'managedObject',
  path: '/inventory/managedObjects',
  collectionKey: 'managedObjects',
  collectionMediaType: 'application/vnd.com.nsn.cumulocity.managedobjectcollection+json',
  querySpec: inventorySpec,
};

export interface Item {
  id: string;
  name: string;
  type: string;
}

export const makeItems = (count: number): Item[] =>
  Array.from({ length: count }, (_, index) => ({ id: String(index + 1), name: `device-${index + 1}`, type: 'c8y_Device' }));

/** Restricted-access simulation (OAS "Query result paging for users with restricted access"). */
export interface RestrictedMode {
  /** Whether the element at 1-based position is readable. */
  visible: (position: number) => boolean;
  /** Elements one request may scan. @default pageSize */
  scanWindow?: (pageSize: number) => number;
}

export interface CollectionServerOptions {
  /** The collection (default: `makeItems(count)`). */
  items?: readonly unknown[];
  count?: number;
  path?: string;
  key?: string;
  /** Delay before answering a request, in ms. */
  delay?: (request: { currentPage: number; pageSize: number; index: number }) => number;
  /** Holds the answer until the promise settles (explicit ordering without timers). */
  hold?: (request: { currentPage: number; pageSize: number; index: number }) => Promise<void> | undefined;
  restricted?: RestrictedMode;
  /** The origin written into `self`/`next` links (Cumulocity often uses the public domain). */
  linkOrigin?: string;
  /** Replaces the reply of a request (for malformed replies and faults). `undefined` = normal. */
  override?: (request: { currentPage: number; pageSize: number; index: number; url: URL }, res: ServerResponse) => boolean;
}

export interface RequestRecord {
  url: URL;
  currentPage: number;
  pageSize: number;
  aborted: boolean;
  answered: boolean;
}

/** A `node:http` server implementing `GET <path>` paging, recording concurrency and aborts. */
export class CollectionServer {
  readonly requests: RequestRecord[] = [];
  inFlight = 0;
  maxInFlight = 0;
  aborted = 0;
  #server: Server;
  #options: CollectionServerOptions;
  #items: readonly unknown[];
  #timers = new Set<NodeJS.Timeout>();
  baseUrl = '';

  constructor(options: CollectionServerOptions = {}) {
    this.#options = options;
    this.#items = options.items ?? makeItems(options.count ?? 0);
    this.#server = createServer((req, res) => this.#handle(req, res));
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
    this.baseUrl = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    for (const timer of this.#timers) clearTimeout(timer);
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  client(options: Partial<RestClientOptions> = {}): CumulocityRestClient {
    return new CumulocityRestClient({ baseUrl: this.baseUrl, auth: testAuth, retry: false, maxConcurrent: 50, ...options });
  }

  /** Page numbers (`currentPage`) requested, in request order. */
  get pages(): number[] {
    return this.requests.map((request) => request.currentPage);
  }

  /** Resolves once no request is open on the server side (answered or closed by the client). */
  async settled(timeoutMs = 2_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.inFlight > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
  }

  #handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', this.baseUrl);
    const path = this.#options.path ?? inventory.path;
    if (url.pathname !== path) {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'x/Not Found', message: url.pathname }));
      return;
    }
    const pageSize = Number(url.searchParams.get('pageSize') ?? '5');
    const currentPage = Number(url.searchParams.get('currentPage') ?? '1');
    const record: RequestRecord = { url, currentPage, pageSize, aborted: false, answered: false };
    const index = this.requests.push(record) - 1;
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    let open = true;
    const finish = () => {
      if (!open) return;
      open = false;
      this.inFlight--;
    };
    res.on('close', () => {
      if (!record.answered) {
        record.aborted = true;
        this.aborted++;
      }
      finish();
    });
    const answer = () => {
      if (!open) return;
      record.answered = true;
      if (this.#options.override?.({ currentPage, pageSize, index, url }, res)) return;
      const body = this.#options.restricted ? this.#restrictedPage(url, currentPage, pageSize) : this.#page(url, currentPage, pageSize);
      res.writeHead(200, { 'content-type': 'application/vnd.com.nsn.cumulocity.managedobjectcollection+json' }).end(JSON.stringify(body));
    };
    const held = this.#options.hold?.({ currentPage, pageSize, index });
    if (held !== undefined) {
      void held.then(answer);
      return;
    }
    const delay = this.#options.delay?.({ currentPage, pageSize, index }) ?? 0;
    if (delay <= 0) {
      answer();
      return;
    }
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      answer();
    }, delay);
    this.#timers.add(timer);
  }

  #link(url: URL, currentPage: number): string {
    const params = new URLSearchParams(url.searchParams);
    params.set('currentPage', String(currentPage));
    return `${this.#options.linkOrigin ?? this.baseUrl}${url.pathname}?${params.toString()}`;
  }

  #page(url: URL, currentPage: number, pageSize: number): Record<string, unknown> {
    const offset = (currentPage - 1) * pageSize;
    const items = this.#items.slice(offset, offset + pageSize);
    const body: Record<string, unknown> = {
      self: this.#link(url, currentPage),
      [this.#options.key ?? inventory.collectionKey]: items,
      statistics: { currentPage, pageSize },
    };
    if (items.length === pageSize) body.next = this.#link(url, currentPage + 1);
    if (currentPage > 1) body.prev = this.#link(url, currentPage - 1);
    return body;
  }

  #restrictedPage(url: URL, start: number, pageSize: number): Record<string, unknown> {
    const restricted = this.#options.restricted as RestrictedMode;
    const window = restricted.scanWindow?.(pageSize) ?? pageSize;
    const scanned = this.#items.slice(start - 1, start - 1 + window);
    const items: unknown[] = [];
    let processed = 0;
    for (const item of scanned) {
      processed++;
      if (restricted.visible(start + processed - 1)) items.push(item);
      if (items.length === pageSize) break;
    }
    const nextPosition = start + processed;
    const reachedEnd = start - 1 + processed >= this.#items.length;
    const body: Record<string, unknown> = {
      self: this.#link(url, start),
      [this.#options.key ?? inventory.collectionKey]: items,
      statistics: { currentPage: nextPosition, pageSize, totalPages: null, totalElements: null },
    };
    if (!reachedEnd) body.next = this.#link(url, nextPosition);
    return body;
  }
}

export async function startServer(options: CollectionServerOptions = {}): Promise<CollectionServer> {
  return new CollectionServer(options).start();
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A `fetch` for the client that counts the requests the client starts and tracks the ones whose
 * reply head has not arrived yet: `idle()` resolves once every started request has been answered
 * or has failed (an aborted one included), without waiting for any fixed time.
 */
export function trackedFetch(): { fetch: typeof globalThis.fetch; started: () => number; idle: () => Promise<void> } {
  let started = 0;
  const pending = new Set<Promise<Response>>();
  return {
    fetch: (input, init) => {
      started++;
      const response = globalThis.fetch(input, init);
      pending.add(response);
      const forget = () => pending.delete(response);
      response.then(forget, forget);
      return response;
    },
    started: () => started,
    idle: async () => {
      while (pending.size > 0) await Promise.allSettled([...pending]);
      // Let the continuations of the last replies run (they are queued behind the settlement).
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
}

/** Ids of items, for exactly-once checks. */
export const idsOf = (items: readonly unknown[]): string[] => items.map((item) => (item as { id: string }).id);

/** 1…n as strings. */
export const range = (from: number, to: number): string[] => Array.from({ length: to - from + 1 }, (_, index) => String(from + index));

/** Waits until `condition` holds (polling every 5 ms), failing after `timeoutMs`. */
export async function until(condition: () => boolean, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await sleep(5);
  }
}

/**
 * Answers pages 1…n in reverse order, one at a time: none until all n were requested, then page n,
 * and page k only once the consumer called `consumed(k + 1)`. Completion order is then exactly
 * n, n−1, …, 1 however loaded the machine is.
 */
export function reverseRelease(pages: number): {
  hold: (request: { currentPage: number }) => Promise<void>;
  consumed: (page: number | undefined) => void;
} {
  const gates = new Map<number, () => void>();
  return {
    hold: ({ currentPage }) =>
      new Promise<void>((resolve) => {
        gates.set(currentPage, resolve);
        if (gates.size === pages) gates.get(pages)?.();
      }),
    consumed: (page) => {
      if (page !== undefined) gates.get(page - 1)?.();
    },
  };
}

/**
 * Holds replies until conditions on the requests that arrived are met: `until(pages)` resolves
 * once every listed page was requested; `never` is a reply that never comes.
 */
export function arrivals(): {
  arrived: (page: number) => void;
  until: (pages: readonly number[]) => Promise<void>;
  never: Promise<void>;
} {
  const seen = new Set<number>();
  const waiters: Array<() => void> = [];
  return {
    arrived: (page) => {
      seen.add(page);
      for (const check of waiters) check();
    },
    until: (pages) =>
      new Promise<void>((resolve) => {
        const check = () => {
          if (pages.every((page) => seen.has(page))) resolve();
        };
        waiters.push(check);
        check();
      }),
    never: new Promise<void>(() => undefined),
  };
}

/** One `get` a {@link fakeClient} received: the path and the options object exactly as passed. */
export interface RecordedGet {
  path: string;
  options: RequestOptions | undefined;
}

/**
 * A `RestClient` double for the engines' contract with their client: `get` answers with
 * `answer(path, options)` and records each call's path and options object as passed (so a key
 * present with `undefined` shows under `toStrictEqual`); `getTenantId` records its options and
 * answers `tenantId`. Every other method fails the test.
 */
export function fakeClient(
  answer: (path: string, options: RequestOptions | undefined) => unknown,
  tenantId = 't100',
): { client: RestClient; gets: RecordedGet[]; tenantLookups: Array<{ signal?: AbortSignal } | undefined> } {
  const gets: RecordedGet[] = [];
  const tenantLookups: Array<{ signal?: AbortSignal } | undefined> = [];
  const unexpected = (): Promise<never> => Promise.reject(new Error('fakeClient: only get and getTenantId are expected'));
  const client: RestClient = {
    baseUrl: 'https://t100.example.com',
    get: async <T>(path: string, options?: RequestOptions) => {
      gets.push({ path, options });
      return answer(path, options) as T;
    },
    post: unexpected,
    put: unexpected,
    delete: unexpected,
    request: unexpected,
    uploadMultipart: unexpected,
    putBinary: unexpected,
    download: unexpected,
    downloadBytes: unexpected,
    getTenantId: async (options?: { signal?: AbortSignal }) => {
      tenantLookups.push(options);
      return tenantId;
    },
  };
  return { client, gets, tenantLookups };
}
