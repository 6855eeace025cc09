import type { AuthStrategy } from '../auth/auth-strategy.js';
import type { RetryOption } from '../retry/retry-policy.js';
import type { QueryParams } from './query-string.js';

/**
 * `X-Cumulocity-Processing-Mode`: `PERSISTENT` (default: store and notify), `TRANSIENT`
 * (notify only), `QUIESCENT` (store, no real-time notifications), `CEP` (neither stored nor notified).
 */
export type ProcessingMode = 'PERSISTENT' | 'TRANSIENT' | 'QUIESCENT' | 'CEP';

/**
 * The standard `fetch` signature (`typeof fetch` fits): inject your own for tests, proxies or
 * instrumentation. The client calls it as `fetch(url, init)`: the URL as a string, and `init`
 * with the method, the headers (auth applied), the body as prepared (a JSON string, bytes, a
 * `Blob`, `FormData`, a stream…), `redirect: 'manual'`, `duplex: 'half'` and the attempt's signal.
 * A wrapper only has to pass both on.
 *
 * @example
 * ```ts
 * const fetch: FetchFunction = (input, init) => {
 *   console.log(init?.method, String(input));
 *   return globalThis.fetch(input, init);
 * };
 * ```
 */
export type FetchFunction = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/**
 * Options of {@link CumulocityRestClient}. Validated at construction: a bad option throws an
 * `InvalidInputError` naming it.
 *
 * @example
 * ```ts
 * const client = new CumulocityRestClient({
 *   baseUrl: 'mytenant.cumulocity.com',            // https:// is added
 *   auth: new BasicAuth('t100/admin', 'secret'),
 *   applicationKey: 'my-app-key',
 *   maxConcurrent: 20,
 * });
 * ```
 */
export interface RestClientOptions {
  /** The tenant's URL. `https://` is added when no scheme is given; a path prefix is kept; a trailing slash is ignored. */
  baseUrl: string;
  /** How to authenticate: `BasicAuth`, `BearerAuth`, `CookieAuth`, or your own strategy. */
  auth: AuthStrategy;
  /** The tenant id, if known. Otherwise taken from the credentials, or from `GET /tenant/currentTenant` when needed. */
  tenantId?: string;
  /** Sent as `X-Cumulocity-Application-Key`, marking requests as application (not device) traffic. */
  applicationKey?: string;
  /** Default `X-Cumulocity-Processing-Mode` for POST, PUT and DELETE. Per call too. */
  processingMode?: ProcessingMode;
  /**
   * Milliseconds one attempt may take, reply body included; for a body handed to you as a stream
   * (`download()`), the longest wait for its next chunk. `false` disables. @default 60_000
   */
  timeout?: number | false;
  /** Milliseconds a call may take with all its retries and waits. `false` disables. @default false */
  totalTimeout?: number | false;
  /** Retry policy (see `RetryPolicy`); a number is the retry limit; `false` never retries. @default `defaultRetryPolicy` (8 retries, 2 min budget) */
  retry?: RetryOption;
  /** Most requests this client has in flight at once (one queue per client). @default 10 */
  maxConcurrent?: number;
  /**
   * The most bytes a reply body read into memory may have (JSON, text, bytes, `downloadBytes`),
   * counted after decompression while it streams in: a larger reply ends the call with a
   * `ResponseFormatError` naming the limit, before it is buffered (a gzip bomb stops at the
   * limit). `false` disables. Per call too; a body handed to you as a stream (`download()`,
   * `responseType: 'stream'`/`'response'`) is capped only by a per-call value.
   * @default 67_108_864 (64 MiB)
   */
  maxResponseBytes?: number | false;
  /** Headers sent with every request (values must not contain CR or LF). */
  headers?: Readonly<Record<string, string>>;
  /** The fetch implementation. @default globalThis.fetch */
  fetch?: FetchFunction;
}

/** What a reply body is turned into. */
export type ResponseType = 'json' | 'text' | 'bytes' | 'stream' | 'response';

/**
 * What every call of the SDK accepts, last, to override the client's settings for that call: the
 * base of every options type (requests, paging, counts, bulk runs, model object methods).
 *
 * @example
 * ```ts
 * await alarms.getAll({ status: 'ACTIVE' }, { signal: AbortSignal.timeout(30_000), headers: { 'X-Trace': 'abc' } });
 * ```
 */
export interface CallOptions {
  /** Aborts the call, its retries and its waits. */
  signal?: AbortSignal;
  /** Per-attempt timeout in milliseconds; `false` disables. @default the client's (60 s) */
  timeout?: number | false;
  /** Timeout of the whole call with all its retries and waits; `false` disables. @default the client's (none) */
  totalTimeout?: number | false;
  /** Retry policy for this call. @default the client's */
  retry?: RetryOption;
  /** Extra headers for this call (values must not contain CR or LF). */
  headers?: Readonly<Record<string, string>>;
  /** `X-Cumulocity-Processing-Mode` for this call's writes. @default the client's */
  processingMode?: ProcessingMode;
  /**
   * Extra query parameters, sent unchanged (arrays repeat the key; `undefined` dropped): the
   * escape hatch for parameters an API accepts that a filter type does not declare.
   */
  params?: QueryParams;
}

/**
 * Per-call options of the low-level request methods ({@link CallOptions} plus how the body and
 * the reply are typed).
 *
 * @example
 * ```ts
 * await client.get('/inventory/managedObjects', { params: { type: 'c8y_Device' }, signal, timeout: 5_000 });
 * ```
 */
export interface RequestOptions extends CallOptions {
  /** `Accept` header. @default 'application/json' */
  accept?: string;
  /** `Content-Type` of a JSON body. @default 'application/json' */
  contentType?: string;
  /** How to read the reply body. @default 'json' */
  responseType?: ResponseType;
  /**
   * The most bytes of the reply body (after decompression), for this call; also caps a body
   * handed to you as a stream. `false` disables. @default the client's (64 MiB; streams: none)
   */
  maxResponseBytes?: number | false;
}

/** Options of `request()`: per-call options plus a body. */
export interface RequestOptionsWithBody extends RequestOptions {
  /** A JSON-serialisable value, or raw bytes/stream/form data sent as they are. */
  body?: unknown;
}
