import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { ALL_ROLES, startEmulator, totp, type Emulator, type TenantSeed } from '../src/index.js';
import { call, cookieValue, jwtClaims, mediaType, setCookies } from './accounts-helpers.js';
import { basic } from './helpers.js';

const SECRET = 'JBSWY3DPEHPK3PXP';
const TENANTS: readonly TenantSeed[] = [
  {
    id: 't100',
    users: [
      { userName: 'admin', password: 'admin-pass', roles: ALL_ROLES },
      // TOTP active from the seed.
      { userName: 'secure', password: 'secure-pass', roles: ['ROLE_USER_MANAGEMENT_OWN_READ', 'ROLE_USER_MANAGEMENT_OWN_ADMIN'], props: { totpSecret: SECRET } },
      { userName: 'jdoe', password: 'jdoe-pass-1', roles: ['ROLE_USER_MANAGEMENT_OWN_READ', 'ROLE_USER_MANAGEMENT_OWN_ADMIN'] },
    ],
  },
  { id: 't200', users: [{ userName: 'admin', password: 'other-pass', roles: ALL_ROLES }] },
];
const FORM = 'application/x-www-form-urlencoded';
const form = (fields: Record<string, string>): string => new URLSearchParams(fields).toString();

describe('OAI-Secure login, TFA, logout', () => {
  let emu: Emulator;
  let base: string;
  beforeAll(async () => {
    emu = await startEmulator({ tenants: TENANTS });
    base = emu.url;
  });
  afterAll(() => emu.stop());
  beforeEach(() => {
    emu.reset();
    emu.clock.set('2024-05-01T10:00:00.000Z');
  });

  const login = (fields: Record<string, string>, query = '?tenant_id=t100') =>
    call(base, 'POST', `/tenant/oauth${query}`, { auth: null, body: form({ grant_type: 'PASSWORD', ...fields }), type: FORM });

  it('GET /tenant/loginOptions needs no auth and points at /tenant/oauth', async () => {
    const res = await call<{ loginOptions: Array<Record<string, unknown>> }>(base, 'GET', '/tenant/loginOptions', { auth: null });
    expect(res.status).toBe(200);
    expect(mediaType(res)).toMatch(/loginoptioncollection\+json/);
    expect(res.body.loginOptions.map((o) => o.type)).toEqual(['OAUTH2_INTERNAL', 'BASIC']);
    expect(res.body.loginOptions[0]).toMatchObject({ initRequest: `${base}/tenant/oauth?tenant_id=t100`, grantType: 'PASSWORD', userManagementSource: 'INTERNAL' });
    const other = await call<{ loginOptions: Array<Record<string, unknown>> }>(base, 'GET', '/tenant/loginOptions?tenantId=t200', { auth: null });
    expect(other.body.loginOptions[0]).toMatchObject({ initRequest: `${base}/tenant/oauth?tenant_id=t200` });
    expect((await call(base, 'GET', '/tenant/loginOptions?management=true&tenantId=t200', { auth: null })).status).toBe(400);
  });

  it('POST /tenant/oauth sets authorization + XSRF-TOKEN cookies; the cookie works with X-XSRF-TOKEN only', async () => {
    const res = await login({ username: 'admin', password: 'admin-pass' });
    expect(res.status).toBe(200);
    expect(res.body).toBe('');
    const cookies = setCookies(res);
    expect(cookies).toHaveLength(2);
    expect(cookies[0]).toMatch(/^authorization=[^;]+; Path=\/; HttpOnly$/);
    expect(cookies[1]).toMatch(/^XSRF-TOKEN=[^;]+; Path=\/$/);
    const token = cookieValue(cookies, 'authorization') ?? '';
    const xsrf = cookieValue(cookies, 'XSRF-TOKEN') ?? '';
    expect(jwtClaims(token)).toMatchObject({ ten: 't100', sub: 'admin', xsrfToken: xsrf });

    const cookie = `authorization=${token}; XSRF-TOKEN=${xsrf}`;
    const ok = await call(base, 'GET', '/tenant/currentTenant', { auth: null, headers: { Cookie: cookie, 'X-XSRF-TOKEN': xsrf } });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ name: 't100' });
    expect((await call(base, 'GET', '/tenant/currentTenant', { auth: null, headers: { Cookie: cookie } })).status).toBe(401);
    expect((await call(base, 'GET', '/tenant/currentTenant', { auth: null, headers: { Cookie: cookie, 'X-XSRF-TOKEN': 'wrong' } })).status).toBe(401);
  });

  it('tenant from the username prefix or the host; wrong credentials → 401', async () => {
    const viaPrefix = await call(base, 'POST', '/tenant/oauth', { auth: null, body: form({ grant_type: 'PASSWORD', username: 't200/admin', password: 'other-pass' }), type: FORM });
    expect(viaPrefix.status).toBe(200);
    expect(jwtClaims(cookieValue(setCookies(viaPrefix), 'authorization') ?? '')).toMatchObject({ ten: 't200' });
    // No tenant_id: the loopback host is the default tenant.
    expect((await login({ username: 'admin', password: 'admin-pass' }, '')).status).toBe(200);
    for (const fields of [{ username: 'admin', password: 'nope' }, { username: 'ghost', password: 'admin-pass' }]) {
      const bad = await login(fields);
      expect(bad.status).toBe(401);
      expect(bad.body).toMatchObject({ error: 'security/Unauthorized', message: 'Invalid credentials! : Bad credentials' });
      expect(setCookies(bad)).toEqual([]);
    }
    expect((await login({ username: 'admin', password: 'admin-pass' }, '?tenant_id=t999')).status).toBe(401);
    expect((await login({ username: 'admin', password: 'admin-pass', grant_type: 'AUTHORIZATION_CODE' })).status).toBe(400);
    // Not a form → 415.
    expect((await call(base, 'POST', '/tenant/oauth', { auth: null, body: { username: 'admin' } })).status).toBe(415);
  });

  it('POST /tenant/oauth/token returns {access_token} usable as Bearer', async () => {
    const res = await call<{ access_token: string }>(base, 'POST', '/tenant/oauth/token?tenant_id=t100', {
      auth: null,
      body: form({ grant_type: 'PASSWORD', username: 'admin', password: 'admin-pass' }),
      type: FORM,
    });
    expect(res.status).toBe(200);
    expect(mediaType(res)).toMatch(/^application\/json/);
    expect(Object.keys(res.body)).toEqual(['access_token']);
    const claims = jwtClaims(res.body.access_token);
    expect(claims).toMatchObject({ sub: 'admin', ten: 't100' });
    // Default body-token lifetime: 2 days.
    expect(Number(claims.exp) - Number(claims.iat)).toBe(2 * 24 * 3600);
    const me = await call(base, 'GET', '/user/currentUser', { auth: `Bearer ${res.body.access_token}` });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ userName: 'admin' });
  });

  it('token lifetimes follow the oauth.internal tenant options', async () => {
    await call(base, 'POST', '/tenant/options', { body: { category: 'oauth.internal', key: 'basic-token.lifespan.seconds', value: '300' } });
    const res = await login({ username: 'admin', password: 'admin-pass' });
    const token = cookieValue(setCookies(res), 'authorization') ?? '';
    const claims = jwtClaims(token);
    expect(Number(claims.exp) - Number(claims.iat)).toBe(300);
    expect((await call(base, 'GET', '/user/currentUser', { auth: `Bearer ${token}` })).status).toBe(200);
    emu.clock.advance(301_000);
    expect((await call(base, 'GET', '/user/currentUser', { auth: `Bearer ${token}` })).status).toBe(401);
  });

  it('TFA: 401 "TFA TOTP code required" until a valid TOTP code is sent', async () => {
    const missing = await login({ username: 'secure', password: 'secure-pass' });
    expect(missing.status).toBe(401);
    expect(missing.body).toMatchObject({ error: 'security/Unauthorized', message: 'Invalid credentials! : TFA TOTP code required.' });
    expect(setCookies(missing)).toEqual([]);
    const wrong = await login({ username: 'secure', password: 'secure-pass', tfa_code: '000000' === totp(SECRET, emu.clock.now()) ? '111111' : '000000' });
    expect(wrong.status).toBe(401);
    expect(String((wrong.body as Record<string, unknown>).message)).toMatch(/tfa|totp/i);
    // Wrong password is reported as such even with a code.
    expect((await login({ username: 'secure', password: 'nope', tfa_code: totp(SECRET, emu.clock.now()) })).body).toMatchObject({
      message: 'Invalid credentials! : Bad credentials',
    });
    const ok = await login({ username: 'secure', password: 'secure-pass', tfa_code: totp(SECRET, emu.clock.now()) });
    expect(ok.status).toBe(200);
    expect(cookieValue(setCookies(ok), 'authorization')).toBeDefined();
    // The previous 30-second step is still accepted (clock drift), older ones are not.
    expect((await login({ username: 'secure', password: 'secure-pass', tfa_code: totp(SECRET, emu.clock.now().getTime() - 30_000) })).status).toBe(200);
    expect((await login({ username: 'secure', password: 'secure-pass', tfa_code: totp(SECRET, emu.clock.now().getTime() - 120_000) })).status).toBe(401);
    const tfa = await call(base, 'GET', '/user/t100/users/secure/tfa');
    expect(tfa.body).toMatchObject({ tfaEnabled: true, strategy: 'TOTP', lastTfaRequestTime: '2024-05-01T10:00:00.000Z' });
  });

  it('totp() is RFC 6238 (test vector: SHA1, T=59 → 287082)', () => {
    // RFC 6238 appendix B secret "12345678901234567890" in base32.
    expect(totp('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', 59_000)).toBe('287082');
    expect(totp('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', 1111111109_000)).toBe('081804');
  });

  it('current user TOTP setup: secret → verify → activate → login requires the code → deactivate', async () => {
    const auth = basic('t100/jdoe', 'jdoe-pass-1');
    const activity = await call(base, 'GET', '/user/currentUser/totpSecret/activity', { auth });
    expect(activity.status).toBe(200);
    expect(activity.body).toEqual({ isActive: false });
    const noSecret = await call(base, 'POST', '/user/currentUser/totpSecret/activity', { auth, body: { isActive: true } });
    expect(noSecret.status).toBe(409);
    expect((await call(base, 'POST', '/user/currentUser/totpSecret/verify', { auth, body: { code: '123456' } })).status).toBe(404);

    const secret = await call<{ rawSecret: string; secretQrUrl: string }>(base, 'POST', '/user/currentUser/totpSecret', { auth, headers: { Accept: 'application/json' } });
    expect(secret.status).toBe(200);
    expect(secret.body.rawSecret).toMatch(/^[A-Z2-7]{16}$/);
    expect(secret.body.secretQrUrl).toContain(encodeURIComponent(`secret=${secret.body.rawSecret}`));
    const code = totp(secret.body.rawSecret, emu.clock.now());
    const bad = await call(base, 'POST', '/user/currentUser/totpSecret/verify', { auth, body: { code: code === '000000' ? '000001' : '000000' } });
    expect(bad.status).toBe(403);
    expect((await call(base, 'POST', '/user/currentUser/totpSecret/verify', { auth, body: { code: 'abc' } })).status).toBe(422);
    expect((await call(base, 'POST', '/user/currentUser/totpSecret/verify', { auth, body: { code } })).status).toBe(204);
    // Not active yet: login without code works.
    expect((await login({ username: 'jdoe', password: 'jdoe-pass-1' })).status).toBe(200);

    expect((await call(base, 'POST', '/user/currentUser/totpSecret/activity', { auth, body: { isActive: true } })).status).toBe(204);
    expect((await call(base, 'GET', '/user/currentUser/totpSecret/activity', { auth })).body).toEqual({ isActive: true });
    expect((await call(base, 'GET', '/user/currentUser', { auth })).body).toMatchObject({ twoFactorAuthenticationEnabled: true });
    expect((await login({ username: 'jdoe', password: 'jdoe-pass-1' })).status).toBe(401);
    expect((await login({ username: 'jdoe', password: 'jdoe-pass-1', tfa_code: totp(secret.body.rawSecret, emu.clock.now()) })).status).toBe(200);
    // An active secret cannot be replaced.
    expect((await call(base, 'POST', '/user/currentUser/totpSecret', { auth })).status).toBe(403);

    expect((await call(base, 'POST', '/user/currentUser/totpSecret/activity', { auth, body: { isActive: false } })).status).toBe(204);
    expect((await login({ username: 'jdoe', password: 'jdoe-pass-1' })).status).toBe(200);
  });

  it('POST /user/logout revokes the cookie token and clears the cookies; Bearer logout too', async () => {
    const res = await login({ username: 'admin', password: 'admin-pass' });
    const token = cookieValue(setCookies(res), 'authorization') ?? '';
    const xsrf = cookieValue(setCookies(res), 'XSRF-TOKEN') ?? '';
    const headers = { Cookie: `authorization=${token}`, 'X-XSRF-TOKEN': xsrf };
    expect((await call(base, 'GET', '/user/currentUser', { auth: null, headers })).status).toBe(200);
    const out = await call(base, 'POST', '/user/logout', { auth: null, headers });
    expect(out.status).toBe(200);
    expect(setCookies(out)).toEqual(['authorization=; Path=/; HttpOnly; Max-Age=0', 'XSRF-TOKEN=; Path=/; Max-Age=0']);
    expect((await call(base, 'GET', '/user/currentUser', { auth: null, headers })).status).toBe(401);
    expect((await call(base, 'POST', '/user/logout', { auth: null, headers })).status).toBe(401);

    const bearer = emu.issueToken('t100', 'admin').token;
    expect((await call(base, 'POST', '/user/logout', { auth: `Bearer ${bearer}` })).status).toBe(200);
    expect((await call(base, 'GET', '/user/currentUser', { auth: `Bearer ${bearer}` })).status).toBe(401);
    // Basic: nothing to revoke, still 200.
    expect((await call(base, 'POST', '/user/logout')).status).toBe(200);
  });

  it('current user: GET as vnd.user, PUT, password change (422 on a wrong current password)', async () => {
    const auth = basic('t100/jdoe', 'jdoe-pass-1');
    const asUser = await call(base, 'GET', '/user/currentUser', { auth, headers: { Accept: 'application/vnd.com.nsn.cumulocity.user+json' } });
    expect(asUser.status).toBe(200);
    expect(mediaType(asUser)).toMatch(/vnd\.com\.nsn\.cumulocity\.user\+json/);
    expect(asUser.body).toMatchObject({ self: `${base}/user/t100/users/jdoe`, roles: { references: expect.any(Array) as unknown } });

    const put = await call(base, 'PUT', '/user/currentUser', {
      auth,
      body: { firstName: 'John', email: 'john@example.com' },
      type: 'application/vnd.com.nsn.cumulocity.currentuser+json',
      headers: { Accept: 'application/vnd.com.nsn.cumulocity.currentuser+json' },
    });
    expect(put.status).toBe(200);
    expect(mediaType(put)).toMatch(/currentuser\+json/);
    expect(put.body).toMatchObject({ firstName: 'John', email: 'john@example.com', userName: 'jdoe' });
    expect((await call(base, 'PUT', '/user/currentUser', { auth, body: { firstName: 3 } })).status).toBe(422);
    expect((await call(base, 'PUT', '/user/currentUser', { auth: basic('t100/admin', 'admin-pass'), body: {} })).status).toBe(200);

    const wrong = await call(base, 'PUT', '/user/currentUser/password', { auth, body: { currentUserPassword: 'nope', newPassword: 'brand-new-1' } });
    expect(wrong.status).toBe(422);
    expect(wrong.body).toMatchObject({ error: 'users/Invalid Data' });
    expect((await call(base, 'PUT', '/user/currentUser/password', { auth, body: { newPassword: 'brand-new-1' } })).status).toBe(422);
    const ok = await call(base, 'PUT', '/user/currentUser/password', { auth, body: { currentUserPassword: 'jdoe-pass-1', newPassword: 'brand-new-1' } });
    expect(ok.status).toBe(200);
    expect(ok.body).toBe('');
    expect((await call(base, 'GET', '/user/currentUser', { auth })).status).toBe(401);
    expect((await call(base, 'GET', '/user/currentUser', { auth: basic('t100/jdoe', 'brand-new-1') })).body).toMatchObject({
      lastPasswordChange: '2024-05-01T10:00:00.000Z',
    });
  });

  it('password change under OAI-Secure sets a new token cookie', async () => {
    const res = await login({ username: 'jdoe', password: 'jdoe-pass-1' });
    const token = cookieValue(setCookies(res), 'authorization') ?? '';
    const xsrf = cookieValue(setCookies(res), 'XSRF-TOKEN') ?? '';
    const change = await call(base, 'PUT', '/user/currentUser/password', {
      auth: null,
      headers: { Cookie: `authorization=${token}`, 'X-XSRF-TOKEN': xsrf },
      body: { currentUserPassword: 'jdoe-pass-1', newPassword: 'brand-new-1' },
    });
    expect(change.status).toBe(200);
    const fresh = cookieValue(setCookies(change), 'authorization');
    expect(fresh).toBeDefined();
    expect(fresh).not.toBe(token);
    expect(jwtClaims(fresh ?? '')).toMatchObject({ sub: 'jdoe', ten: 't100' });
  });
});
