import { describe, expect, it } from '@jest/globals';
import { build, type Metafile, type Plugin } from 'esbuild';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

// What a bundler makes of `@c8y/sdk`: the package's own export map picks the entry (esbuild's
// conditions for the platform), and the entry's source is bundled (dist/x.js → src/x.ts; the other
// packages come from their built dist). Browser apps get no `node:` module and no luxon.

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const manifest = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { exports: Record<string, unknown> };

/** The file the export map gives `subpath` under `conditions` (first matching key in map order). */
function entryFor(subpath: string, conditions: readonly string[]): string {
  let target: unknown = manifest.exports[subpath];
  while (typeof target === 'object' && target !== null) {
    const key = Object.keys(target).find((name) => name === 'default' || conditions.includes(name));
    if (key === undefined) throw new Error(`no entry for ${subpath} under ${conditions.join(', ')}`);
    target = (target as Record<string, unknown>)[key];
  }
  if (typeof target !== 'string') throw new Error(`no entry for ${subpath}`);
  return target;
}

/** Resolves `@c8y/sdk[/x]` through the export map, to the entry's source file. */
const sdkFromSource = (conditions: readonly string[]): Plugin => ({
  name: 'sdk-from-source',
  setup(builder) {
    builder.onResolve({ filter: /^@c8y\/sdk(\/.*)?$/ }, (args) => {
      const entry = entryFor(`.${args.path.slice('@c8y/sdk'.length)}`, conditions);
      return { path: path.join(packageDir, entry.replace(/^\.\/dist\//, 'src/').replace(/\.js$/, '.ts')) };
    });
  },
});

interface Bundle {
  inputs: string[];
  external: string[];
  gzipBytes: number;
}

async function bundle(source: string, platform: 'browser' | 'node' = 'browser'): Promise<Bundle> {
  // esbuild's default conditions: browser → browser, import, default; node → node, import, default.
  const conditions = [platform, 'import'];
  const result = await build({
    stdin: { contents: source, resolveDir: packageDir, loader: 'ts' },
    bundle: true,
    platform,
    format: 'esm',
    target: 'es2022',
    minify: true,
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins: [sdkFromSource(conditions)],
  });
  const [output] = Object.values(result.metafile.outputs) as Metafile['outputs'][string][];
  const inputs = Object.entries(output?.inputs ?? {})
    .filter(([, info]) => info.bytesInOutput > 0)
    .map(([file]) => file);
  const external = Object.values(result.metafile.inputs).flatMap((input) => input.imports.filter((item) => item.external).map((item) => item.path));
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { inputs, external, gzipBytes: gzipSync(code, { level: 9 }).length };
}

const luxonIn = (inputs: string[]) => inputs.filter((input) => input.includes('/luxon/') || input.includes('/luxon@'));
const APP = `
import { BasicAuth, CumulocityClient } from '@c8y/sdk';
const c8y = new CumulocityClient({ baseUrl: location.origin, auth: new BasicAuth('t100/admin', 'secret') });
console.log(await c8y.deviceInventory.getAll({ name: 'Pump*' }), await c8y.alarms.count({ status: 'ACTIVE' }));
`;

describe('browser bundle of @c8y/sdk', () => {
  it('the export map gives browsers the browser entry and Node.js the Node entry', () => {
    expect(entryFor('.', ['browser', 'import'])).toBe('./dist/index.js');
    expect(entryFor('.', ['node', 'import'])).toBe('./dist/node/index.js');
    expect(entryFor('./datetime', ['browser', 'import'])).toBe('./dist/datetime.js');
  });

  it("import { CumulocityClient } from '@c8y/sdk': no node: module, no luxon, no getClient", async () => {
    const result = await bundle(APP);
    console.log(`CumulocityClient app: ${(result.gzipBytes / 1000).toFixed(1)} kB gzip`);
    expect(result.inputs.some((input) => input.endsWith('src/cumulocity-client.ts'))).toBe(true);
    expect(result.inputs.some((input) => input.includes('/node/'))).toBe(false);
    expect(result.inputs.filter((input) => input.startsWith('node:'))).toEqual([]);
    expect(result.external.filter((item) => item.startsWith('node:'))).toEqual([]);
    expect(luxonIn(result.inputs)).toEqual([]);
  }, 60_000);

  it('getClient is not part of the browser entry', async () => {
    await expect(bundle("import { getClient } from '@c8y/sdk'; console.log(getClient);")).rejects.toThrow(/No matching export .* "getClient"/);
  }, 60_000);

  it("import '@c8y/sdk/datetime' brings luxon in (the browser opt-in)", async () => {
    const result = await bundle(`import '@c8y/sdk/datetime';\n${APP}`);
    expect(luxonIn(result.inputs).length).toBeGreaterThan(0);
    expect(result.external.filter((item) => item.startsWith('node:'))).toEqual([]);
  }, 60_000);

  it('the Node entry installs luxon also when an app imports only CumulocityClient (its side effect survives tree-shaking)', async () => {
    const result = await bundle(APP.replace('location.origin', "'https://t100.example.com'"), 'node');
    expect(luxonIn(result.inputs).length).toBeGreaterThan(0);
  }, 60_000);

  it('a Node.js bundle that uses getClient keeps its node: modules external', async () => {
    const result = await bundle("import { getClient } from '@c8y/sdk'; console.log(await getClient());", 'node');
    expect(result.external).toEqual(expect.arrayContaining(['node:readline', 'node:process']));
  }, 60_000);
});
