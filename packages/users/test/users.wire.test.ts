import { describe, expect, it } from '@jest/globals';
import nock from 'nock';
import { BasicAuth, BearerAuth, CumulocityRestClient } from '@c8y/rest-core';
import { CurrentUser, TfaSettings, User, Users } from '../src/index.js';
import { BASE, expectInvalid, mt, testClient, useNock } from './helpers.js';

// The exact requests Users sends (paths, query strings, media types, bodies) and what it makes of the replies.

useNock();
const users = () => new Users(testClient());
const page = (items: object[], pageSize = 1000) => ({ self: `${BASE}/user/t100/users`, users: items, statistics: { pageSize, currentPage: 1 } });
const user = (userName: string, extra: object = {}) => ({ id: userName, userName, email: `${userName}@example.com`, ...extra });

describe('reading users', () => {
  it('get: GET /user/{tenantId}/users/{userName}, the name path-encoded; a User', async () => {
    nock(BASE, { reqheaders: { accept: mt('user') } }).get('/user/t100/users/j%C3%B6rg').reply(200, user('jörg'));
    const found = await users().get('jörg');
    expect(found).toBeInstanceOf(User);
    expect([found.id, found.email]).toEqual(['jörg', 'jörg@example.com']);
  });

  it('getCurrent: GET /user/currentUser with the current-user media type', async () => {
    nock(BASE, { reqheaders: { accept: mt('currentuser') } })
      .get('/user/currentUser')
      .reply(200, { id: 'admin', userName: 'admin', effectiveRoles: [{ id: 'ROLE_ALARM_READ' }] });
    const me = await users().getCurrent();
    expect(me).toBeInstanceOf(CurrentUser);
    expect(me.effectiveRoleIds).toEqual(['ROLE_ALARM_READ']);
  });

  it('getAll: every documented filter; group ids and objects comma-joined', async () => {
    nock(BASE, { reqheaders: { accept: mt('usercollection') } })
      .get('/user/t100/users')
      .query({ username: 'j', groups: '2,5', owner: 'admin', onlyDevices: 'false', withSubusersCount: 'true', pageSize: '1000', currentPage: '1' })
      .reply(200, page([user('jane', { subusersCount: 0 }), user('joe')]));
    const found = await users().getAll({ username: 'j', groups: [2, { id: '5' }], owner: 'admin', onlyDevices: false, withSubusersCount: true });
    expect(found.map((item) => [item instanceof User, item.userName])).toEqual([
      [true, 'jane'],
      [true, 'joe'],
    ]);
  });

  it('group names are looked up (groupByName) before the listing request', async () => {
    const scope = nock(BASE)
      .get('/user/t100/groupByName/Plant%20operators')
      .matchHeader('accept', mt('group'))
      .reply(200, { id: 7, name: 'Plant operators' })
      .get('/user/t100/users')
      .query({ groups: '2,7', pageSize: '1000', currentPage: '1' })
      .reply(200, page([user('jane')]));
    expect(await users().getAll({ groups: [2, 'Plant operators'] }, { asValues: 'userName' })).toEqual(['jane']);
    expect(scope.isDone()).toBe(true);
  });

  it('select resolves names lazily, when iterated', async () => {
    const listing = users().select({ groups: 'Ops' });
    nock(BASE).get('/user/t100/groupByName/Ops').reply(200, { id: 3, name: 'Ops' });
    nock(BASE).get('/user/t100/users').query({ groups: '3', pageSize: '1000', currentPage: '1' }).reply(200, page([user('a')]));
    const names: Array<string | undefined> = [];
    for await (const item of listing) names.push(item.userName);
    expect(names).toEqual(['a']);
  });

  it('an unknown group name is an InvalidInputError and no listing is sent', async () => {
    nock(BASE).get('/user/t100/groupByName/Nobody').reply(404, { error: 'security/Not Found', message: 'Group not found' });
    await expectInvalid(users().getAll({ groups: ['Nobody'] }), 'groups', /no user group named "Nobody"/);
  });

  it('count: pageSize=1&withTotalPages=true with the filters, after resolving names', async () => {
    nock(BASE).get('/user/t100/groupByName/Ops').reply(200, { id: 3, name: 'Ops' });
    nock(BASE)
      .get('/user/t100/users')
      .query({ groups: '3', pageSize: '1', withTotalPages: 'true' })
      .reply(200, { users: [user('a')], statistics: { pageSize: 1, currentPage: 1, totalPages: 12 } });
    expect(await users().count({ groups: 'Ops' })).toBe(12);
  });

  it('a filter the endpoint does not document is refused before any request', async () => {
    await expectInvalid(users().getAll({ userName: 'x' } as never), 'userName');
  });
});

