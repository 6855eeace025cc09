import { describe, expect, it } from '@jest/globals';
import { ExternalId, ManagedObject } from '@c8y/model';
import { isCumulocityError } from '@c8y/rest-core';
import nock from 'nock';
import { Identity } from '../src/index.js';
import { BASE, expectInvalid, mt, testClient, useNock } from './helpers.js';

// The exact requests Identity sends (paths, headers, bodies) and what it makes of the replies.

useNock();
const identity = () => new Identity(testClient());
const xid = (externalId: string, type: string, id: string) => ({
  externalId,
  type,
  self: `${BASE}/identity/externalIds/${encodeURIComponent(type)}/${encodeURIComponent(externalId)}`,
  managedObject: { id, self: `${BASE}/inventory/managedObjects/${id}` },
});

describe('binding an external id', () => {
  it('create: POST under the object (id path-encoded) with value and type; the reply becomes an ExternalId', async () => {
    nock(BASE, { reqheaders: { 'content-type': mt('externalid'), accept: mt('externalid') } })
      .post('/identity/globalIds/4%2F2/externalIds', { externalId: 'raspi-0001', type: 'c8y_Serial' })
      .reply(201, xid('raspi-0001', 'c8y_Serial', '4/2'));
    const created = await identity().create('raspi-0001', 'c8y_Serial', '4/2');
    expect(created).toBeInstanceOf(ExternalId);
    expect([created.externalId, created.type, created.managedObjectId]).toEqual(['raspi-0001', 'c8y_Serial', '4/2']);
  });

  it('create takes the object itself as the managed object id', async () => {
    nock(BASE).post('/identity/globalIds/42/externalIds', { externalId: 'x', type: 't' }).reply(201, xid('x', 't', '42'));
    const device = ManagedObject.fromJSON(testClient(), { id: '42' });
    expect((await identity().create('x', 't', device)).managedObjectId).toBe('42');
  });

  it('create refuses, before any request: an empty value, a missing type, an unusable object id', async () => {
    await expectInvalid(identity().create('', 'c8y_Serial', '42'), 'externalId', /must not be empty/);
    await expectInvalid(identity().create('x', undefined as never, '42'), 'type', /must be a string/);
    await expectInvalid(identity().create('x', 'c8y_Serial', { name: 'no id' } as never), 'managedObjectId');
  });
});

describe('looking up an external id', () => {
  it('get: type and value are path-encoded (slashes, spaces, dots stay inside their segment)', async () => {
    nock(BASE, { reqheaders: { accept: mt('externalid') } })
      .get('/identity/externalIds/c8y%20Serial%2Fv2/a%2F..%2Fb%3Fc')
      .reply(200, xid('a/../b?c', 'c8y Serial/v2', '7'));
    const found = await identity().get('a/../b?c', 'c8y Serial/v2');
    expect(found).toBeInstanceOf(ExternalId);
    expect([found.externalId, found.type, found.managedObjectId]).toEqual(['a/../b?c', 'c8y Serial/v2', '7']);
  });

  it('get refuses a reply that is not an object with a ResponseFormatError', async () => {
    nock(BASE).get('/identity/externalIds/t/x').reply(200, '[1]', { 'content-type': 'application/json' });
    const error = await identity()
      .get('x', 't')
      .catch((thrown: unknown) => thrown);
    expect(isCumulocityError(error, 'ResponseFormatError')).toBe(true);
    expect(String((error as Error).message)).toMatch(/expected an externalId object, got an array \(GET https:\/\/t100\.example\.com\/identity\/externalIds\/t\/x\)/);
  });

  it('get: 404 is a NotFoundError', async () => {
    nock(BASE).get('/identity/externalIds/c8y_Serial/nope').reply(404, { error: 'identity/Not Found', message: 'External id not found' });
    const error = await identity()
      .get('nope', 'c8y_Serial')
      .catch((thrown: unknown) => thrown);
    expect(isCumulocityError(error, 'NotFoundError')).toBe(true);
  });

  it('getId: the managed object id from one request', async () => {
    nock(BASE).get('/identity/externalIds/c8y_Serial/raspi-0001').reply(200, xid('raspi-0001', 'c8y_Serial', '12345'));
    await expect(identity().getId('raspi-0001', 'c8y_Serial')).resolves.toBe('12345');
  });

  it('getId: a reply without managedObject is a ResponseFormatError, not undefined', async () => {
    nock(BASE).get('/identity/externalIds/t/x').reply(200, { externalId: 'x', type: 't' });
    const error = await identity()
      .getId('x', 't')
      .catch((thrown: unknown) => thrown);
    expect(isCumulocityError(error, 'ResponseFormatError')).toBe(true);
  });

  it('getObject: the external id, then the managed object (id path-encoded), as a ManagedObject', async () => {
    nock(BASE)
      .get('/identity/externalIds/c8y_Serial/raspi-0001')
      .reply(200, xid('raspi-0001', 'c8y_Serial', '1/2'))
      .get('/inventory/managedObjects/1%2F2')
      .matchHeader('accept', mt('managedobject'))
      .reply(200, { id: '1/2', name: 'Raspi', c8y_IsDevice: {} });
    const device = await identity().getObject('raspi-0001', 'c8y_Serial');
    expect(device).toBeInstanceOf(ManagedObject);
    expect([device.id, device.name]).toEqual(['1/2', 'Raspi']);
  });

  it('call options reach the request (headers)', async () => {
    nock(BASE, { reqheaders: { 'x-trace': 'abc' } })
      .get('/identity/externalIds/t/x')
      .reply(200, xid('x', 't', '1'));
    await identity().get('x', 't', { headers: { 'X-Trace': 'abc' } });
  });

  it('refuses an empty or dot-only value or type before any request', async () => {
    await expectInvalid(identity().get('', 't'), 'externalId', /must not be empty/);
    await expectInvalid(identity().get('..', 't'), 'externalId', /not a valid id/);
    await expectInvalid(identity().getObject('x', ''), 'type', /must not be empty/);
    await expectInvalid(identity().delete('x', '.'), 'type', /not a valid id/);
  });
});

