import { describe, expect, it } from '@jest/globals';
import {
  Alarm,
  Application,
  AuditRecord,
  Binary,
  BulkOperation,
  CurrentUser,
  DeviceGroup,
  Event,
  ExternalId,
  ManagedObject,
  Measurement,
  Operation,
  Resources,
  Subscription,
  TenantOption,
  User,
  UserGroup,
} from '../src/index.js';
import type nock from 'nock';
import { api, BASE, mt, testClient, useNock } from './helpers.js';

useNock();
const c8y = testClient();
const T = '2025-01-01T00:00:00.000Z';
const reply = (type: string, body: object) => [201, body, { 'Content-Type': mt(type) }] as const;

describe('create: endpoint, Accept and Content-Type per resource', () => {
  it.each([
    ['managedobject', '/inventory/managedObjects', () => new ManagedObject(c8y, { name: 'n' }), { name: 'n' }],
    ['measurement', '/measurement/measurements', () => new Measurement(c8y, { type: 't', source: '1', time: T }), { type: 't', source: { id: '1' }, time: T }],
    ['event', '/event/events', () => new Event(c8y, { type: 't', text: 'x', source: '1', time: T }), { type: 't', text: 'x', source: { id: '1' }, time: T }],
    [
      'alarm',
      '/alarm/alarms',
      () => new Alarm(c8y, { type: 't', text: 'x', severity: 'MAJOR', source: '1', time: T }),
      { type: 't', text: 'x', severity: 'MAJOR', source: { id: '1' }, time: T },
    ],
    ['operation', '/devicecontrol/operations', () => new Operation(c8y, { deviceId: '1', c8y_Restart: {} }), { deviceId: '1', c8y_Restart: {} }],
    [
      'bulkoperation',
      '/devicecontrol/bulkoperations',
      () => new BulkOperation(c8y, { groupId: '5', operationPrototype: { c8y_Restart: {} }, creationRamp: 15, startDate: T }),
      { groupId: '5', operationPrototype: { c8y_Restart: {} }, creationRamp: 15, startDate: T },
    ],
    [
      'user',
      '/user/t100/users',
      () => new User(c8y, { userName: 'jdoe', email: 'j@example.com', sendPasswordResetEmail: true }),
      { userName: 'jdoe', email: 'j@example.com', sendPasswordResetEmail: true },
    ],
    ['group', '/user/t100/groups', () => new UserGroup(c8y, { name: 'Ops' }), { name: 'Ops' }],
    ['application', '/application/applications', () => new Application(c8y, { name: 'a', key: 'k', type: 'HOSTED' }), { name: 'a', key: 'k', type: 'HOSTED' }],
    ['option', '/tenant/options', () => new TenantOption(c8y, { category: 'c', key: 'k', value: 'v' }), { category: 'c', key: 'k', value: 'v' }],
    [
      'auditrecord',
      '/audit/auditRecords',
      () => new AuditRecord(c8y, { type: 'Inventory', activity: 'a', text: 'x', source: '1', time: T }),
      { type: 'Inventory', activity: 'a', text: 'x', source: { id: '1' }, time: T },
    ],
    [
      'subscription',
      '/notification2/subscriptions',
      () => new Subscription(c8y, { context: 'mo', subscription: 's', source: '1', subscriptionFilter: { apis: ['measurements'] } }),
      { context: 'mo', subscription: 's', source: { id: '1' }, subscriptionFilter: { apis: ['measurements'] } },
    ],
  ] as const)('%s → POST %s', async (type, path, build, body) => {
    api()
      .post(path, body as unknown as nock.DataMatcherMap)
      .matchHeader('accept', mt(type))
      .matchHeader('content-type', mt(type))
      .reply(...reply(type, { ...body, id: '77', self: `${BASE}${path}/77` }));
    const created = await build().create();
    expect(created.id).toBe('77');
  });

  it('a user with a password needs no password-reset e-mail', async () => {
    const body = { userName: 'jane', email: 'j@example.com', password: 'pw-1234-Xy' };
    api().post('/user/t100/users', body).reply(201, { id: 'jane', userName: 'jane' });
    expect((await new User(c8y, body).create()).id).toBe('jane');
  });
});

