/** Peak resident set size of this process, sampled on a timer and whenever the reader asks. */
export interface MemorySampler {
  /** Takes a sample now (call it once per page: a timer alone can miss a short peak). */
  sample(): void;
  /** Stops sampling; the peak and the starting RSS in bytes. */
  stop(): { peak: number; start: number };
}

/** Starts sampling `process.memoryUsage.rss()` every `intervalMs`, from the current RSS. */
export function sampleMemory(intervalMs = 5): MemorySampler {
  const start = process.memoryUsage.rss();
  let peak = start;
  const sample = () => {
    const rss = process.memoryUsage.rss();
    if (rss > peak) peak = rss;
  };
  const timer = setInterval(sample, intervalMs);
  return {
    sample,
    stop: () => {
      clearInterval(timer);
      sample();
      return { peak, start };
    },
  };
}
