import { describe, expect, it } from '@jest/globals';
import {
  Alarm,
  Binary,
  BulkOperation,
  Event,
  ExternalId,
  ManagedObject,
  Measurement,
  Operation,
  Permission,
  ReadPermission,
  Subscription,
  TenantOption,
  User,
  UserGroup,
} from '../src/index.js';
import { expectInvalid, expectInvalidAsync, testClient, useNock } from './helpers.js';

// useNock() disables the network: any request that slipped past validation fails the test.
useNock();
const c8y = testClient();
const T = '2025-01-01T00:00:00.000Z';

describe('read-only fields', () => {
  it.each(['id', 'self', 'creationTime', 'lastUpdated', 'childDevices'])('set(%p) is refused', (key) => {
    const obj = ManagedObject.fromJSON(c8y, { id: '1' });
    expectInvalid(() => obj.set(key, 'x'), key, /read-only/);
    expectInvalid(() => obj.set(`${key}.nested`, 'x'), key, /read-only/);
    expectInvalid(() => obj.unset(key), key, /read-only/);
  });

  it('the constructor refuses read-only keys and computed properties', () => {
    expectInvalid(() => new ManagedObject(c8y, { id: '1' }), 'id', /read-only/);
    expectInvalid(() => new ManagedObject(c8y, { creationTime: T }), 'creationTime', /read-only/);
    expectInvalid(() => new ManagedObject(c8y, { isDevice: true }), 'isDevice', /read-only property/);
    expectInvalid(() => new Alarm(c8y, { count: 3 }), 'count', /read-only/);
    expectInvalid(() => new User(c8y, { delegatedBy: 'x' }), 'delegatedBy', /read-only/);
  });

  it('assigning a read-only property throws a TypeError', () => {
    const obj = ManagedObject.fromJSON(c8y, { id: '1', creationTime: T });
    expect(() => {
      (obj as unknown as { id: string }).id = '2';
    }).toThrow(TypeError);
    expect(() => {
      (obj as unknown as { creationTime: string }).creationTime = 'x';
    }).toThrow(TypeError);
    expect(obj.id).toBe('1');
  });

  it('id comes only from the server: the live JSON cannot fake it', async () => {
    const obj = new ManagedObject(c8y, { name: 'x' });
    obj.json.id = '99';
    expect(obj.id).toBeUndefined();
    await expectInvalidAsync(() => obj.update(), 'id', /never created/);
  });
});

describe('operations that need a created object', () => {
  it.each([
    ['update', () => new ManagedObject(c8y, { name: 'x' }).update()],
    ['reload', () => new ManagedObject(c8y, { name: 'x' }).reload()],
    ['delete', () => new Event(c8y, {}).delete()],
    ['assign children to', () => new ManagedObject(c8y, {}).assignChildDevice('1')],
    ['change the status of', () => new Alarm(c8y, {}).clear()],
    ['attach a file to', () => new Event(c8y, {}).attach('x')],
    ['set the password of', () => new User(c8y, {}).setPassword('x')],
  ])('%s before create is a clear error', async (action, run) => {
    await expectInvalidAsync(run, 'id', new RegExp(`cannot ${action} a \\w+ that was never created`));
  });

  it('a detached object cannot send requests', async () => {
    await expectInvalidAsync(() => new ManagedObject(undefined, { name: 'x' }).create(), 'c8y', /has no client/);
  });

  it('identity fields are needed for ExternalId and TenantOption', async () => {
    await expectInvalidAsync(() => new ExternalId(c8y, { externalId: 'x' }).delete(), 'type');
    await expectInvalidAsync(() => new TenantOption(c8y, { category: 'c' }).reload(), 'key');
    await expectInvalidAsync(() => new ExternalId(c8y, { externalId: 'x', type: 't' }).create(), 'managedObject.id', /required/);
  });
});

