import { InvalidInputError } from '../errors/invalid-input-error.js';
import { isDateObject, toIsoDate, type DateLike } from './dates.js';
import { describeValue } from './describe-value.js';
import { toDurationMs, type DurationLike } from './durations.js';
import { foldConditions, queryStringConflict } from './fold-conditions.js';
import { idOf } from './id-like.js';
// The odata operations one by one (not the `odata` object), so bundles keep only these.
import * as op from './odata.js';
import { isODataBuilt, ODataExpression, type ODataDirection, type ODataQuery } from './odata.js';
import type { QueryRecord, QueryScalar } from './query-record.js';
import type { QuerySpec } from './query-spec.js';
import { parseRawQuery } from './raw.js';
import { isReservedQueryKey } from './reserved.js';

/** Options that build an inventory query when the spec has `odata`. */
const QUERY_OPTIONS: ReadonlySet<string> = new Set(['name', 'fragments', 'group', 'orderBy']);
/** REST parameters that join a built query (Cumulocity ignores `type` next to `query`). */
const FOLDED_PARAMS: ReadonlySet<string> = new Set(['type', 'owner', 'fragmentType']);
const ORDER_ITEM = /^\s*(\S+)(?:\s+(asc|desc))?\s*$/i;

type Value = QueryScalar | QueryScalar[];

function own(record: Readonly<Record<string, string>> | undefined, key: string): string | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

function ownPair(record: QuerySpec['splits'], key: string): readonly [string, string] | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Whether `list` names the filter `key` or a parameter it maps to. */
function names(list: readonly string[] | undefined, key: string, targets: readonly string[]): boolean {
  return list !== undefined && [key, ...targets].some((name) => list.includes(name));
}

/** `'a' and 'b'`, `'a', 'b' and 'c'`: two keys or more. */
function quote(keys: readonly string[]): string {
  const quoted = keys.map((key) => `'${key}'`);
  const last = quoted.pop();
  return `${quoted.join(', ')} and ${String(last)}`;
}

/** Runs an `odata` call and reports its errors against the option `key`. */
function asOption<T>(key: string, build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (error instanceof InvalidInputError) {
      const message = error.path !== undefined ? error.message.slice(error.path.length + 2) : error.message;
      throw new InvalidInputError(message, { path: key, cause: error });
    }
    throw error;
  }
}

function scalar(value: unknown, key: string, now: Date): QueryScalar {
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return value;
    throw new InvalidInputError(`expected a finite number, got ${String(value)}`, { path: key });
  }
  if (isDateObject(value)) return toIsoDate(value, { path: key, now });
  throw new InvalidInputError(`expected a string, number, boolean or date, got ${describeValue(value)}`, { path: key });
}

function nonEmptyList(value: readonly unknown[], key: string): readonly unknown[] {
  if (value.length === 0) throw new InvalidInputError('empty list: it would match everything; leave the option out instead', { path: key });
  return value;
}

function single(value: unknown, key: string): string {
  if (typeof value === 'string') return value;
  throw new InvalidInputError(`expected a string, got ${describeValue(value)}`, { path: key });
}

function strings(value: unknown, key: string): string[] {
  const items = Array.isArray(value) ? nonEmptyList(value, key) : [value];
  return items.map((item) => {
    if (typeof item === 'string') return item;
    throw new InvalidInputError(`expected a string or a list of strings, got ${describeValue(item)}`, { path: key });
  });
}

