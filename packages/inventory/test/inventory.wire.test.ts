import { describe, expect, it } from '@jest/globals';
import { Binary, Device, DeviceGroup, ManagedObject } from '@c8y/model';
import { odata } from '@c8y/rest-core';
import nock from 'nock';
import { Binaries, DeviceGroupInventory, DeviceInventory, Inventory } from '../src/index.js';
import { BASE, expectInvalid, mt, recordingClient, sent, testClient, useNock } from './helpers.js';

// The exact requests the inventory contexts send (paths, query strings, headers, bodies) and what they make of the replies.

useNock();
const inventory = () => new Inventory(testClient());
const devices = () => new DeviceInventory(testClient());
const groups = () => new DeviceGroupInventory(testClient());
const binaries = () => new Binaries(testClient());
const now = new Date('2025-06-15T12:00:00.000Z');
const page = (key: string, items: object[], pageSize: number, currentPage = 1) => ({ [key]: items, statistics: { pageSize, currentPage } });
const mo = (id: string, extra: object = {}) => ({ id, name: `object ${id}`, ...extra });
const ref = (id: string) => ({ managedObject: mo(id) });

describe('Inventory: reading', () => {
  it('getAll: filters become REST parameters and one query; items are ManagedObjects', async () => {
    nock(BASE, { reqheaders: { accept: mt('managedobjectcollection') } })
      .get('/inventory/managedObjects')
      .query({
        query: "$filter=(name eq 'Pump*' and type eq 'c8y_Pump' and bygroupid(12) and creationTime.date ge '2025-01-01T00:00:00.000Z' and c8y_Availability.status eq 'AVAILABLE') $orderby=name desc",
        withParents: 'true',
        ids: '1,2',
        pageSize: '1000',
        currentPage: '1',
      })
      .reply(200, page('managedObjects', [mo('1'), mo('2')], 1000));
    const found = await inventory().getAll(
      { name: 'Pump*', createdFrom: '2025-01-01', availability: 'AVAILABLE', type: 'c8y_Pump', group: '12', orderBy: 'name desc', withParents: true, ids: ['1', { id: '2' }] },
      { now },
    );
    expect(found.map((item) => [item instanceof ManagedObject, item.id])).toEqual([
      [true, '1'],
      [true, '2'],
    ]);
  });

  it('select with asValues gives tuples; count uses withTotalPages', async () => {
    nock(BASE)
      .get('/inventory/managedObjects')
      .query({ type: 'x', pageSize: '2', currentPage: '1' })
      .reply(200, page('managedObjects', [mo('1'), mo('2')], 2))
      .get('/inventory/managedObjects')
      .query({ type: 'x', pageSize: '2', currentPage: '2' })
      .reply(200, page('managedObjects', [], 2, 2))
      .get('/inventory/managedObjects')
      .query({ query: "$filter=(c8y_Availability.lastMessage le '2025-06-15T00:00:00.000Z')", pageSize: '1', withTotalPages: 'true' })
      .reply(200, { managedObjects: [mo('1')], statistics: { pageSize: 1, currentPage: 1, totalPages: 7 } });
    const rows: unknown[] = [];
    for await (const row of inventory().select({ type: 'x' }, { pageSize: 2, asValues: ['id', 'name'] })) rows.push(row);
    expect(rows).toEqual([
      ['1', 'object 1'],
      ['2', 'object 2'],
    ]);
    await expect(inventory().count({ lastMessageTo: 'today' }, { now })).resolves.toBe(7);
  });

  it('get: the id path-encoded, the flags as query parameters', async () => {
    nock(BASE, { reqheaders: { accept: mt('managedobject') } })
      .get('/inventory/managedObjects/a%2Fb')
      .query({ withParents: 'true', withChildren: 'false', withLatestValues: 'true' })
      .reply(200, mo('a/b'));
    const found = await inventory().get('a/b', { withParents: true, withChildren: false, withLatestValues: true });
    expect(found).toBeInstanceOf(ManagedObject);
    expect(found.id).toBe('a/b');
  });

  it('refuses before any request: bad flags, undocumented filters, a convenience next to a query string', async () => {
    await expectInvalid(inventory().get('1', { withParents: 'yes' } as never), 'withParents', /true or false/);
    await expectInvalid(inventory().get('1', { withParents: true, params: { withParents: false } }), 'params.withParents', /give it once/);
    await expectInvalid(inventory().getAll({ source: '1' } as never), 'source', /not a parameter of GET \/inventory\/managedObjects/);
    await expectInvalid(inventory().getAll({ query: "name eq 'x'", createdTo: 'now' }), 'createdTo', /query string/);
    await expectInvalid(inventory().count({ availability: 'UP' as never }), 'availability', /AVAILABLE/);
  });
});

