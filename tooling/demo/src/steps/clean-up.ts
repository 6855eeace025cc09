import { deviceNamePattern } from '../naming.js';
import type { TourStep } from '../tour-context.js';

/** Everything the tour created, removed in bulk: data by filter on the server, objects with workers. */
export const cleanUp: TourStep = {
  name: 'clean up in bulk',
  async run({ c8y, out, runId, created }) {
    const sources = [...created.deviceIds, ...created.registeredDeviceIds];
    await Promise.all(
      sources.flatMap((source) => [c8y.measurements.deleteBy({ source }), c8y.alarms.deleteBy({ source }), c8y.events.deleteBy({ source })]),
    );
    await c8y.deviceInventory.delete(created.deviceIds, { workers: 10 });
    if (created.registeredDeviceIds.length > 0) await c8y.deviceInventory.delete(created.registeredDeviceIds, { withDeviceUser: true });
    if (created.groupId) await c8y.groupInventory.delete(created.groupId);
    const left = await c8y.inventory.count({ name: deviceNamePattern(runId) });
    out.line(`   deleted ${sources.length} devices (10 in flight) and their measurements, alarms and events; ${left} left`);
    if (left !== 0) throw new Error(`${left} devices of this run are still there`);
    created.deviceIds.length = 0;
    created.registeredDeviceIds.length = 0;
    delete created.groupId;
  },
};
