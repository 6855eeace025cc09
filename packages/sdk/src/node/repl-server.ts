import process from 'node:process';
import { start } from 'node:repl';
import { DateTime, Duration } from 'luxon';
import * as sdk from '../index.js';
import { getClient } from './get-client.js';
import type { ReplSession, StartReplOptions } from './repl.js';

// The REPL itself, loaded by `startRepl` (./repl.ts) with a dynamic import: importing `@c8y/sdk`
// does not load node:repl.

/** Connects (unless `options.client` is given), greets, and starts the REPL: see `startRepl`. */
export async function runRepl(options: StartReplOptions): Promise<ReplSession> {
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stdout;
  const c8y = options.client ?? (await getClient({ stdin: input, stdout: output, ...options.getClient }));
  if (options.banner !== false) {
    const tenant = await c8y.getTenantId();
    output.write(`Connected to ${c8y.baseUrl} (tenant ${tenant}) as c8y.\n`);
    output.write('In scope: c8y, every export of @c8y/sdk (ManagedObject, Measurement, Liters, …), sdk, DateTime, Duration.\n');
    output.write('Try: await c8y.inventory.getAll({ limit: 5 })\n');
  }
  // useGlobal: in a separate context `{ name: 'x' }` would have another Object.prototype, and the
  // model refuses objects that are not plain (`new ManagedObject(c8y, { … })` would throw).
  const server = start({ prompt: options.prompt ?? 'c8y> ', input: input as unknown as NodeJS.ReadableStream, output: output as unknown as NodeJS.WritableStream, ignoreUndefined: true, useGlobal: true });
  const scope: Record<string, unknown> = { ...sdk, sdk, DateTime, Duration, c8y };
  for (const [name, value] of Object.entries(scope)) {
    Object.defineProperty(server.context, name, { value, writable: true, enumerable: true, configurable: true });
  }
  return server as unknown as ReplSession;
}
