import { describe, expect, it } from '@jest/globals';
import nock from 'nock';
import { inspect } from 'node:util';
import {
  Alarms,
  Applications,
  AuditRecords,
  BasicAuth,
  Binaries,
  BulkOperations,
  CumulocityClient,
  CumulocityRestClient,
  deleteObjects,
  DeviceGroupInventory,
  DeviceInventory,
  Events,
  Identity,
  Inventory,
  InventoryRoles,
  ManagedObject,
  Measurements,
  Operations,
  Resources,
  Subscriptions,
  TenantOptions,
  Tokens,
  UserGroups,
  Users,
  type RestClient,
} from '../src/index.js';
import { BASE, mt, rejection, useNock } from './helpers.js';

// CumulocityClient over the wire (nock): its contexts, its requests through one rest client, and
// its use wherever a rest client is expected.

useNock();

const PASSWORD = 'Sup3r-S3cret!';
const BASIC = `Basic ${Buffer.from(`t100/admin:${PASSWORD}`).toString('base64')}`;
const client = () => new CumulocityClient({ baseUrl: 't100.example.com', tenantId: 't100', auth: new BasicAuth('admin', PASSWORD), retry: false });

const CONTEXTS = [
  ['inventory', Inventory],
  ['deviceInventory', DeviceInventory],
  ['groupInventory', DeviceGroupInventory],
  ['identity', Identity],
  ['binaries', Binaries],
  ['measurements', Measurements],
  ['events', Events],
  ['alarms', Alarms],
  ['operations', Operations],
  ['bulkOperations', BulkOperations],
  ['users', Users],
  ['userGroups', UserGroups],
  ['inventoryRoles', InventoryRoles],
  ['applications', Applications],
  ['tenantOptions', TenantOptions],
  ['auditRecords', AuditRecords],
  ['subscriptions', Subscriptions],
  ['tokens', Tokens],
] as const;

describe('contexts', () => {
  it.each(CONTEXTS)('c8y.%s is a %p on this client, built once', (name, Context) => {
    const c8y = client();
    const context = c8y[name];
    expect(context).toBeInstanceOf(Context);
    expect(c8y[name]).toBe(context);
    expect(client()[name]).not.toBe(context);
  });

  it('the contexts are getters on the prototype: none is an own property of a new client', () => {
    const c8y = client();
    expect(Object.keys(c8y).filter((key) => CONTEXTS.some(([name]) => name === key))).toEqual([]);
    for (const [name] of CONTEXTS) expect(typeof Object.getOwnPropertyDescriptor(CumulocityClient.prototype, name)?.get).toBe('function');
  });

  it('a context sends its requests with the client’s base URL and credentials', async () => {
    nock(BASE).get('/alarm/alarms/count').query({ status: 'ACTIVE' }).matchHeader('authorization', BASIC).reply(200, '3', { 'Content-Type': 'text/plain' });
    expect(await client().alarms.count({ status: 'ACTIVE' })).toBe(3);
  });

  it('objects a context returns carry the client: their update goes through it', async () => {
    const c8y = client();
    nock(BASE).get('/inventory/managedObjects/42').reply(200, { id: '42', name: 'Pump', type: 'x' }, { 'Content-Type': mt('managedobject') });
    const pump = await c8y.inventory.get('42');
    expect(pump.c8y).toBe(c8y);
    pump.name = 'Pump 2';
    nock(BASE).put('/inventory/managedObjects/42', { name: 'Pump 2' }).matchHeader('authorization', BASIC).reply(200, { id: '42', name: 'Pump 2', type: 'x' });
    await pump.update();
  });
});

