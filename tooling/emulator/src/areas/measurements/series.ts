import { errors } from '../../server/errors.js';
import type { Json } from '../data-common.js';
import type { MeasurementStore } from './store.js';

/** Legacy aggregation (`aggregationType`). */
export type AggregationType = 'DAILY' | 'HOURLY' | 'MINUTELY';
export const AGGREGATION_TYPES: readonly AggregationType[] = ['DAILY', 'HOURLY', 'MINUTELY'];
/** Time-series aggregation functions (`aggregationFunction`). */
export const AGGREGATION_FUNCTIONS = ['min', 'max', 'avg', 'sum', 'count', 'stdDevPop', 'stdDevSamp'] as const;
export type AggregationFunction = (typeof AGGREGATION_FUNCTIONS)[number];

/** Maximum number of timestamps without aggregation (then `truncated: true`). */
export const MAX_SERIES_VALUES = 5000;

/** A parsed `/measurement/measurements/series` request. */
export interface SeriesRequest {
  source: string;
  from: number;
  to: number;
  /** Requested `fragment.series` names (all series when empty). */
  series: readonly string[];
  /** Maps a time to the start of its bucket; undefined = no aggregation. */
  bucket?: (t: number) => number;
  functions: readonly AggregationFunction[];
  revert: boolean;
  visible?: (sourceId: string) => boolean;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const UNIT_MS: Readonly<Record<string, number>> = { s: 1000, m: MINUTE, h: HOUR, d: DAY };
/** Monday 1970-01-05T00:00Z: weeks start on Mondays. */
const FIRST_MONDAY = 4 * DAY;

/** Bucket function of a legacy `aggregationType` (UTC minutes, hours, days). */
export function legacyBucket(type: AggregationType): (t: number) => number {
  const size = type === 'MINUTELY' ? MINUTE : type === 'HOURLY' ? HOUR : DAY;
  return (t) => Math.floor(t / size) * size;
}

/**
 * Bucket function of an `aggregationInterval` (`<1-999><s|m|h|d|w|M|q|y>`, no leading zero), or
 * undefined if the value is invalid. Buckets are aligned in UTC: `s|m|h|d` to multiples of the
 * interval since the epoch, `w` to Mondays, `M|q|y` to calendar months (multiples since year 0).
 */
export function intervalBucket(value: string): ((t: number) => number) | undefined {
  const m = /^([1-9]\d{0,2})([smhdwMqy])$/.exec(value);
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = m[2] ?? '';
  const ms = UNIT_MS[unit];
  if (ms !== undefined) return (t) => Math.floor(t / (n * ms)) * n * ms;
  if (unit === 'w') {
    const size = n * 7 * DAY;
    return (t) => Math.floor((t - FIRST_MONDAY) / size) * size + FIRST_MONDAY;
  }
  const months = n * (unit === 'M' ? 1 : unit === 'q' ? 3 : 12);
  return (t) => {
    const d = new Date(t);
    const index = Math.floor((d.getUTCFullYear() * 12 + d.getUTCMonth()) / months) * months;
    return Date.UTC(Math.floor(index / 12), index % 12, 1);
  };
}

interface Acc {
  min: number;
  max: number;
  sum: number;
  sumSq: number;
  count: number;
}

function finish(acc: Acc, functions: readonly AggregationFunction[]): Json {
  const out: Json = {};
  const mean = acc.sum / acc.count;
  for (const f of functions) {
    if (f === 'min') out.min = acc.min;
    else if (f === 'max') out.max = acc.max;
    else if (f === 'sum') out.sum = acc.sum;
    else if (f === 'count') out.count = acc.count;
    else if (f === 'avg') out.avg = mean;
    else {
      const ss = Math.max(0, acc.sumSq - acc.count * mean * mean);
      if (f === 'stdDevPop') out.stdDevPop = Math.sqrt(ss / acc.count);
      else out.stdDevSamp = acc.count > 1 ? Math.sqrt(ss / (acc.count - 1)) : null;
    }
  }
  return out;
}

/**
 * `GET /measurement/measurements/series` (schema `MeasurementSeries`): `values` maps a timestamp
 * (the measurement's time as stored, or the bucket start in ISO form when aggregating) to an array
 * aligned with `series`, holding `{min, max}` (equal without aggregation; the requested functions
 * with `aggregationFunction`) or `null` where a series has no value. `series` lists
 * `{unit, name, type}` in the order requested (else first appearance); series without data are
 * left out. Without aggregation at most 5,000 timestamps are returned (`truncated: true` beyond).
 */
export function computeSeries(store: MeasurementStore, req: SeriesRequest, signature: string): Json {
  const range = store.query({ source: req.source, from: req.from, to: req.to, ...(req.visible ? { visible: req.visible } : {}) }, signature);
  const requested = new Map(req.series.map((s, i) => [s, i]));
  const order = new Map<string, number>(); // fragment.series → first position seen
  const units = new Map<string, string | undefined>();
  const buckets = new Map<string, { t: number; acc: Map<string, Acc> }>();
  let truncated = false;
  const step = req.revert ? -1 : 1;
  const start = req.revert ? range.hi - 1 : range.lo;
  for (let i = start; i >= range.lo && i < range.hi; i += step) {
    const row = range.rows[i] ?? 0;
    const shape = store.shapeOfRow(row);
    const t = store.times.data[row] ?? 0;
    let key: string;
    let bt: number;
    if (req.bucket) {
      bt = req.bucket(t);
      key = new Date(bt).toISOString();
    } else {
      bt = t;
      key = store.timeText.get(row) ?? new Date(t).toISOString();
    }
    let bucket = buckets.get(key);
    for (let s = 0; s < shape.series.length; s++) {
      const def = shape.series[s];
      if (!def) continue;
      const name = `${def.fragment}.${def.series}`;
      if (requested.size > 0 && !requested.has(name)) continue;
      if (!bucket) {
        if (!req.bucket && buckets.size >= MAX_SERIES_VALUES) {
          truncated = true;
          break;
        }
        buckets.set(key, (bucket = { t: bt, acc: new Map() }));
      }
      if (!order.has(name)) {
        order.set(name, order.size);
        units.set(name, def.unit);
      }
      const v = store.value(row, s);
      const acc = bucket.acc.get(name);
      if (acc) {
        acc.min = Math.min(acc.min, v);
        acc.max = Math.max(acc.max, v);
        acc.sum += v;
        acc.sumSq += v * v;
        acc.count++;
      } else bucket.acc.set(name, { min: v, max: v, sum: v, sumSq: v * v, count: 1 });
    }
    if (truncated) break;
  }
  const names = [...order.keys()].sort((a, b) =>
    requested.size > 0 ? (requested.get(a) ?? 0) - (requested.get(b) ?? 0) : (order.get(a) ?? 0) - (order.get(b) ?? 0),
  );
  const functions: readonly AggregationFunction[] = req.functions.length > 0 ? req.functions : ['min', 'max'];
  const values: Json = {};
  for (const [key, bucket] of buckets) values[key] = names.map((n) => {
    const acc = bucket.acc.get(n);
    return acc ? finish(acc, functions) : null;
  });
  const series = names.map((n) => {
    const dot = n.indexOf('.');
    const unit = units.get(n);
    return { ...(unit !== undefined ? { unit } : {}), name: n.slice(dot + 1), type: n.slice(0, dot) };
  });
  return { values, series, truncated };
}

/** Validates the function list (422 for unknown names). */
export function parseFunctions(values: readonly string[], resource: string): AggregationFunction[] {
  return values.map((v) => {
    const f = AGGREGATION_FUNCTIONS.find((x) => x === v);
    if (!f) throw errors.invalidData(resource, `Invalid aggregationFunction '${v}'; allowed: ${AGGREGATION_FUNCTIONS.join(', ')}`);
    return f;
  });
}
