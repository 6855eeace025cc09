import { describe, expect, it } from '@jest/globals';
import { CumulocityRestClient, isCumulocityError } from '@c8y/rest-core';
import nock from 'nock';
import { inspect } from 'node:util';
import { DEVICE_BOOTSTRAP_VARIABLES, DeviceCredentials, DeviceRegistryClient } from '../src/index.js';
import { BASE, basic, BOOTSTRAP_PASSWORD, CREDENTIALS, expectInvalid, mt, notAccepted, testRegistry, useNock } from './helpers.js';

// The bootstrap requests on the wire (path, method, media types, Basic auth of the bootstrap
// user, body), the options and the environment, and that no password leaks.

useNock();
const DEVICE_PASSWORD = 'dev1ce-Pa55-w0rd';
const granted = (id: string) => ({ id, self: `${BASE}${CREDENTIALS}/${encodeURIComponent(id)}`, tenantId: 't100', username: `device_${id}`, password: DEVICE_PASSWORD });

describe('requestCredentials: one POST /devicecontrol/deviceCredentials', () => {
  it('sends {"id"} with the devicecredentials media type as the bootstrap user; the reply becomes DeviceCredentials', async () => {
    nock(BASE, {
      reqheaders: {
        authorization: basic('management/devicebootstrap', BOOTSTRAP_PASSWORD),
        'content-type': mt('devicecredentials'),
        accept: mt('devicecredentials'),
      },
    })
      .post(CREDENTIALS, (body) => JSON.stringify(body) === '{"id":"a/b"}')
      .reply(200, granted('a/b'), { 'Content-Type': mt('devicecredentials') });
    const credentials = await testRegistry().requestCredentials('a/b');
    expect(credentials).toBeInstanceOf(DeviceCredentials);
    expect(credentials?.toJSON()).toEqual({ externalId: 'a/b', tenantId: 't100', username: 'device_a/b' });
    expect(credentials?.password).toBe(DEVICE_PASSWORD);
  });

  it('404 (not accepted yet) resolves undefined; 201 (legacy) counts as success', async () => {
    nock(BASE).post(CREDENTIALS, { id: 'x' }).reply(...notAccepted('x')).post(CREDENTIALS, { id: 'x' }).reply(201, granted('x'));
    expect(await testRegistry().requestCredentials('x')).toBeUndefined();
    expect((await testRegistry().requestCredentials('x'))?.username).toBe('device_x');
  });

  it('a user written tenant/user needs no tenantId; call options (headers) are applied', async () => {
    nock(BASE, { reqheaders: { authorization: basic('management/devicebootstrap', BOOTSTRAP_PASSWORD), 'x-trace': 'abc' } })
      .post(CREDENTIALS, { id: 'y', securityToken: 'tok' })
      .reply(200, granted('y'));
    const registry = testRegistry({ tenantId: undefined, username: 'management/devicebootstrap' });
    expect((await registry.requestCredentials('y', { headers: { 'X-Trace': 'abc' }, securityToken: 'tok' }))?.tenantId).toBe('t100');
  });
});

