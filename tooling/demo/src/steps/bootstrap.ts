import { DeviceRegistryClient } from '@c8y/device-registry';
import { BasicAuth, Celsius, CumulocityClient } from '@c8y/sdk';
import type { TourContext, TourStep } from '../tour-context.js';

const POLL_MS = 200;

/** Resolves once the device has asked for its credentials (the request is then pending acceptance). */
async function untilPending({ c8y }: TourContext, externalId: string, signal: AbortSignal): Promise<void> {
  while ((await c8y.deviceInventory.requests.get(externalId, { signal })).status !== 'PENDING_ACCEPTANCE') {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/**
 * The device bootstrap: an admin registers the external id, the device polls for credentials with
 * the bootstrap user, the admin accepts, the device gets its own user and writes as itself.
 */
export const registerDevice: TourStep = {
  name: 'register a device through the bootstrap flow',
  async run(context) {
    const { c8y, out, runId, bootstrap, baseUrl, created } = context;
    if (!bootstrap) {
      out.line('   skipped: no device bootstrap credentials (C8Y_DEVICEBOOTSTRAP_TENANT/USER/PASSWORD)');
      return;
    }
    const externalId = `demo-${runId}-new`;
    await c8y.deviceInventory.request(externalId);
    out.line(`   deviceInventory.request('${externalId}') → waiting for the device`);

    const registry = new DeviceRegistryClient({ baseUrl, ...bootstrap });
    const timeout = AbortSignal.timeout(60_000);
    const polling = registry.awaitCredentials(externalId, { pause: `${POLL_MS}ms`, timeout: '1m' });
    polling.catch(() => undefined); // awaited below; meanwhile a failure must not count as unhandled
    await untilPending(context, externalId, timeout);
    await c8y.deviceInventory.accept(externalId);
    const credentials = await polling;
    out.line(`   accepted; the device received its credentials: ${credentials.tenantId}/${credentials.username}`);

    const device = new CumulocityClient({ baseUrl, tenantId: credentials.tenantId, auth: new BasicAuth(credentials.username, credentials.password) });
    const self = await device.deviceInventory.create({ name: `Demo ${runId} new device`, c8y_IsDevice: {} });
    created.registeredDeviceIds.push(self.id!);
    await device.identity.create(externalId, 'c8y_Serial', self);
    await device.measurements.create({ type: 'demo_FirstContact', source: self, time: 'now', c8y_Temperature: { T: new Celsius(21) } });
    out.line(`   as ${credentials.username}: created its managed object #${self.id}, its external id and a first measurement`);
  },
};
