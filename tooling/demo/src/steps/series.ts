import type { TourStep } from '../tour-context.js';

/** Aggregated series of one device: hourly minimum and maximum of temperature and battery. */
export const readSeries: TourStep = {
  name: 'read series',
  async run({ c8y, out, created, startedAt }) {
    const series = await c8y.measurements.getSeries({
      source: created.deviceIds[0]!,
      series: ['c8y_Temperature.T', 'c8y_Battery.level'],
      aggregationType: 'HOURLY',
      dateFrom: new Date(startedAt.getTime() - 24 * 3_600_000),
      dateTo: startedAt,
    });
    out.line(`   series ${series.specs.map((spec) => `${spec.series} [${spec.unit ?? ''}]`).join(', ')}`);
    const rows = series.collect({ value: ['min', 'max'], timestamps: 'string' });
    for (const [time, minT, maxT, minBattery, maxBattery] of rows.slice(0, 3)) {
      out.line(`   ${time}  T ${minT}…${maxT}  battery ${minBattery}…${maxBattery}`);
    }
    if (rows.length === 0) throw new Error('the series has no rows');
    out.line(`   ${rows.length} hourly rows`);
  },
};