/**
 * Turns filter options into the query parameters of one resource, following its
 * {@link QuerySpec}:
 *
 * - aliases are renamed (`after` → `dateFrom`, `fragment` → `fragmentType`, …);
 * - date parameters are normalised with `toIsoDate` (UTC, milliseconds, `Z`);
 * - ages become dates relative to `now` (`maxAge: '1d'` → `dateFrom` = now − 1 day; `minAge` → `dateTo`);
 * - `ascending` becomes the resource's `revert` value (see `QuerySpec.ascendingRevert`);
 * - id parameters accept an id or an object with `id`; comma lists join arrays (`ids=1,2`);
 * - inventory options `name`, `fragments`, `group`, `orderBy` (and an `odata` builder value in
 *   `query`/`q`) build one `query` together with `type`, `owner` and `fragmentType`;
 * - filters with a declared condition (`QuerySpec.conditions`) are folded into that query value
 *   first (see `foldConditions`);
 * - flags (`QuerySpec.flags`) take only `true` or `false`; singles (`QuerySpec.singles`) no array;
 * - every other key passes through unchanged (arrays repeat the key; a `Date`/`DateTime` is
 *   normalised); `undefined` and `null` values are left out.
 *
 * Parameters come out in the order of the options. A string is a raw expression, see
 * {@link parseRawQuery}. Paging keys ({@link RESERVED_QUERY_KEYS}) must be removed first.
 *
 * @param now - the clock for ages, `'now'` and `'today'` (tests pass a fixed one).
 * @throws InvalidInputError naming the option: two names for one parameter (`after` with
 *   `dateFrom` or `maxAge`, `ascending` with `revert`, …), `ascending` where the resource has no
 *   sort flag, `minAge` above `maxAge`, a missing required partner (`withSourceAssets` without
 *   `source`), an invalid date, duration, id, path or value, or a reserved key.
 *
 * @example
 * ```ts
 * const eventSpec = defineQuery<DateRangeFilters & OrderFilters & { source?: IdLike; type?: string }>({
 *   resource: 'events', ranges: ['time'], ids: ['source'], ascendingRevert: true,
 * });
 * const inventorySpec = defineQuery<{ name?: string }>({ resource: 'managedObjects', odata: { param: 'query' } });
 * const now = new Date('2025-06-15T12:00:00Z');
 * buildQueryParams({ source: device, maxAge: '1d', ascending: true, type: 'c8y_Position' }, eventSpec, now);
 * // { source: '42', dateFrom: '2025-06-14T12:00:00.000Z', revert: true, type: 'c8y_Position' }
 * buildQueryParams({ name: "O'Brien*" }, inventorySpec);
 * // { query: "$filter=(name eq 'O''Brien*')" }
 * buildQueryParams("type=x&source=1", eventSpec); // { type: 'x', source: '1' }
 * buildQueryParams({ after: 'x', dateFrom: 'y' }, eventSpec); // throws: 'after' and 'dateFrom' …
 * ```
 */
