import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startEmulator, type Emulator } from '@c8y/emulator';
import { BasicAuth, CumulocityRestClient, createObjects, deleteObjects, isCumulocityError, updateObjects } from '@c8y/rest-core';
import { Liters, Percent } from '@c8y/units';
import { Alarm, Binary, Device, DeviceGroup, Event, ExternalId, ManagedObject, Measurement, Resources, type JsonObject } from '../src/index.js';

// Round trips over real HTTP against the emulator: what create/update send must be what
// the server stores, and what reload reads back must be what the object holds.
let emu: Emulator;
let c8y: CumulocityRestClient;

beforeAll(async () => {
  emu = await startEmulator({ seed: 1 });
  c8y = new CumulocityRestClient({ baseUrl: emu.url, auth: new BasicAuth('t100/admin', 'admin-pass') });
});
afterAll(() => emu.stop());

const raw = (path: string) => c8y.get<Record<string, unknown>>(path);

describe('ManagedObject', () => {
  it('create → reload → update (diff) → delete', async () => {
    const created = await new ManagedObject(c8y, { name: 'Pump 1', type: 'c8y_Pump', 'c8y_Config.limits.max': 10, c8y_Notes: { a: 1 } }).create();
    expect(created.id).toMatch(/^\d+$/);
    expect(created.creationTime).toEqual(expect.any(String));

    created.type = 'c8y_BigPump';
    created.set('c8y_Config.limits.max', 20);
    created.unset('c8y_Notes');
    await created.update();

    const stored = await raw(`/inventory/managedObjects/${created.id}`);
    expect(stored).toMatchObject({ name: 'Pump 1', type: 'c8y_BigPump', c8y_Config: { limits: { max: 20 } } });
    expect(stored).not.toHaveProperty('c8y_Notes');

    await new ManagedObject(c8y, { c8y_Applied: { by: 'template' } }).applyTo(created.id as string);
    expect(await raw(`/inventory/managedObjects/${created.id}`)).toMatchObject({ type: 'c8y_BigPump', c8y_Applied: { by: 'template' } });

    const again = await created.reload();
    expect(again.get('c8y_Config.limits.max')).toBe(20);
    expect(again.hasChanges()).toBe(false);

    await created.delete();
    const gone = await raw(`/inventory/managedObjects/${created.id}`).catch((error: unknown) => error);
    expect(isCumulocityError(gone, 'NotFoundError')).toBe(true);
  });

  it('assigns and unassigns child devices and assets', async () => {
    const group = await new DeviceGroup(c8y, { name: 'Plant' }).create();
    const device = await new Device(c8y, { name: 'Sensor', type: 'c8y_Sensor' }).create();
    await group.assignChildAsset(device);
    const assets = await c8y.get<{ references: Array<{ managedObject: { id: string } }> }>(`/inventory/managedObjects/${group.id}/childAssets`);
    expect(assets.references.map((reference) => reference.managedObject.id)).toEqual([device.id]);
    await group.unassignChildAsset(device);
    const after = await c8y.get<{ references: unknown[] }>(`/inventory/managedObjects/${group.id}/childAssets`);
    expect(after.references).toEqual([]);
  });
});

describe('ExternalId', () => {
  it('create → reload → delete', async () => {
    const device = await new Device(c8y, { name: 'Serial device' }).create();
    const externalId = await new ExternalId(c8y, { type: 'c8y_Serial', externalId: 'SN-0001', managedObject: { id: device.id } }).create();
    const looked = await raw('/identity/externalIds/c8y_Serial/SN-0001');
    expect(looked).toMatchObject({ externalId: 'SN-0001', type: 'c8y_Serial', managedObject: { id: device.id } });
    await externalId.reload();
    await externalId.delete();
    const gone = await raw('/identity/externalIds/c8y_Serial/SN-0001').catch((error: unknown) => error);
    expect(isCumulocityError(gone, 'NotFoundError')).toBe(true);
  });
});

describe('Binary', () => {
  it('upload → read back → replace → delete', async () => {
    const binary = await new Binary(c8y, { name: 'hello.txt', type: 'text/plain' }).create('Hello, wörld');
    expect(await binary.readText()).toBe('Hello, wörld');
    await binary.replaceContent('Bye', { contentType: 'text/plain' });
    expect(await binary.readText()).toBe('Bye');
    await binary.delete();
    const gone = await c8y.downloadBytes(`/inventory/binaries/${binary.id}`).catch((error: unknown) => error);
    expect(isCumulocityError(gone, 'NotFoundError')).toBe(true);
  });
});

