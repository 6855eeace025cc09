/**
 * `@c8y/sdk` in Node.js (the `node` export condition): everything of the browser entry, plus
 * {@link getClient} (environment variables and terminal prompts), {@link startRepl}, and luxon
 * installed as the parser behind the `…DateTime` properties.
 *
 * @example
 * ```ts
 * import { getClient, ManagedObject } from '@c8y/sdk';
 * const c8y = await getClient();
 * const obj = await new ManagedObject(c8y, { name: 'MyObject' }).create();
 * console.log(obj.creationDateTime?.toISO());
 * ```
 * @packageDocumentation
 */
import '@c8y/model/datetime';

export * from '../index.js';
export { getClient, type GetClientOptions } from './get-client.js';
export { clearClientCache } from './client-cache.js';
export { startRepl, type ReplSession, type StartReplOptions } from './repl.js';
export type { TextInput, TextOutput } from './streams.js';