describe('the external ids of an object', () => {
  it('getAll: the object collection with its media type; items are ExternalId objects', async () => {
    nock(BASE, { reqheaders: { accept: mt('externalidcollection') } })
      .get('/identity/globalIds/4%2F2/externalIds')
      .query({ pageSize: '2000', currentPage: '1' })
      .reply(200, { self: `${BASE}/identity/globalIds/4%2F2/externalIds`, externalIds: [xid('a', 'c8y_Serial', '4/2'), xid('b', 'c8y_Mac', '4/2')] });
    const all = await identity().getAll('4/2');
    expect(all.map((item) => item instanceof ExternalId)).toEqual([true, true]);
    expect(all.map((item) => [item.type, item.externalId, item.managedObjectId])).toEqual([
      ['c8y_Serial', 'a', '4/2'],
      ['c8y_Mac', 'b', '4/2'],
    ]);
  });

  it('getAll with asValues gives tuples; an object without external ids gives []', async () => {
    nock(BASE)
      .get('/identity/globalIds/42/externalIds')
      .query(true)
      .reply(200, { externalIds: [xid('a', 'c8y_Serial', '42')] })
      .get('/identity/globalIds/43/externalIds')
      .query(true)
      .reply(200, { externalIds: [] });
    await expect(identity().getAll({ id: '42' }, { asValues: ['type', 'externalId'] })).resolves.toEqual([['c8y_Serial', 'a']]);
    await expect(identity().getAll('43')).resolves.toEqual([]);
  });

  it('getAll refuses an unusable object id before any request', async () => {
    await expectInvalid(identity().getAll(undefined as never), 'managedObjectId');
  });
});

describe('unbinding an external id', () => {
  it('delete: DELETE by type and value, path-encoded', async () => {
    nock(BASE).delete('/identity/externalIds/c8y_Serial/raspi%231').reply(204);
    await identity().delete('raspi#1', 'c8y_Serial');
  });
});

describe('what the API does not offer is not there', () => {
  it('no generic select, count, update, applyTo or deleteBy', () => {
    const api = identity() as unknown as Record<string, unknown>;
    for (const name of ['select', 'getLast', 'count', 'update', 'applyTo', 'deleteBy', 'updateBy']) expect(api[name]).toBeUndefined();
    for (const name of ['create', 'get', 'getId', 'getObject', 'getAll', 'delete']) expect(typeof api[name]).toBe('function');
  });
});
