import { InvalidInputError } from '../errors/invalid-input-error.js';
import { toIsoDate, type DateLike } from './dates.js';
import { describeValue } from './describe-value.js';
// The operations one by one (not the `odata` object), so bundles keep only these.
import { eq, ge, le, or, type ODataExpression } from './odata.js';

/**
 * What a query-language condition is told about the filter it is built from: the filter's name
 * (errors name it) and the clock of the call (for `'now'`, `'today'`).
 *
 * @example
 * ```ts
 * const context: ODataConditionContext = { key: 'createdFrom', now: new Date() };
 * ```
 */
export interface ODataConditionContext {
  /** The filter's name as the caller wrote it, e.g. `createdFrom`. */
  readonly key: string;
  /** The clock of the call. */
  readonly now: Date;
}

/**
 * Builds the inventory query-language condition of one filter the REST API lacks, e.g.
 * `createdFrom` → `creationTime.date ge '…'` (see `QueryDeclaration.conditions`). `V` is the
 * value it accepts, so declaring it for a filter of another type does not compile; it still
 * checks the value at run time (JavaScript callers) and throws `InvalidInputError` naming
 * `context.key`. Ready-made ones: {@link odataConditions}.
 *
 * @example
 * ```ts
 * const positioned: ODataCondition<boolean> = (value, { key }) => {
 *   if (typeof value !== 'boolean') throw new InvalidInputError('expected true or false', { path: key });
 *   return value ? odata.has('c8y_Position') : odata.not(odata.has('c8y_Position'));
 * };
 * ```
 */
export type ODataCondition<V> = (value: V, context: ODataConditionContext) => ODataExpression;

/**
 * Ready-made {@link ODataCondition}s for `QueryDeclaration.conditions`:
 *
 * - `atOrAfter(path)` / `atOrBefore(path)`: a date filter (every time input: `Date`, ISO strings,
 *   epoch ms, `'now'`, `'today'`, luxon values) as `path ge '…'` / `path le '…'`, ISO-8601 in UTC;
 * - `equals(path)`: a string filter as `path eq '…'` (quotes escaped; `*` is a wildcard);
 * - `anyOf(path, values)`: one of `values` or a non-empty list of them, as `path eq '…'` joined
 *   with `or`; any other value is refused.
 *
 * @example
 * ```ts
 * interface ObjectFilters { createdFrom?: DateLike; availability?: 'AVAILABLE' | 'UNAVAILABLE'; query?: string }
 * const objectQuery = defineQuery<ObjectFilters>({
 *   resource: 'GET /inventory/managedObjects',
 *   odata: { param: 'query' },
 *   conditions: {
 *     createdFrom: odataConditions.atOrAfter('creationTime.date'),
 *     availability: odataConditions.anyOf('c8y_Availability.status', ['AVAILABLE', 'UNAVAILABLE']),
 *   },
 * });
 * buildQueryParams({ createdFrom: '2025-01-01', availability: 'AVAILABLE' }, objectQuery);
 * // { query: "$filter=(creationTime.date ge '2025-01-01T00:00:00.000Z' and c8y_Availability.status eq 'AVAILABLE')" }
 * ```
 */
export const odataConditions = /* @__PURE__ */ Object.freeze({
  /** `path ge '<ISO date>'`. @example odataConditions.atOrAfter('creationTime.date') */
  atOrAfter:
    (path: string): ODataCondition<DateLike> =>
    (value, { key, now }) =>
      ge(path, toIsoDate(value, { path: key, now })),
  /** `path le '<ISO date>'`. @example odataConditions.atOrBefore('c8y_Availability.lastMessage') */
  atOrBefore:
    (path: string): ODataCondition<DateLike> =>
    (value, { key, now }) =>
      le(path, toIsoDate(value, { path: key, now })),
  /** `path eq '<string>'`. @example odataConditions.equals('type') */
  equals:
    (path: string): ODataCondition<string> =>
    (value, { key }) => {
      if (typeof value !== 'string') throw new InvalidInputError(`expected a string, got ${describeValue(value)}`, { path: key });
      return eq(path, value);
    },
  /**
   * `path eq 'a'`, or `path eq 'a' or path eq 'b'` for a list; only `values` are accepted.
   * @example odataConditions.anyOf('c8y_Availability.status', ['AVAILABLE', 'UNAVAILABLE', 'MAINTENANCE'])
   */
  anyOf:
    <const S extends string>(path: string, values: readonly S[]): ODataCondition<S | readonly S[]> =>
    (value, { key }) => {
      const items: readonly unknown[] = Array.isArray(value) ? value : [value];
      if (items.length === 0) throw new InvalidInputError('empty list: it would match everything; leave the option out instead', { path: key });
      return or(
        ...items.map((item) => {
          if (typeof item === 'string' && (values as readonly string[]).includes(item)) return eq(path, item);
          throw new InvalidInputError(`expected one of ${values.join(', ')}, got ${describeValue(item)}`, { path: key });
        }),
      );
    },
});
