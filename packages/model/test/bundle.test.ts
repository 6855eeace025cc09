import { describe, expect, it } from '@jest/globals';
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

// Browser bundles get luxon only when the app opts in with `import '@c8y/model/datetime'`.
// Bundles the sources (rest-core and units from their built dist) the way an app bundler would:
// esbuild, browser, ESM, minified; sizes are gzip level 9.
const packageDir = fileURLToPath(new URL('..', import.meta.url));

interface Bundle {
  /** Input files that contribute bytes after tree-shaking. */
  inputs: string[];
  /** Bytes in the output per input file, largest first. */
  sizes: [string, number][];
  gzipBytes: number;
}

async function bundle(source: string): Promise<Bundle> {
  const result = await build({
    stdin: { contents: source, resolveDir: packageDir, loader: 'ts' },
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    minify: true,
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  // metafile.inputs also lists files esbuild visited and then dropped; what survived
  // tree-shaking is what contributes bytes to the output.
  const [output] = Object.values(result.metafile.outputs);
  const sizes = Object.entries(output?.inputs ?? {})
    .map(([path, info]): [string, number] => [path, info.bytesInOutput])
    .filter(([, bytes]) => bytes > 0)
    .sort((a, b) => b[1] - a[1]);
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { inputs: sizes.map(([path]) => path), sizes, gzipBytes: gzipSync(code, { level: 9 }).length };
}

const has = (inputs: string[], name: string) => inputs.some((input) => input.includes(`/node_modules/${name}/`) || input.includes(`/${name}@`));

/**
 * The reference browser app: list devices with paging (4 workers, a name filter), update one
 * of them, Basic auth. Everything an inventory page of a web app needs.
 */
const PAGING_APP = `
import { BasicAuth, CumulocityRestClient, defineQuery, select } from '@c8y/rest-core';
import { ManagedObject, managedObjectResource } from './src/index.js';

// The device spec as a context package declares it (the model cannot import @c8y/inventory).
const deviceQuery = defineQuery({ resource: 'devices', aliases: { fragment: 'fragmentType', query: 'q' }, odata: { param: 'q', requiredFragment: 'c8y_IsDevice' } });
const client = new CumulocityRestClient({ baseUrl: location.origin, auth: new BasicAuth('t100/admin', 'secret') });
const devices = await select(client, { ...managedObjectResource, querySpec: deviceQuery }, { name: 'Pump*' }, { workers: 4 }).toArray();
const device = ManagedObject.fromJSON(client, devices[0]);
device.set('c8y_Notes.text', 'checked');
await device.update();
console.log(device.id);
`;

/**
 * The size budget of PAGING_APP (gzip). The official @c8y/client's inventory-only bundle is
 * 25.8 kB; the goal is 18 kB. See BUNDLE_NOW for where it stands.
 */
const BUDGET = 24_000;
/**
 * What PAGING_APP measures today, rounded up: a ceiling so that nothing grows unnoticed until
 * the budget is met. The rest of the way needs the request pipeline in rest-core/src/client
 * (ky and p-queue replaced by fetch and a small limiter, about 8 kB) — see the model README.
 */
const BUNDLE_NOW = 36_000;

function report(name: string, result: Bundle): void {
  const top = result.sizes
    .slice(0, 12)
    .map(([path, bytes]) => `  ${String(bytes).padStart(6)}  ${path.replace(/^.*node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?/, '').replace(/^(\.\.\/)+/, '')}`)
    .join('\n');
  console.log(`${name}: ${(result.gzipBytes / 1000).toFixed(1)} kB gzip; largest inputs (minified bytes):\n${top}`);
}

describe('browser bundle', () => {
  it('ManagedObject alone does not pull in luxon', async () => {
    const { inputs } = await bundle("import { ManagedObject } from './src/index.js'; console.log(new ManagedObject(undefined, { name: 'x' }).creationTime);");
    expect(inputs.some((input) => input.includes('src/objects/managed-object.ts'))).toBe(true);
    expect(inputs.filter((input) => input.includes('luxon'))).toEqual([]);
    expect(inputs.filter((input) => input.startsWith('node:'))).toEqual([]);
  }, 30_000);

  it("import '@c8y/model/datetime' brings luxon in", async () => {
    const { inputs } = await bundle("import './src/datetime.js'; import { ManagedObject } from './src/index.js'; console.log(new ManagedObject().creationDateTime);");
    expect(inputs.some((input) => input.includes('luxon'))).toBe(true);
  }, 30_000);

  describe('paging devices and updating one (select with workers and a name filter, fromJSON, set, update, BasicAuth)', () => {
    let result: Bundle;
    const measured = async () => (result ??= await bundle(PAGING_APP));

    it('needs no luxon and no node: module', async () => {
      const { inputs } = await measured();
      report('paging app', result);
      expect(inputs.some((input) => input.endsWith('rest-core/dist/paging/select.js'))).toBe(true);
      expect(inputs.some((input) => input.endsWith('rest-core/dist/query/durations.js'))).toBe(true);
      expect(has(inputs, 'luxon')).toBe(false);
      expect(inputs.filter((input) => input.startsWith('node:'))).toEqual([]);
    }, 30_000);

    it(`stays below today's ${BUNDLE_NOW / 1000} kB gzip`, async () => {
      expect((await measured()).gzipBytes).toBeLessThanOrEqual(BUNDLE_NOW);
    }, 30_000);

    // Not met yet, so marked `failing`: jest reports this test as soon as the bundle fits the
    // budget; then make it a plain `it` and drop BUNDLE_NOW.
    it.failing(`fits the ${BUDGET / 1000} kB gzip budget (not yet: needs the ky and p-queue cuts in rest-core/src/client)`, async () => {
      expect((await measured()).gzipBytes).toBeLessThanOrEqual(BUDGET);
    }, 30_000);
  });
});
