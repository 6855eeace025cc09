/**
 * `@c8y/model`: Cumulocity object classes ("JSON with benefits"), valibot schemas for what
 * users build, and the resource table. DateTime properties need `import '@c8y/model/datetime'`.
 *
 * @example
 * ```ts
 * import { ManagedObject } from '@c8y/model';
 * const obj = await new ManagedObject(c8y, { name: 'MyObject', type: 'my_CustomType' }).create();
 * obj.type = 'my_ChangedType';
 * await obj.update();
 * ```
 * @packageDocumentation
 */

// Resource metadata
export {
  MediaTypes,
  Resources,
  type ResourceName,
  managedObjectResource,
  binaryResource,
  externalIdResource,
  measurementResource,
  eventResource,
  alarmResource,
  operationResource,
  bulkOperationResource,
  newDeviceRequestResource,
  userResource,
  userGroupResource,
  inventoryRoleResource,
  roleResource,
  subscriptionResource,
  applicationResource,
  applicationSubscriptionResource,
  tenantOptionResource,
  auditRecordResource,
} from './resources.js';
export { collectionPath, objectPath } from './resource-paths.js';

// Base classes and shared types
export { CumulocityObject, type ObjectClass, type ObjectInit } from './objects/cumulocity-object.js';
export { JsonView } from './objects/json-view.js';
export { InventoryObject } from './objects/managed-object-base.js';
export { SourcedObject, TextObject } from './objects/sourced-object.js';
export { BaseUser } from './objects/base-user.js';
export type { ObjectMeta } from './objects/object-meta.js';
export type { Widen } from './objects/widen.js';

// Inventory
export {
  ManagedObject,
  MANAGED_OBJECT_READ_ONLY,
  type ChildKind,
  type DeleteManagedObjectOptions,
  type ManagedObjectInit,
} from './objects/managed-object.js';
export { Device, DeviceGroup } from './objects/device.js';
export { Binary, type BinaryInit } from './objects/binary.js';
export { ExternalId, type ExternalIdInit } from './objects/external-id.js';
export { Availability } from './objects/availability.js';

// Data
export { Measurement, type MeasurementInit } from './objects/measurement.js';
export { Series, type CollectOptions, type SeriesSpec, type SeriesTimestamp, type TimestampFormat } from './objects/series.js';
export { Event, type EventAttachmentInfo, type EventInit } from './objects/event.js';
export { Alarm, type AlarmInit } from './objects/alarm.js';

// Device control
export { Operation, type OperationInit } from './objects/operation.js';
export {
  BulkOperation,
  type BulkOperationGeneralStatus,
  type BulkOperationInit,
  type BulkOperationProgress,
  type BulkOperationStatus,
} from './objects/bulk-operation.js';
export { NewDeviceRequest, type NewDeviceRequestInit } from './objects/new-device-request.js';

// Users
export { User, idsOf, referenceIds, type UserInit } from './objects/user.js';
export { CurrentUser } from './objects/current-user.js';
export { TfaSettings } from './objects/tfa-settings.js';
export { UserGroup, type UserGroupInit } from './objects/user-group.js';
export { AnyPermission, Permission, ReadPermission, WritePermission, type PermissionJson } from './objects/permission.js';

// Platform
export { Application, type ApplicationInit, type ApplicationType } from './objects/application.js';
export { ApplicationSubscription } from './objects/application-subscription.js';
export { TenantOption, type TenantOptionInit } from './objects/tenant-option.js';
export { AuditRecord, type AuditRecordInit } from './objects/audit-record.js';
export { Change } from './objects/change.js';
export { Subscription, type SubscriptionInit } from './objects/subscription.js';

// Schemas
export { ManagedObjectSchema, BinarySchema, ExternalIdSchema } from './schemas/inventory.js';
export {
  AlarmSchema,
  AlarmSeverities,
  AlarmStatuses,
  BulkOperationSchema,
  EventSchema,
  MeasurementSchema,
  NewDeviceRequestSchema,
  NewDeviceRequestStatuses,
  OperationSchema,
  OperationStatuses,
  type AlarmSeverity,
  type AlarmStatus,
  type NewDeviceRequestStatus,
  type OperationStatus,
} from './schemas/data.js';
export {
  CurrentUserSchema,
  PermissionLevels,
  PermissionSchema,
  PermissionScopes,
  UserGroupSchema,
  UserSchema,
  type PermissionLevel,
  type PermissionScope,
} from './schemas/users.js';
export { ApplicationSchema, AuditRecordSchema, SubscriptionSchema, TenantOptionSchema } from './schemas/platform.js';
export { validateCreate, validateUpdate, type ObjectSchema } from './schemas/validate.js';

// JSON, paths, tracking, time
export { isJsonObject, type JsonObject, type JsonValue } from './json/json-types.js';
export { toJson } from './json/to-json.js';
export { cloneJson, jsonEqual } from './json/clone.js';
export { deleteAt, getAt, parsePath, setAt, type JsonPath } from './json/paths.js';
export { applyFragments, diffFragments } from './tracking/diff.js';
export { TrackedDocument } from './tracking/tracked-document.js';
export { toTimeString, type TimeInput } from './time/time-input.js';
export { hasDateTimeProvider, installDateTimeProvider, parseDateTime, type DateTimeProvider } from './datetime/provider.js';
