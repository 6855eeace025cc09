import { beforeAll, describe, expect, it } from '@jest/globals';
import { ManagedObject } from '@c8y/model';
import { isCumulocityError } from '@c8y/rest-core';
import { Identity } from '../src/index.js';
import { useEmulator } from './helpers.js';

// Identity over real HTTP against the emulator: devices with external ids bound, looked up,
// listed and unbound — also while the server answers 429 and 503 at random.

const ctx = useEmulator({ seed: 13 });
let identity: Identity;

beforeAll(() => {
  identity = new Identity(ctx.client);
});

const device = async (name: string) => new ManagedObject(ctx.client, { name, c8y_IsDevice: {} }).create();
const errorOf = async (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

describe('identity against the emulator', () => {
  it('bind, look up as id and object, list, conflict, unbind', async () => {
    const pump = await device('pump');
    const other = await device('other');
    const serial = await identity.create('pump/0001 #a', 'c8y_Serial', pump);
    expect([serial.externalId, serial.type, serial.managedObjectId]).toEqual(['pump/0001 #a', 'c8y_Serial', pump.id]);
    await identity.create('00:11:22', 'c8y_Mac', pump.id ?? '');

    expect(await identity.getId('pump/0001 #a', 'c8y_Serial')).toBe(pump.id);
    const found = await identity.getObject('00:11:22', 'c8y_Mac');
    expect([found.id, found.name]).toEqual([pump.id, 'pump']);
    const pairs = await identity.getAll(pump, { asValues: ['type', 'externalId'] });
    expect([...pairs].sort()).toEqual([
      ['c8y_Mac', '00:11:22'],
      ['c8y_Serial', 'pump/0001 #a'],
    ]);
    expect(await identity.getAll(other)).toEqual([]);

    // the same id bound to another object: 409
    expect(isCumulocityError(await errorOf(identity.create('pump/0001 #a', 'c8y_Serial', other)), 'ConflictError')).toBe(true);

    await identity.delete('pump/0001 #a', 'c8y_Serial');
    expect(isCumulocityError(await errorOf(identity.get('pump/0001 #a', 'c8y_Serial')), 'NotFoundError')).toBe(true);
    expect(await identity.getAll(pump, { asValues: 'externalId' })).toEqual(['00:11:22']);
  });

  it('under injected 429s and 503s: every id bound once, found, listed and unbound', async () => {
    const devices = await Promise.all(Array.from({ length: 12 }, (_, index) => device(`d${index}`)));
    ctx.emu.faults.add({ kind: 'rateLimit', retryAfter: 0, method: 'POST', path: '^/identity/', probability: 0.3 });
    ctx.emu.faults.add({ kind: 'error', status: 503, method: 'GET', path: '^/(identity|inventory)/', probability: 0.3 });
    ctx.emu.faults.add({ kind: 'error', status: 503, method: 'DELETE', path: '^/identity/', probability: 0.3 });

    const serial = (index: number) => `SN-${String(index).padStart(4, '0')}`;
    await Promise.all(devices.map((mo, index) => identity.create(serial(index), 'cx_Serial', mo)));
    await Promise.all(devices.map((mo, index) => identity.create(`IMEI/${index}`, 'cx_Imei', mo)));

    const ids = await Promise.all(devices.map((_, index) => identity.getId(serial(index), 'cx_Serial')));
    expect(ids).toEqual(devices.map((mo) => mo.id));
    const names = await Promise.all(devices.map(async (_, index) => (await identity.getObject(`IMEI/${index}`, 'cx_Imei')).name));
    expect(names).toEqual(devices.map((_, index) => `d${index}`));

    await Promise.all(devices.filter((_, index) => index % 2 === 0).map((_, half) => identity.delete(serial(half * 2), 'cx_Serial')));
    const listed = await Promise.all(devices.map(async (mo) => [...(await identity.getAll(mo, { asValues: 'type' }))].sort()));
    expect(listed).toEqual(devices.map((_, index) => (index % 2 === 0 ? ['cx_Imei'] : ['cx_Imei', 'cx_Serial'])));

    const statuses = ctx.emu.requests.filter((request) => request.path.startsWith('/identity/')).map((request) => request.status);
    expect(statuses).toContain(429);
    expect(statuses).toContain(503);
  });
});
