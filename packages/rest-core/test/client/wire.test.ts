import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import { BasicAuth, CumulocityRestClient, apiPath } from '../../src/index.js';
import { testAuth, testAuthorization } from './test-auth.js';

const base = 'https://t100.example.com';
const client = (options: Partial<ConstructorParameters<typeof CumulocityRestClient>[0]> = {}) =>
  new CumulocityRestClient({ baseUrl: base, auth: testAuth, retry: false, ...options });

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  expect(pending).toEqual([]);
});

describe('query strings', () => {
  it('repeats array keys, writes booleans, ISO dates, drops undefined and null, encodes + and spaces', async () => {
    nock(base)
      .get('/inventory/managedObjects')
      .query((query) => {
        expect(query).toEqual({
          ids: ['1', '2'],
          withParents: 'true',
          onlyRoots: 'false',
          dateFrom: '2025-01-02T03:04:05.678Z',
          query: "name eq 'a b+c'",
          pageSize: '100',
        });
        return true;
      })
      .reply(200, {});
    await client().get('/inventory/managedObjects', {
      params: {
        ids: ['1', '2'],
        withParents: true,
        onlyRoots: false,
        dateFrom: new Date('2025-01-02T03:04:05.678Z'),
        query: "name eq 'a b+c'",
        pageSize: 100,
        skipped: undefined,
        alsoSkipped: null,
      },
    });
  });

  it('puts exactly the encoded string on the wire', async () => {
    let seen = '';
    nock(base)
      .get(/.*/)
      .reply(function (uri) {
        seen = uri;
        return [200, {}];
      });
    await client().get('/event/events', { params: { type: 'a b', dateFrom: '2025-01-01T00:00:00+02:00', k: ['x&y', 'z'] } });
    expect(seen).toBe('/event/events?type=a%20b&dateFrom=2025-01-01T00%3A00%3A00%2B02%3A00&k=x%26y&k=z');
  });

  it('appends params to a path that already has a query string', async () => {
    nock(base).get('/alarm/alarms?status=ACTIVE&pageSize=5').reply(200, {});
    await client().get('/alarm/alarms?status=ACTIVE', { params: { pageSize: 5 } });
  });
});

describe('headers', () => {
  it('sends auth, Accept, the application key and client headers on every call', async () => {
    nock(base, {
      reqheaders: {
        authorization: testAuthorization,
        accept: 'application/vnd.com.nsn.cumulocity.managedobject+json',
        'x-cumulocity-application-key': 'app-key-1',
        'x-custom': 'one',
      },
      badheaders: ['x-cumulocity-processing-mode'],
    })
      .get('/inventory/managedObjects/1')
      .reply(200, { id: '1' });
    const result = await client({ applicationKey: 'app-key-1', headers: { 'X-Custom': 'one' }, processingMode: 'TRANSIENT' }).get(
      '/inventory/managedObjects/1',
      { accept: 'application/vnd.com.nsn.cumulocity.managedobject+json' },
    );
    expect(result).toEqual({ id: '1' });
  });

  it('defaults Accept to application/json', async () => {
    nock(base, { reqheaders: { accept: 'application/json' } }).get('/tenant/currentTenant').reply(200, { name: 't100' });
    await client().get('/tenant/currentTenant');
  });

  it('sends the processing mode on writes, per call overriding the client', async () => {
    nock(base, { reqheaders: { 'x-cumulocity-processing-mode': 'QUIESCENT' } }).post('/measurement/measurements').reply(201, {});
    nock(base, { reqheaders: { 'x-cumulocity-processing-mode': 'TRANSIENT' } }).delete('/event/events/5').reply(204);
    const c = client({ processingMode: 'TRANSIENT' });
    await c.post('/measurement/measurements', { type: 't' }, { processingMode: 'QUIESCENT' });
    await c.delete('/event/events/5');
  });

  it('per-call headers override client headers', async () => {
    nock(base, { reqheaders: { 'x-custom': 'two' } }).get('/x').reply(200, {});
    await client({ headers: { 'X-Custom': 'one' } }).get('/x', { headers: { 'X-Custom': 'two' } });
  });
});

