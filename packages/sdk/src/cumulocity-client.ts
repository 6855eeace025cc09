import { Alarms } from '@c8y/alarms';
import { Applications } from '@c8y/applications';
import { AuditRecords } from '@c8y/audit';
import { BulkOperations, Operations } from '@c8y/device-control';
import { Events } from '@c8y/events';
import { Identity } from '@c8y/identity';
import { Binaries, DeviceGroupInventory, DeviceInventory, Inventory } from '@c8y/inventory';
import { Measurements } from '@c8y/measurements';
import { Subscriptions, Tokens } from '@c8y/notifications';
import {
  CumulocityRestClient,
  InvalidInputError,
  type Download,
  type DownloadedBytes,
  type FileContent,
  type HttpMethod,
  type MultipartUpload,
  type RequestOptions,
  type RequestOptionsWithBody,
  type RestClient,
  type RestClientOptions,
} from '@c8y/rest-core';
import { TenantOptions } from '@c8y/tenant';
import { InventoryRoles, UserGroups, Users } from '@c8y/users';

/**
 * Options of {@link CumulocityClient}: those of `CumulocityRestClient` — `baseUrl` and `auth`
 * required; `tenantId`, `applicationKey`, `processingMode`, `timeout`, `totalTimeout`, `retry`,
 * `maxConcurrent`, `maxResponseBytes`, `headers`, `fetch` optional with their defaults.
 *
 * @example
 * ```ts
 * const options: CumulocityClientOptions = { baseUrl: 'mytenant.cumulocity.com', tenantId: 't100', auth: new BasicAuth('admin', password), maxConcurrent: 20 };
 * ```
 */
export type CumulocityClientOptions = RestClientOptions;

const inspect = Symbol.for('nodejs.util.inspect.custom');

/**
 * One Cumulocity tenant with every API context: `c8y.inventory`, `c8y.alarms`, `c8y.users`, …
 * Each context is built on first use and then kept (a getter), so a client costs nothing for
 * the APIs it does not touch. All of them send their requests through one rest client: one
 * auth, one retry policy, one concurrency limit.
 *
 * The client is itself a `RestClient`: pass it wherever one is expected (`new ManagedObject(c8y,
 * …)`, `getAll(c8y, …)`, `new Alarms(c8y)`); its request methods delegate to the rest client.
 * Objects that contexts return carry this client, so `obj.update()` goes through it too.
 *
 * Build it from options (as `CumulocityRestClient`), or wrap a rest client you already have
 * with {@link CumulocityClient.from} — in Node.js, {@link getClient} builds one from the
 * environment or prompts.
 *
 * @example
 * ```ts
 * const c8y = new CumulocityClient({ baseUrl: 'mytenant.cumulocity.com', tenantId: 't100', auth: new BasicAuth('admin', password) });
 * const device = await c8y.inventory.get('123456');
 * const active = await c8y.alarms.count({ source: device, status: 'ACTIVE' });
 * await new ManagedObject(c8y, { name: 'MyObject', type: 'my_CustomType' }).create();
 * console.log(device.name, active);
 * ```
 */
export class CumulocityClient implements RestClient {
  /** The normalised tenant URL, without a trailing slash. */
  readonly baseUrl: string;
  /** The rest client every request goes through (a `CumulocityRestClient` unless built with {@link CumulocityClient.from}). */
  readonly restClient: RestClient;
  /** The contexts built so far, by class. */
  readonly #contexts = new Map<new (client: RestClient) => unknown, unknown>();

  /**
   * A client for one tenant. The options are validated now (an `InvalidInputError` names a bad
   * one); no request is sent until the first call.
   */
  constructor(options: CumulocityClientOptions) {
    // `CumulocityClient.from` passes a rest client through here; users call `from` for that.
    this.restClient = isRestClient(options) ? options : new CumulocityRestClient(options);
    this.baseUrl = this.restClient.baseUrl;
  }

