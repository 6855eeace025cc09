import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startEmulator, type Emulator } from '../src/index.js';
import { ADMIN, basic, items, rawRequest, testArea, TEST_TENANTS } from './helpers.js';

interface Page {
  self: string;
  next?: string;
  prev?: string;
  items: Array<{ id: string; mapped?: boolean }>;
  statistics: { currentPage: number; pageSize: number; totalPages?: number | null; totalElements?: number | null };
  calls?: Array<[number, number]>;
}

const READER = basic('t100/reader', 'reader-pass');

describe('paging helper', () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator({ tenants: TEST_TENANTS, areas: [testArea(items(12))] });
  });
  afterAll(() => emu.stop());

  const page = async (path: string, auth = ADMIN): Promise<Page> => {
    const res = await fetch(`${emu.url}${path}`, { headers: { Authorization: auth } });
    expect(res.status).toBe(200);
    return (await res.json()) as Page;
  };
  const ids = (p: Page): string[] => p.items.map((i) => i.id);

  it('defaults: pageSize 5, page 1, absolute self and next, no prev, no totals', async () => {
    const p = await page('/test/items');
    expect(ids(p)).toEqual(['1', '2', '3', '4', '5']);
    expect(p.statistics).toEqual({ currentPage: 1, pageSize: 5 });
    expect(p.self).toBe(`${emu.url}/test/items?pageSize=5&currentPage=1`);
    expect(p.next).toBe(`${emu.url}/test/items?pageSize=5&currentPage=2`);
    expect(p.prev).toBeUndefined();
  });

  it('last partial page has prev but no next; a full last page is followed by an empty page', async () => {
    const last = await page('/test/items?currentPage=3');
    expect(ids(last)).toEqual(['11', '12']);
    expect(last.prev).toBe(`${emu.url}/test/items?currentPage=2&pageSize=5`);
    expect(last.next).toBeUndefined();
    const full = await page('/test/items?pageSize=4&currentPage=3');
    expect(ids(full)).toEqual(['9', '10', '11', '12']);
    expect(full.next).toBe(`${emu.url}/test/items?pageSize=4&currentPage=4`);
    const empty = await page('/test/items?pageSize=4&currentPage=4');
    expect(empty.items).toEqual([]);
    expect(empty.next).toBeUndefined();
    expect(empty.statistics).toEqual({ currentPage: 4, pageSize: 4 });
  });

  it('totals on request', async () => {
    const p = await page('/test/items?withTotalPages=true&withTotalElements=true&pageSize=5');
    expect(p.statistics).toEqual({ currentPage: 1, pageSize: 5, totalPages: 3, totalElements: 12 });
    expect((await page('/test/items?withTotalPages=true')).statistics).toEqual({ currentPage: 1, pageSize: 5, totalPages: 3 });
  });

  it('trims pageSize to 2000', async () => {
    const p = await page('/test/items?pageSize=5000');
    expect(p.statistics.pageSize).toBe(2000);
    expect(p.items).toHaveLength(12);
    expect(p.self).toContain('pageSize=2000');
  });

  it('invalid pageSize / currentPage → 422', async () => {
    for (const q of ['pageSize=0', 'pageSize=-1', 'pageSize=abc', 'pageSize=1.5', 'currentPage=0', 'currentPage=x']) {
      const res = await fetch(`${emu.url}/test/items?${q}`, { headers: { Authorization: ADMIN } });
      expect(res.status).toBe(422);
      expect(((await res.json()) as { error: string }).error).toBe('test/Invalid Data');
    }
  });

  it('keeps other query parameters (repeated ones too) in links', async () => {
    const p = await page('/test/items?type=a&type=b&pageSize=2&currentPage=2');
    expect(p.self).toBe(`${emu.url}/test/items?type=a&type=b&pageSize=2&currentPage=2`);
    expect(p.next).toBe(`${emu.url}/test/items?type=a&type=b&pageSize=2&currentPage=3`);
  });

  it('builds links from the Host the client used', async () => {
    const res = await rawRequest(emu.url, { path: '/test/items', headers: { Authorization: ADMIN, Host: 'example.test:1234' } });
    expect((JSON.parse(res.body) as Page).self).toBe('http://example.test:1234/test/items?pageSize=5&currentPage=1');
  });

  it('a provider is asked only for the page window; map applies to the page', async () => {
    const p = await page('/test/provider?pageSize=3&currentPage=2');
    expect(p.calls).toEqual([[3, 3]]);
    expect(p.items).toEqual([
      { id: '4', mapped: true },
      { id: '5', mapped: true },
      { id: '6', mapped: true },
    ]);
  });

  it('next-link policies exact and always', async () => {
    for (const [nextLinks, expected] of [
      ['exact', [true, false]],
      ['always', [true, true]],
    ] as const) {
      const e = await startEmulator({ tenants: TEST_TENANTS, areas: [testArea(items(10))], nextLinks });
      const get = async (q: string): Promise<Page> =>
        (await fetch(`${e.url}/test/items?${q}`, { headers: { Authorization: ADMIN } })).json() as Promise<Page>;
      expect([(await get('currentPage=1')).next !== undefined, (await get('currentPage=2')).next !== undefined]).toEqual(expected);
      await e.stop();
    }
  });

  describe('restricted mode (users with inventory roles only)', () => {
    it('skips invisible items, resumes at the offset of the next unprocessed element, totals null', async () => {
      const p1 = await page('/test/odd?withTotalPages=true&withTotalElements=true', READER);
      expect(ids(p1)).toEqual(['1', '3', '5']);
      expect(p1.statistics).toEqual({ currentPage: 6, pageSize: 5, totalPages: null, totalElements: null });
      expect(p1.next).toBe(`${emu.url}/test/odd?withTotalPages=true&withTotalElements=true&pageSize=5&currentPage=6`);
      const p2 = await page(new URL(p1.next ?? '').pathname + new URL(p1.next ?? '').search, READER);
      expect(ids(p2)).toEqual(['7', '9']);
      expect(p2.statistics.currentPage).toBe(11);
      expect(p2.prev).toBe(`${emu.url}/test/odd?withTotalPages=true&withTotalElements=true&pageSize=5&currentPage=1`);
      const p3 = await page('/test/odd?currentPage=11', READER);
      expect(ids(p3)).toEqual(['11']);
      expect(p3.next).toBeUndefined();
    });

    it('without a visibility predicate hides a seeded share of positions, repeatably', async () => {
      const walk = async (): Promise<{ seen: string[]; shortPagesWithNext: number }> => {
        const seen: string[] = [];
        let shortPagesWithNext = 0;
        let path: string | undefined = '/test/items?pageSize=4';
        while (path) {
          const p = await page(path, READER);
          seen.push(...ids(p));
          if (p.next && p.items.length < 4) shortPagesWithNext++;
          expect(p.statistics.totalPages ?? null).toBeNull();
          path = p.next ? new URL(p.next).pathname + new URL(p.next).search : undefined;
        }
        return { seen, shortPagesWithNext };
      };
      const first = await walk();
      expect(first.seen.length).toBeGreaterThan(0);
      expect(first.seen.length).toBeLessThan(12);
      expect(first.shortPagesWithNext).toBeGreaterThan(0);
      expect(first.seen).toEqual([...first.seen].sort((a, b) => Number(a) - Number(b)));
      expect(await walk()).toEqual(first);
    });

    it('users without the flag page normally', async () => {
      const p = await page('/test/odd', basic('t100/plain', 'plain-pass'));
      expect(ids(p)).toEqual(['1', '2', '3', '4', '5']);
      expect(p.statistics.currentPage).toBe(1);
    });
  });
});

