import ky, { type KyInstance } from 'ky';
import PQueue from 'p-queue';
import type { AuthStrategy } from '../auth/auth-strategy.js';
import type { RequestDescription } from '../errors/cumulocity-error.js';
import { InvalidInputError } from '../errors/invalid-input-error.js';
import { rememberCredentials } from '../errors/redact.js';
import { ResponseFormatError } from '../errors/response-format-error.js';
import { TimeoutError } from '../errors/timeout-error.js';
import { decideRetry } from '../retry/decide-retry.js';
import { resolveRetryPolicy } from '../retry/resolve-retry-policy.js';
import type { HttpMethod, RetryPolicy } from '../retry/retry-policy.js';
import { sendAttempt, type AttemptPlan, type AttemptResult, type ReplyReader } from './attempt.js';
import { defaultMaxResponseBytes, type StreamGuard } from './body.js';
import { resolveRequestUrl, normalizeBaseUrl } from './base-url.js';
import {
  contentDispositionFor,
  filenameFromContentDisposition,
  toBlob,
  toMultipartForm,
  type Download,
  type DownloadedBytes,
  type FileContent,
  type MultipartUpload,
} from './binary.js';
import { assertHeader, assertHeaders } from './headers.js';
import type { FetchFunction, ProcessingMode, RequestOptions, RequestOptionsWithBody, RestClientOptions } from './options.js';
import { toQueryString } from './query-string.js';
import { prepareBody } from './prepare-body.js';
import { guardedBody, readReply } from './read-reply.js';
import type { RestClient } from './rest-client-interface.js';
import { abortable, sleep } from './signals.js';
import { validateClientOptions, validateRequestOptions } from './validate-options.js';

const defaultTimeoutMs = 60_000;
const defaultMaxConcurrent = 10;
const writeMethods: ReadonlySet<HttpMethod> = new Set(['POST', 'PUT', 'DELETE', 'PATCH']);


/**
 * A client for one Cumulocity tenant: every request goes through one pipeline —
 * options → auth → retry → concurrency limit → fetch. Options are validated and frozen at
 * construction; per-call options override them for one request.
 *
 * @example
 * ```ts
 * const client = new CumulocityRestClient({
 *   baseUrl: 'https://mytenant.cumulocity.com',
 *   auth: new BasicAuth('t100/admin', process.env.C8Y_PASSWORD!),
 * });
 * const device = await client.get(apiPath`/inventory/managedObjects/${id}`, {
 *   accept: 'application/vnd.com.nsn.cumulocity.managedobject+json',
 * });
 * ```
 */
export class CumulocityRestClient implements RestClient {
  /** The normalised tenant URL, without a trailing slash. */
  readonly baseUrl: string;
  /** The auth strategy the client was built with. */
  readonly auth: AuthStrategy;
  /** The options as given (validated and frozen). */
  readonly options: Readonly<RestClientOptions>;
  readonly #retryPolicy: RetryPolicy;
  readonly #headers: Readonly<Record<string, string>>;
  readonly #fetch: FetchFunction;
  readonly #ky: KyInstance;
  #queue: PQueue | undefined;
  #tenantId: string | undefined;
  #tenantIdLookup: Promise<string> | undefined;

