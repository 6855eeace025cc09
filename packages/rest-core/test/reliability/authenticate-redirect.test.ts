import { describe, expect, it } from '@jest/globals';
import { authenticate, isCumulocityError } from '../../src/index.js';
import { sendJson, useTestServer } from '../helpers/test-server.js';

const server = useTestServer();
const elsewhere = useTestServer(); // another origin
const password = 'Redirect-Pa55-4411';

const loginCookies = ['authorization=aaaa.bbbb.cccc; Path=/; HttpOnly', 'XSRF-TOKEN=xsrf-1; Path=/'];

describe('authenticate() never follows a redirect', () => {
  it.each([301, 302, 303, 307, 308])('a %i from POST /tenant/oauth: refused, the password never reaches the other origin', async (status) => {
    server.handle((_request, res) => {
      res.writeHead(status, { Location: `${elsewhere.url}/tenant/oauth?tenant_id=t1` });
      res.end();
    });
    elsewhere.handle((_request, res) => {
      res.writeHead(200, { 'Set-Cookie': loginCookies });
      res.end();
    });
    const error = await authenticate({ baseUrl: server.url, username: 't1/admin', password, checkLoginOptions: false }).catch((caught: unknown) => caught);

    expect(isCumulocityError(error, 'ResponseFormatError')).toBe(true);
    if (!isCumulocityError(error, 'ResponseFormatError')) return;
    expect(error.status).toBe(status);
    expect(error.message).toContain(`redirect to ${elsewhere.url}/tenant/oauth`);
    expect(error.message).toContain('the password goes to the configured URL only');
    expect(server.count).toBe(1);
    expect(server.requests[0]?.body.toString()).toContain(`password=${password}`);
    expect(elsewhere.count).toBe(0);
  });

  it('a redirect of GET /tenant/loginOptions is refused too, before any password is sent', async () => {
    server.handle((_request, res) => {
      res.writeHead(302, { Location: `${elsewhere.url}/tenant/loginOptions` });
      res.end();
    });
    elsewhere.handle((_request, res) => sendJson(res, 200, { loginOptions: [{ type: 'OAUTH2_INTERNAL' }] }));
    const error = await authenticate({ baseUrl: server.url, username: 't1/admin', password }).catch((caught: unknown) => caught);

    expect(isCumulocityError(error, 'ResponseFormatError')).toBe(true);
    expect(server.requests.map((request) => request.method)).toEqual(['GET']);
    expect(elsewhere.count).toBe(0);
  });

  it('the Request handed to the fetch asks for redirect: manual', async () => {
    const seen: RequestRedirect[] = [];
    const fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      seen.push(request.redirect);
      return globalThis.fetch(request);
    };
    server.handle((request, res) => {
      if (request.method === 'GET') return sendJson(res, 200, { loginOptions: [{ type: 'OAUTH2_INTERNAL' }] });
      res.writeHead(200, { 'Set-Cookie': loginCookies });
      res.end();
    });
    await authenticate({ baseUrl: server.url, username: 't1/admin', password, fetch });
    expect(seen).toEqual(['manual', 'manual']);
  });
});
