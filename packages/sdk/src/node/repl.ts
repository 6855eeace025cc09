import type { CumulocityClient } from '../cumulocity-client.js';
import type { GetClientOptions } from './get-client.js';
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
 * Top-level `await` works. `pnpm c8y` (the `c8y` bin) runs it. The REPL code (`node:repl`) is loaded
 * when the REPL starts, not when `@c8y/sdk` is imported.
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
  const { runRepl } = await import('./repl-server.js');
  return runRepl(options);
}
