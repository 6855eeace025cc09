import { ExternalId, ManagedObject, Resources } from '@c8y/model';
import {
  defineResourceApi,
  encodePathSegment,
  idOf,
  InvalidInputError,
  isJsonObject,
  MAX_PAGE_SIZE,
  ResponseFormatError,
  type AsValues,
  type CallOptions,
  type IdLike,
  type JsonObject,
  type ValuesOf,
} from '@c8y/rest-core';
import { externalIdCollectionQuery, externalIdsOf } from './identity-queries.js';

/** A non-empty string, or an `InvalidInputError` naming `field`. */
function requireText(value: unknown, field: string): string {
  if (typeof value !== 'string') throw new InvalidInputError(`must be a string, got ${value === null ? 'null' : typeof value}`, { path: field });
  if (value === '') throw new InvalidInputError('must not be empty', { path: field });
  return value;
}

/** `/identity/externalIds/{type}/{externalId}`, both segments path-encoded and checked by name. */
function externalIdPath(externalId: unknown, type: unknown): string {
  const value = encodePathSegment(requireText(externalId, 'externalId'), 'externalId');
  const kind = encodePathSegment(requireText(type, 'type'), 'type');
  return `${Resources.externalId.path}/${kind}/${value}`;
}

/**
 * The identity API (`/identity`): external ids (a `type` such as `c8y_Serial` and a value) bound
 * to managed objects. Bind one, look one up (as the `ExternalId`, the object's id, or the
 * `ManagedObject`), list the external ids of an object, unbind one.
 *
 * Identity is not a normal collection: an external id is addressed by value and type
 * (`/identity/externalIds/{type}/{externalId}`) and created under its object
 * (`/identity/globalIds/{id}/externalIds`), so none of the generic operations is published; these
 * functions take the value first and the type second, like the platform's paths read.
 *
 * @example
 * ```ts
 * const identity = new Identity(client);
 * await identity.create('raspi-0001', 'c8y_Serial', deviceId);
 * const device = await identity.getObject('raspi-0001', 'c8y_Serial');
 * ```
 */
export class Identity extends /* @__PURE__ */ defineResourceApi({
  resource: Resources.externalId,
  query: externalIdCollectionQuery,
  item: ExternalId,
  operations: [],
}) {
  /**
   * Binds an external id to a managed object (`POST /identity/globalIds/{id}/externalIds` with
   * `{ externalId, type }`) and resolves it as created. Cumulocity answers 409 (`ConflictError`)
   * when the id is bound to another object; binding it again to the same object is harmless.
   *
   * @throws InvalidInputError for an empty value or type, or an unusable object id, before any request.
   * @example
   * ```ts
   * const xid = await identity.create('raspi-0001', 'c8y_Serial', device);
   * ```
   */
  async create(externalId: string, type: string, managedObjectId: IdLike, options?: CallOptions): Promise<ExternalId> {
    const init = { externalId: requireText(externalId, 'externalId'), type: requireText(type, 'type'), managedObjectId: idOf(managedObjectId, 'managedObjectId') };
    return new ExternalId(this.client, init).create(options);
  }

  /**
   * One external id (`GET /identity/externalIds/{type}/{externalId}`, both path-encoded).
   *
   * @throws NotFoundError when it is not bound; InvalidInputError for an empty value or type.
   * @example
   * ```ts
   * const xid = await identity.get('raspi-0001', 'c8y_Serial');
   * xid.managedObjectId; // '12345'
   * ```
   */
  async get(externalId: string, type: string, options?: CallOptions): Promise<ExternalId> {
    const path = externalIdPath(externalId, type);
    const reply = await this.client.get(path, { ...options, accept: Resources.externalId.mediaType });
    if (!isJsonObject(reply)) {
      const got = reply === undefined ? 'no body' : Array.isArray(reply) ? 'an array' : typeof reply;
      throw new ResponseFormatError(`expected an externalId object, got ${got}`, { method: 'GET', url: `${this.client.baseUrl}${path}` });
    }
    return ExternalId.fromJSON(this.client, reply);
  }

  /**
   * The id of the managed object an external id is bound to (one `GET`, as {@link get}).
   *
   * @throws NotFoundError when it is not bound; ResponseFormatError when the reply names no object.
   * @example
   * ```ts
   * const deviceId = await identity.getId('raspi-0001', 'c8y_Serial');
   * ```
   */
  async getId(externalId: string, type: string, options?: CallOptions): Promise<string> {
    const found = await this.get(externalId, type, options);
    const id = found.managedObjectId;
    if (id === undefined) {
      throw new ResponseFormatError('the externalId names no managedObject.id', { method: 'GET', url: `${this.client.baseUrl}${externalIdPath(externalId, type)}` });
    }
    return id;
  }

  /**
   * The managed object an external id is bound to: `GET /identity/externalIds/{type}/{externalId}`,
   * then `GET /inventory/managedObjects/{id}`.
   *
   * @example
   * ```ts
   * const device = await identity.getObject('raspi-0001', 'c8y_Serial');
   * device.name;
   * ```
   */
  async getObject(externalId: string, type: string, options?: CallOptions): Promise<ManagedObject> {
    const id = await this.getId(externalId, type, options);
    return ManagedObject.fromJSON(this.client, { id }).reload(options);
  }

  /**
   * Every external id of a managed object (`GET /identity/globalIds/{id}/externalIds`), as
   * `ExternalId` objects, or values under `asValues` (`'type'`, `['type', 'externalId']`). The
   * OpenAPI spec documents no filters and no paging for this endpoint: one request with the
   * largest page reads them all.
   *
   * @example
   * ```ts
   * const ids = await identity.getAll(device);
   * const pairs = await identity.getAll(device, { asValues: ['type', 'externalId'] }); // [['c8y_Serial', 'raspi-0001'], …]
   * ```
   */
  getAll<const A extends AsValues>(managedObjectId: IdLike, options: CallOptions & { asValues: A }): Promise<Array<ValuesOf<JsonObject, A>>>;
  getAll(managedObjectId: IdLike, options?: CallOptions): Promise<ExternalId[]>;
  async getAll(managedObjectId: IdLike, options: CallOptions & { asValues?: AsValues } = {}): Promise<unknown[]> {
    const collection = externalIdsOf(idOf(managedObjectId, 'managedObjectId'));
    return this.operations.selectFrom(collection, undefined, { ...options, pageSize: MAX_PAGE_SIZE }).toArray();
  }

  /**
   * Unbinds an external id (`DELETE /identity/externalIds/{type}/{externalId}`); the managed
   * object stays.
   *
   * @throws NotFoundError when it is not bound; InvalidInputError for an empty value or type.
   * @example
   * ```ts
   * await identity.delete('raspi-0001', 'c8y_Serial');
   * ```
   */
  async delete(externalId: string, type: string, options?: CallOptions): Promise<void> {
    await this.client.delete(externalIdPath(externalId, type), options);
  }
}
