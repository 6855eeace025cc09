import { describe, expect, it } from '@jest/globals';
import nock from 'nock';
import { runInNewContext } from 'node:vm';
import { isCumulocityError, type BulkError, type JsonObject, type ResourceDescriptor } from '../../src/index.js';
import { applyToObjects, createObjects, deleteObjects, updateObjects } from '../../src/bulk/index.js';
import { base, recordingClient, requests, useNockWire } from './helpers.js';

const client = recordingClient;

const moType = 'application/vnd.com.nsn.cumulocity.managedobject+json';
const inventory: ResourceDescriptor = { name: 'managedObject', path: '/inventory/managedObjects', collectionKey: 'managedObjects', mediaType: moType };
const users: ResourceDescriptor = { name: 'user', path: '/user/{tenantId}/users', collectionKey: 'users' };

/** A stand-in for a model object: renders its own bodies and carries its id. */
class Tracked {
  constructor(
    readonly id: string | undefined,
    private readonly full: Record<string, unknown>,
    private readonly changes: Record<string, unknown>,
  ) {}
  toCreateJSON() {
    return this.full;
  }
  toUpdateJSON() {
    return this.changes;
  }
  toJSON() {
    return { id: this.id, ...this.full };
  }
}

const parse = (body: unknown) => (typeof body === 'string' ? (JSON.parse(body) as unknown) : body);

useNockWire();

describe('createObjects', () => {
  it('POSTs each item with the media type and resolves the replies in input order', async () => {
    const bodies: unknown[] = [];
    nock(base, { reqheaders: { 'content-type': moType, accept: moType } })
      .post('/inventory/managedObjects')
      .times(3)
      .reply(201, (_uri, body) => {
        const parsed = parse(body) as { name: string };
        bodies.push(parsed);
        return { id: `id-${parsed.name}`, ...parsed };
      });
    const created = await createObjects(client(), inventory, [{ name: 'a' }, new Tracked(undefined, { name: 'b', c8y_IsDevice: {} }, {}), { name: 'c' }], {
      workers: 3,
    });
    expect(created.map((object) => object.id)).toEqual(['id-a', 'id-b', 'id-c']);
    expect(bodies).toEqual(expect.arrayContaining([{ name: 'a' }, { name: 'b', c8y_IsDevice: {} }, { name: 'c' }]));
    expect(bodies).toHaveLength(3);
  });

  it('a single item resolves its reply, not an array', async () => {
    nock(base).post('/inventory/managedObjects', { name: 'one' }).reply(201, { id: '1', name: 'one' });
    await expect(createObjects(client(), inventory, { name: 'one' })).resolves.toEqual({ id: '1', name: 'one' });
  });

  it('accepts plain JSON made in another realm (a vm context, an iframe)', async () => {
    nock(base).post('/inventory/managedObjects', { name: 'elsewhere' }).reply(201, { id: '6' });
    await createObjects(client(), inventory, runInNewContext('({ name: "elsewhere" })') as JsonObject);
  });

  it('falls back to toJSON() for objects without toCreateJSON()', async () => {
    nock(base).post('/inventory/managedObjects', { name: 'json' }).reply(201, { id: '5' });
    await createObjects(client(), inventory, { toJSON: () => ({ name: 'json' }) });
  });

  it('sends the processing mode and params on every request', async () => {
    nock(base, { reqheaders: { 'x-cumulocity-processing-mode': 'QUIESCENT' } })
      .post('/inventory/managedObjects')
      .query({ withChildren: 'false' })
      .times(2)
      .reply(201, {});
    await createObjects(client(), inventory, [{ name: 'a' }, { name: 'b' }], { processingMode: 'QUIESCENT', params: { withChildren: false } });
  });

  it('bad input anywhere throws InvalidInputError naming the element, and nothing is sent', async () => {
    const bad = [{ name: 'ok' }, 'not an object', { name: 'ok too' }] as unknown as Array<{ name: string }>;
    const error = await createObjects(client(), inventory, bad).catch((caught: unknown) => caught);
    expect(isCumulocityError(error, 'InvalidInputError')).toBe(true);
    expect(error).toMatchObject({ path: 'items[1]' });
    expect((error as Error).message).toMatch(/expected a JSON object or an object with toJSON\(\), got string/);
    await expect(createObjects(client(), inventory, [new Map()] as never)).rejects.toMatchObject({ path: 'items[0]', message: expect.stringMatching(/an object without toJSON/) });
    await expect(createObjects(client(), inventory, [{ toJSON: () => 'text' }])).rejects.toMatchObject({ path: 'items[0]', message: expect.stringMatching(/must render to a JSON object/) });
    await expect(createObjects(client(), inventory, null as never)).rejects.toMatchObject({ path: 'item' });
    expect(requests).toHaveLength(0);
  });

  it('an exception from toCreateJSON() (model validation) comes out before any request', async () => {
    const invalid = {
      toCreateJSON: () => {
        throw new Error('type is required');
      },
    };
    await expect(createObjects(client(), inventory, [{ name: 'fine' }, invalid])).rejects.toThrow('type is required');
    expect(requests).toHaveLength(0);
  });

  it('an empty array sends nothing and resolves []', async () => {
    await expect(createObjects(client(), inventory, [])).resolves.toEqual([]);
    expect(requests).toHaveLength(0);
  });

  it('fills {tenantId} in the resource path', async () => {
    nock(base).post('/user/t100/users', { userName: 'u' }).reply(201, { id: 'u' });
    await createObjects(client({ tenantId: 't100' }), users, [{ userName: 'u' }]);
  });
});

