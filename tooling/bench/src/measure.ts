/** The times of one task over its measured runs, in ms. */
export interface Timing {
  readonly median: number;
  readonly fastest: number;
  readonly slowest: number;
}

/**
 * Runs every task `warmups` times, then `runs` rounds in which each task runs once, taking
 * turns so that drift (JIT warm-up, other load) spreads evenly; returns each task's timing.
 */
export async function interleavedTimings<K extends string>(
  tasks: Record<K, () => Promise<unknown>>,
  { warmups = 2, runs = 5 }: { warmups?: number; runs?: number } = {},
): Promise<Record<K, Timing>> {
  const names = Object.keys(tasks) as K[];
  const times = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<K, number[]>;
  for (let round = 0; round < warmups + runs; round++) {
    for (const name of names) {
      const start = performance.now();
      await tasks[name]();
      if (round >= warmups) times[name].push(performance.now() - start);
    }
  }
  return Object.fromEntries(
    names.map((name) => {
      const sorted = [...times[name]].sort((a, b) => a - b);
      return [name, { median: sorted[Math.floor(sorted.length / 2)], fastest: sorted[0], slowest: sorted.at(-1) } as Timing];
    }),
  ) as Record<K, Timing>;
}

/** `median ms (fastest–slowest)`, padded for a column. */
export function formatTiming({ median, fastest, slowest }: Timing): string {
  return `${median.toFixed(0).padStart(6)} ms  (${fastest.toFixed(0)}–${slowest.toFixed(0)})`;
}

/** Formats a ratio with a verdict against a target. */
export function verdict(ratio: number, target: number, higherIsBetter: boolean): string {
  const ok = higherIsBetter ? ratio >= target : ratio <= target;
  return `${ratio.toFixed(2)}× (target ${higherIsBetter ? '≥' : '≤'} ${target}×: ${ok ? 'met' : 'NOT met'})`;
}
