// Bundle app "device list" through `@c8y/sdk`'s CumulocityClient (the README's way in): the same
// pages and update as device-list-sdk.ts.
import { BasicAuth, CumulocityClient } from '@c8y/sdk';

const c8y = new CumulocityClient({ baseUrl: location.origin, auth: new BasicAuth('t100/admin', 'secret') });
const pumps = await c8y.deviceInventory.getAll({ name: 'Pump*' }, { workers: 4 });
const pump = pumps[0];
if (pump) await pump.set('c8y_Notes.text', 'checked').update();
console.log(pumps.length);
