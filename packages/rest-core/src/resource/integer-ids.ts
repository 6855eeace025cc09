import { InvalidInputError } from '../errors/invalid-input-error.js';
import { describeValue } from '../query/describe-value.js';
import { idOf } from '../query/id-like.js';

const DIGITS = /^\d+$/;

/**
 * The id of an object of a resource with integer ids (`ResourceDescriptor.idKind: 'integer'`:
 * user groups, inventory roles), or an `InvalidInputError` naming `path`: such a resource answers
 * anything else with an error, so it is refused before any request.
 *
 * @example
 * ```ts
 * integerId({ id: 4 }, 'id'); // '4'
 * integerId('admins', 'id');  // throws: id: must be an integer id, got "admins"
 * ```
 */
export function integerId(value: unknown, path: string): string {
  const id = idOf(value, path);
  if (DIGITS.test(id)) return id;
  throw new InvalidInputError(`must be an integer id, got ${describeValue(id)}`, { path });
}

/**
 * Checks the ids of bulk input of a resource with integer ids, named as the bulk operations name
 * their elements: targets (`target`, `targets[2]`) or the `id` of items (`item.id`, `items[2].id`).
 * An element without a usable id is left to the bulk operation, which reports every bad element.
 *
 * @example
 * ```ts
 * checkIntegerIds(['1', { id: 2 }], 'target'); // fine
 * checkIntegerIds([{ id: 'x', name: 'a' }], 'item'); // throws: items[0].id: must be an integer id, got "x"
 * ```
 */
export function checkIntegerIds(input: unknown, kind: 'target' | 'item'): void {
  const many = Array.isArray(input);
  (many ? (input as readonly unknown[]) : [input]).forEach((element, index) => {
    const path = `${many ? `${kind}s[${index}]` : kind}${kind === 'item' ? '.id' : ''}`;
    let id: string;
    try {
      id = idOf(element, path);
    } catch {
      return;
    }
    integerId(id, path);
  });
}
