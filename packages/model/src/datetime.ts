/**
 * `import '@c8y/model/datetime'` — installs luxon as the parser behind the `…DateTime` properties
 * (`creationDateTime`, `dateTime`, `lastUpdatedDateTime`, …). A side-effect import, listed in
 * `sideEffects`; without it those properties throw, and luxon stays out of browser bundles.
 *
 * @example
 * ```ts
 * import '@c8y/model/datetime';
 * import { ManagedObject } from '@c8y/model';
 * import { DateTime } from 'luxon';
 * const obj = await new ManagedObject(c8y, { name: 'Pump' }).create();
 * const age = DateTime.now().diff(obj.creationDateTime!).as('minutes');
 * ```
 * @packageDocumentation
 */
import { DateTime } from 'luxon';
import { installDateTimeProvider } from './datetime/provider.js';

installDateTimeProvider({ parse: (text) => DateTime.fromISO(text, { setZone: true }) });

export { DateTime };
