/**
 * A fresh client process for scenario 4: streams every seeded measurement with one contender
 * and prints `{ peakGrowthMB, ms, items }` as JSON. Its own process, so that the RSS it samples
 * belongs to this read alone (neither the emulator nor earlier scenarios).
 *
 * With `retained` (and `node --expose-gc`) it forces a garbage collection every 25 pages and
 * reports the live heap after each (`retainedMB`): what the read holds, garbage left out. That
 * run's times and RSS are not comparable (the collections cost time and shrink the heap).
 *
 * Usage: `node [--expose-gc] stream-measurements.js <sdk|official|raw> <url> <count> <pageSize> <workers> [retained]`
 */
import { sampleMemory } from './memory-sampler.js';

/** What the parent reads from stdout. */
export interface StreamReport {
  peakGrowthMB: number;
  ms: number;
  items: number;
  /** With `retained`: the live heap after each forced collection, in MB, in read order. */
  retainedMB?: number[];
}

type Reader = (sample: () => void) => Promise<number>;

const [contender, url = '', countText = '0', pageSizeText = '1000', workersText = '8', mode] = process.argv.slice(2);
const count = Number(countText);
const pageSize = Number(pageSizeText);
const workers = Number(workersText);
const filter = { type: 'c8y_Seeded' };

/** Loads only the chosen contender's modules and returns its read. */
async function loadReader(): Promise<Reader> {
  if (contender === 'sdk') {
    const { Measurements } = await import('@c8y/measurements');
    const { sdkClient } = await import('../contenders/sdk.js');
    const measurements = new Measurements(sdkClient(url, workers));
    return async (sample) => {
      let items = 0;
      for await (const measurement of measurements.select(filter, { pageSize, workers })) {
        if (measurement.id !== undefined && ++items % pageSize === 0) sample();
      }
      return items;
    };
  }
  if (contender === 'official') {
    const { officialClient, readAllPages } = await import('../contenders/official.js');
    const client = officialClient(url);
    return (sample) => readAllPages(client.measurement.list({ ...filter, pageSize }), pageSize, sample);
  }
  const { rawPages } = await import('../contenders/raw.js');
  const pageUrl = (page: number) => `${url}/measurement/measurements?type=c8y_Seeded&pageSize=${pageSize}&currentPage=${page}`;
  return (sample) => rawPages(pageUrl, Math.ceil(count / pageSize), workers, 'measurements', sample);
}

const read = await loadReader();
const retainedMB: number[] = [];
const gc = mode === 'retained' ? (globalThis as { gc?: () => void }).gc : undefined;
if (mode === 'retained' && !gc) throw new Error('retained needs node --expose-gc');
let pages = 0;
// The starting RSS includes the contender's code, none of the data.
const memory = sampleMemory();
const start = performance.now();
const items = await read(() => {
  memory.sample();
  if (gc && ++pages % 25 === 0) {
    gc();
    retainedMB.push(process.memoryUsage().heapUsed / 2 ** 20);
  }
});
const ms = performance.now() - start;
const { peak, start: startRss } = memory.stop();
if (items !== count) throw new Error(`${contender}: expected ${count} measurements, got ${items}`);
const report: StreamReport = { peakGrowthMB: (peak - startRss) / 2 ** 20, ms, items, ...(gc ? { retainedMB } : {}) };
process.stdout.write(`${JSON.stringify(report)}\n`);
