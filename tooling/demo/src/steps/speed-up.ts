import { climateType } from '../naming.js';
import type { TourContext, TourStep } from '../tour-context.js';

/** Latency the emulator adds for this step, so that concurrency has something to hide (a real tenant has its own). */
const EMULATED_LATENCY_MS = 20;
const PAGE_SIZE = 100;
const WORKERS = 20;

async function timed<T>(action: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const start = performance.now();
  const result = await action();
  return { result, ms: performance.now() - start };
}

async function fetchAll({ c8y, runId }: TourContext, workers: number) {
  return c8y.measurements.getAll({ type: climateType(runId) }, { pageSize: PAGE_SIZE, workers, asValues: 'id' });
}

/** Every measurement of the tour, sequentially and with 20 pages in flight: the measured speed-up. */
export const fetchWithWorkers: TourStep = {
  name: 'fetch everything with workers',
  async run(context) {
    const { emulator, out } = context;
    emulator?.setLatency(EMULATED_LATENCY_MS);
    try {
      if (emulator) out.line(`   (the emulator now answers after ${EMULATED_LATENCY_MS} ms, like a remote tenant)`);
      const sequential = await timed(() => fetchAll(context, 1));
      const concurrent = await timed(() => fetchAll(context, WORKERS));
      const pages = Math.ceil(sequential.result.length / PAGE_SIZE);
      out.line(`   workers: 1   ${sequential.result.length} measurements, ${pages} pages in ${Math.round(sequential.ms)} ms`);
      out.line(`   workers: ${WORKERS}  ${concurrent.result.length} measurements, ${pages} pages in ${Math.round(concurrent.ms)} ms`);
      out.line(`   speed-up: ${(sequential.ms / concurrent.ms).toFixed(1)}×`);
      const same = new Set(concurrent.result);
      if (same.size !== sequential.result.length || !sequential.result.every((id) => same.has(id))) {
        throw new Error('concurrent paging returned other measurements than sequential paging');
      }
    } finally {
      emulator?.setLatency(0);
    }
  },
};
