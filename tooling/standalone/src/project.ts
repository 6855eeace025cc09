import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCommand } from './command.js';

/** What a standalone project is made of. */
export interface StandaloneProjectSpec {
  /** An empty folder outside the workspace (created if missing). */
  dir: string;
  /** The packages the project depends on, as the README's install command names them. */
  dependencies: readonly string[];
  /** Every `@c8y` package the dependencies need, each installed from its tarball. */
  closure: readonly string[];
  /** Tarball path by package name (`pnpm pack`). */
  tarballs: ReadonlyMap<string, string>;
}

/**
 * Writes the project and installs it with pnpm from the local store only (`--offline`: the
 * workspace install has put every third-party package there, so no network is needed; the new
 * project resolves its own lockfile, also where CI would make frozen lockfiles the default).
 * `overrides` send the packages' dependencies on each other to the tarballs too, never to a
 * registry; `hoist: false` keeps pnpm from making undeclared dependencies reachable, so a
 * package that forgot one fails here as it would for a user with a strict installer.
 */
export async function installStandaloneProject(spec: StandaloneProjectSpec): Promise<void> {
  const { dir, dependencies, closure, tarballs } = spec;
  mkdirSync(dir, { recursive: true });
  const tarball = (name: string): string => {
    const file = tarballs.get(name);
    if (file === undefined) throw new Error(`no tarball of ${name}`);
    return `file:${path.relative(dir, file).split(path.sep).join('/')}`;
  };
  const manifest = { name: 'standalone', private: true, type: 'module', dependencies: Object.fromEntries(dependencies.map((name) => [name, tarball(name)])) };
  writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const overrides = closure.map((name) => `  "${name}": "${tarball(name)}"`).join('\n');
  writeFileSync(path.join(dir, 'pnpm-workspace.yaml'), `hoist: false\noverrides:\n${overrides}\n`);
  await runCommand('pnpm', ['install', '--offline', '--no-frozen-lockfile', '--ignore-scripts', '--reporter=silent'], { cwd: dir });
}

/** The `@c8y` packages installed in a project's virtual store (`node_modules/.pnpm`), sorted, with their sources. */
export function installedC8yPackages(dir: string): Array<{ name: string; source: string }> {
  return readdirSync(path.join(dir, 'node_modules', '.pnpm'))
    .filter((entry) => entry.startsWith('@c8y+'))
    .map((entry) => {
      // `@c8y+alarms@file+..+tarballs+c8y-alarms-0.1.0.tgz`: name, then how it was resolved
      const at = entry.indexOf('@', 1);
      return { name: entry.slice(0, at).replace('+', '/'), source: entry.slice(at + 1) };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}