describe('Inventory: writing', () => {
  it('create, update (items), delete with the documented flags', async () => {
    nock(BASE, { reqheaders: { 'content-type': mt('managedobject'), accept: mt('managedobject') } })
      .post('/inventory/managedObjects', { name: 'Pump', type: 'c8y_Pump' })
      .reply(201, mo('5', { type: 'c8y_Pump' }))
      .put('/inventory/managedObjects/5', { name: 'Pump 2' })
      .reply(200, mo('5', { name: 'Pump 2' }));
    nock(BASE).delete('/inventory/managedObjects/5').query({ cascade: 'true', withDeviceUser: 'true' }).reply(204).delete('/inventory/managedObjects/6').reply(204).delete('/inventory/managedObjects/7').reply(204);
    const created = await inventory().create({ name: 'Pump', type: 'c8y_Pump' });
    expect(created.id).toBe('5');
    expect((await inventory().update({ id: '5', name: 'Pump 2' })).name).toBe('Pump 2');
    await inventory().delete('5', { cascade: true, withDeviceUser: true });
    await inventory().delete(['6', { id: '7' }], { workers: 2 });
  });

  it("update(change, ids): the seed's bulk update, one change to many objects; applyTo is the same", async () => {
    nock(BASE)
      .put('/inventory/managedObjects/123456', { my_Fragment: { essential: true } })
      .reply(200, mo('123456'))
      .put('/inventory/managedObjects/1238957', { my_Fragment: { essential: true } })
      .reply(200, mo('1238957'))
      .put('/inventory/managedObjects/42', { my_Fragment: { essential: true } })
      .reply(200, mo('42'))
      .put('/inventory/managedObjects/43', { x: 1 })
      .reply(200, mo('43'));
    const changed = await inventory().update({ my_Fragment: { essential: true } }, ['123456', '1238957'], { workers: 2 });
    expect(changed.map((item) => item.id)).toEqual(['123456', '1238957']);
    expect((await inventory().update({ my_Fragment: { essential: true } }, { id: '42' })).id).toBe('42');
    expect((await inventory().applyTo({ x: 1 }, '43')).id).toBe('43');
  });
});

