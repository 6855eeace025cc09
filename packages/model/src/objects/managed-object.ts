import { apiPath, type CallOptions, encodePathSegment, type IdLike, idOf } from '@c8y/rest-core';
import { isJsonObject, type JsonValue } from '../json/json-types.js';
import { managedObjectResource, MediaTypes } from '../resources.js';
import { ManagedObjectSchema } from '../schemas/inventory.js';
import { Availability } from './availability.js';
import type { ObjectInit } from './cumulocity-object.js';
import { InventoryObject } from './managed-object-base.js';
import type { ObjectMeta } from './object-meta.js';

/**
 * Child relations of a managed object.
 * @example
 * ```ts
 * const kind: ChildKind = 'childAssets';
 * ```
 */
export type ChildKind = 'childDevices' | 'childAssets' | 'childAdditions';

/**
 * Options of `ManagedObject#delete()` (query parameters of `DELETE /inventory/managedObjects/{id}`).
 *
 * @example
 * ```ts
 * await device.delete({ cascade: true });
 * ```
 */
export interface DeleteManagedObjectOptions extends CallOptions {
  /** Devices and groups: delete the whole hierarchy. */
  cascade?: boolean;
  /** Delete the whole hierarchy whatever the object's type (wins over `cascade`). */
  forceCascade?: boolean;
  /** Devices: also delete the device's owner user. */
  withDeviceUser?: boolean;
}

/**
 * Top-level keys of a managed object only the server sets (child/parent references have their own endpoints).
 * @example
 * ```ts
 * MANAGED_OBJECT_READ_ONLY.includes('creationTime'); // true
 * ```
 */
export const MANAGED_OBJECT_READ_ONLY = [
  'id',
  'self',
  'creationTime',
  'lastUpdated',
  'childDevices',
  'childAssets',
  'childAdditions',
  'deviceParents',
  'assetParents',
  'additionParents',
] as const;

const META: ObjectMeta = {
  className: 'ManagedObject',
  resource: managedObjectResource,
  readOnly: MANAGED_OBJECT_READ_ONLY,
  schema: ManagedObjectSchema,
};

/**
 * An inventory object (`/inventory/managedObjects`): any thing, with any custom fragments.
 *
 * @example
 * ```ts
 * const obj = await new ManagedObject(c8y, { name: 'MyObject', type: 'my_CustomType' }).create();
 * obj.type = 'my_ChangedType';
 * await obj.update();                     // PUT {"type":"my_ChangedType"}
 * await obj.assignChildAsset(deviceId);
 * await obj.delete();
 * ```
 */
export class ManagedObject extends InventoryObject {
  /**
   * @param c8y - the client for the object methods, or `undefined`.
   * @param init - `name`, `type`, `owner` and custom fragments (dotted keys allowed).
   */
  constructor(c8y?: ConstructorParameters<typeof InventoryObject>[0], init?: ManagedObjectInit) {
    super(c8y, init);
  }

  protected get meta(): ObjectMeta {
    return META;
  }

  /**
   * Whether the object is a device (has the `c8y_IsDevice` fragment).
   * @example
   * ```ts
   * if (obj.isDevice) console.log('device', obj.name);
   * ```
   */
  get isDevice(): boolean {
    return this.has('c8y_IsDevice');
  }

  /**
   * Whether the object is a device group (has `c8y_IsDeviceGroup`).
   * @example
   * ```ts
   * obj.isDeviceGroup;
   * ```
   */
  get isDeviceGroup(): boolean {
    return this.has('c8y_IsDeviceGroup');
  }

  /**
   * Whether the object describes a binary (has `c8y_IsBinary`).
   * @example
   * ```ts
   * obj.isBinary;
   * ```
   */
  get isBinary(): boolean {
    return this.has('c8y_IsBinary');
  }

  /**
   * Ids of the child devices listed in the object (as the server sent them).
   * @example
   * ```ts
   * obj.childDeviceIds; // ['101', '102']
   * ```
   */
  get childDeviceIds(): string[] {
    return this.#referenceIds('childDevices');
  }

  /**
   * Ids of the child assets.
   * @example
   * ```ts
   * obj.childAssetIds;
   * ```
   */
  get childAssetIds(): string[] {
    return this.#referenceIds('childAssets');
  }

