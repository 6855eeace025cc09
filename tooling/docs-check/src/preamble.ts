/**
 * The free names examples may use without declaring them: the client, a device and a few ids.
 * Each is declared (`declare const client: CumulocityRestClient;`) at the top of a generated
 * example that uses it and does not declare it itself. Keep this list short and honest: an
 * example that needs anything else declares it, or is rewritten to not need it.
 */
export interface PreambleName {
  /** The TypeScript type, using the imports below. */
  type: string;
  /** Type imports the declaration needs, as `[exported name, package]`. */
  imports: ReadonlyArray<readonly [string, string]>;
}

const restClient = { type: 'CumulocityRestClient', imports: [['CumulocityRestClient', '@c8y/rest-core']] } as const;
const managedObject = { type: 'ManagedObject', imports: [['ManagedObject', '@c8y/model']] } as const;

export const PREAMBLE: Readonly<Record<string, PreambleName>> = {
  /** A client: `new CumulocityRestClient({ baseUrl, auth })`. */
  client: restClient,
  /** The client of `@c8y/sdk`, with every context: `await getClient()`. */
  c8y: { type: 'CumulocityClient', imports: [['CumulocityClient', '@c8y/sdk']] },
  /** A device from the inventory. */
  device: managedObject,
  /** The id of a device. */
  deviceId: { type: 'string', imports: [] },
  /** The id of the object at hand. */
  id: { type: 'string', imports: [] },
  /** Ids of objects to work on in bulk. */
  ids: { type: 'string[]', imports: [] },
  /** The alarm API of `@c8y/alarms`: `new Alarms(client)`. */
  alarms: { type: 'Alarms', imports: [['Alarms', '@c8y/alarms']] },
  /** The managed objects as a paged resource: `{ ...Resources.managedObject, querySpec: inventoryQuery }` (`inventoryQuery` of `@c8y/inventory`). */
  inventory: { type: 'PagedResource', imports: [['PagedResource', '@c8y/rest-core']] },
  /** A tenant URL: `'mytenant.cumulocity.com'`. */
  baseUrl: { type: 'string', imports: [] },
  /** A user name: `'t100/admin'`. */
  username: { type: 'string', imports: [] },
  /** A password. */
  password: { type: 'string', imports: [] },
  /** An access token (a JWT). */
  token: { type: 'string', imports: [] },
  /** A signal for cancellable calls. */
  signal: { type: 'AbortSignal', imports: [] },
};

/**
 * Names of the libraries the SDK is used with, which examples without imports may use as if
 * imported: luxon's `DateTime` and `Duration` (dates and durations in filters and objects) and
 * valibot as `v` (the model's schemas).
 */
export const LIBRARY_IMPORTS: Readonly<Record<string, string>> = {
  DateTime: "import { DateTime } from 'luxon';",
  Duration: "import { Duration } from 'luxon';",
  v: "import * as v from 'valibot';",
};
