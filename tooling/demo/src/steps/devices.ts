import { DEVICE_COUNT, deviceName, serialOf } from '../naming.js';
import type { TourStep } from '../tour-context.js';

/** Ten devices with serial numbers (external ids) in a group. */
export const createDevices: TourStep = {
  name: 'create devices with external ids and a group',
  async run({ c8y, out, runId, created }) {
    const indexes = Array.from({ length: DEVICE_COUNT }, (_, index) => index);
    const devices = await c8y.deviceInventory.create(
      indexes.map((index) => ({ name: deviceName(runId, index), type: 'demo_Pump', c8y_IsDevice: {} })),
      { workers: 10 },
    );
    created.deviceIds.push(...devices.map((device) => device.id!));
    out.line(`   ${devices.length} devices created (10 requests in flight), e.g. #${devices[0]!.id} '${devices[0]!.name}'`);

    await Promise.all(devices.map((device, index) => c8y.identity.create(serialOf(runId, index), 'c8y_Serial', device)));
    const found = await c8y.identity.getObject(serialOf(runId, 0), 'c8y_Serial');
    out.line(`   serial ${serialOf(runId, 0)} → #${found.id} '${found.name}'`);

    const group = await c8y.groupInventory.create({ name: `Demo ${runId} plant` });
    created.groupId = group.id!;
    await c8y.groupInventory.assignChildren(group, created.deviceIds);
    const members = await c8y.inventory.getChildren(group, 'childAssets', {}, { asValues: 'name' });
    out.line(`   group '${group.name}' holds ${members.length} devices`);
    if (members.length !== DEVICE_COUNT) throw new Error(`the group holds ${members.length} devices, expected ${DEVICE_COUNT}`);
  },
};