describe('a rest client wherever one is expected', () => {
  it('model objects take it: new ManagedObject(c8y, …).create()', async () => {
    nock(BASE).post('/inventory/managedObjects', { name: 'MyObject', type: 'my_CustomType' }).matchHeader('authorization', BASIC).reply(201, { id: '7', name: 'MyObject', type: 'my_CustomType' });
    const obj = await new ManagedObject(client(), { name: 'MyObject', type: 'my_CustomType' }).create();
    expect(obj.id).toBe('7');
  });

  it("rest-core's functions take it: deleteObjects(c8y, …)", async () => {
    nock(BASE).delete('/inventory/managedObjects/1').matchHeader('authorization', BASIC).reply(204).delete('/inventory/managedObjects/2').reply(204);
    await deleteObjects(client(), Resources.managedObject, ['1', '2'], { workers: 2 });
  });

  it('the request methods delegate to the rest client (get, post, put, delete, request, getTenantId)', async () => {
    const c8y = client();
    nock(BASE)
      .get('/user/currentUser')
      .query({ x: '1' })
      .reply(200, { userName: 'admin' })
      .post('/event/events', { type: 't' })
      .reply(201, { id: '5' })
      .put('/inventory/managedObjects/5', { a: 1 })
      .reply(200, { id: '5' })
      .delete('/inventory/managedObjects/5')
      .reply(204)
      .patch('/x')
      .reply(200, { ok: true });
    expect(await c8y.get('/user/currentUser', { params: { x: 1 } })).toEqual({ userName: 'admin' });
    expect(await c8y.post('/event/events', { type: 't' })).toEqual({ id: '5' });
    expect(await c8y.put('/inventory/managedObjects/5', { a: 1 })).toEqual({ id: '5' });
    expect(await c8y.delete('/inventory/managedObjects/5')).toBeUndefined();
    expect(await c8y.request('PATCH', '/x')).toEqual({ ok: true });
    expect(await c8y.getTenantId()).toBe('t100');
    expect(c8y.baseUrl).toBe(BASE);
  });

  it('downloads and uploads delegate too', async () => {
    const c8y = client();
    nock(BASE)
      .post('/inventory/binaries')
      .reply(201, { id: '9' })
      .put('/inventory/binaries/9', 'new')
      .matchHeader('content-type', 'text/plain')
      .reply(201, { id: '9' })
      .get('/inventory/binaries/9')
      .times(2)
      .reply(200, 'hello', { 'Content-Type': 'text/plain', 'Content-Disposition': 'attachment; filename="a.txt"' });
    expect(await c8y.uploadMultipart('/inventory/binaries', { object: { name: 'a.txt', type: 'text/plain' }, file: 'hello' })).toEqual({ id: '9' });
    expect(await c8y.putBinary('/inventory/binaries/9', 'new', { contentType: 'text/plain' })).toEqual({ id: '9' });
    const bytes = await c8y.downloadBytes('/inventory/binaries/9');
    expect([new TextDecoder().decode(bytes.bytes), bytes.filename]).toEqual(['hello', 'a.txt']);
    const stream = await c8y.download('/inventory/binaries/9');
    expect(await new Response(stream.body).text()).toBe('hello');
  });
});

describe('construction', () => {
  it('validates its options like CumulocityRestClient (InvalidInputError naming the option)', async () => {
    const error = await rejection(Promise.resolve().then(() => new CumulocityClient({ baseUrl: '', auth: new BasicAuth('admin', PASSWORD) })), 'InvalidInputError');
    expect(error.path).toBe('options.baseUrl');
  });

  it('CumulocityClient.from(restClient) shares that client (its auth, limiter and tenant)', async () => {
    const rest = new CumulocityRestClient({ baseUrl: BASE, auth: new BasicAuth('t100/admin', PASSWORD), retry: false });
    const c8y = CumulocityClient.from(rest);
    expect(c8y.restClient).toBe(rest);
    expect(c8y.baseUrl).toBe(BASE);
    nock(BASE).get('/inventory/managedObjects/1').matchHeader('authorization', BASIC).reply(200, { id: '1' });
    expect((await c8y.inventory.get('1')).id).toBe('1');
  });

  it('CumulocityClient.from takes any RestClient, and returns a CumulocityClient as it is', async () => {
    const calls: string[] = [];
    const fake: RestClient = {
      baseUrl: 'https://fake.example.com',
      get: async <T>(path: string) => {
        calls.push(`GET ${path}`);
        return { id: '1', name: 'from the fake' } as T;
      },
      post: async () => undefined as never,
      put: async () => undefined as never,
      delete: async () => undefined as never,
      request: async () => undefined as never,
      uploadMultipart: async () => undefined as never,
      putBinary: async () => undefined as never,
      download: async () => undefined as never,
      downloadBytes: async () => undefined as never,
      getTenantId: async () => 't9',
    };
    const c8y = CumulocityClient.from(fake);
    expect((await c8y.inventory.get('1')).name).toBe('from the fake');
    expect(calls).toEqual(['GET /inventory/managedObjects/1']);
    expect(await c8y.getTenantId()).toBe('t9');
    expect(CumulocityClient.from(c8y)).toBe(c8y);
  });

  it('CumulocityClient.from refuses what is not a rest client', async () => {
    const error = await rejection(Promise.resolve().then(() => CumulocityClient.from({} as RestClient)), 'InvalidInputError');
    expect(error.path).toBe('client');
  });

  it('shows no secret in String(), JSON.stringify or util.inspect', () => {
    const c8y = client();
    const views = [String(c8y), JSON.stringify(c8y), inspect(c8y), inspect({ c8y }, { depth: 5 })];
    for (const view of views) expect(view).not.toContain(PASSWORD);
    expect(String(c8y)).toBe('CumulocityClient(https://t100.example.com, BasicAuth(admin))');
    expect(inspect(c8y)).toBe(String(c8y));
    expect(JSON.parse(JSON.stringify(c8y))).toMatchObject({ baseUrl: BASE, tenantId: 't100' });
  });
});
