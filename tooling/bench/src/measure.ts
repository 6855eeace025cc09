/**
 * Runs every task `warmups` times, then `runs` rounds in which each task runs once, taking
 * turns so that drift (JIT warm-up, other load) spreads evenly; returns each task's median ms.
 */
export async function interleavedMedians<K extends string>(
  tasks: Record<K, () => Promise<unknown>>,
  { warmups = 2, runs = 5 }: { warmups?: number; runs?: number } = {},
): Promise<Record<K, number>> {
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
      return [name, sorted[Math.floor(sorted.length / 2)] as number];
    }),
  ) as Record<K, number>;
}

/** Formats a ratio with a verdict against a target. */
export function verdict(ratio: number, target: number, higherIsBetter: boolean): string {
  const ok = higherIsBetter ? ratio >= target : ratio <= target;
  return `${ratio.toFixed(2)}× (target ${higherIsBetter ? '≥' : '≤'} ${target}×: ${ok ? 'met' : 'NOT met'})`;
}
