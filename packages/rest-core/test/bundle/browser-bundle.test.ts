import { describe, expect, it } from '@jest/globals';
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

// A browser app pays only for what it imports: bundle small entries from the sources the way an
// app bundler would, and look at which files contribute bytes after tree-shaking.
const packageDir = fileURLToPath(new URL('../..', import.meta.url));

async function bundle(source: string): Promise<{ inputs: string[]; gzipBytes: number; text: string }> {
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
  const [output] = Object.values(result.metafile.outputs);
  const inputs = Object.entries(output?.inputs ?? {})
    .filter(([, info]) => info.bytesInOutput > 0)
    .map(([path]) => path);
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { inputs, gzipBytes: gzipSync(code, { level: 9 }).length, text: new TextDecoder().decode(code) };
}

const has = (inputs: string[], name: string) => inputs.some((input) => input.includes(`/node_modules/${name}/`) || input.includes(`/${name}@`));

describe('browser bundles', () => {
  it('a client with Basic auth needs no luxon and no node: modules', async () => {
    const { inputs, gzipBytes } = await bundle(
      "import { CumulocityRestClient, BasicAuth } from './src/index.js'; new CumulocityRestClient({ baseUrl: location.host, auth: new BasicAuth('u', 'p') }).get('/x');",
    );
    expect(has(inputs, 'ky')).toBe(true);
    expect(has(inputs, 'luxon')).toBe(false);
    expect(inputs.filter((input) => input.startsWith('node:'))).toEqual([]);
    // The official @c8y/client's inventory-only bundle is 25.8 kB gzip (research/c8y-client-peer.md).
    expect(gzipBytes).toBeLessThan(25_800);
  }, 30_000);

  it('the OData builder alone needs neither luxon nor the HTTP stack', async () => {
    const { inputs } = await bundle("import { odata } from './src/index.js'; console.log(String(odata.filter(odata.eq('name', location.hash))));");
    for (const name of ['luxon', 'ky', 'p-queue', 'valibot']) expect(has(inputs, name)).toBe(false);
  }, 30_000);

  it('dates, durations and paging with date filters need no luxon', async () => {
    const { inputs } = await bundle(
      "import { defineQuery, toIsoDate, toDurationMs, select } from './src/index.js'; const querySpec = defineQuery({ resource: 'x', ranges: ['time'] }); console.log(toIsoDate(location.hash), toDurationMs(location.hash), select(undefined, { path: '/x', collectionKey: 'x', querySpec }, { maxAge: '1d' }));",
    );
    expect(inputs.some((input) => input.endsWith('src/query/dates.ts'))).toBe(true);
    expect(has(inputs, 'luxon')).toBe(false);
  }, 30_000);

  // rest-core holds no resource's spec: an app brings the one it uses (from a context package,
  // here inline), and nothing resource-specific of rest-core's own comes along.
  it('an inventory query keeps only the odata operations it uses, and no resource knowledge', async () => {
    const { text } = await bundle(
      "import { buildQueryParams, defineQuery } from './src/index.js'; const devices = defineQuery({ resource: 'devices', aliases: { query: 'q' }, odata: { param: 'q', requiredFragment: 'c8y_IsDevice' } }); console.log(buildQueryParams({ name: location.hash }, devices));",
    );
    expect(text).toContain('c8y_IsDevice');
    for (const unused of ['isinhierarchyof', 'hasany', 'c8y_IsDeviceGroup', 'valueFragmentSeries', 'withSourceAssets']) expect(text).not.toContain(unused);
  }, 30_000);

  it('the check can see luxon when an app imports it', async () => {
    const { inputs } = await bundle("import { DateTime } from 'luxon'; import { toIsoDate } from './src/index.js'; console.log(toIsoDate(DateTime.now()));");
    expect(has(inputs, 'luxon')).toBe(true);
  }, 30_000);
});
