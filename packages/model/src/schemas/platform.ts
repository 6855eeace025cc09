import * as v from 'valibot';
import { expected, objectRef, oneOf, optionalString, requiredString, timeString } from './common.js';

/**
 * A new application: `name` and `key` are required; `type` must be `EXTERNAL`, `HOSTED` or
 * `MICROSERVICE` when given.
 *
 * @example
 * ```ts
 * v.parse(ApplicationSchema, { name: 'my-app', key: 'my-app-key', type: 'HOSTED' });
 * ```
 */
export const ApplicationSchema = v.looseObject({
  name: requiredString(),
  key: requiredString(),
  type: v.optional(oneOf(['EXTERNAL', 'HOSTED', 'MICROSERVICE'] as const)),
  availability: v.optional(oneOf(['MARKET', 'PRIVATE'] as const)),
  contextPath: optionalString(),
  description: optionalString(),
});

/**
 * A new tenant option: `category` and `key` are required; `value` is a string.
 *
 * @example
 * ```ts
 * v.parse(TenantOptionSchema, { category: 'alarm.type.mapping', key: 'temp_too_high', value: 'CRITICAL|temperature too high' });
 * ```
 */
export const TenantOptionSchema = v.looseObject({
  category: requiredString(),
  key: requiredString(),
  value: v.optional(v.string(expected('a string'))),
});

/**
 * A new audit record: `activity`, `source.id`, `text`, `time` and `type` are required.
 *
 * @example
 * ```ts
 * v.parse(AuditRecordSchema, { activity: 'Login', source: { id: '1' }, text: 'x', time: '2025-01-01T00:00:00Z', type: 'User' });
 * ```
 */
export const AuditRecordSchema = v.looseObject({
  activity: requiredString(),
  source: objectRef(),
  text: requiredString(),
  time: timeString(),
  type: requiredString(),
  user: optionalString(),
});

/**
 * A new Notification 2.0 subscription: `context` (`mo` or `tenant`) and `subscription` are
 * required; `source.id` too for context `mo`.
 *
 * @example
 * ```ts
 * v.parse(SubscriptionSchema, { context: 'mo', subscription: 'sub1', source: { id: '1' } });
 * ```
 */
export const SubscriptionSchema = v.looseObject({
  context: oneOf(['mo', 'tenant'] as const),
  subscription: requiredString(),
  source: v.optional(objectRef()),
  subscriptionFilter: v.optional(
    v.looseObject({
      apis: v.optional(v.array(v.string(expected('an API name')), expected('an array of API names'))),
      typeFilter: optionalString(),
    }, expected('an object')),
  ),
  fragmentsToCopy: v.optional(v.array(v.string(expected('a fragment name')), expected('an array of fragment names'))),
  nonPersistent: v.optional(v.boolean(expected('a boolean'))),
});
