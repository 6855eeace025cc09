import { describe, expect, it } from '@jest/globals';
import { TenantOption } from '@c8y/model';
import { isCumulocityError } from '@c8y/rest-core';
import nock from 'nock';
import { CurrentTenant, LoginOption, TenantOptions } from '../src/index.js';
import { BASE, expectInvalid, mt, testClient, useNock } from './helpers.js';

// The exact requests TenantOptions sends (paths, query strings, headers, bodies) and what it
// makes of the replies.

useNock();
const tenantOptions = () => new TenantOptions(testClient());
const option = (category: string, key: string, value: string) => ({
  self: `${BASE}/tenant/options/${encodeURIComponent(category)}/${encodeURIComponent(key)}`,
  category,
  key,
  value,
});

describe('listing tenant options', () => {
  it('getAll: GET /tenant/options with its collection media type, paged; items are TenantOption objects', async () => {
    nock(BASE, { reqheaders: { accept: mt('optioncollection') } })
      .get('/tenant/options')
      .query({ pageSize: '1000', currentPage: '1' })
      .reply(200, { self: `${BASE}/tenant/options`, options: [option('a', 'x', '1'), option('b', 'y', '2')], statistics: { pageSize: 1000, currentPage: 1 } });
    const all = await tenantOptions().getAll();
    expect(all.map((item) => item instanceof TenantOption)).toEqual([true, true]);
    expect(all.map((item) => [item.category, item.key, item.value])).toEqual([
      ['a', 'x', '1'],
      ['b', 'y', '2'],
    ]);
  });

  it('select with asValues and a limit: tuples, one page of the limit', async () => {
    nock(BASE)
      .get('/tenant/options')
      .query({ pageSize: '2', currentPage: '1' })
      .reply(200, { options: [option('a', 'x', '1'), option('b', 'y', '2')] });
    const pairs: unknown[] = [];
    for await (const pair of tenantOptions().select({ limit: 2, asValues: ['category', 'key'] })) pairs.push(pair);
    expect(pairs).toEqual([
      ['a', 'x'],
      ['b', 'y'],
    ]);
  });

  it('refuses a category filter on the listing (the platform would ignore it and return every option)', async () => {
    await expectInvalid(tenantOptions().getAll({ category: 'a' } as never), 'category', /not a parameter of GET \/tenant\/options/);
  });

  it('getCategory: GET /tenant/options/{category} (path-encoded), the flat key → value map', async () => {
    nock(BASE, { reqheaders: { accept: mt('option') } })
      .get('/tenant/options/alarm.type.mapping')
      .reply(200, { temp_too_high: 'CRITICAL|too hot', 'credentials.x': '<<Encrypted>>' });
    await expect(tenantOptions().getCategory('alarm.type.mapping')).resolves.toEqual({ temp_too_high: 'CRITICAL|too hot', 'credentials.x': '<<Encrypted>>' });
  });

  it('getCategory: an empty category is {}; a reply that is not an object is a ResponseFormatError', async () => {
    nock(BASE).get('/tenant/options/empty').reply(200, {}).get('/tenant/options/odd').reply(200, '[]', { 'content-type': 'application/json' });
    await expect(tenantOptions().getCategory('empty')).resolves.toEqual({});
    const error = await tenantOptions()
      .getCategory('odd')
      .catch((thrown: unknown) => thrown);
    expect(isCumulocityError(error, 'ResponseFormatError')).toBe(true);
  });
});

