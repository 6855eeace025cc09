// Filter option types per resource: the REST names (camelCase, from the OpenAPI spec) plus the
// SDK's aliases. Every type is open: keys it does not name pass through unchanged.
import type { DateLike } from './dates.js';
import type { DurationLike } from './durations.js';
import type { IdLike } from './id-like.js';
import type { ODataExpression, ODataQuery } from './odata.js';

/**
 * Any further key is sent as a query parameter unchanged (strings, numbers, booleans, dates,
 * or arrays of those, which repeat the key).
 *
 * @example
 * ```ts
 * const f: OpenFilters = { myCustomParam: 'x' }; // → myCustomParam=x
 * ```
 */
export interface OpenFilters {
  [key: string]: unknown;
}

/**
 * The main date range (REST `dateFrom`/`dateTo`, the item's `time`) with aliases and ages.
 * Give each bound once: `after` and `dateFrom` (or `maxAge`) together are an error.
 *
 * @example
 * ```ts
 * const f: DateRangeFilters = { after: '2025-01-01', before: 'now' };
 * const g: DateRangeFilters = { maxAge: '1d' };           // dateFrom = now − 1 day
 * ```
 */
export interface DateRangeFilters {
  /** Lower bound of the item's time (REST name). */
  dateFrom?: DateLike;
  /** Alias of `dateFrom`. */
  after?: DateLike;
  /** Upper bound of the item's time (REST name). */
  dateTo?: DateLike;
  /** Alias of `dateTo`. */
  before?: DateLike;
  /** At most this old: sets `dateFrom` to now − `maxAge` (`'1d'`, `'2h'`, `'PT30M'`, a luxon `Duration`, ms). */
  maxAge?: DurationLike;
  /** At least this old: sets `dateTo` to now − `minAge`. */
  minAge?: DurationLike;
}

/**
 * The creation-time range (REST `createdFrom`/`createdTo`) with aliases.
 * @example const f: CreatedRangeFilters = { createdAfter: 'today' };
 */
export interface CreatedRangeFilters {
  /** Lower bound of the creation time (REST name). */
  createdFrom?: DateLike;
  /** Alias of `createdFrom`. */
  createdAfter?: DateLike;
  /** Upper bound of the creation time (REST name). */
  createdTo?: DateLike;
  /** Alias of `createdTo`. */
  createdBefore?: DateLike;
}

/**
 * The last-update range (REST `lastUpdatedFrom`/`lastUpdatedTo`) with aliases.
 * @example const f: UpdatedRangeFilters = { updatedAfter: new Date(Date.now() - 60_000) };
 */
export interface UpdatedRangeFilters {
  /** Lower bound of the last update (REST name). */
  lastUpdatedFrom?: DateLike;
  /** Alias of `lastUpdatedFrom`. */
  updatedAfter?: DateLike;
  /** Upper bound of the last update (REST name). */
  lastUpdatedTo?: DateLike;
  /** Alias of `lastUpdatedTo`. */
  updatedBefore?: DateLike;
}

/**
 * Sort order of range queries. `revert` is the REST flag, whose meaning differs per resource;
 * `ascending` says what you mean (`true` = oldest first) and is translated per resource.
 * Give one of them.
 *
 * @example
 * ```ts
 * const f: OrderFilters = { ascending: true }; // events: revert=true; measurements, operations: revert=false
 * ```
 */
export interface OrderFilters {
  /** The REST flag, sent as is. */
  revert?: boolean;
  /** `true`: oldest first; `false`: newest first. Translated to `revert` for the resource. */
  ascending?: boolean;
}

/**
 * `query`/`q` of the inventory: a string (sent as written) or an {@link odata} builder value
 * (combined with `name`, `type`, … when those are given too).
 * @example const q: InventoryQueryValue = odata.filter(odata.has('c8y_IsDevice')).orderBy('name');
 */
export type InventoryQueryValue = string | ODataQuery | ODataExpression;

/**
 * Options that build an inventory query (`query`, or `q` for devices). `type`, `owner` and
 * `fragmentType` join the built query too, since Cumulocity ignores `type` next to a query.
 *
 * @example
 * ```ts
 * const f: InventoryQueryFilters = { name: 'My*', fragments: ['c8y_Position'], group: '12', orderBy: 'name desc' };
 * // query=$filter=(name eq 'My*' and has(c8y_Position) and bygroupid(12)) $orderby=name desc
 * ```
 */
