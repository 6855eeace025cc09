/**
 * A fresh client process for scenario 4: streams every seeded measurement with one contender
 * and prints `{ peakGrowthMB, ms, items }` as JSON. Its own process, so that the RSS it samples
 * belongs to this read alone (neither the emulator nor earlier scenarios).
 *
 * Usage: `node stream-measurements.js <sdk|official|raw> <url> <count> <pageSize> <workers>`
 */
import { sampleMemory } from './memory-sampler.js';

/** What the parent reads from stdout. */
export interface StreamReport {
  peakGrowthMB: number;
  ms: number;
  items: number;
}

type Reader = (sample: () => void) => Promise<number>;

const [contender, url = '', countText = '0', pageSizeText = '2000', workersText = '8'] = process.argv.slice(2);
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
// The starting RSS includes the contender's code, none of the data.
const memory = sampleMemory();
const start = performance.now();
const items = await read(memory.sample);
const ms = performance.now() - start;
const { peak, start: startRss } = memory.stop();
if (items !== count) throw new Error(`${contender}: expected ${count} measurements, got ${items}`);
const report: StreamReport = { peakGrowthMB: (peak - startRss) / 2 ** 20, ms, items };
process.stdout.write(`${JSON.stringify(report)}\n`);
