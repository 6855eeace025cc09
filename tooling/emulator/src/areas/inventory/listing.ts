import type { PageProvider } from '../../paging/paging.js';
import type { RequestContext } from '../../server/context.js';
import { errors } from '../../server/errors.js';
import { compileFilter, compileOrder, parseQuery, QuerySyntaxError, type Expr, type OrderBy, type QueryEnvironment } from './query.js';
import { RELATION_KINDS, type InventoryStore, type MoRecord, type RelationKind } from './store.js';

/** The 422 the platform answers for a query it cannot parse. */
export const invalidQuery = (): Error => errors.invalidData('inventory', 'Find by filter query failed : Query could not be understood.');

/** Parses `query`/`q`; 422 on garbage. */
export function parseQueryParam(value: string | undefined): { filter: Expr | undefined; orderBy: readonly OrderBy[] } {
  if (value === undefined || value.trim() === '') return { filter: undefined, orderBy: [] };
  try {
    return parseQuery(value);
  } catch (e) {
    if (e instanceof QuerySyntaxError) throw invalidQuery();
    throw e;
  }
}

/** The query-language environment over the inventory store. */
export function queryEnvironment(store: InventoryStore): QueryEnvironment<MoRecord> {
  return {
    doc: (r) => r.doc,
    assetParents: (r) => r.parents.childAssets,
    hierarchy: (roots) => {
      const seen = new Set<string>();
      const queue = [...roots];
      while (queue.length > 0) {
        const id = queue.pop() as string;
        if (seen.has(id)) continue;
        const record = store.get(id);
        if (!record) continue;
        seen.add(id);
        for (const kind of RELATION_KINDS) queue.push(...record.children[kind]);
      }
      return seen;
    },
  };
}

/** A listing: where candidates come from, what filters them, how they are ordered. */
export interface ListingSpec {
  /** Candidates in insertion order before filtering. */
  base: () => readonly MoRecord[];
  /** Filters (all must hold). */
  predicates: Array<(r: MoRecord) => boolean>;
  order: ((a: MoRecord, b: MoRecord) => number) | undefined;
  /** Unique description of base + predicates + order, for the result cache. */
  signature: string[];
}

/** Starts a listing over all objects. */
export function listing(store: InventoryStore): ListingSpec {
  return { base: () => store.all(), predicates: [], order: undefined, signature: [] };
}

/** Adds a `query`/`q` expression (with `has(c8y_IsDevice)` for `q`) to a listing. */
export function addQuery(spec: ListingSpec, store: InventoryStore, name: 'query' | 'q', value: string | undefined): boolean {
  if (value === undefined) return false;
  const { filter, orderBy } = parseQueryParam(value);
  const env = queryEnvironment(store);
  if (filter) spec.predicates.push(compileFilter(filter, env));
  if (name === 'q') spec.predicates.push((r) => r.doc.c8y_IsDevice !== undefined);
  if (orderBy.length > 0) spec.order = compileOrder(orderBy, env.doc);
  spec.signature.push(`${name}=${value}`);
  return true;
}

/** Text search over id, type, name, owner and external ids (tokens, or a "quoted phrase"). */
export function textPredicate(store: InventoryStore, text: string): (r: MoRecord) => boolean {
  const phrase = /^"(.*)"$/s.exec(text.trim())?.[1];
  const fields = (r: MoRecord): string[] => {
    const out = [r.id];
    for (const k of ['type', 'name', 'owner'] as const) {
      const v = r.doc[k];
      if (typeof v === 'string') out.push(v);
    }
    for (const ext of store.externalIdsOf(r.id)) out.push(ext.externalId);
    return out.map((s) => s.toLowerCase());
  };
  if (phrase !== undefined) {
    const needle = phrase.toLowerCase();
    return (r) => fields(r).some((f) => f.includes(needle));
  }
  const split = (s: string): string[] => s.toLowerCase().split(/[\s/\-.,;:_]+/).filter((t) => t !== '');
  const tokens = split(text);
  if (tokens.length === 0) return () => true;
  return (r) => {
    const words = fields(r).flatMap((f) => [f, ...split(f)]);
    return tokens.some((t) => words.some((w) => w.startsWith(t)));
  };
}

/** Records whose relation `kind` lists `childId` as a child (`childAssetId` → the groups holding it). */
export function parentsOf(store: InventoryStore, kind: RelationKind, childId: string): MoRecord[] {
  const child = store.get(childId);
  if (!child) return [];
  return [...child.parents[kind]]
    .map((id) => store.get(id))
    .filter((r): r is MoRecord => r !== undefined)
    .sort((a, b) => a.seq - b.seq);
}

const MAX_CACHED = 64;

/**
 * A page provider over a listing. Without predicates and order it slices the candidates directly
 * (O(page)); otherwise the filtered (and sorted) list is computed once per store version and
 * query signature and cached, so following `next` links costs O(page) per page.
 */
export function listingProvider(store: InventoryStore, spec: ListingSpec): PageProvider<MoRecord> & { list(): readonly MoRecord[] } {
  const direct = spec.predicates.length === 0 && spec.order === undefined;
  const list = (): readonly MoRecord[] => {
    if (direct) return spec.base();
    const cache = store.results();
    const key = spec.signature.join('\u0000');
    const hit = cache.get(key) as readonly MoRecord[] | undefined;
    if (hit) return hit;
    const predicates = spec.predicates;
    const filtered = spec.base().filter((r) => predicates.every((p) => p(r)));
    if (spec.order) filtered.sort(spec.order);
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(key, filtered);
    return filtered;
  };
  return {
    slice: (offset, limit) => list().slice(offset, offset + limit),
    count: () => list().length,
    list,
  };
}

/** Reads a boolean query parameter strictly (`true`/`false`), 422 otherwise. */
export function boolParam(ctx: RequestContext, name: string): boolean | undefined {
  const raw = ctx.query.get(name);
  if (raw === undefined || raw === '') return undefined;
  const v = raw.toLowerCase();
  if (v !== 'true' && v !== 'false') throw errors.invalidData('inventory', `Invalid value '${raw}' of query parameter ${name}`);
  return v === 'true';
}