describe('writing users', () => {
  it('create: POST with the user media type and the JSON given', async () => {
    nock(BASE, { reqheaders: { 'content-type': mt('user'), accept: mt('user') } })
      .post('/user/t100/users', { userName: 'jane', email: 'jane@example.com', sendPasswordResetEmail: true })
      .reply(201, user('jane'));
    const created = await users().create({ userName: 'jane', email: 'jane@example.com', sendPasswordResetEmail: true });
    expect([created instanceof User, created.id]).toEqual([true, 'jane']);
  });

  it('create with an owner (a user hierarchy): the owner is sent, as the OpenAPI spec allows on creation only', async () => {
    nock(BASE).post('/user/t100/users', { userName: 'jim', email: 'jim@example.com', password: 'Secret-123', owner: 'jane' }).reply(201, user('jim'));
    const created = await users().create({ userName: 'jim', email: 'jim@example.com', password: 'Secret-123', owner: 'jane' });
    expect(created.id).toBe('jim');
  });

  it('create many with workers: one POST each, results in input order', async () => {
    nock(BASE).post('/user/t100/users', { userName: 'a', email: 'a@example.com', password: 'Secret-123' }).reply(201, user('a'));
    nock(BASE).post('/user/t100/users', { userName: 'b', email: 'b@example.com', password: 'Secret-123' }).reply(201, user('b'));
    const created = await users().create(
      ['a', 'b'].map((name) => ({ userName: name, email: `${name}@example.com`, password: 'Secret-123' })),
      { workers: 2 },
    );
    expect(created.map((item) => item.id)).toEqual(['a', 'b']);
  });

  it('bad input is refused before any request', async () => {
    await expectInvalid(users().create({ userName: 'jane', email: 'jane@example.com' }), 'item.sendPasswordResetEmail', /sendPasswordResetEmail: true/);
    await expectInvalid(users().create({ userName: '', email: 'x@example.com', sendPasswordResetEmail: true }), 'user.userName', /empty/);
    await expectInvalid(users().create({ userName: 'jane', email: 'not-an-email', sendPasswordResetEmail: true }), 'user.email', /e-mail/);
    await expectInvalid(users().create([{ userName: 'ok', email: 'ok@example.com', password: 'x' }, { userName: 'bad', email: 'a@b' , password: 'x' }]), 'users[1].email');
    await expectInvalid(users().update({ id: 'jane', email: 'jane at example' }), 'user.email');
    await expectInvalid(users().get(''), 'username', /empty/);
    await expectInvalid(users().get('a/b'), 'username');
    await expectInvalid(users().setPassword(' ', 'x'), 'username');
    await expectInvalid(users().setPassword('jane', ''), 'password');
    await expectInvalid(users().getTfaSettings(''), 'username');
    await expectInvalid(users().changePassword('', 'new'), 'currentPassword');
    await expectInvalid(users().verifyTotp('12ab56'), 'code');
    await expectInvalid(users().setTotpActive('yes' as never), 'active');
  });

  it('update: PUT only what changed of a User; plain JSON by id', async () => {
    nock(BASE, { reqheaders: { 'content-type': mt('user'), accept: mt('user') } })
      .put('/user/t100/users/jane', { lastName: 'Doe', enabled: false })
      .reply(200, user('jane', { lastName: 'Doe', enabled: false }));
    const updated = await users().update({ id: 'jane', lastName: 'Doe', enabled: false });
    expect(updated.enabled).toBe(false);
    const loaded = User.fromJSON(testClient(), user('joe'));
    loaded.email = 'joe@example.org';
    nock(BASE).put('/user/t100/users/joe', { email: 'joe@example.org' }).reply(200, user('joe', { email: 'joe@example.org' }));
    expect((await users().update(loaded)).email).toBe('joe@example.org');
  });

  it('delete: DELETE each, with workers', async () => {
    nock(BASE).delete('/user/t100/users/a').reply(204).delete('/user/t100/users/b').reply(204);
    await users().delete(['a', 'b'], { workers: 2 });
  });

  it('setPassword: PUT the user with { password } only', async () => {
    nock(BASE, { reqheaders: { 'content-type': mt('user') } })
      .put('/user/t100/users/jane', { password: 'n3w-Secret!' })
      .reply(200, user('jane'));
    expect((await users().setPassword('jane', 'n3w-Secret!')).id).toBe('jane');
  });

  it('changePassword: PUT /user/currentUser/password with both passwords', async () => {
    nock(BASE).put('/user/currentUser/password', { currentUserPassword: 'secret', newPassword: 'n3w-Secret!' }).reply(200);
    await users().changePassword('secret', 'n3w-Secret!');
  });

  it('logoutAll: POST /user/logout/{tenantId}/allUsers without a body', async () => {
    nock(BASE).post('/user/logout/t100/allUsers', (body: unknown) => body === '' || body === undefined).reply(200);
    await users().logoutAll();
  });
});

