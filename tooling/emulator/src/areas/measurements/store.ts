import { errors } from '../../server/errors.js';
import { isObject, type Json } from '../data-common.js';

/** One series of a measurement shape: `fragment.series` with its unit. */
export interface SeriesDef {
  readonly fragment: string;
  readonly series: string;
  readonly unit: string | undefined;
}

/** The interned structure of a measurement: its series (values live in a Float64Array). */
export interface Shape {
  readonly series: readonly SeriesDef[];
  readonly fragments: ReadonlySet<string>;
  /** Series names (without fragment). */
  readonly seriesNames: ReadonlySet<string>;
}

/** Fields every measurement has outside its fragments. */
export const MEASUREMENT_FIELDS = new Set(['id', 'self', 'source', 'time', 'type', 'creationTime', 'lastUpdated']);

/** A measurement split into its searchable parts (see {@link splitMeasurement}). */
export interface SplitMeasurement {
  shapeKey: string;
  series: SeriesDef[];
  values: number[];
  extras: Json | undefined;
}

const SEP1 = '\u0001';
const SEP2 = '\u0002';

/**
 * Splits the custom properties of a measurement (spec, "Legacy compatibility"): in an object
 * fragment, entries `{value: <number>, unit?: <non-empty string>}` are series (only `value` and
 * `unit` are kept); other entries are dropped silently. A fragment without any valid series, and
 * non-object properties, are kept unchanged as plain properties (`extras`). A series with a `unit`
 * that is not a non-empty string → 422.
 */
export function splitMeasurement(body: Json, resource: string): SplitMeasurement {
  const series: SeriesDef[] = [];
  const values: number[] = [];
  let extras: Json | undefined;
  let key = '';
  for (const fragment in body) {
    if (MEASUREMENT_FIELDS.has(fragment)) continue;
    const f = body[fragment];
    let found = false;
    if (isObject(f)) {
      for (const name in f) {
        const s = f[name];
        if (!isObject(s) || typeof s.value !== 'number' || !Number.isFinite(s.value)) continue;
        const unit = s.unit;
        if (unit !== undefined && (typeof unit !== 'string' || unit === ''))
          throw errors.invalidData(resource, `Unit of series ${fragment}.${name} must be a non-empty string`);
        series.push({ fragment, series: name, unit });
        values.push(s.value);
        key += fragment + SEP1 + name + SEP1 + (unit ?? '') + SEP1 + (unit === undefined ? '0' : '1') + SEP2;
        found = true;
      }
    }
    if (!found && f !== undefined && f !== null) (extras ??= {})[fragment] = f;
  }
  return { shapeKey: key, series, values, extras };
}

/** A growable typed column. */
class Column<A extends Float64Array | Int32Array | Uint8Array> {
  constructor(
    public data: A,
    private readonly make: (n: number) => A,
  ) {}
  ensure(n: number): void {
    if (n <= this.data.length) return;
    let cap = this.data.length || 1024;
    while (cap < n) cap *= 2;
    const next = this.make(cap);
    next.set(this.data);
    this.data = next;
  }
}

/**
 * Rows sorted by (time, row); appends in time order keep it sorted, anything else re-sorts lazily.
 * Deleted rows are dropped lazily (`compact`).
 */
export class TimeIndex {
  rows = new Int32Array(16);
  length = 0;
  private sorted = true;
  private dirty = false;

  constructor(private readonly store: MeasurementStore) {}

  append(row: number): void {
    const times = this.store.times.data;
    if (this.length === this.rows.length) {
      const next = new Int32Array(this.rows.length * 2);
      next.set(this.rows);
      this.rows = next;
    }
    const last = this.length > 0 ? this.rows[this.length - 1] : undefined;
    if (last !== undefined && (times[last] ?? 0) > (times[row] ?? 0)) this.sorted = false;
    this.rows[this.length++] = row;
  }

  markDirty(): void {
    this.dirty = true;
  }

  /** Sorted, without deleted rows. */
  ready(): this {
    const alive = this.store.alive.data;
    if (this.dirty) {
      let n = 0;
      for (let i = 0; i < this.length; i++) {
        const r = this.rows[i] ?? 0;
        if (alive[r] === 1) this.rows[n++] = r;
      }
      this.length = n;
      this.dirty = false;
    }
    if (!this.sorted) {
      const times = this.store.times.data;
      const view = this.rows.subarray(0, this.length);
      view.sort((a, b) => (times[a] ?? 0) - (times[b] ?? 0) || a - b);
      this.sorted = true;
    }
    return this;
  }

