/**
 * `@c8y/sdk`: the Cumulocity IoT SDK in one package — {@link CumulocityClient} with every API
 * context, and the public API of every `@c8y` package (rest-core, model, units and all contexts).
 * This is the browser entry: no `node:` module and no luxon; `import '@c8y/sdk/datetime'` opts in
 * to the `…DateTime` properties. In Node.js the package resolves to its Node entry, which adds
 * `getClient` and installs luxon.
 *
 * @example
 * ```ts
 * import { BasicAuth, CumulocityClient } from '@c8y/sdk';
 * const c8y = new CumulocityClient({ baseUrl: location.origin, auth: new BasicAuth('t100/admin', password) });
 * for await (const device of c8y.deviceInventory.select({ name: 'Pump*' })) console.log(device.name);
 * ```
 * @packageDocumentation
 */
export { CumulocityClient, type CumulocityClientOptions } from './cumulocity-client.js';

export * from '@c8y/rest-core';
export * from '@c8y/units';
export * from '@c8y/model';
export * from '@c8y/inventory';
export * from '@c8y/identity';
export * from '@c8y/measurements';
export * from '@c8y/events';
export * from '@c8y/alarms';
export * from '@c8y/device-control';
export * from '@c8y/users';
export * from '@c8y/applications';
export * from '@c8y/tenant';
export * from '@c8y/audit';
export * from '@c8y/notifications';
export * from '@c8y/device-registry';
