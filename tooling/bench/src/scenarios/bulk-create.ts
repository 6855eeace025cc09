import { Measurements } from '@c8y/measurements';
import { measurementResource } from '@c8y/model';
import { createObjects } from '@c8y/rest-core';
import { officialClient } from '../contenders/official.js';
import { rawPosts } from '../contenders/raw.js';
import { sdkClient } from '../contenders/sdk.js';
import { startEmulatorProcess } from '../emulator-process.js';
import { expectCount, scaleStats, takeTurns } from '../measure.js';
import { profileIfMissed } from '../profile-if-missed.js';
import { atLeast, cpuNote, withRatios, type ScenarioResult } from '../report/result.js';
import type { BenchSizes } from '../sizes.js';

const MEASUREMENT = 'application/vnd.com.nsn.cumulocity.measurement+json';
const COLLECTION = 'application/vnd.com.nsn.cumulocity.measurementcollection+json';

/** `count` new measurements as plain JSON (fresh objects: `@c8y/client` writes into its input). */
function newMeasurements(source: string, count: number, run: number) {
  const start = Date.UTC(2025, 0, 1) + run * count * 1000;
  return Array.from({ length: count }, (_, i) => ({
    source: { id: source },
    type: 'c8y_Bench',
    time: new Date(start + i * 1000).toISOString(),
    c8y_Bench: { T: { value: i, unit: 'C' } },
  }));
}

/**
 * 3. Bulk create at 20 ms latency: this SDK's collection POST in chunks with workers and its
 * single POSTs with 20 workers, each next to the raw baseline sending the same requests, and
 * `@c8y/client` creating one by one on a subset, scaled.
 */
export async function bulkCreateScenario({ bulk: size }: BenchSizes): Promise<ScenarioResult> {
  const { measurements: n, officialSubset, latencyMs, chunkSize, chunkWorkers, singleWorkers } = size;
  const emulator = await startEmulatorProcess({ latencyMs, managedObjects: 1 });
  try {
    const source = emulator.firstDeviceId;
    const sdk = sdkClient(emulator.url, singleWorkers);
    const measurements = new Measurements(sdk);
    const official = officialClient(emulator.url);
    const url = `${emulator.url}/measurement/measurements`;
    let run = 0;
    const chunks = (items: unknown[]) => Array.from({ length: Math.ceil(items.length / chunkSize) }, (_, i) => ({ measurements: items.slice(i * chunkSize, (i + 1) * chunkSize) }));

    const fast = await takeTurns(
      {
        chunked: async () => expectCount('SDK chunks', (await measurements.create(newMeasurements(source, n, run++), { chunkSize, workers: chunkWorkers })).length, n),
        rawChunked: () => rawPosts(url, chunks(newMeasurements(source, n, run++)), COLLECTION, chunkWorkers),
      },
      size.fast,
    );
    const slow = await takeTurns(
      {
        single: async () => expectCount('SDK single', (await createObjects(sdk, measurementResource, newMeasurements(source, n, run++), { workers: singleWorkers })).length, n),
        rawSingle: () => rawPosts(url, newMeasurements(source, n, run++), MEASUREMENT, singleWorkers),
        official: async () => {
          for (const measurement of newMeasurements(source, officialSubset, run++)) await official.measurement.create(measurement);
        },
      },
      { warmups: size.slow.warmups, runs: size.slow.runs },
    );
    const scale = n / officialSubset;
    // Profiled on the subset's size: the full one would take minutes per profiled run.
    const singleMissed = scaleStats(slow.official, scale).median / slow.single.median < 15;
    const profile = await profileIfMissed(
      singleMissed,
      'bulk-create',
      `single POSTs, workers ${singleWorkers}, ${officialSubset} measurements`,
      () => createObjects(sdk, measurementResource, newMeasurements(source, officialSubset, run++), { workers: singleWorkers }),
      () => rawPosts(url, newMeasurements(source, officialSubset, run++), MEASUREMENT, singleWorkers),
      'raw',
    );
    const officialScaled = scaleStats(slow.official, scale);
    const chunked = withRatios({ contender: `SDK Measurements.create, chunks of ${chunkSize}, workers ${chunkWorkers}`, kind: 'sdk', stats: fast.chunked }, fast.rawChunked, officialScaled);
    const single = withRatios({ contender: `SDK createObjects, single POSTs, workers ${singleWorkers}`, kind: 'sdk', stats: slow.single }, slow.rawSingle, officialScaled);
    return {
      title: '3. Bulk create',
      setup: `${n.toLocaleString('en')} measurements, ${latencyMs} ms latency; ${size.fast.runs} runs (${size.slow.runs} for single POSTs and @c8y/client)`,
      unit: 'ms',
      rows: [
        { ...chunked, targets: [atLeast('≥ 200× @c8y/client', chunked.vsOfficial, 200)] },
        withRatios({ contender: `raw fetch, the same ${Math.ceil(n / chunkSize)} collection POSTs, ${chunkWorkers} at once`, kind: 'raw', stats: fast.rawChunked }, fast.rawChunked, officialScaled),
        { ...single, targets: [atLeast('≥ 15× @c8y/client', single.vsOfficial, 15)] },
        withRatios({ contender: `raw fetch, the same single POSTs, ${singleWorkers} at once`, kind: 'raw', stats: slow.rawSingle }, slow.rawSingle, officialScaled),
        withRatios({ contender: `@c8y/client measurement.create one by one (${officialSubset.toLocaleString('en')}, ×${scale})`, kind: 'official', stats: officialScaled }, undefined, officialScaled),
      ],
      notes: [
        `@c8y/client created ${officialSubset.toLocaleString('en')} of the ${n.toLocaleString('en')} measurements one by one (median ${slow.official.median.toFixed(0)} ms); its row shows that time ×${scale}: one request after another, so the time grows linearly.`,
        'Each ratio to raw compares with the raw baseline sending the same requests at the same concurrency.',
        cpuNote([{ name: 'SDK chunks', stats: fast.chunked }], fast.rawChunked),
        cpuNote([{ name: 'SDK single POSTs', stats: slow.single }], slow.rawSingle),
      ],
      ...(profile ? { profile } : {}),
    };
  } finally {
    await emulator.stop();
  }
}
