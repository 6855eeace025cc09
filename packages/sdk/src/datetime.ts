/**
 * `import '@c8y/sdk/datetime'` — for browser apps: installs luxon as the parser behind the
 * `…DateTime` properties (`creationDateTime`, `lastUpdatedDateTime`, …), as the Node entry of
 * `@c8y/sdk` does by itself. A side-effect import; without it luxon stays out of the bundle and
 * those properties throw (the string properties always work).
 *
 * @example
 * ```ts
 * import '@c8y/sdk/datetime';
 * import { ManagedObject } from '@c8y/sdk';
 * const obj = await new ManagedObject(c8y, { name: 'Pump' }).create();
 * console.log(obj.creationDateTime?.toRelative());
 * ```
 * @packageDocumentation
 */
export { DateTime } from '@c8y/model/datetime';
