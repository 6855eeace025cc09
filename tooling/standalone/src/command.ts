import { execFile } from 'node:child_process';

/** How a finished process ended. */
export interface CommandResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CommandOptions {
  cwd: string;
  /** The whole environment (nothing is inherited); default: this process's, without NODE_OPTIONS. */
  env?: NodeJS.ProcessEnv;
  /** A hang guard: the process is killed after this many ms. @default 120_000 */
  killAfterMs?: number;
}

/**
 * Runs a command without blocking this process — the emulator the examples talk to lives in
 * it — and resolves with how it ended (a failure is a result, not an exception).
 */
export function spawnCommand(command: string, args: readonly string[], options: CommandOptions): Promise<CommandResult> {
  // jest's NODE_OPTIONS (--experimental-vm-modules) belong to jest, not to the child
  const { NODE_OPTIONS: _jestOnly, ...inherited } = process.env;
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      { cwd: options.cwd, env: options.env ?? inherited, encoding: 'utf8', timeout: options.killAfterMs ?? 120_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const failure = error as (Error & { code?: unknown; signal?: NodeJS.Signals | null }) | null;
        resolve({
          exitCode: failure === null ? 0 : typeof failure.code === 'number' ? failure.code : null,
          signal: failure?.signal ?? null,
          stdout,
          stderr,
        });
      },
    );
  });
}

/** Runs a command and throws, with its output, unless it exits with 0. */
export async function runCommand(command: string, args: readonly string[], options: CommandOptions): Promise<string> {
  const result = await spawnCommand(command, args, options);
  if (result.exitCode !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} (in ${options.cwd}) ended with ${result.exitCode ?? result.signal}:\n${result.stdout}\n${result.stderr}`,
    );
  }
  return result.stdout;
}
