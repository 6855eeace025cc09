import { beforeAll, describe, expect, it } from '@jest/globals';
import { DeviceInventory } from '@c8y/inventory';
import { ManagedObject, Measurement } from '@c8y/model';
import { isCumulocityError } from '@c8y/rest-core';
import { DeviceRegistryClient, type CredentialsTimeoutError } from '../src/index.js';
import { useEmulator } from './helpers.js';

// The whole device bootstrap over real HTTP against the emulator: the tenant registers the
// device, the device polls with the bootstrap user, the tenant accepts once the device has asked,
// the credentials arrive, and the device's own client creates its managed object and a measurement.

const ctx = useEmulator({ seed: 19, client: { retry: false }, reset: true, clear: false });
let devices: DeviceInventory;
let registry: DeviceRegistryClient;

beforeAll(() => {
  devices = new DeviceInventory(ctx.client);
  registry = DeviceRegistryClient.fromEnvironment(
    {
      C8Y_BASEURL: ctx.emu.url,
      C8Y_DEVICEBOOTSTRAP_TENANT: 'management',
      C8Y_DEVICEBOOTSTRAP_USER: 'devicebootstrap',
      C8Y_DEVICEBOOTSTRAP_PASSWORD: 'bootstrap-pass',
    },
    { retry: false },
  );
});

/** Waits (event by event, no clock) until the request has the status: the device has asked. */
async function untilStatus(externalId: string, status: string): Promise<void> {
  for (let attempt = 0; attempt < 2000; attempt++) {
    if ((await devices.requests.get(externalId)).status === status) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`request ${externalId} never reached ${status}`);
}

const credentialsReplies = () => ctx.emu.requests.filter((request) => request.path === '/devicecontrol/deviceCredentials').map((request) => request.status);

describe('device bootstrap against the emulator', () => {
  it('register → the device polls → accept → credentials → the device creates its managed object and a measurement', async () => {
    const externalId = 'raspi/0042';
    expect((await devices.request(externalId)).status).toBe('WAITING_FOR_CONNECTION');

    const awaited = registry.awaitClient(externalId, { pause: '20ms', timeout: '5m' });
    await untilStatus(externalId, 'PENDING_ACCEPTANCE');
    expect((await devices.accept(externalId)).status).toBe('ACCEPTED');
    const device = await awaited;

    // Every poll before the acceptance was a 404, the last one the credentials.
    const replies = credentialsReplies();
    expect(replies.length).toBeGreaterThanOrEqual(2);
    expect(replies.slice(0, -1).every((status) => status === 404)).toBe(true);
    expect(replies.at(-1)).toBe(200);
    expect(String(device.auth)).toBe(`BasicAuth(t100/device_${externalId})`);
    expect(device.baseUrl).toBe(registry.baseUrl);

    // The device works as itself.
    const own = await new ManagedObject(device, { name: 'Raspi 42', c8y_IsDevice: {} }).create();
    const measurement = await new Measurement(device, { type: 'c8y_Temperature', source: own, time: 'now', c8y_Temperature: { T: { value: 21.5, unit: 'C' } } }).create();
    expect((await devices.get(own.id ?? '')).owner).toBe(`device_${externalId}`);
    const stored = await Measurement.fromJSON(ctx.client, { id: measurement.id ?? '' }).reload();
    expect(stored.source).toBe(own.id);
    expect(stored.get('c8y_Temperature.T.value')).toBe(21.5);

    // The request is gone once the credentials were handed out; deleting the device with its user locks it out.
    expect(await devices.requests.count()).toBe(0);
    await devices.delete(own, { withDeviceUser: true });
    const locked = await device.get('/inventory/managedObjects').catch((error: unknown) => error);
    expect(isCumulocityError(locked, 'UnauthorizedError')).toBe(true);
  });

  it('a device nobody accepts: the wait ends with a CredentialsTimeoutError, after at least one 404', async () => {
    await devices.request('ignored-1');
    const waiting = registry.awaitCredentials('ignored-1', { pause: '10ms', timeout: '1s' }).catch((thrown: unknown) => thrown);
    await untilStatus('ignored-1', 'PENDING_ACCEPTANCE');
    const error = (await waiting) as CredentialsTimeoutError;
    expect(isCumulocityError(error, 'CredentialsTimeoutError')).toBe(true);
    expect(error.requests).toBeGreaterThanOrEqual(1);
    expect(credentialsReplies().length).toBeGreaterThanOrEqual(1);
    expect(credentialsReplies().every((status) => status === 404)).toBe(true);
  });

  it('wrong bootstrap credentials end the wait at once with a 401', async () => {
    const wrong = new DeviceRegistryClient({ baseUrl: ctx.emu.url, tenantId: 'management', username: 'devicebootstrap', password: 'wrong-pass', retry: false });
    const error = await wrong.awaitCredentials('anything', { pause: '10ms' }).catch((thrown: unknown) => thrown);
    expect(isCumulocityError(error, 'UnauthorizedError')).toBe(true);
    // Only the requests this client sent: a poll of the test before, aborted at its timeout, may
    // still reach the server's log after the reset (it is the bootstrap user's, authenticated).
    const unauthenticated = ctx.emu.requests.filter((request) => request.path === '/devicecontrol/deviceCredentials' && request.user === undefined);
    expect(unauthenticated.map((request) => request.status)).toEqual([401]);
    expect(credentialsReplies().filter((status) => status !== 404)).toEqual([401]);
  });
});
