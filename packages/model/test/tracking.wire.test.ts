import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { Liters, Percent } from '@c8y/units';
import { Device, DeviceGroup, ManagedObject, Measurement } from '../src/index.js';
import { api, expectInvalidAsync, mt, testClient, useNock } from './helpers.js';

useNock();
afterEach(() => {
  jest.useRealTimers();
});
const c8y = testClient();
const MO = mt('managedobject');
const json = { 'Content-Type': MO };

describe('create sends the full JSON and returns the created object', () => {
  it('POST /inventory/managedObjects with the managedobject media type (seed example)', async () => {
    api()
      .post('/inventory/managedObjects', { name: 'MyObject', type: 'my_CustomType' })
      .matchHeader('accept', MO)
      .matchHeader('content-type', MO)
      .reply(201, { id: '42', name: 'MyObject', type: 'my_CustomType', creationTime: '2025-01-01T00:00:00.000Z', self: `x` }, json);
    const template = new ManagedObject(c8y, { name: 'MyObject', type: 'my_CustomType' });
    const obj = await template.create();
    expect(obj).toBeInstanceOf(ManagedObject);
    expect(obj).not.toBe(template);
    expect(obj.id).toBe('42');
    expect(obj.creationTime).toBe('2025-01-01T00:00:00.000Z');
    expect(obj.hasChanges()).toBe(false);
    expect(template.id).toBeUndefined();
  });

  it('leaves out read-only fields of a loaded object used as a template', async () => {
    const loaded = ManagedObject.fromJSON(c8y, {
      id: '1', self: 's', creationTime: 't', lastUpdated: 'u', owner: 'me', name: 'n',
      childDevices: { references: [] }, assetParents: { references: [] }, c8y_F: { a: 1 },
    });
    api().post('/inventory/managedObjects', { owner: 'me', name: 'n', c8y_F: { a: 1 } }).reply(201, { id: '2' }, json);
    expect((await loaded.create()).id).toBe('2');
  });

  it('Device and DeviceGroup add their marker fragments', async () => {
    api().post('/inventory/managedObjects', { name: 'Pump', c8y_IsDevice: {} }).reply(201, { id: '3', c8y_IsDevice: {} }, json);
    const device = await new Device(c8y, { name: 'Pump' }).create();
    expect(device).toBeInstanceOf(Device);
    expect(device.isDevice).toBe(true);
    api().post('/inventory/managedObjects', { name: 'Plant', c8y_IsDeviceGroup: {}, type: 'c8y_DeviceGroup' }).reply(201, { id: '4' }, json);
    await new DeviceGroup(c8y, { name: 'Plant' }).create();
    api().post('/inventory/managedObjects', { name: 'Hall', type: 'c8y_DeviceSubGroup', c8y_IsDeviceGroup: {} }).reply(201, { id: '5' }, json);
    await new DeviceGroup(c8y, { name: 'Hall', type: 'c8y_DeviceSubGroup' }).create();
  });

  it('fromJSON does not count the subclass defaults as changes', () => {
    const device = Device.fromJSON(c8y, { id: '3', name: 'x' });
    expect(device.hasChanges()).toBe(false);
    expect(device.has('c8y_IsDevice')).toBe(false);
  });

  it('units compose inside measurement fragments; time "now" is an ISO timestamp', async () => {
    let body: Record<string, unknown> = {};
    api()
      .post('/measurement/measurements', (sent: Record<string, unknown>) => {
        body = sent;
        return true;
      })
      .matchHeader('content-type', mt('measurement'))
      .matchHeader('accept', mt('measurement'))
      .reply(201, { id: '9' }, { 'Content-Type': mt('measurement') });
    // Only Date is faked: 'now' is read from it, the HTTP exchange runs on real timers.
    jest.useFakeTimers({
      now: new Date('2025-06-15T12:34:56.789Z'),
      doNotFake: ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'],
    });
    await new Measurement(c8y, {
      type: 'cx_LevelMeasurement', source: '123', time: 'now',
      cx_Levels: { oil: new Liters(8.4), gas: new Liters(223.18), h2o: new Liters(1.2), bat: new Percent(85) },
    }).create();
    expect(body).toEqual({
      type: 'cx_LevelMeasurement',
      source: { id: '123' },
      time: '2025-06-15T12:34:56.789Z',
      cx_Levels: {
        oil: { value: 8.4, unit: 'l' },
        gas: { value: 223.18, unit: 'l' },
        h2o: { value: 1.2, unit: 'l' },
        bat: { value: 85, unit: '%' },
      },
    });
  });
});