describe('validation of what users build, before any request', () => {
  it.each([
    ['Measurement without source', () => new Measurement(c8y, { type: 't', time: T }).create(), 'source', /is required \(Measurement\)/],
    ['Measurement without time', () => new Measurement(c8y, { type: 't', source: '1' }).create(), 'time', /is required/],
    ['Measurement without type', () => new Measurement(c8y, { source: '1', time: T }).create(), 'type', /is required/],
    ['Measurement with empty type', () => new Measurement(c8y, { type: '', source: '1', time: T }).create(), 'type', /must not be empty/],
    ['Event without text', () => new Event(c8y, { type: 't', source: '1', time: T }).create(), 'text', /is required \(Event\)/],
    [
      'Alarm with unknown severity',
      () => new Alarm(c8y, { type: 't', text: 'x', source: '1', time: T, severity: 'SEVERE' as never }).create(),
      'severity',
      /must be one of CRITICAL, MAJOR, MINOR, WARNING, got "SEVERE" \(Alarm\)/,
    ],
    [
      'Alarm with unknown status',
      () => new Alarm(c8y, { type: 't', text: 'x', source: '1', time: T, severity: 'MAJOR', status: 'OPEN' as never }).create(),
      'status',
      /must be one of ACTIVE, ACKNOWLEDGED, CLEARED/,
    ],
    ['Operation without deviceId', () => new Operation(c8y, { c8y_Restart: {} }).create(), 'deviceId', /is required/],
    ['BulkOperation without target', () => new BulkOperation(c8y, { operationPrototype: {} }).create(), 'groupId', /exactly one of groupId or failedParentId/],
    ['User with a slash in userName', () => new User(c8y, { userName: 'a/b', email: 'x@y' }).create(), 'userName', /must not contain/],
    ['User without email', () => new User(c8y, { userName: 'a' }).create(), 'email', /is required/],
    // The OpenAPI spec: without a password the platform requires sendPasswordResetEmail: true.
    ['User without password or reset e-mail', () => new User(c8y, { userName: 'a', email: 'a@example.com' }).create(), 'sendPasswordResetEmail', /needs sendPasswordResetEmail: true/],
    ['User with reset e-mail switched off', () => new User(c8y, { userName: 'a', email: 'a@example.com', sendPasswordResetEmail: false }).create(), 'sendPasswordResetEmail', /or give a password/],
    ['UserGroup without name', () => new UserGroup(c8y, {}).create(), 'name', /is required/],
    ['Binary without name', () => new Binary(c8y, { type: 'text/plain' }).create('x'), 'name', /is required/],
    ['Subscription mo without source', () => new Subscription(c8y, { context: 'mo', subscription: 's' }).create(), 'source', /context 'mo'/],
    ['ManagedObject with a numeric name', () => new ManagedObject(c8y, { name: 5 as never }).create(), 'name', /must be a string, got 5/],
    ['ExternalId without type', () => new ExternalId(c8y, { externalId: 'x', managedObjectId: '1' }).create(), 'type', /is required/],
    ['Measurement source without id', () => new Measurement(c8y, { type: 't', 'source.name': 'x', time: T }).create(), 'source.id', /is required/],
  ])('%s', async (_name, run, path, message) => {
    await expectInvalidAsync(run, path, message);
  });

  it('time setters refuse what is not a date', () => {
    expectInvalid(() => new Measurement(c8y, { time: 'yesterday-ish' }), 'time', /expected an ISO-8601 date or date-time/);
    expectInvalid(() => new Measurement(c8y, { time: new Date(Number.NaN) }), 'time', /invalid Date/);
    expectInvalid(() => new Event(c8y, { source: '' }), 'source', /must be an id/);
  });

  it('update validates the changes and refuses fields Cumulocity cannot change', async () => {
    const alarm = Alarm.fromJSON(c8y, { id: '1', type: 't', severity: 'MAJOR', source: { id: '1' }, time: T, text: 'x' });
    alarm.severity = 'LOW' as never;
    await expectInvalidAsync(() => alarm.update(), 'severity', /must be one of/);
    alarm.severity = 'MINOR';
    alarm.type = 'other';
    await expectInvalidAsync(() => alarm.update(), 'type', /cannot be changed once a Alarm exists/);
    const event = Event.fromJSON(c8y, { id: '2', type: 't', text: 'x', source: { id: '1' }, time: T });
    event.unset('text');
    await expectInvalidAsync(() => event.update(), 'text', /required and cannot be removed/);
    const user = User.fromJSON(c8y, { id: 'a', userName: 'a' });
    user.userName = 'b';
    await expectInvalidAsync(() => user.update(), 'userName', /cannot be changed/);
    // the OpenAPI spec: a user's owner "can only be set … during user creation"
    const owned = User.fromJSON(c8y, { id: 'c', userName: 'c', owner: 'boss' });
    owned.set('owner', 'other');
    await expectInvalidAsync(() => owned.update(), 'owner', /cannot be changed/);
  });

  it('permissions are validated', () => {
    expectInvalid(() => new Permission({ permission: 'WRITE' as never, scope: 'ALARM' }), 'permission', /must be one of READ, ADMIN, \*/);
    expectInvalid(() => new ReadPermission('DEVICES' as never), 'scope', /must be one of/);
  });

  it('ids and references are checked', async () => {
    const mo = ManagedObject.fromJSON(c8y, { id: '1' });
    await expectInvalidAsync(() => mo.assignChildDevice(''), 'child', /expected an id .*got ""/);
    await expectInvalidAsync(() => mo.assignChildDevice({}), 'child', /got an object without an id \(was it created\?\)/);
    await expectInvalidAsync(() => mo.unassignChildDevice('..'), 'child', /not a valid id/);
  });
});
