import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { startEmulator, type Emulator } from '../src/index.js';
import { call, mediaType } from './accounts-helpers.js';
import { basic, TEST_TENANTS } from './helpers.js';

type Json = Record<string, unknown>;
const BOOTSTRAP = basic('management/devicebootstrap', 'bootstrap-pass');
const NDR = 'application/vnd.com.nsn.cumulocity.newdevicerequest+json';
const CREDS = 'application/vnd.com.nsn.cumulocity.devicecredentials+json';

describe('device bootstrap', () => {
  let emu: Emulator;
  let base: string;
  beforeAll(async () => {
    emu = await startEmulator({ tenants: TEST_TENANTS });
    base = emu.url;
  });
  afterAll(() => emu.stop());
  beforeEach(() => emu.reset());

  const register = (id: string, extra: Json = {}) =>
    call<Json>(base, 'POST', '/devicecontrol/newDeviceRequests', { body: { id, ...extra }, type: NDR, headers: { Accept: NDR } });
  const poll = (id: string, extra: Json = {}) =>
    call<Json>(base, 'POST', '/devicecontrol/deviceCredentials', { auth: BOOTSTRAP, body: { id, ...extra }, type: CREDS, headers: { Accept: CREDS } });
  const accept = (id: string, extra: Json = {}) =>
    call<Json>(base, 'PUT', `/devicecontrol/newDeviceRequests/${id}`, { body: { status: 'ACCEPTED', ...extra }, type: NDR, headers: { Accept: NDR } });
  const status = async (id: string) => (await call<Json>(base, 'GET', `/devicecontrol/newDeviceRequests/${id}`)).body.status;

  it('full flow: register → 404 polls → accept → credentials → the device user works on its own data', async () => {
    emu.clock.set('2024-05-01T10:00:00.000Z');
    const created = await register('54545454', { type: 'c8y_Linux' });
    expect(created.status).toBe(201);
    expect(mediaType(created)).toMatch(/newdevicerequest\+json/);
    expect(created.headers.get('location')).toBe(`${base}/devicecontrol/newDeviceRequests/54545454`);
    expect(created.body).toEqual({
      id: '54545454',
      self: `${base}/devicecontrol/newDeviceRequests/54545454`,
      status: 'WAITING_FOR_CONNECTION',
      tenantId: 't100',
      owner: 'admin',
      creationTime: '2024-05-01T10:00:00.000Z',
      type: 'c8y_Linux',
    });

    // Accepting before the device connected is refused.
    expect((await accept('54545454')).status).toBe(422);

    const first = await poll('54545454');
    expect(first.status).toBe(404);
    expect(first.body).toMatchObject({ error: 'devicecontrol/Not Found', message: 'Could not find newDeviceRequest by ID 54545454' });
    expect(await status('54545454')).toBe('PENDING_ACCEPTANCE');
    expect((await poll('54545454')).status).toBe(404);
    expect(await status('54545454')).toBe('PENDING_ACCEPTANCE');

    const accepted = await accept('54545454');
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ id: '54545454', status: 'ACCEPTED' });

    const creds = await poll('54545454');
    expect(creds.status).toBe(200);
    expect(mediaType(creds)).toMatch(/devicecredentials\+json/);
    expect(creds.body).toMatchObject({
      id: '54545454',
      self: `${base}/devicecontrol/deviceCredentials/54545454`,
      tenantId: 't100',
      username: 'device_54545454',
    });
    const password = String(creds.body.password);
    expect(password.length).toBeGreaterThanOrEqual(16);
    // The request is consumed.
    expect((await call(base, 'GET', '/devicecontrol/newDeviceRequests/54545454')).status).toBe(404);
    expect((await poll('54545454')).status).toBe(404);

    const device = basic(`t100/device_54545454`, password);
    const me = await call<Json>(base, 'GET', '/user/currentUser', { auth: device });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ userName: 'device_54545454', effectiveRoles: [{ id: 'ROLE_DEVICE' }] });
    const users = await call<{ users: Json[] }>(base, 'GET', '/user/t100/users?onlyDevices=true');
    expect(users.body.users.map((u) => u.userName)).toEqual(['device_54545454', 'device_abc']);

    // Its own data: create and read its device; another owner's object is forbidden.
    const mo = await call<Json>(base, 'POST', '/inventory/managedObjects', {
      auth: device,
      body: { name: 'My device', c8y_IsDevice: {} },
      headers: { Accept: 'application/json' },
    });
    expect(mo.status).toBe(201);
    expect(mo.body).toMatchObject({ owner: 'device_54545454', name: 'My device' });
    expect((await call(base, 'GET', `/inventory/managedObjects/${String(mo.body.id)}`, { auth: device })).status).toBe(200);
    const foreign = await call<Json>(base, 'POST', '/inventory/managedObjects', { body: { name: 'Admin thing' }, headers: { Accept: 'application/json' } });
    expect((await call(base, 'GET', `/inventory/managedObjects/${String(foreign.body.id)}`, { auth: device })).status).toBe(403);
    // No user management for devices.
    expect((await call(base, 'GET', '/user/t100/users', { auth: device })).status).toBe(403);
    // A wrong password does not work.
    expect((await call(base, 'GET', '/user/currentUser', { auth: basic('t100/device_54545454', 'nope') })).status).toBe(401);
  });

  it('the bootstrap user may only call deviceCredentials', async () => {
    for (const [method, path] of [
      ['GET', '/devicecontrol/newDeviceRequests'],
      ['GET', '/inventory/managedObjects'],
      ['GET', '/user/currentUser'],
      ['GET', '/tenant/currentTenant'],
      ['GET', '/application/currentApplication'],
    ] as const) {
      const res = await call(base, method, path, { auth: BOOTSTRAP });
      expect([method, path, res.status]).toEqual([method, path, 403]);
      expect(res.body).toMatchObject({ error: 'security/Forbidden' });
    }
    expect((await call(base, 'POST', '/devicecontrol/deviceCredentials', { auth: basic('management/devicebootstrap', 'wrong'), body: { id: 'x' } })).status).toBe(401);
    // Ordinary users lack ROLE_DEVICE_BOOTSTRAP.
    expect((await call(base, 'POST', '/devicecontrol/deviceCredentials', { body: { id: 'x' } })).status).toBe(403);
    expect((await call(base, 'POST', '/devicecontrol/deviceCredentials', { auth: BOOTSTRAP, body: {} })).status).toBe(422);
    expect((await poll('unknown')).status).toBe(404);
  });

  it('new device requests: list, 404, validation, only status ACCEPTED, delete', async () => {
    for (const id of ['a1', 'a2', 'a3']) expect((await register(id)).status).toBe(201);
    const list = await call<{ newDeviceRequests: Json[]; statistics: Json }>(base, 'GET', '/devicecontrol/newDeviceRequests?pageSize=2&withTotalElements=true');
    expect(mediaType(list)).toMatch(/newdevicerequestcollection/);
    expect(list.body.newDeviceRequests.map((r) => r.id)).toEqual(['a1', 'a2']);
    expect(list.body.statistics).toMatchObject({ totalElements: 3, pageSize: 2 });
    expect((await register('a1')).status).toBe(422);
    expect((await call(base, 'POST', '/devicecontrol/newDeviceRequests', { body: { type: 'x' } })).status).toBe(422);
    expect((await call(base, 'GET', '/devicecontrol/newDeviceRequests/zz')).status).toBe(404);
    await poll('a1');
    expect((await call(base, 'PUT', '/devicecontrol/newDeviceRequests/a1', { body: { status: 'WAITING_FOR_CONNECTION' } })).status).toBe(422);
    expect((await call(base, 'PUT', '/devicecontrol/newDeviceRequests/zz', { body: { status: 'ACCEPTED' } })).status).toBe(404);
    expect((await call(base, 'DELETE', '/devicecontrol/newDeviceRequests/a2')).status).toBe(204);
    expect((await call(base, 'DELETE', '/devicecontrol/newDeviceRequests/a2')).status).toBe(404);
    const plain = basic('t100/plain', 'plain-pass');
    expect((await call(base, 'POST', '/devicecontrol/newDeviceRequests', { auth: plain, body: { id: 'p' } })).status).toBe(403);
    expect((await call(base, 'GET', '/devicecontrol/newDeviceRequests', { auth: plain })).status).toBe(403);
  });

  it('security token: the acceptance must carry the token the device sent', async () => {
    await register('tok1');
    await poll('tok1', { securityToken: 'SecureDeviceToken' });
    expect((await accept('tok1', { securityToken: 'wrong' })).status).toBe(422);
    expect(await status('tok1')).toBe('PENDING_ACCEPTANCE');
    expect((await accept('tok1', { securityToken: 'SecureDeviceToken' })).status).toBe(200);
    expect((await poll('tok1')).status).toBe(200);
  });

  it('requests of other tenants: the device user is created in the request tenant', async () => {
    const other = basic('t200/admin', 'other-pass');
    await call(base, 'POST', '/devicecontrol/newDeviceRequests', { auth: other, body: { id: 'x200' } });
    await poll('x200');
    // t100 does not see t200's request.
    expect((await call(base, 'GET', '/devicecontrol/newDeviceRequests/x200')).status).toBe(404);
    await call(base, 'PUT', '/devicecontrol/newDeviceRequests/x200', { auth: other, body: { status: 'ACCEPTED' } });
    const creds = await poll('x200');
    expect(creds.body).toMatchObject({ tenantId: 't200', username: 'device_x200' });
    expect((await call(base, 'GET', '/user/currentUser', { auth: basic('t200/device_x200', String(creds.body.password)) })).status).toBe(200);
    expect((await call(base, 'GET', '/user/currentUser', { auth: basic('t100/device_x200', String(creds.body.password)) })).status).toBe(401);
  });
});
