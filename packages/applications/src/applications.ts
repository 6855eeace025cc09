import { Application, ApplicationSubscription, Resources } from '@c8y/model';
import {
  apiPath,
  cumulocityMediaType,
  defineResourceApi,
  encodePathSegment,
  idOf,
  InvalidInputError,
  isJsonObject,
  ResponseFormatError,
  type AsValues,
  type CallOptions,
  type FileContent,
  type IdLike,
  type JsonObject,
  type ObjectOperationOptions,
  type ValuesOf,
} from '@c8y/rest-core';
import { applicationQuery, applicationsByName } from './application-queries.js';

const APPS = Resources.application;
const SUBSCRIPTIONS = Resources.applicationSubscription;
const APPLICATION_REFERENCE = cumulocityMediaType('applicationreference');

/**
 * Options of `Applications#delete`: the call options and `force`.
 *
 * @example
 * ```ts
 * const options: ApplicationDeleteOptions = { force: true, workers: 2 };
 * ```
 */
export interface ApplicationDeleteOptions extends ObjectOperationOptions<never> {
  /** Unsubscribe every tenant first, then delete (`?force=true`). @default false (the platform refuses while tenants are subscribed) */
  force?: boolean;
}

/**
 * Options of `Applications#upload`: the call options, the archive's file name and
 * `clearConflictingOptions`.
 *
 * @example
 * ```ts
 * const options: ApplicationUploadOptions = { filename: 'hello-1.0.0.zip', clearConflictingOptions: true };
 * ```
 */
export interface ApplicationUploadOptions extends CallOptions {
  /** The file name of the `file` part. @default 'application.zip' */
  filename?: string;
  /** Remove the tenant options of a conflicting settings category first (microservices). @default false */
  clearConflictingOptions?: boolean;
}

/** A `{ key: object }` reply, or a `ResponseFormatError`. */
function requireObject(reply: unknown, what: string, method: string, url: string): JsonObject {
  if (isJsonObject(reply)) return reply;
  const got = reply === undefined ? 'no body' : Array.isArray(reply) ? 'an array' : typeof reply;
  throw new ResponseFormatError(`expected ${what}, got ${got}`, { method, url });
}

/**
 * Applications (`/application/applications`): web applications (`HOSTED`, `EXTERNAL`) and
 * microservices. Typed queries, lookups by id and by name, create, update and delete, archive
 * upload, subscribing tenants, and what a microservice reads with its bootstrap credentials: its
 * own application and the service users of its subscribed tenants.
 *
 * @example
 * ```ts
 * const applications = new Applications(client);
 * const microservices = await applications.getAll({ type: 'MICROSERVICE', owner: 't07007007' });
 * const [cockpit] = await applications.getByName('cockpit');
 * ```
 */
