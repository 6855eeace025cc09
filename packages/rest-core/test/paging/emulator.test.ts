import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { seedManagedObjects, startEmulator, type Emulator } from '@c8y/emulator';
import { BasicAuth, CumulocityRestClient, apiPath, isCumulocityError, type BulkError } from '../../src/index.js';
import { runBulk } from '../../src/bulk/index.js';
import { count, getAll, select, type PagedResource } from '../../src/paging/index.js';
import { inventorySpec } from '../fixtures/query-specs.js';
import { trackedFetch } from './helpers.js';

// The engine against the emulator's inventory over real HTTP: 20,000 managed objects.

const total = 20_000;
const inventory: PagedResource = {
  name: 'managedObject',
  path: '/inventory/managedObjects',
  collectionKey: 'managedObjects',
  collectionMediaType: 'application/vnd.com.nsn.cumulocity.managedobjectcollection+json',
  querySpec: inventorySpec,
};

let emu: Emulator;
let ids: string[];
let viewerIds: string[];

const admin = (options: Partial<ConstructorParameters<typeof CumulocityRestClient>[0]> = {}) =>
  new CumulocityRestClient({ baseUrl: emu.url, auth: new BasicAuth('t100/admin', 'admin-pass'), retry: false, maxConcurrent: 20, ...options });
const viewer = (options: Partial<ConstructorParameters<typeof CumulocityRestClient>[0]> = {}) =>
  new CumulocityRestClient({ baseUrl: emu.url, auth: new BasicAuth('t100/viewer', 'viewer-pass'), retry: false, maxConcurrent: 20, ...options });
const inventoryRequests = () => emu.requests.filter((request) => request.method === 'GET' && request.path === '/inventory/managedObjects');
const idsOf = (items: ReadonlyArray<Record<string, unknown>>) => items.map((item) => String(item.id));

beforeAll(async () => {
  emu = await startEmulator({ seed: 7 });
  // A user whose read access comes only from inventory roles: restricted (offset) paging, and it
  // sees the objects it owns — two out of three here.
  emu.tenants.get('t100')?.addUser({ userName: 'viewer', password: 'viewer-pass', restrictedPaging: true });
  const objects = Array.from({ length: total }, (_, index) => ({
    name: `d${String(index).padStart(5, '0')}`,
    type: 'bench',
    owner: index % 3 === 0 ? 'admin' : 'viewer',
  }));
  ids = seedManagedObjects(emu, 't100', objects);
  viewerIds = ids.filter((_, index) => index % 3 !== 0);
}, 30_000);
afterAll(async () => {
  await emu.stop();
});
beforeEach(() => {
  emu.faults.clear();
  emu.setLatency(0);
  emu.requests.clear();
});

