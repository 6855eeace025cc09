// Bundle app "device list" with @c8y/client: the same pages (one at a time: it has no workers and
// no fetch-all, so the loop is the app's) and the same update. Only the services it needs are
// imported (smaller than `new Client(…)`, which wires every service).
import { BasicAuth, FetchClient, InventoryService, type IManagedObject } from '@c8y/client';

const client = new FetchClient(new BasicAuth({ tenant: 't100', user: 'admin', password: 'secret' }), location.origin);
const inventory = new InventoryService(client);
const pumps: IManagedObject[] = [];
let page = await inventory.listQueryDevices({ name: 'Pump*' }, { pageSize: 2000 });
for (;;) {
  pumps.push(...page.data);
  if (page.data.length < 2000 || page.paging?.nextPage == null) break;
  page = await page.paging.next();
}
const pump = pumps[0];
if (pump) await inventory.update({ id: pump.id, c8y_Notes: { text: 'checked' } });
console.log(pumps.length);
