/**
 * Helpers shared by the device-data areas (measurements, events, alarms, device control, audit):
 * date parameters, mandatory-field validation, source lookup and ownership, result caching.
 */
import type { RequestContext } from '../server/context.js';
import { C8yHttpError, errors } from '../server/errors.js';
import { findManagedObject, inventoryStore, type ManagedObjectData, type RelationKind } from './inventory.js';

/** A JSON object body. */
export type Json = Record<string, unknown>;

export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The request body as a JSON object; 422 for arrays and scalars. */
export function objectBody(ctx: RequestContext, resource: string): Json {
  const body = ctx.body.json<unknown>();
  if (!isObject(body)) throw errors.invalidData(resource, 'Request body must be a JSON object');
  return body;
}

/**
 * 422 `undefined/validationError` "Following mandatory fields should be included: a,b" — the form
 * the spec shows for `PUT /devicecontrol/operations/{id}` and the platform uses for missing fields.
 */
export function missingFields(fields: readonly string[]): C8yHttpError {
  return new C8yHttpError(422, 'undefined/validationError', `Following mandatory fields should be included: ${fields.join(',')}`);
}

/** Epoch ms of an ISO date or date-time (`2020-03-01`, `2020-03-01T10:00:00.000+01:00`), or NaN. */
export function parseTime(value: unknown): number {
  if (typeof value !== 'string' || value.length < 10) return Number.NaN;
  // Date-only and offset-less date-times are UTC (the platform's zone for such values).
  const v = /^\d{4}-\d{2}-\d{2}T[\d:.]+$/.test(value) ? `${value}Z` : value;
  return Date.parse(v);
}

/** A date query parameter in epoch ms (`undefined` if absent); 422 if it is not a date. */
export function dateParam(ctx: RequestContext, name: string, resource: string): number | undefined {
  const raw = ctx.query.get(name);
  if (raw === undefined || raw === '') return undefined;
  const t = parseTime(raw);
  if (Number.isNaN(t)) throw errors.invalidData(resource, `Invalid value '${raw}' of query parameter ${name}: expected a date or date-time`);
  return t;
}

/** A `[from, to)` range check (closed-open, as the platform's date filters). */
export const inRange = (t: number, from: number | undefined, to: number | undefined): boolean =>
  (from === undefined || t >= from) && (to === undefined || t < to);

/** Comma-separated query values (`status=ACTIVE,CLEARED`), trimmed, empty entries dropped. */
export function listParam(ctx: RequestContext, name: string): string[] | undefined {
  const values = ctx.query.getAll(name).flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
  return values.length > 0 ? values : undefined;
}

/** A non-empty string query parameter, or undefined. */
export function stringParam(ctx: RequestContext, name: string): string | undefined {
  const v = ctx.query.get(name);
  return v === undefined || v === '' ? undefined : v;
}

/** `source.id` of a body as a string (numbers are accepted and converted), or undefined. */
export function sourceIdOf(body: Json): string | undefined {
  const source = body.source;
  if (!isObject(source)) return undefined;
  const id = source.id;
  if (typeof id === 'string' && id !== '') return id;
  if (typeof id === 'number' && Number.isFinite(id)) return String(id);
  return undefined;
}

/**
 * The managed object a new record refers to. The spec does not say what happens for an unknown
 * source; the platform answers 422 "Unprocessable Entity", so the emulator does too.
 * Device users (and users without the area's admin role) may only use sources they own (403).
 */
export function requireSource(ctx: RequestContext, id: string, resource: string, adminRoles: readonly string[]): ManagedObjectData {
  const mo = findManagedObject(ctx, id);
  if (!mo) throw errors.invalidData(resource, `Cannot find managed object with id ${id}`);
  if (!hasGlobal(ctx, adminRoles) && mo.owner !== ctx.user.userName) throw errors.forbidden();
  return mo;
}

/** True if the user has one of `roles` and is not a device user (device users only reach what they own). */
export function hasGlobal(ctx: RequestContext, roles: readonly string[]): boolean {
  return !ctx.user.isDevice && ctx.user.hasAnyRole(...roles);
}

/**
 * Visibility of records by their source: everything for users with a global role, else only
 * records whose source the user owns (memoised per request).
 */
export function sourceVisibility(ctx: RequestContext, roles: readonly string[]): ((sourceId: string) => boolean) | undefined {
  if (hasGlobal(ctx, roles)) return undefined;
  const user = ctx.user.userName;
  const memo = new Map<string, boolean>();
  return (sourceId) => {
    let ok = memo.get(sourceId);
    if (ok === undefined) memo.set(sourceId, (ok = findManagedObject(ctx, sourceId)?.owner === user));
    return ok;
  };
}