describe('one option', () => {
  it('get: GET /tenant/options/{category}/{key}, both path-encoded; the reply becomes a TenantOption', async () => {
    nock(BASE, { reqheaders: { accept: mt('option') } })
      .get('/tenant/options/cx.settings/a%20b%3Fc%23d')
      .reply(200, option('cx.settings', 'a b?c#d', 'v'));
    const found = await tenantOptions().get('cx.settings', 'a b?c#d');
    expect(found).toBeInstanceOf(TenantOption);
    expect([found.category, found.key, found.value]).toEqual(['cx.settings', 'a b?c#d', 'v']);
  });

  it('getValue: the value; the default (or undefined) on 404; other errors are thrown', async () => {
    nock(BASE)
      .get('/tenant/options/cx/mode')
      .reply(200, option('cx', 'mode', 'fast'))
      .get('/tenant/options/cx/missing')
      .times(2)
      .reply(404, { error: 'options/Not Found', message: 'Option not found' })
      .get('/tenant/options/cx/secret')
      .reply(403, { error: 'security/Forbidden', message: 'Access is denied' });
    await expect(tenantOptions().getValue('cx', 'mode', 'slow')).resolves.toBe('fast');
    await expect(tenantOptions().getValue('cx', 'missing', 'slow')).resolves.toBe('slow');
    await expect(tenantOptions().getValue('cx', 'missing')).resolves.toBeUndefined();
    const error = await tenantOptions()
      .getValue('cx', 'secret', 'x')
      .catch((thrown: unknown) => thrown);
    expect(isCumulocityError(error, 'ForbiddenError')).toBe(true);
  });

  it('set: POST /tenant/options with { category, key, value } in the option media type; resolves the stored option', async () => {
    nock(BASE, { reqheaders: { 'content-type': mt('option'), accept: mt('option') } })
      .post('/tenant/options', { category: 'cx.settings', key: 'credentials.token', value: 's3cr3t' })
      .reply(200, option('cx.settings', 'credentials.token', '<<Encrypted>>'));
    const stored = await tenantOptions().set('cx.settings', 'credentials.token', 's3cr3t');
    expect(stored).toBeInstanceOf(TenantOption);
    expect([stored.category, stored.key, stored.value]).toEqual(['cx.settings', 'credentials.token', '<<Encrypted>>']);
  });

  it('setAll: PUT /tenant/options/{category} with the plain key → value map (application/json); resolves the answered map', async () => {
    nock(BASE, { reqheaders: { 'content-type': 'application/json', accept: mt('option') } })
      .put('/tenant/options/cx.settings', { mode: 'fast', level: '3' })
      .reply(200, { mode: 'fast', level: '3', other: 'kept' });
    await expect(tenantOptions().setAll('cx.settings', { mode: 'fast', level: '3' })).resolves.toEqual({ mode: 'fast', level: '3', other: 'kept' });
  });

  it('delete: DELETE /tenant/options/{category}/{key}, path-encoded', async () => {
    nock(BASE).delete('/tenant/options/cx/a%3Fb').reply(204);
    await tenantOptions().delete('cx', 'a?b');
  });

  it('call options reach the request (headers)', async () => {
    nock(BASE, { reqheaders: { 'x-trace': 'abc' } })
      .delete('/tenant/options/cx/k')
      .reply(204);
    await tenantOptions().delete('cx', 'k', { headers: { 'X-Trace': 'abc' } });
  });
});

describe('bad input is refused before any request', () => {
  it('an option key containing "/" (get, getValue, set, setAll, delete)', async () => {
    const api = tenantOptions();
    await expectInvalid(api.get('cx', 'a/b'), 'key', /must not contain "\/"/);
    await expectInvalid(api.getValue('cx', 'a/b', 'x'), 'key', /must not contain "\/"/);
    await expectInvalid(api.set('cx', 'a/b', 'v'), 'key', /must not contain "\/"/);
    await expectInvalid(api.setAll('cx', { ok: '1', 'a/b': '2' }), 'values.a/b', /must not contain "\/"/);
    await expectInvalid(api.delete('cx', '../x'), 'key', /must not contain "\/"/);
  });

  it('empty or missing categories and keys, dot segments, categories with forbidden characters', async () => {
    const api = tenantOptions();
    await expectInvalid(api.get('', 'k'), 'category', /must not be empty/);
    await expectInvalid(api.get('cx', ''), 'key', /must not be empty/);
    await expectInvalid(api.delete('cx', '..'), 'key', /not a valid id/);
    await expectInvalid(api.getCategory(undefined as never), 'category', /must be a string/);
    await expectInvalid(api.getCategory('a b'), 'category', /must not contain " "/);
    await expectInvalid(api.set('a/b', 'k', 'v'), 'category', /must not contain "\/"/);
    await expectInvalid(api.setAll('x?y', { k: 'v' }), 'category', /must not contain "\?"/);
  });

  it('values that are not strings, an empty or non-object map', async () => {
    const api = tenantOptions();
    await expectInvalid(api.set('cx', 'k', 3 as never), 'value', /must be a string, got number/);
    await expectInvalid(api.setAll('cx', { k: true } as never), 'values.k', /must be a string, got boolean/);
    await expectInvalid(api.setAll('cx', {}), 'values', /at least one option/);
    await expectInvalid(api.setAll('cx', null as never), 'values', /got null/);
  });
});