describe('emulator: getAll over 20,000 managed objects', () => {
  it('workers: 10 returns each object exactly once', async () => {
    const items = await getAll(admin(), inventory, { type: 'bench' }, { pageSize: 100, workers: 10 });
    expect(items).toHaveLength(total);
    expect(new Set(idsOf(items))).toEqual(new Set(ids));
    // 200 full pages; the empty page 201 ends it; at most workers - 1 speculative requests beyond it.
    const pages = inventoryRequests().map((request) => Number(request.query.currentPage));
    expect(pages.filter((page) => page > 201).length).toBeLessThanOrEqual(9);
    expect(inventoryRequests().every((request) => request.query.withTotalPages === undefined)).toBe(true);
  });

  it('ordered when asked ($orderby), while fetching ahead', async () => {
    emu.setLatency({ min: 0, max: 8 });
    const items = await getAll(admin(), inventory, { type: 'bench', orderBy: 'name desc' }, { pageSize: 100, workers: 10 });
    expect(idsOf(items)).toEqual([...ids].reverse());
  });

  it('as a user with only inventory roles (offset paging): each visible object exactly once, in order', async () => {
    const items: Array<Record<string, unknown>> = [];
    let pages = 0;
    for await (const page of select(viewer(), inventory, { type: 'bench' }, { pageSize: 100, workers: 10 }).byPage()) {
      expect(page.restricted).toBe(true);
      pages++;
      items.push(...page.items);
    }
    expect(idsOf(items)).toEqual(viewerIds);
    expect(pages).toBeGreaterThan(viewerIds.length / 100); // short pages: the scan window holds hidden objects
  });

  it('with injected 429, 503 and dropped connections: still each object exactly once', async () => {
    emu.faults.add({ kind: 'rateLimit', retryAfter: 0, path: '^/inventory/managedObjects$', probability: 0.05 });
    emu.faults.add({ kind: 'error', status: 503, path: '^/inventory/managedObjects$', probability: 0.05 });
    emu.faults.add({ kind: 'drop', path: '^/inventory/managedObjects$', probability: 0.03 });
    const client = admin({ retry: { limit: 8, baseDelayMs: 1, maxDelayMs: 5, jitter: false } });
    const items = await getAll(client, inventory, { type: 'bench' }, { pageSize: 100, workers: 10 });
    expect(idsOf(items).sort()).toEqual([...ids].sort());
    expect(emu.requests.filter((request) => request.fault !== undefined).length).toBeGreaterThan(5);
    const faultsBefore = emu.requests.filter((request) => request.fault !== undefined).length;
    const restricted = await getAll(viewer({ retry: { limit: 8, baseDelayMs: 1, maxDelayMs: 5, jitter: false } }), inventory, { type: 'bench' }, { pageSize: 100, workers: 10 });
    expect(idsOf(restricted)).toEqual(viewerIds);
    expect(emu.requests.filter((request) => request.fault !== undefined).length).toBeGreaterThan(faultsBefore);
  });

  it('limit is respected with no page requested beyond it', async () => {
    const items = await getAll(admin(), inventory, { type: 'bench' }, { pageSize: 100, workers: 10, limit: 5_050 });
    expect(idsOf(items).sort()).toEqual(ids.slice(0, 5_050).sort());
    const pages = inventoryRequests().map((request) => Number(request.query.currentPage));
    expect(pages.sort((a, b) => a - b)).toEqual(Array.from({ length: 51 }, (_, index) => index + 1));
  });

  it('abort mid-way: rejects with the reason and starts nothing afterwards', async () => {
    emu.setLatency(20);
    const controller = new AbortController();
    const tracked = trackedFetch();
    let seen = 0;
    const run = (async () => {
      for await (const _item of select(admin({ fetch: tracked.fetch }), inventory, { type: 'bench' }, { pageSize: 100, workers: 10, signal: controller.signal })) {
        if (++seen === 2_000) controller.abort(new Error('enough'));
      }
    })();
    await expect(run).rejects.toThrow('enough');
    const startedAtRejection = tracked.started();
    // 20 pages consumed, at most `workers` more in flight or held.
    expect(startedAtRejection).toBeLessThanOrEqual(30);
    // Every request the client started has been answered or aborted; none started another.
    await tracked.idle();
    expect(tracked.started()).toBe(startedAtRejection);
    expect(inventoryRequests().length).toBeLessThanOrEqual(startedAtRejection);
  });

  it('count: withTotalPages and the count endpoint agree', async () => {
    expect(await count(admin(), inventory, { type: 'bench' })).toBe(total);
    expect(await count(admin(), { ...inventory, countPath: '/inventory/managedObjects/count' }, { type: 'bench' })).toBe(total);
  });
});

describe('emulator: bulk with failures', () => {
  it('a mix of good and bad ids gives a BulkError with exactly the failed ones; the rest succeed', async () => {
    const targets = [ids[0], 'nope-1', ids[1], ids[2], 'nope-2', ids[3]] as string[];
    const client = admin();
    const error = (await runBulk(targets, (id, { signal }) => client.get<{ id: string }>(apiPath`/inventory/managedObjects/${id}`, { signal }), {
      workers: 4,
    }).catch((caught: unknown) => caught)) as BulkError<string, { id: string }>;
    expect(isCumulocityError(error, 'BulkError')).toBe(true);
    expect(error.failures.map((failure) => failure.target)).toEqual(['nope-1', 'nope-2']);
    expect(error.failures.every((failure) => isCumulocityError(failure.error, 'NotFoundError'))).toBe(true);
    expect(error.results.map((result) => result?.id)).toEqual([ids[0], undefined, ids[1], ids[2], undefined, ids[3]]);
  });
});
