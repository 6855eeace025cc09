import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { registerMicroservice, startEmulator, type Emulator } from '../src/index.js';
import { call, mediaType } from './accounts-helpers.js';
import { basic, rawRequest, TEST_TENANTS } from './helpers.js';

type Json = Record<string, unknown>;

describe('tenant options', () => {
  let emu: Emulator;
  let base: string;
  beforeAll(async () => {
    emu = await startEmulator({ tenants: TEST_TENANTS });
    base = emu.url;
  });
  afterAll(() => emu.stop());
  beforeEach(() => emu.reset());

  const create = (category: string, key: string, value: string) =>
    call(base, 'POST', '/tenant/options', {
      body: { category, key, value },
      type: 'application/vnd.com.nsn.cumulocity.option+json',
      headers: { Accept: 'application/vnd.com.nsn.cumulocity.option+json' },
    });

  it('POST → 200 with the option; GET by category/key; 404 Option not found', async () => {
    const res = await create('alarm.type.mapping', 'temp_too_high', 'CRITICAL|temperature too high');
    expect(res.status).toBe(200);
    expect(mediaType(res)).toMatch(/vnd\.com\.nsn\.cumulocity\.option\+json/);
    expect(res.body).toEqual({
      self: `${base}/tenant/options/alarm.type.mapping/temp_too_high`,
      category: 'alarm.type.mapping',
      key: 'temp_too_high',
      value: 'CRITICAL|temperature too high',
    });
    const got = await call(base, 'GET', '/tenant/options/alarm.type.mapping/temp_too_high');
    expect(got.status).toBe(200);
    expect(got.body).toEqual(res.body);
    const missing = await call(base, 'GET', '/tenant/options/alarm.type.mapping/nope');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ error: 'options/Not Found' });
    expect(String((missing.body as Json).message)).toMatch(/Option not found/);
    // Options are per tenant.
    expect((await call(base, 'GET', '/tenant/options/alarm.type.mapping/temp_too_high', { auth: basic('t200/admin', 'other-pass') })).status).toBe(404);
  });

  it('POST without Accept answers 200 without body; invalid payloads → 422', async () => {
    const quiet = await rawRequest(base, {
      method: 'POST',
      path: '/tenant/options',
      headers: { Authorization: basic('t100/admin', 'admin-pass'), 'Content-Type': 'application/json' },
      body: JSON.stringify({ category: 'c', key: 'k', value: 'v' }),
    });
    expect(quiet.status).toBe(200);
    expect(quiet.body).toBe('');
    for (const body of [{ key: 'k', value: 'v' }, { category: 'c' }, { category: 'bad category', key: 'k' }, { category: 'a/b', key: 'k' }, { category: 'c', key: 'k', value: {} }]) {
      const res = await call(base, 'POST', '/tenant/options', { body });
      expect(res.status).toBe(422);
    }
  });

  it('GET collection is paged; category GET/PUT maps; key PUT/DELETE', async () => {
    for (let i = 1; i <= 6; i++) await create('cat', `k${i}`, `v${i}`);
    const page1 = await call<{ options: Json[]; next?: string; statistics: Json }>(base, 'GET', '/tenant/options?withTotalPages=true');
    expect(mediaType(page1)).toMatch(/optioncollection/);
    expect(page1.body.options).toHaveLength(5);
    expect(page1.body.statistics).toMatchObject({ pageSize: 5, currentPage: 1, totalPages: 2 });
    expect(page1.body.next).toBe(`${base}/tenant/options?withTotalPages=true&pageSize=5&currentPage=2`);
    const page2 = await call<{ options: Json[] }>(base, 'GET', '/tenant/options?pageSize=5&currentPage=2');
    expect(page2.body.options.map((o) => o.key)).toEqual(['k6']);

    const cat = await call(base, 'GET', '/tenant/options/cat');
    expect(mediaType(cat)).toMatch(/vnd\.com\.nsn\.cumulocity\.option\+json/);
    expect(cat.body).toEqual({ k1: 'v1', k2: 'v2', k3: 'v3', k4: 'v4', k5: 'v5', k6: 'v6' });
    expect((await call(base, 'GET', '/tenant/options/empty')).body).toEqual({});

    const put = await call(base, 'PUT', '/tenant/options/cat', { body: { k1: 'one', k7: 'seven' }, headers: { Accept: 'application/json' } });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ k1: 'one', k7: 'seven', k2: 'v2' });

    const putKey = await call(base, 'PUT', '/tenant/options/cat/k2', { body: { value: 'two' }, headers: { Accept: 'application/json' } });
    expect(putKey.status).toBe(200);
    expect(putKey.body).toMatchObject({ category: 'cat', key: 'k2', value: 'two' });
    expect((await call(base, 'PUT', '/tenant/options/cat/nope', { body: { value: 'x' } })).status).toBe(404);
    expect((await call(base, 'PUT', '/tenant/options/cat/k2', { body: {} })).status).toBe(422);

    expect((await call(base, 'DELETE', '/tenant/options/cat/k2')).status).toBe(204);
    expect((await call(base, 'GET', '/tenant/options/cat/k2')).status).toBe(404);
    expect((await call(base, 'DELETE', '/tenant/options/cat/k2')).status).toBe(404);
  });

  it('roles: READ for GET, ADMIN for writes', async () => {
    await create('cat', 'k', 'v');
    const plain = basic('t100/plain', 'plain-pass');
    expect((await call(base, 'GET', '/tenant/options', { auth: plain })).status).toBe(403);
    expect((await call(base, 'GET', '/tenant/options/cat/k', { auth: plain })).status).toBe(403);
    expect((await call(base, 'POST', '/tenant/options', { auth: plain, body: { category: 'c', key: 'k', value: 'v' } })).status).toBe(403);
    expect((await call(base, 'DELETE', '/tenant/options/cat/k', { auth: plain })).status).toBe(403);
  });

  it('credentials.* values are <<Encrypted>> except for the owning microservice (decrypted, prefix removed)', async () => {
    const ms = registerMicroservice(emu, { name: 'hello', requiredRoles: ['ROLE_OPTION_MANAGEMENT_READ'] });
    await create('hello', 'credentials.apiKey', 's3cr3t');
    await create('hello', 'plain', 'visible');
    await create('other', 'credentials.apiKey', 'hidden');

    const admin = await call(base, 'GET', '/tenant/options/hello/credentials.apiKey');
    expect(admin.body).toMatchObject({ key: 'credentials.apiKey', value: '<<Encrypted>>' });
    expect((await call(base, 'GET', '/tenant/options/hello')).body).toEqual({ 'credentials.apiKey': '<<Encrypted>>', plain: 'visible' });

    const [service] = ms.serviceUsers;
    const svc = basic(`${service?.tenant ?? ''}/${service?.name ?? ''}`, service?.password ?? '');
    const own = await call(base, 'GET', '/tenant/options/hello/credentials.apiKey', { auth: svc });
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ category: 'hello', key: 'apiKey', value: 's3cr3t' });
    expect((await call(base, 'GET', '/tenant/options/hello/apiKey', { auth: svc })).body).toMatchObject({ value: 's3cr3t' });
    expect((await call(base, 'GET', '/tenant/options/hello', { auth: svc })).body).toEqual({ apiKey: 's3cr3t', plain: 'visible' });
    expect((await call(base, 'GET', '/tenant/options/other/credentials.apiKey', { auth: svc })).body).toMatchObject({ value: '<<Encrypted>>' });
    const list = await call<{ options: Json[] }>(base, 'GET', '/tenant/options?pageSize=100', { auth: svc });
    expect(list.body.options.map((o) => `${String(o.category)}/${String(o.key)}=${String(o.value)}`)).toEqual([
      'hello/apiKey=s3cr3t',
      'hello/plain=visible',
      'other/credentials.apiKey=<<Encrypted>>',
    ]);

    // The bootstrap user may read its own category only.
    const boot = basic(`${ms.bootstrap.tenant}/${ms.bootstrap.user}`, ms.bootstrap.password);
    expect((await call(base, 'GET', '/tenant/options/hello/credentials.apiKey', { auth: boot })).body).toMatchObject({ value: 's3cr3t' });
    expect((await call(base, 'GET', '/tenant/options/other/credentials.apiKey', { auth: boot })).status).toBe(403);
    expect((await call(base, 'GET', '/tenant/options', { auth: boot })).status).toBe(403);
  });
});