describe('Inventory: children', () => {
  it('getChildren reads the reference collection; type folded into the query', async () => {
    nock(BASE, { reqheaders: { accept: mt('managedobjectreferencecollection') } })
      .get('/inventory/managedObjects/9/childDevices')
      .query({ query: "$filter=(type eq 'c8y_Sensor')", withChildren: 'false', pageSize: '1000', currentPage: '1' })
      .reply(200, page('references', [ref('10'), ref('11')], 1000));
    const children = await inventory().getChildren({ id: '9' }, 'childDevices', { type: 'c8y_Sensor', withChildren: false });
    expect(children.map((child) => [child instanceof ManagedObject, child.id])).toEqual([
      [true, '10'],
      [true, '11'],
    ]);
  });

  it('selectChildren with asValues', async () => {
    nock(BASE).get('/inventory/managedObjects/9/childAdditions').query({ pageSize: '1000', currentPage: '1' }).reply(200, page('references', [ref('12')], 1000));
    const rows: unknown[] = [];
    for await (const row of inventory().selectChildren('9', 'childAdditions', undefined, { asValues: 'name' })) rows.push(row);
    expect(rows).toEqual(['object 12']);
  });

  it('assign: one child as a reference, many as one reference collection', async () => {
    nock(BASE, { reqheaders: { 'content-type': mt('managedobjectreference') } })
      .post('/inventory/managedObjects/9/childAssets', { managedObject: { id: '10' } })
      .reply(201, { managedObject: mo('10') });
    nock(BASE, { reqheaders: { 'content-type': mt('managedobjectreferencecollection') } })
      .post('/inventory/managedObjects/9/childDevices', { references: [{ managedObject: { id: '10' } }, { managedObject: { id: '11' } }] })
      .reply(201);
    await inventory().assignChildren('9', 'childAssets', { id: '10' });
    await inventory().assignChildren('9', 'childDevices', ['10', 11]);
    await expectInvalid(inventory().assignChildren('9', 'childDevices', []), 'children', /empty list/);
    await expectInvalid(inventory().assignChildren('9', 'parents' as never, '1'), 'kind', /childDevices/);
  });

  it('unassign: one child by path (encoded), many with a reference collection body', async () => {
    nock(BASE).delete('/inventory/managedObjects/9/childAssets/a%2Fb').reply(204);
    nock(BASE, { reqheaders: { 'content-type': mt('managedobjectreferencecollection') } })
      .delete('/inventory/managedObjects/9/childAdditions', { references: [{ managedObject: { id: '1' } }, { managedObject: { id: '2' } }] })
      .reply(204);
    await inventory().unassignChildren('9', 'childAssets', 'a/b');
    await inventory().unassignChildren('9', 'childAdditions', ['1', '2']);
  });

  it('createChild: POST the object to the child collection, then GET it', async () => {
    nock(BASE, { reqheaders: { 'content-type': mt('managedobject') } })
      .post('/inventory/managedObjects/9/childDevices', { name: 'Sensor', c8y_IsDevice: {} })
      .reply(201, { managedObject: { id: '20', name: 'Sensor' } });
    nock(BASE).get('/inventory/managedObjects/20').reply(200, mo('20', { name: 'Sensor', c8y_IsDevice: {} }));
    const child = await inventory().createChild('9', 'childDevices', { name: 'Sensor', c8y_IsDevice: {} });
    expect([child.id, child.isDevice]).toEqual(['20', true]);
  });

  it('supported measurements and series, latest availability', async () => {
    nock(BASE)
      .get('/inventory/managedObjects/9/supportedMeasurements')
      .reply(200, { c8y_SupportedMeasurements: ['c8y_T'] })
      .get('/inventory/managedObjects/9/supportedSeries')
      .reply(200, { c8y_SupportedSeries: ['c8y_T.T'] })
      .get('/inventory/managedObjects/9/availability')
      .reply(200, { deviceId: '9', dataStatus: 'AVAILABLE', connectionStatus: 'CONNECTED' });
    await expect(inventory().getSupportedMeasurements('9')).resolves.toEqual(['c8y_T']);
    await expect(inventory().getSupportedSeries({ id: '9' })).resolves.toEqual(['c8y_T.T']);
    const availability = await inventory().getLatestAvailability('9');
    expect([availability.deviceId, availability.dataStatus]).toEqual(['9', 'AVAILABLE']);
  });
});

