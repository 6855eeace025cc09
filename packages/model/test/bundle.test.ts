import { describe, expect, it } from '@jest/globals';
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

// Browser bundles get luxon only when the app opts in with `import '@c8y/model/datetime'`.
// Bundles the sources (rest-core and units from their built dist) the way an app bundler would.
const packageDir = fileURLToPath(new URL('..', import.meta.url));

async function bundle(source: string): Promise<{ inputs: string[]; bytes: number }> {
  const result = await build({
    stdin: { contents: source, resolveDir: packageDir, loader: 'ts' },
    bundle: true,
    platform: 'browser',
    format: 'esm',
    minify: true,
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  // metafile.inputs also lists files esbuild visited and then dropped; what survived
  // tree-shaking is what contributes bytes to the output.
  const [output] = Object.values(result.metafile.outputs);
  const inputs = Object.entries(output?.inputs ?? {})
    .filter(([, info]) => info.bytesInOutput > 0)
    .map(([path]) => path);
  return { inputs, bytes: result.outputFiles[0]?.contents.length ?? 0 };
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
});
