import { MediaTypes, type ChildKind } from '@c8y/model';
import {
  apiPath,
  defineQuery,
  InvalidInputError,
  odata,
  ODataExpression,
  ODataQuery,
  toIsoDate,
  type DateLike,
  type ItemCollection,
} from '@c8y/rest-core';
import type { BinaryFilters, DeviceFilters, DeviceGroupFilters, InventoryChildrenFilters, InventoryFilters, NewDeviceRequestFilters } from './inventory-filters.js';

// Parameter lists as the OpenAPI spec documents them for each endpoint.
const INVENTORY_PARAMETERS = [
  'childAdditionId', 'childAssetId', 'childDeviceId', 'fragmentType', 'ids', 'onlyRoots', 'owner', 'q', 'query',
  'skipChildrenNames', 'text', 'type', 'withChildren', 'withChildrenCount', 'withGroups', 'withParents', 'withLatestValues',
];
const ID_FILTERS = ['ids', 'childAdditionId', 'childAssetId', 'childDeviceId'] as const;

/**
 * `GET /inventory/managedObjects`: `fragment` → `fragmentType`; `ids` and `child*Id` take ids or
 * objects (`ids` comma-joined); `name`, `fragments`, `group`, `orderBy` build one `query` (with
 * `type`, `owner`, `fragmentType` folded in). The time conveniences are folded by the context
 * before this spec runs (see {@link foldInventoryFilters}).
 *
 * @example
 * ```ts
 * buildQueryParams({ name: 'My*', type: 'c8y_Device' }, inventoryQuery);
 * // { query: "$filter=(name eq 'My*' and type eq 'c8y_Device')" }
 * ```
 */
export const inventoryQuery = defineQuery<InventoryFilters>({
  resource: 'GET /inventory/managedObjects',
  aliases: { fragment: 'fragmentType' },
  ids: [...ID_FILTERS],
  lists: ['ids'],
  odata: { param: 'query' },
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
  odata: { param: 'q', requiredFragment: 'c8y_IsDevice' },
  parameters: INVENTORY_PARAMETERS,
});

/**
 * The group inventory: `fragmentType=c8y_IsDeviceGroup` on every request, or `has(c8y_IsDeviceGroup)`
 * inside a built query.
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
  odata: { param: 'query', requiredFragment: 'c8y_IsDeviceGroup' },
  parameters: INVENTORY_PARAMETERS,
});

/**
 * `GET /inventory/managedObjects/{id}/childDevices|childAssets|childAdditions`: `query`,
 * `withChildren`, `withChildrenCount`; `name`, `fragments`, `group`, `orderBy` build the query.
 *
 * @example
 * ```ts
 * buildQueryParams({ name: 'Sensor*' }, inventoryChildrenQuery); // { query: "$filter=(name eq 'Sensor*')" }
 * ```
 */
export const inventoryChildrenQuery = defineQuery<InventoryChildrenFilters>({
  resource: 'GET /inventory/managedObjects/{id}/<children>',
  odata: { param: 'query' },
  parameters: ['query', 'withChildren', 'withChildrenCount'],
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

const TIME_PATHS: Readonly<Record<string, readonly [string, 'ge' | 'le']>> = {
  createdFrom: ['creationTime.date', 'ge'],
  createdTo: ['creationTime.date', 'le'],
  lastMessageFrom: ['c8y_Availability.lastMessage', 'ge'],
  lastMessageTo: ['c8y_Availability.lastMessage', 'le'],
};
const AVAILABILITY = ['AVAILABLE', 'UNAVAILABLE', 'MAINTENANCE'];

/**
 * Translates the filters the REST API lacks into the query language, as go-c8y-cli does:
 * `createdFrom`/`createdTo` → `creationTime.date ge|le '…'`, `lastMessageFrom`/`lastMessageTo` →
 * `c8y_Availability.lastMessage ge|le '…'` (dates through `toIsoDate`, so every time input
 * works), `availability` → `c8y_Availability.status eq '…'`; `alsoFold` names further filters
 * folded as `eq` (the children endpoints have no `type` or `owner` parameter). The conditions join
 * a `query` given as an `odata` value; next to a query string they are refused. Raw query strings
 * and filters without these keys come back unchanged.
 *
 * @example
 * ```ts
 * foldInventoryFilters({ type: 'x', createdFrom: '2025-01-01' });
 * // { type: 'x', query: ODataExpression("creationTime.date ge '2025-01-01T00:00:00.000Z'") }
 * ```
 */
export function foldInventoryFilters<Q>(query: Q, now?: Date, alsoFold: readonly string[] = []): Q {
  if (typeof query !== 'object' || query === null || Array.isArray(query)) return query;
  const rest: Record<string, unknown> = {};
  const conditions: ODataExpression[] = [];
  const folded: string[] = [];
  for (const [key, value] of Object.entries(query as Record<string, unknown>)) {
    const time = Object.hasOwn(TIME_PATHS, key) ? TIME_PATHS[key] : undefined;
    if (value === undefined || value === null || (time === undefined && key !== 'availability' && !alsoFold.includes(key))) {
      rest[key] = value;
      continue;
    }
    folded.push(key);
    if (time !== undefined) {
      const iso = toIsoDate(value as DateLike, now === undefined ? { path: key } : { path: key, now });
      conditions.push(time[1] === 'ge' ? odata.ge(time[0], iso) : odata.le(time[0], iso));
    } else if (key === 'availability') {
      const statuses = Array.isArray(value) ? (value as unknown[]) : [value];
      if (statuses.length === 0) throw new InvalidInputError('empty list: it would match everything; leave the option out instead', { path: key });
      for (const status of statuses) {
        if (typeof status !== 'string' || !AVAILABILITY.includes(status)) {
          throw new InvalidInputError(`expected one of ${AVAILABILITY.join(', ')}, got ${JSON.stringify(status)}`, { path: key });
        }
      }
      conditions.push(odata.or(...statuses.map((status) => odata.eq('c8y_Availability.status', status as string))));
    } else {
      if (typeof value !== 'string') throw new InvalidInputError(`expected a string, got ${typeof value}`, { path: key });
      conditions.push(odata.eq(key, value));
    }
  }
  if (conditions.length === 0) return query;
  const queryKey = rest['q'] !== undefined && rest['q'] !== null ? 'q' : 'query';
  const given = rest[queryKey];
  if (given === undefined || given === null) {
    rest[queryKey] = odata.and(...conditions);
  } else if (typeof given === 'string') {
    throw new InvalidInputError(
      `cannot be combined with a query string in '${queryKey}' (a string cannot be merged safely): add it to the query, or pass the query as an odata builder value`,
      { path: folded[0] },
    );
  } else if (given instanceof ODataExpression) {
    rest[queryKey] = odata.and(given, ...conditions);
  } else if (given instanceof ODataQuery) {
    rest[queryKey] = given.filter(odata.and(...conditions));
  } else {
    rest[queryKey] = given; // the query spec names the bad value
  }
  return rest as Q;
}
