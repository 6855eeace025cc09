// Compiled by the consumer type test (test/consumer.test.ts) in a fresh project that installs the
// packed tarballs: what a user writes, checked against the published declarations. Each
// `@ts-expect-error` must mark a real error (an unused one is TS2578, which fails the test).
import { Alarms, type AlarmFilters } from '@c8y/alarms';
import { inventoryQuery } from '@c8y/inventory';
import { ManagedObject, Measurement, Resources } from '@c8y/model';
import '@c8y/model/datetime';
import { BasicAuth, CumulocityRestClient, getAll, select, type JsonObject } from '@c8y/rest-core';
import { Celsius } from '@c8y/units';

const client = new CumulocityRestClient({ baseUrl: 'mytenant.cumulocity.com', auth: new BasicAuth('t100/admin', 'secret') });
const inventory = { ...Resources.managedObject, querySpec: inventoryQuery };

export async function typedPaging(): Promise<void> {
  // `map` builds model objects: the items are typed by what it returns.
  const devices: ManagedObject[] = await getAll(client, inventory, { fragmentType: 'c8y_IsDevice' }, { workers: 4, map: (j) => ManagedObject.fromJSON(client, j) });
  for await (const device of select(client, inventory, { name: 'Pump*' }, { map: (j) => ManagedObject.fromJSON(client, j) })) {
    const name: string | undefined = device.name;
    console.log(name, device.creationDateTime?.toISO());
  }
  // Without `map`, plain JSON.
  const plain: JsonObject[] = await getAll(client, inventory, { type: 'c8y_Pump' });
  // @ts-expect-error plain JSON is not a ManagedObject
  const notModels: ManagedObject[] = await getAll(client, inventory, { type: 'c8y_Pump' });
  console.log(devices.length, plain.length, notModels.length);
}

export async function typedFilters(): Promise<void> {
  const alarms = new Alarms(client);
  const filters: AlarmFilters = { source: '42', status: ['ACTIVE', 'ACKNOWLEDGED'], maxAge: '1d' };
  await alarms.getAll(filters);
  // @ts-expect-error a misspelt filter does not compile
  await alarms.getAll({ staus: 'ACTIVE' });
  // @ts-expect-error an unknown status does not compile
  await alarms.getAll({ status: 'OPEN' });
  // @ts-expect-error the alarm API has no sort flag
  await alarms.getAll({ ascending: true });
  await new Measurement(client, { type: 'c8y_Temperature', source: '42', time: 'now', c8y_Temperature: { T: new Celsius(21.5) } }).create();
}
