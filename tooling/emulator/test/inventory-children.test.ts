import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { startEmulator, type Emulator } from '../src/index.js';
import { ADMIN, rawRequest } from './helpers.js';
import { api, DEVICE, INVENTORY_TENANTS, type Json } from './inventory-helpers.js';

interface RefPage {
  self: string;
  next?: string;
  references: Array<{ managedObject: { id: string; name?: string; self: string }; self: string }>;
  statistics: { currentPage: number; pageSize: number; totalElements?: number };
}

const REF = 'application/vnd.com.nsn.cumulocity.managedobjectreference+json';
const REFS = 'application/vnd.com.nsn.cumulocity.managedobjectreferencecollection+json';
const MO = 'application/vnd.com.nsn.cumulocity.managedobject+json';

describe.each(['childDevices', 'childAssets', 'childAdditions'] as const)('inventory children: %s', (kind) => {
  let emu: Emulator;
  let c: ReturnType<typeof api>;
  let parent: string;
  const parentsKey = { childDevices: 'deviceParents', childAssets: 'assetParents', childAdditions: 'additionParents' }[kind];
  beforeAll(async () => {
    emu = await startEmulator({ tenants: INVENTORY_TENANTS });
    c = api(emu);
  });
  beforeEach(async () => {
    emu.reset();
    parent = await c.create({ name: 'parent', c8y_IsDeviceGroup: {} });
  });
  afterAll(() => emu.stop());

  const refs = async (query = ''): Promise<RefPage> => c.get<RefPage>(`/inventory/managedObjects/${parent}/${kind}${query}`);
  const childIds = async (query = ''): Promise<string[]> => (await refs(query)).references.map((r) => r.managedObject.id);

  it('POST one reference (vnd.managedobjectreference) → 201 reference; listed with name and absolute links', async () => {
    const child = await c.create({ name: 'kid' });
    const res = await c.call('POST', `/inventory/managedObjects/${parent}/${kind}`, { managedObject: { id: child } }, { 'Content-Type': REF });
    expect(res.status).toBe(201);
    const ref = {
      managedObject: { id: child, name: 'kid', self: `${emu.url}/inventory/managedObjects/${child}` },
      self: `${emu.url}/inventory/managedObjects/${parent}/${kind}/${child}`,
    };
    expect(await res.json()).toEqual(ref);
    expect(res.headers.get('location')).toBe(ref.self);
    const page = await refs();
    expect(page.references).toEqual([ref]);
    expect(page.self).toBe(`${emu.url}/inventory/managedObjects/${parent}/${kind}?pageSize=5&currentPage=1`);
    // parent shows the child, child shows the parent
    const p = await c.get(`/inventory/managedObjects/${parent}`);
    expect((p[kind] as { references: unknown[] }).references).toEqual([ref]);
    const k = await c.get(`/inventory/managedObjects/${child}`);
    expect((k[parentsKey] as { references: Array<{ managedObject: Json }> }).references.map((r) => r.managedObject.id)).toEqual([parent]);
  });

  it('POST without Accept answers 201 with an empty body; adding twice keeps one reference', async () => {
    const child = await c.create({ name: 'kid' });
    for (let i = 0; i < 2; i++) {
      const res = await rawRequest(emu.url, {
        method: 'POST',
        path: `/inventory/managedObjects/${parent}/${kind}`,
        headers: { Authorization: ADMIN, 'Content-Type': REF },
        body: JSON.stringify({ managedObject: { id: child } }),
      });
      expect(res.status).toBe(201);
      expect(res.body).toBe('');
    }
    expect(await childIds()).toEqual([child]);
  });

  it('accepts the legacy {managedObject: {self}} form', async () => {
    const child = await c.create({ name: 'kid' });
    await c.post(`/inventory/managedObjects/${parent}/${kind}`, { managedObject: { self: `${emu.url}/inventory/managedObjects/${child}` } }, { 'Content-Type': REF });
    expect(await childIds()).toEqual([child]);
  });

  it('POST many (vnd.managedobjectreferencecollection); an unknown child → 404 and nothing is added', async () => {
    const ids = [await c.create({ name: 'a' }), await c.create({ name: 'b' }), await c.create({ name: 'c' })];
    const bad = await c.call('POST', `/inventory/managedObjects/${parent}/${kind}`, { references: [{ managedObject: { id: ids[0] } }, { managedObject: { id: '1' } }] }, { 'Content-Type': REFS });
    expect(bad.status).toBe(404);
    expect(await childIds()).toEqual([]);
    const res = await c.post<{ references: unknown[] }>(`/inventory/managedObjects/${parent}/${kind}`, { references: ids.map((id) => ({ managedObject: { id } })) }, { 'Content-Type': REFS });
    expect(res.references).toHaveLength(3);
    expect(await childIds()).toEqual(ids);
  });

  it('POST a new managed object (vnd.managedobject) creates and attaches it', async () => {
    const res = await c.post<{ managedObject: Json }>(`/inventory/managedObjects/${parent}/${kind}`, { name: 'fresh', c8y_Thing: {} }, { 'Content-Type': MO });
    const id = String(res.managedObject.id);
    expect(await c.get(`/inventory/managedObjects/${id}`)).toMatchObject({ name: 'fresh', c8y_Thing: {}, owner: 'admin' });
    expect(await childIds()).toEqual([id]);
  });

  it('GET/DELETE one child; 422 when it is not a child; 404 for unknown ids', async () => {
    const child = await c.create({ name: 'kid' });
    const stranger = await c.create({ name: 'stranger' });
    await c.post(`/inventory/managedObjects/${parent}/${kind}`, { managedObject: { id: child } });
    expect(await c.get(`/inventory/managedObjects/${parent}/${kind}/${child}`)).toMatchObject({ managedObject: { id: child, name: 'kid' } });
    const notChild = await c.call('GET', `/inventory/managedObjects/${parent}/${kind}/${stranger}`);
    expect(notChild.status).toBe(422);
    expect(await notChild.json()).toMatchObject({ error: 'inventory/Invalid Data', message: `managedObject ${stranger} is not a child of ${parent}` });
    expect((await c.call('DELETE', `/inventory/managedObjects/${parent}/${kind}/${stranger}`)).status).toBe(422);
    expect((await c.call('GET', `/inventory/managedObjects/1/${kind}`)).status).toBe(404);
    expect((await c.call('GET', `/inventory/managedObjects/${parent}/${kind}/1`)).status).toBe(404);
    expect((await c.call('DELETE', `/inventory/managedObjects/${parent}/${kind}/${child}`)).status).toBe(204);
    expect(await childIds()).toEqual([]);
    // the child itself still exists and no longer lists the parent
    const k = await c.get(`/inventory/managedObjects/${child}`);
    expect((k[parentsKey] as { references: unknown[] }).references).toEqual([]);
  });

  it('DELETE with a references body removes several; a non-child in the list → 422, nothing removed', async () => {
    const ids = [await c.create({ name: 'a' }), await c.create({ name: 'b' }), await c.create({ name: 'c' })];
    await c.post(`/inventory/managedObjects/${parent}/${kind}`, { references: ids.map((id) => ({ managedObject: { id } })) });
    const stranger = await c.create({ name: 'x' });
    const body = (list: string[]): string => JSON.stringify({ references: list.map((id) => ({ managedObject: { id } })) });
    expect((await c.call('DELETE', `/inventory/managedObjects/${parent}/${kind}`, body([ids[0] ?? '', stranger]), { 'Content-Type': REFS })).status).toBe(422);
    expect(await childIds()).toEqual(ids);
    expect((await c.call('DELETE', `/inventory/managedObjects/${parent}/${kind}`, body([ids[0] ?? '', ids[2] ?? '']), { 'Content-Type': REFS })).status).toBe(204);
    expect(await childIds()).toEqual([ids[1]]);
  });

  it('pages and filters children with query', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push(await c.create({ name: `kid${i}`, n: i }));
    await c.post(`/inventory/managedObjects/${parent}/${kind}`, { references: ids.map((id) => ({ managedObject: { id } })) });
    const first = await refs('?pageSize=3&withTotalElements=true');
    expect(first.references.map((r) => r.managedObject.id)).toEqual(ids.slice(0, 3));
    expect(first.statistics.totalElements).toBe(7);
    expect(first.next).toBe(`${emu.url}/inventory/managedObjects/${parent}/${kind}?pageSize=3&withTotalElements=true&currentPage=2`);
    expect(await childIds('?pageSize=3&currentPage=3')).toEqual(ids.slice(6));
    expect(await childIds(`?query=${encodeURIComponent('n ge 5 $orderby=n desc')}`)).toEqual([ids[6], ids[5]]);
  });

  it('deleting the child removes the reference', async () => {
    const child = await c.create({ name: 'kid' });
    await c.post(`/inventory/managedObjects/${parent}/${kind}`, { managedObject: { id: child } });
    await c.call('DELETE', `/inventory/managedObjects/${child}`);
    expect(await childIds()).toEqual([]);
  });
});

describe('inventory children: permissions', () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator({ tenants: INVENTORY_TENANTS });
  });
  afterAll(() => emu.stop());

  it('a device user may attach children to its own device but not to foreign objects', async () => {
    const admin = api(emu);
    const device = api(emu, DEVICE);
    const foreign = await admin.create({ name: 'foreign' });
    const own = await device.create({ name: 'own', c8y_IsDevice: {} });
    const kid = await device.create({ name: 'kid' });
    expect((await device.call('POST', `/inventory/managedObjects/${foreign}/childDevices`, { managedObject: { id: kid } })).status).toBe(403);
    expect((await device.call('POST', `/inventory/managedObjects/${own}/childDevices`, { managedObject: { id: kid } })).status).toBe(201);
    expect((await device.call('GET', `/inventory/managedObjects/${foreign}/childDevices`)).status).toBe(403);
  });
});
