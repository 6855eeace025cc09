import { describe, expect, it } from '@jest/globals';
import { MediaTypes, NewDeviceRequest, NewDeviceRequestStatuses, Resources } from '../src/index.js';
import { api, BASE, expectInvalid, expectInvalidAsync, mt, testClient, useNock } from './helpers.js';

// NewDeviceRequest: the id is the device's external id (chosen by the caller, path-encoded), only
// the status changes, and the exact requests per the OAS (paths, media types, bodies).

useNock();
const c8y = testClient();
const T = '2025-01-01T00:00:00.000Z';
const PATH = '/devicecontrol/newDeviceRequests';
const server = (id: string, extra: object = {}) => ({
  id,
  self: `${BASE}${PATH}/${encodeURIComponent(id)}`,
  status: 'WAITING_FOR_CONNECTION',
  tenantId: 't100',
  owner: 'admin',
  creationTime: T,
  ...extra,
});

describe('resource entry', () => {
  it('names the OAS path, collection key and media types', () => {
    expect(Resources.newDeviceRequest).toEqual({
      name: 'newDeviceRequest',
      path: PATH,
      collectionKey: 'newDeviceRequests',
      mediaType: mt('newdevicerequest'),
      collectionMediaType: mt('newdevicerequestcollection'),
    });
    expect(MediaTypes.deviceCredentials).toBe(mt('devicecredentials'));
    expect(NewDeviceRequestStatuses).toEqual(['WAITING_FOR_CONNECTION', 'PENDING_ACCEPTANCE', 'ACCEPTED']);
  });
});

describe('building a request', () => {
  it('the id is the caller’s: set in the constructor or the property, sent first in the create body', () => {
    const group = { id: '123' };
    const request = new NewDeviceRequest(c8y, { id: 'raspi-0001', groupId: group, type: 'c8y_Pump' });
    expect(request.id).toBe('raspi-0001');
    expect(request.groupId).toBe('123');
    expect(request.toCreateJSON()).toEqual({ id: 'raspi-0001', groupId: '123', type: 'c8y_Pump' });
    expect(Object.keys(request.toCreateJSON())[0]).toBe('id');

    const later = new NewDeviceRequest(c8y);
    later.id = 'a/b';
    expect(later.toCreateJSON()).toEqual({ id: 'a/b' });
  });

  it('the caller’s init object is not modified', () => {
    const init = { id: 'x1', groupId: { id: '5' } };
    const request = new NewDeviceRequest(c8y, init);
    request.type = 't';
    expect(init).toEqual({ id: 'x1', groupId: { id: '5' } });
  });

  it('refuses a create body without id, with a bad field, a status or a security token', () => {
    expectInvalid(() => new NewDeviceRequest(c8y, { type: 't' }).toCreateJSON(), 'id', /is required \(NewDeviceRequest\)/);
    expectInvalid(() => new NewDeviceRequest(c8y, { id: '' }), 'id', /non-empty string/);
    expectInvalid(() => new NewDeviceRequest(c8y, { id: 42 as unknown as string }), 'id', /non-empty string .*got number/);
    expectInvalid(() => new NewDeviceRequest(c8y, { id: 'x', type: 7 as unknown as string }).toCreateJSON(), 'type', /a string/);
    expectInvalid(() => new NewDeviceRequest(c8y, { id: 'x', status: 'PENDING_ACCEPTANCE' }).toCreateJSON(), 'status', /Cumulocity sets it/);
    expectInvalid(() => new NewDeviceRequest(c8y, { id: 'x', securityToken: 's' }).toCreateJSON(), 'securityToken', /acceptance/);
    expectInvalid(() => new NewDeviceRequest(c8y, { id: 'x', groupId: {} }), 'groupId', /expected an id/);
  });

  it('the read-only fields come only from the server', () => {
    expectInvalid(() => new NewDeviceRequest(c8y, { id: 'x', owner: 'me' }), 'owner', /read-only/);
    expectInvalid(() => new NewDeviceRequest(c8y, { id: 'x', tenantId: 't1' }), 'tenantId', /read-only/);
    expectInvalid(() => new NewDeviceRequest(c8y, { id: 'x', creationTime: T }), 'creationTime', /read-only/);
    const request = NewDeviceRequest.fromJSON(c8y, server('x'));
    expectInvalid(() => request.set('id', 'y'), 'id', /read-only/);
    expectInvalid(() => request.unset('id'), 'id', /read-only/);
  });

  it('the id of an existing request cannot change (it names the request)', () => {
    const request = NewDeviceRequest.fromJSON(c8y, server('x'));
    request.id = 'x'; // the same value is no change
    expectInvalid(() => {
      request.id = 'y';
    }, 'id', /cannot be changed/);
    expectInvalid(() => {
      request.id = undefined;
    }, 'id', /cannot be changed/);
    expect(request.id).toBe('x');
  });

  it('reads the server fields', () => {
    const request = NewDeviceRequest.fromJSON(c8y, server('x', { groupId: '9', type: 'c8y_Pump' }));
    expect([request.id, request.status, request.tenantId, request.owner, request.creationTime, request.groupId, request.type]).toEqual([
      'x',
      'WAITING_FOR_CONNECTION',
      't100',
      'admin',
      T,
      '9',
      'c8y_Pump',
    ]);
    expect(request.hasChanges()).toBe(false);
    expect(String(request)).toBe('NewDeviceRequest(id=x, type=c8y_Pump)');
  });
});

