import { describe, expect, it } from '@jest/globals';
import { BasicAuth, isCumulocityError } from '@c8y/rest-core';
import nock from 'nock';
import { MultiTenantCumulocityApp, SimpleCumulocityApp, type Environment } from '../src/index.js';
import { BASE, basic, caught, expectInvalid, jwt, multiEnv, quiet, simpleEnv, SUBSCRIPTIONS, useNock } from './helpers.js';

// Where the apps take their settings from: the environment the platform sets (process.env by
// default), explicit options first, and clear errors naming what is missing.

useNock();

async function missing(run: () => unknown, variable: string): Promise<string> {
  const error = await caught(run);
  if (!isCumulocityError(error, 'MissingEnvironmentError')) throw new Error(`expected MissingEnvironmentError, got ${String(error)}`);
  expect(isCumulocityError(error, 'InvalidInputError')).toBe(true);
  expect(error.variable).toBe(variable);
  expect(error.path).toBe(`env.${variable}`);
  expect(error.message).toContain(`the environment variable ${variable} is not set`);
  return error.message;
}

describe('SimpleCumulocityApp environment', () => {
  it('C8Y_BASEURL, C8Y_TENANT, C8Y_USER, C8Y_PASSWORD, APPLICATION_KEY: the service client sends them', async () => {
    nock(BASE)
      .get('/user/currentUser')
      .matchHeader('authorization', basic('t100/service_hello', 'service-secret'))
      .matchHeader('x-cumulocity-application-key', 'hello-key')
      .reply(200, { userName: 'service_hello' });
    const app = new SimpleCumulocityApp({ env: simpleEnv(), clientOptions: quiet });
    expect([app.baseUrl, app.tenantId, app.applicationKey]).toEqual([BASE, 't100', 'hello-key']);
    expect(await app.client.get('/user/currentUser')).toEqual({ userName: 'service_hello' });
  });

  it('C8Y_TOKEN is used as Bearer before C8Y_USER/C8Y_PASSWORD; the tenant may come from its ten claim', async () => {
    const token = jwt({ ten: 't700', sub: 'service_hello', exp: 4_000_000_000 });
    nock(BASE).get('/x').matchHeader('authorization', `Bearer ${token}`).reply(200, {});
    const env = simpleEnv({ C8Y_TOKEN: token, C8Y_TENANT: undefined, C8Y_USER: 'ignored', C8Y_PASSWORD: undefined });
    const app = new SimpleCumulocityApp({ env, clientOptions: quiet });
    expect(app.tenantId).toBe('t700');
    await app.client.get('/x');
  });

  it('without APPLICATION_KEY no application key header is sent', async () => {
    nock(BASE, { badheaders: ['x-cumulocity-application-key'] }).get('/x').reply(200, {});
    const app = new SimpleCumulocityApp({ env: simpleEnv({ APPLICATION_KEY: '' }), clientOptions: quiet });
    expect(app.applicationKey).toBeUndefined();
    await app.client.get('/x');
  });

  it('explicit options win over the environment', async () => {
    nock('https://other.example.com')
      .get('/x')
      .matchHeader('authorization', basic('t200/me', 'mine'))
      .matchHeader('x-cumulocity-application-key', 'explicit-key')
      .reply(200, {});
    const app = new SimpleCumulocityApp({
      env: simpleEnv(),
      baseUrl: 'other.example.com',
      tenantId: 't200',
      auth: new BasicAuth('me', 'mine'),
      applicationKey: 'explicit-key',
      clientOptions: quiet,
    });
    expect([app.baseUrl, app.tenantId]).toEqual(['https://other.example.com', 't200']);
    await app.client.get('/x');
  });

  it('process.env is the default environment', () => {
    const saved = { ...process.env };
    try {
      Object.assign(process.env, simpleEnv({ C8Y_TENANT: 't555' }));
      expect(new SimpleCumulocityApp().tenantId).toBe('t555');
    } finally {
      for (const key of Object.keys(simpleEnv())) delete process.env[key];
      Object.assign(process.env, saved);
    }
  });

  it('a missing variable is a MissingEnvironmentError naming it, what it is for and which option replaces it', async () => {
    const message = await missing(() => new SimpleCumulocityApp({ env: simpleEnv({ C8Y_BASEURL: undefined }) }), 'C8Y_BASEURL');
    expect(message).toMatch(/the platform URL.*options\.baseUrl/);
    await missing(() => new SimpleCumulocityApp({ env: simpleEnv({ C8Y_TENANT: '' }) }), 'C8Y_TENANT');
    expect(await missing(() => new SimpleCumulocityApp({ env: simpleEnv({ C8Y_USER: undefined }) }), 'C8Y_USER')).toMatch(/unless C8Y_TOKEN is set/);
    await missing(() => new SimpleCumulocityApp({ env: simpleEnv({ C8Y_PASSWORD: undefined }) }), 'C8Y_PASSWORD');
  });

  it('the error lists the names of the C8Y_* variables that are set, never a value', async () => {
    const message = await missing(() => new SimpleCumulocityApp({ env: { C8Y_BASEURL: BASE, C8Y_TENANT: 't100', C8Y_PASWORD: 'typo-secret-value', HOME: '/root' } }), 'C8Y_USER');
    expect(message).toContain('set: C8Y_BASEURL, C8Y_PASWORD, C8Y_TENANT');
    expect(message).not.toContain('typo-secret-value');
    expect(message).not.toContain('HOME');
    expect(await missing(() => new SimpleCumulocityApp({ env: {} }), 'C8Y_BASEURL')).toContain('no C8Y_* variable is set');
  });

  it('bad values are InvalidInputErrors naming the variable or option', async () => {
    expectInvalid(await caught(() => new SimpleCumulocityApp({ env: simpleEnv({ C8Y_BASEURL: ' ' }) })), 'env.C8Y_BASEURL');
    expectInvalid(await caught(() => new SimpleCumulocityApp({ env: simpleEnv({ C8Y_TENANT: 't1/x' }) })), 'env.C8Y_TENANT');
    expectInvalid(await caught(() => new SimpleCumulocityApp({ env: simpleEnv({ C8Y_TOKEN: 'has space' }) })), 'env.C8Y_TOKEN');
    expectInvalid(await caught(() => new SimpleCumulocityApp({ env: simpleEnv({ C8Y_USER: 't999/service_hello' }) })), 'env.C8Y_USER', /does not match the tenant/);
    expectInvalid(await caught(() => new SimpleCumulocityApp({ env: simpleEnv(), tenantId: '' })), 'options.tenantId');
    expectInvalid(await caught(() => new SimpleCumulocityApp({ env: simpleEnv(), auth: {} as never })), 'options.auth');
    expectInvalid(await caught(() => new SimpleCumulocityApp({ env: 'C8Y_BASEURL=x' as never })), 'options.env');
    expectInvalid(await caught(() => new SimpleCumulocityApp({ env: simpleEnv(), clientFactory: 'new' as never })), 'options.clientFactory');
    expectInvalid(await caught(() => new SimpleCumulocityApp({ env: simpleEnv(), userCache: { maxSize: 0 } })), 'options.userCache.maxSize');
    expectInvalid(await caught(() => new SimpleCumulocityApp({ env: simpleEnv(), userCache: { ttl: '-1m' } })), 'options.userCache.ttl');
    expectInvalid(await caught(() => new SimpleCumulocityApp({ env: simpleEnv(), userCache: { ttl: 0 } })), 'options.userCache.ttl');
  });

  it('no error message or serialisation carries the password', async () => {
    const secret = 'the-service-password';
    const error = await caught(() => new SimpleCumulocityApp({ env: simpleEnv({ C8Y_PASSWORD: secret, C8Y_USER: 't999/x' }) }));
    expect(`${String(error)} ${JSON.stringify(error)}`).not.toContain(secret);
    const app = new SimpleCumulocityApp({ env: simpleEnv({ C8Y_PASSWORD: secret }) });
    expect(`${String(app)} ${JSON.stringify(app)} ${String(app.client)} ${JSON.stringify(app.client)}`).not.toContain(secret);
  });
});

