import { MediaTypes, type ChildKind } from '@c8y/model';
import { apiPath, defineQuery, InvalidInputError, odataConditions, type ItemCollection } from '@c8y/rest-core';
import type {
  AvailabilityStatus,
  BinaryFilters,
  DeviceFilters,
  DeviceGroupFilters,
  InventoryChildrenFilters,
  InventoryFilters,
  ManagedObjectDeleteFlags,
  ManagedObjectGetFlags,
  NewDeviceRequestFilters,
} from './inventory-filters.js';

// Parameter lists as the OpenAPI spec documents them for each endpoint.
const INVENTORY_PARAMETERS = [
  'childAdditionId', 'childAssetId', 'childDeviceId', 'fragmentType', 'ids', 'onlyRoots', 'owner', 'q', 'query',
  'skipChildrenNames', 'text', 'type', 'withChildren', 'withChildrenCount', 'withGroups', 'withParents', 'withLatestValues',
];
const ID_FILTERS = ['ids', 'childAdditionId', 'childAssetId', 'childDeviceId'] as const;
const AVAILABILITY: readonly AvailabilityStatus[] = ['AVAILABLE', 'UNAVAILABLE', 'MAINTENANCE'];

/** The filters the REST API lacks, in the query language as go-c8y-cli writes them (dates: every time input). */
const CREATED_CONDITIONS = {
  createdFrom: odataConditions.atOrAfter('creationTime.date'),
  createdTo: odataConditions.atOrBefore('creationTime.date'),
};
const DEVICE_CONDITIONS = {
  ...CREATED_CONDITIONS,
  lastMessageFrom: odataConditions.atOrAfter('c8y_Availability.lastMessage'),
  lastMessageTo: odataConditions.atOrBefore('c8y_Availability.lastMessage'),
  availability: odataConditions.anyOf('c8y_Availability.status', AVAILABILITY),
};

/**
 * `GET /inventory/managedObjects`: `fragment` → `fragmentType`; `ids` and `child*Id` take ids or
 * objects (`ids` comma-joined); `name`, `fragments`, `group`, `orderBy` build one `query` (with
 * `type`, `owner`, `fragmentType` folded in); the filters the REST API lacks join it as
 * conditions, as go-c8y-cli writes them: `createdFrom`/`createdTo` → `creationTime.date ge|le '…'`,
 * `lastMessageFrom`/`lastMessageTo` → `c8y_Availability.lastMessage ge|le '…'`, `availability` →
 * `c8y_Availability.status eq '…'` (several: `or`). Next to a query string they are refused.
 *
 * @example
 * ```ts
 * buildQueryParams({ name: 'My*', type: 'c8y_Device' }, inventoryQuery);
 * // { query: "$filter=(name eq 'My*' and type eq 'c8y_Device')" }
 * buildQueryParams({ type: 'x', createdFrom: '2025-01-01' }, inventoryQuery);
 * // { query: "$filter=(type eq 'x' and creationTime.date ge '2025-01-01T00:00:00.000Z')" }
 * ```
 */
export const inventoryQuery = defineQuery<InventoryFilters>({
  resource: 'GET /inventory/managedObjects',
  aliases: { fragment: 'fragmentType' },
  ids: [...ID_FILTERS],
  lists: ['ids'],
  singles: ['type', 'owner', 'text'],
  odata: { param: 'query' },
  conditions: DEVICE_CONDITIONS,
  parameters: INVENTORY_PARAMETERS,
});

/**
 * The device inventory: `fragmentType=c8y_IsDevice` on every request, or — when there is a query
 * — the query sent as `q` (Cumulocity adds `c8y_IsDevice` to `q`); a built query also gets `has(c8y_IsDevice)`.
 *
 * @example
 * ```ts
 * buildQueryParams({}, deviceInventoryQuery);             // { fragmentType: 'c8y_IsDevice' }
 * buildQueryParams({ name: 'M*' }, deviceInventoryQuery); // { q: "$filter=(has(c8y_IsDevice) and name eq 'M*')" }
 * ```
 */
export const deviceInventoryQuery = defineQuery<DeviceFilters>({
  resource: 'GET /inventory/managedObjects (devices)',
  aliases: { fragment: 'fragmentType', query: 'q' },
  ids: [...ID_FILTERS],
  lists: ['ids'],
  singles: ['type', 'owner', 'text'],
  odata: { param: 'q', requiredFragment: 'c8y_IsDevice' },
  conditions: DEVICE_CONDITIONS,
  parameters: INVENTORY_PARAMETERS,
});

/**
 * The group inventory: `fragmentType=c8y_IsDeviceGroup` on every request, or `has(c8y_IsDeviceGroup)`
 * inside a built query; of the conditions only `createdFrom`/`createdTo` (groups send no messages).
 *
 * @example
 * ```ts
 * buildQueryParams({}, deviceGroupInventoryQuery); // { fragmentType: 'c8y_IsDeviceGroup' }
 * ```
 */
