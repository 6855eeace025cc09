import type { ODataCondition } from './odata-conditions.js';

/** Brands a {@link QuerySpec} with its filter type; exists only in types. */
declare const filterType: unique symbol;

/**
 * How one resource's filter options map to its REST query parameters: plain data, read by
 * {@link buildQueryParams}. Each context package declares the spec of its resource with
 * {@link defineQuery} (rest-core holds none). Parameter names are the REST names from the
 * OpenAPI spec; keys a spec does not mention pass through unchanged (unless it lists `parameters`).
 *
 * @example
 * ```ts
 * const mySpec: QuerySpec = {
 *   resource: 'events',
 *   aliases: { after: 'dateFrom', before: 'dateTo' },
 *   dates: ['dateFrom', 'dateTo'],
 *   ages: { maxAge: 'dateFrom', minAge: 'dateTo' },
 *   ascendingRevert: true,
 *   ids: ['source'],
 * };
 * buildQueryParams({ source: { id: '7' }, after: '2025-01-01' }, mySpec);
 * // { source: '7', dateFrom: '2025-01-01T00:00:00.000Z' }
 * ```
 */
export interface QuerySpec<F extends object = object> {
  /**
   * Type-only: the filter type this spec reads ({@link defineQuery} sets it), so a resource API
   * infers its filters from its spec. Never present at run time.
   */
  readonly [filterType]?: F;
  /** The resource's name in error messages, e.g. `events`. */
  readonly resource: string;
  /** Alternative option name → REST parameter, e.g. `{ after: 'dateFrom', fragment: 'fragmentType' }`. */
  readonly aliases?: Readonly<Record<string, string>>;
  /** REST parameters holding a point in time (OpenAPI `format: date-time`); values go through `toIsoDate`. */
  readonly dates?: readonly string[];
  /**
   * Age option → the REST date parameter it sets to `now − duration`, e.g.
   * `{ maxAge: 'dateFrom', minAge: 'dateTo' }` (`maxAge: '1d'` = from one day ago).
   */
  readonly ages?: Readonly<Record<string, string>>;
  /**
   * The `revert` value that gives **oldest first** for this resource, which enables the
   * `ascending` option (`ascending: true` sends this value, `false` its opposite). The meaning of
   * `revert` differs per resource in the OpenAPI spec: events `true`, measurements and operations
   * `false`. Absent: the resource documents no `revert`, and `ascending` is an error.
   */
  readonly ascendingRevert?: boolean;
  /** REST parameters holding object ids: they accept an id or an object with `id` (see `IdLike`). */
  readonly ids?: readonly string[];
  /** REST parameters whose array values are joined with commas (`ids=1,2`); other arrays repeat the key. */
  readonly commaLists?: readonly string[];
  /** Option whose `'A.B'` value splits into two REST parameters, e.g. `series` → `valueFragmentType`, `valueFragmentSeries`. */
  readonly splits?: Readonly<Record<string, readonly [string, string]>>;
  /** REST parameter → the REST parameter it needs, e.g. `{ fragmentValue: 'fragmentType' }` (checked unless the value is `false`). */
  readonly requires?: Readonly<Record<string, string>>;
  /** The inventory query language (`query`/`q`) and the options folded into it. */
  readonly odata?: ODataSpec;
  /**
   * Filter → the query-language condition it becomes (filters the REST API lacks, e.g.
   * `createdFrom` → `creationTime.date ge '…'`; needs `odata`). The conditions of the given
   * filters are folded into the caller's `query`/`q` builder value (after its filter), or form a
   * query value of their own after all other filters (see `foldConditions`). Next to a query
   * string they are refused.
   */
  readonly conditions?: Readonly<Record<string, ODataCondition<never>>>;
  /** Filters (or the REST parameters they map to) that take only `true` or `false`; any other value is refused. */
  readonly flags?: readonly string[];
  /**
   * Filters (or the REST parameters they map to) the endpoint reads once: an array is refused
   * (without this, an array repeats the key, `type=a&type=b`, and the platform would read only
   * one of them).
   */
  readonly singles?: readonly string[];
  /**
   * The REST parameters the endpoint documents (OpenAPI spec). When given, a filter that maps to
   * any other parameter is an `InvalidInputError`: the platform would silently ignore it (and a
   * bulk update or delete would then hit more than asked). `options.params` is not checked.
   * @default any parameter passes
   */
  readonly parameters?: readonly string[];
  /** REST parameter → the values it accepts (e.g. alarm statuses); any other value is refused. */
  readonly values?: Readonly<Record<string, readonly string[]>>;
  /**
   * The sort flag `revert` works only on a time range (the OpenAPI spec says so for measurements
   * and operations): `getLast` then adds `dateFrom` = the epoch when the filters give no range.
   */
  readonly revertNeedsRange?: boolean;
}

/**
 * Inventory query-language support in a {@link QuerySpec}. With it, the options `name`,
 * `fragments`, `group` and `orderBy`, and `query`/`q` given as an `odata` builder value, are
 * combined into one query (together with `type`, `owner` and `fragmentType`, which Cumulocity
 * would otherwise ignore next to a query).
 *
 * @example
 * ```ts
 * const devices: ODataSpec = { param: 'q', requiredFragment: 'c8y_IsDevice' };
 * ```
 */
export interface ODataSpec {
  /** The parameter built queries go to: `query`, or `q` (a device query: Cumulocity adds `c8y_IsDevice`). */
  readonly param: 'query' | 'q';
  /**
   * A fragment every result must have (`c8y_IsDevice`, `c8y_IsDeviceGroup`): sent as
   * `fragmentType=…`, or as `has(…)` inside a built query.
   */
  readonly requiredFragment?: string;
}
