import { Inventory } from '@c8y/inventory';
import { getAll } from '@c8y/rest-core';
import { officialClient, readAllPages } from '../contenders/official.js';
import { rawPages } from '../contenders/raw.js';
import { managedObjects, sdkClient } from '../contenders/sdk.js';
import { startEmulatorProcess } from '../emulator-process.js';
import { expectCount, takeTurns } from '../measure.js';
import { profileIfMissed } from '../profile-if-missed.js';
import { atMost, cpuNote, noWorseThan, withRatios, type ScenarioResult } from '../report/result.js';
import type { BenchSizes } from '../sizes.js';

/**
 * 2. CPU per object: the same inventory in the largest pages at no latency, one request at a
 * time, so the client's own work per object dominates: plain JSON, `asValues` tuples and model
 * objects from this SDK, `@c8y/client`, and the raw baseline.
 */
export async function cpuPerObjectScenario({ cpu: size }: BenchSizes): Promise<ScenarioResult> {
  const { objects, pageSize } = size;
  const emulator = await startEmulatorProcess({ latencyMs: 0, managedObjects: objects });
  try {
    const sdk = sdkClient(emulator.url, 1);
    const inventory = new Inventory(sdk);
    const official = officialClient(emulator.url);
    const filter = { type: 'c8y_Seeded' };
    const pages = Math.ceil(objects / pageSize);
    const asValues = ['id', 'name', 'lastUpdated'] as const;
    const tasks = {
      json: async () => expectCount('SDK JSON', (await getAll(sdk, managedObjects, filter, { pageSize })).length, objects),
      values: async () => expectCount('SDK asValues', (await getAll(sdk, managedObjects, filter, { pageSize, asValues })).length, objects),
      model: async () => expectCount('SDK model', (await inventory.getAll(filter, { pageSize })).length, objects),
      official: async () => {
        const items: unknown[] = [];
        expectCount('@c8y/client', await readAllPages(official.inventory.list({ ...filter, pageSize }), pageSize, (page) => items.push(...page)), objects);
      },
      raw: async () => {
        const items: unknown[] = [];
        const pageUrl = (page: number) => `${emulator.url}/inventory/managedObjects?type=c8y_Seeded&pageSize=${pageSize}&currentPage=${page}`;
        expectCount('raw', await rawPages(pageUrl, pages, 1, 'managedObjects', (page) => items.push(...page)), objects);
      },
    };
    const stats = await takeTurns(tasks, size.rounds);
    const row = (contender: string, kind: 'sdk' | 'official' | 'raw', key: keyof typeof tasks) => withRatios({ contender, kind, stats: stats[key] }, stats.raw, stats.official);
    const json = row('SDK getAll, plain JSON', 'sdk', 'json');
    const values = row(`SDK getAll, asValues [${asValues.join(', ')}]`, 'sdk', 'values');
    const model = row('SDK Inventory.getAll, ManagedObject objects', 'sdk', 'model');
    const rows = [
      { ...json, targets: [atMost('≤ 1.1× raw', json.toRaw, 1.1), noWorseThan('≤ asValues', json.stats.median, values.stats.median)] },
      { ...values, targets: [atMost('≤ 1.1× raw', values.toRaw, 1.1)] },
      { ...model, targets: [atMost('≤ 1.3× raw', model.toRaw, 1.3)] },
      row('@c8y/client list + paging.next()', 'official', 'official'),
      row('raw fetch, one at a time', 'raw', 'raw'),
    ];
    const missed = rows.some((r) => r.targets?.some((t) => !t.met));
    const profile = await profileIfMissed(missed, 'cpu-per-object', 'plain JSON', tasks.json, tasks.raw, 'raw');
    return {
      title: '2. CPU per object',
      setup: `${objects.toLocaleString('en')} managed objects, pageSize ${pageSize}, 0 ms latency, one request at a time; ${size.rounds.runs} runs`,
      unit: 'ms',
      rows,
      notes: [
        cpuNote(
          [
            { name: 'SDK plain JSON', stats: stats.json },
            { name: 'asValues', stats: stats.values },
            { name: 'model objects', stats: stats.model },
            { name: '@c8y/client', stats: stats.official },
          ],
          stats.raw,
        ),
        `Per object: raw ${((stats.raw.median / objects) * 1000).toFixed(1)} µs, SDK plain JSON ${((stats.json.median / objects) * 1000).toFixed(1)} µs, model objects ${((stats.model.median / objects) * 1000).toFixed(1)} µs (emulator time included: it runs in its own process, but the requests wait for it).`,
      ],
      ...(profile ? { profile } : {}),
    };
  } finally {
    await emulator.stop();
  }
}