describe('Measurement, Event, Alarm', () => {
  it('measurement with units: create → reload → delete', async () => {
    const device = await new Device(c8y, { name: 'Tank' }).create();
    const measurement = await new Measurement(c8y, {
      type: 'cx_LevelMeasurement',
      source: device.id as string,
      time: 'now',
      cx_Levels: { oil: new Liters(8.4), bat: new Percent(85) },
    }).create();
    const stored = await raw(`/measurement/measurements/${measurement.id}`);
    expect(stored).toMatchObject({ cx_Levels: { oil: { value: 8.4, unit: 'l' }, bat: { value: 85, unit: '%' } }, source: { id: device.id } });
    await measurement.reload();
    await measurement.delete();
  });

  it('event: create → update text → attachment → delete', async () => {
    const device = await new Device(c8y, { name: 'Door' }).create();
    const event = await new Event(c8y, { type: 'c8y_DoorOpened', text: 'Door opened', source: device.id as string, time: 'now' }).create();
    event.text = 'Door opened (north)';
    await event.update();
    expect(await raw(`/event/events/${event.id}`)).toMatchObject({ text: 'Door opened (north)' });
    await event.attach('log line', { filename: 'log.txt', contentType: 'text/plain' });
    expect(new TextDecoder().decode((await event.readAttachment()).bytes)).toBe('log line');
    await event.delete();
  });

  it('alarm: create → acknowledge → clear', async () => {
    const device = await new Device(c8y, { name: 'Boiler' }).create();
    const alarm = await new Alarm(c8y, { type: 'c8y_Overheat', text: 'Too hot', severity: 'MAJOR', source: device.id as string, time: 'now' }).create();
    expect(alarm.status).toBe('ACTIVE');
    await alarm.acknowledge();
    expect(await raw(`/alarm/alarms/${alarm.id}`)).toMatchObject({ status: 'ACKNOWLEDGED' });
    await alarm.clear();
    expect(await raw(`/alarm/alarms/${alarm.id}`)).toMatchObject({ status: 'CLEARED' });
  });
});

describe('model objects through the generic object operations of @c8y/rest-core', () => {
  it('createObjects sends toCreateJSON(), updateObjects only the changes, deleteObjects takes the objects', async () => {
    const pumps = [0, 1, 2].map((index) => new ManagedObject(c8y, { name: `bulk-${index}`, type: 'c8y_BulkPump', c8y_Config: { level: index } }));
    const replies = await createObjects<JsonObject>(c8y, Resources.managedObject, pumps, { workers: 3 });
    const created = replies.map((json) => ManagedObject.fromJSON(c8y, json));
    expect(created.map((pump) => pump.name)).toEqual(['bulk-0', 'bulk-1', 'bulk-2']);

    // Someone else renames them meanwhile: sending only the changes must keep their names.
    for (const pump of created) await c8y.put(`/inventory/managedObjects/${pump.id}`, { name: `renamed-${pump.name}` });
    for (const pump of created) pump.set('c8y_Config.level', 10);
    emu.requests.clear();
    await updateObjects(c8y, Resources.managedObject, created, { workers: 3 });
    expect(emu.requests.filter((request) => request.method === 'PUT')).toHaveLength(3);
    expect(await raw(`/inventory/managedObjects/${created[2]?.id}`)).toMatchObject({ name: 'renamed-bulk-2', c8y_Config: { level: 10 } });

    await deleteObjects(c8y, Resources.managedObject, created, { workers: 3 });
    const gone = await raw(`/inventory/managedObjects/${created[0]?.id}`).catch((error: unknown) => error);
    expect(isCumulocityError(gone, 'NotFoundError')).toBe(true);
  });

  it('an invalid model object stops the whole call before any request', async () => {
    emu.requests.clear();
    const error = await createObjects(c8y, Resources.event, [new Event(c8y, { type: 't', text: 'ok', source: '1', time: 'now' }), new Event(c8y, { text: 'no type' })]).catch(
      (caught: unknown) => caught,
    );
    expect(isCumulocityError(error, 'InvalidInputError')).toBe(true);
    expect(emu.requests.length).toBe(0);
  });
});
