import * as v from 'valibot';
import { objectRef, oneOf, optionalString, requiredString, timeString } from './common.js';

/**
 * Alarm severities, most severe first.
 *
 * @example
 * ```ts
 * const severity: AlarmSeverity = AlarmSeverities[0]; // 'CRITICAL'
 * ```
 */
export const AlarmSeverities = ['CRITICAL', 'MAJOR', 'MINOR', 'WARNING'] as const;
/**
 * An alarm severity.
 * @example
 * ```ts
 * const severity: AlarmSeverity = 'MAJOR';
 * ```
 */
export type AlarmSeverity = (typeof AlarmSeverities)[number];

/**
 * Alarm statuses.
 *
 * @example
 * ```ts
 * AlarmStatuses.includes('CLEARED'); // true
 * ```
 */
export const AlarmStatuses = ['ACTIVE', 'ACKNOWLEDGED', 'CLEARED'] as const;
/**
 * An alarm status.
 * @example
 * ```ts
 * const status: AlarmStatus = 'CLEARED';
 * ```
 */
export type AlarmStatus = (typeof AlarmStatuses)[number];

/**
 * A new measurement: `source.id`, `type` and `time` are required; fragments are free.
 *
 * @example
 * ```ts
 * v.parse(MeasurementSchema, { source: { id: '1' }, type: 'T', time: '2025-01-01T00:00:00Z' });
 * ```
 */
export const MeasurementSchema = v.looseObject({
  source: objectRef(),
  type: requiredString(),
  time: timeString(),
});

/**
 * A new event: `source.id`, `type`, `text` and `time` are required.
 *
 * @example
 * ```ts
 * v.parse(EventSchema, { source: { id: '1' }, type: 'c8y_Login', text: 'hello', time: '2025-01-01T00:00:00Z' });
 * ```
 */
export const EventSchema = v.looseObject({
  source: objectRef(),
  type: requiredString(),
  text: v.string((issue) => (issue.input === undefined ? 'is required' : 'must be a string')),
  time: timeString(),
});

/**
 * A new alarm: `source.id`, `type`, `text`, `severity` and `time` are required; `status`
 * (default `ACTIVE`) must be a known status when given.
 *
 * @example
 * ```ts
 * v.parse(AlarmSchema, { source: { id: '1' }, type: 't', text: 'x', severity: 'MAJOR', time: '2025-01-01T00:00:00Z' });
 * ```
 */
export const AlarmSchema = v.looseObject({
  source: objectRef(),
  type: requiredString(),
  text: v.string((issue) => (issue.input === undefined ? 'is required' : 'must be a string')),
  severity: oneOf(AlarmSeverities),
  status: v.optional(oneOf(AlarmStatuses)),
  time: timeString(),
});

/**
 * Operation statuses.
 *
 * @example
 * ```ts
 * OperationStatuses.includes('SUCCESSFUL'); // true
 * ```
 */
export const OperationStatuses = ['PENDING', 'EXECUTING', 'SUCCESSFUL', 'FAILED'] as const;
/**
 * An operation status.
 * @example
 * ```ts
 * const status: OperationStatus = 'SUCCESSFUL';
 * ```
 */
export type OperationStatus = (typeof OperationStatuses)[number];

/**
 * A new operation: `deviceId` is required; `status` must be known when given.
 *
 * @example
 * ```ts
 * v.parse(OperationSchema, { deviceId: '1', c8y_Restart: {} });
 * ```
 */
export const OperationSchema = v.looseObject({
  deviceId: requiredString(),
  status: v.optional(oneOf(OperationStatuses)),
  description: optionalString(),
  failureReason: optionalString(),
});

/**
 * A new bulk operation: an `operationPrototype` object, and exactly one of `groupId` or
 * `failedParentId`; `startDate` a date/time and `creationRamp` a number when given.
 *
 * @example
 * ```ts
 * v.parse(BulkOperationSchema, { groupId: '5', operationPrototype: { c8y_Restart: {} }, creationRamp: 15 });
 * ```
 */
export const BulkOperationSchema = v.looseObject({
  groupId: optionalString(),
  failedParentId: optionalString(),
  operationPrototype: v.looseObject({}, (issue) => (issue.input === undefined ? 'is required' : 'must be an object')),
  startDate: v.optional(timeString()),
  creationRamp: v.optional(v.number('must be a number of seconds')),
});

/**
 * Statuses of a new device request, in the order a request goes through them: registered, the
 * device has asked for its credentials, accepted.
 *
 * @example
 * ```ts
 * NewDeviceRequestStatuses.includes('ACCEPTED'); // true
 * ```
 */
export const NewDeviceRequestStatuses = ['WAITING_FOR_CONNECTION', 'PENDING_ACCEPTANCE', 'ACCEPTED'] as const;
/**
 * A new device request status.
 * @example
 * ```ts
 * const status: NewDeviceRequestStatus = 'PENDING_ACCEPTANCE';
 * ```
 */
export type NewDeviceRequestStatus = (typeof NewDeviceRequestStatuses)[number];

/**
 * A new device request: `id` (the device's external id) is required; `groupId`, `type`,
 * `enrollmentToken` and `securityToken` are strings and `status` is known when given.
 *
 * @example
 * ```ts
 * v.parse(NewDeviceRequestSchema, { id: '0000000017b769d5', groupId: '123' });
 * ```
 */
export const NewDeviceRequestSchema = v.looseObject({
  id: requiredString(),
  groupId: optionalString(),
  type: optionalString(),
  status: v.optional(oneOf(NewDeviceRequestStatuses)),
  enrollmentToken: optionalString(),
  securityToken: optionalString(),
});
