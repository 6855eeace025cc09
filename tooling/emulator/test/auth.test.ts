import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startEmulator, type Emulator } from '../src/index.js';
import { ADMIN, basic, items, rawRequest, testArea, TEST_TENANTS } from './helpers.js';

const INFO = 'https://www.cumulocity.com/guides/reference/rest-implementation';

describe('authentication and roles', () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator({ tenants: TEST_TENANTS, areas: [testArea(items(3))] });
  });
  afterAll(() => emu.stop());

  const whoami = async (headers: Record<string, string>): Promise<{ status: number; body: unknown }> => {
    const res = await fetch(`${emu.url}/test/whoami`, { headers });
    return { status: res.status, body: await res.json() };
  };

  it('Basic tenant/user:password', async () => {
    expect(await whoami({ Authorization: ADMIN })).toEqual({
      status: 200,
      body: { tenant: 't100', user: 'admin', scheme: 'basic', device: false },
    });
    expect((await whoami({ Authorization: basic('t200/admin', 'other-pass') })).body).toMatchObject({ tenant: 't200' });
    // The tenant prefix may also be the tenant's domain.
    expect((await whoami({ Authorization: basic('acme.localhost/admin', 'other-pass') })).body).toMatchObject({ tenant: 't200' });
  });

  it('Basic user:password resolves the tenant from the Host, else the default tenant', async () => {
    expect((await whoami({ Authorization: basic('admin', 'admin-pass') })).body).toMatchObject({ tenant: 't100' });
    const port = new URL(emu.url).port;
    for (const host of [`acme.localhost:${port}`, `t200.localhost:${port}`]) {
      const res = await rawRequest(emu.url, { path: '/test/whoami', headers: { Host: host, Authorization: basic('admin', 'other-pass') } });
      expect(res.status).toBe(200);
      expect(JSON.parse(res.body)).toMatchObject({ tenant: 't200' });
    }
  });

  it('wrong or missing credentials → 401 security/Unauthorized', async () => {
    for (const headers of [
      { Authorization: basic('t100/admin', 'nope') },
      { Authorization: basic('t999/admin', 'admin-pass') },
      { Authorization: basic('t200/admin', 'admin-pass') },
      { Authorization: 'Basic !!!' },
      { Authorization: 'Digest abc' },
    ]) {
      const res = await fetch(`${emu.url}/test/whoami`, { headers });
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toMatch(/cumulocity\.error\+json/);
      expect(await res.json()).toEqual({ error: 'security/Unauthorized', message: 'Invalid credentials! : Bad credentials', info: INFO });
    }
    const missing = await fetch(`${emu.url}/test/whoami`);
    expect(missing.status).toBe(401);
    expect(((await missing.json()) as { error: string }).error).toBe('security/Unauthorized');
  });

  it('Bearer tokens issued by the emulator', async () => {
    const { token, claims } = emu.issueToken('t100', 'admin');
    expect(claims).toMatchObject({ ten: 't100', sub: 'admin' });
    expect(token.split('.')).toHaveLength(3);
    expect((await whoami({ Authorization: `Bearer ${token}` })).body).toMatchObject({ tenant: 't100', user: 'admin', scheme: 'bearer' });
    // Tampered signature / forged payload / foreign token.
    expect((await whoami({ Authorization: `Bearer ${token.slice(0, -2)}xx` })).status).toBe(401);
    const [h, , s] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...claims, sub: 'reader' })).toString('base64url');
    expect((await whoami({ Authorization: `Bearer ${h}.${forged}.${s}` })).status).toBe(401);
    const other = await startEmulator({ tenants: TEST_TENANTS });
    const foreign = other.issueToken('t100', 'admin').token;
    await other.stop();
    expect((await whoami({ Authorization: `Bearer ${foreign}` })).status).toBe(401);
  });

  it('expired and revoked tokens are rejected', async () => {
    const short = emu.issueToken('t100', 'admin', 60);
    expect((await whoami({ Authorization: `Bearer ${short.token}` })).status).toBe(200);
    emu.clock.advance(61_000);
    expect((await whoami({ Authorization: `Bearer ${short.token}` })).status).toBe(401);
    emu.clock.useRealTime();
    const revoked = emu.issueToken('t100', 'admin');
    emu.services.tokens.revoke(revoked.token);
    expect((await whoami({ Authorization: `Bearer ${revoked.token}` })).status).toBe(401);
  });

  it('cookie authorization needs a matching X-XSRF-TOKEN', async () => {
    const { token, xsrfToken } = emu.issueToken('t200', 'admin');
    const cookie = `XSRF-TOKEN=${xsrfToken}; authorization=${token}`;
    expect(await whoami({ Cookie: cookie, 'X-XSRF-TOKEN': xsrfToken })).toEqual({
      status: 200,
      body: { tenant: 't200', user: 'admin', scheme: 'cookie', device: false },
    });
    const wrong = await whoami({ Cookie: cookie, 'X-XSRF-TOKEN': 'nope' });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ error: 'security/Unauthorized' });
    expect((await whoami({ Cookie: cookie })).status).toBe(401);
  });

  it('device users are flagged', async () => {
    expect((await whoami({ Authorization: basic('t100/device_abc', 'device-pass') })).body).toMatchObject({ user: 'device_abc', device: true });
  });

  it('requireRole → 403 security/Forbidden', async () => {
    const res = await fetch(`${emu.url}/test/admin`, { headers: { Authorization: basic('t100/plain', 'plain-pass') } });
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: 'security/Forbidden', message: 'Access is denied', info: INFO });
    expect((await fetch(`${emu.url}/test/admin`, { headers: { Authorization: ADMIN } })).status).toBe(200);
  });

  it('unauthenticated and optional routes', async () => {
    expect(await (await fetch(`${emu.url}/test/open`)).json()).toEqual({ tenant: 't100', authenticated: false });
    // Credentials are ignored on `auth: 'none'` routes, even wrong ones.
    expect((await fetch(`${emu.url}/test/open`, { headers: { Authorization: basic('x', 'y') } })).status).toBe(200);
    expect(await (await fetch(`${emu.url}/test/maybe`)).json()).toEqual({ authenticated: false });
    expect(await (await fetch(`${emu.url}/test/maybe`, { headers: { Authorization: ADMIN } })).json()).toEqual({ authenticated: true });
    expect((await fetch(`${emu.url}/test/maybe`, { headers: { Authorization: basic('admin', 'bad') } })).status).toBe(401);
  });

  it('bootstrap users reach only routes that admit them', async () => {
    const bootstrap = basic('management/devicebootstrap', 'bootstrap-pass');
    const allowed = await fetch(`${emu.url}/test/bootstrap`, { method: 'POST', headers: { Authorization: bootstrap } });
    expect(allowed.status).toBe(200);
    expect(await allowed.json()).toEqual({ user: 'devicebootstrap' });
    const denied = await fetch(`${emu.url}/test/whoami`, { headers: { Authorization: bootstrap } });
    expect(denied.status).toBe(403);
    expect(await denied.json()).toMatchObject({ error: 'security/Forbidden' });

    const t100 = emu.tenants.get('t100');
    t100?.addUser({ userName: 'servicebootstrap_my-ms', password: 'ms-pass' });
    const msAuth = { Authorization: basic('t100/servicebootstrap_my-ms', 'ms-pass') };
    expect((await fetch(`${emu.url}/test/whoami`, { headers: msAuth })).status).toBe(403);
    const current = await fetch(`${emu.url}/tenant/currentTenant`, { headers: msAuth });
    expect(current.status).toBe(200);
    expect(t100?.findUser('servicebootstrap_my-ms')?.applicationName).toBe('my-ms');
  });
});
