import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { startEmulator, type Emulator } from '../src/index.js';
import { call, jwtClaims, mediaType } from './accounts-helpers.js';
import { basic, TEST_TENANTS } from './helpers.js';

type Json = Record<string, unknown>;
const SUB = 'application/vnd.com.nsn.cumulocity.subscription+json';

describe('Notification 2.0', () => {
  let emu: Emulator;
  let base: string;
  let device: string;
  let other: string;
  beforeAll(async () => {
    emu = await startEmulator({ tenants: TEST_TENANTS });
    base = emu.url;
  });
  afterAll(() => emu.stop());
  beforeEach(async () => {
    emu.reset();
    const mo = async (name: string) =>
      String((await call<Json>(base, 'POST', '/inventory/managedObjects', { body: { name, c8y_IsDevice: {} }, headers: { Accept: 'application/json' } })).body.id);
    device = await mo('Test Device');
    other = await mo('Other Device');
  });

  const subscribe = (body: Json) => call<Json>(base, 'POST', '/notification2/subscriptions', { body, type: SUB, headers: { Accept: SUB } });
  const moSub = (source: string, subscription: string, extra: Json = {}) => subscribe({ context: 'mo', source: { id: source }, subscription, ...extra });

  it('POST /notification2/subscriptions → 201 with id, self, source name', async () => {
    const res = await moSub(device, 'testSubscription', {
      subscriptionFilter: { apis: ['measurements', 'events'], typeFilter: "'c8y_Speed' or 'c8y_LocationUpdate'" },
      fragmentsToCopy: ['c8y_Position'],
    });
    expect(res.status).toBe(201);
    expect(mediaType(res)).toMatch(/vnd\.com\.nsn\.cumulocity\.subscription\+json/);
    const id = String(res.body.id);
    expect(res.headers.get('location')).toBe(`${base}/notification2/subscriptions/${id}`);
    expect(res.body).toEqual({
      id,
      self: `${base}/notification2/subscriptions/${id}`,
      context: 'mo',
      subscription: 'testSubscription',
      source: { id: device, name: 'Test Device', self: `${base}/inventory/managedObjects/${device}` },
      subscriptionFilter: { apis: ['measurements', 'events'], typeFilter: "'c8y_Speed' or 'c8y_LocationUpdate'" },
      fragmentsToCopy: ['c8y_Position'],
      nonPersistent: false,
    });
    expect((await call(base, 'GET', `/notification2/subscriptions/${id}`)).body).toEqual(res.body);
    const tenantSub = await subscribe({ context: 'tenant', subscription: 'allAlarms', subscriptionFilter: { apis: ['alarms'] } });
    expect(tenantSub.status).toBe(201);
    expect(tenantSub.body).not.toHaveProperty('source');
  });

  it('409 reliable-notification/Duplicate with the spec message; 404 for a missing source; 422 validation', async () => {
    await moSub(device, 'testSubscription');
    const dup = await moSub(device, 'testSubscription');
    expect(dup.status).toBe(409);
    expect(dup.body).toMatchObject({
      error: 'reliable-notification/Duplicate',
      message: `Subscription with source <'${device}'>, context <'mo'> & subscription <'testSubscription'> already exists!`,
    });
    // Same name on another source is fine.
    expect((await moSub(other, 'testSubscription')).status).toBe(201);
    const missing = await moSub('999999', 'x');
    expect(missing.status).toBe(404);
    for (const body of [
      { context: 'mo', subscription: 'noSource' },
      { context: 'device', subscription: 'x' },
      { context: 'tenant' },
      { context: 'tenant', subscription: 'has-dash' },
      { context: 'tenant', subscription: 'x', subscriptionFilter: { apis: ['measurements'] } },
      { context: 'mo', source: { id: device }, subscription: 'x', subscriptionFilter: { apis: ['*', 'events'] } },
      { context: 'mo', source: { id: device }, subscription: 'x', subscriptionFilter: { apis: ['things'] } },
      { context: 'mo', source: { id: device }, subscription: 'x', nonPersistent: 'yes' },
    ]) {
      const res = await subscribe(body);
      expect([JSON.stringify(body), res.status]).toEqual([JSON.stringify(body), 422]);
    }
    expect((await call(base, 'POST', '/notification2/subscriptions', { auth: basic('t100/plain', 'plain-pass'), body: { context: 'tenant', subscription: 'x' } })).status).toBe(403);
  });

  it('GET collection filters; DELETE by id, by source and by context (422 without parameters)', async () => {
    await moSub(device, 'a', { subscriptionFilter: { typeFilter: 'c8y_Speed' } });
    await moSub(device, 'b');
    await moSub(other, 'a');
    await subscribe({ context: 'tenant', subscription: 't' });
    const list = async (q: string) =>
      ((await call<{ subscriptions: Json[] }>(base, 'GET', `/notification2/subscriptions?pageSize=50&${q}`)).body.subscriptions ?? []).map(
        (s) => `${String(s.context)}:${String((s.source as Json | undefined)?.id ?? '-')}:${String(s.subscription)}`,
      );
    const all = await call(base, 'GET', '/notification2/subscriptions');
    expect(mediaType(all)).toMatch(/subscriptioncollection/);
    expect(await list('')).toEqual([`mo:${device}:a`, `mo:${device}:b`, `mo:${other}:a`, 'tenant:-:t']);
    expect(await list('context=tenant')).toEqual(['tenant:-:t']);
    expect(await list(`source=${device}`)).toEqual([`mo:${device}:a`, `mo:${device}:b`]);
    expect(await list('subscription=a')).toEqual([`mo:${device}:a`, `mo:${other}:a`]);
    expect(await list('typeFilter=c8y_Speed')).toEqual([`mo:${device}:a`]);

    expect((await call(base, 'DELETE', '/notification2/subscriptions')).status).toBe(422);
    expect((await call(base, 'DELETE', '/notification2/subscriptions?context=mo')).status).toBe(422);
    expect((await call(base, 'DELETE', `/notification2/subscriptions?source=${device}`)).status).toBe(204);
    expect(await list('')).toEqual([`mo:${other}:a`, 'tenant:-:t']);
    expect((await call(base, 'DELETE', '/notification2/subscriptions?context=tenant')).status).toBe(204);
    expect(await list('')).toEqual([`mo:${other}:a`]);

    const id = String((await call<{ subscriptions: Json[] }>(base, 'GET', '/notification2/subscriptions')).body.subscriptions[0]?.id);
    expect((await call(base, 'DELETE', `/notification2/subscriptions/${id}`)).status).toBe(204);
    const gone = await call(base, 'GET', `/notification2/subscriptions/${id}`);
    expect(gone.status).toBe(404);
    expect(gone.body).toMatchObject({ error: 'reliable-notification/Not Found', message: 'Finding subscription from database failed' });
    expect((await call(base, 'DELETE', `/notification2/subscriptions/${id}`)).status).toBe(404);
  });

  it('POST /notification2/token → 200 {token} with subscriber/topic/exp claims; unsubscribe → DONE', async () => {
    emu.clock.set('2024-05-01T10:00:00.000Z');
    await moSub(device, 'testSubscription');
    const res = await call<{ token: string }>(base, 'POST', '/notification2/token', {
      body: { subscriber: 'testSubscriber', subscription: 'testSubscription', expiresInMinutes: 90, shared: true },
    });
    expect(res.status).toBe(200);
    expect(mediaType(res)).toMatch(/^application\/json/);
    expect(Object.keys(res.body)).toEqual(['token']);
    expect(res.body.token.split('.')).toHaveLength(3);
    const claims = jwtClaims(res.body.token);
    const iat = Date.parse('2024-05-01T10:00:00.000Z') / 1000;
    expect(claims).toMatchObject({ sub: 'testSubscriber', topic: 't100/relnotif/testSubscription', iat, exp: iat + 90 * 60, shared: true, nonPersistent: false });
    expect(typeof claims.jti).toBe('string');
    const defaults = jwtClaims((await call<{ token: string }>(base, 'POST', '/notification2/token', { body: { subscriber: 's', subscription: 'testSubscription' } })).body.token);
    expect(Number(defaults.exp) - Number(defaults.iat)).toBe(1440 * 60);

    for (const body of [
      { subscription: 'testSubscription' },
      { subscriber: 's' },
      { subscriber: 's', subscription: 'testSubscription', expiresInMinutes: 0 },
      { subscriber: 's', subscription: 'testSubscription', type: 'other' },
      { subscriber: 's', subscription: 'unknownSubscription' },
    ])
      expect((await call(base, 'POST', '/notification2/token', { body })).status).toBe(422);

    const out = await call(base, 'POST', `/notification2/unsubscribe?token=${encodeURIComponent(res.body.token)}`);
    expect(out.status).toBe(200);
    expect(out.body).toEqual({ result: 'DONE' });
    expect((await call(base, 'POST', '/notification2/unsubscribe')).status).toBe(422);
    const tampered = `${res.body.token.slice(0, -2)}xx`;
    expect((await call(base, 'POST', `/notification2/unsubscribe?token=${tampered}`)).status).toBe(422);
  });

  it('GET /notification2 links; subscriptions are per tenant', async () => {
    const api = await call(base, 'GET', '/notification2');
    expect(mediaType(api)).toMatch(/notificationapi/);
    expect(api.body).toMatchObject({ notificationSubscriptionsByContext: `${base}/notification2/subscriptions?context={context}` });
    await moSub(device, 'mine');
    const t200 = await call<{ subscriptions: Json[] }>(base, 'GET', '/notification2/subscriptions', { auth: basic('t200/admin', 'other-pass') });
    expect(t200.body.subscriptions).toEqual([]);
  });
});