describe('two-factor authentication', () => {
  it('getTfaSettings: GET /user/{tenantId}/users/{userName}/tfa → TfaSettings', async () => {
    nock(BASE).get('/user/t100/users/jane/tfa').reply(200, { tfaEnabled: true, tfaEnforced: false, strategy: 'TOTP' });
    const tfa = await users().getTfaSettings('jane');
    expect(tfa).toBeInstanceOf(TfaSettings);
    expect([tfa.enabled, tfa.enforced, tfa.strategy]).toEqual([true, false, 'TOTP']);
  });

  it('TOTP of the current user: secret, activity read and set, verify', async () => {
    nock(BASE, { reqheaders: { accept: 'application/json' } })
      .post('/user/currentUser/totpSecret')
      .reply(200, { rawSecret: 'JBSWY3DPEHPK3PXP', secretQrUrl: 'https://qr.example/x' })
      .get('/user/currentUser/totpSecret/activity')
      .reply(200, { isActive: false });
    nock(BASE, { reqheaders: { 'content-type': 'application/json' } })
      .post('/user/currentUser/totpSecret/activity', { isActive: true })
      .reply(204)
      .post('/user/currentUser/totpSecret/verify', { code: '123456' })
      .reply(204);
    const api = users();
    expect(await api.generateTotpSecret()).toEqual({ rawSecret: 'JBSWY3DPEHPK3PXP', secretQrUrl: 'https://qr.example/x' });
    expect(await api.isTotpActive()).toBe(false);
    await api.setTotpActive(true);
    await api.verifyTotp('123456');
  });

  it('a wrong TOTP code is the platform\'s 403', async () => {
    nock(BASE).post('/user/currentUser/totpSecret/verify', { code: '000000' }).reply(403, { error: 'security/Forbidden', message: 'Invalid TFA code' });
    await expect(users().verifyTotp('000000')).rejects.toMatchObject({ status: 403 });
  });
});

