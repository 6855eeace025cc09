import * as v from 'valibot';
import { optionalString, requiredString } from './common.js';

/**
 * What a new managed object must look like: `name`, `type` and `owner` are strings when given;
 * any custom fragment is allowed.
 *
 * @example
 * ```ts
 * v.parse(ManagedObjectSchema, { name: 'Pump', c8y_IsDevice: {} });
 * ```
 */
export const ManagedObjectSchema = v.looseObject({
  name: optionalString(),
  type: optionalString(),
  owner: optionalString(),
});

/**
 * The metadata of a new binary: a `name` is required (it becomes the file name).
 *
 * @example
 * ```ts
 * v.parse(BinarySchema, { name: 'hello.txt', type: 'text/plain' });
 * ```
 */
export const BinarySchema = v.looseObject({
  name: requiredString(),
  type: optionalString(),
});

/**
 * A new external id: `externalId` and `type` are required.
 *
 * @example
 * ```ts
 * v.parse(ExternalIdSchema, { externalId: 'raspi-0001', type: 'c8y_Serial' });
 * ```
 */
export const ExternalIdSchema = v.looseObject({
  externalId: requiredString(),
  type: requiredString(),
});
