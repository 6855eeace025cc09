// Bundle app "measurements" with @c8y/client: the same readings, one POST each (it has no
// collection POST).
import { BasicAuth, FetchClient, MeasurementService } from '@c8y/client';

const client = new FetchClient(new BasicAuth({ tenant: 't100', user: 'admin', password: 'secret' }), location.origin);
const measurements = new MeasurementService(client);
const start = Date.now() - 86_400_000;
for (let minute = 0; minute < 1440; minute++) {
  await measurements.create({
    source: { id: location.hash.slice(1) },
    type: 'c8y_Temperature',
    time: new Date(start + minute * 60_000).toISOString(),
    c8y_Temperature: { T: { value: 20 + Math.sin(minute / 60), unit: 'C' } },
  });
}
console.log(1440);
