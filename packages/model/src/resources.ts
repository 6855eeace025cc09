import type { ResourceDescriptor } from '@c8y/rest-core';

// One constant per collection (plain literals, so a bundle keeps only those it uses); `Resources`
// gathers them for convenience.

/** The `managedObject` collection (see {@link Resources}). @example managedObjectResource.path */
export const managedObjectResource = {
  name: 'managedObject',
  path: '/inventory/managedObjects',
  collectionKey: 'managedObjects',
  mediaType: 'application/vnd.com.nsn.cumulocity.managedobject+json',
  collectionMediaType: 'application/vnd.com.nsn.cumulocity.managedobjectcollection+json',
} as const satisfies ResourceDescriptor;

/** The `binary` collection (see {@link Resources}). @example binaryResource.path */
export const binaryResource = {
  name: 'binary',
  path: '/inventory/binaries',
  collectionKey: 'managedObjects',
  mediaType: 'application/vnd.com.nsn.cumulocity.managedobject+json',
  collectionMediaType: 'application/vnd.com.nsn.cumulocity.managedobjectcollection+json',
} as const satisfies ResourceDescriptor;

/** The `externalId` collection (see {@link Resources}). @example externalIdResource.path */
export const externalIdResource = {
  name: 'externalId',
  path: '/identity/externalIds',
  collectionKey: 'externalIds',
  mediaType: 'application/vnd.com.nsn.cumulocity.externalid+json',
  collectionMediaType: 'application/vnd.com.nsn.cumulocity.externalidcollection+json',
} as const satisfies ResourceDescriptor;

/** The `measurement` collection (see {@link Resources}). @example measurementResource.path */
export const measurementResource = {
  name: 'measurement',
  path: '/measurement/measurements',
  collectionKey: 'measurements',
  mediaType: 'application/vnd.com.nsn.cumulocity.measurement+json',
  collectionMediaType: 'application/vnd.com.nsn.cumulocity.measurementcollection+json',
} as const satisfies ResourceDescriptor;

/** The `event` collection (see {@link Resources}). @example eventResource.path */
export const eventResource = {
  name: 'event',
  path: '/event/events',
  collectionKey: 'events',
  mediaType: 'application/vnd.com.nsn.cumulocity.event+json',
  collectionMediaType: 'application/vnd.com.nsn.cumulocity.eventcollection+json',
} as const satisfies ResourceDescriptor;

/** The `alarm` collection (see {@link Resources}). @example alarmResource.path */
export const alarmResource = {
  name: 'alarm',
  path: '/alarm/alarms',
  collectionKey: 'alarms',
  mediaType: 'application/vnd.com.nsn.cumulocity.alarm+json',
  collectionMediaType: 'application/vnd.com.nsn.cumulocity.alarmcollection+json',
  countPath: '/alarm/alarms/count',
} as const satisfies ResourceDescriptor;

/** The `operation` collection (see {@link Resources}). @example operationResource.path */
export const operationResource = {
  name: 'operation',
  path: '/devicecontrol/operations',
  collectionKey: 'operations',
  mediaType: 'application/vnd.com.nsn.cumulocity.operation+json',
  collectionMediaType: 'application/vnd.com.nsn.cumulocity.operationcollection+json',
} as const satisfies ResourceDescriptor;

/** The `newDeviceRequest` collection (see {@link Resources}): ids are devices' external ids. @example newDeviceRequestResource.path */
export const newDeviceRequestResource = {
  name: 'newDeviceRequest',
  path: '/devicecontrol/newDeviceRequests',
  collectionKey: 'newDeviceRequests',
  mediaType: 'application/vnd.com.nsn.cumulocity.newdevicerequest+json',
  collectionMediaType: 'application/vnd.com.nsn.cumulocity.newdevicerequestcollection+json',
} as const satisfies ResourceDescriptor;

/** The `bulkOperation` collection (see {@link Resources}). @example bulkOperationResource.path */
export const bulkOperationResource = {
  name: 'bulkOperation',
  path: '/devicecontrol/bulkoperations',
  collectionKey: 'bulkOperations',
  mediaType: 'application/vnd.com.nsn.cumulocity.bulkoperation+json',
  collectionMediaType: 'application/vnd.com.nsn.cumulocity.bulkoperationcollection+json',
} as const satisfies ResourceDescriptor;

/** The `user` collection (see {@link Resources}). @example userResource.path */
export const userResource = {
  name: 'user',
  path: '/user/{tenantId}/users',
  collectionKey: 'users',
  mediaType: 'application/vnd.com.nsn.cumulocity.user+json',
  collectionMediaType: 'application/vnd.com.nsn.cumulocity.usercollection+json',
} as const satisfies ResourceDescriptor;

/** The `userGroup` collection (see {@link Resources}). @example userGroupResource.path */
export const userGroupResource = {
  name: 'userGroup',
  path: '/user/{tenantId}/groups',
  collectionKey: 'groups',
  mediaType: 'application/vnd.com.nsn.cumulocity.group+json',
  collectionMediaType: 'application/vnd.com.nsn.cumulocity.groupcollection+json',
  idKind: 'integer',
} as const satisfies ResourceDescriptor;

/** The `inventoryRole` collection (see {@link Resources}). @example inventoryRoleResource.path */
export const inventoryRoleResource = {
  name: 'inventoryRole',
  path: '/user/inventoryroles',
  collectionKey: 'roles',
  mediaType: 'application/vnd.com.nsn.cumulocity.inventoryrole+json',
  collectionMediaType: 'application/vnd.com.nsn.cumulocity.inventoryrolecollection+json',
  idKind: 'integer',
} as const satisfies ResourceDescriptor;