describe('MultiTenantCumulocityApp environment', () => {
  it('C8Y_BASEURL and C8Y_BOOTSTRAP_TENANT/USER/PASSWORD: the subscriptions are read as the bootstrap user', async () => {
    nock(BASE)
      .get(SUBSCRIPTIONS)
      .matchHeader('authorization', basic('t100/servicebootstrap_hello', 'bootstrap-secret'))
      .matchHeader('accept', 'application/vnd.com.nsn.cumulocity.applicationusercollection+json')
      .matchHeader('x-cumulocity-application-key', 'hello-key')
      .reply(200, { users: [{ tenant: 't100', name: 'service_hello', password: 'p1' }] });
    const app = new MultiTenantCumulocityApp({ env: multiEnv(), clientOptions: quiet });
    expect([app.baseUrl, app.bootstrapTenantId, app.applicationKey]).toEqual([BASE, 't100', 'hello-key']);
    expect(await app.getSubscribers()).toEqual(['t100']);
    await app.close();
  });

  it('explicit bootstrap credentials win over the environment', async () => {
    nock(BASE).get(SUBSCRIPTIONS).matchHeader('authorization', basic('t9/servicebootstrap_x', 'given')).reply(200, { users: [] });
    const app = new MultiTenantCumulocityApp({ env: multiEnv(), bootstrap: { tenant: 't9', user: 'servicebootstrap_x', password: 'given' }, clientOptions: quiet });
    expect(await app.getSubscribers()).toEqual([]);
    expect(app.bootstrapTenantId).toBe('t9');
  });

  it('each missing variable is named', async () => {
    for (const variable of ['C8Y_BASEURL', 'C8Y_BOOTSTRAP_TENANT', 'C8Y_BOOTSTRAP_USER', 'C8Y_BOOTSTRAP_PASSWORD']) {
      const env: Environment = multiEnv({ [variable]: undefined });
      await missing(() => new MultiTenantCumulocityApp({ env }), variable);
    }
  });

  it('bad values are InvalidInputErrors naming the variable or option', async () => {
    expectInvalid(await caught(() => new MultiTenantCumulocityApp({ env: multiEnv({ C8Y_BOOTSTRAP_TENANT: 'a b' }) })), 'env.C8Y_BOOTSTRAP_TENANT');
    expectInvalid(await caught(() => new MultiTenantCumulocityApp({ env: multiEnv({ C8Y_BOOTSTRAP_USER: 'x:y' }) })), 'env.C8Y_BOOTSTRAP_USER');
    expectInvalid(await caught(() => new MultiTenantCumulocityApp({ env: multiEnv(), bootstrap: { tenant: 't1', user: '', password: 'p' } })), 'options.bootstrap');
    expectInvalid(await caught(() => new MultiTenantCumulocityApp({ env: multiEnv(), subscriptionTtl: 'soon' })), 'options.subscriptionTtl');
  });
});