describe('the current tenant and its login options', () => {
  it('getCurrentTenant: GET /tenant/currentTenant with its media type; withParent is sent', async () => {
    nock(BASE, { reqheaders: { accept: mt('currenttenant') } })
      .get('/tenant/currentTenant')
      .query({ withParent: 'true' })
      .reply(200, { name: 't100', domainName: 't100.example.com', allowCreateTenants: true, parent: 'management', customProperties: { a: 1 } });
    const tenant = await tenantOptions().getCurrentTenant({ withParent: true });
    expect(tenant).toBeInstanceOf(CurrentTenant);
    expect([tenant.name, tenant.domainName, tenant.allowCreateTenants, tenant.parent, tenant.customProperties]).toEqual(['t100', 't100.example.com', true, 'management', { a: 1 }]);
    expect(String(tenant)).toBe('CurrentTenant(t100)');
  });

  it('getCurrentTenant without filters sends no query; an undocumented filter is refused', async () => {
    nock(BASE).get('/tenant/currentTenant').query({}).reply(200, { name: 't100' });
    expect((await tenantOptions().getCurrentTenant()).customProperties).toEqual({});
    await expectInvalid(tenantOptions().getCurrentTenant({ withChildren: true } as never), 'withChildren', /not a parameter/);
  });

  it('getLoginOptions: GET /tenant/loginOptions (loginoptioncollection) with tenantId or management; LoginOption objects', async () => {
    const reply = { loginOptions: [{ id: 'o', type: 'OAUTH2_INTERNAL', initRequest: `${BASE}/tenant/oauth?tenant_id=t7`, grantType: 'PASSWORD', tfaStrategy: 'TOTP' }, { id: 'b', type: 'BASIC', visibleOnLoginPage: false }] };
    nock(BASE, { reqheaders: { accept: mt('loginoptioncollection') } })
      .get('/tenant/loginOptions')
      .query({ tenantId: 't7' })
      .reply(200, reply)
      .get('/tenant/loginOptions')
      .query({ management: 'true' })
      .reply(200, { loginOptions: [] });
    const found = await tenantOptions().getLoginOptions({ tenantId: 't7' });
    expect(found.map((item) => item instanceof LoginOption)).toEqual([true, true]);
    expect(found.map((item) => [item.type, item.id, item.grantType, item.initRequest, item.visibleOnLoginPage])).toEqual([
      ['OAUTH2_INTERNAL', 'o', 'PASSWORD', `${BASE}/tenant/oauth?tenant_id=t7`, undefined],
      ['BASIC', 'b', undefined, undefined, false],
    ]);
    expect(String(found[1])).toBe('LoginOption(BASIC)');
    await expect(tenantOptions().getLoginOptions({ management: true })).resolves.toEqual([]);
  });

  it('getLoginOptions refuses management with tenantId before any request; a reply without loginOptions is a ResponseFormatError', async () => {
    await expectInvalid(tenantOptions().getLoginOptions({ management: true, tenantId: 't7' }), 'tenantId', /management/);
    nock(BASE).get('/tenant/loginOptions').reply(200, { self: 'x' });
    const error = await tenantOptions()
      .getLoginOptions()
      .catch((thrown: unknown) => thrown);
    expect(isCumulocityError(error, 'ResponseFormatError')).toBe(true);
  });
});

describe('what the API does not offer is not there', () => {
  it('no generic get by id, count, create, update, applyTo, deleteBy, updateBy, getLast', () => {
    const api = tenantOptions() as unknown as Record<string, unknown>;
    for (const name of ['count', 'create', 'update', 'applyTo', 'deleteBy', 'updateBy', 'getLast']) expect(api[name]).toBeUndefined();
    for (const name of ['select', 'getAll', 'get', 'getValue', 'getCategory', 'set', 'setAll', 'delete', 'getCurrentTenant', 'getLoginOptions']) expect(typeof api[name]).toBe('function');
  });
});