  /** First position whose time is ≥ `t` (call `ready()` first). */
  lowerBound(t: number): number {
    const times = this.store.times.data;
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((times[this.rows[mid] ?? 0] ?? 0) < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** Filter of a measurement query. */
export interface MeasurementFilter {
  source?: string;
  type?: string;
  valueFragmentType?: string;
  valueFragmentSeries?: string;
  /** Inclusive lower bound (epoch ms). */
  from?: number;
  /** Exclusive upper bound (epoch ms). */
  to?: number;
  /** Visibility by source id (device users). */
  visible?: (sourceId: string) => boolean;
}

/** Matching rows in ascending time order: `rows[lo..hi)`. */
export interface RowRange {
  readonly rows: Int32Array;
  readonly lo: number;
  readonly hi: number;
}

/**
 * Compact columnar measurement storage for one tenant: one row per measurement in typed arrays
 * (id, time, source, type, shape, value offset, alive), series values in one Float64Array,
 * interned sources/types/shapes, and time-sorted row indexes per source, per type and overall.
 * Rows are appended in id order (ids come from the increasing emulator counter), so a lookup by
 * id is a binary search. About 45 bytes per single-series measurement.
 */
export class MeasurementStore {
  readonly ids = new Column(new Float64Array(0), (n) => new Float64Array(n));
  readonly times = new Column(new Float64Array(0), (n) => new Float64Array(n));
  readonly src = new Column(new Int32Array(0), (n) => new Int32Array(n));
  readonly typ = new Column(new Int32Array(0), (n) => new Int32Array(n));
  readonly shp = new Column(new Int32Array(0), (n) => new Int32Array(n));
  readonly voff = new Column(new Int32Array(0), (n) => new Int32Array(n));
  readonly alive = new Column(new Uint8Array(0), (n) => new Uint8Array(n));
  readonly vals = new Column(new Float64Array(0), (n) => new Float64Array(n));
  private valueCount = 0;
  /** Rows ever inserted (including deleted ones). */
  rowCount = 0;
  /** Live measurements. */
  size = 0;
  /** Time strings that differ from `toISOString()` of the parsed time (kept as sent). */
  readonly timeText = new Map<number, string>();
  /** Plain (non-series) properties. */
  readonly extras = new Map<number, Json>();

  readonly sources: string[] = [];
  private readonly sourceIdx = new Map<string, number>();
  readonly types: string[] = [];
  private readonly typeIdx = new Map<string, number>();
  readonly shapes: Shape[] = [];
  private readonly shapeIdx = new Map<string, number>();

  private readonly bySource = new Map<number, TimeIndex>();
  private readonly byType = new Map<number, TimeIndex>();
  private readonly all = new TimeIndex(this);

  /** Bumped on every change (result caches). */
  version = 0;
  private cacheVersion = -1;
  private readonly cache = new Map<string, RowRange>();

  private intern(list: string[], map: Map<string, number>, value: string): number {
    let i = map.get(value);
    if (i === undefined) {
      i = list.length;
      list.push(value);
      map.set(value, i);
    }
    return i;
  }

  private shapeOf(split: SplitMeasurement): number {
    let i = this.shapeIdx.get(split.shapeKey);
    if (i === undefined) {
      i = this.shapes.length;
      this.shapes.push({
        series: split.series,
        fragments: new Set(split.series.map((s) => s.fragment)),
        seriesNames: new Set(split.series.map((s) => s.series)),
      });
      this.shapeIdx.set(split.shapeKey, i);
    }
    return i;
  }

  /** Appends one measurement; returns its row. `id` must be greater than every stored id. */
  insert(id: number, sourceId: string, type: string, time: number, timeText: string | undefined, split: SplitMeasurement): number {
    const row = this.rowCount++;
    const n = row + 1;
    this.ids.ensure(n);
    this.times.ensure(n);
    this.src.ensure(n);
    this.typ.ensure(n);
    this.shp.ensure(n);
    this.voff.ensure(n);
    this.alive.ensure(n);
    this.vals.ensure(this.valueCount + split.values.length);
    const s = this.intern(this.sources, this.sourceIdx, sourceId);
    const t = this.intern(this.types, this.typeIdx, type);
    this.ids.data[row] = id;
    this.times.data[row] = time;
    this.src.data[row] = s;
    this.typ.data[row] = t;
    this.shp.data[row] = this.shapeOf(split);
    this.voff.data[row] = this.valueCount;
    this.alive.data[row] = 1;
    for (const v of split.values) this.vals.data[this.valueCount++] = v;
    if (timeText !== undefined) this.timeText.set(row, timeText);
    if (split.extras) this.extras.set(row, split.extras);
    let bySource = this.bySource.get(s);
    if (!bySource) this.bySource.set(s, (bySource = new TimeIndex(this)));
    bySource.append(row);
    let byType = this.byType.get(t);
    if (!byType) this.byType.set(t, (byType = new TimeIndex(this)));
    byType.append(row);
    this.all.append(row);
    this.size++;
    this.version++;
    return row;
  }

  /** Row of a live measurement by id, or undefined. */
  rowOf(id: string): number | undefined {
    if (!/^\d+$/.test(id)) return undefined;
    const target = Number(id);
    const ids = this.ids.data;
    let lo = 0;
    let hi = this.rowCount;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((ids[mid] ?? 0) < target) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.rowCount && ids[lo] === target && this.alive.data[lo] === 1 ? lo : undefined;
  }

  sourceOf(row: number): string {
    return this.sources[this.src.data[row] ?? 0] ?? '';
  }

  typeOf(row: number): string {
    return this.types[this.typ.data[row] ?? 0] ?? '';
  }

  shapeOfRow(row: number): Shape {
    const shape = this.shapes[this.shp.data[row] ?? 0];
    if (!shape) throw new Error(`No shape for row ${row}`);
    return shape;
  }

  /** Value of series `i` of a row. */
  value(row: number, i: number): number {
    return this.vals.data[(this.voff.data[row] ?? 0) + i] ?? Number.NaN;
  }

  /** The JSON document of a row (without `self`; `source` as `{id}`). */
  document(row: number): { id: string; sourceId: string; time: string; type: string; fragments: Json } {
    const fragments: Json = {};
    const shape = this.shapeOfRow(row);
    shape.series.forEach((s, i) => {
      let f = fragments[s.fragment] as Json | undefined;
      if (!f) fragments[s.fragment] = f = {};
      f[s.series] = s.unit === undefined ? { value: this.value(row, i) } : { value: this.value(row, i), unit: s.unit };
    });
    const extras = this.extras.get(row);
    if (extras) Object.assign(fragments, extras);
    return {
      id: String(this.ids.data[row]),
      sourceId: this.sourceOf(row),
      time: this.timeText.get(row) ?? new Date(this.times.data[row] ?? 0).toISOString(),
      type: this.typeOf(row),
      fragments,
    };
  }

  /** Deletes rows (indexes are compacted lazily). */
  remove(rows: Iterable<number>): number {
    let n = 0;
    const touchedSources = new Set<number>();
    const touchedTypes = new Set<number>();
    for (const row of rows) {
      if (this.alive.data[row] !== 1) continue;
      this.alive.data[row] = 0;
      this.timeText.delete(row);
      this.extras.delete(row);
      touchedSources.add(this.src.data[row] ?? 0);
      touchedTypes.add(this.typ.data[row] ?? 0);
      n++;
    }
    if (n === 0) return 0;
    for (const s of touchedSources) this.bySource.get(s)?.markDirty();
    for (const t of touchedTypes) this.byType.get(t)?.markDirty();
    this.all.markDirty();
    this.size -= n;
    this.version++;
    return n;
  }

  /**
   * Rows matching `filter` in ascending time order (ties by id). Picks the narrowest index
   * (source, else type, else all), binary-searches `[from, to)` and filters the remaining
   * criteria over that window only; filtered results are cached per `signature` until the store changes.
   */
  query(filter: MeasurementFilter, signature: string): RowRange {
    let index: TimeIndex | undefined;
    let typeDone = false;
    if (filter.source !== undefined) {
      const s = this.sourceIdx.get(filter.source);
      index = s === undefined ? undefined : this.bySource.get(s);
    } else if (filter.type !== undefined) {
      const t = this.typeIdx.get(filter.type);
      index = t === undefined ? undefined : this.byType.get(t);
      typeDone = true;
    } else index = this.all;
    if (!index) return { rows: new Int32Array(0), lo: 0, hi: 0 };
    index.ready();
    const lo = filter.from === undefined ? 0 : index.lowerBound(filter.from);
    const hi = filter.to === undefined ? index.length : Math.max(lo, index.lowerBound(filter.to));
    const type = !typeDone && filter.type !== undefined ? (this.typeIdx.get(filter.type) ?? -1) : undefined;
    const { valueFragmentType: frag, valueFragmentSeries: series, visible } = filter;
    if (type === undefined && frag === undefined && series === undefined && visible === undefined) return { rows: index.rows, lo, hi };

    if (this.cacheVersion !== this.version) {
      this.cache.clear();
      this.cacheVersion = this.version;
    }
    const cached = this.cache.get(signature);
    if (cached) return cached;
    const shapeOk = this.shapes.map((shape) => {
      if (frag !== undefined && series !== undefined) return shape.series.some((s) => s.fragment === frag && s.series === series);
      if (frag !== undefined) return shape.fragments.has(frag);
      if (series !== undefined) return shape.seriesNames.has(series);
      return true;
    });
    const visibleSource = visible && this.sources.map((s) => visible(s));
    const out = new Int32Array(hi - lo);
    let n = 0;
    for (let i = lo; i < hi; i++) {
      const row = index.rows[i] ?? 0;
      if (type !== undefined && this.typ.data[row] !== type) continue;
      if (!shapeOk[this.shp.data[row] ?? 0]) continue;
      if (visibleSource && !visibleSource[this.src.data[row] ?? 0]) continue;
      out[n++] = row;
    }
    const result = { rows: out, lo: 0, hi: n };
    if (this.cache.size >= 16) this.cache.clear();
    this.cache.set(signature, result);
    return result;
  }
}