describe('updateObjects', () => {
  it('PUTs to each id: plain JSON without id and self, tracked objects only their changes', async () => {
    nock(base, { reqheaders: { 'content-type': moType, accept: moType } })
      .put('/inventory/managedObjects/1', { name: 'A' })
      .reply(200, { id: '1', name: 'A' })
      .put('/inventory/managedObjects/2', { c8y_Position: { lat: 1 } })
      .reply(200, { id: '2' });
    const updated = await updateObjects(client(), inventory, [
      { id: '1', self: 'https://t100.example.com/inventory/managedObjects/1', name: 'A' },
      new Tracked('2', { name: 'full body, not sent' }, { c8y_Position: { lat: 1 } }),
    ]);
    expect(updated).toEqual([{ id: '1', name: 'A' }, { id: '2' }]);
  });

  it('encodes ids as one path segment', async () => {
    nock(base).put('/inventory/managedObjects/a%2F..%2Fb', { name: 'x' }).reply(200, {});
    await updateObjects(client(), inventory, { id: 'a/../b', name: 'x' });
  });

  it('an item without an id is refused before any request', async () => {
    const error = await updateObjects(client(), inventory, [{ id: '1', name: 'x' }, { name: 'no id' }]).catch((caught: unknown) => caught);
    expect(isCumulocityError(error, 'InvalidInputError')).toBe(true);
    expect(error).toMatchObject({ path: 'items[1].id' });
    expect(requests).toHaveLength(0);
  });
});

