import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { findManagedObject, linkManagedObjects, seedManagedObjects, startEmulator, type Emulator } from '../src/index.js';
import { ADMIN, rawRequest } from './helpers.js';
import { api, DEVICE, INVENTORY_TENANTS, LIMITED, MO_TYPE, READER, type Json } from './inventory-helpers.js';

const ERROR_TYPE = 'application/vnd.com.nsn.cumulocity.error+json;charset=UTF-8;ver=0.9';

describe('inventory: managed objects CRUD', () => {
  let emu: Emulator;
  let c: ReturnType<typeof api>;
  beforeAll(async () => {
    emu = await startEmulator({ tenants: INVENTORY_TENANTS });
    c = api(emu);
  });
  beforeEach(() => emu.reset());
  afterAll(() => emu.stop());

  it('POST → 201 with Location, string id, absolute self, owner, timestamps; server fields in the body are ignored', async () => {
    emu.clock.set('2024-05-01T12:00:00.000Z');
    const res = await c.call('POST', '/inventory/managedObjects', {
      name: 'Dev 1',
      type: 'c8y_Sensor',
      c8y_IsDevice: {},
      id: '999',
      owner: 'someone',
      creationTime: '2000-01-01T00:00:00Z',
      self: 'x',
      dropped: null,
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toBe(MO_TYPE);
    const body = (await res.json()) as Json;
    expect(res.headers.get('location')).toBe(`${emu.url}/inventory/managedObjects/10000`);
    expect(body).toEqual({
      id: '10000',
      self: `${emu.url}/inventory/managedObjects/10000`,
      name: 'Dev 1',
      type: 'c8y_Sensor',
      c8y_IsDevice: {},
      owner: 'admin',
      creationTime: '2024-05-01T12:00:00.000Z',
      lastUpdated: '2024-05-01T12:00:00.000Z',
      childDevices: { self: `${emu.url}/inventory/managedObjects/10000/childDevices`, references: [] },
      childAssets: { self: `${emu.url}/inventory/managedObjects/10000/childAssets`, references: [] },
      childAdditions: { self: `${emu.url}/inventory/managedObjects/10000/childAdditions`, references: [] },
      deviceParents: { self: `${emu.url}/inventory/managedObjects/10000/deviceParents`, references: [] },
      assetParents: { self: `${emu.url}/inventory/managedObjects/10000/assetParents`, references: [] },
      additionParents: { self: `${emu.url}/inventory/managedObjects/10000/additionParents`, references: [] },
    });
  });

  it('POST without Accept → 201, Location, empty body', async () => {
    const res = await rawRequest(emu.url, {
      method: 'POST',
      path: '/inventory/managedObjects',
      headers: { Authorization: ADMIN, 'Content-Type': 'application/vnd.com.nsn.cumulocity.managedobject+json' },
      body: JSON.stringify({ name: 'x' }),
    });
    expect(res.status).toBe(201);
    expect(res.body).toBe('');
    expect(res.headers.location).toBe(`${emu.url}/inventory/managedObjects/10000`);
  });

  it('POST with a wrong vnd type → 415; malformed JSON → 400; a JSON array → 422', async () => {
    expect((await c.call('POST', '/inventory/managedObjects', '{}', { 'Content-Type': 'application/vnd.com.nsn.cumulocity.alarm+json' })).status).toBe(415);
    expect((await c.call('POST', '/inventory/managedObjects', '{"a":')).status).toBe(400);
    expect((await c.call('POST', '/inventory/managedObjects', '[1]')).status).toBe(422);
  });

  it('GET by id; unknown id → 404 inventory/Not Found', async () => {
    const id = await c.create({ name: 'A', c8y_Foo: { bar: 1 } });
    const mo = await c.get(`/inventory/managedObjects/${id}`);
    expect(mo).toMatchObject({ id, name: 'A', c8y_Foo: { bar: 1 }, self: `${emu.url}/inventory/managedObjects/${id}` });
    const res = await c.call('GET', '/inventory/managedObjects/424242');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe(ERROR_TYPE);
    expect(await res.json()).toMatchObject({ error: 'inventory/Not Found', message: 'Finding device data from database failed' });
  });

  it('PUT is a partial update: fragments replaced, null removes, server fields kept, lastUpdated bumps', async () => {
    emu.clock.set('2024-05-01T12:00:00.000Z');
    const id = await c.create({ name: 'A', type: 't1', keep: 1, drop: { x: 1 }, frag: { a: 1, b: 2 } });
    emu.clock.advance(60_000);
    const updated = await c.put(`/inventory/managedObjects/${id}`, { name: 'B', drop: null, frag: { c: 3 }, id: '1', creationTime: 'x', owner: 'newOwner' });
    expect(updated).toMatchObject({ id, name: 'B', type: 't1', keep: 1, frag: { c: 3 }, creationTime: '2024-05-01T12:00:00.000Z', lastUpdated: '2024-05-01T12:01:00.000Z', owner: 'newOwner' });
    expect(updated).not.toHaveProperty('drop');
    const again = await c.get(`/inventory/managedObjects/${id}`);
    expect(again).not.toHaveProperty('drop');
    expect(again.name).toBe('B');
  });

  it('PUT with only the id is a heartbeat: answers {id} and changes nothing else', async () => {
    emu.clock.set('2024-05-01T12:00:00.000Z');
    const id = await c.create({ name: 'A' });
    emu.clock.advance(1000);
    expect(await c.put(`/inventory/managedObjects/${id}`, { id })).toEqual({ id });
    expect((await c.get(`/inventory/managedObjects/${id}`)).lastUpdated).toBe('2024-05-01T12:00:00.000Z');
  });

  it('PUT / DELETE of an unknown id → 404', async () => {
    expect((await c.call('PUT', '/inventory/managedObjects/1', { name: 'x' })).status).toBe(404);
    expect((await c.call('DELETE', '/inventory/managedObjects/1')).status).toBe(404);
  });

  it('DELETE → 204, then 404; findManagedObject sees the change', async () => {
    const id = await c.create({ name: 'gone' });
    expect(findManagedObject({ tenant: emu.tenants.default }, id)?.name).toBe('gone');
    const res = await c.call('DELETE', `/inventory/managedObjects/${id}`);
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
    expect((await c.call('GET', `/inventory/managedObjects/${id}`)).status).toBe(404);
    expect(findManagedObject({ tenant: emu.tenants.default }, id)).toBeUndefined();
  });

  it('bulk POST (managedobjectcollection) creates all and answers the collection; > 50 → 422, nothing created', async () => {
    const res = await c.call('POST', '/inventory/managedObjects', { managedObjects: [{ name: 'a' }, { name: 'b' }] }, {
      'Content-Type': 'application/vnd.com.nsn.cumulocity.managedobjectcollection+json',
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toContain('managedobjectcollection');
    const body = (await res.json()) as { managedObjects: Json[] };
    expect(body.managedObjects.map((m) => [m.id, m.name])).toEqual([
      ['10000', 'a'],
      ['10001', 'b'],
    ]);
    const tooMany = { managedObjects: Array.from({ length: 51 }, (_, i) => ({ name: `n${i}` })) };
    expect((await c.call('POST', '/inventory/managedObjects', tooMany, { 'Content-Type': 'application/vnd.com.nsn.cumulocity.managedobjectcollection+json' })).status).toBe(422);
    expect((await c.list('/inventory/managedObjects?pageSize=100')).managedObjects).toHaveLength(2);
  });

  it('bulk PUT updates every listed object; an unknown id → 404 and nothing changes', async () => {
    const a = await c.create({ name: 'a' });
    const b = await c.create({ name: 'b' });
    const res = await c.put<{ managedObjects: Json[] }>('/inventory/managedObjects', { managedObjects: [{ id: a, x: 1 }, { id: b, x: 2 }] });
    expect(res.managedObjects.map((m) => m.x)).toEqual([1, 2]);
    expect((await c.call('PUT', '/inventory/managedObjects', { managedObjects: [{ id: a, x: 9 }, { id: '1', x: 9 }] })).status).toBe(404);
    expect((await c.get(`/inventory/managedObjects/${a}`)).x).toBe(1);
  });

  it('POST with externalIds binds them; a taken one → 409 and nothing is created', async () => {
    const id = await c.create({ name: 'd', externalIds: [{ type: 'c8y_Serial', externalId: 'S1' }] });
    expect(await c.get('/identity/externalIds/c8y_Serial/S1')).toMatchObject({ managedObject: { id } });
    expect((await c.get(`/inventory/managedObjects/${id}`)).externalIds).toBeUndefined();
    const dup = await c.call('POST', '/inventory/managedObjects', { name: 'e', externalIds: [{ type: 'c8y_Serial', externalId: 'S1' }] });
    expect(dup.status).toBe(409);
    expect((await c.list('/inventory/managedObjects')).managedObjects).toHaveLength(1);
  });

  it('tenants are separate', async () => {
    await c.create({ name: 'only in t100' });
    const other = api(emu, `Basic ${Buffer.from('t200/admin:other-pass').toString('base64')}`);
    expect((await other.list('/inventory/managedObjects')).managedObjects).toEqual([]);
  });

  it('GET /inventory lists the collection URIs', async () => {
    expect(await c.get('/inventory')).toMatchObject({ managedObjects: { self: `${emu.url}/inventory/managedObjects` } });
  });
});

describe('inventory: collection filters', () => {
  let emu: Emulator;
  let c: ReturnType<typeof api>;
  const id: Record<string, string> = {};
  beforeAll(async () => {
    emu = await startEmulator({ tenants: INVENTORY_TENANTS });
    c = api(emu);
    const ids = seedManagedObjects(emu, 't100', [
      { name: 'Group A', type: 'c8y_DeviceGroup', c8y_IsDeviceGroup: {} }, // g
      { name: 'Sensor one', type: 'c8y_Sensor', c8y_IsDevice: {}, owner: 'manga', externalIds: [{ type: 'c8y_Serial', externalId: 'ser-XYZ' }] }, // d1
      { name: 'Sensor two', type: 'c8y_Sensor', c8y_IsDevice: {}, c8y_Position: { lat: 1 } }, // d2
      { name: 'Agent', type: 'c8y_Agent', c8y_IsDevice: {}, com_cumulocity_model_Agent: {} }, // agent
      { name: 'abc/def-ghi', type: 'thing' }, // thing
      { name: 'Addition', type: 'c8y_Addition' }, // add
    ]);
    ['g', 'd1', 'd2', 'agent', 'thing', 'add'].forEach((k, i) => (id[k] = ids[i] ?? ''));
    linkManagedObjects(emu, 't100', 'childAssets', id.g ?? '', [id.d1 ?? '', id.thing ?? '']);
    linkManagedObjects(emu, 't100', 'childDevices', id.agent ?? '', [id.d2 ?? '']);
    linkManagedObjects(emu, 't100', 'childAdditions', id.d1 ?? '', [id.add ?? '']);
  });
  afterAll(() => emu.stop());

  const names = async (query: string): Promise<string[]> =>
    (await c.list(`/inventory/managedObjects?pageSize=100&${query}`)).managedObjects.map((m) => String(m.name));

  it.each([
    ['', ['Group A', 'Sensor one', 'Sensor two', 'Agent', 'abc/def-ghi', 'Addition']],
    ['type=c8y_Sensor', ['Sensor one', 'Sensor two']],
    ['type=nope', []],
    ['owner=manga', ['Sensor one']],
    ['fragmentType=c8y_IsDevice', ['Sensor one', 'Sensor two', 'Agent']],
    ['fragmentType=c8y_Position', ['Sensor two']],
    ['type=c8y_Sensor&fragmentType=c8y_Position', ['Sensor two']],
    ['text=sensor', ['Sensor one', 'Sensor two']], // case-insensitive token prefix
    ['text=two%20agent', ['Sensor two', 'Agent']], // any token
    ['text=ser-XYZ', ['Sensor one']], // external ids are searched; tokens ser / xyz
    ['text=%22abc%2Fdef-ghi%22', ['abc/def-ghi']], // quoted phrase
    ['text=manga', ['Sensor one']], // owner
    ['onlyRoots=true', ['Group A', 'Agent']],
    ['query=name%20eq%20%27Sensor*%27&type=c8y_Agent', ['Sensor one', 'Sensor two']], // type is ignored with query
    ['q=$filter=(name%20eq%20%27*n*%27)', ['Sensor one', 'Sensor two', 'Agent']], // q adds has(c8y_IsDevice)
    ['query=$orderby=name%20desc', ['abc/def-ghi', 'Sensor two', 'Sensor one', 'Group A', 'Agent', 'Addition']], // byte order
    ['q=$orderby=name', ['Agent', 'Sensor one', 'Sensor two']],
    ['type=c8y_Sensor&query=has(c8y_Position)', ['Sensor two']],
  ])('%s', async (query, expected) => {
    expect(await names(query)).toEqual(expected);
  });

  it('ids (comma list, unknown ids skipped, creation order)', async () => {
    expect(await names(`ids=${id.d2},${id.g},424242`)).toEqual(['Group A', 'Sensor two']);
  });

  it('childAssetId / childDeviceId / childAdditionId list the parents', async () => {
    expect(await names(`childAssetId=${id.d1}`)).toEqual(['Group A']);
    expect(await names(`childDeviceId=${id.d2}`)).toEqual(['Agent']);
    expect(await names(`childAdditionId=${id.add}`)).toEqual(['Sensor one']);
    expect(await names(`childAssetId=${id.d2}`)).toEqual([]);
  });

  it('query=bygroupid(…) lists the group members', async () => {
    expect(await names(`query=bygroupid(${id.g})`)).toEqual(['Sensor one', 'abc/def-ghi']);
  });

  it('collections omit children by default (withChildren=false) but show parents', async () => {
    const [group] = (await c.list(`/inventory/managedObjects?ids=${id.g}`)).managedObjects;
    expect(group).not.toHaveProperty('childAssets');
    const [d1] = (await c.list(`/inventory/managedObjects?ids=${id.d1}`)).managedObjects;
    expect(d1?.assetParents).toEqual({
      self: `${emu.url}/inventory/managedObjects/${id.d1}/assetParents`,
      references: [{ managedObject: { id: id.g, name: 'Group A', self: `${emu.url}/inventory/managedObjects/${id.g}` }, self: `${emu.url}/inventory/managedObjects/${id.g}` }],
    });
  });

  it('withChildren, withChildrenCount and skipChildrenNames', async () => {
    const [g] = (await c.list(`/inventory/managedObjects?ids=${id.g}&withChildren=true`)).managedObjects;
    expect(g?.childAssets).toEqual({
      self: `${emu.url}/inventory/managedObjects/${id.g}/childAssets`,
      references: [
        { managedObject: { id: id.d1, name: 'Sensor one', self: `${emu.url}/inventory/managedObjects/${id.d1}` }, self: `${emu.url}/inventory/managedObjects/${id.g}/childAssets/${id.d1}` },
        { managedObject: { id: id.thing, name: 'abc/def-ghi', self: `${emu.url}/inventory/managedObjects/${id.thing}` }, self: `${emu.url}/inventory/managedObjects/${id.g}/childAssets/${id.thing}` },
      ],
    });
    const [counted] = (await c.list(`/inventory/managedObjects?ids=${id.g}&withChildrenCount=true`)).managedObjects;
    expect(counted?.childAssets).toEqual({ self: `${emu.url}/inventory/managedObjects/${id.g}/childAssets`, count: 2 });
    expect(counted?.childDevices).toEqual({ self: `${emu.url}/inventory/managedObjects/${id.g}/childDevices`, count: 0 });
    const single = await c.get(`/inventory/managedObjects/${id.g}?skipChildrenNames=true`);
    expect((single.childAssets as { references: Array<{ managedObject: Json }> }).references.map((r) => r.managedObject)).toEqual([
      { id: id.d1, self: `${emu.url}/inventory/managedObjects/${id.d1}` },
      { id: id.thing, self: `${emu.url}/inventory/managedObjects/${id.thing}` },
    ]);
    expect(await c.get(`/inventory/managedObjects/${id.g}?withChildren=false`)).not.toHaveProperty('childAssets');
  });

  it('withParents lists all ancestors', async () => {
    const sub = await c.create({ name: 'sub', c8y_IsDeviceGroup: {} });
    const leaf = await c.create({ name: 'leaf' });
    await c.post(`/inventory/managedObjects/${id.g}/childAssets`, { managedObject: { id: sub } });
    await c.post(`/inventory/managedObjects/${sub}/childAssets`, { managedObject: { id: leaf } });
    const parentIds = async (q: string): Promise<unknown[]> =>
      ((await c.get(`/inventory/managedObjects/${leaf}${q}`)).assetParents as { references: Array<{ managedObject: Json }> }).references.map((r) => r.managedObject.id);
    expect(await parentIds('')).toEqual([sub]);
    expect(await parentIds('?withParents=true')).toEqual([sub, id.g]);
    await c.call('DELETE', `/inventory/managedObjects/${leaf}`);
    await c.call('DELETE', `/inventory/managedObjects/${sub}`);
  });

  it('/inventory/managedObjects/count applies the same filters', async () => {
    expect(await c.get('/inventory/managedObjects/count?type=c8y_Sensor')).toBe(2);
    expect(await c.get('/inventory/managedObjects/count?fragmentType=c8y_IsDevice')).toBe(3);
    expect(await c.get('/inventory/managedObjects/count')).toBe(6);
  });

  it('paging with filters: next links keep the filter; totals count matches only', async () => {
    const first = await c.list('/inventory/managedObjects?fragmentType=c8y_IsDevice&pageSize=2&withTotalElements=true&withTotalPages=true');
    expect(first.managedObjects.map((m) => m.name)).toEqual(['Sensor one', 'Sensor two']);
    expect(first.statistics).toEqual({ currentPage: 1, pageSize: 2, totalElements: 3, totalPages: 2 });
    expect(first.next).toBe(`${emu.url}/inventory/managedObjects?fragmentType=c8y_IsDevice&pageSize=2&withTotalElements=true&withTotalPages=true&currentPage=2`);
    const second = await c.list(first.next ?? '');
    expect(second.managedObjects.map((m) => m.name)).toEqual(['Agent']);
    expect(second.next).toBeUndefined();
    expect(second.prev).toContain('currentPage=1');
    const beyond = await c.list('/inventory/managedObjects?fragmentType=c8y_IsDevice&pageSize=2&currentPage=9');
    expect(beyond.managedObjects).toEqual([]);
    const exact = await c.list('/inventory/managedObjects?type=c8y_Sensor&pageSize=2');
    expect(exact.next).toBeDefined(); // full page: next present, the next page is empty
    expect((await c.list(exact.next ?? '')).managedObjects).toEqual([]);
  });

  it('paging sees objects created between pages (results are not stale)', async () => {
    const page1 = await c.list('/inventory/managedObjects?type=late&pageSize=1');
    expect(page1.managedObjects).toEqual([]);
    const a = await c.create({ name: 'late1', type: 'late' });
    const b = await c.create({ name: 'late2', type: 'late' });
    expect(await c.ids('/inventory/managedObjects?type=late&pageSize=1&currentPage=2')).toEqual([b]);
    await c.put(`/inventory/managedObjects/${a}`, { type: 'other' });
    expect(await c.ids('/inventory/managedObjects?type=late')).toEqual([b]);
    expect(await c.ids('/inventory/managedObjects?type=other')).toEqual([a]);
    await c.call('DELETE', `/inventory/managedObjects/${a}`);
    await c.call('DELETE', `/inventory/managedObjects/${b}`);
    expect(await c.ids('/inventory/managedObjects?type=late')).toEqual([]);
  });
});

describe('inventory: query language over HTTP', () => {
  let emu: Emulator;
  let c: ReturnType<typeof api>;
  beforeAll(async () => {
    emu = await startEmulator({ tenants: INVENTORY_TENANTS });
    c = api(emu);
    seedManagedObjects(emu, 't100', [
      { name: 'Dev001', type: 'meter', num: 1, c8y_IsDevice: {}, tags: ['red', 'blue'], c8y_Position: { lng: 10.5 } }, // 10000
      { name: 'dev002', type: 'meter', num: 20, c8y_IsDevice: {}, customers: [{ id: '123' }] }, // 10001
      { name: "it's here", type: 'box', num: 300, deep: { a: { b: 'x' } } }, // 10002
      { name: 'Controller 1', type: 'c8y_Firmware', creationTime: '2020-01-01T00:00:00.000Z' }, // 10003
    ]);
  });
  afterAll(() => emu.stop());

  const query = async (q: string, param = 'query'): Promise<string[]> =>
    c.ids(`/inventory/managedObjects?pageSize=100&${param}=${encodeURIComponent(q)}`);

  it.each([
    ["name eq 'Dev001'", ['10000']],
    ["$filter=name eq 'dev*'", ['10000', '10001']],
    ["$filter=(name eq '*0*') $orderby=name desc", ['10001', '10000']],
    ["name eq 'it''s here'", ['10002']],
    ["name ne 'Dev001' and type eq 'meter'", ['10001']],
    ['num gt 1 and num le 300', ['10001', '10002']],
    ['c8y_Position.lng gt 10 and c8y_Position.lng lt 10.6d', ['10000']],
    ["tags eq 'blue'", ['10000']],
    ["customers.id eq '123'", ['10001']],
    ["deep.a.b eq 'x'", ['10002']],
    ["not has(c8y_IsDevice) and not(type eq 'box')", ['10003']],
    ["creationTime.date lt '2021-01-01T00:00:00Z'", ['10003']],
    ['$orderby=num desc', ['10002', '10001', '10000', '10003']],
    ["_id gt '10001' $orderby=_id asc", ['10002', '10003']],
    ['$orderby=type, name', ['10002', '10003', '10000', '10001']],
  ])('query=%s', async (q, expected) => {
    expect(await query(q)).toEqual(expected);
  });

  it('q= adds has(c8y_IsDevice)', async () => {
    expect(await query("type eq 'meter' or type eq 'box'", 'q')).toEqual(['10000', '10001']);
  });

  it.each(["name eq 'x", 'name eq', '(((', "name like 'x'", 'has(a,b)', '$orderby=', "name eq 'x' garbage"])(
    'garbage %s → 422 with the platform message',
    async (q) => {
      const res = await c.call('GET', `/inventory/managedObjects?query=${encodeURIComponent(q)}`);
      expect(res.status).toBe(422);
      expect(await res.json()).toMatchObject({ error: 'inventory/Invalid Data', message: 'Find by filter query failed : Query could not be understood.' });
    },
  );

  it('a garbage q → 422 as well; children query → 422', async () => {
    expect((await c.call('GET', '/inventory/managedObjects?q=%28')).status).toBe(422);
    expect((await c.call('GET', '/inventory/managedObjects/10000/childDevices?query=%28')).status).toBe(422);
  });
});

describe('inventory: visibility', () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator({ tenants: INVENTORY_TENANTS });
  });
  beforeEach(() => emu.reset());
  afterAll(() => emu.stop());

  it('a device user owns what it creates and sees only its own objects', async () => {
    const admin = api(emu);
    const device = api(emu, DEVICE);
    const foreign = await admin.create({ name: 'admin thing', c8y_IsDevice: {} });
    const own = await device.create({ name: 'my device', c8y_IsDevice: {} });
    expect((await device.get(`/inventory/managedObjects/${own}`)).owner).toBe('device_abc');
    expect(await device.ids('/inventory/managedObjects?pageSize=100')).toEqual([own]);
    expect(await device.ids('/inventory/managedObjects?fragmentType=c8y_IsDevice')).toEqual([own]);
    expect(await device.get('/inventory/managedObjects/count')).toBe(1);
    expect((await device.call('GET', `/inventory/managedObjects/${foreign}`)).status).toBe(403);
    expect((await device.call('PUT', `/inventory/managedObjects/${foreign}`, { a: 1 })).status).toBe(403);
    expect((await device.call('DELETE', `/inventory/managedObjects/${foreign}`)).status).toBe(403);
    expect((await device.put(`/inventory/managedObjects/${own}`, { a: 1 })).a).toBe(1);
    expect(await admin.ids('/inventory/managedObjects?pageSize=100')).toEqual([foreign, own]);
  });

  it('restricted paging: a user with only own objects reaches each exactly once via next links; totals are null', async () => {
    const limited = api(emu, LIMITED);
    seedManagedObjects(emu, 't100', Array.from({ length: 23 }, (_, i) => ({ name: `o${i}`, owner: i % 3 === 0 ? 'limited' : 'admin' })));
    const owned = (await api(emu).ids('/inventory/managedObjects?pageSize=100&owner=limited')).sort();
    expect(owned).toHaveLength(8);
    const { ids, pages } = await limited.walk('/inventory/managedObjects?pageSize=4&withTotalElements=true');
    expect([...ids].sort()).toEqual(owned);
    expect(new Set(ids).size).toBe(ids.length);
    // Short pages while more data exists, statistics.currentPage is the next scan position, no totals.
    expect(pages.some((p) => p.managedObjects.length < 4 && p.next !== undefined)).toBe(true);
    for (const p of pages) expect(p.statistics.totalElements).toBeNull();
    expect(pages[0]?.statistics.currentPage).toBe(5);
    expect(pages.at(-1)?.next).toBeUndefined();
    // The user can neither read objects it does not own by id.
    const foreign = (await api(emu).ids('/inventory/managedObjects?owner=admin&pageSize=1'))[0];
    expect((await limited.call('GET', `/inventory/managedObjects/${foreign}`)).status).toBe(403);
  });

  it('restricted paging with a global read role: everything, once, in order', async () => {
    const all = seedManagedObjects(emu, 't100', Array.from({ length: 11 }, (_, i) => ({ name: `o${i}` })));
    const { ids, pages } = await api(emu, READER).walk('/inventory/managedObjects?pageSize=3');
    expect(ids).toEqual(all);
    expect(pages[1]?.statistics).toEqual({ currentPage: 7, pageSize: 3, totalPages: null, totalElements: null });
  });
});

describe('inventory: delete cascade', () => {
  let emu: Emulator;
  let c: ReturnType<typeof api>;
  beforeAll(async () => {
    emu = await startEmulator({ tenants: INVENTORY_TENANTS });
    c = api(emu);
  });
  beforeEach(() => emu.reset());
  afterAll(() => emu.stop());

  const exists = async (id: string): Promise<boolean> => (await c.call('GET', `/inventory/managedObjects/${id}`)).status === 200;

  async function tree(): Promise<Record<string, string>> {
    const g = await c.create({ name: 'g', c8y_IsDeviceGroup: {} });
    const sub = await c.create({ name: 'sub', c8y_IsDeviceGroup: {} });
    const dev = await c.create({ name: 'dev', c8y_IsDevice: {}, externalIds: [{ type: 't', externalId: 'dev' }] });
    const child = await c.create({ name: 'child', c8y_IsDevice: {} });
    const asset = await c.create({ name: 'asset' });
    await c.post(`/inventory/managedObjects/${g}/childAssets`, { references: [{ managedObject: { id: sub } }, { managedObject: { id: asset } }] });
    await c.post(`/inventory/managedObjects/${sub}/childAssets`, { managedObject: { id: dev } });
    await c.post(`/inventory/managedObjects/${dev}/childDevices`, { managedObject: { id: child } });
    return { g, sub, dev, child, asset };
  }

  it('deleting a group removes its subgroups but keeps devices and assets', async () => {
    const t = await tree();
    expect((await c.call('DELETE', `/inventory/managedObjects/${t.g}`)).status).toBe(204);
    expect([await exists(t.g ?? ''), await exists(t.sub ?? ''), await exists(t.dev ?? ''), await exists(t.child ?? ''), await exists(t.asset ?? '')]).toEqual([
      false,
      false,
      true,
      true,
      true,
    ]);
    expect(((await c.get(`/inventory/managedObjects/${t.dev}`)).assetParents as { references: unknown[] }).references).toEqual([]);
  });

  it('cascade=true on a group deletes the whole hierarchy and the external ids', async () => {
    const t = await tree();
    expect((await c.call('DELETE', `/inventory/managedObjects/${t.g}?cascade=true`)).status).toBe(204);
    for (const id of Object.values(t)) expect(await exists(id)).toBe(false);
    expect((await c.call('GET', '/identity/externalIds/t/dev')).status).toBe(404);
  });

  it('cascade on a device deletes its child devices; without cascade they stay, unlinked', async () => {
    const t = await tree();
    await c.call('DELETE', `/inventory/managedObjects/${t.dev}`);
    expect(await exists(t.child ?? '')).toBe(true);
    const dev2 = await c.create({ name: 'dev2', c8y_IsDevice: {} });
    await c.post(`/inventory/managedObjects/${dev2}/childDevices`, { managedObject: { id: t.child } });
    await c.call('DELETE', `/inventory/managedObjects/${dev2}?cascade=true`);
    expect(await exists(t.child ?? '')).toBe(false);
    expect(await exists(t.asset ?? '')).toBe(true);
  });

  it('cascade on a plain object is ignored; forceCascade deletes the hierarchy regardless of type', async () => {
    const parent = await c.create({ name: 'plain' });
    const kid = await c.create({ name: 'kid' });
    await c.post(`/inventory/managedObjects/${parent}/childAdditions`, { managedObject: { id: kid } });
    const other = await c.create({ name: 'plain2' });
    const kid2 = await c.create({ name: 'kid2' });
    await c.post(`/inventory/managedObjects/${other}/childAdditions`, { managedObject: { id: kid2 } });
    await c.call('DELETE', `/inventory/managedObjects/${parent}?cascade=true`);
    expect(await exists(kid)).toBe(true);
    await c.call('DELETE', `/inventory/managedObjects/${other}?forceCascade=true`);
    expect(await exists(kid2)).toBe(false);
  });

  it('withDeviceUser=true deletes the owning device user', async () => {
    const device = api(emu, DEVICE);
    const id = await device.create({ name: 'mine', c8y_IsDevice: {} });
    await c.call('DELETE', `/inventory/managedObjects/${id}?withDeviceUser=true`);
    expect(emu.tenants.default.findUser('device_abc')).toBeUndefined();
    expect((await device.call('GET', '/inventory/managedObjects')).status).toBe(401);
  });
});

describe('inventory: availability and supported measurements', () => {
  let emu: Emulator;
  let c: ReturnType<typeof api>;
  beforeAll(async () => {
    emu = await startEmulator({ tenants: INVENTORY_TENANTS });
    c = api(emu);
  });
  afterAll(() => emu.stop());

  it('unmonitored → 404 without body; monitored → AVAILABLE after a heartbeat, UNAVAILABLE after the interval', async () => {
    emu.clock.set('2024-05-01T12:00:00.000Z');
    const plain = await c.create({ name: 'p', c8y_IsDevice: {} });
    const res = await c.call('GET', `/inventory/managedObjects/${plain}/availability`);
    expect(res.status).toBe(404);
    expect(await res.text()).toBe('');
    expect((await c.call('GET', '/inventory/managedObjects/1/availability')).status).toBe(404);

    const id = await c.create({ name: 'm', c8y_IsDevice: {}, c8y_RequiredAvailability: { responseInterval: 10 } });
    expect(await c.get(`/inventory/managedObjects/${id}/availability`)).toEqual({ deviceId: id, interval: 10, dataStatus: 'UNAVAILABLE', connectionStatus: 'DISCONNECTED' });
    await c.put(`/inventory/managedObjects/${id}`, { id });
    expect(await c.get(`/inventory/managedObjects/${id}/availability`)).toMatchObject({ lastMessage: '2024-05-01T12:00:00.000Z', dataStatus: 'AVAILABLE' });
    emu.clock.advance(11 * 60_000);
    expect(await c.get(`/inventory/managedObjects/${id}/availability`)).toMatchObject({ dataStatus: 'UNAVAILABLE' });
  });

  it('supportedMeasurements / supportedSeries from the object fragments; 404 for unknown objects', async () => {
    const id = await c.create({ name: 's', c8y_SupportedMeasurements: ['c8y_Temperature'], c8y_SupportedSeries: ['c8y_Temperature.T'] });
    expect(await c.get(`/inventory/managedObjects/${id}/supportedMeasurements`)).toEqual({ c8y_SupportedMeasurements: ['c8y_Temperature'] });
    expect(await c.get(`/inventory/managedObjects/${id}/supportedSeries`)).toEqual({ c8y_SupportedSeries: ['c8y_Temperature.T'] });
    const bare = await c.create({ name: 'bare' });
    expect(await c.get(`/inventory/managedObjects/${bare}/supportedSeries`)).toEqual({ c8y_SupportedSeries: [] });
    expect((await c.call('GET', '/inventory/managedObjects/1/supportedMeasurements')).status).toBe(404);
  });
});

