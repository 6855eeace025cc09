/** Median, fastest and slowest of one contender's measured runs. */
export interface Stats {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly runs: number;
}

/** Summarises measured values (at least one). */
export function statsOf(values: readonly number[]): Stats {
  if (values.length === 0) throw new Error('no measured runs');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  return { median, min: sorted[0] ?? 0, max: sorted.at(-1) ?? 0, runs: sorted.length };
}

/** Multiplies every figure (a subset's time scaled to the full size). */
export function scaleStats(stats: Stats, factor: number): Stats {
  return { ...stats, median: stats.median * factor, min: stats.min * factor, max: stats.max * factor };
}

/**
 * A contender's task. It resolves nothing (its wall time in ms is measured) or a number it
 * measured itself (peak memory of a child process, time to first response in a fresh process).
 */
export type Task = () => Promise<number | void>;

/** How many rounds are thrown away and how many are measured. */
export interface Rounds {
  readonly warmups: number;
  readonly runs: number;
}

/**
 * Runs every task `warmups` times, then `runs` rounds in which each task runs once, taking turns
 * so that drift (JIT warm-up, other load on the machine) spreads evenly over the contenders.
 */
export async function takeTurns<K extends string>(tasks: Record<K, Task>, { warmups, runs }: Rounds): Promise<Record<K, Stats>> {
  const names = Object.keys(tasks) as K[];
  const values = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<K, number[]>;
  for (let round = 0; round < warmups + runs; round++) {
    for (const name of names) {
      const start = performance.now();
      const measured = await tasks[name]();
      const value = typeof measured === 'number' ? measured : performance.now() - start;
      if (round >= warmups) values[name].push(value);
    }
  }
  return Object.fromEntries(names.map((name) => [name, statsOf(values[name])])) as Record<K, Stats>;
}

/** Throws unless a read returned the expected number of items (a benchmark of a wrong answer is worthless). */
export function expectCount(what: string, actual: number, expected: number): void {
  if (actual !== expected) throw new Error(`${what}: expected ${expected} items, got ${actual}`);
}
