import { request as httpRequest } from 'node:http';
import { ALL_ROLES, defineArea, type Area, type Emulator, type TenantSeed } from '../src/index.js';

/** Basic auth header value. */
export const basic = (login: string, password: string): string => `Basic ${Buffer.from(`${login}:${password}`).toString('base64')}`;

export const ADMIN = basic('t100/admin', 'admin-pass');

/** Tenants used by the tests. */
export const TEST_TENANTS: readonly TenantSeed[] = [
  {
    id: 't100',
    users: [
      { userName: 'admin', password: 'admin-pass', roles: ALL_ROLES },
      { userName: 'reader', password: 'reader-pass', roles: ['ROLE_INVENTORY_READ'], restrictedPaging: true },
      { userName: 'plain', password: 'plain-pass', roles: ['ROLE_INVENTORY_READ'] },
      { userName: 'device_abc', password: 'device-pass' },
    ],
  },
  { id: 't200', domain: 'acme.localhost', users: [{ userName: 'admin', password: 'other-pass', roles: ALL_ROLES }] },
];

/** Items 1..n as `{id}` objects. */
export const items = (n: number): Array<{ id: string }> => Array.from({ length: n }, (_, i) => ({ id: String(i + 1) }));

/** A test-only area exercising the framework. */
export function testArea(data: Array<{ id: string }>): Area {
  return defineArea({
    name: 'test',
    resource: 'test',
    register(api) {
      api.get('/test/items', (ctx) => ctx.ok(ctx.page(data, { key: 'items' }), 'testcollection'));
      api.get('/test/provider', (ctx) => {
        const calls: Array<[number, number]> = [];
        const page = ctx.page(
          { slice: (offset: number, limit: number) => (calls.push([offset, limit]), data.slice(offset, offset + limit)), count: () => data.length },
          { key: 'items', map: (i) => ({ ...i, mapped: true }) },
        );
        return ctx.ok({ ...page, calls });
      });
      api.get('/test/items/:id', (ctx) => ctx.ok({ id: ctx.params.id }));
      api.get('/test/odd', (ctx) => ctx.ok(ctx.page(data, { key: 'items', visible: (i) => Number(i.id) % 2 === 1 })));
      api.get('/test/query', (ctx) => ctx.ok({ all: ctx.query.getAll('k'), record: ctx.query.toRecord() }));
      api.get('/test/boom', () => {
        throw new Error('boom');
      });
      api.get('/test/async-boom', async () => {
        await Promise.resolve();
        throw new TypeError('async boom');
      });
      api.post('/test/echo', (ctx) => ctx.created({ ...ctx.body.json<object>(), self: ctx.url('/test/echo/1') }, 'managedobject'));
      api.put('/test/echo', (ctx) => ctx.updated(ctx.body.json(), 'managedobject'), { jsonTypes: ['managedobject'] });
      api.delete('/test/echo', (ctx) => ctx.noContent());
      api.post(
        '/test/upload',
        (ctx) => {
          const upload = ctx.body.binaryUpload();
          return ctx.ok({ object: upload.object, size: upload.file?.data.length, name: upload.file?.filename, text: upload.file?.data.toString() });
        },
        { body: 'multipart' },
      );
      api.get('/test/admin', (ctx) => (ctx.requireRole('ROLE_TENANT_MANAGEMENT_ADMIN'), ctx.ok({ ok: true })));
      api.get('/test/whoami', (ctx) => ctx.ok({ tenant: ctx.tenant.id, user: ctx.user.userName, scheme: ctx.authScheme, device: ctx.user.isDevice }));
      api.get('/test/open', (ctx) => ctx.ok({ tenant: ctx.tenant.id, authenticated: ctx.authenticated }), { auth: 'none' });
      api.get('/test/maybe', (ctx) => ctx.ok({ authenticated: ctx.authenticated }), { auth: 'optional' });
      api.post('/test/bootstrap', (ctx) => ctx.ok({ user: ctx.user.userName }), { bootstrap: ['device'] });
      api.get('/test/counter', (ctx) => {
        const store = ctx.tenant.data('test', () => ({ n: 0 }));
        store.n++;
        return ctx.ok({ n: store.n, id: ctx.emu.ids.next() });
      });
    },
  });
}

/** Raw HTTP request (lets tests omit Accept or set Host, which fetch does not allow). */
export function rawRequest(
  url: string,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ hostname, port, method: options.method ?? 'GET', path: options.path, headers: options.headers ?? {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** A JSON object. */
export type Json = Record<string, unknown>;

/**
 * The fetch wrapper the area tests build on: JSON (or Buffer/string) bodies, `Accept:
 * application/json`, Basic admin by default; `json()` checks the status and parses the reply.
 */
export function jsonClient(emu: Emulator, auth = ADMIN) {
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> =>
    fetch(path.startsWith('http') ? path : `${emu.url}${path}`, {
      method,
      headers: {
        Authorization: auth,
        Accept: 'application/json',
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : Buffer.isBuffer(body) ? new Uint8Array(body) : JSON.stringify(body) } : {}),
    });
  const json = async <T = Json>(method: string, path: string, body?: unknown, status = method === 'POST' ? 201 : 200, headers?: Record<string, string>): Promise<T> => {
    const res = await call(method, path, body, headers);
    const text = await res.text();
    if (res.status !== status) throw new Error(`${method} ${path} → ${res.status} (expected ${status}): ${text}`);
    return JSON.parse(text) as T;
  };
  return {
    call,
    json,
    get: <T = Json>(path: string) => json<T>('GET', path),
    post: <T = Json>(path: string, body: unknown, headers?: Record<string, string>) => json<T>('POST', path, body, 201, headers),
    put: <T = Json>(path: string, body: unknown) => json<T>('PUT', path, body, 200),
  };
}
