import type { QuerySpec } from './query-spec.js';

// Parameter lists follow the OpenAPI spec (reference/c8y-oas.yml) for each collection's GET
// (and DELETE/PUT by filter where those take the same parameters).

// Shared values are written out in each spec, not spread in: a spread (`...CHILD_IDS`) counts as
// a side effect for bundlers, which would then keep every spec in an app that uses one.
const DATE_RANGE = { after: 'dateFrom', before: 'dateTo' } as const;
const AGES = { maxAge: 'dateFrom', minAge: 'dateTo' } as const;
const ALL_DATES = ['dateFrom', 'dateTo', 'createdFrom', 'createdTo', 'lastUpdatedFrom', 'lastUpdatedTo'] as const;

/**
 * `GET /inventory/managedObjects`: `fragment` → `fragmentType`; `ids` and `child*Id` take ids or
 * objects (`ids` comma-joined); `name`, `fragments`, `group`, `orderBy` build a `query`.
 *
 * @example
 * ```ts
 * buildQueryParams({ name: 'My*', type: 'c8y_Device' }, inventoryQuerySpec);
 * // { query: "$filter=(name eq 'My*' and type eq 'c8y_Device')" }
 * ```
 */
export const inventoryQuerySpec: QuerySpec = {
  resource: 'managedObjects',
  aliases: { fragment: 'fragmentType' },
  ids: ['ids', 'childAdditionId', 'childAssetId', 'childDeviceId'],
  commaLists: ['ids'],
  odata: { param: 'query' },
};

/**
 * The device inventory: like {@link inventoryQuerySpec} but only devices — `fragmentType=c8y_IsDevice`,
 * or a `q` query (Cumulocity adds `c8y_IsDevice` to `q`). A `query` option is sent as `q`.
 *
 * @example
 * ```ts
 * buildQueryParams({ type: 'x' }, deviceInventoryQuerySpec);           // { fragmentType: 'c8y_IsDevice', type: 'x' }
 * buildQueryParams({ name: 'M*' }, deviceInventoryQuerySpec);          // { q: "$filter=(has(c8y_IsDevice) and name eq 'M*')" }
 * ```
 */
export const deviceInventoryQuerySpec: QuerySpec = {
  resource: 'devices',
  aliases: { fragment: 'fragmentType', query: 'q' },
  ids: ['ids', 'childAdditionId', 'childAssetId', 'childDeviceId'],
  commaLists: ['ids'],
  odata: { param: 'q', requiredFragment: 'c8y_IsDevice' },
};

/**
 * The group inventory: like {@link inventoryQuerySpec} but only groups (`c8y_IsDeviceGroup`).
 *
 * @example
 * ```ts
 * buildQueryParams({}, groupInventoryQuerySpec); // { fragmentType: 'c8y_IsDeviceGroup' }
 * ```
 */
export const groupInventoryQuerySpec: QuerySpec = {
  resource: 'groups',
  aliases: { fragment: 'fragmentType' },
  ids: ['ids', 'childAdditionId', 'childAssetId', 'childDeviceId'],
  commaLists: ['ids'],
  odata: { param: 'query', requiredFragment: 'c8y_IsDeviceGroup' },
};

/**
 * `GET /inventory/managedObjects/{id}/childDevices|childAssets|childAdditions`: `query` only
 * (plus `name`, `fragments`, `group`, `orderBy`, `type`, `owner` folded into it).
 *
 * @example
 * ```ts
 * buildQueryParams({ name: 'Sensor*' }, inventoryChildrenQuerySpec); // { query: "$filter=(name eq 'Sensor*')" }
 * ```
 */
export const inventoryChildrenQuerySpec: QuerySpec = {
  resource: 'children',
  odata: { param: 'query' },
};

/**
 * `GET /inventory/binaries`: `ids` (comma-joined) and `child*Id` take ids or objects.
 *
 * @example
 * ```ts
 * buildQueryParams({ ids: ['1', { id: '2' }] }, binaryQuerySpec); // { ids: '1,2' }
 * ```
 */
export const binaryQuerySpec: QuerySpec = {
  resource: 'binaries',
  ids: ['ids', 'childAdditionId', 'childAssetId', 'childDeviceId'],
  commaLists: ['ids'],
};

/**
 * `GET|DELETE /measurement/measurements`: `after/before`, `minAge/maxAge`, `ascending`
 * (`revert=false` = oldest first), `source` id or object, `series: 'A.B'` →
 * `valueFragmentType=A&valueFragmentSeries=B`, `fragment` → `fragmentType` (DELETE).
 *
 * @example
 * ```ts
 * buildQueryParams({ source: '1', series: 'c8y_Temp.T', ascending: true }, measurementQuerySpec);
 * // { source: '1', valueFragmentType: 'c8y_Temp', valueFragmentSeries: 'T', revert: false }
 * ```
 */
export const measurementQuerySpec: QuerySpec = {
  resource: 'measurements',
  aliases: { after: 'dateFrom', before: 'dateTo', fragment: 'fragmentType' },
  dates: ['dateFrom', 'dateTo'],
  ages: AGES,
  ascendingRevert: false,
  ids: ['source'],
  splits: { series: ['valueFragmentType', 'valueFragmentSeries'] },
};

/**
 * `GET /measurement/measurements/series`: dates as for measurements; `series` and
 * `aggregationFunction` arrays repeat the key (`series=A.B&series=C.D`).
 *
 * @example
 * ```ts
 * buildQueryParams({ source: '1', series: ['c8y_T.T', 'c8y_H.H'], maxAge: '1d' }, seriesQuerySpec, new Date('2025-06-15T12:00:00Z'));
 * ```
 */