describe('bodies', () => {
  it('serialises JSON with the given media types', async () => {
    nock(base, {
      reqheaders: {
        'content-type': 'application/vnd.com.nsn.cumulocity.event+json',
        accept: 'application/vnd.com.nsn.cumulocity.event+json',
      },
    })
      .post('/event/events', { type: 'c8y_Test', text: 'ü €', source: { id: '1' } })
      .reply(201, { id: '9' });
    const created = await client().post(
      '/event/events',
      { type: 'c8y_Test', text: 'ü €', source: { id: '1' } },
      { contentType: 'application/vnd.com.nsn.cumulocity.event+json', accept: 'application/vnd.com.nsn.cumulocity.event+json' },
    );
    expect(created).toEqual({ id: '9' });
  });

  it('defaults Content-Type to application/json for JSON bodies', async () => {
    nock(base, { reqheaders: { 'content-type': 'application/json' } }).put('/alarm/alarms/3', { status: 'CLEARED' }).reply(200, {});
    await client().put('/alarm/alarms/3', { status: 'CLEARED' });
  });

  it('resolves undefined for 204 and for 201 without a body', async () => {
    nock(base).delete('/inventory/managedObjects/1').reply(204);
    nock(base).post('/alarm/alarms').reply(201);
    expect(await client().delete('/inventory/managedObjects/1')).toBeUndefined();
    expect(await client().post('/alarm/alarms', {})).toBeUndefined();
  });

  it('does not mutate the body or the options it was given', async () => {
    nock(base, { reqheaders: { 'x-a': 'a' } }).post('/x?p=1', { a: { b: 1 } }).reply(201, {});
    const body = Object.freeze({ a: Object.freeze({ b: 1 }) });
    const options = Object.freeze({ params: Object.freeze({ p: 1 }), headers: Object.freeze({ 'X-A': 'a' }) });
    await client().post('/x', body, options);
  });
});

describe('paths', () => {
  it('keeps a base path prefix and encodes ids', async () => {
    nock('https://proxy.example.com').get('/c8y/identity/externalIds/c8y_Serial/a%2F..%2Fb%3Fx%23y').reply(200, {});
    await new CumulocityRestClient({ baseUrl: 'proxy.example.com/c8y/', auth: testAuth }).get(
      apiPath`/identity/externalIds/${'c8y_Serial'}/${'a/../b?x#y'}`,
    );
  });

  it('accepts an absolute URL on the configured origin (a next link)', async () => {
    nock(base).get('/inventory/managedObjects?pageSize=5&currentPage=2').reply(200, {});
    await client().get(`${base}/inventory/managedObjects?pageSize=5&currentPage=2`);
  });
});

describe('tenant id', () => {
  it('comes from the options or credentials without a request', async () => {
    await expect(client().getTenantId()).resolves.toBe('t100');
    await expect(client({ tenantId: 't7' }).getTenantId()).resolves.toBe('t7');
  });

  it("the client's tenantId reaches the auth: BasicAuth('admin', 'pw') sends Basic base64(\"t7/admin:pw\")", async () => {
    nock(base, { reqheaders: { authorization: `Basic ${Buffer.from('t7/admin:pw').toString('base64')}` } })
      .get('/inventory/managedObjects/1')
      .reply(200, { id: '1' });
    await expect(client({ auth: new BasicAuth('admin', 'pw'), tenantId: 't7' }).get('/inventory/managedObjects/1')).resolves.toEqual({ id: '1' });
  });

  it('is looked up once with GET /tenant/currentTenant when unknown', async () => {
    nock(base, { reqheaders: { accept: 'application/vnd.com.nsn.cumulocity.currenttenant+json' } })
      .get('/tenant/currentTenant')
      .once()
      .reply(200, { name: 't555', domainName: 'x' });
    const anonymous = { authorize: () => undefined, toString: () => 'None' };
    const c = client({ auth: anonymous });
    const [a, b] = await Promise.all([c.getTenantId(), c.getTenantId()]);
    expect([a, b, await c.getTenantId()]).toEqual(['t555', 't555', 't555']);
  });
});