describe('awaitClient', () => {
  it('a client as the device: Basic <tenant>/<user>, the same base URL and client options, tenant id known', async () => {
    const fetched: string[] = [];
    const fetch = (input: string | URL | Request, init?: RequestInit) => {
      fetched.push(`${init?.method} ${new URL(String(input)).pathname}`);
      return globalThis.fetch(input, init);
    };
    nock(BASE)
      .post(CREDENTIALS, { id: 'raspi-1' })
      .reply(200, granted('raspi-1'));
    nock(BASE, { reqheaders: { authorization: basic('t100/device_raspi-1', DEVICE_PASSWORD), 'x-app': 'demo' } })
      .post('/inventory/managedObjects', { name: 'Raspi', c8y_IsDevice: {} })
      .reply(201, { id: '4711', name: 'Raspi' });
    const registry = testRegistry({ fetch, headers: { 'X-App': 'demo' } });
    const device = await registry.awaitClient('raspi-1');
    expect(device).toBeInstanceOf(CumulocityRestClient);
    expect(device.baseUrl).toBe(BASE);
    expect(String(device.auth)).toBe('BasicAuth(t100/device_raspi-1)');
    expect(await device.getTenantId()).toBe('t100'); // no request: known from the credentials
    expect(device.options.retry).toBe(false);
    await device.post('/inventory/managedObjects', { name: 'Raspi', c8y_IsDevice: {} });
    expect(fetched).toEqual(['POST /devicecontrol/deviceCredentials', 'POST /inventory/managedObjects']);
  });

  it('the options given are not modified, and later changes to them do not reach the devices', async () => {
    const headers = { 'X-App': 'demo' };
    const options = { baseUrl: BASE, tenantId: 'management', username: 'devicebootstrap', password: BOOTSTRAP_PASSWORD, headers, retry: false as const };
    const registry = new DeviceRegistryClient(options);
    headers['X-App'] = 'changed';
    expect(options).toEqual({ baseUrl: BASE, tenantId: 'management', username: 'devicebootstrap', password: BOOTSTRAP_PASSWORD, headers: { 'X-App': 'changed' }, retry: false });
    nock(BASE).post(CREDENTIALS).reply(200, granted('h'));
    nock(BASE, { reqheaders: { 'x-app': 'demo' } }).get('/inventory/managedObjects/1').reply(200, { id: '1' });
    const device = await registry.awaitClient('h');
    await device.get('/inventory/managedObjects/1');
  });
});

describe('no password is shown', () => {
  it('DeviceCredentials: JSON, String, inspect, keys and spread leave it out; destructuring reads it', async () => {
    nock(BASE).post(CREDENTIALS).reply(200, granted('s'));
    const credentials = await testRegistry().awaitCredentials('s');
    for (const shown of [JSON.stringify(credentials), String(credentials), inspect(credentials), inspect({ nested: credentials }), JSON.stringify({ ...credentials })]) {
      expect(shown).not.toContain(DEVICE_PASSWORD);
    }
    expect(Object.keys(credentials)).toEqual(['externalId', 'tenantId', 'username']);
    expect(String(credentials)).toBe('DeviceCredentials(t100/device_s)');
    const { tenantId, username, password } = credentials;
    expect([tenantId, username, password]).toEqual(['t100', 'device_s', DEVICE_PASSWORD]);
    expect(String(credentials.toBasicAuth())).toBe('BasicAuth(t100/device_s)');
  });

  it('the registry: String and JSON name the bootstrap user only', () => {
    const registry = testRegistry();
    expect(String(registry)).toBe(`DeviceRegistryClient(${BASE}, BasicAuth(management/devicebootstrap))`);
    expect(JSON.stringify(registry)).not.toContain(BOOTSTRAP_PASSWORD);
    expect(inspect(registry)).not.toContain(BOOTSTRAP_PASSWORD);
    expect(registry.baseUrl).toBe(BASE);
  });

  it('errors: a 401 of the bootstrap user does not carry its password', async () => {
    nock(BASE).post(CREDENTIALS).reply(401, { error: 'security/Unauthorized', message: `Invalid credentials for ${BOOTSTRAP_PASSWORD}` });
    const error = await testRegistry()
      .awaitCredentials('u')
      .catch((thrown: unknown) => thrown);
    expect(isCumulocityError(error, 'UnauthorizedError')).toBe(true);
    expect(JSON.stringify(error)).not.toContain(BOOTSTRAP_PASSWORD);
    expect(String(error)).not.toContain(BOOTSTRAP_PASSWORD);
  });

  it('DeviceCredentials refuses incomplete input', async () => {
    await expectInvalid(() => new DeviceCredentials({ externalId: 'x', tenantId: 't', username: 'u', password: '' }), 'password', /non-empty/);
  });
});

describe('options', () => {
  it.each([
    [{ username: '' }, 'username'],
    [{ password: '' }, 'password'],
    [{ username: 'a:b' }, 'username'],
    [{ baseUrl: 'ftp://x' }, 'options.baseUrl'],
    [{ tenantId: '' }, 'tenantId'],
    [{ username: 'other/devicebootstrap' }, 'tenantId'],
  ] as const)('%p is refused naming %s', async (options, path) => {
    await expectInvalid(() => testRegistry(options), path);
  });
});

