import { describe, expect, it } from '@jest/globals';
import { NewDeviceRequest } from '@c8y/model';
import { isCumulocityError, type BulkError } from '@c8y/rest-core';
import nock from 'nock';
import { DeviceInventory, NewDeviceRequests } from '../src/index.js';
import { BASE, expectInvalid, mt, testClient, useNock } from './helpers.js';

// The exact requests of the device bootstrap's tenant side (OAS "New device requests"): methods,
// paths with encoded external ids, media types, bodies.

useNock();
const PATH = '/devicecontrol/newDeviceRequests';
const requests = () => new NewDeviceRequests(testClient());
const devices = () => new DeviceInventory(testClient());
const reply = (id: string, status = 'WAITING_FOR_CONNECTION', extra: object = {}) => ({
  id,
  self: `${BASE}${PATH}/${encodeURIComponent(id)}`,
  status,
  tenantId: 't100',
  owner: 'admin',
  creationTime: '2025-01-01T00:00:00.000Z',
  ...extra,
});
const exactBody = (expected: object) => (body: unknown) => JSON.stringify(body) === JSON.stringify(expected);

describe('request(): POST /devicecontrol/newDeviceRequests', () => {
  it('an external id becomes {"id": …} with the newdevicerequest media type; the reply is a NewDeviceRequest', async () => {
    nock(BASE, { reqheaders: { 'content-type': mt('newdevicerequest'), accept: mt('newdevicerequest') } })
      .post(PATH, exactBody({ id: 'a/b' }))
      .reply(201, reply('a/b'), { 'Content-Type': mt('newdevicerequest') });
    const created = await devices().request('a/b');
    expect(created).toBeInstanceOf(NewDeviceRequest);
    expect([created.id, created.status, created.owner]).toEqual(['a/b', 'WAITING_FOR_CONNECTION', 'admin']);
  });

  it('a request with group and type; a list runs as a bulk create in input order', async () => {
    nock(BASE)
      .post(PATH, exactBody({ id: 'd1', groupId: '123', type: 'c8y_Pump' }))
      .reply(201, reply('d1', 'WAITING_FOR_CONNECTION', { groupId: '123', type: 'c8y_Pump' }))
      .post(PATH, exactBody({ id: 'd2' }))
      .reply(201, reply('d2'));
    const created = await requests().request([{ id: 'd1', groupId: { id: '123' }, type: 'c8y_Pump' }, 'd2'], { workers: 1 });
    expect(created.map((request) => [request.id, request.groupId])).toEqual([
      ['d1', '123'],
      ['d2', undefined],
    ]);
  });

  it('a NewDeviceRequest object is sent as built; the caller’s input is not modified', async () => {
    nock(BASE).post(PATH, exactBody({ id: 'd3', type: 't' })).reply(201, reply('d3'));
    const input = { id: 'd3', type: 't' };
    const built = new NewDeviceRequest(undefined, input);
    await requests().request(built);
    expect(input).toEqual({ id: 'd3', type: 't' });
    expect(built.toJSON()).toEqual({ id: 'd3', type: 't' });
  });

  it('refuses bad input before any request, naming each bad element', async () => {
    await expectInvalid(requests().request(''), 'item.id', /non-empty string/);
    await expectInvalid(requests().request({ id: 'x', status: 'ACCEPTED' }), 'item.status', /Cumulocity sets it/);
    await expectInvalid(requests().request({ id: 'x', securityToken: 's' }), 'item.securityToken', /acceptance/);
    await expectInvalid(requests().request(['ok', { id: 'y', type: 5 as unknown as string }]), 'items[1].type', /a string/);
  });
});