export const deviceGroupInventoryQuery = defineQuery<DeviceGroupFilters>({
  resource: 'GET /inventory/managedObjects (groups)',
  aliases: { fragment: 'fragmentType' },
  ids: [...ID_FILTERS],
  lists: ['ids'],
  singles: ['type', 'owner', 'text'],
  odata: { param: 'query', requiredFragment: 'c8y_IsDeviceGroup' },
  conditions: CREATED_CONDITIONS,
  parameters: INVENTORY_PARAMETERS,
});

/**
 * `GET /inventory/managedObjects/{id}/childDevices|childAssets|childAdditions`: `query`,
 * `withChildren`, `withChildrenCount`; `name`, `fragments`, `group`, `orderBy` build the query,
 * which `type`, `owner` (the endpoints have no such parameters) and the time conveniences join
 * as conditions.
 *
 * @example
 * ```ts
 * buildQueryParams({ name: 'Sensor*' }, inventoryChildrenQuery); // { query: "$filter=(name eq 'Sensor*')" }
 * buildQueryParams({ type: 'x', withChildren: false }, inventoryChildrenQuery); // { query: "$filter=(type eq 'x')", withChildren: false }
 * ```
 */
export const inventoryChildrenQuery = defineQuery<InventoryChildrenFilters>({
  resource: 'GET /inventory/managedObjects/{id}/<children>',
  odata: { param: 'query' },
  conditions: { type: odataConditions.equals('type'), owner: odataConditions.equals('owner'), ...DEVICE_CONDITIONS },
  parameters: ['query', 'withChildren', 'withChildrenCount'],
});

/**
 * The query parameters of `GET /inventory/managedObjects/{id}`, given as options of `get`
 * (booleans only, sent in this order).
 *
 * @example
 * ```ts
 * buildQueryParams({ withParents: true, withChildren: false }, managedObjectGetQuery); // { withParents: true, withChildren: false }
 * ```
 */
export const managedObjectGetQuery = defineQuery<ManagedObjectGetFlags>({
  resource: 'GET /inventory/managedObjects/{id}',
  flags: ['withParents', 'withChildren', 'withChildrenCount', 'skipChildrenNames', 'withLatestValues'],
  parameters: ['withParents', 'withChildren', 'withChildrenCount', 'skipChildrenNames', 'withLatestValues'],
});

/**
 * The query parameters of `DELETE /inventory/managedObjects/{id}`, given as options of `delete`
 * (booleans only, sent in this order).
 *
 * @example
 * ```ts
 * buildQueryParams({ cascade: true }, managedObjectDeleteQuery); // { cascade: true }
 * ```
 */
export const managedObjectDeleteQuery = defineQuery<ManagedObjectDeleteFlags>({
  resource: 'DELETE /inventory/managedObjects/{id}',
  flags: ['cascade', 'forceCascade', 'withDeviceUser'],
  parameters: ['cascade', 'forceCascade', 'withDeviceUser'],
});

/**
 * `GET /inventory/binaries`: `ids` (comma-joined) and `child*Id` take ids or objects.
 *
 * @example
 * ```ts
 * buildQueryParams({ ids: ['1', { id: '2' }] }, binaryQuery); // { ids: '1,2' }
 * ```
 */
export const binaryQuery = defineQuery<BinaryFilters>({
  resource: 'GET /inventory/binaries',
  ids: [...ID_FILTERS],
  lists: ['ids'],
  singles: ['type', 'owner'],
  parameters: ['childAdditionId', 'childAssetId', 'childDeviceId', 'ids', 'owner', 'type'],
});

/**
 * `GET /devicecontrol/newDeviceRequests`: paging only.
 * @example buildQueryParams({}, newDeviceRequestQuery) // {}
 */
export const newDeviceRequestQuery = defineQuery<NewDeviceRequestFilters>({
  resource: 'GET /devicecontrol/newDeviceRequests',
  parameters: [],
});

/**
 * The children of one kind of a managed object as a reference collection the resource API
 * reads with `selectFrom`: `{ references: [{ managedObject: {...} }] }`, the parent id path-encoded.
 *
 * @example
 * ```ts
 * childrenOf('42', 'childDevices').path; // '/inventory/managedObjects/42/childDevices'
 * ```
 */
export function childrenOf(parentId: string, kind: ChildKind): ItemCollection<InventoryChildrenFilters> {
  return {
    path: apiPath`/inventory/managedObjects/${parentId}/${checkKind(kind)}`,
    collectionKey: 'references',
    itemKey: 'managedObject',
    collectionMediaType: MediaTypes.managedObjectReferenceCollection,
    querySpec: inventoryChildrenQuery,
  };
}

const CHILD_KINDS: readonly ChildKind[] = ['childDevices', 'childAssets', 'childAdditions'];

/** A {@link ChildKind}, or an `InvalidInputError` naming `kind`. */
export function checkKind(kind: unknown): ChildKind {
  if (CHILD_KINDS.includes(kind as ChildKind)) return kind as ChildKind;
  throw new InvalidInputError(`expected one of ${CHILD_KINDS.join(', ')}, got ${JSON.stringify(kind)}`, { path: 'kind' });
}