  /**
   * Ids of the child additions.
   * @example
   * ```ts
   * obj.childAdditionIds;
   * ```
   */
  get childAdditionIds(): string[] {
    return this.#referenceIds('childAdditions');
  }

  /**
   * Ids of the parent devices (`deviceParents`, sent with `withParents=true`).
   * @example
   * ```ts
   * obj.deviceParentIds;
   * ```
   */
  get deviceParentIds(): string[] {
    return this.#referenceIds('deviceParents');
  }

  /**
   * Ids of the parent assets (`assetParents`, sent with `withParents=true`).
   * @example
   * ```ts
   * obj.assetParentIds;
   * ```
   */
  get assetParentIds(): string[] {
    return this.#referenceIds('assetParents');
  }

  /**
   * Ids of the parent additions (`additionParents`, sent with `withParents=true`).
   * @example
   * ```ts
   * obj.additionParentIds;
   * ```
   */
  get additionParentIds(): string[] {
    return this.#referenceIds('additionParents');
  }

  /**
   * Creates the object (`POST /inventory/managedObjects`, full JSON) and returns the created
   * object with its id. This object is left as it was (use it as a template if you like).
   *
   * @throws InvalidInputError for invalid fields, before any request.
   * @example
   * ```ts
   * const created = await new ManagedObject(c8y, { name: 'x' }).create();
   * ```
   */
  async create(options?: CallOptions): Promise<this> {
    return this.createObject(options);
  }

  /**
   * Sends the local changes (`PUT /inventory/managedObjects/{id}`, only what changed) and takes
   * the server's reply as the new state. No request when nothing changed.
   *
   * @throws InvalidInputError if the object was never created.
   * @example
   * ```ts
   * obj.name = 'new'; await obj.update();
   * ```
   */
  async update(options?: CallOptions): Promise<this> {
    return this.updateObject(options);
  }

  /**
   * Sends this object's changes (its full JSON if it was never created) to the object `id`
   * and returns that object as the server replied. This object is not changed.
   *
   * @example
   * ```ts
   * await new ManagedObject(c8y, { my_AdditionalFragment: { essential: true } }).applyTo('123456');
   * ```
   */
  async applyTo(id: string | number, options?: CallOptions): Promise<this> {
    return this.applyToObject(id, options);
  }

  /**
   * Reloads the server state (`GET /inventory/managedObjects/{id}`); local changes are dropped.
   * @example
   * ```ts
   * await obj.reload();
   * ```
   */
  async reload(options?: CallOptions): Promise<this> {
    return this.reloadObject(options);
  }

  /**
   * Deletes the object (`DELETE /inventory/managedObjects/{id}`), optionally with its hierarchy.
   * @example
   * ```ts
   * await obj.delete();
   * await device.delete({ cascade: true });
   * ```
   */
  async delete(options: DeleteManagedObjectOptions = {}): Promise<void> {
    const { cascade, forceCascade, withDeviceUser, ...request } = options;
    const params = { cascade, forceCascade, withDeviceUser };
    const given = Object.values(params).some((value) => value !== undefined);
    return this.deleteObject(given ? params : undefined, request);
  }

  /**
   * Makes `child` a child device (`POST …/{id}/childDevices` with a managed object reference).
   * @example
   * ```ts
   * await obj.assignChildDevice(device);       // or an id
   * ```
   */
  async assignChildDevice(child: IdLike, options?: CallOptions): Promise<void> {
    return this.#assign('childDevices', child, options);
  }

  /**
   * Makes `child` a child asset (`POST …/{id}/childAssets`).
   * @example
   * ```ts
   * await obj.assignChildAsset('12345');
   * ```
   */
  async assignChildAsset(child: IdLike, options?: CallOptions): Promise<void> {
    return this.#assign('childAssets', child, options);
  }

  /**
   * Makes `child` a child addition (`POST …/{id}/childAdditions`).
   * @example
   * ```ts
   * await device.assignChildAddition('12345');
   * ```
   */
  async assignChildAddition(child: IdLike, options?: CallOptions): Promise<void> {
    return this.#assign('childAdditions', child, options);
  }

