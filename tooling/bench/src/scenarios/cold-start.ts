import { runChild } from '../children/run-child.js';
import { startEmulatorProcess } from '../emulator-process.js';
import { takeTurns } from '../measure.js';
import { noWorseThan, withRatios, type ScenarioResult } from '../report/result.js';
import type { BenchSizes } from '../sizes.js';

interface LoadedModules {
  modules: number;
  packages: Record<string, number>;
  importCpuMs: number;
}

const countModules = (specifiers: readonly string[]) => runChild<LoadedModules>('count-modules', specifiers);

function describeLoaded(name: string, loaded: LoadedModules): string {
  const biggest = Object.entries(loaded.packages)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 4)
    .map(([pkg, count]) => `${pkg} ${count}`)
    .join(', ');
  return `${name} ${loaded.modules} modules (${biggest}, …), ${loaded.importCpuMs} ms`;
}

/**
 * 5. Cold start: a fresh Node process imports the library, makes its first request and reports
 * the time since it started (Node's own start-up included, the same for every contender).
 */
export async function coldStartScenario({ coldStart: size }: BenchSizes): Promise<ScenarioResult> {
  const emulator = await startEmulatorProcess({ latencyMs: 0, managedObjects: 1 });
  try {
    const start = (name: string) => async () => (await runChild<{ ms: number }>(`cold-start-${name}`, [emulator.url])).ms;
    const stats = await takeTurns({ sdk: start('sdk'), packages: start('packages'), official: start('official'), raw: start('raw') }, size.rounds);
    const loaded = {
      sdk: await countModules(['@c8y/sdk']),
      packages: await countModules(['@c8y/rest-core', '@c8y/inventory']),
      official: await countModules(['@c8y/client']),
    };
    const sdk = withRatios({ contender: 'SDK: @c8y/sdk, CumulocityClient, inventory.getAll limit 1', kind: 'sdk', stats: stats.sdk }, stats.raw, stats.official);
    const packages = withRatios({ contender: 'SDK packages: @c8y/rest-core + @c8y/inventory, the same call', kind: 'sdk', stats: stats.packages }, stats.raw, stats.official);
    return {
      title: '5. Cold start',
      setup: `fresh \`node\` process → import → first list request answered; ${size.rounds.runs} runs`,
      unit: 'ms',
      rows: [
        { ...sdk, targets: [noWorseThan('≤ @c8y/client', sdk.stats.median, stats.official.median)] },
        { ...packages, targets: [noWorseThan('≤ @c8y/client', packages.stats.median, stats.official.median)] },
        withRatios({ contender: '@c8y/client: Client + BasicAuth, inventory.list pageSize 1', kind: 'official', stats: stats.official }, stats.raw, stats.official),
        withRatios({ contender: 'raw fetch, nothing imported', kind: 'raw', stats: stats.raw }, stats.raw, stats.official),
      ],
      notes: [
        '`@c8y/sdk` is imported through its Node entry (every context, the model, units, `getClient`); the packages row imports only what this call needs (`@c8y/rest-core`, `@c8y/inventory`, which brings `@c8y/model`).',
        `Modules the imports load (counted by a module hook in a run of its own) and the CPU they take with the hook: ${describeLoaded('@c8y/sdk', loaded.sdk)}; ${describeLoaded('the packages', loaded.packages)}; ${describeLoaded('@c8y/client', loaded.official)}.`,
      ],
    };
  } finally {
    await emulator.stop();
  }
}
