import type { QuerySpec } from '../query/query-spec.js';

/**
 * The operations whose endpoint can have a query spec of its own (`ResourceDefinition.queries`):
 * - `count`, `deleteBy`, `updateBy`: filters of an endpoint that documents fewer parameters than
 *   the collection's GET (the count endpoint, DELETE and PUT by filter);
 * - `get`, `delete`: the query parameters of `GET` and `DELETE <path>/{id}`, given as call
 *   options (e.g. `withParents`, `cascade`).
 *
 * @example
 * ```ts
 * const narrowed: QueryOperation[] = ['count', 'deleteBy'];
 * ```
 */
export type QueryOperation = 'count' | 'deleteBy' | 'updateBy' | 'get' | 'delete';

/**
 * The filter (or option) type of each operation's own spec, by operation; inferred from
 * `ResourceDefinition.queries`.
 *
 * @example
 * ```ts
 * type AlarmQueryTypes = { count: AlarmCountFilters; deleteBy: AlarmDeleteFilters };
 * const fits: OperationQueryTypes = {} as AlarmQueryTypes;
 * ```
 */
export type OperationQueryTypes = { readonly [P in QueryOperation]?: object };

/**
 * The specs of `ResourceDefinition.queries`: one {@link QuerySpec} per operation, each carrying
 * its filter type (so the operation is typed by it).
 *
 * @example
 * ```ts
 * const queries: OperationQueries<{ deleteBy: EventDeleteFilters }> = { deleteBy: eventDeleteQuery };
 * ```
 */
export type OperationQueries<Q extends OperationQueryTypes> = { readonly [P in keyof Q]: QuerySpec<Q[P] & object> };

/**
 * The filters an operation takes: those of its own spec, else the collection's `F`.
 *
 * @example
 * ```ts
 * type CountFilters = FiltersFor<{ count: AlarmCountFilters }, 'count', AlarmFilters>; // AlarmCountFilters
 * ```
 */
export type FiltersFor<Q, P extends QueryOperation, F> = P extends keyof Q ? Extract<Q[P], object> : F;

/**
 * The query-parameter options `get` or `delete` takes besides the call options: those of its
 * own spec, else none.
 *
 * @example
 * ```ts
 * type GetFlags = OptionParamsFor<{ get: { withParents?: boolean } }, 'get'>; // { withParents?: boolean }
 * ```
 */
export type OptionParamsFor<Q, P extends 'get' | 'delete'> = P extends keyof Q ? Extract<Q[P], object> : NoOptionParams;

/** No query-parameter options. @example const none: NoOptionParams = {}; */
export type NoOptionParams = Record<never, never>;