export interface InventoryQueryFilters {
  /** A query expression (see the OpenAPI "Query language"); a string is sent as written. */
  query?: InventoryQueryValue;
  /** Device query: like `query`, and Cumulocity only returns devices. */
  q?: InventoryQueryValue;
  /** Name, `*` wildcards allowed (case-insensitive with wildcards): `name eq '…'`. Quotes are escaped. */
  name?: string;
  /** Fragments every result must have: `has(…)` each. */
  fragments?: string | readonly string[];
  /** Only members of this group (or any of these groups): `bygroupid(…)`. */
  group?: IdLike | readonly IdLike[];
  /** Sort: `'name'`, `'name desc'`, or several: `['type', 'name desc']`. */
  orderBy?: string | readonly string[];
}

/**
 * `GET /inventory/managedObjects` (also the device and group inventories).
 *
 * @example
 * ```ts
 * const f: InventoryFilters = { type: 'c8y_Device', withParents: true, ids: ['1', device] };
 * ```
 */
export interface InventoryFilters extends InventoryQueryFilters, OpenFilters {
  /** Type (exact). */
  type?: string;
  /** Owner's user name. */
  owner?: string;
  /** Objects with this fragment (REST name). */
  fragmentType?: string;
  /** Alias of `fragmentType`. */
  fragment?: string;
  /** Full-text search over id, type, name, owner and external ids. Sent as its own parameter. */
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
  /** Include the groups an object belongs to. */
  withGroups?: boolean;
  /** Include parent references. */
  withParents?: boolean;
  /** Include the latest measurement values. */
  withLatestValues?: boolean;
}

/**
 * `GET /inventory/managedObjects/{id}/childDevices|childAssets|childAdditions`.
 * @example const f: InventoryChildrenFilters = { query: odata.filter(odata.has('c8y_IsDevice')) };
 */
export interface InventoryChildrenFilters extends InventoryQueryFilters, OpenFilters {
  /** Type, folded into the query. */
  type?: string;
  /** Owner, folded into the query. */
  owner?: string;
  /** Include child references of the children. */
  withChildren?: boolean;
  /** Include the number of children. */
  withChildrenCount?: boolean;
}

/**
 * `GET /inventory/binaries`.
 * @example const f: BinaryFilters = { type: 'text/csv', childAssetId: device };
 */
export interface BinaryFilters extends OpenFilters {
  /** Content type stored as `type`. */
  type?: string;
  /** Owner's user name. */
  owner?: string;
  /** Full-text search. */
  text?: string;
  /** These binaries only (comma-joined). */
  ids?: IdLike | readonly IdLike[];
  /** Binaries that are child additions of this object. */
  childAdditionId?: IdLike;
  /** Binaries that are child assets of this object. */
  childAssetId?: IdLike;
  /** Binaries that are child devices of this object. */
  childDeviceId?: IdLike;
}

/**
 * `GET|DELETE /measurement/measurements`.
 * @example const f: MeasurementFilters = { source: device, series: 'c8y_Temperature.T', maxAge: '1h' };
 */
export interface MeasurementFilters extends DateRangeFilters, OrderFilters, OpenFilters {
  /** Source device id or object. */
  source?: IdLike;
  /** Measurement type. */
  type?: string;
  /** Fragment name, e.g. `c8y_Temperature`. */
  valueFragmentType?: string;
  /** Series name within the fragment, e.g. `T` (needs `valueFragmentType`). */
  valueFragmentSeries?: string;
  /** `'fragment.series'`, split into `valueFragmentType` and `valueFragmentSeries`. */
  series?: string;
  /** DELETE only: measurements with this fragment. */
  fragmentType?: string;
  /** Alias of `fragmentType`. */
  fragment?: string;
}

/**
 * `GET /measurement/measurements/series`.
 * @example const f: SeriesFilters = { source: '1', series: ['c8y_T.T'], aggregationType: 'HOURLY', maxAge: '1d' };
 */
export interface SeriesFilters extends DateRangeFilters, OrderFilters, OpenFilters {
  /** Source device id or object. */
  source?: IdLike;
  /** `fragment.series` names; several repeat the key. */
  series?: string | readonly string[];
  /** Aggregation interval. */
  aggregationType?: 'DAILY' | 'HOURLY' | 'MINUTELY';
  /** Aggregation functions (newer Cumulocity versions; not in every OpenAPI spec); several repeat the key. */
  aggregationFunction?: string | readonly string[];
}

/**
 * `GET|DELETE /event/events`.
 * @example const f: EventFilters = { source: '123456', type: 'c8y_LocationUpdate', maxAge: '1d', ascending: true };
 */
export interface EventFilters extends DateRangeFilters, CreatedRangeFilters, UpdatedRangeFilters, OrderFilters, OpenFilters {
  /** Source object id or object. */
  source?: IdLike;
  /** Event type. */
  type?: string;
  /** Events with this fragment (REST name). */
  fragmentType?: string;
  /** Alias of `fragmentType`. */
  fragment?: string;
  /** Value of the `fragmentType` fragment (string fragments only; needs `fragmentType`). */
  fragmentValue?: string;
  /** Also events of the source's child assets (needs `source`). */
  withSourceAssets?: boolean;
  /** Also events of the source's child devices (needs `source`). */
  withSourceDevices?: boolean;
  /** Also events of all the source's children (needs `source`). */
  withSourceChildren?: boolean;
  /** Also events of the source's child additions (needs `source`). */
  withSourceAdditions?: boolean;
}

