import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { gunzipSync } from 'node:zlib';
import { request as httpRequest } from 'node:http';
import { startEmulator, type Emulator } from '../src/index.js';
import { ADMIN, items, rawRequest, testArea, TEST_TENANTS } from './helpers.js';

const ERROR_TYPE = /^application\/vnd\.com\.nsn\.cumulocity\.error\+json/;
const INFO = 'https://www.cumulocity.com/guides/reference/rest-implementation';

describe('server framework', () => {
  let emu: Emulator;
  const errors: unknown[] = [];
  beforeAll(async () => {
    emu = await startEmulator({ tenants: TEST_TENANTS, areas: [testArea(items(12))], onError: (e) => errors.push(e) });
  });
  afterAll(() => emu.stop());

  const get = (path: string, init: RequestInit = {}): Promise<Response> =>
    fetch(`${emu.url}${path}`, { ...init, headers: { Authorization: ADMIN, ...(init.headers as Record<string, string>) } });

  it('starts (and stops) in well under a second', async () => {
    const t0 = performance.now();
    const e = await startEmulator();
    const started = performance.now() - t0;
    const res = await fetch(`${e.url}/tenant/currentTenant`, { headers: { Authorization: ADMIN } });
    expect(res.status).toBe(200);
    await e.stop();
    expect(started).toBeLessThan(500);
    expect(e.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('GET /tenant/currentTenant follows the spec shape', async () => {
    const res = await get('/tenant/currentTenant');
    expect(res.headers.get('content-type')).toBe('application/vnd.com.nsn.cumulocity.currenttenant+json;charset=UTF-8;ver=0.9');
    expect(await res.json()).toEqual({
      self: `${emu.url}/tenant/currentTenant`,
      name: 't100',
      domainName: 't100.localhost',
      allowCreateTenants: false,
      customProperties: {},
      applications: { self: `${emu.url}/tenant/tenants/t100/applications`, references: [] },
    });
  });

  it('GET /user/currentUser returns id, userName and effective roles', async () => {
    const res = await get('/user/currentUser');
    expect(res.headers.get('content-type')).toMatch(/^application\/vnd\.com\.nsn\.cumulocity\.currentuser\+json/);
    const body = (await res.json()) as { id: string; userName: string; effectiveRoles: Array<{ id: string; self: string }> };
    expect(body.id).toBe('admin');
    expect(body.userName).toBe('admin');
    expect(body.effectiveRoles.map((r) => r.id)).toContain('ROLE_INVENTORY_READ');
    expect(body.effectiveRoles[0]?.self).toMatch(new RegExp(`^${emu.url}/user/roles/ROLE_`));
  });

  it('unknown path → 404 and wrong method → 405, in Cumulocity error form', async () => {
    const res = await get('/nothing/here');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(ERROR_TYPE);
    expect(await res.json()).toEqual({ error: 'general/Not Found', message: 'No resource found for GET /nothing/here', info: INFO });
    const wrong = await get('/tenant/currentTenant', { method: 'DELETE' });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET');
    expect(((await wrong.json()) as { error: string }).error).toBe('general/Method Not Allowed');
  });

  it('a throwing handler answers 500 and the server keeps serving', async () => {
    for (const path of ['/test/boom', '/test/async-boom']) {
      const res = await get(path);
      expect(res.status).toBe(500);
      const body = (await res.json()) as { error: string; message: string; info: string };
      expect(body.error).toBe('general/Internal Server Error');
      expect(body.message).toContain('boom');
      expect(body.info).toBe(INFO);
    }
    expect(errors).toHaveLength(2);
    expect((await get('/tenant/currentTenant')).status).toBe(200);
  });

  it('decodes path params and keeps repeated query keys', async () => {
    expect(await (await get('/test/items/a%2Fb%20c')).json()).toEqual({ id: 'a/b c' });
    expect(await (await get('/test/query?k=a&k=b&x=1+2')).json()).toEqual({ all: ['a', 'b'], record: { k: ['a', 'b'], x: '1 2' } });
  });

  it('malformed JSON → 400, unknown Content-Type → 415, wrong vnd type → 415', async () => {
    const post = (body: string, type: string, method = 'POST'): Promise<Response> =>
      get('/test/echo', { method, body, headers: { 'Content-Type': type, Accept: 'application/json' } });
    const bad = await post('{"name":', 'application/json');
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toMatch(ERROR_TYPE);
    const err = (await bad.json()) as { error: string; message: string; info: string };
    expect(err.error).toBe('test/Bad Request');
    expect(err.info).toBe(INFO);
    expect((await post('{}', 'text/plain')).status).toBe(415);
    expect((await post('{}', 'application/vnd.com.nsn.cumulocity.alarm+json', 'PUT')).status).toBe(415);
    // Media types are case-insensitive and may carry ver/charset.
    const ok = await post('{"a":1}', 'Application/VND.com.nsn.cumulocity.ManagedObject+JSON;ver=0.9;charset=UTF-8', 'PUT');
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ a: 1 });
  });

  it('POST: 201 + Location; body only when an Accept header was sent', async () => {
    const withAccept = await get('/test/echo', { method: 'POST', body: '{"name":"x"}', headers: { 'Content-Type': 'application/json', Accept: 'application/json' } });
    expect(withAccept.status).toBe(201);
    expect(withAccept.headers.get('location')).toBe(`${emu.url}/test/echo/1`);
    expect(await withAccept.json()).toEqual({ name: 'x', self: `${emu.url}/test/echo/1` });
    // fetch always sends Accept: */*, so use raw HTTP to omit it.
    const without = await rawRequest(emu.url, {
      method: 'POST',
      path: '/test/echo',
      headers: { Authorization: ADMIN, 'Content-Type': 'application/json' },
      body: '{"name":"x"}',
    });
    expect(without.status).toBe(201);
    expect(without.headers.location).toBe(`${emu.url}/test/echo/1`);
    expect(without.body).toBe('');
    const del = await get('/test/echo', { method: 'DELETE' });
    expect(del.status).toBe(204);
  });

  it('honours X-HTTP-METHOD on POST', async () => {
    const res = await get('/test/echo', { method: 'POST', headers: { 'X-HTTP-METHOD': 'DELETE' } });
    expect(res.status).toBe(204);
  });

  it('parses multipart/form-data binary uploads', async () => {
    const form = new FormData();
    form.append('object', JSON.stringify({ name: 'f.txt', type: 'text/plain' }));
    form.append('file', new Blob(['hello\r\nworld']), 'f.txt');
    const res = await get('/test/upload', { method: 'POST', body: form });
    expect(await res.json()).toEqual({ object: { name: 'f.txt', type: 'text/plain' }, size: 12, name: 'f.txt', text: 'hello\r\nworld' });
    const wrong = await get('/test/upload', { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' } });
    expect(wrong.status).toBe(415);
  });

  it('gzips when asked to', async () => {
    const res = await rawRequestBuffer(emu.url, '/test/items?pageSize=10', { Authorization: ADMIN, 'Accept-Encoding': 'gzip' });
    expect(res.headers['content-encoding']).toBe('gzip');
    const body = JSON.parse(gunzipSync(res.body).toString()) as { items: unknown[] };
    expect(body.items).toHaveLength(10);
    const plain = await rawRequest(emu.url, { path: '/test/items', headers: { Authorization: ADMIN } });
    expect(plain.headers['content-encoding']).toBeUndefined();
  });

  it('keeps connections alive', async () => {
    const res = await get('/tenant/currentTenant');
    expect(res.headers.get('connection')).toBe('keep-alive');
  });

  it('logs requests without secrets', async () => {
    emu.requests.clear();
    await get('/test/query?k=a&k=b', { headers: { 'X-Cumulocity-Application-Key': 'app-key', 'X-XSRF-TOKEN': 'xyz', Accept: 'application/json' } });
    await fetch(`${emu.url}/test/whoami`, { headers: { Authorization: ADMIN.replace(/.$/, 'A') } });
    expect(emu.requests).toHaveLength(2);
    expect(emu.requests[0]).toEqual({
      method: 'GET',
      path: '/test/query',
      query: { k: ['a', 'b'] },
      headers: { accept: 'application/json', authorization: 'Basic', 'x-cumulocity-application-key': 'app-key', 'x-xsrf-token': true, 'accept-encoding': expect.any(String) },
      status: 200,
      tenant: 't100',
      user: 'admin',
    });
    expect(emu.requests[1]?.status).toBe(401);
    const serialized = JSON.stringify(emu.requests);
    expect(serialized).not.toContain('admin-pass');
    expect(serialized).not.toContain(ADMIN.slice(6));
    expect(serialized).not.toContain('xyz');
  });

  it('keeps tenant data separate and reset() clears it', async () => {
    const counter = async (auth: string): Promise<{ n: number; id: string }> =>
      (await fetch(`${emu.url}/test/counter`, { headers: { Authorization: auth } })).json() as Promise<{ n: number; id: string }>;
    const other = `Basic ${Buffer.from('t200/admin:other-pass').toString('base64')}`;
    expect((await counter(ADMIN)).n).toBe(1);
    expect((await counter(ADMIN)).n).toBe(2);
    expect((await counter(other)).n).toBe(1);
    emu.reset();
    const after = await counter(ADMIN);
    expect(after).toEqual({ n: 1, id: '10000' });
    expect(emu.requests).toHaveLength(1);
  });
});

function rawRequestBuffer(url: string, path: string, headers: Record<string, string>): Promise<{ headers: Record<string, unknown>; body: Buffer }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    httpRequest({ hostname, port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}