export function buildQueryParams(
  filters: string | object,
  spec: QuerySpec,
  now: Date = new Date(),
): QueryRecord {
  if (typeof filters === 'string') return withRequiredFragment(parseRawQuery(filters, spec), spec);
  if (typeof filters !== 'object' || filters === null || Array.isArray(filters)) {
    throw new InvalidInputError(`expected an options object or a raw query string, got ${describeValue(filters)}`, { path: 'filters' });
  }
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) throw new InvalidInputError('must be a valid Date', { path: 'now' });

  const record = spec.conditions === undefined ? (filters as Readonly<Record<string, unknown>>) : foldConditions(filters as Readonly<Record<string, unknown>>, spec.conditions, now);
  const entries = Object.entries(record).filter(([, value]) => value !== undefined && value !== null);
  for (const [key] of entries) {
    if (isReservedQueryKey(key)) {
      throw new InvalidInputError('is a paging option, not a filter: take it out first (RESERVED_QUERY_KEYS)', { path: key });
    }
  }

  const targetsOf = (key: string): readonly string[] => {
    const alias = own(spec.aliases, key) ?? own(spec.ages, key);
    if (alias !== undefined) return [alias];
    if (key === 'ascending') {
      if (spec.ascendingRevert === undefined) {
        throw new InvalidInputError(`is not supported: ${spec.resource} has no documented sort flag ('revert')`, { path: key });
      }
      return ['revert'];
    }
    return ownPair(spec.splits, key) ?? [key];
  };

  if (spec.parameters !== undefined) {
    const documented = new Set(spec.parameters);
    for (const [key] of entries) {
      const targets = spec.odata !== undefined && QUERY_OPTIONS.has(key) ? [spec.odata.param] : targetsOf(key);
      const undocumented = targets.find((target) => !documented.has(target));
      if (undocumented !== undefined) {
        const mapped = undocumented === key ? '' : ` (sent as '${undocumented}')`;
        throw new InvalidInputError(
          `is not a parameter of ${spec.resource}${mapped}: the platform would ignore it; documented: ${spec.parameters.join(', ')}`,
          { path: key },
        );
      }
    }
  }

  // One parameter, one name; one value where the endpoint reads it once.
  const keysByTarget = new Map<string, string[]>();
  const valueByTarget = new Map<string, unknown>();
  for (const [key, value] of entries) {
    if (Array.isArray(value) && names(spec.singles, key, targetsOf(key))) {
      throw new InvalidInputError(`expected one value, got a list: ${spec.resource} reads this parameter once`, { path: key });
    }
    for (const target of targetsOf(key)) {
      keysByTarget.set(target, [...(keysByTarget.get(target) ?? []), key]);
      valueByTarget.set(target, value);
    }
  }
  for (const [target, keys] of keysByTarget) {
    if (keys.length > 1) {
      throw new InvalidInputError(`${quote(keys)} set the same parameter '${target}': give only one`, { path: keys[1] ?? target });
    }
  }
  const has = (target: string) => keysByTarget.has(target);
  const keyOf = (target: string) => keysByTarget.get(target)?.[0] ?? target;

  const minAge = record['minAge'];
  const maxAge = record['maxAge'];
  if (own(spec.ages, 'minAge') !== undefined && minAge !== undefined && minAge !== null && maxAge !== undefined && maxAge !== null) {
    if (toDurationMs(minAge as DurationLike, 'minAge') > toDurationMs(maxAge as DurationLike, 'maxAge')) {
      throw new InvalidInputError(`is larger than 'maxAge': nothing can be older than ${String(minAge)} and younger than ${String(maxAge)}`, {
        path: 'minAge',
      });
    }
  }

  for (const [param, needed] of Object.entries(spec.requires ?? {})) {
    if (has(param) && valueByTarget.get(param) !== false && !has(needed)) {
      throw new InvalidInputError(`needs '${needed}'`, { path: keyOf(param) });
    }
  }

  // The inventory query language.
  const odataSpec = spec.odata;
  const queryTarget = has('q') ? 'q' : has('query') ? 'query' : undefined;
  let queryMode = false;
  if (odataSpec !== undefined) {
    if (has('q') && has('query')) throw new InvalidInputError("'query' and 'q' both give a query: give only one", { path: keyOf('q') });
    const queryValue = queryTarget === undefined ? undefined : valueByTarget.get(queryTarget);
    if (queryValue !== undefined && typeof queryValue !== 'string' && !isODataBuilt(queryValue)) {
      throw new InvalidInputError(`expected a string or an odata builder value, got ${describeValue(queryValue)}`, {
        path: keyOf(queryTarget ?? 'query'),
      });
    }
    const triggers = entries.map(([key]) => key).filter((key) => QUERY_OPTIONS.has(key));
    if (odataSpec.requiredFragment !== undefined && has('fragmentType')) triggers.push(keyOf('fragmentType'));
    if (typeof queryValue === 'string') {
      const queryKey = keyOf(queryTarget ?? 'query');
      const conflicting = has('type') ? [...triggers, keyOf('type')] : triggers;
      if (conflicting.length > 0) throw queryStringConflict(queryKey, conflicting[0], "Cumulocity ignores 'type' next to a query, and ");
    }
    queryMode = triggers.length > 0 || isODataBuilt(queryValue);
  }

  const out: [string, Value][] = [];
  const conditions: ODataExpression[] = [];
  const ordering: [string, ODataDirection][] = [];
  let querySlot = -1;
  const required = odataSpec?.requiredFragment;
  if (required !== undefined) {
    if (queryMode) conditions.push(op.has(required));
    else if (queryTarget !== 'q') out.push(['fragmentType', required]);
  }

  for (const [key, value] of entries) {
    const targets = targetsOf(key);
    const target = targets[0] ?? key;

    if (queryMode && (QUERY_OPTIONS.has(key) || FOLDED_PARAMS.has(target) || target === queryTarget)) {
      if (querySlot < 0) querySlot = out.length; // where the built query goes
      asOption(key, () => {
        if (key === 'name' || target === 'type' || target === 'owner') conditions.push(op.eq(target, single(value, key)));
        else if (target === 'fragmentType' || key === 'fragments') conditions.push(...strings(value, key).map((f) => op.has(f)));
        else if (key === 'group') conditions.push(op.bygroupid(...(Array.isArray(value) ? nonEmptyList(value, key) : [value]).map((id) => idOf(id, key))));
        else if (key === 'orderBy') ordering.push(...strings(value, key).map((item) => parseOrderItem(item)));
        else if (value instanceof ODataExpression) conditions.push(value);
        else {
          const built = value as ODataQuery;
          if (built.filterExpression !== undefined) conditions.push(built.filterExpression);
          ordering.push(...built.ordering.map((item) => parseOrderItem(item)));
        }
      });
      continue;
    }

    const age = own(spec.ages, key);
    if (age !== undefined) {
      out.push([age, new Date(now.getTime() - toDurationMs(value as DurationLike, key)).toISOString()]);
    } else if (key === 'ascending' && spec.ascendingRevert !== undefined) {
      if (typeof value !== 'boolean') throw new InvalidInputError(`expected true or false, got ${describeValue(value)}`, { path: key });
      out.push(['revert', value ? spec.ascendingRevert : !spec.ascendingRevert]);
    } else if (targets.length === 2) {
      const dot = typeof value === 'string' ? value.indexOf('.') : -1;
      if (typeof value !== 'string' || dot <= 0 || dot === value.length - 1) {
        throw new InvalidInputError(`expected 'fragment.series', e.g. 'c8y_Temperature.T', got ${describeValue(value)}`, { path: key });
      }
      out.push([targets[0] ?? key, value.slice(0, dot)], [targets[1] ?? key, value.slice(dot + 1)]);
    } else {
      const converted = convert(spec, target, key, value, now);
      if (converted !== undefined) out.push([target, converted]);
    }
  }

  // Conditions and ordering come only from query mode, which also set querySlot.
  let built: ODataQuery | undefined = conditions.length > 0 ? op.filter(op.and(...conditions)) : undefined;
  for (const [path, direction] of ordering) built = built ? built.orderBy(path, direction) : op.orderBy(path, direction);
  const text = built?.toString() ?? '';
  if (text !== '') out.splice(querySlot, 0, [queryTarget ?? odataSpec?.param ?? 'query', text]);
  return Object.fromEntries(out);
}