describe('update sends only what changed', () => {
  const server = { id: '42', name: 'old', type: 'T', lastUpdated: 'u1', c8y_F: { a: 1, b: 2, deep: { x: 1 } }, c8y_G: 5, c8y_List: [1, 2] };
  const load = () => ManagedObject.fromJSON(c8y, structuredClone(server));

  it('property and nested fragment edits (pyc8y verified body)', async () => {
    const obj = load();
    obj.name = 'new';
    obj.set('c8y_F.a', 10);
    obj.set('c8y_G', 6);
    obj.set('c8y_New', { x: 1 });
    api()
      .put('/inventory/managedObjects/42', { name: 'new', c8y_F: { a: 10, b: 2, deep: { x: 1 } }, c8y_G: 6, c8y_New: { x: 1 } })
      .matchHeader('accept', MO)
      .matchHeader('content-type', MO)
      .reply(200, { ...server, name: 'new', lastUpdated: 'u2' }, json);
    const same = await obj.update();
    expect(same).toBe(obj);
    expect(obj.lastUpdated).toBe('u2');
    expect(obj.hasChanges()).toBe(false);
  });

  it('a deeply nested edit sends its whole top-level fragment', async () => {
    const obj = load();
    obj.set('c8y_F.deep.y', 2);
    api().put('/inventory/managedObjects/42', { c8y_F: { a: 1, b: 2, deep: { x: 1, y: 2 } } }).reply(200, server, json);
    await obj.update();
  });

  it('removing a fragment sends null; removing a nested key sends the fragment without it', async () => {
    const obj = load();
    obj.unset('c8y_G');
    obj.unset('c8y_F.b');
    obj.type = undefined;
    api().put('/inventory/managedObjects/42', { c8y_G: null, c8y_F: { a: 1, deep: { x: 1 } }, type: null }).reply(200, server, json);
    await obj.update();
  });

  it('re-adding a removed fragment sends its new value (or nothing if it is back as it was)', async () => {
    const obj = load();
    obj.unset('c8y_G');
    obj.set('c8y_G', { now: 'object' });
    api().put('/inventory/managedObjects/42', { c8y_G: { now: 'object' } }).reply(200, server, json);
    await obj.update();

    const again = load();
    again.unset('c8y_F');
    again.set('c8y_F', { a: 1, b: 2, deep: { x: 1 } });
    expect(again.toUpdateJSON()).toEqual({});
  });

  it('arrays are replaced whole', async () => {
    const obj = load();
    (obj.get('c8y_List') as number[]).push(3);
    api().put('/inventory/managedObjects/42', { c8y_List: [1, 2, 3] }).reply(200, server, json);
    await obj.update();
  });

  it('after an update, the next update sends only newer changes', async () => {
    const obj = load();
    obj.name = 'n1';
    api().put('/inventory/managedObjects/42', { name: 'n1' }).reply(200, { ...server, name: 'n1' }, json);
    await obj.update();
    obj.set('c8y_G', 7);
    api().put('/inventory/managedObjects/42', { c8y_G: 7 }).reply(200, { ...server, name: 'n1', c8y_G: 7 }, json);
    await obj.update();
    expect(obj.toJSON()).toMatchObject({ name: 'n1', c8y_G: 7 });
  });

  it('an update without a reply body merges the sent changes into the server state', async () => {
    const obj = load();
    obj.unset('c8y_G');
    obj.name = 'quiet';
    api().put('/inventory/managedObjects/42', { c8y_G: null, name: 'quiet' }).reply(200);
    await obj.update();
    expect(obj.hasChanges()).toBe(false);
    expect(obj.has('c8y_G')).toBe(false);
    expect(obj.name).toBe('quiet');
  });

  it('nothing changed: no request', async () => {
    const obj = load();
    obj.set('c8y_G', 5);
    await obj.update();
  });

  it('ids are encoded in paths', async () => {
    const obj = ManagedObject.fromJSON(c8y, { id: 'a/b?c', name: 'x' });
    obj.name = 'y';
    api().put('/inventory/managedObjects/a%2Fb%3Fc', { name: 'y' }).reply(200, { id: 'a/b?c', name: 'y' }, json);
    await obj.update();
    const traversal = ManagedObject.fromJSON(c8y, { id: '..' });
    await expectInvalidAsync(() => traversal.reload(), 'id', /not a valid id/);
  });
});

describe('delete, reload, applyTo', () => {
  it('reload replaces the server state and drops local changes', async () => {
    const obj = ManagedObject.fromJSON(c8y, { id: '42', name: 'a' });
    obj.name = 'local';
    api().get('/inventory/managedObjects/42').matchHeader('accept', MO).reply(200, { id: '42', name: 'server' }, json);
    await obj.reload();
    expect(obj.name).toBe('server');
    expect(obj.hasChanges()).toBe(false);
  });

  it('delete with hierarchy options', async () => {
    const obj = ManagedObject.fromJSON(c8y, { id: '42' });
    api().delete('/inventory/managedObjects/42').reply(204);
    await obj.delete();
    api().delete('/inventory/managedObjects/42').query({ cascade: 'true', withDeviceUser: 'true' }).reply(204);
    await obj.delete({ cascade: true, withDeviceUser: true });
  });

  it('applyTo sends a new object\'s full JSON, or a loaded object\'s changes, to another id', async () => {
    api()
      .put('/inventory/managedObjects/123456', { my_AdditionalFragment: { essential: true } })
      .matchHeader('content-type', MO)
      .reply(200, { id: '123456', my_AdditionalFragment: { essential: true } }, json);
    const other = await new ManagedObject(c8y, { my_AdditionalFragment: { essential: true } }).applyTo('123456');
    expect(other.id).toBe('123456');

    const loaded = ManagedObject.fromJSON(c8y, { id: '1', name: 'x', c8y_F: 1 });
    loaded.set('c8y_F', 2);
    api().put('/inventory/managedObjects/9', { c8y_F: 2 }).reply(200, { id: '9', c8y_F: 2 }, json);
    await loaded.applyTo(9);
    expect(loaded.hasChanges()).toBe(true);
  });
});
