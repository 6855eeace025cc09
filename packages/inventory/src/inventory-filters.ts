import type { CallOptions, DateLike, IdLike, ObjectOperationOptions, ODataExpression, ODataQuery } from '@c8y/rest-core';

/**
 * `query` of the inventory: a string (sent as written) or an `odata` builder value (combined with
 * `name`, `type`, the time conveniences, … when those are given too).
 *
 * @example
 * ```ts
 * const q: InventoryQueryValue = odata.filter(odata.has('c8y_IsDevice')).orderBy('name');
 * ```
 */
export type InventoryQueryValue = string | ODataQuery | ODataExpression;

/** The `c8y_Availability.status` values. @example const status: AvailabilityStatus = 'AVAILABLE'; */
export type AvailabilityStatus = 'AVAILABLE' | 'UNAVAILABLE' | 'MAINTENANCE';

/**
 * Options that build one inventory query (the `query` parameter). `type`, `owner` and
 * `fragmentType` join a built query too, since Cumulocity ignores `type` next to a query.
 *
 * @example
 * ```ts
 * const f: InventoryQueryFilters = { name: 'Pump*', fragments: ['c8y_Position'], group: '12', orderBy: 'name desc' };
 * // query=$filter=(name eq 'Pump*' and has(c8y_Position) and bygroupid(12)) $orderby=name desc
 * ```
 */
export interface InventoryQueryFilters {
  /** A query-language expression; a string is sent as written, an `odata` value is combined with the other filters. */
  query?: InventoryQueryValue;
  /** Name, `*` wildcards allowed: `name eq '…'` (quotes are escaped). */
  name?: string;
  /** Fragments every result must have: `has(…)` each. */
  fragments?: string | readonly string[];
  /** Only members of this group (or any of these groups): `bygroupid(…)`. */
  group?: IdLike | readonly IdLike[];
  /** Sort: `'name'`, `'name desc'`, or several: `['type', 'name desc']`. */
  orderBy?: string | readonly string[];
}

/**
 * Filters the REST API lacks for managed objects, translated into the query language as
 * go-c8y-cli does. Dates accept every time input (`Date`, ISO strings, epoch ms, `'now'`, `'today'`).
 *
 * @example
 * ```ts
 * const f: InventoryTimeFilters = { createdFrom: '2025-01-01', lastMessageTo: 'today', availability: 'UNAVAILABLE' };
 * // query=$filter=(creationTime.date ge '2025-01-01T00:00:00.000Z' and c8y_Availability.lastMessage le '…' and c8y_Availability.status eq 'UNAVAILABLE')
 * ```
 */
export interface InventoryTimeFilters {
  /** Created at or after: `creationTime.date ge '…'`. */
  createdFrom?: DateLike;
  /** Created at or before: `creationTime.date le '…'`. */
  createdTo?: DateLike;
  /** Last message at or after: `c8y_Availability.lastMessage ge '…'`. */
  lastMessageFrom?: DateLike;
  /** Last message at or before: `c8y_Availability.lastMessage le '…'`. */
  lastMessageTo?: DateLike;
  /** Availability status(es): `c8y_Availability.status eq '…'` (several: `or`). */
  availability?: AvailabilityStatus | readonly AvailabilityStatus[];
}

/**
 * Filters of `GET /inventory/managedObjects`: the REST names of the OpenAPI spec, the query
 * builders and the query-language conveniences. A key not listed here is a compile error (and
 * refused at run time): pass such parameters in `options.params`.
 *
 * @example
 * ```ts
 * const f: InventoryFilters = { type: 'c8y_Pump', withParents: true, ids: ['1', device], createdFrom: '2025-01-01' };
 * ```
 */
export interface InventoryFilters extends InventoryQueryFilters, InventoryTimeFilters {
  /** Type (exact). */
  type?: string;
  /** Owner's user name. */
  owner?: string;
  /** Objects with this fragment (REST name). */
  fragmentType?: string;
  /** Alias of `fragmentType`. */
  fragment?: string;
  /** Search: objects where a property value equals this text (string values only). */
  text?: string;
  /** These objects only: ids or objects, sent comma-joined. */
  ids?: IdLike | readonly IdLike[];
  /** Parents of this child addition. */
  childAdditionId?: IdLike;
  /** Parents of this child asset. */
  childAssetId?: IdLike;
  /** Parents of this child device. */
  childDeviceId?: IdLike;
  /** Only objects without parents. */
  onlyRoots?: boolean;
  /** Include child references. */
  withChildren?: boolean;
  /** Include the number of children. */
  withChildrenCount?: boolean;
  /** Omit child names (faster). */
  skipChildrenNames?: boolean;
  /** Include the groups an object belongs to (`assetParents`). */
  withGroups?: boolean;
  /** Include parent references (all ancestors). */
  withParents?: boolean;
  /** Include the latest measurement values (`c8y_LatestMeasurements`). */
  withLatestValues?: boolean;
}

