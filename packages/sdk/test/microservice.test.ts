import { describe, expect, it } from '@jest/globals';
import * as microservice from '@c8y/microservice';
import nock from 'nock';
import { CumulocityClient, cumulocityClientFactory, MultiTenantCumulocityApp, SimpleCumulocityApp } from '../src/node/index.js';
import { BASE, mt, useNock } from './helpers.js';

// @c8y/microservice's apps as the sdk exports them: bound to CumulocityClient (every client they
// hand out has the contexts), otherwise the package's own behaviour.

useNock();

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe('SimpleCumulocityApp from @c8y/sdk', () => {
  const env = { C8Y_BASEURL: BASE, C8Y_TENANT: 't100', C8Y_USER: 'service_hello', C8Y_PASSWORD: 'service-pass' };

  it('is the package’s app, with CumulocityClients for the service user and for callers', async () => {
    const app = new SimpleCumulocityApp({ env });
    expect(app).toBeInstanceOf(microservice.SimpleCumulocityApp);
    expect(app.client).toBeInstanceOf(CumulocityClient);
    nock(BASE).get('/alarm/alarms/count').matchHeader('authorization', basic('t100/service_hello', 'service-pass')).reply(200, '2', { 'Content-Type': 'text/plain' });
    expect(await app.client.alarms.count()).toBe(2);

    const caller = app.getUserClient({ authorization: basic('t100/jdoe', 'jdoe-pass') });
    expect(caller).toBeInstanceOf(CumulocityClient);
    nock(BASE).get('/inventory/managedObjects/1').matchHeader('authorization', basic('t100/jdoe', 'jdoe-pass')).reply(200, { id: '1' }, { 'Content-Type': mt('managedobject') });
    expect((await caller.inventory.get('1')).id).toBe('1');
    await app.close();
  });

  it('takes a client factory of its own', async () => {
    const built: string[] = [];
    const app = new SimpleCumulocityApp({
      env,
      clientFactory: (options) => {
        built.push(String(options.auth));
        return cumulocityClientFactory(options);
      },
    });
    expect(app.client).toBeInstanceOf(CumulocityClient);
    expect(built).toEqual(['BasicAuth(t100/service_hello)']);
    await app.close();
  });
});

describe('MultiTenantCumulocityApp from @c8y/sdk', () => {
  it('hands out CumulocityClients per subscribed tenant, with that tenant’s service user', async () => {
    const env = { C8Y_BASEURL: BASE, C8Y_BOOTSTRAP_TENANT: 't100', C8Y_BOOTSTRAP_USER: 'servicebootstrap_hello', C8Y_BOOTSTRAP_PASSWORD: 'boot-pass' };
    const app = new MultiTenantCumulocityApp({ env });
    expect(app).toBeInstanceOf(microservice.MultiTenantCumulocityApp);
    nock(BASE)
      .get('/application/currentApplication/subscriptions')
      .matchHeader('authorization', basic('t100/servicebootstrap_hello', 'boot-pass'))
      .reply(200, { users: [{ tenant: 't200', name: 'service_hello', password: 't200-pass' }] }, { 'Content-Type': mt('applicationusercollection') });
    const tenant = await app.getTenantClient('t200');
    expect(tenant).toBeInstanceOf(CumulocityClient);
    nock(BASE).get('/event/events').query(true).matchHeader('authorization', basic('t200/service_hello', 't200-pass')).reply(200, { events: [] }, { 'Content-Type': mt('eventcollection') });
    expect(await tenant.events.getAll({ limit: 5 })).toEqual([]);
    await app.close();
  });
});
