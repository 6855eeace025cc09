import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { transform } from 'esbuild';
import { spawnCommand, type CommandResult } from './command.js';

const GUARD = fileURLToPath(new URL('../guard/', import.meta.url));

/**
 * Writes a program into a project as `<file>.mjs` — TypeScript is stripped by esbuild, nothing
 * else changes — and copies the import guard (`guard/`) next to it.
 */
export async function writeProgram(dir: string, file: string, typescript: string): Promise<string> {
  const { code } = await transform(typescript, { loader: 'ts', format: 'esm', target: 'node20' });
  writeFileSync(path.join(dir, `${file}.mjs`), code);
  mkdirSync(path.join(dir, '.guard'), { recursive: true });
  for (const name of ['register.mjs', 'hooks.mjs']) copyFileSync(path.join(GUARD, name), path.join(dir, '.guard', name));
  return `./${file}.mjs`;
}

/**
 * Runs a program of the project with plain `node`, in the project folder, under the import guard
 * (a module from outside the project is an error), with only `PATH` and `env` in its environment.
 */
export function runProgram(dir: string, program: string, env: Readonly<Record<string, string>>): Promise<CommandResult> {
  return spawnCommand(process.execPath, ['--import', './.guard/register.mjs', program], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '', ...env },
    killAfterMs: 60_000,
  });
}