describe('applyToObjects', () => {
  it('PUTs the same body, rendered once, to every target (ids, numbers, objects)', async () => {
    let renders = 0;
    const body = {
      toUpdateJSON: () => {
        renders++;
        return { status: 'CLEARED' };
      },
    };
    const alarms: ResourceDescriptor = { name: 'alarm', path: '/alarm/alarms', collectionKey: 'alarms', mediaType: 'application/vnd.com.nsn.cumulocity.alarm+json' };
    nock(base, { reqheaders: { 'content-type': 'application/vnd.com.nsn.cumulocity.alarm+json' } })
      .put('/alarm/alarms/11', { status: 'CLEARED' })
      .reply(200, { id: '11' })
      .put('/alarm/alarms/12', { status: 'CLEARED' })
      .reply(200, { id: '12' })
      .put('/alarm/alarms/13', { status: 'CLEARED' })
      .reply(200, { id: '13' });
    const results = await applyToObjects(client(), alarms, body, ['11', 12, { id: '13' }], { workers: 3 });
    expect(results).toEqual([{ id: '11' }, { id: '12' }, { id: '13' }]);
    expect(renders).toBe(1);
  });

  it('plain JSON loses id and self (the targets name the objects)', async () => {
    nock(base).put('/inventory/managedObjects/7', { name: 'template' }).reply(200, {});
    await applyToObjects(client(), inventory, { id: '1', self: 'x', name: 'template' }, '7');
  });

  it('a bad body or target is refused before any request', async () => {
    await expect(applyToObjects(client(), inventory, [] as never, ['1'])).rejects.toMatchObject({ path: 'body' });
    await expect(applyToObjects(client(), inventory, { name: 'x' }, ['1', { id: '' }])).rejects.toMatchObject({ path: 'targets[1]' });
    expect(requests).toHaveLength(0);
  });
});

describe('deleteObjects', () => {
  it('DELETEs each target, with params, and no body or media type', async () => {
    nock(base, { badheaders: ['content-type'] })
      .delete('/inventory/managedObjects/1')
      .query({ cascade: 'true' })
      .reply(204)
      .delete('/inventory/managedObjects/2')
      .query({ cascade: 'true' })
      .reply(204);
    await expect(deleteObjects(client(), inventory, ['1', { id: 2 }], { params: { cascade: true }, workers: 2 })).resolves.toBeUndefined();
    expect(requests.map((request) => request.headers.get('accept'))).toEqual(['application/json', 'application/json']);
  });

  it('a mix of good and bad ids: every target attempted, one BulkError with exactly the failed ones', async () => {
    for (const id of ['1', '3', '5']) nock(base).delete(`/inventory/managedObjects/${id}`).reply(204);
    for (const id of ['2', '4']) {
      nock(base)
        .delete(`/inventory/managedObjects/${id}`)
        .reply(404, { error: 'inventory/Not Found', message: `Finding device data from database failed : No managedObject for id '${id}'!` });
    }
    const progress: Array<{ done: number; failed: number }> = [];
    const error = (await deleteObjects(client(), inventory, ['1', '2', '3', '4', '5'], {
      workers: 2,
      onProgress: ({ done, failed }) => progress.push({ done, failed }),
    }).catch((caught: unknown) => caught)) as BulkError<string, unknown>;
    expect(isCumulocityError(error, 'BulkError')).toBe(true);
    expect(error.failures.map(({ index, target }) => [index, target])).toEqual([
      [1, '2'],
      [3, '4'],
    ]);
    expect(error.failures.every(({ error: cause }) => isCumulocityError(cause, 'NotFoundError'))).toBe(true);
    expect(error.succeeded).toEqual([0, 2, 4]);
    expect(progress.at(-1)).toEqual({ done: 5, failed: 2 });
    expect(progress.map(({ done }) => done)).toEqual([1, 2, 3, 4, 5]);
  });

  it('a single target rejects with its own error, not a BulkError', async () => {
    nock(base).delete('/inventory/managedObjects/9').reply(404, { error: 'inventory/Not Found', message: 'gone' });
    const error = await deleteObjects(client(), inventory, '9').catch((caught: unknown) => caught);
    expect(isCumulocityError(error, 'NotFoundError')).toBe(true);
  });

  it('bad ids and bad bulk options are refused before any request', async () => {
    await expect(deleteObjects(client(), inventory, ['1', null as never])).rejects.toMatchObject({ path: 'targets[1]' });
    await expect(deleteObjects(client(), inventory, ['1'], { workers: 0 })).rejects.toMatchObject({ path: 'workers' });
    expect(requests).toHaveLength(0);
  });
});
