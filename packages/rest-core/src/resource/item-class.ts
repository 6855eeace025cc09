import type { RestClient } from '../client/rest-client-interface.js';
import type { JsonObject } from '../json/json-types.js';

/**
 * How a resource API builds its items: a class (the `@c8y/model` classes fit) that wraps server
 * JSON with `fromJSON` and builds a new object from an init object with `new`. A resource API
 * hands plain-JSON input to `new` too, so it gets the same conversions and validation as a
 * model object (`time: 'now'`, `source: device`, units) before anything is sent.
 *
 * @typeParam T - the item (e.g. `Alarm`).
 * @typeParam I - what `new` accepts besides the client (e.g. `AlarmInit`).
 *
 * @example
 * ```ts
 * const item: ItemClass<Alarm, AlarmInit> = Alarm;
 * item.fromJSON(client, { id: '1', type: 'x' }).id; // '1'
 * ```
 */
export interface ItemClass<T, I> {
  new (client?: RestClient, init?: I): T;
  fromJSON(client: RestClient | undefined, json: JsonObject): NoInfer<T>;
}

/**
 * How a plain-JSON change is built for `update` and `applyTo` when the item class would add more
 * than the caller wrote: `Device` and `DeviceGroup` add `c8y_IsDevice`, `c8y_IsDeviceGroup` and a
 * type to new objects, which must not be sent with every change (they would turn a sub-group
 * into a root group). A class whose new objects hold exactly their init (e.g. `ManagedObject`)
 * sends only what the caller wrote, still validated by the model.
 *
 * @typeParam I - what `new` accepts besides the client (the item class's init type).
 *
 * @example
 * ```ts
 * const change: ChangeClass<ManagedObjectInit> = ManagedObject;
 * new change(client, { name: 'Pump 2' }).toUpdateJSON(); // { name: 'Pump 2' }
 * ```
 */
export interface ChangeClass<I> {
  new (client?: RestClient, init?: I): { toUpdateJSON(): JsonObject };
}
