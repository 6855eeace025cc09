import { apiPath, type CallOptions, type IdLike, InvalidInputError, type RestClient } from '@c8y/rest-core';
import { externalIdResource } from '../resources.js';
import { ExternalIdSchema } from '../schemas/inventory.js';
import { CumulocityObject, type ObjectInit } from './cumulocity-object.js';
import type { ObjectMeta } from './object-meta.js';

const META: ObjectMeta = {
  className: 'ExternalId',
  resource: externalIdResource,
  readOnly: ['self'],
  schema: ExternalIdSchema,
};

/**
 * The init object of an `ExternalId`.
 *
 * @example
 * ```ts
 * const init: ExternalIdInit = { externalId: 'raspi-0001', type: 'c8y_Serial', managedObjectId: '12345' };
 * ```
 */
export interface ExternalIdInit extends ObjectInit {
  externalId?: string;
  type?: string;
  /** The managed object the id belongs to (an id or an object). */
  managedObjectId?: IdLike;
}

/**
 * An external id of a managed object (`/identity`): a `type` (e.g. `c8y_Serial`) and a value.
 * It is identified by type and value (so it has no `id`): `reload()` and `delete()` work on any
 * object that has both, also one you built yourself.
 *
 * @example
 * ```ts
 * const xid = await new ExternalId(c8y, { externalId: 'raspi-0001', type: 'c8y_Serial', managedObjectId: device }).create();
 * xid.managedObjectId;  // the device's id
 * await xid.delete();
 * ```
 */
export class ExternalId extends CumulocityObject {
  constructor(c8y?: RestClient, init?: ExternalIdInit) {
    super(c8y, init);
  }

  protected get meta(): ObjectMeta {
    return META;
  }

  /**
   * The external id's value, e.g. a serial number.
   * @example
   * ```ts
   * xid.externalId; // 'raspi-0001'
   * ```
   */
  get externalId(): string | undefined {
    return this.stringField('externalId');
  }
  set externalId(value: string | undefined) {
    this.writeField('externalId', value);
  }

  /**
   * The external id's type, e.g. `c8y_Serial`.
   * @example
   * ```ts
   * xid.type; // 'c8y_Serial'
   * ```
   */
  get type(): string | undefined {
    return this.stringField('type');
  }
  set type(value: string | undefined) {
    this.writeField('type', value);
  }

  /**
   * The id of the managed object this external id belongs to (`managedObject.id`).
   * @example
   * ```ts
   * xid.managedObjectId = device; // or '12345'
   * ```
   */
  get managedObjectId(): string | undefined {
    return this.refId('managedObject');
  }
  set managedObjectId(value: IdLike | undefined) {
    this.writeRef('managedObject', value);
  }

  /**
   * Binds the external id to its managed object (`POST /identity/globalIds/{id}/externalIds`)
   * and returns it as created. Cumulocity answers 409 (`ConflictError`) if the id is bound to
   * another object.
   * @example
   * ```ts
   * await new ExternalId(c8y, { externalId: 'raspi-0001', type: 'c8y_Serial', managedObjectId: '12345' }).create();
   * ```
   */
  async create(options?: CallOptions): Promise<this> {
    const client = this.requireClient();
    const body = this.toCreateJSON();
    const managedObjectId = this.managedObjectId;
    if (managedObjectId === undefined) throw new InvalidInputError('is required (ExternalId)', { path: 'managedObject.id' });
    delete body.managedObject;
    const reply = await client.post(apiPath`/identity/globalIds/${managedObjectId}/externalIds`, body, this.requestOptions(options));
    return this.fromReply(reply, 'create');
  }

  /**
   * Reloads it (`GET /identity/externalIds/{type}/{externalId}`).
   * @example
   * ```ts
   * await xid.reload();
   * ```
   */
  async reload(options?: CallOptions): Promise<this> {
    const reply = await this.requireClient().get(this.#path('reload'), { ...options, accept: META.resource?.mediaType });
    this.resetTo(reply, 'reload');
    return this;
  }

  /**
   * Unbinds it (`DELETE /identity/externalIds/{type}/{externalId}`); the managed object stays.
   * @example
   * ```ts
   * await xid.delete();
   * ```
   */
  async delete(options?: CallOptions): Promise<void> {
    await this.requireClient().delete(this.#path('delete'), options);
  }

  #path(action: string): string {
    const type = this.type;
    const externalId = this.externalId;
    if (type === undefined) throw new InvalidInputError(`is required to ${action} an ExternalId`, { path: 'type' });
    if (externalId === undefined) throw new InvalidInputError(`is required to ${action} an ExternalId`, { path: 'externalId' });
    return apiPath`/identity/externalIds/${type}/${externalId}`;
  }
}
