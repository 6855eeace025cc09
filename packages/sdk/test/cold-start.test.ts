import { beforeAll, describe, expect, it } from '@jest/globals';
import { build } from 'esbuild';
import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

// Cold start (issue #16): importing the Node entry loads what a first request needs, not the
// terminal prompts or the REPL. A child process imports the entry's sources (transpiled file by
// file, so each source stays its own module) with a loader hook that records every module file,
// and reports them with the built-in modules Node has loaded (`process.moduleLoadList`) after
// each step. No timing: the test counts modules.

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const outDir = path.join(packageDir, 'node_modules/.cache/sdk-cold-start-test');
const srcDir = path.join(packageDir, 'src');

/** The modules loaded after one step of the child: built-ins by name, files relative to `src`. */
interface Loaded {
  builtins: string[];
  files: string[];
}

const CHILD = `
import { register } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
const log = process.env.MODULE_LOG;
writeFileSync(log, '');
register(new URL('./hook.mjs', import.meta.url));
const steps = {};
const snapshot = (name) => {
  steps[name] = {
    builtins: process.moduleLoadList.filter((item) => item.startsWith('NativeModule ')).map((item) => item.slice('NativeModule '.length)),
    files: readFileSync(log, 'utf8').split('\\n').filter(Boolean),
  };
};
const sdk = await import('./src/node/index.js');
snapshot('import');
// Every value given: nothing is asked (a token and a tenant: no request either).
const given = { baseUrl: 'https://t100.example.com', tenantId: 't100', token: 'opaque-token', env: {}, isTTY: false, cache: false };
const c8y = await sdk.getClient(given);
snapshot('getClient');
// The URL is missing on a terminal: it is asked.
const stdin = new PassThrough();
const stdout = new PassThrough();
stdout.on('data', (chunk) => { if (String(chunk).includes('Cumulocity URL')) stdin.write('t100.example.com\\n'); });
const { baseUrl, ...rest } = given;
const asked = await sdk.getClient({ ...rest, isTTY: true, stdin, stdout, stderr: new PassThrough() });
if (asked.baseUrl !== baseUrl) throw new Error('unexpected base URL ' + asked.baseUrl);
snapshot('prompt');
const repl = await sdk.startRepl({ client: c8y, input: new PassThrough(), output: new PassThrough(), banner: false });
repl.close();
snapshot('repl');
process.stdout.write(JSON.stringify(steps));
`;

const HOOK = `
import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  appendFileSync(process.env.MODULE_LOG, url + '\\n');
  return next(url, context);
}
`;

let steps: Record<'import' | 'getClient' | 'prompt' | 'repl', Loaded>;

beforeAll(async () => {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const sources = readdirSync(srcDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => path.join(srcDir, file));
  // One output file per source (no bundling): a dynamic import stays a separate module load.
  await build({ entryPoints: sources, outdir: path.join(outDir, 'src'), outbase: srcDir, bundle: false, platform: 'node', format: 'esm', target: 'node20', logLevel: 'silent' });
  writeFileSync(path.join(outDir, 'child.mjs'), CHILD);
  writeFileSync(path.join(outDir, 'hook.mjs'), HOOK);
  const { stdout } = await promisify(execFile)(process.execPath, [path.join(outDir, 'child.mjs')], {
    cwd: outDir,
    env: { PATH: process.env['PATH'] ?? '', MODULE_LOG: path.join(outDir, 'modules.log') },
  });
  const prefix = pathToFileURL(path.join(outDir, 'src')).href + '/';
  const raw = JSON.parse(stdout) as Record<keyof typeof steps, Loaded>;
  for (const step of Object.values(raw)) step.files = step.files.filter((url) => url.startsWith(prefix)).map((url) => url.slice(prefix.length));
  steps = raw;
});

describe('what the Node entry loads', () => {
  it('importing it loads getClient and the client, not the prompts, node:readline or the REPL', () => {
    const { builtins, files } = steps.import;
    expect(files).toEqual(expect.arrayContaining(['node/index.js', 'node/get-client.js', 'node/repl.js', 'cumulocity-client.js']));
    expect(files).not.toContain('node/prompter.js');
    expect(files).not.toContain('node/repl-server.js');
    expect(builtins).not.toContain('readline');
    expect(builtins).not.toContain('repl');
  });

  it('getClient with every value given asks nothing and loads no prompt code', () => {
    expect(steps.getClient.files).not.toContain('node/prompter.js');
    expect(steps.getClient.builtins).not.toContain('readline');
  });

  it('getClient that must ask on a terminal loads the prompts and node:readline, not the REPL', () => {
    expect(steps.prompt.files).toContain('node/prompter.js');
    expect(steps.prompt.builtins).toContain('readline');
    expect(steps.prompt.files).not.toContain('node/repl-server.js');
    expect(steps.prompt.builtins).not.toContain('repl');
  });

  it('startRepl loads the REPL and node:repl', () => {
    expect(steps.repl.files).toContain('node/repl-server.js');
    expect(steps.repl.builtins).toContain('repl');
  });
});