/** The `role` collection (see {@link Resources}). @example roleResource.path */
export const roleResource = {
  name: 'role',
  path: '/user/roles',
  collectionKey: 'roles',
  mediaType: 'application/vnd.com.nsn.cumulocity.role+json',
  collectionMediaType: 'application/vnd.com.nsn.cumulocity.rolecollection+json',
} as const satisfies ResourceDescriptor;

/** The `subscription` collection (see {@link Resources}). @example subscriptionResource.path */
export const subscriptionResource = {
  name: 'subscription',
  path: '/notification2/subscriptions',
  collectionKey: 'subscriptions',
  mediaType: 'application/vnd.com.nsn.cumulocity.subscription+json',
  collectionMediaType: 'application/vnd.com.nsn.cumulocity.subscriptioncollection+json',
} as const satisfies ResourceDescriptor;

/** The `application` collection (see {@link Resources}). @example applicationResource.path */
export const applicationResource = {
  name: 'application',
  path: '/application/applications',
  collectionKey: 'applications',
  mediaType: 'application/vnd.com.nsn.cumulocity.application+json',
  collectionMediaType: 'application/vnd.com.nsn.cumulocity.applicationcollection+json',
} as const satisfies ResourceDescriptor;

/** The `applicationSubscription` collection (see {@link Resources}). @example applicationSubscriptionResource.path */
export const applicationSubscriptionResource = {
  name: 'applicationSubscription',
  path: '/application/currentApplication/subscriptions',
  collectionKey: 'users',
  collectionMediaType: 'application/vnd.com.nsn.cumulocity.applicationusercollection+json',
} as const satisfies ResourceDescriptor;

/** The `tenantOption` collection (see {@link Resources}). @example tenantOptionResource.path */
export const tenantOptionResource = {
  name: 'tenantOption',
  path: '/tenant/options',
  collectionKey: 'options',
  mediaType: 'application/vnd.com.nsn.cumulocity.option+json',
  collectionMediaType: 'application/vnd.com.nsn.cumulocity.optioncollection+json',
} as const satisfies ResourceDescriptor;

/** The `auditRecord` collection (see {@link Resources}). @example auditRecordResource.path */
export const auditRecordResource = {
  name: 'auditRecord',
  path: '/audit/auditRecords',
  collectionKey: 'auditRecords',
  mediaType: 'application/vnd.com.nsn.cumulocity.auditrecord+json',
  collectionMediaType: 'application/vnd.com.nsn.cumulocity.auditrecordcollection+json',
} as const satisfies ResourceDescriptor;

/**
 * The one place that knows each Cumulocity collection: path (with `{tenantId}` where the API is
 * tenant-scoped), collection key, object and collection media types, id kind and count endpoint.
 * The object classes here and the context packages use these; no collection key or media type
 * is written anywhere else. All paths and media types are taken from the Cumulocity OpenAPI spec.
 *
 * @example
 * ```ts
 * import { Resources } from '@c8y/model';
 * const page = await client.get<Record<string, unknown>>(Resources.event.path, {
 *   accept: Resources.event.collectionMediaType, params: { pageSize: 10 } });
 * const events = page[Resources.event.collectionKey];
 * ```
 */
export const Resources = /* @__PURE__ */ Object.freeze({
  managedObject: managedObjectResource,
  binary: binaryResource,
  externalId: externalIdResource,
  measurement: measurementResource,
  event: eventResource,
  alarm: alarmResource,
  operation: operationResource,
  bulkOperation: bulkOperationResource,
  newDeviceRequest: newDeviceRequestResource,
  user: userResource,
  userGroup: userGroupResource,
  inventoryRole: inventoryRoleResource,
  role: roleResource,
  subscription: subscriptionResource,
  application: applicationResource,
  applicationSubscription: applicationSubscriptionResource,
  tenantOption: tenantOptionResource,
  auditRecord: auditRecordResource,
} as const);

/**
 * The name of a resource in {@link Resources}.
 *
 * @example
 * ```ts
 * const name: ResourceName = 'managedObject';
 * ```
 */
export type ResourceName = keyof typeof Resources;

/**
 * Media types of things that are not collections of their own: references, the current user,
 * the identity path by global id, etc. Taken from the Cumulocity OpenAPI spec.
 *
 * @example
 * ```ts
 * await client.post(apiPath`/inventory/managedObjects/${id}/childDevices`, { managedObject: { id: deviceId } },
 *   { contentType: MediaTypes.managedObjectReference, accept: MediaTypes.managedObjectReference });
 * ```
 */
export const MediaTypes = /* @__PURE__ */ Object.freeze({
  managedObjectReference: 'application/vnd.com.nsn.cumulocity.managedobjectreference+json',
  managedObjectReferenceCollection: 'application/vnd.com.nsn.cumulocity.managedobjectreferencecollection+json',
  currentUser: 'application/vnd.com.nsn.cumulocity.currentuser+json',
  roleReference: 'application/vnd.com.nsn.cumulocity.rolereference+json',
  userReference: 'application/vnd.com.nsn.cumulocity.userreference+json',
  /** `POST /devicecontrol/deviceCredentials` (request and reply), the device bootstrap. */
  deviceCredentials: 'application/vnd.com.nsn.cumulocity.devicecredentials+json',
} as const);
