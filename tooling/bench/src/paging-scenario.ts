import { BasicAuth, CumulocityRestClient, getAll, inventoryQuerySpec, type PagedResource } from '@c8y/rest-core';
import { startEmulatorThread } from './emulator-thread.js';
import { formatTiming, interleavedTimings, verdict } from './measure.js';

const objects = 20_000;
const pageSize = 100;
const workers = 20;
const latencyMs = 20;

const inventory: PagedResource = {
  name: 'managedObject',
  path: '/inventory/managedObjects',
  collectionKey: 'managedObjects',
  collectionMediaType: 'application/vnd.com.nsn.cumulocity.managedobjectcollection+json',
  querySpec: inventoryQuerySpec,
};

/**
 * Fetches 20,000 objects in pages of 100 from the emulator at 20 ms latency: sequentially,
 * with 20 workers, and with a raw baseline (plain fetch + JSON.parse of the same pages at the
 * same concurrency, knowing the page count in advance — the best case no SDK can beat).
 */
export async function pagingScenario(): Promise<void> {
  const emu = await startEmulatorThread({ latencyMs, managedObjects: objects });
  try {
    const auth = new BasicAuth('t100/admin', 'admin-pass');
    const client = new CumulocityRestClient({ baseUrl: emu.url, auth, maxConcurrent: workers });

    const expectCount = (items: readonly unknown[]) => {
      if (items.length !== objects) throw new Error(`expected ${objects} objects, got ${items.length}`);
    };
    const authorization = `Basic ${btoa('t100/admin:admin-pass')}`;
    const pages = Math.ceil(objects / pageSize);
    const getAllWith = (workerCount: number) => async () =>
      expectCount(await getAll(client, inventory, { type: 'bench' }, { pageSize, workers: workerCount }));
    // Sequential reads are bound by latency and vary little; the concurrent ones are bound by CPU
    // on this machine and vary with its load, so they get more runs, interleaved with the baseline.
    const { concurrent, raw } = await interleavedTimings(
      {
        concurrent: getAllWith(workers),
        raw: async () => {
          const items: unknown[] = [];
          let next = 1;
          const worker = async () => {
            while (next <= pages) {
              const page = next++;
              const response = await fetch(`${emu.url}/inventory/managedObjects?type=bench&pageSize=${pageSize}&currentPage=${page}`, {
                headers: { Authorization: authorization, Accept: 'application/json' },
              });
              const body = JSON.parse(await response.text()) as { managedObjects: unknown[] };
              items.push(...body.managedObjects);
            }
          };
          await Promise.all(Array.from({ length: workers }, worker));
          expectCount(items);
        },
      },
      { warmups: 3, runs: 11 },
    );
    // After the concurrent runs, so that it runs on code as warm as theirs.
    const { sequential } = await interleavedTimings({ sequential: getAllWith(1) }, { warmups: 1, runs: 3 });

    console.log(`paging: ${objects} objects, pageSize ${pageSize}, ${latencyMs} ms latency per request; median (fastest–slowest)`);
    console.log(`  sequential (workers 1)   ${formatTiming(sequential)}`);
    console.log(`  workers ${workers}               ${formatTiming(concurrent)}`);
    console.log(`  raw fetch, ${workers} at once    ${formatTiming(raw)}`);
    console.log(`  speed-up sequential → workers ${workers}: ${verdict(sequential.median / concurrent.median, 10, true)}`);
    console.log(`  workers ${workers} vs raw baseline:        ${verdict(concurrent.median / raw.median, 1.3, false)}`);
    // The most any client could gain here: bounded by CPU per page when the pages come 20 at once.
    console.log(`  (ceiling on this machine, sequential ÷ raw baseline: ${(sequential.median / raw.median).toFixed(2)}×)`);
  } finally {
    await emu.stop();
  }
}
