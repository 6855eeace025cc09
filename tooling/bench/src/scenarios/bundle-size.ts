import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { withRatios, type ResultRow, type ScenarioResult } from '../report/result.js';

const appsDir = fileURLToPath(new URL('../../bundle-apps/', import.meta.url));

/** The apps: each written with this SDK (its context packages, and for one also `@c8y/sdk`) and with `@c8y/client`. */
const apps = [
  {
    name: 'device-list',
    what: 'page through devices named Pump*, update one',
    sdk: [
      ['context packages', 'device-list-sdk.ts'],
      ['@c8y/sdk CumulocityClient', 'device-list-sdk-client.ts'],
    ],
    official: 'device-list-official.ts',
  },
  { name: 'measurements', what: 'create 1,440 measurements', sdk: [['context packages', 'measurements-sdk.ts']], official: 'measurements-official.ts' },
] as const;

/** A bundle's gzip size and the minified bytes each package contributes. */
interface BundleSize {
  kB: number;
  packages: Map<string, number>;
}

/** The package a bundled file belongs to (`rest-core`, `ky`, `@c8y/client`, …). */
function packageOf(path: string): string {
  if (path.includes('bundle-apps/')) return 'the app';
  const own = /(?:packages|tooling)\/([\w-]+)\//.exec(path);
  if (own && !path.includes('node_modules/.pnpm')) return `@c8y/${own[1]}`;
  const dependency = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[\w.-]+\/)?[\w.-]+)\//.exec(path);
  return dependency?.[1] ?? path;
}

/**
 * Bundles one app the way the packages' bundle tests do (esbuild, browser, ESM, ES2022,
 * minified) and returns its gzip size (level 9) in kB, with what each package contributes.
 */
async function bundleSize(file: string): Promise<BundleSize> {
  const result = await build({
    entryPoints: [`${appsDir}${file}`],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    minify: true,
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const packages = new Map<string, number>();
  for (const output of Object.values(result.metafile.outputs))
    for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) packages.set(packageOf(path), (packages.get(packageOf(path)) ?? 0) + bytesInOutput);
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { kB: gzipSync(code, { level: 9 }).length / 1000, packages };
}

/** `rest-core 41.2 kB, ky 12.0 kB, …` (minified, before gzip). */
function largest(packages: Map<string, number>): string {
  return [...packages]
    .filter(([, bytes]) => bytes > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([name, bytes]) => `${name} ${(bytes / 1000).toFixed(1)} kB`)
    .join(', ');
}

/**
 * 6. Bundle size: browser apps written with this SDK's packages next to the same apps written
 * with `@c8y/client` (importing only the services they use). Sizes are exact, so one run each.
 */
export async function bundleSizeScenario(): Promise<ScenarioResult> {
  const rows: ResultRow[] = [];
  const contributors: string[] = [];
  const stats = (kB: number) => ({ median: kB, min: kB, max: kB, runs: 1 });
  for (const app of apps) {
    const official = await bundleSize(app.official);
    const parts: string[] = [];
    for (const [how, file] of app.sdk) {
      const sdk = await bundleSize(file);
      rows.push(withRatios({ contender: `SDK ${how}, ${app.name} (${app.what})`, kind: 'sdk', stats: stats(sdk.kB) }, undefined, stats(official.kB)));
      parts.push(`SDK ${how}: ${largest(sdk.packages)}`);
    }
    rows.push(withRatios({ contender: `@c8y/client, ${app.name}`, kind: 'official', stats: stats(official.kB) }, undefined, stats(official.kB)));
    contributors.push(`${app.name}, minified bytes by package — ${parts.join('; ')}; @c8y/client: ${largest(official.packages)}.`);
  }
  return {
    title: '6. Bundle size',
    setup: 'esbuild, browser, ESM, ES2022, minified; gzip level 9; the apps are in tooling/bench/bundle-apps/',
    unit: 'kB',
    rows,
    notes: [
      ...contributors,
      "Issue #16 sets no bundle target; the model package's bundle test holds the device-list app (written with rest-core) to 36 kB gzip today, with 24 kB as its budget once ky and p-queue are replaced.",
      'No raw baseline: a bundle without a library holds only the app. The @c8y/client apps import its services, not `Client` (the smallest it gets); it has no `sideEffects` field, so its barrel keeps most of its modules.',
    ],
  };
}