  /**
   * Removes the child-device relation (`DELETE …/{id}/childDevices/{childId}`); the child itself stays.
   * @example
   * ```ts
   * await obj.unassignChildDevice(device);
   * ```
   */
  async unassignChildDevice(child: IdLike, options?: CallOptions): Promise<void> {
    return this.#unassign('childDevices', child, options);
  }

  /**
   * Removes the child-asset relation (`DELETE …/{id}/childAssets/{childId}`).
   * @example
   * ```ts
   * await obj.unassignChildAsset('12345');
   * ```
   */
  async unassignChildAsset(child: IdLike, options?: CallOptions): Promise<void> {
    return this.#unassign('childAssets', child, options);
  }

  /**
   * Removes the child-addition relation (`DELETE …/{id}/childAdditions/{childId}`).
   * @example
   * ```ts
   * await device.unassignChildAddition('12345');
   * ```
   */
  async unassignChildAddition(child: IdLike, options?: CallOptions): Promise<void> {
    return this.#unassign('childAdditions', child, options);
  }

  /**
   * The device's availability (`GET …/{id}/availability`). Cumulocity answers 404 (a
   * `NotFoundError`) when the device is not monitored.
   * @example
   * ```ts
   * (await device.getAvailability()).connectionStatus;
   * ```
   */
  async getAvailability(options?: CallOptions): Promise<Availability> {
    const id = this.requireId('read the availability of');
    const reply = await this.requireClient().get(apiPath`/inventory/managedObjects/${id}/availability`, options);
    return new Availability(isJsonObject(reply) ? reply : {});
  }

  /**
   * The measurement fragment types of the object (`GET …/{id}/supportedMeasurements`).
   * @example
   * ```ts
   * await device.getSupportedMeasurements(); // ['c8y_TemperatureMeasurement']
   * ```
   */
  async getSupportedMeasurements(options?: CallOptions): Promise<string[]> {
    const id = this.requireId('read the supported measurements of');
    const reply = await this.requireClient().get(apiPath`/inventory/managedObjects/${id}/supportedMeasurements`, options);
    return stringList(reply, 'c8y_SupportedMeasurements');
  }

  /**
   * The series of the object as `fragment.series` (`GET …/{id}/supportedSeries`).
   * @example
   * ```ts
   * await device.getSupportedSeries(); // ['c8y_TemperatureMeasurement.T']
   * ```
   */
  async getSupportedSeries(options?: CallOptions): Promise<string[]> {
    const id = this.requireId('read the supported series of');
    const reply = await this.requireClient().get(apiPath`/inventory/managedObjects/${id}/supportedSeries`, options);
    return stringList(reply, 'c8y_SupportedSeries');
  }

  async #assign(kind: ChildKind, child: IdLike, options: CallOptions | undefined): Promise<void> {
    const id = this.requireId('assign children to');
    const childId = idOf(child, 'child');
    await this.requireClient().post(apiPath`/inventory/managedObjects/${id}/${kind}`, { managedObject: { id: childId } }, {
      ...options,
      contentType: MediaTypes.managedObjectReference,
      accept: MediaTypes.managedObjectReference,
    });
  }

  async #unassign(kind: ChildKind, child: IdLike, options: CallOptions | undefined): Promise<void> {
    const id = this.requireId('unassign children from');
    const path = `${apiPath`/inventory/managedObjects/${id}/${kind}`}/${encodePathSegment(idOf(child, 'child'), 'child')}`;
    await this.requireClient().delete(path, options);
  }

  #referenceIds(key: string): string[] {
    const references = this.peek([key, 'references']);
    if (!Array.isArray(references)) return [];
    return references.flatMap((reference: JsonValue) => {
      const id = isJsonObject(reference) && isJsonObject(reference.managedObject) ? reference.managedObject.id : undefined;
      return typeof id === 'string' ? [id] : typeof id === 'number' ? [String(id)] : [];
    });
  }
}

/**
 * The init object of a `ManagedObject`: standard fields plus any custom fragments.
 *
 * @example
 * ```ts
 * const init: ManagedObjectInit = { name: 'Pump', type: 'c8y_Pump', c8y_IsDevice: {} };
 * ```
 */
export interface ManagedObjectInit extends ObjectInit {
  name?: string;
  type?: string;
  owner?: string;
}

function stringList(reply: unknown, key: string): string[] {
  const list = isJsonObject(reply) ? reply[key] : undefined;
  return Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string') : [];
}
