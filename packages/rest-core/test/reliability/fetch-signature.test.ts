import { describe, expect, it } from '@jest/globals';
import { authenticate, CumulocityRestClient, type FetchFunction } from '../../src/index.js';
import { sendJson, useTestServer } from '../helpers/test-server.js';
import { testAuth } from '../helpers/transport-client.js';

const server = useTestServer();

// The injectable fetch has the standard signature: `globalThis.fetch` fits it, and a function
// written against it fits wherever `typeof fetch` is expected (compile-time checks: `pnpm typecheck`).
export const standard: FetchFunction = globalThis.fetch;
export const parameters: Parameters<FetchFunction> = [new URL('https://t1.example.com/x'), { method: 'GET' }];
export const asGlobal: typeof globalThis.fetch = ((input, init) => globalThis.fetch(input, init)) satisfies FetchFunction;

describe('the injected fetch', () => {
  it('is called as fetch(url, init) with an init that carries everything; a plain wrapper works', async () => {
    server.handle((_request, res) => sendJson(res, 200, { ok: true }));
    const calls: Array<{ input: unknown; init: RequestInit | undefined }> = [];
    const wrapper: FetchFunction = (input, init) => {
      calls.push({ input, init });
      return globalThis.fetch(input, init);
    };
    const client = new CumulocityRestClient({ baseUrl: server.url, auth: testAuth, fetch: wrapper });
    await expect(client.post('/event/events', { type: 'x' }, { headers: { 'X-Trace': 't1' } })).resolves.toEqual({ ok: true });

    expect(calls).toHaveLength(1);
    const { input, init } = calls[0]!;
    expect(input).toBe(`${server.url}/event/events`);
    expect(init?.method).toBe('POST');
    expect(init?.redirect).toBe('manual');
    // The body as prepared, not a stream: fetch sends it with a Content-Length in one write.
    expect(init?.body).toBe('{"type":"x"}');
    expect(init?.signal).toBeInstanceOf(AbortSignal);
    const headers = new Headers(init?.headers);
    expect(headers.get('x-trace')).toBe('t1');
    expect(headers.get('content-type')).toBe('application/json');
    expect(headers.get('authorization')).toMatch(/^Basic /);
    expect(server.requests[0]?.body.toString()).toBe('{"type":"x"}');
    expect(server.requests[0]?.headers['content-length']).toBe('12');
  });

  it('globalThis.fetch itself can be passed, to the client and to authenticate()', async () => {
    server.handle((request, res) => {
      if (request.url.startsWith('/tenant/loginOptions')) sendJson(res, 200, { loginOptions: [{ type: 'OAUTH2_INTERNAL' }] });
      else if (request.url.startsWith('/tenant/oauth')) {
        res.writeHead(200, { 'Set-Cookie': ['authorization=aaaa.bbbb.cccc; Path=/', 'XSRF-TOKEN=xsrf-1; Path=/'] });
        res.end();
      } else sendJson(res, 200, { ok: true });
    });
    await expect(new CumulocityRestClient({ baseUrl: server.url, auth: testAuth, fetch: globalThis.fetch }).get('/x')).resolves.toEqual({ ok: true });
    const auth = await authenticate({ baseUrl: server.url, username: 't1/admin', password: 'pw-123456', fetch: globalThis.fetch });
    expect(auth.hasToken).toBe(true);
  });
});
