import type { StreamReport } from '../children/stream-measurements.js';
import { runChild } from '../children/run-child.js';
import { startEmulatorProcess } from '../emulator-process.js';
import { statsOf, takeTurns } from '../measure.js';
import { atMost, withRatios, type ContenderKind, type ScenarioResult } from '../report/result.js';
import type { BenchSizes } from '../sizes.js';

/** The contenders, as the child script names them. */
type Contender = 'sdk' | 'official' | 'raw';

/**
 * 4. Streaming memory: every measurement of a large store read item by item, each contender in a
 * fresh client process that samples its own peak RSS (the emulator's memory is its own).
 */
export async function streamingMemoryScenario({ streaming: size }: BenchSizes): Promise<ScenarioResult> {
  const { measurements, pageSize, workers } = size;
  const emulator = await startEmulatorProcess({ latencyMs: 0, managedObjects: 1, measurements });
  try {
    const reports: Record<Contender, StreamReport[]> = { sdk: [], official: [], raw: [] };
    const stream = (contender: Contender) => async () => {
      const concurrency = contender === 'official' ? 1 : workers;
      const report = await runChild<StreamReport>('stream-measurements', [contender, emulator.url, String(measurements), String(pageSize), String(concurrency)]);
      reports[contender].push(report);
      return report.peakGrowthMB;
    };
    const stats = await takeTurns({ sdk: stream('sdk'), official: stream('official'), raw: stream('raw') }, { warmups: 0, runs: size.runs });
    // One more SDK read, untimed, that collects garbage every 25 pages: what the SDK holds.
    const { retainedMB = [] } = await runChild<StreamReport>(
      'stream-measurements',
      ['sdk', emulator.url, String(measurements), String(pageSize), String(workers), 'retained'],
      ['--expose-gc'],
    );
    const at = (share: number) => (retainedMB[Math.max(0, Math.ceil(retainedMB.length * share) - 1)] ?? 0).toFixed(1);
    // More than 2 MB between 10 % of the read and its end: something read is still held.
    const grows = Number(at(1)) - Number(at(0.1)) > 2;
    const row = (contender: string, kind: ContenderKind, key: Contender) => withRatios({ contender, kind, stats: stats[key] }, stats.raw, stats.official);
    const sdk = row(`SDK Measurements.select, workers ${workers}, Measurement objects`, 'sdk', 'sdk');
    const seconds = (key: Contender) => (statsOf(reports[key].map((r) => r.ms)).median / 1000).toFixed(1);
    return {
      title: '4. Streaming memory',
      setup: `${measurements.toLocaleString('en')} measurements, pageSize ${pageSize} (the SDK default), 0 ms latency, peak RSS growth of the client process (sampled every 5 ms and after every page); ${size.runs} runs`,
      unit: 'MB',
      rows: [
        { ...sdk, targets: [atMost('< 64 MB', sdk.stats.median, 64)] },
        row('@c8y/client list + paging.next()', 'official', 'official'),
        row(`raw fetch, ${workers} at once, items dropped after counting`, 'raw', 'raw'),
      ],
      notes: [
        `Read times (median): SDK ${seconds('sdk')} s, @c8y/client ${seconds('official')} s, raw ${seconds('raw')} s — the emulator renders every page, so these are not the client's CPU alone.`,
        `What the SDK holds: its live heap after a forced garbage collection every 25 pages was ${at(0.1)} MB after 10 % of the read, ${at(0.5)} MB at half, ${at(1)} MB at the end (max ${Math.max(0, ...retainedMB).toFixed(1)} MB; one extra run with \`--expose-gc\`) — ${
          grows ? `it grew by ${(Number(at(1)) - Number(at(0.1))).toFixed(1)} MB while reading: the SDK holds something it has yielded.` : 'it does not grow with the items read, so the RSS growth above is the heap V8 keeps between collections (pages in flight and garbage), which the raw baseline, holding nothing, shows as well.'
        }`,
        `Each run is a fresh \`node\` process (dist/children/stream-measurements.js); growth = peak RSS − RSS after loading the contender's modules.`,
      ],
    };
  } finally {
    await emulator.stop();
  }
}
