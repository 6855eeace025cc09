/** Median, fastest and slowest of one contender's measured runs. */
export interface Stats {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly runs: number;
  /**
   * Median CPU time (user + system) this process spent per run, in ms, for tasks timed here.
   * Less sensitive than wall time to other load on the machine: it counts the client's own work.
   */
  readonly cpuMedian?: number;
}

function medianOf(sorted: readonly number[]): number {
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Summarises measured values (at least one), with the CPU times of the same runs when given. */
export function statsOf(values: readonly number[], cpuTimes: readonly number[] = []): Stats {
  if (values.length === 0) throw new Error('no measured runs');
  const sorted = [...values].sort((a, b) => a - b);
  const cpu = cpuTimes.length > 0 ? { cpuMedian: medianOf([...cpuTimes].sort((a, b) => a - b)) } : {};
  return { median: medianOf(sorted), min: sorted[0] ?? 0, max: sorted.at(-1) ?? 0, runs: sorted.length, ...cpu };
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
  const cpuTimes = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<K, number[]>;
  for (let round = 0; round < warmups + runs; round++) {
    for (const name of names) {
      const cpu = process.cpuUsage();
      const start = performance.now();
      const measured = await tasks[name]();
      const elapsed = performance.now() - start;
      const { user, system } = process.cpuUsage(cpu);
      if (round < warmups) continue;
      values[name].push(typeof measured === 'number' ? measured : elapsed);
      // A task that measured itself ran elsewhere (a child process): this process's CPU says nothing.
      if (typeof measured !== 'number') cpuTimes[name].push((user + system) / 1000);
    }
  }
  return Object.fromEntries(names.map((name) => [name, statsOf(values[name], cpuTimes[name])])) as Record<K, Stats>;
}

/** Throws unless a read returned the expected number of items (a benchmark of a wrong answer is worthless). */
export function expectCount(what: string, actual: number, expected: number): void {
  if (actual !== expected) throw new Error(`${what}: expected ${expected} items, got ${actual}`);
}
