import process from 'node:process';
import { isCumulocityError } from '@c8y/rest-core';
import { startRepl, type StartReplOptions } from './repl.js';
import type { TextOutput } from './streams.js';

const USAGE = `Usage: c8y [--help]

Starts a Node.js REPL with a connected Cumulocity client as \`c8y\`, and the model classes, units
and contexts of @c8y/sdk in scope. Top-level await works.

Connection (as getClient): C8Y_BASEURL, C8Y_TENANT, C8Y_USER, C8Y_PASSWORD or C8Y_TOKEN;
what is missing is asked on the terminal.
`;

/**
 * The `c8y` command: `--help` prints the usage; otherwise connects (getClient) and runs the REPL
 * until it exits. Resolves the exit code: 0, 1 when connecting failed (the reason on stderr, never
 * a secret), 2 for an unknown argument.
 *
 * @example
 * ```ts
 * process.exitCode = await runCli(process.argv.slice(2));
 * ```
 */
export async function runCli(args: readonly string[], options: StartReplOptions & { stderr?: TextOutput } = {}): Promise<number> {
  const output = options.output ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  if (args.includes('--help') || args.includes('-h')) {
    output.write(USAGE);
    return 0;
  }
  if (args.length > 0) {
    stderr.write(`c8y: unknown argument ${JSON.stringify(args[0])}\n${USAGE}`);
    return 2;
  }
  let repl;
  try {
    repl = await startRepl({ ...options, getClient: { stderr, ...options.getClient } });
  } catch (error) {
    const message = isCumulocityError(error) || error instanceof Error ? error.message : String(error);
    stderr.write(`c8y: could not connect: ${message}\n`);
    return 1;
  }
  await new Promise<void>((resolve) => repl.once('exit', () => resolve()));
  return 0;
}
