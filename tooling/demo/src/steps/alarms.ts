import { alarmType } from '../naming.js';
import type { TourStep } from '../tour-context.js';

/** Alarms raised on every device, counted, and the critical ones cleared by filter on the server. */
export const raiseAndClearAlarms: TourStep = {
  name: 'raise alarms and clear them by filter',
  async run({ c8y, out, runId, created }) {
    const hot = alarmType(runId, 'TooHot');
    const battery = alarmType(runId, 'LowBattery');
    await c8y.alarms.create(
      created.deviceIds.flatMap((source) => [
        { type: hot, text: 'Too hot', severity: 'MAJOR' as const, source, time: 'now' },
        { type: battery, text: 'Battery low', severity: 'CRITICAL' as const, source, time: 'now' },
      ]),
      { workers: 10 },
    );
    const countActive = async () =>
      (await Promise.all(created.deviceIds.map((source) => c8y.alarms.count({ source, status: 'ACTIVE' })))).reduce((a, b) => a + b, 0);
    const before = await countActive();
    out.line(`   ${before} active alarms on ${created.deviceIds.length} devices`);

    // the bulk status endpoint filters by source, severity, status and time (not by type)
    await Promise.all(created.deviceIds.map((source) => c8y.alarms.setStatusBy({ source, severity: 'CRITICAL', status: 'ACTIVE' }, 'CLEARED')));
    const after = await countActive();
    out.line(`   alarms.setStatusBy({ source, severity: 'CRITICAL' }, 'CLEARED') per device → ${after} still active`);
    const last = await c8y.alarms.getLast({ source: created.deviceIds[0]!, type: battery });
    out.line(`   the battery alarm of the first device is now ${last?.status}`);
    if (before !== 2 * created.deviceIds.length || after !== created.deviceIds.length || last?.status !== 'CLEARED') {
      throw new Error(`unexpected alarm counts: ${before} active before, ${after} after, status ${last?.status}`);
    }
  },
};
