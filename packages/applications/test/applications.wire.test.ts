import { describe, expect, it } from '@jest/globals';
import { Application, ApplicationSubscription } from '@c8y/model';
import { BasicAuth, CumulocityRestClient, isCumulocityError } from '@c8y/rest-core';
import nock from 'nock';
import { Applications } from '../src/index.js';
import { BASE, expectInvalid, mt, testClient, useNock } from './helpers.js';

// The exact requests Applications sends (paths, query strings, headers, bodies) and what it
// makes of the replies.

useNock();
const applications = () => new Applications(testClient());
const app = (id: string, name = `app${id}`, type = 'HOSTED') => ({
  id,
  name,
  key: `${name}-key`,
  type,
  self: `${BASE}/application/applications/${id}`,
  owner: { tenant: { id: 't100' } },
});

describe('listing applications', () => {
  it('getAll: every documented filter on GET /application/applications, type comma-joined; Application objects', async () => {
    nock(BASE, { reqheaders: { accept: mt('applicationcollection') } })
      .get('/application/applications')
      .query({
        name: 'hello',
        type: 'HOSTED,MICROSERVICE',
        owner: 't1',
        providedFor: 't2',
        subscriber: 't3',
        tenant: 't4',
        user: 'bob',
        hasVersions: 'false',
        pageSize: '1000',
        currentPage: '1',
      })
      .reply(200, { applications: [app('1'), app('2', 'hello', 'MICROSERVICE')] });
    const found = await applications().getAll({ name: 'hello', type: ['HOSTED', 'MICROSERVICE'], owner: 't1', providedFor: 't2', subscriber: 't3', tenant: 't4', user: 'bob', hasVersions: false });
    expect(found.map((item) => item instanceof Application)).toEqual([true, true]);
    expect(found.map((item) => [item.id, item.name, item.type, item.ownerTenantId])).toEqual([
      ['1', 'app1', 'HOSTED', 't100'],
      ['2', 'hello', 'MICROSERVICE', 't100'],
    ]);
  });

  it('select with asValues and inline paging', async () => {
    nock(BASE)
      .get('/application/applications')
      .query({ type: 'EXTERNAL', pageSize: '2', currentPage: '1' })
      .reply(200, { applications: [app('1'), app('2')] });
    const names: unknown[] = [];
    for await (const name of applications().select({ type: 'EXTERNAL', limit: 2, asValues: 'name' })) names.push(name);
    expect(names).toEqual(['app1', 'app2']);
  });

  it('refuses, before any request: an undocumented filter, an unknown type', async () => {
    await expectInvalid(applications().getAll({ availability: 'MARKET' } as never), 'availability', /not a parameter of GET \/application\/applications/);
    await expectInvalid(applications().getAll({ type: ['HOSTED', 'WEB'] as never }), 'type');
  });

  it('getByName: GET /application/applicationsByName/{name} (path-encoded), one request without paging parameters', async () => {
    nock(BASE, { reqheaders: { accept: mt('applicationcollection') } })
      .get('/application/applicationsByName/my%20app%2Fv2')
      .query({})
      .reply(200, { applications: [app('7', 'my app/v2'), app('8', 'my app/v2')] });
    const found = await applications().getByName('my app/v2');
    expect(found.map((item) => [item instanceof Application, item.id])).toEqual([
      [true, '7'],
      [true, '8'],
    ]);
  });

  it('getByName: asValues; none gives []; an empty name is refused before any request', async () => {
    nock(BASE).get('/application/applicationsByName/cockpit').reply(200, { applications: [app('3', 'cockpit')] }).get('/application/applicationsByName/none').reply(200, { applications: [] });
    await expect(applications().getByName('cockpit', { asValues: ['id', 'name'] })).resolves.toEqual([['3', 'cockpit']]);
    await expect(applications().getByName('none')).resolves.toEqual([]);
    await expectInvalid(applications().getByName(''), 'name', /must not be empty/);
    await expectInvalid(applications().getByName('..'), 'name');
  });
});

