import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { linkManagedObjects, seedManagedObjects, startEmulator, type Emulator } from '../src/index.js';
import { ADMIN, rawRequest } from './helpers.js';
import { api, INVENTORY_TENANTS, type Json, type MoPage } from './inventory-helpers.js';

// Collection pages join cached renderings of the objects: these tests pin that the cache never
// shows stale data and that the body is exactly what serialising fresh objects would give.
describe('inventory collections: cached renderings', () => {
  let emu: Emulator;
  let c: ReturnType<typeof api>;
  beforeAll(async () => {
    emu = await startEmulator({ tenants: INVENTORY_TENANTS });
    c = api(emu);
  });
  beforeEach(() => emu.reset());
  afterAll(() => emu.stop());

  const byId = (page: MoPage, id: string): Json | undefined => page.managedObjects.find((m) => m.id === id);

  it('items equal the single-object rendering; the body is compact JSON', async () => {
    const [a, b] = seedManagedObjects(emu, 't100', [{ name: 'a', type: 't', nested: { s: 'é "q" \u2028', n: [1, null] } }, { name: 'b', type: 't' }]);
    linkManagedObjects(emu, 't100', 'childAssets', a as string, [b as string]);
    for (let round = 0; round < 2; round++) {
      const res = await c.call('GET', '/inventory/managedObjects?type=t&withTotalElements=true');
      const text = await res.text();
      expect(text).toBe(JSON.stringify(JSON.parse(text)));
      const page = JSON.parse(text) as MoPage;
      expect(page.managedObjects.map((m) => m.id)).toEqual([a, b]);
      expect(page.statistics).toEqual({ currentPage: 1, pageSize: 5, totalElements: 2 });
      for (const id of [a, b]) expect(byId(page, id as string)).toEqual(await c.get(`/inventory/managedObjects/${id}?withChildren=false`));
    }
  });

  it('updates, new objects, relations and deletions show up in the next page', async () => {
    const [group, device] = seedManagedObjects(emu, 't100', [{ name: 'group' }, { name: 'device' }]) as [string, string];
    linkManagedObjects(emu, 't100', 'childAssets', group, [device]);
    const parents = async (): Promise<unknown> => byId(await c.list('/inventory/managedObjects'), device)?.assetParents;
    expect(await parents()).toMatchObject({ references: [{ managedObject: { id: group, name: 'group' } }] });

    await c.put(`/inventory/managedObjects/${group}`, { name: 'renamed' });
    expect(await parents()).toMatchObject({ references: [{ managedObject: { id: group, name: 'renamed' } }] });

    await c.put(`/inventory/managedObjects/${device}`, { c8y_Hardware: { model: 'x' } });
    expect(byId(await c.list('/inventory/managedObjects'), device)).toMatchObject({ c8y_Hardware: { model: 'x' } });

    expect((await c.call('DELETE', `/inventory/managedObjects/${group}/childAssets/${device}`)).status).toBe(204);
    expect(await parents()).toMatchObject({ references: [] });

    const [late] = seedManagedObjects(emu, 't100', [{ name: 'late' }]);
    expect((await c.list('/inventory/managedObjects')).managedObjects.map((m) => m.id)).toContain(late);

    expect((await c.call('DELETE', `/inventory/managedObjects/${device}`)).status).toBe(204);
    expect((await c.list('/inventory/managedObjects')).managedObjects.map((m) => m.id)).toEqual([group, late]);
  });

  it('links follow the Host of each request; render options are cached separately', async () => {
    const [group, device] = seedManagedObjects(emu, 't100', [{ name: 'group' }, { name: 'device' }]) as [string, string];
    linkManagedObjects(emu, 't100', 'childAssets', group, [device]);
    for (const host of ['127.0.0.1', 'example.test:8111', '127.0.0.1']) {
      const res = await rawRequest(emu.url, { path: '/inventory/managedObjects', headers: { Authorization: ADMIN, Host: host } });
      const page = JSON.parse(res.body) as MoPage;
      expect(byId(page, device)?.self).toBe(`http://${host}/inventory/managedObjects/${device}`);
    }
    const counted = await c.list('/inventory/managedObjects?withChildrenCount=true');
    expect(byId(counted, group)?.childAssets).toEqual({ self: `${emu.url}/inventory/managedObjects/${group}/childAssets`, count: 1 });
    expect(byId(await c.list('/inventory/managedObjects'), group)?.childAssets).toBeUndefined();
    const withChildren = await c.list('/inventory/managedObjects?withChildren=true&skipChildrenNames=true');
    expect(byId(withChildren, group)?.childAssets).toMatchObject({ references: [{ managedObject: { id: device } }] });
    expect(JSON.stringify(byId(withChildren, group))).not.toContain('"name":"device"');
  });
});