  /**
   * Wraps a rest client you already have (any `RestClient`: a `CumulocityRestClient`, a test
   * double, a microservice's user client). Its requests, limiter and auth are shared, not copied.
   * A `CumulocityClient` is returned as it is.
   *
   * @example
   * ```ts
   * const rest = new CumulocityRestClient({ baseUrl: 'mytenant.cumulocity.com', auth: new BasicAuth('t100/admin', password) });
   * const c8y = CumulocityClient.from(rest);
   * await c8y.events.getAll({ source: deviceId, maxAge: '1d' });
   * ```
   */
  static from(client: RestClient): CumulocityClient {
    if (client instanceof CumulocityClient) return client;
    if (!isRestClient(client)) throw new InvalidInputError('expected a rest client (e.g. a CumulocityRestClient)', { path: 'client' });
    return new CumulocityClient(client as unknown as CumulocityClientOptions);
  }

  /** Managed objects of every kind (`/inventory/managedObjects`). @example await c8y.inventory.getAll({ name: 'My*', limit: 10 }); */
  get inventory(): Inventory {
    return this.#context(Inventory);
  }

  /** Devices (managed objects with `c8y_IsDevice`) and new device requests. @example await c8y.deviceInventory.getAll({ limit: null, pageSize: 100, workers: 20 }); */
  get deviceInventory(): DeviceInventory {
    return this.#context(DeviceInventory);
  }

  /** Device groups (`c8y_IsDeviceGroup`) and their members. @example await c8y.groupInventory.getAll({ name: 'Plant*' }); */
  get groupInventory(): DeviceGroupInventory {
    return this.#context(DeviceGroupInventory);
  }

  /** External ids (`/identity`). @example await c8y.identity.get('9876543210', 'c8y_Serial'); */
  get identity(): Identity {
    return this.#context(Identity);
  }

  /** Files in the inventory (`/inventory/binaries`). @example await c8y.binaries.getAll({ limit: 10 }); */
  get binaries(): Binaries {
    return this.#context(Binaries);
  }

  /** Measurements and series (`/measurement`). @example await c8y.measurements.getAll({ source: deviceId, maxAge: '1h' }); */
  get measurements(): Measurements {
    return this.#context(Measurements);
  }

  /** Events and their attachments (`/event/events`). @example await c8y.events.getAll({ source: deviceId, maxAge: '1d' }); */
  get events(): Events {
    return this.#context(Events);
  }

  /** Alarms (`/alarm/alarms`). @example await c8y.alarms.count({ status: 'ACTIVE' }); */
  get alarms(): Alarms {
    return this.#context(Alarms);
  }

  /** Operations (`/devicecontrol/operations`). @example await c8y.operations.getAll({ deviceId, status: 'PENDING' }); */
  get operations(): Operations {
    return this.#context(Operations);
  }

  /** Bulk operations (`/devicecontrol/bulkoperations`). @example await c8y.bulkOperations.getAll({ limit: 10 }); */
  get bulkOperations(): BulkOperations {
    return this.#context(BulkOperations);
  }

  /** Users of the tenant, and the current user. @example await c8y.users.get('mini_me'); */
  get users(): Users {
    return this.#context(Users);
  }

  /** User groups (global roles). @example await c8y.userGroups.getAll(); */
  get userGroups(): UserGroups {
    return this.#context(UserGroups);
  }

  /** Inventory roles and their assignments. @example await c8y.inventoryRoles.getAll(); */
  get inventoryRoles(): InventoryRoles {
    return this.#context(InventoryRoles);
  }

  /** Applications and microservices. @example await c8y.applications.getAll({ type: 'MICROSERVICE' }); */
  get applications(): Applications {
    return this.#context(Applications);
  }

  /** Tenant options, the current tenant, login options. @example await c8y.tenantOptions.getCategory('cx.settings'); */
  get tenantOptions(): TenantOptions {
    return this.#context(TenantOptions);
  }

  /** Audit records. @example await c8y.auditRecords.getAll({ maxAge: '1d' }); */
  get auditRecords(): AuditRecords {
    return this.#context(AuditRecords);
  }

  /** Notification 2.0 subscriptions. @example await c8y.subscriptions.getAll({ context: 'tenant' }); */
  get subscriptions(): Subscriptions {
    return this.#context(Subscriptions);
  }

  /** Notification 2.0 consumer tokens. @example await c8y.tokens.create({ subscriber: 'worker1', subscription: 'allAlarms' }); */
  get tokens(): Tokens {
    return this.#context(Tokens);
  }

