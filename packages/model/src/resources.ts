import { cumulocityMediaType, type ResourceDescriptor } from '@c8y/rest-core';

const mt = cumulocityMediaType;

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
export const Resources = Object.freeze({
  managedObject: {
    name: 'managedObject',
    path: '/inventory/managedObjects',
    collectionKey: 'managedObjects',
    mediaType: mt('managedobject'),
    collectionMediaType: mt('managedobjectcollection'),
  },
  binary: {
    name: 'binary',
    path: '/inventory/binaries',
    collectionKey: 'managedObjects',
    mediaType: mt('managedobject'),
    collectionMediaType: mt('managedobjectcollection'),
  },
  externalId: {
    name: 'externalId',
    path: '/identity/externalIds',
    collectionKey: 'externalIds',
    mediaType: mt('externalid'),
    collectionMediaType: mt('externalidcollection'),
  },
  measurement: {
    name: 'measurement',
    path: '/measurement/measurements',
    collectionKey: 'measurements',
    mediaType: mt('measurement'),
    collectionMediaType: mt('measurementcollection'),
  },
  event: {
    name: 'event',
    path: '/event/events',
    collectionKey: 'events',
    mediaType: mt('event'),
    collectionMediaType: mt('eventcollection'),
  },
  alarm: {
    name: 'alarm',
    path: '/alarm/alarms',
    collectionKey: 'alarms',
    mediaType: mt('alarm'),
    collectionMediaType: mt('alarmcollection'),
    countPath: '/alarm/alarms/count',
  },
  operation: {
    name: 'operation',
    path: '/devicecontrol/operations',
    collectionKey: 'operations',
    mediaType: mt('operation'),
    collectionMediaType: mt('operationcollection'),
  },
  bulkOperation: {
    name: 'bulkOperation',
    path: '/devicecontrol/bulkoperations',
    collectionKey: 'bulkOperations',
    mediaType: mt('bulkoperation'),
    collectionMediaType: mt('bulkoperationcollection'),
  },
  user: {
    name: 'user',
    path: '/user/{tenantId}/users',
    collectionKey: 'users',
    mediaType: mt('user'),
    collectionMediaType: mt('usercollection'),
  },
  userGroup: {
    name: 'userGroup',
    path: '/user/{tenantId}/groups',
    collectionKey: 'groups',
    mediaType: mt('group'),
    collectionMediaType: mt('groupcollection'),
    idKind: 'integer',
  },
  inventoryRole: {
    name: 'inventoryRole',
    path: '/user/inventoryroles',
    collectionKey: 'roles',
    mediaType: mt('inventoryrole'),
    collectionMediaType: mt('inventoryrolecollection'),
    idKind: 'integer',
  },
  role: {
    name: 'role',
    path: '/user/roles',
    collectionKey: 'roles',
    mediaType: mt('role'),
    collectionMediaType: mt('rolecollection'),
  },
  subscription: {
    name: 'subscription',
    path: '/notification2/subscriptions',
    collectionKey: 'subscriptions',
    mediaType: mt('subscription'),
    collectionMediaType: mt('subscriptioncollection'),
  },
  application: {
    name: 'application',
    path: '/application/applications',
    collectionKey: 'applications',
    mediaType: mt('application'),
    collectionMediaType: mt('applicationcollection'),
  },
  applicationSubscription: {
    name: 'applicationSubscription',
    path: '/application/currentApplication/subscriptions',
    collectionKey: 'users',
    collectionMediaType: mt('applicationusercollection'),
  },
  tenantOption: {
    name: 'tenantOption',
    path: '/tenant/options',
    collectionKey: 'options',
    mediaType: mt('option'),
    collectionMediaType: mt('optioncollection'),
  },
  auditRecord: {
    name: 'auditRecord',
    path: '/audit/auditRecords',
    collectionKey: 'auditRecords',
    mediaType: mt('auditrecord'),
    collectionMediaType: mt('auditrecordcollection'),
  },
} as const satisfies Record<string, ResourceDescriptor>);

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
 * await client.post(apiPath`/inventory/managedObjects/${id}/childDevices`, { managedObject: { id: child } },
 *   { contentType: MediaTypes.managedObjectReference, accept: MediaTypes.managedObjectReference });
 * ```
 */
export const MediaTypes = Object.freeze({
  managedObjectReference: mt('managedobjectreference'),
  managedObjectReferenceCollection: mt('managedobjectreferencecollection'),
  currentUser: mt('currentuser'),
  roleReference: mt('rolereference'),
  userReference: mt('userreference'),
} as const);