describe('requests', () => {
  it('create: POST with the newdevicerequest media type; the reply becomes the object', async () => {
    api()
      .post(PATH, { id: 'raspi-0001', groupId: '123' })
      .matchHeader('accept', mt('newdevicerequest'))
      .matchHeader('content-type', mt('newdevicerequest'))
      .reply(201, server('raspi-0001', { groupId: '123' }), { 'Content-Type': mt('newdevicerequest') });
    const created = await new NewDeviceRequest(c8y, { id: 'raspi-0001', groupId: '123' }).create();
    expect(created.status).toBe('WAITING_FOR_CONNECTION');
    expect(created.owner).toBe('admin');
  });

  it('update sends only the status, to the path-encoded external id', async () => {
    api()
      .put(`${PATH}/a%2Fb`, (body) => JSON.stringify(body) === '{"status":"ACCEPTED"}')
      .matchHeader('content-type', mt('newdevicerequest'))
      .matchHeader('accept', mt('newdevicerequest'))
      .reply(200, server('a/b', { status: 'ACCEPTED' }));
    const request = NewDeviceRequest.fromJSON(c8y, server('a/b', { status: 'PENDING_ACCEPTANCE' }));
    request.status = 'ACCEPTED';
    await request.update();
    expect(request.status).toBe('ACCEPTED');
    expect(request.hasChanges()).toBe(false);
  });

  it('accept(): status ACCEPTED with the security token when one is set', async () => {
    api()
      .put(`${PATH}/dev%201`, (body) => JSON.stringify(body) === '{"status":"ACCEPTED","securityToken":"tok"}')
      .reply(200, server('dev 1', { status: 'ACCEPTED' }));
    const request = NewDeviceRequest.fromJSON(c8y, server('dev 1', { status: 'PENDING_ACCEPTANCE' }));
    request.securityToken = 'tok';
    const accepted = await request.accept();
    expect(accepted).toBe(request);
    expect(request.status).toBe('ACCEPTED');
  });

  it('a request built locally with an id updates that request, without sending the id', async () => {
    api()
      .put(`${PATH}/x1`, (body) => JSON.stringify(body) === '{"status":"ACCEPTED"}')
      .reply(200, server('x1', { status: 'ACCEPTED' }));
    const request = new NewDeviceRequest(c8y, { id: 'x1', status: 'ACCEPTED' });
    expect(request.toUpdateJSON()).toEqual({ status: 'ACCEPTED' });
    await request.update();
    expect(request.tenantId).toBe('t100');
  });

  it('applyTo sends the change to another request', async () => {
    api()
      .put(`${PATH}/x%2F2`, { status: 'ACCEPTED' })
      .reply(200, server('x/2', { status: 'ACCEPTED' }));
    const applied = await new NewDeviceRequest(c8y, { status: 'ACCEPTED' }).applyTo('x/2');
    expect(applied.id).toBe('x/2');
  });

  it('refuses what the PUT cannot change, and a security token without ACCEPTED, before any request', async () => {
    const request = NewDeviceRequest.fromJSON(c8y, server('x', { groupId: '1' }));
    request.groupId = '2';
    await expectInvalidAsync(() => request.update(), 'groupId', /cannot be changed/);

    const other = NewDeviceRequest.fromJSON(c8y, server('y'));
    other.securityToken = 'tok';
    await expectInvalidAsync(() => other.update(), 'securityToken', /only with status ACCEPTED/);

    const third = NewDeviceRequest.fromJSON(c8y, server('z'));
    third.status = 'DONE' as never;
    await expectInvalidAsync(() => third.update(), 'status', /WAITING_FOR_CONNECTION, PENDING_ACCEPTANCE, ACCEPTED/);
  });

  it('reload and delete use the encoded id', async () => {
    api()
      .get(`${PATH}/a%2Fb`)
      .matchHeader('accept', mt('newdevicerequest'))
      .reply(200, server('a/b', { status: 'PENDING_ACCEPTANCE' }))
      .delete(`${PATH}/a%2Fb`)
      .reply(204);
    const request = new NewDeviceRequest(c8y, { id: 'a/b' });
    await request.reload();
    expect(request.status).toBe('PENDING_ACCEPTANCE');
    await request.delete();
  });

  it('a request without id cannot be reloaded', async () => {
    await expectInvalidAsync(() => new NewDeviceRequest(c8y).reload(), 'id', /never created/);
  });
});
