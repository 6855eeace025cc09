import { InvalidInputError } from '../errors/invalid-input-error.js';
import { and, ODataExpression, ODataQuery } from './odata.js';
import type { ODataCondition } from './odata-conditions.js';

/**
 * Folds the filters that have a declared condition (`QuerySpec.conditions`) into the query value,
 * before the spec builds the rest: joined with `and` after the filter of the caller's `query`/`q`
 * builder value (`q` when given, else `query`), or as a new `query` value after all other
 * filters. Filters without a condition, and all filters when none has one, come back unchanged.
 *
 * @throws InvalidInputError naming the filter: a bad value (the condition's own check), or a
 *   condition next to a query string (a string cannot be merged safely).
 * @example
 * ```ts
 * foldConditions({ type: 'x', createdFrom: '2025-01-01' }, { createdFrom: odataConditions.atOrAfter('creationTime.date') }, new Date());
 * // { type: 'x', query: ODataExpression("creationTime.date ge '2025-01-01T00:00:00.000Z'") }
 * ```
 */
export function foldConditions(
  filters: Readonly<Record<string, unknown>>,
  conditions: Readonly<Record<string, ODataCondition<never>>>,
  now: Date,
): Readonly<Record<string, unknown>> {
  const rest: Record<string, unknown> = {};
  const built: ODataExpression[] = [];
  let first: string | undefined;
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || value === null || !Object.hasOwn(conditions, key)) {
      rest[key] = value;
      continue;
    }
    first ??= key;
    built.push((conditions[key] as ODataCondition<unknown>)(value, { key, now }));
  }
  if (first === undefined) return filters;
  const queryKey = rest['q'] !== undefined && rest['q'] !== null ? 'q' : 'query';
  const given = rest[queryKey];
  if (typeof given === 'string') throw queryStringConflict(queryKey, first, '');
  // Any other value is left for the spec to name.
  rest[queryKey] =
    given === undefined || given === null ? and(...built) : given instanceof ODataExpression ? and(given, ...built) : given instanceof ODataQuery ? given.filter(and(...built)) : given;
  return rest;
}

/**
 * The error for an option that would have to join a query given as a string: a string cannot be
 * merged safely (`why` adds a reason of its own).
 *
 * @example
 * ```ts
 * throw queryStringConflict('query', 'createdFrom', '');
 * // createdFrom: cannot be combined with a query string in 'query' (a string cannot be merged safely): …
 * ```
 */
export function queryStringConflict(queryKey: string, path: string | undefined, why: string): InvalidInputError {
  return new InvalidInputError(
    `cannot be combined with a query string in '${queryKey}' (${why}a string cannot be merged safely): add it to the query, or pass the query as an odata builder value`,
    { path },
  );
}
