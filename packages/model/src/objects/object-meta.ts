import type { ResourceDescriptor } from '@c8y/rest-core';
import type { JsonObject } from '../json/json-types.js';
import type { ObjectSchema } from '../schemas/validate.js';

/**
 * What the base class needs to know about one object class.
 *
 * @example
 * ```ts
 * const meta: ObjectMeta = { className: 'Event', resource: Resources.event, readOnly: ['id', 'self'] };
 * ```
 */
export interface ObjectMeta {
  /** Class name for messages (survives minification). */
  readonly className: string;
  /** Endpoint and media types (see `Resources`). */
  readonly resource?: ResourceDescriptor;
  /** Top-level keys only the server sets: refused by `set()` and the constructor, never sent. */
  readonly readOnly: readonly string[];
  /** Top-level keys that can be set on create but not changed by an update (Cumulocity refuses them). */
  readonly fixedAfterCreate?: readonly string[];
  /** Schema of a valid create body. */
  readonly schema?: ObjectSchema;
  /** Checks across fields of a create body that the schema cannot express; throws `InvalidInputError`. */
  readonly checkCreate?: (body: JsonObject) => void;
}