describe('configurable maximum page size (maxPageSize)', () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator({ tenants: TEST_TENANTS, maxPageSize: 5, defaultPageSize: 8, areas: [testArea(items(12))] });
  });
  afterAll(() => emu.stop());

  const get = async <T>(path: string): Promise<T> => {
    const res = await fetch(`${emu.url}${path}`, { headers: { Authorization: ADMIN, Accept: 'application/json' } });
    expect(res.status).toBe(200);
    return (await res.json()) as T;
  };

  it('the server trims pageSize=10 to 5 items with statistics.pageSize 5, and the links follow the trimmed size', async () => {
    for (let i = 0; i < 7; i++) {
      const res = await fetch(`${emu.url}/inventory/managedObjects`, {
        method: 'POST',
        headers: { Authorization: ADMIN, 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: `d${i}` }),
      });
      expect(res.status).toBe(201);
    }
    type MoPage = { managedObjects: unknown[]; statistics: Page['statistics']; self: string; next?: string };
    const first = await get<MoPage>('/inventory/managedObjects?pageSize=10&withTotalPages=true');
    expect(first.managedObjects).toHaveLength(5);
    expect(first.statistics).toEqual({ currentPage: 1, pageSize: 5, totalPages: 2 });
    expect(first.self).toBe(`${emu.url}/inventory/managedObjects?pageSize=5&withTotalPages=true&currentPage=1`);
    expect(first.next).toBe(`${emu.url}/inventory/managedObjects?pageSize=5&withTotalPages=true&currentPage=2`);
    const second = await get<MoPage>('/inventory/managedObjects?pageSize=10&currentPage=2');
    expect(second.managedObjects).toHaveLength(2);
    expect(second.statistics.pageSize).toBe(5);
  });

  it('applies to every collection, and trims the default page size too', async () => {
    const p = await get<Page>('/test/items?pageSize=10');
    expect(p.items).toHaveLength(5);
    expect(p.statistics.pageSize).toBe(5);
    expect((await get<Page>('/test/items')).statistics.pageSize).toBe(5); // defaultPageSize 8 > maxPageSize 5
    expect((await get<Page>('/test/items?pageSize=3')).items).toHaveLength(3); // smaller sizes are kept
    const users = await get<{ users: unknown[]; statistics: Page['statistics'] }>('/user/t100/users?pageSize=10');
    expect(users.statistics.pageSize).toBe(5);
  });

  it.each([0, -1, 2.5, Number.NaN, Infinity])('refuses maxPageSize %p at start', async (value) => {
    await expect(startEmulator({ maxPageSize: value })).rejects.toThrow(new RangeError(`Emulator option maxPageSize must be a positive integer, got ${String(value)}`));
    await expect(startEmulator({ defaultPageSize: value })).rejects.toThrow(RangeError);
  });
});
