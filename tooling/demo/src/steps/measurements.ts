import { Celsius, Percent } from '@c8y/sdk';
import { climateType } from '../naming.js';
import type { TourStep } from '../tour-context.js';

const MINUTE = 60_000;

/** Measurements with units, posted through the collection endpoint in chunks, with a progress bar. */
export const postMeasurements: TourStep = {
  name: 'post measurements with units in bulk',
  async run({ c8y, out, runId, created, startedAt, measurementsPerDevice }) {
    // one reading a minute per device, ending a minute before the tour started
    const readings = created.deviceIds.flatMap((source, device) =>
      Array.from({ length: measurementsPerDevice }, (_, index) => ({
        type: climateType(runId),
        source,
        time: new Date(startedAt.getTime() - (measurementsPerDevice - index) * MINUTE),
        c8y_Temperature: { T: new Celsius(Math.round((18 + device + Math.sin(index / 30) * 3) * 10) / 10) },
        c8y_Battery: { level: new Percent(100 - Math.floor(index / (measurementsPerDevice / 20 + 1))) },
      })),
    );
    const posted = await c8y.measurements.create(readings, {
      chunkSize: 500,
      workers: 4,
      onProgress: ({ done, total }) => out.progress('measurements', done, total),
    });
    out.line(`   ${posted.length} measurements in ${Math.ceil(readings.length / 500)} collection POSTs of ≤ 500, 4 in flight`);
    const sample = posted[0]!;
    out.line(`   e.g. ${sample.time}: ${JSON.stringify(sample.toJSON()['c8y_Temperature'])}`);
  },
};
