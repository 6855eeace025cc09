import { beforeAll, describe, expect, it } from '@jest/globals';
import { ManagedObject, MediaTypes } from '@c8y/model';
import { BasicAuth, CumulocityRestClient, isCumulocityError } from '@c8y/rest-core';
import { DeviceInventory } from '../src/index.js';
import { useEmulator } from './helpers.js';

// The tenant side of the device bootstrap over real HTTP against the emulator: register, list,
// accept once the device has asked, the device's credentials, delete the device with its user.
// The device's side is played with a plain client as the bootstrap user (the full flow with
// @c8y/device-registry is tested there).

const ctx = useEmulator({ seed: 17, client: { retry: false }, reset: true, clear: false });
let bootstrap: CumulocityRestClient;
let devices: DeviceInventory;

beforeAll(() => {
  bootstrap = new CumulocityRestClient({ baseUrl: ctx.emu.url, auth: new BasicAuth('management/devicebootstrap', 'bootstrap-pass'), retry: false });
  devices = new DeviceInventory(ctx.client);
});

/** One credentials request of the device, as the bootstrap user: the reply, or the error. */
const askForCredentials = (externalId: string) =>
  bootstrap
    .post<Record<string, string>>('/devicecontrol/deviceCredentials', { id: externalId }, { contentType: MediaTypes.deviceCredentials, accept: MediaTypes.deviceCredentials })
    .catch((error: unknown) => error);

describe('new device requests against the emulator', () => {
  it('register, list, accept after the device asked, credentials, delete the device with its user', async () => {
    const externalId = 'raspi/0001';
    const created = await devices.request(externalId);
    expect([created.id, created.status, created.owner, created.tenantId]).toEqual([externalId, 'WAITING_FOR_CONNECTION', 'admin', 't100']);
    expect(await devices.requests.getAll({}, { asValues: ['id', 'status'] })).toEqual([[externalId, 'WAITING_FOR_CONNECTION']]);
    expect(await devices.requests.count()).toBe(1);

    // Not connected yet: Cumulocity refuses the acceptance.
    const early = await devices.accept(externalId).catch((error: unknown) => error);
    expect(isCumulocityError(early, 'ValidationError')).toBe(true);

    // The device asks: 404 until accepted, and the request is now pending.
    expect(isCumulocityError(await askForCredentials(externalId), 'NotFoundError')).toBe(true);
    expect((await devices.requests.get(externalId)).status).toBe('PENDING_ACCEPTANCE');

    const accepted = await devices.accept(externalId);
    expect(accepted.status).toBe('ACCEPTED');
    const credentials = (await askForCredentials(externalId)) as Record<string, string>;
    expect(credentials).toMatchObject({ id: externalId, tenantId: 't100', username: `device_${externalId}` });

    // The device works as itself, and deleting its managed object with the device user locks it out.
    const device = new CumulocityRestClient({ baseUrl: ctx.emu.url, auth: new BasicAuth(`${credentials.tenantId}/${credentials.username}`, credentials.password ?? ''), retry: false });
    const own = await new ManagedObject(device, { name: 'Raspi', c8y_IsDevice: {} }).create();
    expect((await devices.get(own.id ?? '')).owner).toBe(`device_${externalId}`);
    await devices.delete(own, { withDeviceUser: true });
    const locked = await new ManagedObject(device, { name: 'again', c8y_IsDevice: {} }).create().catch((error: unknown) => error);
    expect(isCumulocityError(locked, 'UnauthorizedError')).toBe(true);
  });

  it('many at once; update to ACCEPTED with a model object; delete a request', async () => {
    const created = await devices.requests.request([{ id: 'd1', type: 'c8y_Pump' }, 'd2', 'd3'], { workers: 3 });
    expect(created.map((request) => [request.id, request.type])).toEqual([
      ['d1', 'c8y_Pump'],
      ['d2', undefined],
      ['d3', undefined],
    ]);
    await askForCredentials('d2');
    const pending = await devices.requests.get('d2');
    pending.status = 'ACCEPTED';
    expect((await devices.requests.update(pending)).status).toBe('ACCEPTED');

    await devices.requests.delete(['d1', 'd3']);
    expect(await devices.requests.getAll({}, { asValues: 'id' })).toEqual(['d2']);
    const gone = await devices.requests.get('d1').catch((error: unknown) => error);
    expect(isCumulocityError(gone, 'NotFoundError')).toBe(true);
  });
});
