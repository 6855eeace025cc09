// The query-parameter layer: filters → REST query parameters. Pure functions, no HTTP.
// Nothing here imports luxon: luxon DateTime and Duration values are recognised by shape
// (DateTimeLike, DurationObjectLike), ISO-8601 is parsed by parseIsoDateTime.
export { buildQueryParams } from './build.js';
export { defineQuery, type QueryDeclaration, type TimeRange } from './define-query.js';
export { parseIsoDateTime, toIsoDate, toIsoTime, type DateLike, type DateTimeLike, type TimeLike, type ToIsoDateOptions } from './dates.js';
export { toDurationMs, type DurationLike, type DurationObjectLike } from './durations.js';
export type { CreatedRangeFilters, DateRangeFilters, OrderFilters, UpdatedRangeFilters } from './filters.js';
export { idOf, type IdLike } from './id-like.js';
export { isODataBuilt, odata, ODataExpression, ODataQuery, type ODataDirection, type ODataValue } from './odata.js';
export { odataConditions, type ODataCondition, type ODataConditionContext } from './odata-conditions.js';
export { impliesOrdering } from './ordering.js';
export { DEFAULT_PAGE_SIZE, effectivePageSize, MAX_PAGE_SIZE, type PageSizeOptions } from './page-size.js';
export type { QueryRecord, QueryScalar } from './query-record.js';
export type { ODataSpec, QuerySpec } from './query-spec.js';
export { parseRawQuery } from './raw.js';
export { isReservedQueryKey, RESERVED_QUERY_KEYS, splitReservedKeys, type ReservedQueryKey } from './reserved.js';
