import { InvalidInputError } from '../errors/invalid-input-error.js';
import { describeValue } from './describe-value.js';

/**
 * The one id type of the SDK: the id itself (`'123'` or `123`) or anything with an `id`
 * property, such as a model object, so `{ source: device }` and `delete(devices)` work. An
 * object whose `id` is missing (a model object never created) is refused by {@link idOf}.
 *
 * @example
 * ```ts
 * const a: IdLike = '123';
 * const b: IdLike = device; // anything with an id, e.g. a model object
 * ```
 */
export type IdLike = string | number | { readonly id?: string | number | undefined };

/**
 * The id string of an {@link IdLike}.
 *
 * @throws InvalidInputError naming `path` for an empty string, a negative or fractional number,
 *   or an object without a usable `id`.
 *
 * @example
 * ```ts
 * idOf('123');          // '123'
 * idOf(123);            // '123'
 * idOf({ id: '123' });  // '123'
 * idOf({}, 'source');   // throws InvalidInputError "source: expected an id …"
 * ```
 */
export function idOf(value: unknown, path?: string): string {
  const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
  const raw = isObject ? (value as { id?: unknown }).id : value;
  if (typeof raw === 'string' && raw !== '') return raw;
  if (typeof raw === 'number' && Number.isSafeInteger(raw) && raw >= 0) return String(raw);
  const got = isObject && raw === undefined ? 'an object without an id (was it created?)' : describeValue(raw);
  throw new InvalidInputError(`expected an id (a non-empty string, a non-negative integer or an object with an id), got ${got}`, { path });
}