/**
 * A raw expression keeps the spec's fixed criterion (devices only, groups only): added as
 * `fragmentType` when the expression has no query; a device query (`q`) gets it from the platform;
 * any other query must name it itself (`has(c8y_IsDeviceGroup)`), since a string cannot be merged safely.
 */
function withRequiredFragment(params: QueryRecord, spec: QuerySpec): QueryRecord {
  const required = spec.odata?.requiredFragment;
  if (required === undefined) return params;
  const query = params['q'] ?? params['query'];
  if (query === undefined) {
    const given = params['fragmentType'];
    if (given !== undefined && given !== required) {
      throw new InvalidInputError(`${spec.resource} are always filtered by fragmentType=${required}, got ${describeValue(given)}`, { path: 'query' });
    }
    return given === undefined ? { fragmentType: required, ...params } : params;
  }
  if (params['q'] !== undefined && spec.odata?.param === 'q') return params;
  if (String(query).includes(`has(${required})`)) return params;
  throw new InvalidInputError(
    `a raw query for ${spec.resource} must contain has(${required}) (a query string cannot be merged safely): add it, or pass the query as an odata builder value`,
    { path: 'query' },
  );
}

function parseOrderItem(item: string): [string, ODataDirection] {
  const match = ORDER_ITEM.exec(item);
  const path = match?.[1];
  if (path === undefined) throw new InvalidInputError(`expected 'path' or 'path asc|desc', got ${JSON.stringify(item)}`, { path: 'orderBy' });
  const direction = (match?.[2]?.toLowerCase() ?? 'asc') as ODataDirection;
  op.orderBy(path, direction); // validates the path now, so the error names the option
  return [path, direction];
}

function convert(spec: QuerySpec, target: string, key: string, value: unknown, now: Date): Value | undefined {
  if (typeof value !== 'boolean' && names(spec.flags, key, [target])) {
    throw new InvalidInputError(`expected true or false, got ${describeValue(value)}`, { path: key });
  }
  const allowed = spec.values !== undefined && Object.hasOwn(spec.values, target) ? spec.values[target] : undefined;
  if (allowed !== undefined) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (!(allowed as readonly unknown[]).includes(item)) {
        throw new InvalidInputError(`must be one of ${allowed.join(', ')}, got ${describeValue(item)}`, { path: key });
      }
    }
  }
  const isList = spec.commaLists?.includes(target) ?? false;
  if (spec.dates?.includes(target)) return toIsoDate(value as DateLike, { path: key, now });
  if (spec.ids?.includes(target)) {
    if (!Array.isArray(value)) return idOf(value, key);
    if (!isList) throw new InvalidInputError('expected one id, got a list', { path: key });
    return nonEmptyList(value, key)
      .map((item) => idOf(item, key))
      .join(',');
  }
  if (Array.isArray(value)) {
    if (isList) {
      return nonEmptyList(value, key)
        .map((item) => String(scalar(item, key, now)))
        .join(',');
    }
    return value.length === 0 ? undefined : value.map((item: unknown) => scalar(item, key, now));
  }
  return scalar(value, key, now);
}
