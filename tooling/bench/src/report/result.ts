import type { Stats } from '../measure.js';

/** Who ran: this SDK, the official `@c8y/client`, or the raw baseline (plain fetch + JSON.parse). */
export type ContenderKind = 'sdk' | 'official' | 'raw';

/** What a scenario measures; every unit is "lower is better". */
export type Unit = 'ms' | 'MB' | 'kB';

/** A target of issue #16, checked against one row. */
export interface Target {
  /** As the issue states it, e.g. `≤ 1.2× raw`. */
  readonly text: string;
  readonly met: boolean;
}

/** One contender's line in the results table. */
export interface ResultRow {
  readonly contender: string;
  readonly kind: ContenderKind;
  readonly stats: Stats;
  /** Median ÷ the raw baseline of the same shape (the limit on this machine); `undefined` without one. */
  readonly toRaw?: number;
  /** `@c8y/client`'s median ÷ this median: above 1 this contender is better. */
  readonly vsOfficial?: number;
  readonly targets?: readonly Target[];
}

/** A scenario's table rows and what a reader needs to read them. */
export interface ScenarioResult {
  /** `1. Paging` … */
  readonly title: string;
  /** Sizes, latency, concurrency, runs. */
  readonly setup: string;
  readonly unit: Unit;
  readonly rows: readonly ResultRow[];
  /** Remarks printed under the table (scaling, what was imported, durations). */
  readonly notes: readonly string[];
  /** Markdown of a CPU profile summary, when a target was missed. */
  readonly profile?: string;
}

/**
 * Adds `toRaw` and `vsOfficial` to rows from the named baselines (the same scenario's raw row
 * of the same shape, and its `@c8y/client` row).
 */
export function withRatios(row: Omit<ResultRow, 'toRaw' | 'vsOfficial'>, raw: Stats | undefined, official: Stats | undefined): ResultRow {
  return {
    ...row,
    ...(raw ? { toRaw: row.stats.median / raw.median } : {}),
    ...(official ? { vsOfficial: official.median / row.stats.median } : {}),
  };
}

/** A target "at most `limit`" (ratio to raw, size, memory). */
export function atMost(text: string, value: number | undefined, limit: number): Target {
  return { text, met: value !== undefined && value <= limit };
}

/**
 * A target "no worse than another contender's median", within `tolerance` (3 %): medians of a
 * few runs on a shared machine differ by that much between equals, so a strict comparison would
 * call a tie a miss (or a win).
 */
export function noWorseThan(text: string, value: number, other: number, tolerance = 0.03): Target {
  return { text: `${text} (within ${Math.round(tolerance * 100)} %)`, met: value <= other * (1 + tolerance) };
}

/** A target "at least `limit`" (speed-up over `@c8y/client`). */
export function atLeast(text: string, value: number | undefined, limit: number): Target {
  return { text, met: value !== undefined && value >= limit };
}

/**
 * `client CPU per run (process.cpuUsage): SDK 412 ms = 1.52× raw 271 ms` — the client's own work,
 * which other load on the machine disturbs much less than wall time.
 */
export function cpuNote(pairs: readonly { name: string; stats: Stats }[], raw: Stats): string {
  const ms = (stats: Stats) => `${(stats.cpuMedian ?? 0).toFixed(0)} ms`;
  const parts = pairs.map(({ name, stats }) => `${name} ${ms(stats)} = ${((stats.cpuMedian ?? 0) / (raw.cpuMedian ?? 1)).toFixed(2)}×`);
  return `Client CPU per run (user + system of the client process, median): ${parts.join(', ')} raw ${ms(raw)}.`;
}
