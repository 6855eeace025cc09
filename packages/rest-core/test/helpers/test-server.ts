import { afterEach, beforeAll, beforeEach } from '@jest/globals';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/** One request as the server saw it. */
export interface RecordedRequest {
  /** 0 for the first request this server received (in this test), 1 for the next… */
  readonly index: number;
  readonly method: string;
  /** Path and query, as sent on the wire. */
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  /** The body bytes; complete once the handler runs. */
  body: Buffer;
  /** True once the connection closed before the response was ended (the client gave up). */
  closedEarly: boolean;
  /** Resolves when the response closes: `true` if the client closed it before the response ended. */
  readonly closed: Promise<boolean>;
}

/** Answers one request; it runs after the request body has been read. */
export type Handler = (request: RecordedRequest, res: ServerResponse, raw: IncomingMessage) => void | Promise<void>;

/**
 * A `node:http` server on 127.0.0.1, port 0, with a per-test handler. It records every
 * request (method, url, headers, body bytes), tracks requests in flight, and on `close()`
 * destroys every socket, stalled ones included.
 */
export class TestServer {
  readonly requests: RecordedRequest[] = [];
  /** Requests whose response has not closed yet. */
  inFlight = 0;
  /** The most requests in flight at once. */
  maxInFlight = 0;
  /** Errors thrown by handlers; `close()` rethrows the first. */
  readonly handlerErrors: unknown[] = [];
  #server: Server | undefined;
  #url: string | undefined;
  #handler: Handler = (_request, res) => sendJson(res, 200, {});
  readonly #sockets = new Set<Socket>();

  /** `http://127.0.0.1:<port>`. */
  get url(): string {
    if (this.#url === undefined) throw new Error('the test server is not started');
    return this.#url;
  }

  /** How many requests reached the server (counted when their head arrived). */
  get count(): number {
    return this.requests.length;
  }

  /** Sets how the server answers from now on. */
  handle(handler: Handler): void {
    this.#handler = handler;
  }

  async start(): Promise<void> {
    const server = createServer((raw, res) => this.#onRequest(raw, res));
    server.on('connection', (socket: Socket) => {
      this.#sockets.add(socket);
      socket.on('close', () => this.#sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no TCP address');
    this.#server = server;
    this.#url = `http://127.0.0.1:${address.port}`;
  }

  async close(): Promise<void> {
    const server = this.#server;
    this.#server = undefined;
    if (server === undefined) return;
    for (const socket of this.#sockets) socket.destroy();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    if (this.handlerErrors.length > 0) throw this.handlerErrors[0];
  }

  #onRequest(raw: IncomingMessage, res: ServerResponse): void {
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    let markClosed: (early: boolean) => void = () => undefined;
    const request: RecordedRequest = {
      index: this.requests.length,
      method: raw.method ?? '',
      url: raw.url ?? '',
      headers: raw.headers,
      body: Buffer.alloc(0),
      closedEarly: false,
      closed: new Promise<boolean>((resolve) => (markClosed = resolve)),
    };
    this.requests.push(request);
    res.on('close', () => {
      this.inFlight--;
      request.closedEarly = !res.writableEnded;
      markClosed(request.closedEarly);
    });
    const chunks: Buffer[] = [];
    raw.on('data', (chunk: Buffer) => chunks.push(chunk));
    raw.on('error', () => undefined); // a client that goes away mid-body is expected in these tests
    raw.on('end', () => {
      request.body = Buffer.concat(chunks);
      Promise.resolve()
        .then(() => this.#handler(request, res, raw))
        .catch((error: unknown) => {
          this.handlerErrors.push(error);
          res.destroy();
        });
    });
  }
}

let warmedUp: Promise<void> | undefined;

/**
 * Loads and exercises `fetch` once per test file. Its first use in a fresh module registry
 * takes a few hundred milliseconds, which would otherwise eat into the first test's short
 * timeouts (an attempt could time out before its request even left the client).
 */
export function warmUpFetch(): Promise<void> {
  warmedUp ??= (async () => {
    const server = new TestServer();
    await server.start();
    try {
      await (await fetch(server.url)).arrayBuffer();
    } finally {
      await server.close();
    }
  })();
  return warmedUp;
}

/**
 * A fresh test server for every test of the calling file (or `describe`): started in
 * `beforeEach`, closed with all its sockets in `afterEach`. `fetch` is warmed up in `beforeAll`.
 */
export function useTestServer(): TestServer {
  let current: TestServer | undefined;
  beforeAll(warmUpFetch);
  const proxy = new Proxy({} as TestServer, {
    get(_target, key) {
      if (current === undefined) throw new Error('the test server only exists inside a test');
      const value: unknown = Reflect.get(current, key, current);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(current) : value;
    },
  });
  beforeEach(async () => {
    current = new TestServer();
    await current.start();
  });
  afterEach(async () => {
    const server = current;
    current = undefined;
    await server?.close();
  });
  return proxy;
}

/** Ends `res` with a JSON body. */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** Kills the connection of `res` without any reply (a TCP reset as far as the client can tell). */
export function resetConnection(res: ServerResponse): void {
  res.socket?.resetAndDestroy();
}

/** Resolves after `ms` milliseconds. */
export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Resolves once `condition()` holds, polling every 5 ms; rejects after `timeoutMs`. */
export async function waitFor(condition: () => boolean, timeoutMs = 2_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error(`condition not met within ${timeoutMs} ms`);
    await delay(5);
  }
}

/** A promise with its resolve function, to hold a handler until the test releases it. */
export function gate(): { promise: Promise<void>; open: () => void } {
  let open: () => void = () => undefined;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

/** Parses a recorded `multipart/form-data` body with the web `Request.formData()` parser. */
export function parseMultipart(request: RecordedRequest): Promise<FormData> {
  const contentType = request.headers['content-type'];
  if (contentType === undefined) throw new Error('the request has no Content-Type');
  return new Request('http://multipart.invalid/', {
    method: 'POST',
    headers: { 'content-type': contentType },
    body: new Uint8Array(request.body),
  }).formData();
}
