import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEFAULT_DEVICE_BOOTSTRAP, DEFAULT_TENANTS, startEmulator, type Emulator } from '@c8y/emulator';
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { packPackages } from '../../docs-check/src/consumer.js';
import { installedC8yPackages, installStandaloneProject } from '../src/project.js';
import { runProgram, writeProgram } from '../src/run-example.js';
import { standaloneCases } from '../src/standalone.js';

// Each published package alone: its tarball and those of its @c8y dependencies (packed once) in
// an empty project outside the workspace, installed from the pnpm store, and its README's
// standalone example run there with plain node against one shared emulator — the output must be
// the one the README shows, and no module may come from outside the project.

const root = fileURLToPath(new URL('../../..', import.meta.url));
const cases = standaloneCases(root);

let workDir: string;
let tarballs: Map<string, string>;
let emu: Emulator;
let env: Record<string, string>;

beforeAll(async () => {
  workDir = mkdtempSync(path.join(os.tmpdir(), 'c8y-standalone-'));
  tarballs = packPackages(root, path.join(workDir, 'tarballs'));
  emu = await startEmulator();
  const tenant = DEFAULT_TENANTS[0];
  const admin = tenant?.users?.[0];
  if (tenant === undefined || admin === undefined) throw new Error('the emulator seeds no tenant admin');
  env = {
    C8Y_BASEURL: emu.url,
    C8Y_TENANT: tenant.id,
    C8Y_USER: admin.userName,
    C8Y_PASSWORD: admin.password,
    // the device bootstrap user (tenant `management`), for @c8y/device-registry's example
    C8Y_DEVICEBOOTSTRAP_TENANT: 'management',
    C8Y_DEVICEBOOTSTRAP_USER: DEFAULT_DEVICE_BOOTSTRAP.userName,
    C8Y_DEVICEBOOTSTRAP_PASSWORD: DEFAULT_DEVICE_BOOTSTRAP.password,
  };
});

afterAll(async () => {
  await emu?.stop();
  if (workDir !== undefined) rmSync(workDir, { recursive: true, force: true });
});

describe('each package installs and works alone', () => {
  it.each(cases.map((c) => [c.package.name, c] as const))('%s: runs its README example in an empty project', async (_name, c) => {
    const dir = path.join(workDir, c.package.folder.replace('packages/', ''));
    await installStandaloneProject({ dir, dependencies: c.dependencies, closure: c.closure, tarballs });

    // only the package and its @c8y dependencies, each from its tarball
    const installed = installedC8yPackages(dir);
    expect(installed.map((p) => p.name)).toEqual(c.closure);
    expect(installed.filter((p) => !p.source.startsWith('file+')).map((p) => `${p.name}@${p.source}`)).toEqual([]);

    const program = await writeProgram(dir, 'example', c.example.code);
    const result = await runProgram(dir, program, env);
    expect({ exitCode: result.exitCode, stderr: result.stderr }).toEqual({ exitCode: 0, stderr: '' });
    expect(result.stdout.trimEnd()).toBe(c.example.output.trimEnd());
  });
});

describe('the check itself', () => {
  // A project of one context package, to show that the guards catch what they are for.
  let project: Promise<string> | undefined;
  const guarded = (): Promise<string> => {
    const dir = path.join(workDir, 'guard-check');
    const closure = ['@c8y/alarms', '@c8y/model', '@c8y/rest-core', '@c8y/units'];
    project ??= installStandaloneProject({ dir, dependencies: ['@c8y/alarms'], closure, tarballs }).then(() => dir);
    return project;
  };

  it('refuses a module from outside the project (the workspace, a global node_modules)', async () => {
    const dir = await guarded();
    writeFileSync(path.join(workDir, 'outside.mjs'), 'export const outside = true;\n');
    const inside = await runProgram(dir, await writeProgram(dir, 'inside', "import { Alarms } from '@c8y/alarms';\nconsole.log(typeof Alarms);"), {});
    expect([inside.exitCode, inside.stdout.trim()]).toEqual([0, 'function']);
    const outside = await runProgram(dir, await writeProgram(dir, 'outside', "import { outside } from '../outside.mjs';\nconsole.log(outside);"), {});
    expect(outside.exitCode).not.toBe(0);
    expect(outside.stderr).toContain("standalone guard: '../outside.mjs'");
  });

  it('lets a package reach only the dependencies it declares (no hoisting hides a missing one)', async () => {
    const dir = await guarded();
    // from inside @c8y/alarms: @c8y/model is its dependency, luxon only its dependency's
    const probe = `const found = {};
for (const name of ['@c8y/model', 'luxon']) found[name] = await import(name).then(() => 'found', (error) => error.code);
console.log(JSON.stringify(found));`;
    writeFileSync(path.join(realpathSync(path.join(dir, 'node_modules/@c8y/alarms')), 'standalone-probe.mjs'), probe);
    const result = await runProgram(dir, './node_modules/@c8y/alarms/standalone-probe.mjs', {});
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({ '@c8y/model': 'found', luxon: 'ERR_MODULE_NOT_FOUND' });
  });
});
