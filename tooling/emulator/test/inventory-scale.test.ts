import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { seedManagedObjects, startEmulator, type Emulator } from '../src/index.js';
import { api, INVENTORY_TENANTS } from './inventory-helpers.js';

const N = 20_000;
jest.setTimeout(30_000);

describe('inventory at scale (20,000 seeded objects)', () => {
  let emu: Emulator;
  let c: ReturnType<typeof api>;
  let ids: string[];
  beforeAll(async () => {
    emu = await startEmulator({ tenants: INVENTORY_TENANTS });
    c = api(emu);
    ids = seedManagedObjects(
      emu,
      't100',
      Array.from({ length: N }, (_, i) => ({ name: `device-${i}`, type: i % 2 === 0 ? 'even' : 'odd', n: i, c8y_IsDevice: {} })),
    );
  });
  afterAll(() => emu.stop());

  it('seeding returns ids in order, from the emulator id generator', () => {
    expect(ids).toHaveLength(N);
    expect(ids[0]).toBe('10000');
    expect(ids.at(-1)).toBe(String(10000 + N - 1));
  });

  it('serves a 2,000-item page from the middle', async () => {
    const page = await c.list('/inventory/managedObjects?pageSize=2000&currentPage=5&withTotalElements=true');
    expect(page.managedObjects).toHaveLength(2000);
    expect(page.managedObjects[0]?.id).toBe(ids[8000]);
    expect(page.managedObjects[1999]?.id).toBe(ids[9999]);
    expect(page.statistics.totalElements).toBe(N);
  });

  it('10 concurrent workers fetch the pages of a filtered listing; every match exactly once', async () => {
    // Like the paging engine's getAll: worker w fetches page w + 1 at the same time as the others.
    const perPage = await Promise.all(
      Array.from({ length: 10 }, (_, w) => c.ids(`/inventory/managedObjects?type=odd&pageSize=1000&currentPage=${w + 1}`)),
    );
    for (const page of perPage) expect(page).toHaveLength(1000);
    const got = perPage.flat();
    expect(new Set(got).size).toBe(N / 2);
    expect(got).toEqual(ids.filter((_, i) => i % 2 === 1));
    expect(await c.ids('/inventory/managedObjects?type=odd&pageSize=1000&currentPage=11')).toEqual([]);
  });

  it('a query with $orderby over all objects', async () => {
    const page = await c.list(`/inventory/managedObjects?pageSize=2000&query=${encodeURIComponent('n ge 15000 $orderby=n desc')}`);
    expect(page.managedObjects).toHaveLength(2000);
    expect(page.managedObjects[0]?.name).toBe(`device-${N - 1}`);
    expect(page.managedObjects[1999]?.name).toBe(`device-${N - 2000}`);
    const last = await c.list(`/inventory/managedObjects?pageSize=2000&currentPage=3&query=${encodeURIComponent('n ge 15000 $orderby=n desc')}`);
    expect(last.managedObjects).toHaveLength(1000);
    expect(last.next).toBeUndefined();
  });

  it('count with a filter', async () => {
    expect(await c.get('/inventory/managedObjects/count?type=odd')).toBe(N / 2);
  });
});