  constructor(options: RestClientOptions) {
    validateClientOptions(options);
    this.baseUrl = normalizeBaseUrl(options.baseUrl, 'options.baseUrl');
    assertHeaders(options.headers, 'options.headers');
    if (options.applicationKey !== undefined) {
      assertHeader('X-Cumulocity-Application-Key', options.applicationKey, 'options.applicationKey');
    }
    this.auth = options.auth;
    this.options = Object.freeze({ ...options, headers: options.headers && Object.freeze({ ...options.headers }) });
    this.#retryPolicy = resolveRetryPolicy(options.retry);
    this.#headers = {
      ...options.headers,
      ...(options.applicationKey === undefined ? {} : { 'X-Cumulocity-Application-Key': options.applicationKey }),
    };
    this.#tenantId = options.tenantId ?? options.auth.tenantId;
    this.#fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.#ky = ky.create({
      retry: 0,
      timeout: false,
      throwHttpErrors: false,
      redirect: 'manual',
      hooks: {
        beforeRequest: [
          async (request) => {
            await this.auth.authorize(request.headers, { tenantId: this.#tenantId });
            // On every request, not once per change of the credentials: the memory the redaction
            // masks from is bounded and shared by all clients, so other clients may have pushed
            // this one's credentials out of it since its last request.
            rememberCredentials(request.headers);
          },
        ],
      },
    });
  }

  /** GET `path`; resolves the parsed JSON reply (or as `responseType` asks). */
  get<T = unknown>(path: string, options?: RequestOptions): Promise<T> {
    return this.request<T>('GET', path, options);
  }

  /** POST a JSON (or raw) `body` to `path`. */
  post<T = unknown>(path: string, body?: unknown, options?: RequestOptions): Promise<T> {
    return this.request<T>('POST', path, { ...options, body });
  }

  /** PUT a JSON (or raw) `body` to `path`. */
  put<T = unknown>(path: string, body?: unknown, options?: RequestOptions): Promise<T> {
    return this.request<T>('PUT', path, { ...options, body });
  }

  /** DELETE `path`; resolves `undefined` for the usual 204. */
  delete<T = void>(path: string, options?: RequestOptions): Promise<T> {
    return this.request<T>('DELETE', path, options);
  }

  /**
   * Sends one request through the pipeline and reads the reply.
   *
   * - `path`: `/inventory/managedObjects` (under `baseUrl`) or an absolute URL under `baseUrl`;
   *   build paths with ids through `apiPath` so ids are encoded.
   * - `body`: serialised as JSON, unless it is a string, `Blob`, bytes, `FormData`,
   *   `URLSearchParams` or a stream, which are sent as they are (a stream is never retried).
   * - Errors: an `HttpError` subclass for error statuses, `NetworkError`, `TimeoutError`,
   *   `ResponseFormatError`; `InvalidInputError` before sending for bad input; an abort
   *   rejects with the signal's reason.
   *
   * @example
   * ```ts
   * await client.request('PUT', apiPath`/alarm/alarms/${id}`, { body: { status: 'CLEARED' }, processingMode: 'QUIESCENT' });
   * ```
   */
  request<T = unknown>(method: HttpMethod, path: string, options: RequestOptionsWithBody = {}): Promise<T> {
    return this.#send<T>(method, path, options, (response, context) => readReply(response, options.responseType ?? 'json', context));
  }

  /** The pipeline behind `request()`; `read` turns a successful reply into the result, inside the attempt. */
  async #send<T>(method: HttpMethod, path: string, options: RequestOptionsWithBody, read: ReplyReader): Promise<T> {
    validateRequestOptions(options);
    const url = this.#buildUrl(path, options);
    const description: RequestDescription = { method, url: url.toString() };
    const { body, contentType, replayable } = prepareBody(options.body, options.contentType);
    const headers = this.#buildHeaders(method, options, contentType);
    const policy = resolveRetryPolicy(replayable ? options.retry : false, this.#retryPolicy);
    const timeoutMs = pick(options.timeout, this.options.timeout, defaultTimeoutMs);
    const totalTimeoutMs = pick(options.totalTimeout, this.options.totalTimeout, false);
    const maxBytes = pick(options.maxResponseBytes, this.options.maxResponseBytes, defaultMaxResponseBytes);
    const callerSignal = options.signal;
    const stream: StreamGuard = { idleTimeoutMs: timeoutMs, signal: callerSignal, maxBytes: options.maxResponseBytes ?? false, request: description };

    // One controller for the whole call: the only listener it puts on the caller's signal (not one
    // per attempt, wait or queue slot), and what the total timeout aborts. Held by this frame and
    // the timer until the call ends.
    let call: AbortController | undefined;
    let forwardAbort: (() => void) | undefined;
    let totalTimer: ReturnType<typeof setTimeout> | undefined;
    if (callerSignal !== undefined || totalTimeoutMs !== false) {
      const controller = new AbortController();
      call = controller;
      if (callerSignal?.aborted) controller.abort(callerSignal.reason);
      else if (callerSignal !== undefined) {
        forwardAbort = () => controller.abort(callerSignal.reason);
        callerSignal.addEventListener('abort', forwardAbort, { once: true });
      }
      if (totalTimeoutMs !== false) {
        // Every wait of the call (queue slot, headers, body, backoff) rejects with this reason.
        totalTimer = setTimeout(() => controller.abort(new TimeoutError({ ...description, timeoutMs: totalTimeoutMs, scope: 'total' })), totalTimeoutMs);
      }
    }
    const callSignal = call?.signal;
    const plan: AttemptPlan = { url, method, headers, body, read, timeoutMs, callSignal, maxBytes, stream, description };
    const started = Date.now();
    try {
      for (let retriesDone = 0; ; retriesDone++) {
        const result = await this.#attempt(plan);
        if (result.ok) return result.value as T;
        const decision = decideRetry({ method, retriesDone, failure: result.failure, elapsedMs: Date.now() - started }, policy);
        if (!decision.retry) throw result.error;
        await sleep(decision.delayMs, callSignal);
      }
    } catch (error) {
      if (callerSignal?.aborted) throw callerSignal.reason;
      throw error;
    } finally {
      clearTimeout(totalTimer);
      if (forwardAbort !== undefined) callerSignal?.removeEventListener('abort', forwardAbort);
    }
  }

  /**
   * Uploads a file as Cumulocity's multipart form (`object` JSON part + `file` part), e.g. to
   * `/inventory/binaries` or an event's `/binaries`.
   *
   * @example
   * ```ts
   * const binary = await client.uploadMultipart('/inventory/binaries', {
   *   object: { name: 'hello.txt', type: 'text/plain' },
   *   file: 'Hello, world',
   * }, { accept: 'application/vnd.com.nsn.cumulocity.managedobject+json' });
   * ```
   */
  uploadMultipart<T = unknown>(path: string, upload: MultipartUpload, options?: RequestOptions): Promise<T> {
    if (typeof upload !== 'object' || upload === null || typeof upload.object !== 'object' || upload.object === null) {
      throw new InvalidInputError('an upload needs an `object` (metadata) and a `file`', { path: 'upload.object' });
    }
    if (upload.file === undefined || upload.file === null) throw new InvalidInputError('is required', { path: 'upload.file' });
    return this.request<T>('POST', path, { ...options, body: toMultipartForm(upload) });
  }

  /**
   * Sends raw file content with PUT (replacing a binary or an attachment), with
   * `Content-Type` and, given a file name, `Content-Disposition`.
   *
   * @example
   * ```ts
   * await client.putBinary(apiPath`/inventory/binaries/${id}`, new Blob(['%PDF-1.7 …']), { contentType: 'application/pdf' });
   * ```
   */
  putBinary<T = unknown>(
    path: string,
    data: FileContent,
    file: { contentType?: string; filename?: string } = {},
    options?: RequestOptions,
  ): Promise<T> {
    const contentType = file.contentType ?? 'application/octet-stream';
    const headers = file.filename === undefined ? options?.headers : { ...options?.headers, 'Content-Disposition': contentDispositionFor(file.filename) };
    return this.request<T>('PUT', path, { ...options, headers, contentType, body: toBlob(data, contentType) });
  }

  /**
   * Downloads a file as a stream, with the file name from `Content-Disposition`. The
   * per-attempt timeout covers the wait for the reply headers; after that the same `timeout` is
   * the longest wait for the next chunk while you read (a stall errors the stream with a
   * `TimeoutError`, `scope: 'idle'`), the call's `signal` still aborts the stream, and a per-call
   * `maxResponseBytes` caps it (the client's default cap is for bodies read into memory).
   *
   * @example
   * ```ts
   * const { body, filename } = await client.download(apiPath`/inventory/binaries/${id}`);
   * for await (const chunk of body) process.stdout.write(chunk);
   * ```
   */
  download(path: string, options?: RequestOptions): Promise<Download> {
    return this.#send<Download>('GET', path, { accept: '*/*', ...options, responseType: 'stream' }, async (response, context) => {
      const length = Number(response.headers.get('content-length') ?? Number.NaN);
      return {
        body: guardedBody(response, context),
        filename: filenameFromContentDisposition(response.headers.get('content-disposition')),
        contentType: response.headers.get('content-type') ?? undefined,
        size: Number.isFinite(length) ? length : undefined,
      };
    });
  }

  /**
   * Downloads a file into memory. The per-attempt timeout covers the body, `maxResponseBytes`
   * caps it (64 MiB by default), and a failure while reading it is retried like any GET failure.
   *
   * @example
   * ```ts
   * const { bytes, filename } = await client.downloadBytes(apiPath`/event/events/${id}/binaries`);
   * ```
   */
  async downloadBytes(path: string, options?: RequestOptions): Promise<DownloadedBytes> {
    return this.#send<DownloadedBytes>('GET', path, { accept: '*/*', ...options, responseType: 'bytes' }, async (response, context) => ({
      bytes: await readReply(response, 'bytes', context) as Uint8Array,
      filename: filenameFromContentDisposition(response.headers.get('content-disposition')),
      contentType: response.headers.get('content-type') ?? undefined,
    }));
  }

  /**
   * The tenant id: from the options, else from the credentials (`t100/admin`, a JWT's `ten`),
   * else looked up once with `GET /tenant/currentTenant`.
   *
   * @example
   * ```ts
   * const tenant = await client.getTenantId(); // 't100'
   * ```
   */
  async getTenantId(options: { signal?: AbortSignal } = {}): Promise<string> {
    if (this.#tenantId !== undefined) return this.#tenantId;
    // An aborted caller starts no lookup (nobody would wait for it, or handle its failure).
    options.signal?.throwIfAborted();
    this.#tenantIdLookup ??= this.get<{ name?: unknown }>('/tenant/currentTenant', {
      accept: 'application/vnd.com.nsn.cumulocity.currenttenant+json',
    })
      .then((tenant) => {
        if (typeof tenant?.name !== 'string' || tenant.name === '') {
          throw new ResponseFormatError('GET /tenant/currentTenant did not name the tenant', { method: 'GET', url: `${this.baseUrl}/tenant/currentTenant` });
        }
        this.#tenantId = tenant.name;
        return tenant.name;
      })
      .catch((error: unknown) => {
        this.#tenantIdLookup = undefined; // a failed lookup (a reply without a name too): let a later call try again
        throw error;
      });
    const lookup = this.#tenantIdLookup;
    if (options.signal === undefined) return lookup;
    return abortable(lookup, options.signal);
  }

  /** A description without secrets. */
  toString(): string {
    return `CumulocityRestClient(${this.baseUrl}, ${String(this.auth)})`;
  }

  /** Serialises to a description without secrets. */
  toJSON(): Record<string, unknown> {
    return { baseUrl: this.baseUrl, auth: String(this.auth), tenantId: this.#tenantId };
  }

  /**
   * Runs one attempt in a slot of this client's limiter, below the retry loop: the slot is held
   * from sending until the reply body is read (for `json`, `text`, `bytes`; a `stream` or
   * `response` body is read outside it), and the wait for a slot is not part of the attempt's
   * timeout. An abort while queued removes the call from the queue.
   */
  #limited<T>(task: () => Promise<T>, signal: AbortSignal | undefined): Promise<T> {
    this.#queue ??= new PQueue({ concurrency: this.options.maxConcurrent ?? defaultMaxConcurrent });
    return this.#queue.add(task, { signal });
  }

  #buildUrl(path: string, options: RequestOptions): URL {
    const url = resolveRequestUrl(this.baseUrl, path);
    const query = toQueryString(options.params);
    if (query !== '') url.search = url.search === '' ? query : `${url.search}&${query.slice(1)}`;
    return url;
  }

  #buildHeaders(method: HttpMethod, options: RequestOptions, contentType: string | undefined): Headers {
    assertHeaders(options.headers);
    if (options.accept !== undefined) assertHeader('Accept', options.accept, 'options.accept');
    if (contentType !== undefined) assertHeader('Content-Type', contentType, 'options.contentType');
    const headers = new Headers({ Accept: 'application/json', ...this.#headers, ...options.headers });
    if (options.accept !== undefined) headers.set('Accept', options.accept);
    if (contentType !== undefined) headers.set('Content-Type', contentType);
    const mode: ProcessingMode | undefined = options.processingMode ?? this.options.processingMode;
    if (mode !== undefined && writeMethods.has(method)) headers.set('X-Cumulocity-Processing-Mode', mode);
    return headers;
  }

  #attempt(plan: AttemptPlan): Promise<AttemptResult> {
    plan.callSignal?.throwIfAborted();
    return this.#limited(() => sendAttempt(this.#ky, this.#fetch, plan), plan.callSignal);
  }
}

function pick<T>(call: T | undefined, client: T | undefined, fallback: T): T {
  return call !== undefined ? call : client !== undefined ? client : fallback;
}
