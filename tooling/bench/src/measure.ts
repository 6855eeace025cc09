/** Runs `task` `runs` times after one warm-up run and returns the median duration in ms. */
export async function medianMs(task: () => Promise<unknown>, runs = 3): Promise<number> {
  await task();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await task();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

/** Formats a ratio with a verdict against a target. */
export function verdict(ratio: number, target: number, higherIsBetter: boolean): string {
  const ok = higherIsBetter ? ratio >= target : ratio <= target;
  return `${ratio.toFixed(2)}× (target ${higherIsBetter ? '≥' : '≤'} ${target}×: ${ok ? 'met' : 'NOT met'})`;
}
