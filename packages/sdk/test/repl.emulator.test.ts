import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startEmulator, type Emulator } from '@c8y/emulator';
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { BasicAuth, CumulocityClient, ManagedObject } from '../src/index.js';
import { clearClientCache, startRepl } from '../src/node/index.js';
import { runCli } from '../src/node/run-cli.js';
import { recorder } from './helpers.js';

// The REPL with scripted input against the emulator: in-process (startRepl, runCli) and as the real
// `c8y` bin in a child process.

const packageDir = fileURLToPath(new URL('..', import.meta.url));
let emu: Emulator;
let env: Record<string, string>;

beforeAll(async () => {
  emu = await startEmulator({ seed: 5 });
  env = { C8Y_BASEURL: emu.url, C8Y_USER: 't100/admin', C8Y_PASSWORD: 'admin-pass' };
  const admin = new CumulocityClient({ baseUrl: emu.url, auth: new BasicAuth('t100/admin', 'admin-pass') });
  await new ManagedObject(admin, { name: 'Pump 1', c8y_IsDevice: {} }).create();
  await new ManagedObject(admin, { name: 'Pump 2', c8y_IsDevice: {} }).create();
});
afterAll(async () => {
  clearClientCache();
  await emu.stop();
});

/**
 * Resolves once `read()` matches `pattern` (checked on every chunk of `stream`); rejects with what
 * was read when the stream ends first or the REPL reports an uncaught error.
 */
function waitFor(stream: PassThrough, read: () => string, pattern: RegExp): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const ended = () => reject(new Error(`the output ended without ${String(pattern)}:\n${read()}`));
    const check = () => {
      if (read().includes('Uncaught')) reject(new Error(`the REPL reported an error:\n${read()}`));
      const match = read().match(pattern);
      if (match === null) return;
      stream.off('data', check);
      stream.off('end', ended);
      resolve(match);
    };
    stream.once('end', ended);
    stream.on('data', check);
    check();
  });
}

describe('startRepl', () => {
  it('evaluates with a connected c8y and the model classes and units in scope', async () => {
    const input = new PassThrough();
    const output = recorder();
    const repl = await startRepl({ input, output, getClient: { env, isTTY: false, cache: false } });
    expect(output.text()).toContain(`Connected to ${emu.url} (tenant t100) as c8y.`);

    input.write('(await c8y.inventory.getAll({ limit: 1 })).length\n');
    await waitFor(output, output.text, /c8y> 1\n/);
    input.write('(await c8y.deviceInventory.getAll({ name: "Pump*" }, { asValues: "name" })).sort().join("+")\n');
    await waitFor(output, output.text, /'Pump 1\+Pump 2'/);
    input.write('[typeof ManagedObject, typeof Percent, typeof sdk.CumulocityClient, DateTime.isDateTime(DateTime.now()), c8y instanceof CumulocityClient].join()\n');
    await waitFor(output, output.text, /'function,function,function,true,true'/);

    const closed = new Promise<void>((resolve) => repl.once('exit', () => resolve()));
    input.write('.exit\n');
    await closed;
    expect(output.text()).not.toContain('admin-pass');
  });

  it('uses a client it is given (no login)', async () => {
    const c8y = new CumulocityClient({ baseUrl: emu.url, tenantId: 't100', auth: new BasicAuth('t100/admin', 'admin-pass') });
    const input = new PassThrough();
    const output = recorder();
    emu.requests.clear();
    const repl = await startRepl({ client: c8y, input, output, banner: false, prompt: '> ' });
    repl.context['given'] = c8y;
    input.write('c8y === given\n');
    await waitFor(output, output.text, /> true\n/);
    expect(emu.requests.filter((request) => request.path.startsWith('/tenant/oauth'))).toEqual([]);
    repl.close();
  });
});

describe('runCli', () => {
  it('--help prints the usage and exits 0', async () => {
    const output = recorder();
    expect(await runCli(['--help'], { output })).toBe(0);
    expect(output.text()).toContain('Usage: c8y');
    expect(output.text()).toContain('C8Y_BASEURL');
  });

  it('an unknown argument exits 2', async () => {
    const stderr = recorder();
    expect(await runCli(['--nope'], { stderr })).toBe(2);
    expect(stderr.text()).toContain('unknown argument "--nope"');
  });

  it('a failed connection exits 1 with the reason on stderr, never the password', async () => {
    const stderr = recorder();
    const code = await runCli([], { stderr, getClient: { env: { ...env, C8Y_PASSWORD: 'wrong-pass-123' }, isTTY: false, cache: false } });
    expect(code).toBe(1);
    expect(stderr.text()).toMatch(/^c8y: could not connect: .*401/);
    expect(stderr.text()).not.toContain('wrong-pass-123');
  });

  it('a missing variable without a terminal exits 1 naming it', async () => {
    const stderr = recorder();
    expect(await runCli([], { stderr, getClient: { env: {}, isTTY: false } })).toBe(1);
    expect(stderr.text()).toContain('C8Y_BASEURL');
  });
});

describe('the c8y bin', () => {
  it('starts a REPL in a child process, connected from C8Y_* variables, and exits 0 on .exit', async () => {
    // The bin's source, bundled as it is (packages stay external and resolve from this package).
    const outDir = path.join(packageDir, 'node_modules/.cache/sdk-bin-test');
    mkdirSync(outDir, { recursive: true });
    const outfile = path.join(outDir, 'c8y.mjs');
    await build({ entryPoints: [path.join(packageDir, 'src/node/cli.ts')], outfile, bundle: true, packages: 'external', platform: 'node', format: 'esm', target: 'node20', logLevel: 'silent' });

    const child = spawn(process.execPath, [outfile], { env: { PATH: process.env['PATH'] ?? '', ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    const stdout = recorder();
    const stderr = recorder();
    child.stdout.pipe(stdout);
    child.stderr.pipe(stderr);
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));

    await waitFor(stdout, stdout.text, /c8y> /);
    child.stdin.write('(await c8y.inventory.getAll({ limit: 1 })).length\n');
    await waitFor(stdout, stdout.text, /c8y> 1\n/);
    child.stdin.write('new Percent(85)\n');
    await waitFor(stdout, stdout.text, /Percent \{ value: 85, unit: '%' \}/);
    // Objects typed in the REPL are plain objects to the model (the REPL shares the global scope).
    child.stdin.write('(await new ManagedObject(c8y, { name: "From the REPL", cx_Level: { oil: new Liters(8.4) } }).create()).id\n');
    const [, id] = await waitFor(stdout, stdout.text, /c8y> '(\d+)'\n/);
    child.stdin.write('JSON.stringify(new Measurement(c8y, { type: "t", source: "1", time: "now", cx: { oil: new Liters(8.4) } }).toJSON().cx)\n');
    await waitFor(stdout, stdout.text, /'\{"oil":\{"value":8.4,"unit":"l"\}\}'/);
    child.stdin.write('.exit\n');
    expect(await exited).toBe(0);
    expect(stdout.text()).toContain(`Connected to ${emu.url} (tenant t100) as c8y.`);
    expect(stderr.text()).toBe('');
    const admin = new CumulocityClient({ baseUrl: emu.url, auth: new BasicAuth('t100/admin', 'admin-pass') });
    expect((await admin.inventory.get(id ?? '')).get('cx_Level.oil')).toEqual({ value: 8.4, unit: 'l' });
  });
});