describe('DeviceInventory', () => {
  it('every listing and count carries c8y_IsDevice, also with no filters and for raw strings', async () => {
    nock(BASE)
      .get('/inventory/managedObjects')
      .query({ fragmentType: 'c8y_IsDevice', pageSize: '1000', currentPage: '1' })
      .reply(200, page('managedObjects', [mo('1', { c8y_IsDevice: {} })], 1000))
      .get('/inventory/managedObjects')
      .query({ fragmentType: 'c8y_IsDevice', type: 'x', pageSize: '1000', currentPage: '1' })
      .reply(200, page('managedObjects', [], 1000))
      .get('/inventory/managedObjects')
      .query({ q: "$filter=(has(c8y_IsDevice) and name eq 'P*' and c8y_Availability.status eq 'UNAVAILABLE')", pageSize: '1000', currentPage: '1' })
      .reply(200, page('managedObjects', [], 1000))
      .get('/inventory/managedObjects')
      .query({ q: "name eq 'x'", pageSize: '1000', currentPage: '1' })
      .reply(200, page('managedObjects', [], 1000))
      .get('/inventory/managedObjects')
      .query({ fragmentType: 'c8y_IsDevice', pageSize: '1', withTotalPages: 'true' })
      .reply(200, { managedObjects: [], statistics: { pageSize: 1, currentPage: 1, totalPages: 3 } });
    const all = await devices().getAll();
    expect(all[0]).toBeInstanceOf(Device);
    await devices().getAll('type=x');
    await devices().getAll({ name: 'P*', availability: 'UNAVAILABLE' });
    await devices().getAll({ query: "name eq 'x'" });
    await expect(devices().count()).resolves.toBe(3);
  });

  it('create adds c8y_IsDevice; get is a Device; delete with withDeviceUser; update(change, ids)', async () => {
    nock(BASE)
      .post('/inventory/managedObjects', { name: 'Pump', c8y_IsDevice: {} })
      .reply(201, mo('5', { c8y_IsDevice: {} }))
      .get('/inventory/managedObjects/5')
      .query({ withChildren: 'false' })
      .reply(200, mo('5', { c8y_IsDevice: {} }))
      .delete('/inventory/managedObjects/5')
      .query({ withDeviceUser: 'true' })
      .reply(204)
      .put('/inventory/managedObjects/5', { c8y_Notes: 'x' })
      .reply(200, mo('5'));
    expect(await devices().create({ name: 'Pump' })).toBeInstanceOf(Device);
    expect(await devices().get('5', { withChildren: false })).toBeInstanceOf(Device);
    expect((await devices().update({ c8y_Notes: 'x' }, ['5']))[0]).toBeInstanceOf(Device);
    await devices().delete('5', { withDeviceUser: true });
  });
});

describe('DeviceGroupInventory', () => {
  it('listings carry c8y_IsDeviceGroup; getSubGroups lists the groups of a parent', async () => {
    nock(BASE)
      .get('/inventory/managedObjects')
      .query({ fragmentType: 'c8y_IsDeviceGroup', pageSize: '1000', currentPage: '1' })
      .reply(200, page('managedObjects', [mo('1', { c8y_IsDeviceGroup: {} })], 1000))
      .get('/inventory/managedObjects')
      .query({ query: "$filter=(has(c8y_IsDeviceGroup) and name eq 'H*' and bygroupid(1))", pageSize: '1000', currentPage: '1' })
      .reply(200, page('managedObjects', [mo('2', { c8y_IsDeviceGroup: {} })], 1000));
    const all = await groups().getAll();
    expect(all[0]).toBeInstanceOf(DeviceGroup);
    const subGroups = await groups().getSubGroups({ id: '1' }, { name: 'H*' });
    expect(subGroups.map((group) => group.id)).toEqual(['2']);
  });

  it('create, createSubGroup inside a group, assign/unassign children (child assets), delete with and without cascade', async () => {
    nock(BASE)
      .post('/inventory/managedObjects', { name: 'Plant', c8y_IsDeviceGroup: {}, type: 'c8y_DeviceGroup' })
      .reply(201, mo('1', { c8y_IsDeviceGroup: {}, type: 'c8y_DeviceGroup' }))
      .post('/inventory/managedObjects/1/childAssets', { type: 'c8y_DeviceSubGroup', name: 'Hall', c8y_IsDeviceGroup: {} })
      .reply(201, { managedObject: { id: '2' } })
      .get('/inventory/managedObjects/2')
      .reply(200, mo('2', { c8y_IsDeviceGroup: {}, type: 'c8y_DeviceSubGroup' }))
      .post('/inventory/managedObjects/2/childAssets', { references: [{ managedObject: { id: '7' } }, { managedObject: { id: '8' } }] })
      .reply(201)
      .delete('/inventory/managedObjects/2/childAssets', { references: [{ managedObject: { id: '7' } }, { managedObject: { id: '8' } }] })
      .reply(204)
      .post('/inventory/managedObjects/2/childAssets', { managedObject: { id: '7' } })
      .reply(201, { managedObject: { id: '7' } })
      .delete('/inventory/managedObjects/2/childAssets/7')
      .reply(204)
      .delete('/inventory/managedObjects/2')
      .reply(204)
      .delete('/inventory/managedObjects/1')
      .query({ cascade: 'true' })
      .reply(204);
    const plant = await groups().create({ name: 'Plant' });
    const hall = await groups().createSubGroup(plant, { name: 'Hall' });
    expect([hall instanceof DeviceGroup, hall.type]).toEqual([true, 'c8y_DeviceSubGroup']);
    await groups().assignChildren(hall, ['7', '8']);
    await groups().unassignChildren(hall, ['7', '8']);
    await groups().assignChildren(hall, '7');
    await groups().unassignChildren(hall, '7');
    await groups().delete(hall);
    await groups().delete(plant, { cascade: true });
  });
});