/**
 * Filters of the device inventory: as {@link InventoryFilters}; every request also carries
 * `c8y_IsDevice` (`fragmentType=c8y_IsDevice`, or the query is sent as `q`).
 *
 * @example
 * ```ts
 * const f: DeviceFilters = { name: 'Pump*', availability: 'AVAILABLE' };
 * ```
 */
export type DeviceFilters = InventoryFilters;

/**
 * Filters of the group inventory: as {@link InventoryFilters} without the device-only
 * conveniences (`lastMessage*`, `availability`); every request carries `c8y_IsDeviceGroup`.
 *
 * @example
 * ```ts
 * const f: DeviceGroupFilters = { type: 'c8y_DeviceSubGroup', group: '12345' };
 * ```
 */
export type DeviceGroupFilters = Omit<InventoryFilters, 'lastMessageFrom' | 'lastMessageTo' | 'availability'>;

/**
 * Filters of `GET /inventory/managedObjects/{id}/childDevices|childAssets|childAdditions`: the
 * endpoint documents `query`, `withChildren`, `withChildrenCount`; `name`, `type`, `owner`,
 * `fragments`, `group`, `orderBy` and the time conveniences are folded into the query.
 *
 * @example
 * ```ts
 * const f: InventoryChildrenFilters = { name: 'Sensor*', type: 'c8y_Sensor' };
 * ```
 */
export interface InventoryChildrenFilters extends InventoryQueryFilters, InventoryTimeFilters {
  /** Type, folded into the query. */
  type?: string;
  /** Owner, folded into the query. */
  owner?: string;
  /** Include the child references of the children. */
  withChildren?: boolean;
  /** Include the number of children of the children. */
  withChildrenCount?: boolean;
}

/**
 * Filters of `GET /inventory/binaries` (the OpenAPI spec documents no text search there).
 *
 * @example
 * ```ts
 * const f: BinaryFilters = { type: 'text/csv', childAssetId: device };
 * ```
 */
export interface BinaryFilters {
  /** Content type stored as `type`. */
  type?: string;
  /** Owner's user name. */
  owner?: string;
  /** These binaries only (ids or objects, comma-joined). */
  ids?: IdLike | readonly IdLike[];
  /** Binaries that are child additions of this object. */
  childAdditionId?: IdLike;
  /** Binaries that are child assets of this object. */
  childAssetId?: IdLike;
  /** Binaries that are child devices of this object. */
  childDeviceId?: IdLike;
}

/**
 * Filters of `GET /devicecontrol/newDeviceRequests`: none (paging only).
 * @example const none: NewDeviceRequestFilters = {};
 */
export type NewDeviceRequestFilters = Record<never, never>;

/**
 * The query parameters of `GET /inventory/managedObjects/{id}` (see `managedObjectGetQuery`).
 *
 * @example
 * ```ts
 * const flags: ManagedObjectGetFlags = { withParents: true, withChildren: false };
 * ```
 */
export interface ManagedObjectGetFlags {
  /** Include parent references (all ancestors). */
  withParents?: boolean;
  /** Include child references (the platform default is `true` unless the tenant turned it off). */
  withChildren?: boolean;
  /** Include the number of children. */
  withChildrenCount?: boolean;
  /** Omit child names (faster). */
  skipChildrenNames?: boolean;
  /** Include the latest measurement values. */
  withLatestValues?: boolean;
}

/**
 * Options of `get(id)`: the query parameters of `GET /inventory/managedObjects/{id}`, plus the
 * call options.
 *
 * @example
 * ```ts
 * const inventory = new Inventory(client);
 * await inventory.get(deviceId, { withParents: true, withChildrenCount: true });
 * ```
 */
export interface GetManagedObjectOptions extends CallOptions, ManagedObjectGetFlags {}

/**
 * The query parameters of `DELETE /inventory/managedObjects/{id}` (see `managedObjectDeleteQuery`).
 *
 * @example
 * ```ts
 * const flags: ManagedObjectDeleteFlags = { cascade: true };
 * ```
 */
export interface ManagedObjectDeleteFlags {
  /** Devices and groups: delete the whole hierarchy. */
  cascade?: boolean;
  /** Delete the whole hierarchy whatever the object's type (wins over `cascade`). */
  forceCascade?: boolean;
  /** Devices: also delete the device's user (credentials). */
  withDeviceUser?: boolean;
}

/**
 * Options of `delete(ids)`: the query parameters of `DELETE /inventory/managedObjects/{id}`,
 * plus the bulk and call options.
 *
 * @example
 * ```ts
 * const inventory = new Inventory(client);
 * await inventory.delete(['4711', '4712'], { cascade: true, workers: 2 });
 * ```
 */
export interface DeleteInventoryOptions extends ObjectOperationOptions<never>, ManagedObjectDeleteFlags {}
