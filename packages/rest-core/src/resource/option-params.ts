import type { CallOptions } from '../client/options.js';
import { InvalidInputError } from '../errors/invalid-input-error.js';
import { buildQueryParams } from '../query/build.js';
import type { QuerySpec } from '../query/query-spec.js';

/**
 * The option names a spec of call options reads: its documented `parameters` (and their
 * aliases), in that order.
 */
function optionNames(spec: QuerySpec): readonly string[] {
  if (spec.parameters === undefined) {
    throw new InvalidInputError(`${spec.resource}: a spec of call options must list its 'parameters' (the options it takes)`, { path: 'queries' });
  }
  return [...spec.parameters, ...Object.keys(spec.aliases ?? {})];
}

/**
 * Moves the options a spec names (e.g. `withParents` of `GET /inventory/managedObjects/{id}`,
 * `cascade` of its DELETE) out of the call options into query parameters, built with the spec
 * (flags checked, aliases and ids as everywhere) in the order of its `parameters`; they follow
 * the caller's own `params`. The other options stay as they are.
 *
 * @throws InvalidInputError naming the option for a bad value, or `params.<name>` when the
 *   caller's `params` set the same parameter.
 * @example
 * ```ts
 * const getQuery = defineQuery<{ withParents?: boolean }>({ resource: 'GET /inventory/managedObjects/{id}', flags: ['withParents'], parameters: ['withParents'] });
 * optionsWithParams({ withParents: true, timeout: 5000 }, getQuery); // { timeout: 5000, params: { withParents: true } }
 * ```
 */
export function optionsWithParams<O extends CallOptions>(options: O, spec: QuerySpec): O {
  const rest: Record<string, unknown> = { ...(options as Record<string, unknown>) };
  const given: Record<string, unknown> = {};
  for (const name of optionNames(spec)) {
    if (!Object.hasOwn(rest, name)) continue;
    if (rest[name] !== undefined) given[name] = rest[name];
    delete rest[name];
  }
  if (Object.keys(given).length === 0) return rest as O;
  const built = buildQueryParams(given, spec);
  const extra = options.params instanceof URLSearchParams ? Object.fromEntries(options.params) : { ...options.params };
  for (const name of Object.keys(built)) {
    if (Object.hasOwn(extra, name)) throw new InvalidInputError(`is also set by the option '${name}': give it once`, { path: `params.${name}` });
  }
  return { ...rest, params: { ...extra, ...built } } as O;
}

/**
 * Checks, when a resource API is declared, that each spec of call options lists its parameters.
 *
 * @example
 * ```ts
 * checkOptionSpec(defineQuery<{ cascade?: boolean }>({ resource: 'DELETE …/{id}', parameters: ['cascade'] })); // fine
 * ```
 */
export function checkOptionSpec(spec: QuerySpec | undefined): void {
  if (spec !== undefined) optionNames(spec);
}
