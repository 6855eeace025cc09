import { getAll } from '@c8y/rest-core';
import { readAllPages, officialClient } from '../contenders/official.js';
import { rawPages } from '../contenders/raw.js';
import { countingFetch, managedObjects, sdkClient } from '../contenders/sdk.js';
import { startEmulatorProcess } from '../emulator-process.js';
import { expectCount, takeTurns } from '../measure.js';
import { profileIfMissed } from '../profile-if-missed.js';
import { atLeast, atMost, cpuNote, withRatios, type ScenarioResult } from '../report/result.js';
import type { BenchSizes } from '../sizes.js';

/**
 * 1. Paging: every managed object of a large inventory in small pages at 20 ms latency. This SDK
 * with 20 workers and sequentially, `@c8y/client`'s `list` + `paging.next()` loop, and the raw
 * baseline (20 at once, page count known). All three yield plain JSON objects.
 */
export async function pagingScenario({ paging: size }: BenchSizes): Promise<ScenarioResult> {
  const { objects, pageSize, latencyMs, workers } = size;
  const emulator = await startEmulatorProcess({ latencyMs, managedObjects: objects });
  try {
    const sdk = sdkClient(emulator.url, workers);
    const official = officialClient(emulator.url);
    const filter = { type: 'c8y_Seeded' };
    const pages = Math.ceil(objects / pageSize);
    const sdkRead = (count: number) => async () => expectCount('SDK', (await getAll(sdk, managedObjects, filter, { pageSize, workers: count })).length, objects);
    const raw = async () => {
      const items: unknown[] = [];
      const pageUrl = (page: number) => `${emulator.url}/inventory/managedObjects?type=c8y_Seeded&pageSize=${pageSize}&currentPage=${page}`;
      expectCount('raw', await rawPages(pageUrl, pages, workers, 'managedObjects', (page) => items.push(...page)), objects);
    };
    const officialRead = async () => {
      const items: unknown[] = [];
      expectCount('@c8y/client', await readAllPages(official.inventory.list({ ...filter, pageSize }), pageSize, (page) => items.push(...page)), objects);
    };

    const fast = await takeTurns({ concurrent: sdkRead(workers), raw }, size.fast);
    // Latency-bound, so fewer runs; after the fast ones, on code as warm as theirs.
    const slow = await takeTurns({ sequential: sdkRead(1), official: officialRead }, size.slow);

    const concurrent = withRatios({ contender: `SDK getAll, workers ${workers}`, kind: 'sdk', stats: fast.concurrent }, fast.raw, slow.official);
    const rows = [
      {
        ...concurrent,
        targets: [atLeast('≥ 10× @c8y/client', concurrent.vsOfficial, 10), atMost('≤ 1.2× raw', concurrent.toRaw, 1.2)],
      },
      withRatios({ contender: 'SDK getAll, workers 1', kind: 'sdk', stats: slow.sequential }, fast.raw, slow.official),
      withRatios({ contender: '@c8y/client list + paging.next()', kind: 'official', stats: slow.official }, fast.raw, slow.official),
      withRatios({ contender: `raw fetch, ${workers} at once`, kind: 'raw', stats: fast.raw }, fast.raw, slow.official),
    ];
    // One more read, untimed, counting what the SDK sends.
    const counter = countingFetch();
    await getAll(sdkClient(emulator.url, workers, counter.fetch), managedObjects, filter, { pageSize, workers });
    // Profiled when the target is missed or close (the ratio moves by ±0.1 between runs on a loaded machine).
    const profile = await profileIfMissed(concurrent.toRaw !== undefined && concurrent.toRaw > 1.1, 'paging', `workers ${workers}`, sdkRead(workers), raw, 'raw');
    return {
      title: '1. Paging',
      setup: `${objects.toLocaleString('en')} managed objects, pageSize ${pageSize}, ${latencyMs} ms latency; plain JSON objects; ${size.fast.runs} runs (${size.slow.runs} for the sequential two)`,
      unit: 'ms',
      rows,
      notes: [
        cpuNote([{ name: `SDK workers ${workers}`, stats: fast.concurrent }], fast.raw),
        `The raw baseline requests exactly ${pages} pages; the SDK and @c8y/client do not know the count and read one page past the end (empty). The SDK sent ${counter.requests} requests for one read with ${workers} workers (the speculative ones past the end are aborted).`,
      ],
      ...(profile ? { profile } : {}),
    };
  } finally {
    await emulator.stop();
  }
}
