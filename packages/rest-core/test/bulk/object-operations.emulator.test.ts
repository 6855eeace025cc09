import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { startEmulator, type Emulator } from '@c8y/emulator';
import { BasicAuth, CumulocityRestClient, apiPath, isCumulocityError, type BulkError, type ResourceDescriptor } from '../../src/index.js';
import { applyToObjects, createObjects, deleteObjects, updateObjects } from '../../src/bulk/index.js';

// The object operations over real HTTP against the emulator's inventory.

const inventory: ResourceDescriptor = {
  name: 'managedObject',
  path: '/inventory/managedObjects',
  collectionKey: 'managedObjects',
  mediaType: 'application/vnd.com.nsn.cumulocity.managedobject+json',
};

let emu: Emulator;
let client: CumulocityRestClient;

beforeAll(async () => {
  emu = await startEmulator({ seed: 3 });
  client = new CumulocityRestClient({ baseUrl: emu.url, auth: new BasicAuth('t100/admin', 'admin-pass'), retry: false });
});
afterAll(async () => {
  await emu.stop();
});
beforeEach(() => {
  emu.faults.clear();
  emu.requests.clear();
});

const read = (id: string) => client.get<Record<string, unknown>>(apiPath`/inventory/managedObjects/${id}`);

describe('object operations against the emulator', () => {
  it('create, update, applyTo and delete 30 objects with workers: 5, in input order', async () => {
    const created = await createObjects(client, inventory, Array.from({ length: 30 }, (_, index) => ({ name: `pump-${index}`, type: 'c8y_Pump' })), { workers: 5 });
    expect(created.map((object) => object.name)).toEqual(Array.from({ length: 30 }, (_, index) => `pump-${index}`));
    const ids = created.map((object) => String(object.id));
    expect(new Set(ids).size).toBe(30);

    const updated = await updateObjects(client, inventory, created.map((object) => ({ ...object, name: `${String(object.name)}-renamed` })), { workers: 5 });
    expect(updated.map((object) => object.id)).toEqual(ids);
    expect((await read(ids[7] as string)).name).toBe('pump-7-renamed');

    await applyToObjects(client, inventory, { c8y_Maintenance: { due: '2027-01-01' } }, ids, { workers: 5 });
    expect((await read(ids[29] as string)).c8y_Maintenance).toEqual({ due: '2027-01-01' });

    const progress: number[] = [];
    await deleteObjects(client, inventory, created, { workers: 5, onProgress: ({ done }) => progress.push(done) });
    expect(progress.sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, index) => index + 1));
    const gone = await read(ids[0] as string).catch((error: unknown) => error);
    expect(isCumulocityError(gone, 'NotFoundError')).toBe(true);
    const deletes = emu.requests.filter((request) => request.method === 'DELETE');
    expect(deletes.map((request) => request.path).sort()).toEqual(ids.map((id) => `/inventory/managedObjects/${id}`).sort());
  });

  it('deleting a mix of good and missing ids: exactly the missing ones fail, the others are gone', async () => {
    const created = await createObjects(client, inventory, [{ name: 'a' }, { name: 'b' }, { name: 'c' }]);
    const good = created.map((object) => String(object.id));
    const targets = [good[0], 'missing-1', good[1], 'missing-2', good[2]] as string[];
    let last = { done: 0, total: 0, failed: 0 };
    const error = (await deleteObjects(client, inventory, targets, { workers: 3, onProgress: (progress) => (last = progress) }).catch(
      (caught: unknown) => caught,
    )) as BulkError<string, unknown>;
    expect(isCumulocityError(error, 'BulkError')).toBe(true);
    expect(error.failures.map(({ target }) => target)).toEqual(['missing-1', 'missing-2']);
    expect(error.failures.every(({ error: cause }) => isCumulocityError(cause, 'NotFoundError'))).toBe(true);
    expect(error.succeeded).toEqual([0, 2, 4]);
    expect(last).toEqual({ done: 5, total: 5, failed: 2 });
    for (const id of good) expect(isCumulocityError(await read(id).catch((caught: unknown) => caught), 'NotFoundError')).toBe(true);
  });

  it('with injected 429s on POST and 503s on PUT: retried, every object created exactly once and updated', async () => {
    const retrying = new CumulocityRestClient({ baseUrl: emu.url, auth: new BasicAuth('t100/admin', 'admin-pass'), retry: { limit: 8, baseDelayMs: 1 } });
    emu.faults.add({ kind: 'rateLimit', retryAfter: 0, method: 'POST', path: '^/inventory/managedObjects$', probability: 0.3 });
    emu.faults.add({ kind: 'error', status: 503, method: 'PUT', path: '^/inventory/managedObjects/', probability: 0.3 });
    const created = await createObjects(retrying, inventory, Array.from({ length: 10 }, (_, index) => ({ name: `r-${index}`, type: 'retry-test' })), { workers: 4 });
    const updated = await updateObjects(retrying, inventory, created.map((object) => ({ id: String(object.id), name: `${String(object.name)}!` })), { workers: 4 });
    expect(updated.map((object) => object.name)).toEqual(Array.from({ length: 10 }, (_, index) => `r-${index}!`));
    const statuses = emu.requests.filter((request) => request.path.startsWith('/inventory/managedObjects')).map((request) => request.status);
    expect(statuses).toContain(429);
    expect(statuses).toContain(503);
    emu.faults.clear();
    const stored = await client.get<{ managedObjects: unknown[] }>('/inventory/managedObjects', { params: { type: 'retry-test', pageSize: 100 } });
    expect(stored.managedObjects).toHaveLength(10);
  });
});