export class Applications extends /* @__PURE__ */ defineResourceApi({
  resource: APPS,
  query: applicationQuery,
  item: Application,
  operations: ['get', 'select', 'getAll', 'create', 'update'],
}) {
  /**
   * The applications of one name (`GET /application/applicationsByName/{name}`, the name
   * path-encoded), as `Application` objects or values under `asValues`. Several tenants may own
   * an application of the same name; `[]` when there is none. The endpoint documents no paging:
   * one request.
   *
   * @throws InvalidInputError for an empty name, before any request.
   * @example
   * ```ts
   * const [cockpit] = await applications.getByName('cockpit');
   * const ids = await applications.getByName('cockpit', { asValues: 'id' });
   * ```
   */
  getByName<const A extends AsValues>(name: string, options: CallOptions & { asValues: A }): Promise<Array<ValuesOf<JsonObject, A>>>;
  getByName(name: string, options?: CallOptions): Promise<Application[]>;
  async getByName(name: string, options: CallOptions & { asValues?: AsValues } = {}): Promise<unknown[]> {
    encodePathSegment(name, 'name');
    return this.operations.selectFrom(applicationsByName(name), undefined, options).toArray();
  }

  /**
   * Deletes one application or several (`DELETE /application/applications/{id}`); `force: true`
   * unsubscribes every tenant first (`?force=true`). Several run as a bulk operation (`workers`,
   * one `BulkError`).
   *
   * @example
   * ```ts
   * const appId = '12345';
   * await applications.delete(appId, { force: true });
   * ```
   */
  async delete(targets: IdLike | readonly IdLike[], options: ApplicationDeleteOptions = {}): Promise<void> {
    const { force, ...rest } = options;
    const params = force === undefined ? rest.params : { ...rest.params, force };
    const request = { ...rest, ...(params === undefined ? {} : { params }) };
    if (Array.isArray(targets)) await this.operations.delete(targets as readonly IdLike[], request);
    else await this.operations.delete(targets as IdLike, request);
  }

  /**
   * Uploads an application archive (`POST /application/applications/{id}/binaries`, multipart
   * with one `file` part of type `application/zip`) and resolves the application as the platform
   * answers it (with its new active version). The POST is retried only on 429.
   *
   * @throws InvalidInputError for an unusable id or a missing archive, before any request.
   * @example
   * ```ts
   * import { readFile } from 'node:fs/promises';
   *
   * const appId = '12345';
   * const zipBytes = await readFile('dist/hello-1.0.0.zip');
   * const updated = await applications.upload(appId, zipBytes, { filename: 'hello-1.0.0.zip' });
   * updated.activeVersionId;
   * ```
   */
  async upload(application: IdLike, archive: FileContent, options: ApplicationUploadOptions = {}): Promise<Application> {
    const { filename = 'application.zip', clearConflictingOptions, ...rest } = options;
    const path = apiPath`/application/applications/${idOf(application, 'application')}/binaries`;
    if (!(archive instanceof Blob) && !(archive instanceof Uint8Array) && typeof archive !== 'string') {
      throw new InvalidInputError(`must be a Blob, bytes or a string, got ${archive === null ? 'null' : typeof archive}`, { path: 'archive' });
    }
    if (typeof filename !== 'string' || filename === '') throw new InvalidInputError('must be a non-empty string', { path: 'filename' });
    // Bytes are copied, so the request never sees later changes of the caller's buffer.
    const part = archive instanceof Uint8Array ? new Uint8Array(archive) : archive;
    const content = archive instanceof Blob && archive.type === 'application/zip' ? archive : new Blob([part], { type: 'application/zip' });
    const form = new FormData();
    form.append('file', content, filename);
    const params = clearConflictingOptions === undefined ? rest.params : { ...rest.params, clearConflictingOptions };
    const reply = await this.client.post(path, form, { ...rest, ...(params === undefined ? {} : { params }), accept: APPS.mediaType });
    return Application.fromJSON(this.client, requireObject(reply, 'an application object', 'POST', `${this.client.baseUrl}${path}`));
  }

  /**
   * Subscribes a tenant to an application (`POST /tenant/tenants/{tenantId}/applications` with
   * `{ application: { self } }`); by default the client's own tenant. The platform answers 409
   * (`ConflictError`) when the tenant is already subscribed.
   *
   * @example
   * ```ts
   * const appId = '12345';
   * await applications.subscribe(appId);             // the client's tenant
   * await applications.subscribe(appId, 't07007007'); // a subtenant
   * ```
   */
  async subscribe(application: IdLike, tenantId?: string, options?: CallOptions): Promise<void> {
    const id = idOf(application, 'application');
    const path = await this.#tenantApplications(tenantId, options);
    const self = `${this.client.baseUrl}${apiPath`/application/applications/${id}`}`;
    await this.client.post(path, { application: { self } }, { ...options, contentType: APPLICATION_REFERENCE, accept: APPLICATION_REFERENCE });
  }

  /**
   * Unsubscribes a tenant from an application (`DELETE /tenant/tenants/{tenantId}/applications/{id}`);
   * by default the client's own tenant.
   *
   * @example
   * ```ts
   * const appId = '12345';
   * await applications.unsubscribe(appId, 't07007007');
   * ```
   */
  async unsubscribe(application: IdLike, tenantId?: string, options?: CallOptions): Promise<void> {
    const id = encodePathSegment(idOf(application, 'application'), 'application');
    const path = await this.#tenantApplications(tenantId, options);
    await this.client.delete(`${path}/${id}`, options);
  }

  /**
   * The application of the microservice calling (`GET /application/currentApplication`); call it
   * with the microservice's bootstrap or service user credentials.
   *
   * @example
   * ```ts
   * const me = await applications.getCurrent();
   * me.name; // 'hello'
   * ```
   */
  async getCurrent(options?: CallOptions): Promise<Application> {
    const path = '/application/currentApplication';
    const reply = await this.client.get(path, { ...options, accept: APPS.mediaType });
    return Application.fromJSON(this.client, requireObject(reply, 'an application object', 'GET', `${this.client.baseUrl}${path}`));
  }

  /**
   * The tenants subscribed to the calling microservice, each with its service user's credentials
   * (`GET /application/currentApplication/subscriptions`, bootstrap user only): what a
   * multi-tenant microservice builds its per-tenant clients from. Passwords never show in
   * `toString()` or `JSON.stringify`.
   *
   * @example
   * ```ts
   * for (const sub of await applications.getCurrentSubscriptions()) {
   *   const tenantClient = new CumulocityRestClient({ baseUrl: client.baseUrl, auth: new BasicAuth(`${sub.tenant}/${sub.name}`, sub.password ?? '') });
   * }
   * ```
   */
  async getCurrentSubscriptions(options?: CallOptions): Promise<ApplicationSubscription[]> {
    const path = SUBSCRIPTIONS.path;
    const reply = requireObject(await this.client.get(path, { ...options, accept: SUBSCRIPTIONS.collectionMediaType }), 'an object with users', 'GET', `${this.client.baseUrl}${path}`);
    const users = reply[SUBSCRIPTIONS.collectionKey];
    if (!Array.isArray(users)) throw new ResponseFormatError(`the reply has no "${SUBSCRIPTIONS.collectionKey}" array`, { method: 'GET', url: `${this.client.baseUrl}${path}` });
    return users.filter((user) => isJsonObject(user)).map((user) => new ApplicationSubscription(user));
  }

  async #tenantApplications(tenantId: string | undefined, options?: CallOptions): Promise<string> {
    if (tenantId !== undefined) return `/tenant/tenants/${encodePathSegment(tenantId, 'tenantId')}/applications`;
    const own = await this.client.getTenantId(options?.signal === undefined ? {} : { signal: options.signal });
    return apiPath`/tenant/tenants/${own}/applications`;
  }
}