describe('one application', () => {
  it('get: GET /application/applications/{id}, path-encoded', async () => {
    nock(BASE, { reqheaders: { accept: mt('application') } })
      .get('/application/applications/4%2F2')
      .reply(200, app('4/2'));
    const found = await applications().get('4/2');
    expect([found instanceof Application, found.id, found.name]).toEqual([true, '4/2', 'app4/2']);
  });

  it('create: POST with the application media type and the plain JSON; resolves the created Application', async () => {
    nock(BASE, { reqheaders: { 'content-type': mt('application'), accept: mt('application') } })
      .post('/application/applications', { name: 'hello', key: 'hello-key', type: 'EXTERNAL', externalUrl: 'https://example.com' })
      .reply(201, { ...app('9', 'hello', 'EXTERNAL'), externalUrl: 'https://example.com' });
    const created = await applications().create({ name: 'hello', key: 'hello-key', type: 'EXTERNAL', externalUrl: 'https://example.com' });
    expect([created instanceof Application, created.id, created.get('externalUrl')]).toEqual([true, '9', 'https://example.com']);
  });

  it('create refuses an application without key before any request', async () => {
    await expectInvalid(applications().create({ name: 'hello', type: 'HOSTED' }), 'item.key');
  });

  it('update: PUT /application/applications/{id} with the changes only', async () => {
    nock(BASE, { reqheaders: { 'content-type': mt('application'), accept: mt('application') } })
      .put('/application/applications/9', { description: 'Demo' })
      .reply(200, { ...app('9'), description: 'Demo' });
    const existing = Application.fromJSON(testClient(), app('9'));
    existing.description = 'Demo';
    const updated = await applications().update(existing);
    expect(updated.description).toBe('Demo');
  });

  it('delete: DELETE by id; force=true only when asked; several as a bulk', async () => {
    nock(BASE)
      .delete('/application/applications/9')
      .query({})
      .reply(204)
      .delete('/application/applications/10')
      .query({ force: 'true' })
      .reply(204)
      .delete('/application/applications/11')
      .query({ force: 'true' })
      .reply(204);
    await applications().delete('9');
    await applications().delete(['10', { id: '11' }], { force: true });
  });
});

describe('archives', () => {
  it('upload: POST /{id}/binaries as multipart with one file part (application/zip, the file name); resolves the Application', async () => {
    let body = '';
    nock(BASE, { reqheaders: { accept: mt('application'), 'content-type': /^multipart\/form-data; boundary=/ } })
      .post('/application/applications/9/binaries', (raw: unknown) => {
        body = String(raw);
        return true;
      })
      .query({ clearConflictingOptions: 'true' })
      .reply(201, { ...app('9'), activeVersionId: '77' });
    const updated = await applications().upload('9', new Uint8Array([80, 75, 3, 4]), { filename: 'hello-1.0.zip', clearConflictingOptions: true });
    expect([updated instanceof Application, updated.activeVersionId]).toEqual([true, '77']);
    expect(body).toContain(`Content-Disposition: form-data; name="file"; filename="hello-1.0.zip"\r\nContent-Type: application/zip\r\n\r\n${String.fromCharCode(80, 75, 3, 4)}\r\n`);
    expect(body).not.toMatch(/name="object"/);
  });

  it('upload: a default file name, no query without clearConflictingOptions; bad input refused before any request', async () => {
    let body = '';
    nock(BASE)
      .post('/application/applications/9/binaries', (raw: unknown) => {
        body = String(raw);
        return true;
      })
      .query({})
      .reply(201, app('9'));
    await applications().upload({ id: '9' }, new Blob(['zip'], { type: 'application/octet-stream' }));
    expect(body).toMatch(/name="file"; filename="application\.zip"\r\nContent-Type: application\/zip\r\n\r\nzip\r\n/);
    await expectInvalid(applications().upload('', 'x'), 'application');
    await expectInvalid(applications().upload('9', undefined as never), 'archive', /must be a Blob, bytes or a string/);
    await expectInvalid(applications().upload('9', 'x', { filename: '' }), 'filename');
  });
});