export const seriesQuerySpec: QuerySpec = {
  resource: 'series',
  aliases: DATE_RANGE,
  dates: ['dateFrom', 'dateTo'],
  ages: AGES,
  ascendingRevert: false,
  ids: ['source'],
};

/**
 * `GET|DELETE /event/events`: all date aliases and ages, `ascending` (`revert=true` = oldest
 * first for events), `fragment` → `fragmentType`, `source` id or object; `fragmentValue` needs
 * `fragmentType`, `withSource*` need `source`.
 *
 * @example
 * ```ts
 * buildQueryParams({ source: '123456', maxAge: '1d' }, eventQuerySpec, new Date('2025-01-02T00:00:00Z'));
 * // { source: '123456', dateFrom: '2025-01-01T00:00:00.000Z' }
 * ```
 */
export const eventQuerySpec: QuerySpec = {
  resource: 'events',
  aliases: {
    after: 'dateFrom',
    before: 'dateTo',
    createdAfter: 'createdFrom',
    createdBefore: 'createdTo',
    updatedAfter: 'lastUpdatedFrom',
    updatedBefore: 'lastUpdatedTo',
    fragment: 'fragmentType',
  },
  dates: ALL_DATES,
  ages: AGES,
  ascendingRevert: true,
  ids: ['source'],
  requires: {
    fragmentValue: 'fragmentType',
    withSourceAssets: 'source',
    withSourceDevices: 'source',
    withSourceChildren: 'source',
    withSourceAdditions: 'source',
  },
};

/**
 * `GET|DELETE /devicecontrol/operations`: `after/before`, ages, `ascending` (`revert=false` =
 * oldest first for operations), `fragment` → `fragmentType`, `deviceId`/`agentId`/`bulkOperationId`
 * take ids or objects.
 *
 * @example
 * ```ts
 * buildQueryParams({ deviceId: device, status: 'PENDING', ascending: false }, operationQuerySpec);
 * // { deviceId: '42', status: 'PENDING', revert: true }
 * ```
 */
export const operationQuerySpec: QuerySpec = {
  resource: 'operations',
  aliases: { after: 'dateFrom', before: 'dateTo', fragment: 'fragmentType' },
  dates: ['dateFrom', 'dateTo'],
  ages: AGES,
  ascendingRevert: false,
  ids: ['deviceId', 'agentId', 'bulkOperationId'],
};

/**
 * `GET /devicecontrol/bulkoperations`: paging only.
 * @example buildQueryParams({}, bulkOperationQuerySpec) // {}
 */
export const bulkOperationQuerySpec: QuerySpec = { resource: 'bulkOperations' };

/**
 * `GET /user/{tenantId}/users`: `groups` takes group ids or objects (comma-joined).
 *
 * @example
 * ```ts
 * buildQueryParams({ groups: [1, { id: 2 }], username: 'adm' }, userQuerySpec); // { groups: '1,2', username: 'adm' }
 * ```
 */
export const userQuerySpec: QuerySpec = {
  resource: 'users',
  ids: ['groups'],
  commaLists: ['groups'],
};

/**
 * `GET /user/{tenantId}/groups`: paging only.
 * @example buildQueryParams({}, userGroupQuerySpec) // {}
 */
export const userGroupQuerySpec: QuerySpec = { resource: 'userGroups' };

/**
 * `GET /user/inventoryroles`: paging only.
 * @example buildQueryParams({}, inventoryRoleQuerySpec) // {}
 */
export const inventoryRoleQuerySpec: QuerySpec = { resource: 'inventoryRoles' };

/**
 * `GET /application/applications`: `type` arrays comma-joined (`EXTERNAL,HOSTED`).
 *
 * @example
 * ```ts
 * buildQueryParams({ type: ['EXTERNAL', 'HOSTED'] }, applicationQuerySpec); // { type: 'EXTERNAL,HOSTED' }
 * ```
 */
export const applicationQuerySpec: QuerySpec = {
  resource: 'applications',
  commaLists: ['type'],
};

/**
 * `GET /tenant/options`: paging only.
 * @example buildQueryParams({}, tenantOptionQuerySpec) // {}
 */
export const tenantOptionQuerySpec: QuerySpec = { resource: 'tenantOptions' };

/**
 * `GET /tenant/tenants`: `company`, `domain`, `parent` pass through.
 * @example buildQueryParams({ parent: 'management' }, tenantQuerySpec) // { parent: 'management' }
 */
export const tenantQuerySpec: QuerySpec = { resource: 'tenants' };

/**
 * `GET /audit/auditRecords`: `after/before`, ages, `source` id or object. Audit records
 * document no `revert`, so `ascending` is rejected.
 *
 * @example
 * ```ts
 * buildQueryParams({ type: 'Alarm', after: 'today' }, auditRecordQuerySpec, new Date('2025-06-15T12:00:00Z'));
 * ```
 */
export const auditRecordQuerySpec: QuerySpec = {
  resource: 'auditRecords',
  aliases: DATE_RANGE,
  dates: ['dateFrom', 'dateTo'],
  ages: AGES,
  ids: ['source'],
};

/**
 * `GET|DELETE /notification2/subscriptions`: `source` id or object.
 *
 * @example
 * ```ts
 * buildQueryParams({ context: 'mo', source: device }, subscriptionQuerySpec); // { context: 'mo', source: '42' }
 * ```
 */
export const subscriptionQuerySpec: QuerySpec = {
  resource: 'subscriptions',
  ids: ['source'],
};
