import { beforeEach, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import { clearClientCache, getClient, type GetClientOptions } from '../src/node/index.js';
import { BASE, epochIn, makeJwt, mt, recorder, rejection, serveOaiLogin, terminal, useNock } from './helpers.js';

// getClient over the wire (nock): where each value comes from (options > environment > terminal),
// tokens and their expiry, OAI-Secure and Basic logins, prompts with a scripted terminal, the
// tenant lookup and the client cache.

useNock();
beforeEach(() => clearClientCache());

const PASSWORD = 'Sup3r-S3cret!';
const ENV = { C8Y_BASEURL: BASE, C8Y_USER: 'admin', C8Y_PASSWORD: PASSWORD };
/** No terminal, an empty environment, notes recorded. */
const batch = (options: GetClientOptions = {}): GetClientOptions => ({ env: {}, isTTY: false, stderr: recorder(), ...options });
const acceptPassword = (password: string) => (form: URLSearchParams) => form.get('password') === password || 'Invalid credentials! : Bad credentials';
const bearerOf = (authorization: string | undefined) => {
  const token = /^Bearer (.+)$/.exec(authorization ?? '')?.[1] ?? '';
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
};

/** Answers `GET path` once and resolves the Authorization header it arrived with. */
function expectCall(path: string, origin = BASE): Promise<string | undefined> {
  return new Promise((resolve) => {
    nock(origin)
      .get(path)
      .reply(function () {
        resolve(this.req.headers['authorization'] as string | undefined);
        return [200, { id: '1' }, { 'Content-Type': mt('managedobject') }];
      });
  });
}

describe('where the values come from', () => {
  it('explicit options win over the environment', async () => {
    const seen = serveOaiLogin({ accept: acceptPassword(PASSWORD) });
    const env = { C8Y_BASEURL: 'https://env.example.com', C8Y_TENANT: 't200', C8Y_USER: 'envuser', C8Y_PASSWORD: 'env-pass' };
    const c8y = await getClient(batch({ env, baseUrl: BASE, tenantId: 't100', username: 'admin', password: PASSWORD }));
    expect(c8y.baseUrl).toBe(BASE);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.path).toBe('/tenant/oauth?tenant_id=t100');
    const form = new URLSearchParams(seen[0]?.body);
    expect([form.get('username'), form.get('password')]).toEqual(['admin', PASSWORD]);
    const authorization = expectCall('/inventory/managedObjects/1');
    await c8y.inventory.get('1');
    expect(bearerOf(await authorization)).toMatchObject({ sub: 'admin', ten: 't100' });
  });

  it('reads C8Y_BASEURL, C8Y_USER and C8Y_PASSWORD, adding https:// to a bare host name', async () => {
    const seen = serveOaiLogin({ accept: acceptPassword(PASSWORD) });
    const c8y = await getClient(batch({ env: { ...ENV, C8Y_BASEURL: 't100.example.com' } }));
    expect(c8y.baseUrl).toBe(BASE);
    expect(new URLSearchParams(seen[0]?.body).get('username')).toBe('admin');
    expect(await c8y.getTenantId()).toBe('t100'); // from the token: no request
  });

  it('takes the tenant from a t100/admin user name', async () => {
    const seen = serveOaiLogin({ accept: acceptPassword(PASSWORD) });
    await getClient(batch({ env: { ...ENV, C8Y_USER: 't100/admin' } }));
    expect(seen[0]?.path).toBe('/tenant/oauth?tenant_id=t100');
    expect(new URLSearchParams(seen[0]?.body).get('username')).toBe('admin');
  });

  it('uses C8Y_PASSWORD only for the C8Y_USER it belongs to', async () => {
    const error = await rejection(getClient(batch({ env: ENV, username: 'someone-else' })), 'InvalidInputError');
    expect(error.path).toBe('C8Y_PASSWORD');
  });

  it.each([
    ['C8Y_BASEURL', {}],
    ['C8Y_USER', { C8Y_BASEURL: BASE }],
    ['C8Y_PASSWORD', { C8Y_BASEURL: BASE, C8Y_USER: 'admin' }],
  ])('without a terminal, a missing %s is an InvalidInputError naming it (no request sent)', async (variable, env) => {
    const error = await rejection(getClient(batch({ env })), 'InvalidInputError');
    expect(error.path).toBe(variable);
    expect(error.message).toContain(variable);
    expect(error.message).toContain('no terminal');
  });

  it('refuses a base URL that is not one, naming where it came from', async () => {
    const error = await rejection(getClient(batch({ env: { ...ENV, C8Y_BASEURL: 'ftp://t100.example.com' } })), 'InvalidInputError');
    expect(error.path).toBe('C8Y_BASEURL');
  });

  it('passes client options on (applicationKey) and keeps connection options out of them', async () => {
    serveOaiLogin({ accept: acceptPassword(PASSWORD) });
    const c8y = await getClient(batch({ env: ENV, applicationKey: 'my-app' }));
    let key: unknown;
    nock(BASE)
      .get('/user/currentUser')
      .reply(function () {
        key = this.req.headers['x-cumulocity-application-key'];
        return [200, { userName: 'admin' }];
      });
    await c8y.get('/user/currentUser');
    expect(key).toBe('my-app');
    expect(JSON.stringify(c8y)).not.toContain(PASSWORD);
    expect(String(c8y)).toMatch(/^CumulocityClient\(https:\/\/t100\.example\.com, BearerAuth\(t100\/admin/);
  });
});

describe('tokens', () => {
  const token = (claims: Record<string, unknown>) => makeJwt({ sub: 'admin', ten: 't100', ...claims });

  it('uses a valid C8Y_TOKEN as Bearer auth, without a login', async () => {
    const jwt = token({ exp: epochIn(3_600_000) });
    const c8y = await getClient(batch({ env: { ...ENV, C8Y_TOKEN: jwt } }));
    const authorization = expectCall('/inventory/managedObjects/1');
    await c8y.inventory.get('1');
    expect(await authorization).toBe(`Bearer ${jwt}`);
    expect(await c8y.getTenantId()).toBe('t100');
  });

  it.each([
    ['has expired', -3_600_000, /C8Y_TOKEN expired at/],
    ['expires within a minute', 30_000, /C8Y_TOKEN expires at .*, within a minute/],
  ])('discards a token that %s, says so on stderr, and logs in with the password', async (_case, offset, note) => {
    const jwt = token({ exp: epochIn(offset) });
    const seen = serveOaiLogin({ accept: acceptPassword(PASSWORD) });
    const stderr = recorder();
    const c8y = await getClient(batch({ env: { ...ENV, C8Y_TOKEN: jwt }, stderr }));
    expect(stderr.text()).toMatch(note);
    expect(stderr.text()).toMatch(/not using it/);
    expect(stderr.text()).not.toContain(jwt);
    expect(seen).toHaveLength(1);
    const authorization = expectCall('/inventory/managedObjects/1');
    await c8y.inventory.get('1');
    expect(await authorization).not.toBe(`Bearer ${jwt}`);
  });

  it('uses a token that expires in two minutes', async () => {
    const jwt = token({ exp: epochIn(120_000) });
    const stderr = recorder();
    const c8y = await getClient(batch({ env: { C8Y_BASEURL: BASE, C8Y_TOKEN: jwt }, stderr }));
    const authorization = expectCall('/inventory/managedObjects/1');
    await c8y.inventory.get('1');
    expect(await authorization).toBe(`Bearer ${jwt}`);
    expect(stderr.text()).toBe('');
  });

  it('an expired token without user and password is a missing C8Y_USER', async () => {
    const error = await rejection(getClient(batch({ env: { C8Y_BASEURL: BASE, C8Y_TOKEN: token({ exp: epochIn(-1000) }) } })), 'InvalidInputError');
    expect(error.path).toBe('C8Y_USER');
  });

  it('a user or password in the options wins over C8Y_TOKEN', async () => {
    const seen = serveOaiLogin({ accept: acceptPassword(PASSWORD) });
    const jwt = token({ exp: epochIn(3_600_000), sub: 'tokenuser' });
    const c8y = await getClient(batch({ env: { ...ENV, C8Y_TOKEN: jwt }, password: PASSWORD }));
    expect(seen).toHaveLength(1);
    const authorization = expectCall('/inventory/managedObjects/1');
    await c8y.inventory.get('1');
    expect(bearerOf(await authorization).sub).toBe('admin');
  });

  it('options.token wins over C8Y_TOKEN', async () => {
    const mine = token({ exp: epochIn(3_600_000), sub: 'mine' });
    const c8y = await getClient(batch({ env: { ...ENV, C8Y_TOKEN: token({ exp: epochIn(3_600_000) }) }, token: mine }));
    const authorization = expectCall('/inventory/managedObjects/1');
    await c8y.inventory.get('1');
    expect(await authorization).toBe(`Bearer ${mine}`);
  });

  it('looks the tenant up (GET /tenant/currentTenant) when the token does not name it', async () => {
    const jwt = makeJwt({ sub: 'admin', exp: epochIn(3_600_000) });
    nock(BASE).get('/tenant/currentTenant').matchHeader('authorization', `Bearer ${jwt}`).reply(200, { name: 't777' }, { 'Content-Type': mt('currenttenant') });
    const c8y = await getClient(batch({ env: { C8Y_BASEURL: BASE, C8Y_TOKEN: jwt } }));
    expect(await c8y.getTenantId()).toBe('t777');
  });
});

describe('tenants without OAI-Secure: Basic auth, checked before getClient resolves', () => {
  const serveBasicOnly = () => nock(BASE).get(/^\/tenant\/loginOptions/).reply(200, { loginOptions: [{ type: 'BASIC' }] });
  const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

  it('resolves the tenant with GET /tenant/currentTenant, then prefixes it', async () => {
    serveBasicOnly();
    nock(BASE).get('/tenant/currentTenant').matchHeader('authorization', basic('admin', PASSWORD)).reply(200, { name: 't100' });
    const c8y = await getClient(batch({ env: ENV }));
    expect(await c8y.getTenantId()).toBe('t100');
    const authorization = expectCall('/inventory/managedObjects/1');
    await c8y.inventory.get('1');
    expect(await authorization).toBe(basic('t100/admin', PASSWORD));
  });

  it('checks the password with GET /tenant/currentTenant when the tenant is known', async () => {
    serveBasicOnly();
    nock(BASE).get('/tenant/currentTenant').matchHeader('authorization', basic('t100/admin', PASSWORD)).reply(200, { name: 't100' });
    await getClient(batch({ env: { ...ENV, C8Y_TENANT: 't100' } }));
  });

  it('without a terminal, a wrong password is an UnauthorizedError (no secret in it)', async () => {
    serveBasicOnly();
    nock(BASE).get('/tenant/currentTenant').reply(401, { error: 'security/Unauthorized', message: 'Invalid credentials! : Bad credentials' }, { 'Content-Type': mt('error') });
    const error = await rejection(getClient(batch({ env: ENV })), 'UnauthorizedError');
    expect(`${error.message} ${JSON.stringify(error)} ${error.stack ?? ''}`).not.toContain(PASSWORD);
  });

  it('does not ask for a TFA code a Basic login cannot send', async () => {
    serveBasicOnly();
    nock(BASE).get('/tenant/currentTenant').reply(401, { error: 'security/Unauthorized', message: 'TFA TOTP code required' }, { 'Content-Type': mt('error') });
    const term = terminal();
    await rejection(getClient({ env: { ...ENV, C8Y_TENANT: 't100' }, isTTY: true, stdin: term.stdin, stdout: term.stdout, stderr: term.stderr }), 'TfaRequiredError');
    expect(term.stdout.text()).not.toContain('TFA code');
  });
});

describe('prompts on a terminal', () => {
  /** Resolves once `question` shows on the terminal. */
  const shown = (term: ReturnType<typeof terminal>, question: string) =>
    new Promise<void>((resolve) => {
      const check = () => {
        if (!term.stdout.text().includes(question)) return;
        term.stdout.off('data', check);
        resolve();
      };
      term.stdout.on('data', check);
      check();
    });
  const onTerminal = (term: ReturnType<typeof terminal>, options: GetClientOptions = {}): GetClientOptions => ({
    env: {},
    isTTY: true,
    stdin: term.stdin,
    stdout: term.stdout,
    stderr: term.stderr,
    ...options,
  });

  it('asks for the URL, tenant, user and password — the password without echo', async () => {
    const seen = serveOaiLogin({ accept: acceptPassword(PASSWORD) });
    const term = terminal()
      .answer('Cumulocity URL', 't100.example.com')
      .answer('Tenant id', 't100')
      .answer('User name: ', 'admin')
      .answer('Password: ', PASSWORD);
    const c8y = await getClient(onTerminal(term));
    expect(c8y.baseUrl).toBe(BASE);
    expect(seen[0]?.path).toBe('/tenant/oauth?tenant_id=t100');
    const form = new URLSearchParams(seen[0]?.body);
    expect([form.get('username'), form.get('password')]).toEqual(['admin', PASSWORD]);
    const shown = term.stdout.text();
    expect(shown).toContain('admin'); // visible answers are echoed …
    expect(shown).not.toContain(PASSWORD); // … the password is not
    expect(shown).not.toContain(PASSWORD.slice(0, 3));
    expect(term.pending()).toEqual([]);
  });

  it('an empty tenant answer leaves the tenant to the login', async () => {
    const seen = serveOaiLogin({ accept: acceptPassword(PASSWORD) });
    const term = terminal().answer('Tenant id', '').answer('User name: ', 'admin').answer('Password: ', PASSWORD);
    const c8y = await getClient(onTerminal(term, { env: { C8Y_BASEURL: BASE } }));
    expect(seen[0]?.path).toBe('/tenant/oauth?tenant_id=t100'); // the tenant from the login options
    expect(await c8y.getTenantId()).toBe('t100');
  });

  it('asks only for what neither the options nor the environment give (the tenant only with the user)', async () => {
    serveOaiLogin({ accept: acceptPassword(PASSWORD) });
    const term = terminal().answer('Password: ', PASSWORD);
    const c8y = await getClient(onTerminal(term, { env: { C8Y_BASEURL: BASE, C8Y_USER: 'admin' } }));
    expect(term.stdout.text()).not.toContain('URL');
    expect(term.stdout.text()).not.toContain('User name');
    expect(term.stdout.text()).not.toContain('Tenant');
    expect(term.stdout.text()).toContain('Password: ');
    expect(await c8y.getTenantId()).toBe('t100');
  });

  it('a t100/admin answer names the tenant', async () => {
    const seen = serveOaiLogin({ accept: acceptPassword(PASSWORD) });
    const term = terminal().answer('Tenant id', '').answer('User name: ', 't100/admin').answer('Password: ', PASSWORD);
    await getClient(onTerminal(term, { env: { C8Y_BASEURL: BASE } }));
    expect(seen[0]?.path).toBe('/tenant/oauth?tenant_id=t100');
    expect(new URLSearchParams(seen[0]?.body).get('username')).toBe('admin');
  });

  it('asks for a TFA code when the login needs one', async () => {
    const seen = serveOaiLogin({ logins: 2, accept: (form) => (form.get('password') !== PASSWORD ? 'Bad credentials' : form.get('tfa_code') === '654321' || 'TFA TOTP code required') });
    const term = terminal().answer('TFA code: ', '654321');
    await getClient(onTerminal(term, { env: ENV }));
    expect(seen.map((login) => new URLSearchParams(login.body).get('tfa_code'))).toEqual([null, '654321']);
  });

  it('asks for the TFA code again when it was wrong', async () => {
    const seen = serveOaiLogin({ logins: 3, accept: (form) => form.get('tfa_code') === '222222' || 'TFA TOTP code required' });
    const term = terminal().answer('TFA code: ', '111111').answer('TFA code: ', '222222');
    await getClient(onTerminal(term, { env: ENV }));
    expect(seen).toHaveLength(3);
    expect(term.stderr.text()).toContain('The TFA code was not accepted');
  });

  it('asks for the password again after a wrong one, then connects', async () => {
    const seen = serveOaiLogin({ logins: 2, accept: acceptPassword(PASSWORD) });
    const term = terminal().answer('Password: ', PASSWORD);
    const c8y = await getClient(onTerminal(term, { env: { ...ENV, C8Y_PASSWORD: 'wrong' } }));
    expect(seen.map((login) => new URLSearchParams(login.body).get('password'))).toEqual(['wrong', PASSWORD]);
    expect(term.stderr.text()).toContain('Invalid user name or password for admin at https://t100.example.com: try again (1 of 3)');
    expect(term.stderr.text() + term.stdout.text()).not.toContain(PASSWORD);
    expect(await c8y.getTenantId()).toBe('t100');
  });

  it('asks again at most 3 times, then rejects with the UnauthorizedError', async () => {
    const seen = serveOaiLogin({ logins: 4, accept: () => 'Invalid credentials! : Bad credentials' });
    const term = terminal().answer('Password: ', 'two').answer('Password: ', 'three').answer('Password: ', 'four');
    await rejection(getClient(onTerminal(term, { env: { ...ENV, C8Y_PASSWORD: 'one' } })), 'UnauthorizedError');
    expect(seen.map((login) => new URLSearchParams(login.body).get('password'))).toEqual(['one', 'two', 'three', 'four']);
    expect(term.stderr.text()).toContain('(3 of 3)');
    expect(term.stderr.text()).not.toContain('(4 of 3)');
  });

  it('asks for the URL again when the answer is not one', async () => {
    serveOaiLogin({ accept: acceptPassword(PASSWORD) });
    const term = terminal().answer('Cumulocity URL', 'ftp://nope').answer('Cumulocity URL', 't100.example.com');
    const c8y = await getClient(onTerminal(term, { env: { C8Y_USER: 'admin', C8Y_PASSWORD: PASSWORD, C8Y_TENANT: 't100' } }));
    expect(c8y.baseUrl).toBe(BASE);
    expect(term.stderr.text()).toContain('C8Y_BASEURL: the scheme must be http or https');
  });

  it('an abort rejects a pending question with the signal’s reason and releases the input', async () => {
    const term = terminal();
    const controller = new AbortController();
    const pending = getClient(onTerminal(term, { signal: controller.signal }));
    await shown(term, 'Cumulocity URL'); // the prompt code loads on first use (a dynamic import)
    controller.abort(new Error('stop asking'));
    await expect(pending).rejects.toThrow('stop asking');
    expect(term.stdin.isPaused()).toBe(true);
  });

  it('an abort while the prompt code loads rejects with the reason and asks nothing', async () => {
    const term = terminal();
    const controller = new AbortController();
    const pending = getClient(onTerminal(term, { signal: controller.signal }));
    controller.abort(new Error('stop before asking'));
    await expect(pending).rejects.toThrow('stop before asking');
    expect(term.stdout.text()).toBe('');
    expect(term.stdin.listenerCount('data') + term.stdin.listenerCount('keypress')).toBe(0); // no readline on it
  });

  it('an aborted signal rejects before anything is asked or sent', async () => {
    const term = terminal();
    await expect(getClient(onTerminal(term, { signal: AbortSignal.abort(new Error('too late')) }))).rejects.toThrow('too late');
    expect(term.stdout.text()).toBe('');
  });

  it('rejects when the input ends before an answer', async () => {
    const term = terminal();
    const pending = getClient(onTerminal(term));
    term.stdin.end();
    const error = await rejection(pending, 'CumulocityError');
    expect(error.message).toContain('input ended');
  });
});

describe('the client cache', () => {
  it('the same call twice returns the same client, with one login', async () => {
    const seen = serveOaiLogin({ accept: acceptPassword(PASSWORD) });
    const first = await getClient(batch({ env: ENV }));
    const second = await getClient(batch({ env: ENV }));
    expect(second).toBe(first);
    expect(seen).toHaveLength(1);
  });

  it('two calls at once log in once', async () => {
    const seen = serveOaiLogin({ accept: acceptPassword(PASSWORD) });
    const [first, second] = await Promise.all([getClient(batch({ env: ENV })), getClient(batch({ env: ENV }))]);
    expect(second).toBe(first);
    expect(seen).toHaveLength(1);
  });

  it('a cached client is returned without asking for the password', async () => {
    serveOaiLogin({ accept: acceptPassword(PASSWORD) });
    const first = await getClient(batch({ env: ENV }));
    const term = terminal();
    const again = await getClient({ env: { C8Y_BASEURL: BASE, C8Y_USER: 'admin' }, isTTY: true, stdin: term.stdin, stdout: term.stdout, stderr: term.stderr });
    expect(again).toBe(first);
    expect(term.stdout.text()).toBe('');
  });

  it('a client found without a tenant is also the client of its resolved tenant', async () => {
    const seen = serveOaiLogin({ accept: acceptPassword(PASSWORD) });
    const first = await getClient(batch({ env: ENV }));
    const withTenant = await getClient(batch({ env: { ...ENV, C8Y_TENANT: 't100' } }));
    expect(withTenant).toBe(first);
    expect(seen).toHaveLength(1);
  });

  it('different users never share a client', async () => {
    const seen = serveOaiLogin({ logins: 2, accept: () => true });
    const alice = await getClient(batch({ env: { ...ENV, C8Y_USER: 'alice', C8Y_PASSWORD: 'a' } }));
    const bob = await getClient(batch({ env: { ...ENV, C8Y_USER: 'bob', C8Y_PASSWORD: 'b' } }));
    expect(bob).not.toBe(alice);
    expect(seen).toHaveLength(2);
    const asAlice = expectCall('/inventory/managedObjects/1');
    await alice.inventory.get('1');
    const asBob = expectCall('/inventory/managedObjects/1');
    await bob.inventory.get('1');
    expect([bearerOf(await asAlice).sub, bearerOf(await asBob).sub]).toEqual(['alice', 'bob']);
  });

  it('different base URLs and tenants never share a client', async () => {
    serveOaiLogin({ accept: () => true });
    serveOaiLogin({ accept: () => true, origin: 'https://other.example.com', tenant: 't200' });
    const one = await getClient(batch({ env: ENV }));
    const other = await getClient(batch({ env: { ...ENV, C8Y_BASEURL: 'https://other.example.com' } }));
    expect(other).not.toBe(one);
    expect(await other.getTenantId()).toBe('t200');
  });

  it('cache: false logs in again', async () => {
    const seen = serveOaiLogin({ logins: 2, accept: acceptPassword(PASSWORD) });
    const first = await getClient(batch({ env: ENV }));
    const fresh = await getClient(batch({ env: ENV, cache: false }));
    expect(fresh).not.toBe(first);
    expect(seen).toHaveLength(2);
  });

  it('a failed login is not cached', async () => {
    const seen = serveOaiLogin({ logins: 2, accept: acceptPassword(PASSWORD) });
    await rejection(getClient(batch({ env: { ...ENV, C8Y_PASSWORD: 'wrong' } })), 'UnauthorizedError');
    const c8y = await getClient(batch({ env: ENV }));
    expect(seen).toHaveLength(2);
    expect(c8y.baseUrl).toBe(BASE);
  });

  it('clearClientCache forgets every client', async () => {
    serveOaiLogin({ logins: 2, accept: acceptPassword(PASSWORD) });
    const first = await getClient(batch({ env: ENV }));
    clearClientCache();
    expect(await getClient(batch({ env: ENV }))).not.toBe(first);
  });
});
