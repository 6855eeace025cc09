import { describe, expect, it } from '@jest/globals';
import nock from 'nock';
import { defineQuery, defineResourceApi, type InvalidInputError, type JsonObject, type RestClient } from '../../src/index.js';
import { base, recordingClient, requests, useNockWire } from '../bulk/helpers.js';

// A resource with integer ids (`idKind: 'integer'`, user groups and inventory roles): an id that is
// not an integer is refused before any request, named as the operation names its input.

useNockWire();

class Group {
  constructor(
    readonly client?: RestClient,
    readonly json: JsonObject = {},
  ) {}
  static fromJSON(client: RestClient | undefined, json: JsonObject): Group {
    return new Group(client, json);
  }
  get id(): unknown {
    return this.json.id;
  }
  toUpdateJSON(): JsonObject {
    const { id: _id, ...rest } = this.json;
    return rest;
  }
}

const groups = { name: 'group', path: '/user/{tenantId}/groups', collectionKey: 'groups', idKind: 'integer' } as const;
const query = defineQuery<{ name?: string }>({ resource: 'groups', parameters: [] });
class Groups extends defineResourceApi({ resource: groups, query, item: Group, operations: ['get', 'update', 'applyTo', 'delete'] }) {}
class Named extends defineResourceApi({ resource: { ...groups, idKind: 'string' }, query, item: Group, operations: ['get'] }) {}

const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error as InvalidInputError);

describe("idKind: 'integer'", () => {
  it('numbers, digits and objects with such an id pass', async () => {
    nock(base).get('/user/t100/groups/4').reply(200, { id: 4 }).put('/user/t100/groups/5').reply(200, { id: 5 }).delete('/user/t100/groups/6').reply(204).delete('/user/t100/groups/7').reply(204);
    const api = new Groups(recordingClient());
    expect((await api.get(4)).id).toBe(4);
    await api.update({ id: '5', name: 'x' });
    await api.delete([6, { id: '7' }], { workers: 1 });
  });

  it('anything else is refused before any request, named by its place', async () => {
    const api = new Groups(recordingClient());
    const cases: Array<[Promise<unknown>, string]> = [
      [api.get('admins'), 'id'],
      [api.delete('admins'), 'target'],
      [api.delete(['1', 'x']), 'targets[1]'],
      [api.applyTo({ name: 'x' }, ['1', '2', '-3']), 'targets[2]'],
      [api.update({ name: 'x' }, 'x1'), 'target'],
      [api.update({ id: '1.5', name: 'x' } as never), 'item.id'],
      [api.update([{ id: 1, name: 'a' }, { id: 'b', name: 'b' }] as never), 'items[1].id'],
    ];
    for (const [promise, path] of cases) {
      const error = await failure(promise);
      expect([error?.path, error?.message.replace(/got .*/, 'got …')]).toEqual([path, `${path}: must be an integer id, got …`]);
    }
    expect((await failure(api.get('admins')))?.message).toBe('id: must be an integer id, got "admins"');
    expect(requests).toHaveLength(0);
  });

  it('an element without an id is reported by the bulk operation as before', async () => {
    const error = await failure(new Groups(recordingClient()).update([{ name: 'no id' }] as never));
    expect(error?.path).toBe('items[0].id');
    expect(error?.message).toMatch(/got an object without an id/);
  });

  it('string ids are not checked', async () => {
    nock(base).get('/user/t100/groups/admins').reply(200, { id: 'admins' });
    expect((await new Named(recordingClient()).get('admins')).id).toBe('admins');
  });
});
