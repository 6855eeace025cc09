/**
 * One value of a built query parameter.
 * @example const v: QueryScalar = true; // → revert=true
 */
export type QueryScalar = string | number | boolean;

/**
 * Query parameters as {@link buildQueryParams} and {@link parseRawQuery} return them: a plain
 * object in parameter order whose arrays repeat the key. It is a `QueryParams` for the client
 * (`toQueryString`), and the engine can add paging with a spread:
 * `{ ...params, pageSize, currentPage }`.
 *
 * @example
 * ```ts
 * const params: QueryRecord = { source: '1', series: ['c8y_T.T', 'c8y_H.H'], revert: true };
 * toQueryString(params); // '?source=1&series=c8y_T.T&series=c8y_H.H&revert=true'
 * ```
 */
export type QueryRecord = Record<string, QueryScalar | QueryScalar[]>;