  /** The context of class `Context` on this client, built on first use. */
  #context<Context>(Context: new (client: RestClient) => Context): Context {
    let context = this.#contexts.get(Context) as Context | undefined;
    if (context === undefined) {
      context = new Context(this);
      this.#contexts.set(Context, context);
    }
    return context;
  }

  /** GET `path` through the rest client. @example await c8y.get('/tenant/currentTenant'); */
  get<T = unknown>(path: string, options?: RequestOptions): Promise<T> {
    return this.restClient.get<T>(path, options);
  }

  /** POST a JSON (or raw) `body` to `path`. @example await c8y.post('/event/events', { type: 'cx_Ping', text: 'ping', source: { id: deviceId }, time: new Date().toISOString() }); */
  post<T = unknown>(path: string, body?: unknown, options?: RequestOptions): Promise<T> {
    return this.restClient.post<T>(path, body, options);
  }

  /** PUT a JSON (or raw) `body` to `path`. @example await c8y.put(apiPath`/inventory/managedObjects/${deviceId}`, { name: 'Pump 2' }); */
  put<T = unknown>(path: string, body?: unknown, options?: RequestOptions): Promise<T> {
    return this.restClient.put<T>(path, body, options);
  }

  /** DELETE `path`. @example await c8y.delete(apiPath`/inventory/managedObjects/${deviceId}`); */
  delete<T = void>(path: string, options?: RequestOptions): Promise<T> {
    return this.restClient.delete<T>(path, options);
  }

  /** One request with any method. @example await c8y.request('GET', '/user/currentUser'); */
  request<T = unknown>(method: HttpMethod, path: string, options?: RequestOptionsWithBody): Promise<T> {
    return this.restClient.request<T>(method, path, options);
  }

  /** Uploads a file as Cumulocity's multipart form. @example await c8y.uploadMultipart('/inventory/binaries', { object: { name: 'hello.txt', type: 'text/plain' }, file: 'Hello' }); */
  uploadMultipart<T = unknown>(path: string, upload: MultipartUpload, options?: RequestOptions): Promise<T> {
    return this.restClient.uploadMultipart<T>(path, upload, options);
  }

  /** Sends raw file content with PUT. @example await c8y.putBinary(apiPath`/inventory/binaries/${id}`, 'new text', { contentType: 'text/plain' }); */
  putBinary<T = unknown>(path: string, data: FileContent, file: { contentType?: string; filename?: string }, options?: RequestOptions): Promise<T> {
    return this.restClient.putBinary<T>(path, data, file, options);
  }

  /** Downloads a file as a stream. @example const { body } = await c8y.download(apiPath`/inventory/binaries/${id}`); */
  download(path: string, options?: RequestOptions): Promise<Download> {
    return this.restClient.download(path, options);
  }

  /** Downloads a file into memory. @example const { bytes } = await c8y.downloadBytes(apiPath`/inventory/binaries/${id}`); */
  downloadBytes(path: string, options?: RequestOptions): Promise<DownloadedBytes> {
    return this.restClient.downloadBytes(path, options);
  }

  /** The tenant id (from the options or credentials, else `GET /tenant/currentTenant` once). @example await c8y.getTenantId(); // 't100' */
  getTenantId(options?: { signal?: AbortSignal }): Promise<string> {
    return this.restClient.getTenantId(options);
  }

  /** A description without secrets: `CumulocityClient(https://…, BasicAuth(t100/admin))`. @example String(c8y); */
  toString(): string {
    const inner = String(this.restClient);
    const match = /^CumulocityRestClient\((.*)\)$/s.exec(inner);
    return `CumulocityClient(${match?.[1] ?? this.baseUrl})`;
  }

  /** What `JSON.stringify` shows: the rest client's description, never a secret. @example JSON.stringify(c8y); */
  toJSON(): unknown {
    const restClient = this.restClient as { toJSON?: () => unknown };
    return typeof restClient.toJSON === 'function' ? restClient.toJSON() : { baseUrl: this.baseUrl };
  }

  /** What `console.log` and the REPL show in Node.js. */
  [inspect](): string {
    return this.toString();
  }
}

function isRestClient(value: unknown): value is RestClient {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Record<keyof RestClient, unknown>>;
  return typeof candidate.get === 'function' && typeof candidate.request === 'function' && typeof candidate.baseUrl === 'string';
}