describe('Binaries', () => {
  it('getAll and count with the documented filters; get reads the metadata from the inventory', async () => {
    nock(BASE)
      .get('/inventory/binaries')
      .query({ type: 'text/csv', childAssetId: '9', pageSize: '1000', currentPage: '1' })
      .reply(200, page('managedObjects', [mo('1', { c8y_IsBinary: {}, type: 'text/csv' })], 1000))
      .get('/inventory/binaries')
      .query({ owner: 'admin', pageSize: '1', withTotalPages: 'true' })
      .reply(200, { managedObjects: [], statistics: { pageSize: 1, currentPage: 1, totalPages: 4 } })
      .get('/inventory/managedObjects/1')
      .reply(200, mo('1', { c8y_IsBinary: {}, length: 3 }));
    const files = await binaries().getAll({ type: 'text/csv', childAssetId: { id: '9' } });
    expect(files[0]).toBeInstanceOf(Binary);
    await expect(binaries().count({ owner: 'admin' })).resolves.toBe(4);
    expect((await binaries().get('1')).length).toBe(3);
    await expectInvalid(binaries().getAll({ text: 'x' } as never), 'text', /not a parameter of GET \/inventory\/binaries/);
  });

  it('upload: multipart object + file, from bytes and from a stream', async () => {
    const bodies: string[] = [];
    nock(BASE, { reqheaders: { accept: mt('managedobject') } })
      .post('/inventory/binaries', (body: string) => {
        bodies.push(body);
        return true;
      })
      .times(2)
      .reply(201, mo('3', { c8y_IsBinary: {}, type: 'text/csv' }));
    const uploaded = await binaries().upload(new TextEncoder().encode('a,b\n'), { name: 'data.csv', type: 'text/csv' });
    expect(uploaded).toBeInstanceOf(Binary);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('chunk1-'));
        controller.enqueue(new TextEncoder().encode('chunk2'));
        controller.close();
      },
    });
    await binaries().upload(stream, { name: 'stream.bin' });
    expect(bodies[0]).toMatch(/name="object"[\s\S]*"type":"text\/csv","name":"data\.csv"[\s\S]*name="file"; filename="data\.csv"[\s\S]*a,b/);
    expect(bodies[1]).toMatch(/"type":"application\/octet-stream"[\s\S]*chunk1-chunk2/);
    await expectInvalid(binaries().upload('x', { name: '' }), 'file.name', /needs a name/);
  });

  it('download (stream and bytes), replace, delete (one or many)', async () => {
    nock(BASE)
      .get('/inventory/binaries/a%2Fb')
      .times(2)
      .reply(200, 'hello', { 'content-type': 'text/plain', 'content-disposition': 'attachment; filename="hello.txt"' })
      .put('/inventory/binaries/3', 'v2')
      .matchHeader('content-type', /^text\/csv/)
      .reply(201, mo('3', { c8y_IsBinary: {}, length: 2 }))
      .delete('/inventory/binaries/3')
      .reply(204)
      .delete('/inventory/binaries/4')
      .reply(204)
      .delete('/inventory/binaries/5')
      .reply(204);
    const download = await binaries().download('a/b');
    expect(await new Response(download.body).text()).toBe('hello');
    const { bytes, filename } = await binaries().downloadBytes({ id: 'a/b' });
    expect([new TextDecoder().decode(bytes), filename]).toEqual(['hello', 'hello.txt']);
    const replaced = await binaries().replace('3', 'v2', { type: 'text/csv' });
    expect([replaced instanceof Binary, replaced.length]).toEqual([true, 2]);
    await binaries().delete('3');
    await binaries().delete(['4', '5'], { workers: 2 });
  });
});

