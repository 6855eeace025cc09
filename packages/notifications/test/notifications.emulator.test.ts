import { beforeAll, describe, expect, it } from '@jest/globals';
import { ManagedObject } from '@c8y/model';
import { isCumulocityError } from '@c8y/rest-core';
import { Subscriptions, Tokens } from '../src/index.js';
import { useEmulator } from './helpers.js';

// Notification 2.0 over real HTTP against the emulator: subscriptions created, listed, counted and
// deleted (by id and by source), a token created, read and unsubscribed — also while the server
// answers 429 and 503 at random.

const ctx = useEmulator({ seed: 21 });
let subscriptions: Subscriptions;
let tokens: Tokens;

beforeAll(() => {
  subscriptions = new Subscriptions(ctx.client);
  tokens = new Tokens(ctx.client);
});

const device = async (name: string) => new ManagedObject(ctx.client, { name, c8y_IsDevice: {} }).create();

describe('notifications against the emulator', () => {
  it('a subscription and a token: create, read, count, token claims, unsubscribe, delete', async () => {
    const pump = await device('pump');
    const sub = await subscriptions.create({
      context: 'mo',
      subscription: 'pumpData',
      source: pump,
      subscriptionFilter: { apis: ['measurements', 'events'], typeFilter: "'c8y_Speed'" },
      fragmentsToCopy: ['c8y_Speed'],
    });
    expect([sub.context, sub.subscription, sub.source, sub.subscriptionFilter, sub.fragmentsToCopy, sub.nonPersistent]).toEqual([
      'mo', 'pumpData', pump.id, { apis: ['measurements', 'events'], typeFilter: "'c8y_Speed'" }, ['c8y_Speed'], false,
    ]);
    const tenantWide = await subscriptions.create({ context: 'tenant', subscription: 'allAlarms', subscriptionFilter: { apis: ['alarms'] }, nonPersistent: true });

    expect((await subscriptions.get(sub.id ?? '')).subscription).toBe('pumpData');
    expect(await subscriptions.getAll({ context: 'mo', source: pump }, { asValues: 'subscription' })).toEqual(['pumpData']);
    expect(await subscriptions.count({ typeFilter: "'c8y_Speed'" })).toBe(1);
    expect(await subscriptions.count({ context: 'tenant' })).toBe(1);
    const duplicate = await subscriptions.create({ context: 'mo', subscription: 'pumpData', source: pump }).catch((error: unknown) => error);
    expect(isCumulocityError(duplicate, 'ConflictError')).toBe(true);

    const token = await tokens.create({ subscriber: 'worker1', subscription: 'pumpData', expiresInMinutes: 30, shared: true });
    expect([token.subscriber, token.subscription, token.topic, token.shared, token.nonPersistent]).toEqual(['worker1', 'pumpData', 't100/relnotif/pumpData', true, false]);
    expect(token.claims?.exp !== undefined && token.claims.iat !== undefined && token.claims.exp - token.claims.iat).toBe(30 * 60);
    expect(await tokens.unsubscribe(token)).toBe('DONE');

    await subscriptions.delete(tenantWide);
    await subscriptions.deleteBy({ context: 'mo', source: pump });
    expect(await subscriptions.count()).toBe(0);
  });

  it('under injected 429s and 503s: every subscription created once, listed, and deleted by source', async () => {
    const devices = await Promise.all(['a', 'b', 'c', 'd'].map((name) => device(`tank-${name}`)));
    ctx.emu.faults.add({ kind: 'rateLimit', retryAfter: 0, method: 'POST', path: '^/notification2/', probability: 0.3 });
    ctx.emu.faults.add({ kind: 'error', status: 503, method: 'GET', path: '^/notification2/subscriptions', probability: 0.3 });
    ctx.emu.faults.add({ kind: 'error', status: 503, method: 'DELETE', path: '^/notification2/subscriptions', probability: 0.3 });

    const names = devices.flatMap((_, index) => [`tank${index}m`, `tank${index}e`]);
    const created = await subscriptions.create(
      devices.flatMap((source, index) => [
        { context: 'mo' as const, subscription: `tank${index}m`, source, subscriptionFilter: { apis: ['measurements' as const] } },
        { context: 'mo' as const, subscription: `tank${index}e`, source, subscriptionFilter: { apis: ['events' as const] } },
      ]),
      { workers: 4 },
    );
    expect(created.map((item) => item.subscription)).toEqual(names);
    expect(await subscriptions.count({ context: 'mo' })).toBe(8);
    const listed = await subscriptions.getAll({ context: 'mo' }, { pageSize: 3, workers: 3, asValues: 'subscription' });
    expect([...listed].sort()).toEqual([...names].sort());

    const token = await tokens.create({ subscriber: 'w', subscription: 'tank0m' });
    expect(await tokens.unsubscribe(token)).toBe('DONE');

    for (const source of devices.slice(0, 2)) await subscriptions.deleteBy({ context: 'mo', source });
    expect([...(await subscriptions.getAll({ context: 'mo' }, { asValues: 'subscription' }))].sort()).toEqual(['tank2e', 'tank2m', 'tank3e', 'tank3m']);

    const statuses = ctx.emu.requests.filter((request) => request.path.startsWith('/notification2/')).map((request) => request.status);
    expect(statuses).toContain(429);
    expect(statuses).toContain(503);
  });
});
