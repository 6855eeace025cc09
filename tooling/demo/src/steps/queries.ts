import { odata } from '@c8y/sdk';
import { climateType, deviceNamePattern, serialOf } from '../naming.js';
import type { TourStep } from '../tour-context.js';

/** Typed filters, wildcards, the OData builder, date conveniences, `asValues` and streaming. */
export const queryData: TourStep = {
  name: 'query with filters, date conveniences and asValues',
  async run({ c8y, out, runId, created, startedAt }) {
    const pattern = deviceNamePattern(runId);
    const named = await c8y.deviceInventory.getAll({ name: pattern, createdFrom: startedAt, limit: 3 });
    out.line(`   deviceInventory.getAll({ name: '${pattern}', createdFrom: <tour start>, limit: 3 }) → ${named.length} devices`);

    const first = await c8y.inventory.getAll({ query: odata.filter(odata.eq('name', named[0]!.name!)) }, { asValues: ['id', 'name'] });
    out.line(`   inventory.getAll({ query: odata.filter(odata.eq('name', …)) }, { asValues: ['id', 'name'] }) → ${JSON.stringify(first)}`);

    const [source] = created.deviceIds;
    const lastHour = await c8y.measurements.count({ source, type: climateType(runId), maxAge: '1h' });
    const latest = await c8y.measurements.getLast({ source, series: 'c8y_Temperature.T' });
    out.line(`   measurements.count({ source, maxAge: '1h' }) → ${lastHour}; getLast → ${latest?.time}`);

    let streamed = 0;
    for await (const [time, celsius] of c8y.measurements.select(
      { source, series: 'c8y_Temperature.T', after: new Date(startedAt.getTime() - 10 * 60_000), ascending: true },
      { asValues: ['time', ['c8y_Temperature.T.value', Number.NaN]] },
    )) {
      if (streamed++ === 0) out.line(`   streaming the last 10 minutes, oldest first: ${time} ${celsius} °C, …`);
    }
    out.line(`   … ${streamed} values streamed`);

    const bySerial = await c8y.identity.getObject(serialOf(runId, 1), 'c8y_Serial');
    out.line(`   identity.getObject('${serialOf(runId, 1)}', 'c8y_Serial') → '${bySerial.name}'`);
    if (named.length !== 3 || first.length !== 1 || streamed !== 10) {
      throw new Error(`unexpected query results: ${named.length} devices, ${first.length} by name, ${streamed} streamed`);
    }
  },
};