/** 403 unless the user may access records of `sourceId` (global role or owner of the source). */
export function requireSourceAccess(ctx: RequestContext, sourceId: string, roles: readonly string[]): void {
  if (hasGlobal(ctx, roles)) return;
  if (findManagedObject(ctx, sourceId)?.owner !== ctx.user.userName) throw errors.forbidden();
}

/** `{id, self}` (plus `name` when asked and known) of a source managed object. */
export function sourceRef(ctx: RequestContext, id: string, withName = false): Json {
  const ref: Json = { id, self: ctx.url(`/inventory/managedObjects/${encodeURIComponent(id)}`) };
  if (withName) {
    const name = findManagedObject(ctx, id)?.name;
    if (typeof name === 'string') return { id, name, self: ref.self };
  }
  return ref;
}

const WITH_SOURCE: ReadonlyArray<[string, readonly RelationKind[]]> = [
  ['withSourceAssets', ['childAssets']],
  ['withSourceDevices', ['childDevices']],
  ['withSourceAdditions', ['childAdditions']],
  ['withSourceChildren', ['childAssets', 'childDevices', 'childAdditions']],
];

/**
 * The set of source ids a `source` filter matches, honouring `withSourceAssets|Devices|Additions|Children`
 * (the source plus its **direct** children of those kinds; the platform may go deeper).
 * 422 when a `withSource*` flag is set without `source`. `undefined` when no source filter applies.
 */
export function sourceFilter(ctx: RequestContext, resource: string): Set<string> | undefined {
  const source = stringParam(ctx, 'source');
  const kinds = WITH_SOURCE.filter(([param]) => ctx.query.bool(param)).flatMap(([, k]) => k);
  if (source === undefined) {
    if (kinds.length > 0) throw errors.invalidData(resource, 'withSourceAssets/withSourceDevices/… require the source parameter');
    return undefined;
  }
  const ids = new Set([source]);
  if (kinds.length > 0) {
    const record = inventoryStore(ctx.tenant).get(source);
    for (const kind of kinds) for (const child of record?.children[kind] ?? []) ids.add(child);
  }
  return ids;
}

/** Server-maintained properties of records (ignored in request bodies). */
export const RECORD_SERVER_FIELDS = new Set(['id', 'self', 'creationTime', 'lastUpdated']);

/**
 * Insertion-ordered records with a version counter and a per-version result cache, so a listing
 * is filtered and sorted once and following pages are plain slices.
 */
export class RecordStore<T extends { readonly id: string }> {
  private readonly byId = new Map<string, T>();
  private version = 0;
  private cacheVersion = -1;
  private readonly cache = new Map<string, readonly T[]>();

  get size(): number {
    return this.byId.size;
  }

  get(id: string): T | undefined {
    return this.byId.get(id);
  }

  values(): IterableIterator<T> {
    return this.byId.values();
  }

  add(record: T): T {
    this.byId.set(record.id, record);
    this.touch();
    return record;
  }

  delete(id: string): boolean {
    const done = this.byId.delete(id);
    if (done) this.touch();
    return done;
  }

  /** Call after mutating a record in place (invalidates cached listings). */
  touch(): void {
    this.version++;
  }

  /** Records matching `predicate`, sorted by `compare`; cached under `signature` until the next change. */
  query(signature: string, predicate: (r: T) => boolean, compare: (a: T, b: T) => number): readonly T[] {
    if (this.cacheVersion !== this.version) {
      this.cache.clear();
      this.cacheVersion = this.version;
    }
    let result = this.cache.get(signature);
    if (!result) {
      const list: T[] = [];
      for (const r of this.byId.values()) if (predicate(r)) list.push(r);
      result = list.sort(compare);
      if (this.cache.size >= 32) this.cache.clear();
      this.cache.set(signature, result);
    }
    return result;
  }
}

/** Compares numeric-string ids numerically (shorter first), falling back to string order. */
export function compareIds(a: string, b: string): number {
  return a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0;
}

/** A signature of every query parameter except paging, for result caches. */
export function querySignature(ctx: RequestContext, extra = ''): string {
  const skip = new Set(['pageSize', 'currentPage', 'withTotalPages', 'withTotalElements']);
  return `${extra}|${ctx.query
    .entries()
    .filter(([k]) => !skip.has(k))
    .map(([k, v]) => `${k}=${v}`)
    .join('&')}`;
}

/** Copies the custom fragments of `body` (everything but `exclude` and server fields; `null` values dropped). */
export function customFragments(body: Json, exclude: ReadonlySet<string>): Json {
  const out: Json = {};
  for (const [k, v] of Object.entries(body)) if (!exclude.has(k) && !RECORD_SERVER_FIELDS.has(k) && v !== null && v !== undefined) out[k] = v;
  return out;
}