describe('accept(): PUT /devicecontrol/newDeviceRequests/{externalId}', () => {
  it('sends exactly {"status":"ACCEPTED"} to the encoded id', async () => {
    nock(BASE, { reqheaders: { 'content-type': mt('newdevicerequest'), accept: mt('newdevicerequest') } })
      .put(`${PATH}/a%2Fb%3Fx`, exactBody({ status: 'ACCEPTED' }))
      .reply(200, reply('a/b?x', 'ACCEPTED'));
    const accepted = await devices().accept('a/b?x');
    expect(accepted).toBeInstanceOf(NewDeviceRequest);
    expect(accepted.status).toBe('ACCEPTED');
  });

  it('with a security token; many ids with workers, results in input order', async () => {
    nock(BASE)
      .put(`${PATH}/d1`, exactBody({ status: 'ACCEPTED', securityToken: 'tok' }))
      .reply(200, reply('d1', 'ACCEPTED'))
      .put(`${PATH}/d2`, exactBody({ status: 'ACCEPTED', securityToken: 'tok' }))
      .reply(200, reply('d2', 'ACCEPTED'));
    const accepted = await requests().accept(['d1', 'd2'], { securityToken: 'tok', workers: 2 });
    expect(accepted.map((request) => request.id)).toEqual(['d1', 'd2']);
  });

  it('a 422 (not connected yet) is a ValidationError; in a list, a BulkError that names it', async () => {
    const error = { error: 'devicecontrol/Invalid Data', message: 'Device d1 has not connected yet', info: 'x' };
    nock(BASE)
      .put(`${PATH}/d1`)
      .reply(422, error, { 'Content-Type': mt('error') })
      .put(`${PATH}/d1`)
      .reply(422, error, { 'Content-Type': mt('error') })
      .put(`${PATH}/d2`)
      .reply(200, reply('d2', 'ACCEPTED'));
    const single = await requests().accept('d1').catch((thrown: unknown) => thrown);
    expect(isCumulocityError(single, 'ValidationError')).toBe(true);
    const bulk = (await requests().accept(['d1', 'd2'], { workers: 1 }).catch((thrown: unknown) => thrown)) as BulkError;
    expect(isCumulocityError(bulk, 'BulkError')).toBe(true);
    expect(bulk.failures.map((failure) => failure.index)).toEqual([0]);
    expect((bulk.results[1] as NewDeviceRequest | undefined)?.status).toBe('ACCEPTED');
  });

  it('refuses an empty id or security token before any request', async () => {
    await expectInvalid(requests().accept(''), 'target', /expected an id/);
    await expectInvalid(requests().accept('x', { securityToken: '' }), 'securityToken', /non-empty string/);
    await expectInvalid(requests().accept('x', { securityToken: 7 as unknown as string }), 'securityToken', /got number/);
  });
});

describe('reading and deleting requests', () => {
  it('get: GET …/{encoded id} with the newdevicerequest media type', async () => {
    nock(BASE, { reqheaders: { accept: mt('newdevicerequest') } })
      .get(`${PATH}/a%2Fb`)
      .reply(200, reply('a/b', 'PENDING_ACCEPTANCE'));
    const request = await devices().requests.get('a/b');
    expect(request.status).toBe('PENDING_ACCEPTANCE');
  });

  it('getAll / select page through the collection (newDeviceRequests key, collection media type)', async () => {
    const page = (items: object[], currentPage: number) => ({
      self: `${BASE}${PATH}?pageSize=2&currentPage=${currentPage}`,
      newDeviceRequests: items,
      statistics: { pageSize: 2, currentPage },
    });
    nock(BASE, { reqheaders: { accept: mt('newdevicerequestcollection') } })
      .get(PATH)
      .query({ pageSize: '2', currentPage: '1' })
      .reply(200, page([reply('1'), reply('2', 'PENDING_ACCEPTANCE')], 1))
      .get(PATH)
      .query({ pageSize: '2', currentPage: '2' })
      .reply(200, page([reply('3', 'ACCEPTED')], 2));
    const all = await devices().requests.getAll({}, { pageSize: 2 });
    expect(all.map((request) => [request.id, request.status])).toEqual([
      ['1', 'WAITING_FOR_CONNECTION'],
      ['2', 'PENDING_ACCEPTANCE'],
      ['3', 'ACCEPTED'],
    ]);
  });

  it('getAll with asValues; count reads totalPages of a one-item page', async () => {
    nock(BASE)
      .get(PATH)
      .query({ pageSize: '5', currentPage: '1' })
      .reply(200, { newDeviceRequests: [reply('1'), reply('2')], statistics: { pageSize: 5, currentPage: 1 } })
      .get(PATH)
      .query({ pageSize: '1', withTotalPages: 'true' })
      .reply(200, { newDeviceRequests: [reply('1')], statistics: { pageSize: 1, currentPage: 1, totalPages: 2 } });
    expect(await requests().getAll({ limit: 5 }, { asValues: ['id', 'status'] })).toEqual([
      ['1', 'WAITING_FOR_CONNECTION'],
      ['2', 'WAITING_FOR_CONNECTION'],
    ]);
    expect(await requests().count()).toBe(2);
  });

  it('delete: DELETE …/{encoded id}, one or many', async () => {
    nock(BASE).delete(`${PATH}/a%2Fb`).reply(204).delete(`${PATH}/c`).reply(204).delete(`${PATH}/d`).reply(204);
    await devices().requests.delete('a/b');
    await requests().delete(['c', 'd'], { workers: 2 });
  });

  it('requests is one context per DeviceInventory, on the same client', () => {
    const inventory = devices();
    expect(inventory.requests).toBe(inventory.requests);
    expect(inventory.requests.client).toBe(inventory.client);
  });

  it('the filters are closed: a parameter the endpoint does not document is refused', async () => {
    await expectInvalid(requests().getAll({ status: 'ACCEPTED' } as never), 'status', /not a parameter of GET \/devicecontrol\/newDeviceRequests/);
  });
});