describe('fromEnvironment', () => {
  const env = {
    C8Y_BASEURL: BASE,
    C8Y_DEVICEBOOTSTRAP_TENANT: 'management',
    C8Y_DEVICEBOOTSTRAP_USER: 'devicebootstrap',
    C8Y_DEVICEBOOTSTRAP_PASSWORD: BOOTSTRAP_PASSWORD,
  };

  it('reads the four variables; the client sends the bootstrap user’s Basic auth', async () => {
    expect(Object.values(DEVICE_BOOTSTRAP_VARIABLES)).toEqual(Object.keys(env));
    nock(BASE, { reqheaders: { authorization: basic('management/devicebootstrap', BOOTSTRAP_PASSWORD) } })
      .post(CREDENTIALS, { id: 'e' })
      .reply(200, granted('e'));
    const registry = DeviceRegistryClient.fromEnvironment(env, { retry: false });
    expect(registry.client.options.retry).toBe(false);
    expect((await registry.requestCredentials('e'))?.username).toBe('device_e');
  });

  it.each(Object.keys(env))('a missing %s is an InvalidInputError naming it', async (name) => {
    const without: Record<string, string | undefined> = { ...env, [name]: undefined };
    await expectInvalid(() => DeviceRegistryClient.fromEnvironment(without), name, /is not set/);
    await expectInvalid(() => DeviceRegistryClient.fromEnvironment({ ...env, [name]: '' }), name, /is not set/);
  });

  it('the tenant may come with the user; C8Y_DEVICEBOOTSTRAP_USERNAME is read too', () => {
    const { C8Y_DEVICEBOOTSTRAP_TENANT: _tenant, C8Y_DEVICEBOOTSTRAP_USER: _user, ...rest } = env;
    expect(String(DeviceRegistryClient.fromEnvironment({ ...rest, C8Y_DEVICEBOOTSTRAP_USER: 'management/devicebootstrap' }))).toContain('BasicAuth(management/devicebootstrap)');
    expect(String(DeviceRegistryClient.fromEnvironment({ ...env, C8Y_DEVICEBOOTSTRAP_USER: undefined, C8Y_DEVICEBOOTSTRAP_USERNAME: 'devicebootstrap' }))).toContain(
      'BasicAuth(management/devicebootstrap)',
    );
  });

  it('a bad value is reported under its variable', async () => {
    await expectInvalid(() => DeviceRegistryClient.fromEnvironment({ ...env, C8Y_BASEURL: 'ftp://x' }), 'C8Y_BASEURL');
    await expectInvalid(() => DeviceRegistryClient.fromEnvironment({ ...env, C8Y_DEVICEBOOTSTRAP_USER: 'a:b' }), 'C8Y_DEVICEBOOTSTRAP_USER', /must not contain ":"/);
    await expectInvalid(() => DeviceRegistryClient.fromEnvironment({ ...env, C8Y_DEVICEBOOTSTRAP_USER: 'other/x' }), 'C8Y_DEVICEBOOTSTRAP_TENANT', /does not match/);
  });

  it('defaults to process.env', async () => {
    const saved = { ...process.env };
    try {
      Object.assign(process.env, env);
      expect(DeviceRegistryClient.fromEnvironment().baseUrl).toBe(BASE);
      delete process.env.C8Y_DEVICEBOOTSTRAP_PASSWORD;
      await expectInvalid(() => DeviceRegistryClient.fromEnvironment(), 'C8Y_DEVICEBOOTSTRAP_PASSWORD');
    } finally {
      for (const name of Object.keys(env)) delete process.env[name];
      Object.assign(process.env, saved);
    }
  });

  it('no environment at all is a clear error', async () => {
    await expectInvalid(() => DeviceRegistryClient.fromEnvironment(null as never), 'env', /no environment/);
  });
});