describe('the wire byte for byte: query strings in the order sent before the query specs declared the conveniences', () => {
  const U = `${BASE}/inventory/managedObjects`;
  /** A query value as the client encodes it (`encodeURIComponent`, and `'` as `%27`). */
  const q = (text: string) => encodeURIComponent(text).replaceAll("'", '%27');
  const CREATED = "creationTime.date ge '2025-01-01T00:00:00.000Z'";
  const empty = (key: string) => ({ [key]: [], statistics: { pageSize: 1000, currentPage: 1, totalPages: 1 } });

  it('inventory listings: conditions after the other conditions, or after the conditions of the query value, at its place', async () => {
    nock(BASE).get('/inventory/managedObjects').query(true).times(9).reply(200, empty('managedObjects'));
    const api = new Inventory(recordingClient());
    await api.getAll({ withParents: true, createdFrom: '2025-01-01', type: 'x' }, { now });
    await api.getAll({ type: 'x', createdFrom: '2025-01-01', name: 'a' }, { now });
    await api.getAll({ createdFrom: '2025-01-01', withParents: true }, { now });
    await api.getAll({ query: odata.filter(odata.has('x')).orderBy('name'), type: 't', createdFrom: '2025-01-01' }, { now });
    await api.getAll({ query: odata.or(odata.eq('a', 1), odata.eq('a', 2)), availability: 'AVAILABLE' });
    await api.getAll({ query: odata.orderBy('name'), availability: 'AVAILABLE', withParents: true });
    await api.getAll({ query: undefined, name: 'x', createdFrom: '2025-01-01' }, { now });
    await api.getAll({ q: odata.eq('a', 1), createdFrom: '2025-01-01' } as never, { now });
    await api.getAll(
      { name: 'Pump*', createdFrom: '2025-01-01', availability: 'AVAILABLE', type: 'c8y_Pump', group: '12', orderBy: 'name desc', withParents: true, ids: ['1', { id: '2' }] },
      { now },
    );
    expect(sent).toEqual([
      `GET ${U}?withParents=true&query=${q(`$filter=(type eq 'x' and ${CREATED})`)}&pageSize=1000&currentPage=1`,
      `GET ${U}?query=${q(`$filter=(type eq 'x' and name eq 'a' and ${CREATED})`)}&pageSize=1000&currentPage=1`,
      `GET ${U}?withParents=true&query=${q(`$filter=(${CREATED})`)}&pageSize=1000&currentPage=1`,
      `GET ${U}?query=${q(`$filter=(has(x) and ${CREATED} and type eq 't') $orderby=name asc`)}&pageSize=1000&currentPage=1`,
      `GET ${U}?query=${q("$filter=((a eq 1 or a eq 2) and c8y_Availability.status eq 'AVAILABLE')")}&pageSize=1000&currentPage=1`,
      `GET ${U}?query=${q("$filter=(c8y_Availability.status eq 'AVAILABLE') $orderby=name asc")}&withParents=true&pageSize=1000&currentPage=1`,
      `GET ${U}?query=${q(`$filter=(${CREATED} and name eq 'x')`)}&pageSize=1000&currentPage=1`,
      `GET ${U}?q=${q(`$filter=(a eq 1 and ${CREATED})`)}&pageSize=1000&currentPage=1`,
      `GET ${U}?query=${q(`$filter=(name eq 'Pump*' and type eq 'c8y_Pump' and bygroupid(12) and ${CREATED} and c8y_Availability.status eq 'AVAILABLE') $orderby=name desc`)}&withParents=true&ids=1%2C2&pageSize=1000&currentPage=1`,
    ]);
  });

  it('devices and groups: the criterion first; raw key=value strings get it as fragmentType first', async () => {
    nock(BASE).get('/inventory/managedObjects').query(true).times(6).reply(200, empty('managedObjects'));
    const all = { createdFrom: '2025-01-01', createdTo: 'now', lastMessageFrom: new Date(Date.UTC(2025, 5, 1)), lastMessageTo: 'today', availability: 'UNAVAILABLE' } as const;
    await new DeviceInventory(recordingClient()).getAll(all, { now });
    await new DeviceInventory(recordingClient()).getAll({ query: odata.eq('a', 1), group: '5', availability: 'AVAILABLE' });
    await new DeviceInventory(recordingClient()).count({ createdFrom: '2025-01-01', withParents: true }, { now });
    await new DeviceInventory(recordingClient()).getAll('type=x');
    await new DeviceGroupInventory(recordingClient()).getAll({ type: 'x', createdFrom: '2025-01-01', name: 'a' }, { now });
    await new DeviceGroupInventory(recordingClient()).getSubGroups('1', { createdFrom: '2025-01-01', type: 'x' }, { now });
    const lastMessage = "c8y_Availability.lastMessage ge '2025-06-01T00:00:00.000Z' and c8y_Availability.lastMessage le '2025-06-15T00:00:00.000Z'";
    expect(sent).toEqual([
      `GET ${U}?q=${q(`$filter=(has(c8y_IsDevice) and ${CREATED} and creationTime.date le '2025-06-15T12:00:00.000Z' and ${lastMessage} and c8y_Availability.status eq 'UNAVAILABLE')`)}&pageSize=1000&currentPage=1`,
      `GET ${U}?q=${q("$filter=(has(c8y_IsDevice) and a eq 1 and c8y_Availability.status eq 'AVAILABLE' and bygroupid(5))")}&pageSize=1000&currentPage=1`,
      `GET ${U}?withParents=true&q=${q(`$filter=(has(c8y_IsDevice) and ${CREATED})`)}&pageSize=1&withTotalPages=true`,
      `GET ${U}?fragmentType=c8y_IsDevice&type=x&pageSize=1000&currentPage=1`,
      `GET ${U}?query=${q(`$filter=(has(c8y_IsDeviceGroup) and type eq 'x' and name eq 'a' and ${CREATED})`)}&pageSize=1000&currentPage=1`,
      `GET ${U}?query=${q(`$filter=(has(c8y_IsDeviceGroup) and type eq 'x' and bygroupid(1) and ${CREATED})`)}&pageSize=1000&currentPage=1`,
    ]);
  });

  it('children: type and owner join the query as conditions, in filter order', async () => {
    nock(BASE).get(/\/inventory\/managedObjects\/9\/child/).query(true).times(3).reply(200, empty('references'));
    const api = new Inventory(recordingClient());
    await api.getChildren('9', 'childAssets', { type: 'x', name: 'S*', withChildren: false });
    await api.getChildren('9', 'childAssets', { withChildrenCount: true, owner: 'o', type: 'x' });
    await api.getChildren('9', 'childDevices', { createdTo: 'now', availability: ['AVAILABLE', 'MAINTENANCE'] }, { now });
    expect(sent).toEqual([
      `GET ${U}/9/childAssets?query=${q("$filter=(name eq 'S*' and type eq 'x')")}&withChildren=false&pageSize=1000&currentPage=1`,
      `GET ${U}/9/childAssets?withChildrenCount=true&query=${q("$filter=(owner eq 'o' and type eq 'x')")}&pageSize=1000&currentPage=1`,
      `GET ${U}/9/childDevices?query=${q("$filter=(creationTime.date le '2025-06-15T12:00:00.000Z' and (c8y_Availability.status eq 'AVAILABLE' or c8y_Availability.status eq 'MAINTENANCE'))")}&pageSize=1000&currentPage=1`,
    ]);
  });

  it('get and delete: the flags in the order the API lists them, after the caller’s params', async () => {
    nock(BASE).get(/\/inventory\/managedObjects\/\d+/).query(true).times(3).reply(200, mo('1'));
    nock(BASE).delete(/\/inventory\/managedObjects\/\d+/).query(true).times(3).reply(204);
    await new Inventory(recordingClient()).get('1', { withLatestValues: true, withParents: true });
    await new DeviceInventory(recordingClient()).get('1', { withParents: true, params: { extra: 'y' } });
    await new DeviceGroupInventory(recordingClient()).get('1', { withChildren: true, params: new URLSearchParams('a=1&b=2') });
    await new DeviceInventory(recordingClient()).delete('5', { withDeviceUser: true, forceCascade: false, cascade: true });
    await new DeviceGroupInventory(recordingClient()).delete(['6', { id: '7' }], { workers: 1, cascade: true, params: { z: 1 } });
    expect(sent).toEqual([
      `GET ${U}/1?withParents=true&withLatestValues=true`,
      `GET ${U}/1?extra=y&withParents=true`,
      `GET ${U}/1?a=1&b=2&withChildren=true`,
      `DELETE ${U}/5?cascade=true&forceCascade=false&withDeviceUser=true`,
      `DELETE ${U}/6?z=1&cascade=true`,
      `DELETE ${U}/7?z=1&cascade=true`,
    ]);
  });

  it('plain changes of devices and groups carry no Device/DeviceGroup defaults (update items, update(change, ids), applyTo)', async () => {
    nock(BASE)
      .put('/inventory/managedObjects/5', { name: 'A', c8y_X: { y: 1 } })
      .reply(200, mo('5'))
      .put('/inventory/managedObjects/6', { type: 't', c8y_Z: null })
      .reply(200, mo('6'))
      .put('/inventory/managedObjects/7', { my_Fragment: { essential: true } })
      .reply(200, mo('7'))
      .put('/inventory/managedObjects/8', { x: 1, a: { b: 2 } })
      .reply(200, mo('8'));
    const updated = await devices().update([{ id: '5', name: 'A', 'c8y_X.y': 1 }, { id: '6', type: 't', c8y_Z: null }], { workers: 1 });
    expect(updated.map((device) => device instanceof Device)).toEqual([true, true]);
    expect((await groups().update({ my_Fragment: { essential: true } }, ['7']))[0]).toBeInstanceOf(DeviceGroup);
    expect(await groups().applyTo({ x: 1, 'a.b': 2 }, '8')).toBeInstanceOf(DeviceGroup);
  });

  it('a raw group query without has(c8y_IsDeviceGroup) is refused: sent next to fragmentType (as before) the platform would ignore the criterion', async () => {
    await expectInvalid(groups().getAll("$filter=name eq 'Hall*'"), 'query', /must contain has\(c8y_IsDeviceGroup\)/);
    nock(BASE).get('/inventory/managedObjects').query(true).reply(200, empty('managedObjects'));
    await new DeviceGroupInventory(recordingClient()).getAll("$filter=has(c8y_IsDeviceGroup) and name eq 'Hall*'");
    expect(sent).toEqual([`GET ${U}?query=${q("$filter=has(c8y_IsDeviceGroup) and name eq 'Hall*'")}&pageSize=1000&currentPage=1`]);
  });
});

describe('what the API does not offer is not there', () => {
  it('no delete/update by filter; binaries have no generic create or update', () => {
    const api = inventory() as unknown as Record<string, unknown>;
    expect([api['deleteBy'], api['updateBy'], api['getLast']]).toEqual([undefined, undefined, undefined]);
    const files = binaries() as unknown as Record<string, unknown>;
    expect([files['create'], files['update'], files['applyTo']]).toEqual([undefined, undefined, undefined]);
    expect(typeof odata.has).toBe('function');
  });
});
