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
