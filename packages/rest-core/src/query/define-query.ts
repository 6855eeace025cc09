import { InvalidInputError } from '../errors/invalid-input-error.js';
import type { ODataCondition } from './odata-conditions.js';
import type { QuerySpec } from './query-spec.js';

/** A key of the filter type `F`. */
type FilterKey<F> = Extract<keyof F, string>;

/** A key of `F` whose values are never arrays. */
type SingleKey<F> = { [K in FilterKey<F>]-?: [Extract<NonNullable<F[K]>, readonly unknown[]>] extends [never] ? K : never }[FilterKey<F>];

/** A key of `F` whose values are booleans. */
type BooleanKey<F> = { [K in FilterKey<F>]-?: NonNullable<F[K]> extends boolean ? K : never }[FilterKey<F>];

/**
 * The standard time ranges of Cumulocity collections, each with its aliases:
 * - `'time'`: `dateFrom`/`dateTo` (the item's `time`), `after`/`before`, and the ages
 *   `maxAge`/`minAge` (see {@link DateRangeFilters});
 * - `'created'`: `createdFrom`/`createdTo`, `createdAfter`/`createdBefore`;
 * - `'updated'`: `lastUpdatedFrom`/`lastUpdatedTo`, `updatedAfter`/`updatedBefore`.
 */
export type TimeRange = 'time' | 'created' | 'updated';

/**
 * What {@link defineQuery} reads: a {@link QuerySpec} whose keys are checked against the filter
 * type `F` (a misspelt filter name is a compile error), plus `ranges` and `lists` shorthands.
 *
 * @example
 * ```ts
 * const declaration: QueryDeclaration<{ source?: IdLike; type?: string | string[] }> = {
 *   resource: 'alarms', ids: ['source'], lists: ['type'],
 * };
 * ```
 */
export interface QueryDeclaration<F extends object> {
  /** The resource's name in error messages, e.g. `alarms`. */
  readonly resource: string;
  /** Time ranges the collection filters by, with their aliases and ages. */
  readonly ranges?: readonly TimeRange[];
  /** Filters holding object ids: an id or an object with `id` (see `IdLike`). */
  readonly ids?: readonly FilterKey<F>[];
  /** Filters whose array values are joined with commas (`status=ACTIVE,CLEARED`); other arrays repeat the key. */
  readonly lists?: readonly FilterKey<F>[];
  /** Further filters holding a point in time (OpenAPI `format: date-time`). */
  readonly dates?: readonly FilterKey<F>[];
  /** Alternative filter name → REST parameter, e.g. `{ fragment: 'fragmentType' }`. */
  readonly aliases?: { readonly [K in FilterKey<F>]?: string };
  /** Filter → the filter it needs, e.g. `{ withSourceAssets: 'source' }` (checked unless the value is `false`). */
  readonly requires?: { readonly [K in FilterKey<F>]?: FilterKey<F> };
  /** Filter whose `'A.B'` value splits into two REST parameters. */
  readonly splits?: { readonly [K in FilterKey<F>]?: readonly [string, string] };
  /** The `revert` value that means oldest first; enables `ascending` (see {@link QuerySpec.ascendingRevert}). */
  readonly ascendingRevert?: boolean;
  /** The inventory query language (see {@link QuerySpec.odata}). */
  readonly odata?: QuerySpec['odata'];
  /**
   * Filter → the query-language condition it becomes (see {@link QuerySpec.conditions} and
   * `odataConditions`); the condition must accept the filter's type. Needs `odata`.
   */
  readonly conditions?: { readonly [K in FilterKey<F>]?: ODataCondition<NonNullable<F[K]>> };
  /** Boolean filters: `true` or `false` only, anything else is refused at run time. */
  readonly flags?: readonly BooleanKey<F>[];
  /** Filters that take one value: only keys whose type has no array, and an array is refused at run time. */
  readonly singles?: readonly SingleKey<F>[];
  /** The REST parameters the endpoint documents; filters mapping to others are refused (see {@link QuerySpec.parameters}). */
  readonly parameters?: readonly string[];
  /** Filter → the values it accepts, e.g. `{ status: AlarmStatuses }`; any other value is refused at run time. */
  readonly values?: { readonly [K in FilterKey<F>]?: readonly string[] };
  /** `revert` works only on a time range (see {@link QuerySpec.revertNeedsRange}). */
  readonly revertNeedsRange?: boolean;
}

const RANGES: Readonly<Record<TimeRange, { aliases: Record<string, string>; dates: string[]; ages?: Record<string, string> }>> = {
  time: { aliases: { after: 'dateFrom', before: 'dateTo' }, dates: ['dateFrom', 'dateTo'], ages: { maxAge: 'dateFrom', minAge: 'dateTo' } },
  created: { aliases: { createdAfter: 'createdFrom', createdBefore: 'createdTo' }, dates: ['createdFrom', 'createdTo'] },
  updated: { aliases: { updatedAfter: 'lastUpdatedFrom', updatedBefore: 'lastUpdatedTo' }, dates: ['lastUpdatedFrom', 'lastUpdatedTo'] },
};

/**
 * Declares how a resource's filter type `F` maps to its REST query parameters: the one place a
 * context package writes its query knowledge. Keys are checked against `F`; the result carries
 * `F`, so a resource API built on it is typed by it.
 *
 * @example
 * ```ts
 * interface AlarmFilters extends DateRangeFilters, CreatedRangeFilters, UpdatedRangeFilters {
 *   source?: IdLike; status?: AlarmStatus | AlarmStatus[]; withSourceAssets?: boolean;
 * }
 * const alarmQuery = defineQuery<AlarmFilters>({
 *   resource: 'alarms',
 *   ranges: ['time', 'created', 'updated'],
 *   ids: ['source'],
 *   lists: ['status'],
 *   requires: { withSourceAssets: 'source' },
 * });
 * buildQueryParams({ source: device, status: ['ACTIVE', 'ACKNOWLEDGED'], maxAge: '1d' }, alarmQuery);
 * // { source: '42', status: 'ACTIVE,ACKNOWLEDGED', dateFrom: '…' }
 * ```
 */
export function defineQuery<F extends object>(declaration: QueryDeclaration<F>): QuerySpec<F> {
  const { ranges = [], lists, dates = [], aliases = {}, ...rest } = declaration;
  if (rest.conditions !== undefined && rest.odata === undefined) {
    throw new InvalidInputError(`${rest.resource}: conditions need the query language ('odata')`, { path: 'conditions' });
  }
  const spec: { -readonly [K in keyof QuerySpec]: QuerySpec[K] } = { ...(rest as QuerySpec) };
  const rangeAliases = Object.assign({}, ...ranges.map((range) => RANGES[range].aliases)) as Record<string, string>;
  const ages = Object.assign({}, ...ranges.map((range) => RANGES[range].ages ?? {})) as Record<string, string>;
  const allAliases = { ...rangeAliases, ...(aliases as Record<string, string>) };
  const allDates = [...ranges.flatMap((range) => RANGES[range].dates), ...dates];
  if (Object.keys(allAliases).length > 0) spec.aliases = allAliases;
  if (allDates.length > 0) spec.dates = allDates;
  if (Object.keys(ages).length > 0) spec.ages = ages;
  if (lists !== undefined) spec.commaLists = lists;
  return Object.freeze(spec) as QuerySpec<F>;
}
