// Bundle app "measurements": send a day of one-minute temperature readings of one device. This
// SDK: collection POSTs of 500, 4 at once.
import { Measurements } from '@c8y/measurements';
import { BasicAuth, CumulocityRestClient } from '@c8y/rest-core';

const client = new CumulocityRestClient({ baseUrl: location.origin, auth: new BasicAuth('t100/admin', 'secret') });
const start = Date.now() - 86_400_000;
const readings = Array.from({ length: 1440 }, (_, minute) => ({
  source: { id: location.hash.slice(1) },
  type: 'c8y_Temperature',
  time: new Date(start + minute * 60_000).toISOString(),
  c8y_Temperature: { T: { value: 20 + Math.sin(minute / 60), unit: 'C' } },
}));
const created = await new Measurements(client).create(readings, { workers: 4 });
console.log(created.length);