describe('update/reload/delete paths per resource', () => {
  it('Event: PUT/GET/DELETE /event/events/{id} with the event media type', async () => {
    const event = Event.fromJSON(c8y, { id: '5', type: 't', text: 'a', source: { id: '1' }, time: T });
    event.text = 'b';
    api().put('/event/events/5', { text: 'b' }).matchHeader('content-type', mt('event')).matchHeader('accept', mt('event')).reply(200, { id: '5', text: 'b' });
    await event.update();
    api().get('/event/events/5').matchHeader('accept', mt('event')).reply(200, { id: '5', text: 'c' });
    await event.reload();
    expect(event.text).toBe('c');
    api().delete('/event/events/5').reply(204);
    await event.delete();
  });

  it('User: paths under /user/{tenantId}/users/{userName}', async () => {
    const user = User.fromJSON(c8y, { id: 'j doe', userName: 'j doe', email: 'a@b' });
    user.email = 'c@d';
    api().put('/user/t100/users/j%20doe', { email: 'c@d' }).matchHeader('content-type', mt('user')).reply(200, { id: 'j doe', email: 'c@d' });
    await user.update();
    api().delete('/user/t100/users/j%20doe').reply(204);
    await user.delete();
  });

  it('the tenant id is fetched when the client does not know it', async () => {
    const { BasicAuth, CumulocityRestClient } = await import('@c8y/rest-core');
    const anonymous = new CumulocityRestClient({ baseUrl: BASE, auth: new BasicAuth('admin', 'secret'), retry: false });
    api().get('/tenant/currentTenant').reply(200, { name: 't9' }, { 'Content-Type': mt('currenttenant') });
    api().post('/user/t9/groups', { name: 'G' }).reply(201, { id: 3, name: 'G' });
    const group = await new UserGroup(anonymous, { name: 'G' }).create();
    expect(group.id).toBe('3');
  });

  it('Operation: PUT /devicecontrol/operations/{id}', async () => {
    const op = Operation.fromJSON(c8y, { id: '8', deviceId: '1', status: 'PENDING' });
    op.status = 'FAILED';
    op.failureReason = 'busy';
    api().put('/devicecontrol/operations/8', { status: 'FAILED', failureReason: 'busy' }).matchHeader('content-type', mt('operation')).reply(200, { id: '8', status: 'FAILED' });
    await op.update();
    expect(op.status).toBe('FAILED');
  });

  it('Measurement: reload and delete by id', async () => {
    const m = Measurement.fromJSON(c8y, { id: '9' });
    api().get('/measurement/measurements/9').matchHeader('accept', mt('measurement')).reply(200, { id: '9', type: 't' });
    await m.reload();
    api().delete('/measurement/measurements/9').reply(204);
    await m.delete();
  });

  it('Application: delete with force', async () => {
    api().delete('/application/applications/12').query({ force: 'true' }).reply(204);
    await Application.fromJSON(c8y, { id: '12' }).delete({ force: true });
  });

  it('TenantOption: PUT {value} to /tenant/options/{category}/{key} as application/json; DELETE', async () => {
    const option = TenantOption.fromJSON(c8y, { category: 'alarm.type.mapping', key: 'a/b', value: 'x' });
    option.value = 'y';
    api()
      .put('/tenant/options/alarm.type.mapping/a%2Fb', { value: 'y' })
      .matchHeader('content-type', 'application/json')
      .matchHeader('accept', mt('option'))
      .reply(200, { category: 'alarm.type.mapping', key: 'a/b', value: 'y' });
    await option.update();
    expect(option.value).toBe('y');
    api().get('/tenant/options/alarm.type.mapping/a%2Fb').matchHeader('accept', mt('option')).reply(200, { category: 'alarm.type.mapping', key: 'a/b', value: 'z' });
    await option.reload();
    api().delete('/tenant/options/alarm.type.mapping/a%2Fb').reply(204);
    await option.delete();
  });

  it('ExternalId: POST /identity/globalIds/{id}/externalIds; GET/DELETE /identity/externalIds/{type}/{value}', async () => {
    api()
      .post('/identity/globalIds/12/externalIds', { externalId: 'raspi/1', type: 'c8y_Serial' })
      .matchHeader('content-type', mt('externalid'))
      .matchHeader('accept', mt('externalid'))
      .reply(201, { externalId: 'raspi/1', type: 'c8y_Serial', managedObject: { id: '12' } });
    const xid = await new ExternalId(c8y, { externalId: 'raspi/1', type: 'c8y_Serial', managedObjectId: '12' }).create();
    expect(xid.managedObjectId).toBe('12');
    api().get('/identity/externalIds/c8y_Serial/raspi%2F1').matchHeader('accept', mt('externalid')).reply(200, { externalId: 'raspi/1', type: 'c8y_Serial', managedObject: { id: '12' } });
    await xid.reload();
    api().delete('/identity/externalIds/c8y_Serial/raspi%2F1').reply(204);
    await xid.delete();
  });

  it('CurrentUser: GET/PUT /user/currentUser with currentuser media type; password change', async () => {
    api().get('/user/currentUser').matchHeader('accept', mt('currentuser')).reply(200, { id: 'me', userName: 'me', effectiveRoles: [{ id: 'ROLE_A' }] });
    const me = await new CurrentUser(c8y).reload();
    expect(me.effectiveRoleIds).toEqual(['ROLE_A']);
    me.firstName = 'Jane';
    api().put('/user/currentUser', { firstName: 'Jane' }).matchHeader('content-type', mt('currentuser')).reply(200, { id: 'me', firstName: 'Jane' });
    await me.update();
    api().put('/user/currentUser/password', { currentUserPassword: 'old', newPassword: 'new' }).matchHeader('content-type', 'application/json').reply(200);
    await me.changePassword('old', 'new');
    api().get('/user/t100/users/me/tfa').reply(200, { tfaEnabled: true, strategy: 'TOTP' });
    expect((await me.getTfaSettings()).strategy).toBe('TOTP');
  });

  it('the resource table has the spec paths and collection keys', () => {
    expect(Resources.managedObject.collectionKey).toBe('managedObjects');
    expect(Resources.bulkOperation).toMatchObject({ path: '/devicecontrol/bulkoperations', collectionKey: 'bulkOperations' });
    expect(Resources.userGroup).toMatchObject({ path: '/user/{tenantId}/groups', collectionKey: 'groups', idKind: 'integer' });
    expect(Resources.alarm.countPath).toBe('/alarm/alarms/count');
    expect(Object.isFrozen(Resources)).toBe(true);
  });
});

