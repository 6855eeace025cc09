import process from 'node:process';
import { start } from 'node:repl';
import { DateTime, Duration } from 'luxon';
import * as sdk from '../index.js';
import type { CumulocityClient } from '../cumulocity-client.js';
import { getClient, type GetClientOptions } from './get-client.js';
import type { TextInput, TextOutput } from './streams.js';

/**
 * Options of {@link startRepl}.
 *
 * @example
 * ```ts
 * const options: StartReplOptions = { prompt: 'prod> ', getClient: { baseUrl: 'mytenant.cumulocity.com' } };
 * ```
 */
export interface StartReplOptions {
  /** The client to put in scope as `c8y`. @default `await getClient(options.getClient)` */
  client?: CumulocityClient;
  /** Options for `getClient` when no `client` is given (its `stdin`/`stdout` default to `input`/`output`). */
  getClient?: GetClientOptions;
  /** Where the REPL reads. @default process.stdin */
  input?: TextInput;
  /** Where the REPL writes. @default process.stdout */
  output?: TextOutput;
  /** The prompt. @default 'c8y> ' */
  prompt?: string;
  /** Whether to print the greeting (where it is connected, what is in scope). @default true */
  banner?: boolean;
}

/**
 * The running REPL (a Node.js `REPLServer`, declared by the members most callers need).
 *
 * @example
 * ```ts
 * const repl: ReplSession = await startRepl();
 * repl.context['devices'] = await (repl.context['c8y'] as CumulocityClient).deviceInventory.getAll();
 * repl.once('exit', () => console.log('bye'));
 * ```
 */
export interface ReplSession {
  /** The REPL's scope (with `useGlobal`, the global object). */
  readonly context: Record<string, unknown>;
  /** Ends the REPL (as `.exit` does). */
  close(): void;
  /** `'exit'` when the REPL ended (`.exit`, Ctrl+D, `close()`). */
  once(event: 'exit', listener: () => void): unknown;
  on(event: 'exit', listener: () => void): unknown;
}

/**
 * A Node.js REPL with a ready, connected client as `c8y`, and in scope: every export of
 * `@c8y/sdk` (model classes such as `ManagedObject` and `Measurement`, units such as `Liters`,
 * contexts, errors, helpers), the whole package as `sdk`, and luxon's `DateTime` and `Duration`.
 * Top-level `await` works. `pnpm c8y` (the `c8y` bin) runs it.
 *
 * The REPL evaluates in this process's global scope (`useGlobal`), so that objects typed in it
 * are ordinary objects to the SDK; the names above become globals of the process — `Event` is
 * then Cumulocity's event class, not the DOM-style one.
 *
 * @example
 * ```ts
 * const repl = await startRepl();          // getClient(): C8Y_* variables, or asks
 * repl.on('exit', () => console.log('bye'));
 * ```
 */
export async function startRepl(options: StartReplOptions = {}): Promise<ReplSession> {
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