describe("the client's own Basic credentials follow a password change", () => {
  const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  const OLD = basic('t100/admin', 'secret');
  const NEW = basic('t100/admin', 'n3w-Secret!');

  it('changePassword: the change is sent with the old password, the next request with the new one', async () => {
    const api = users();
    nock(BASE).put('/user/currentUser/password').matchHeader('authorization', OLD).reply(200);
    nock(BASE).get('/user/t100/users/jane').matchHeader('authorization', NEW).reply(200, user('jane'));
    await api.changePassword('secret', 'n3w-Secret!');
    expect((await api.get('jane')).id).toBe('jane');
  });

  it('changePassword: other contexts on the same client follow too (one BasicAuth per client)', async () => {
    const client = testClient();
    nock(BASE).put('/user/currentUser/password').reply(200);
    nock(BASE).get('/user/currentUser').matchHeader('authorization', NEW).reply(200, user('admin'));
    await new Users(client).changePassword('secret', 'n3w-Secret!');
    expect((await new Users(client).getCurrent()).userName).toBe('admin');
  });

  it('changePassword refused by the platform (422): the client keeps the old password', async () => {
    const api = users();
    nock(BASE).put('/user/currentUser/password').reply(422, { error: 'users/Invalid Data', message: 'Provided current user password is invalid' });
    nock(BASE).get('/user/t100/users/jane').matchHeader('authorization', OLD).reply(200, user('jane'));
    await expect(api.changePassword('wrong', 'n3w-Secret!')).rejects.toMatchObject({ status: 422 });
    expect((await api.get('jane')).id).toBe('jane');
  });

  it('setPassword of the client\'s own user (any case of the name) follows; of another user it does not', async () => {
    const api = users();
    nock(BASE).put('/user/t100/users/jane', { password: 'Jane-Secret-1' }).matchHeader('authorization', OLD).reply(200, user('jane'));
    nock(BASE).put('/user/t100/users/Admin', { password: 'n3w-Secret!' }).matchHeader('authorization', OLD).reply(200, user('admin'));
    nock(BASE).get('/user/t100/users/jane').matchHeader('authorization', NEW).reply(200, user('jane'));
    await api.setPassword('jane', 'Jane-Secret-1');
    await api.setPassword('Admin', 'n3w-Secret!');
    expect((await api.get('jane')).id).toBe('jane');
  });

  it('setPassword of a same-named user of another tenant does not follow', async () => {
    const client = new CumulocityRestClient({ baseUrl: BASE, auth: new BasicAuth('t100/admin', 'secret'), tenantId: 't200', retry: false });
    nock(BASE).put('/user/t200/users/admin', { password: 'n3w-Secret!' }).reply(200, user('admin'));
    nock(BASE).get('/user/t200/users/jane').matchHeader('authorization', OLD).reply(200, user('jane'));
    const api = new Users(client);
    await api.setPassword('admin', 'n3w-Secret!');
    expect((await api.get('jane')).id).toBe('jane');
  });

  it('a Bearer client has nothing to follow: the same token before and after', async () => {
    const client = new CumulocityRestClient({ baseUrl: BASE, auth: new BearerAuth('a.b.c'), tenantId: 't100', retry: false });
    nock(BASE).put('/user/currentUser/password').matchHeader('authorization', 'Bearer a.b.c').reply(200);
    nock(BASE).get('/user/t100/users/jane').matchHeader('authorization', 'Bearer a.b.c').reply(200, user('jane'));
    const api = new Users(client);
    await api.changePassword('secret', 'n3w-Secret!');
    expect((await api.get('jane')).id).toBe('jane');
  });

  it('a new password no Basic header can carry is refused before the request', async () => {
    await expectInvalid(users().changePassword('secret', 'new\npassword'), 'newPassword', /CR, LF or NUL/);
    await expectInvalid(users().changePassword('secret', 'bad\uD800'), 'newPassword', /lone surrogate/);
    await expectInvalid(users().setPassword('jane', 'a\rb'), 'password', /CR, LF or NUL/);
  });
});