describe('API-specific methods', () => {
  it('ManagedObject child assignment: POST/DELETE …/childDevices|childAssets|childAdditions', async () => {
    const mo = ManagedObject.fromJSON(c8y, { id: '10' });
    for (const [kind, assign] of [
      ['childDevices', () => mo.assignChildDevice('11')],
      ['childAssets', () => mo.assignChildAsset({ id: '11' })],
      ['childAdditions', () => mo.assignChildAddition(11)],
    ] as const) {
      api()
        .post(`/inventory/managedObjects/10/${kind}`, { managedObject: { id: '11' } })
        .matchHeader('content-type', mt('managedobjectreference'))
        .reply(201);
      await assign();
    }
    api().delete('/inventory/managedObjects/10/childDevices/a%2Fb').reply(204);
    await mo.unassignChildDevice('a/b');
    api().delete('/inventory/managedObjects/10/childAssets/11').reply(204);
    await mo.unassignChildAsset('11');
    api().delete('/inventory/managedObjects/10/childAdditions/11').reply(204);
    await mo.unassignChildAddition('11');
  });

  it('DeviceGroup subgroups are child assets', async () => {
    const group = DeviceGroup.fromJSON(c8y, { id: '20' });
    api().post('/inventory/managedObjects/20/childAssets', { managedObject: { id: '21' } }).reply(201);
    await group.assignChildGroup('21');
  });

  it('ManagedObject availability, supported measurements and series', async () => {
    const mo = ManagedObject.fromJSON(c8y, { id: '10' });
    api().get('/inventory/managedObjects/10/availability').reply(200, { deviceId: '10', connectionStatus: 'CONNECTED', interval: '50 minutes' });
    const availability = await mo.getAvailability();
    expect(availability.connectionStatus).toBe('CONNECTED');
    expect(availability.intervalMinutes).toBe(50);
    api().get('/inventory/managedObjects/10/supportedMeasurements').reply(200, { c8y_SupportedMeasurements: ['c8y_T'] });
    expect(await mo.getSupportedMeasurements()).toEqual(['c8y_T']);
    api().get('/inventory/managedObjects/10/supportedSeries').reply(200, { c8y_SupportedSeries: ['c8y_T.T'] });
    expect(await mo.getSupportedSeries()).toEqual(['c8y_T.T']);
  });

  it('Alarm status changes send only the status and keep other local changes', async () => {
    const alarm = Alarm.fromJSON(c8y, { id: '30', status: 'ACTIVE', severity: 'MAJOR', text: 'a' });
    alarm.text = 'local edit';
    api().put('/alarm/alarms/30', { status: 'ACKNOWLEDGED' }).matchHeader('content-type', mt('alarm')).reply(200, { id: '30', status: 'ACKNOWLEDGED', severity: 'MAJOR', text: 'a' });
    await alarm.acknowledge();
    expect(alarm.status).toBe('ACKNOWLEDGED');
    expect(alarm.text).toBe('local edit');
    api().put('/alarm/alarms/30', { status: 'CLEARED' }).reply(200, { id: '30', status: 'CLEARED', severity: 'MAJOR', text: 'a' });
    await alarm.clear();
    api().put('/alarm/alarms/30', { text: 'local edit' }).reply(200, { id: '30', status: 'CLEARED', text: 'local edit' });
    await alarm.update();
  });

  it('Event attachments via /event/events/{id}/binaries', async () => {
    const event = Event.fromJSON(c8y, { id: '40' });
    let multipart = '';
    api()
      .post('/event/events/40/binaries', (body: string) => {
        multipart = body;
        return true;
      })
      .matchHeader('content-type', /^multipart\/form-data; boundary=/)
      .reply(201, { name: 'hello.txt', type: 'text/plain', source: '40' });
    expect(await event.attach('Hello', { filename: 'hello.txt', contentType: 'text/plain' })).toMatchObject({ name: 'hello.txt' });
    expect(multipart).toContain('name="object"');
    expect(multipart).toContain('{"name":"hello.txt","type":"text/plain"}');
    expect(multipart).toMatch(/name="file"; filename="hello.txt"/);
    expect(multipart).toContain('Hello');
    api().put('/event/events/40/binaries', 'Bye').matchHeader('content-type', 'text/plain').reply(201, { name: 'hello.txt' });
    await event.replaceAttachment('Bye', { contentType: 'text/plain', filename: 'hello.txt' });
    api().get('/event/events/40/binaries').reply(200, 'Bye', { 'Content-Type': 'text/plain' });
    expect(new TextDecoder().decode((await event.readAttachment()).bytes)).toBe('Bye');
    api().delete('/event/events/40/binaries').reply(204);
    await event.deleteAttachment();
  });

  it('Binary upload (multipart), metadata update, content replace, download, delete', async () => {
    let multipart = '';
    api()
      .post('/inventory/binaries', (body: string) => {
        multipart = body;
        return true;
      })
      .matchHeader('accept', mt('managedobject'))
      .reply(201, { id: '50', name: 'hello.txt', type: 'text/plain', c8y_IsBinary: {}, length: 6 });
    const file = await new Binary(c8y, { name: 'hello.txt', type: 'text/plain' }).create('Hello!');
    expect(file.length).toBe(6);
    expect(multipart).toContain('{"name":"hello.txt","type":"text/plain"}');
    expect(multipart).toMatch(/filename="hello.txt"\r\nContent-Type: text\/plain\r\n\r\nHello!/);

    file.set('my_Tag', 'x');
    api().put('/inventory/managedObjects/50', { my_Tag: 'x' }).matchHeader('content-type', mt('managedobject')).reply(200, { id: '50', my_Tag: 'x' });
    await file.update();

    api().put('/inventory/binaries/50', 'v2').matchHeader('content-type', 'text/plain').reply(201, { id: '50', name: 'hello.txt', length: 2 });
    await file.replaceContent('v2', { contentType: 'text/plain' });
    expect(file.length).toBe(2);

    api().get('/inventory/binaries/50').reply(200, 'v2', { 'Content-Type': 'text/plain' });
    expect(await file.readText()).toBe('v2');
    api().get('/inventory/managedObjects/50').matchHeader('accept', mt('managedobject')).reply(200, { id: '50', name: 'hello.txt' });
    await file.reload();
    api().delete('/inventory/binaries/50').reply(204);
    await file.delete();
  });

  it('User password, group and role assignment', async () => {
    const user = User.fromJSON(c8y, { id: 'jdoe', userName: 'jdoe', groups: { references: [{ group: { id: 2 } }] }, roles: { references: [{ role: { id: 'ROLE_X' } }] } });
    expect(user.groupIds).toEqual(['2']);
    expect(user.roleIds).toEqual(['ROLE_X']);
    user.firstName = 'unsent';
    api().put('/user/t100/users/jdoe', { password: 'n3w' }).matchHeader('content-type', mt('user')).reply(200, { id: 'jdoe', userName: 'jdoe' });
    await user.setPassword('n3w');
    expect(user.toUpdateJSON()).toEqual({ firstName: 'unsent' });
    expect(user.password).toBeUndefined();
    api()
      .post('/user/t100/groups/2/users', { user: { self: `${BASE}/user/t100/users/jdoe` } })
      .matchHeader('content-type', mt('userreference'))
      .reply(201, {});
    await user.assignGroup(2);
    api().delete('/user/t100/groups/2/users/jdoe').reply(204);
    await user.unassignGroup({ id: '2' });
    api()
      .post('/user/t100/users/jdoe/roles', { role: { self: `${BASE}/user/roles/ROLE_ALARM_READ` } })
      .matchHeader('content-type', mt('rolereference'))
      .reply(201, {});
    await user.assignRole('ROLE_ALARM_READ');
    api().delete('/user/t100/users/jdoe/roles/ROLE_ALARM_READ').reply(204);
    await user.unassignRole('ROLE_ALARM_READ');
  });

  it('UserGroup user and role assignment', async () => {
    const group = UserGroup.fromJSON(c8y, { id: 2, name: 'Ops' });
    api().post('/user/t100/groups/2/users', { user: { self: `${BASE}/user/t100/users/jdoe` } }).reply(201, {});
    await group.assignUser('jdoe');
    api().delete('/user/t100/groups/2/users/jdoe').reply(204);
    await group.unassignUser('jdoe');
    api().post('/user/t100/groups/2/roles', { role: { self: `${BASE}/user/roles/ROLE_A` } }).matchHeader('content-type', mt('rolereference')).reply(201, {});
    await group.assignRole('ROLE_A');
    api().delete('/user/t100/groups/2/roles/ROLE_A').reply(204);
    await group.unassignRole('ROLE_A');
  });
});
