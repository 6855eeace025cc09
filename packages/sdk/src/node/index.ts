/**
 * `@c8y/sdk` in Node.js (the `node` export condition): everything of the browser entry, plus
 * {@link getClient} (environment variables and terminal prompts), {@link startRepl}, the
 * microservice apps of `@c8y/microservice` bound to `CumulocityClient`, and luxon installed as the
 * parser behind the `…DateTime` properties.
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
// The microservice apps (Node.js only), bound to CumulocityClient: these two names shadow the
// package's own (an explicit export wins over `export *`).
export * from '@c8y/microservice';
export { cumulocityClientFactory, MultiTenantCumulocityApp, SimpleCumulocityApp } from './microservice.js';
// @c8y/microservice and @c8y/device-registry each declare `Environment` (the same type:
// Readonly<Record<string, string | undefined>>); naming one resolves the `export *` ambiguity.
export type { Environment } from '@c8y/microservice';
export { getClient, type GetClientOptions } from './get-client.js';
export { clearClientCache } from './client-cache.js';
export { startRepl, type ReplSession, type StartReplOptions } from './repl.js';
export type { TextInput, TextOutput } from './streams.js';
