// Bundle app "device list": page through the devices named Pump* (4 pages at once), then note a
// check on the first one (a PUT of what changed). Basic auth. This SDK.
import { DeviceInventory } from '@c8y/inventory';
import { BasicAuth, CumulocityRestClient } from '@c8y/rest-core';

const client = new CumulocityRestClient({ baseUrl: location.origin, auth: new BasicAuth('t100/admin', 'secret') });
const pumps = await new DeviceInventory(client).getAll({ name: 'Pump*' }, { workers: 4 });
const pump = pumps[0];
if (pump) await pump.set('c8y_Notes.text', 'checked').update();
console.log(pumps.length);