/**
 * `GET|DELETE /devicecontrol/operations`.
 * @example const f: OperationFilters = { deviceId: device, status: 'PENDING', ascending: false };
 */
export interface OperationFilters extends DateRangeFilters, OrderFilters, OpenFilters {
  /** Target device id or object. */
  deviceId?: IdLike;
  /** Agent id or object. */
  agentId?: IdLike;
  /** Bulk operation id or object. */
  bulkOperationId?: IdLike;
  /** Operation status. */
  status?: 'SUCCESSFUL' | 'FAILED' | 'EXECUTING' | 'PENDING';
  /** Operations with this fragment (REST name). */
  fragmentType?: string;
  /** Alias of `fragmentType`. */
  fragment?: string;
}

/**
 * `GET /devicecontrol/bulkoperations` (paging only).
 * @example const f: BulkOperationFilters = {};
 */
export type BulkOperationFilters = OpenFilters;

/**
 * `GET /user/{tenantId}/users`.
 * @example const f: UserFilters = { username: 'adm', groups: [1, { id: '2' }] };
 */
export interface UserFilters extends OpenFilters {
  /** User name prefix, case-insensitive. */
  username?: string;
  /** User name substring (at least 3 characters; not with `username`). */
  usernameContains?: string;
  /** Members of these user groups: ids or objects, comma-joined. */
  groups?: IdLike | readonly IdLike[];
  /** Users owned by this user. */
  owner?: string;
  /** `true`: only device bootstrap users (`device_*`). */
  onlyDevices?: boolean;
  /** Include the number of sub-users. */
  withSubusersCount?: boolean;
}

/** `GET /user/{tenantId}/groups` (paging only). @example const f: UserGroupFilters = {}; */
export type UserGroupFilters = OpenFilters;
/** `GET /user/inventoryroles` (paging only). @example const f: InventoryRoleFilters = {}; */
export type InventoryRoleFilters = OpenFilters;
/** `GET /tenant/options` (paging only). @example const f: TenantOptionFilters = {}; */
export type TenantOptionFilters = OpenFilters;

/** Application types. @example const t: ApplicationTypeFilter = 'MICROSERVICE'; */
export type ApplicationTypeFilter = 'EXTERNAL' | 'HOSTED' | 'MICROSERVICE';

/**
 * `GET /application/applications`.
 * @example const f: ApplicationFilters = { type: ['HOSTED', 'MICROSERVICE'], subscriber: 't123' };
 */
export interface ApplicationFilters extends OpenFilters {
  /** Application name. */
  name?: string;
  /** Type(s), comma-joined. */
  type?: ApplicationTypeFilter | readonly ApplicationTypeFilter[];
  /** Owning tenant id. */
  owner?: string;
  /** Applications available to this tenant. */
  providedFor?: string;
  /** Applications this tenant subscribes to. */
  subscriber?: string;
  /** Applications of this tenant (owned or subscribed). */
  tenant?: string;
  /** Applications available to this user. */
  user?: string;
  /** Only applications with (or without) versions. */
  hasVersions?: boolean;
}

/**
 * `GET /tenant/tenants`.
 * @example const f: TenantFilters = { parent: 'management' };
 */
export interface TenantFilters extends OpenFilters {
  /** Company name. */
  company?: string;
  /** Domain name. */
  domain?: string;
  /** Parent tenant id. */
  parent?: string;
}

/**
 * `GET /audit/auditRecords`. Audit records document no `revert`, so `ascending` is rejected.
 * @example const f: AuditRecordFilters = { type: 'Alarm', source: device, maxAge: '7d' };
 */
export interface AuditRecordFilters extends DateRangeFilters, OpenFilters {
  /** Source object id or object. */
  source?: IdLike;
  /** Audit type, e.g. `Alarm`, `User`. */
  type?: string;
  /** User name. */
  user?: string;
  /** Application name. */
  application?: string;
}

/**
 * `GET|DELETE /notification2/subscriptions`.
 * @example const f: SubscriptionFilters = { context: 'mo', source: device };
 */
export interface SubscriptionFilters extends OpenFilters {
  /** `mo` (managed object) or `tenant`. */
  context?: 'mo' | 'tenant';
  /** Source object id or object. */
  source?: IdLike;
  /** Subscription name. */
  subscription?: string;
  /** Type filter of the subscription. */
  typeFilter?: string;
}