describe('subscriptions', () => {
  it('subscribe: POST /tenant/tenants/{tenantId}/applications with the application reference', async () => {
    nock(BASE, { reqheaders: { 'content-type': mt('applicationreference'), accept: mt('applicationreference') } })
      .post('/tenant/tenants/t7/applications', { application: { self: `${BASE}/application/applications/9` } })
      .reply(201, { application: app('9') });
    await applications().subscribe('9', 't7');
  });

  it("subscribe and unsubscribe default to the client's tenant", async () => {
    nock(BASE)
      .post('/tenant/tenants/t100/applications', { application: { self: `${BASE}/application/applications/9` } })
      .reply(201, {})
      .delete('/tenant/tenants/t100/applications/9')
      .reply(204);
    await applications().subscribe({ id: '9' });
    await applications().unsubscribe('9');
  });

  it('unsubscribe: DELETE /tenant/tenants/{tenantId}/applications/{id}, both path-encoded; bad ids refused', async () => {
    nock(BASE).delete('/tenant/tenants/t%2F7/applications/9').reply(204);
    await applications().unsubscribe('9', 't/7');
    await expectInvalid(applications().unsubscribe('9', ''), 'tenantId', /must not be empty/);
    await expectInvalid(applications().subscribe(null as never, 't7'), 'application');
  });

  it('an already subscribed tenant is a ConflictError', async () => {
    nock(BASE).post('/tenant/tenants/t7/applications').reply(409, { error: 'tenants/Duplicate', message: 'already subscribed' });
    const error = await applications()
      .subscribe('9', 't7')
      .catch((thrown: unknown) => thrown);
    expect(isCumulocityError(error, 'ConflictError')).toBe(true);
  });
});

describe('the current application (microservice credentials)', () => {
  const bootstrap = () => new CumulocityRestClient({ baseUrl: BASE, auth: new BasicAuth('t100/servicebootstrap_hello', 'pw'), tenantId: 't100', retry: false });

  it('getCurrent: GET /application/currentApplication with the application media type', async () => {
    nock(BASE, { reqheaders: { accept: mt('application'), authorization: `Basic ${Buffer.from('t100/servicebootstrap_hello:pw').toString('base64')}` } })
      .get('/application/currentApplication')
      .reply(200, app('5', 'hello', 'MICROSERVICE'));
    const me = await new Applications(bootstrap()).getCurrent();
    expect([me instanceof Application, me.id, me.name, me.type]).toEqual([true, '5', 'hello', 'MICROSERVICE']);
  });

  it('getCurrentSubscriptions: GET …/subscriptions (applicationusercollection); ApplicationSubscription per user, passwords hidden', async () => {
    nock(BASE, { reqheaders: { accept: mt('applicationusercollection') } })
      .get('/application/currentApplication/subscriptions')
      .reply(200, {
        users: [
          { tenant: 't100', name: 'service_hello', password: 'p1' },
          { tenant: 't200', name: 'service_hello', password: 'p2' },
        ],
      });
    const subs = await new Applications(bootstrap()).getCurrentSubscriptions();
    expect(subs.map((sub) => sub instanceof ApplicationSubscription)).toEqual([true, true]);
    expect(subs.map((sub) => [sub.tenant, sub.name, sub.password])).toEqual([
      ['t100', 'service_hello', 'p1'],
      ['t200', 'service_hello', 'p2'],
    ]);
    expect(JSON.stringify(subs)).not.toMatch(/p1|p2/);
  });

  it('getCurrentSubscriptions: a reply without users is a ResponseFormatError', async () => {
    nock(BASE).get('/application/currentApplication/subscriptions').reply(200, { self: 'x' });
    const error = await applications()
      .getCurrentSubscriptions()
      .catch((thrown: unknown) => thrown);
    expect(isCumulocityError(error, 'ResponseFormatError')).toBe(true);
  });
});

describe('what the API does not offer is not there', () => {
  it('no count, getLast, applyTo, deleteBy or updateBy', () => {
    const api = applications() as unknown as Record<string, unknown>;
    for (const name of ['count', 'getLast', 'applyTo', 'deleteBy', 'updateBy']) expect(api[name]).toBeUndefined();
    for (const name of ['get', 'select', 'getAll', 'getByName', 'create', 'update', 'delete', 'upload', 'subscribe', 'unsubscribe', 'getCurrent', 'getCurrentSubscriptions']) {
      expect(typeof api[name]).toBe('function');
    }
  });
});
