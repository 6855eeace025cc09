import { describe, expect, it } from '@jest/globals';
import { Subscription } from '@c8y/model';
import { isCumulocityError } from '@c8y/rest-core';
import nock from 'nock';
import { NotificationToken, Subscriptions, Tokens } from '../src/index.js';
import { BASE, expectInvalid, mt, testClient, useNock } from './helpers.js';

// The exact requests Subscriptions and Tokens send (paths, query strings, headers, bodies) and what they make of the replies.

useNock();
const subscriptions = () => new Subscriptions(testClient());
const tokens = () => new Tokens(testClient());
const collection = (items: object[], pageSize: number, currentPage = 1, statistics: object = {}) => ({
  self: `${BASE}/notification2/subscriptions?pageSize=${pageSize}&currentPage=${currentPage}`,
  subscriptions: items,
  statistics: { pageSize, currentPage, ...statistics },
});
const sub = (id: string, extra: object = {}) => ({
  id,
  self: `${BASE}/notification2/subscriptions/${id}`,
  context: 'mo',
  subscription: `sub${id}`,
  source: { id: '42', self: `${BASE}/inventory/managedObjects/42` },
  subscriptionFilter: { apis: ['measurements'], typeFilter: "'c8y_Speed'" },
  nonPersistent: false,
  ...extra,
});
const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwt = (claims: object) => `${b64({ alg: 'RS256' })}.${b64(claims)}.c2lnbmF0dXJl`;
const CLAIMS = { sub: 'worker1', topic: 't100/relnotif/deviceData', jti: 'j-1', iat: 1_750_000_000, exp: 1_750_003_600, shared: true, nonPersistent: false, type: 'notification' };

describe('reading subscriptions', () => {
  it('getAll: typed filters become the REST parameters; items are Subscription objects', async () => {
    nock(BASE, { reqheaders: { accept: mt('subscriptioncollection') } })
      .get('/notification2/subscriptions')
      .query({ context: 'mo', source: '42', subscription: 'sub1', typeFilter: "'c8y_Speed'", pageSize: '1000', currentPage: '1' })
      .reply(200, collection([sub('1')], 1000));
    const found = await subscriptions().getAll({ context: 'mo', source: { id: '42' }, subscription: 'sub1', typeFilter: "'c8y_Speed'" });
    expect(found.map((item) => item instanceof Subscription)).toEqual([true]);
    const [first] = found;
    expect([first?.id, first?.context, first?.subscription, first?.source, first?.subscriptionFilter, first?.nonPersistent]).toEqual([
      '1', 'mo', 'sub1', '42', { apis: ['measurements'], typeFilter: "'c8y_Speed'" }, false,
    ]);
  });

  it('select pages; asValues gives values', async () => {
    nock(BASE)
      .get('/notification2/subscriptions')
      .query({ context: 'tenant', pageSize: '2', currentPage: '1' })
      .reply(200, collection([sub('1'), sub('2')], 2))
      .get('/notification2/subscriptions')
      .query({ context: 'tenant', pageSize: '2', currentPage: '2' })
      .reply(200, collection([], 2, 2));
    const names: unknown[] = [];
    for await (const name of subscriptions().select({ context: 'tenant' }, { pageSize: 2, asValues: 'subscription' })) names.push(name);
    expect(names).toEqual(['sub1', 'sub2']);
  });

  it('count: one page of one subscription with withTotalPages', async () => {
    nock(BASE, { reqheaders: { accept: mt('subscriptioncollection') } })
      .get('/notification2/subscriptions')
      .query({ source: '42', pageSize: '1', withTotalPages: 'true' })
      .reply(200, collection([sub('1')], 1, 1, { totalPages: 3 }));
    expect(await subscriptions().count({ source: '42' })).toBe(3);
  });

  it('get: the id is path-encoded; the reply becomes a Subscription', async () => {
    nock(BASE, { reqheaders: { accept: mt('subscription') } })
      .get('/notification2/subscriptions/a%2Fb')
      .reply(200, sub('a/b'));
    const found = await subscriptions().get('a/b');
    expect(found).toBeInstanceOf(Subscription);
    expect(found.id).toBe('a/b');
  });

  it('refuses a context that does not exist and filters the endpoint does not document, before any request', async () => {
    await expectInvalid(subscriptions().getAll({ context: 'device' } as never), 'context');
    await expectInvalid(subscriptions().count({ nonPersistent: true } as never), 'nonPersistent');
  });
});

describe('creating and deleting subscriptions', () => {
  it('create: POST with the subscription media type; source as {id}; filter, fragments and nonPersistent as given', async () => {
    let body: unknown;
    nock(BASE, { reqheaders: { 'content-type': mt('subscription'), accept: mt('subscription') } })
      .post('/notification2/subscriptions', (sent: unknown) => {
        body = sent;
        return true;
      })
      .reply(201, sub('7', { subscription: 'deviceData', fragmentsToCopy: ['c8y_Speed'], nonPersistent: true }));
    const created = await subscriptions().create({
      context: 'mo',
      subscription: 'deviceData',
      source: { id: '42' },
      subscriptionFilter: { apis: ['measurements'], typeFilter: "'c8y_Speed'" },
      fragmentsToCopy: ['c8y_Speed'],
      nonPersistent: true,
    });
    expect(body).toEqual({
      context: 'mo',
      subscription: 'deviceData',
      source: { id: '42' },
      subscriptionFilter: { apis: ['measurements'], typeFilter: "'c8y_Speed'" },
      fragmentsToCopy: ['c8y_Speed'],
      nonPersistent: true,
    });
    expect(created).toBeInstanceOf(Subscription);
    expect([created.id, created.fragmentsToCopy, created.nonPersistent]).toEqual(['7', ['c8y_Speed'], true]);
  });

  it('create many, tenant context and a Subscription object: one POST each, results in input order', async () => {
    nock(BASE)
      .post('/notification2/subscriptions', { context: 'tenant', subscription: 'allAlarms', subscriptionFilter: { apis: ['alarms'] } })
      .reply(201, sub('1', { context: 'tenant', subscription: 'allAlarms', source: undefined }))
      .post('/notification2/subscriptions', { context: 'mo', subscription: 'all', source: { id: '42' }, subscriptionFilter: { apis: ['*'] } })
      .reply(201, sub('2', { subscription: 'all' }));
    const object = new Subscription(undefined, { context: 'mo', subscription: 'all', source: '42', subscriptionFilter: { apis: ['*'] } });
    const created = await subscriptions().create([{ context: 'tenant', subscription: 'allAlarms', subscriptionFilter: { apis: ['alarms'] } }, object], { workers: 2 });
    expect(created.map((item) => [item.id, item.subscription])).toEqual([
      ['1', 'allAlarms'],
      ['2', 'all'],
    ]);
  });

  it('create refuses bad input before any request: an API of the other context, * with others, no source for mo', async () => {
    await expectInvalid(
      subscriptions().create({ context: 'tenant', subscription: 's', subscriptionFilter: { apis: ['measurements'] } } as never),
      'item.subscriptionFilter.apis',
      /"measurements" is not an API of context 'tenant'/,
    );
    await expectInvalid(
      subscriptions().create([
        { context: 'mo', subscription: 's', source: '1' },
        { context: 'mo', subscription: 't', source: '1', subscriptionFilter: { apis: ['*', 'alarms'] } },
      ]),
      'items[1].subscriptionFilter.apis',
      /wildcard/,
    );
    await expectInvalid(subscriptions().create({ context: 'mo', subscription: 's' } as never), 'item.source');
  });

  it('delete: DELETE by id, path-encoded', async () => {
    nock(BASE).delete('/notification2/subscriptions/7%3F').reply(204);
    await subscriptions().delete('7?');
  });

  it('deleteBy: DELETE with context and source', async () => {
    nock(BASE).delete('/notification2/subscriptions').query({ context: 'mo', source: '42' }).reply(204);
    nock(BASE).delete('/notification2/subscriptions').query({ context: 'tenant' }).reply(204);
    await subscriptions().deleteBy({ context: 'mo', source: { id: '42' } });
    await subscriptions().deleteBy({ context: 'tenant' });
  });

  it('deleteBy refuses before any request: no filter, mo without source, undocumented filters', async () => {
    await expectInvalid(subscriptions().deleteBy({}), 'query');
    await expectInvalid(subscriptions().deleteBy({ context: 'mo' }), 'source', /context is 'tenant'/);
    await expectInvalid(subscriptions().deleteBy({ context: 'tenant', subscription: 'x' } as never), 'subscription');
  });

  it('publishes no update: subscriptions cannot be changed', () => {
    const api = subscriptions() as unknown as Record<string, unknown>;
    expect([api['update'], api['applyTo'], api['updateBy'], api['getLast']]).toEqual([undefined, undefined, undefined, undefined]);
  });
});

describe('tokens', () => {
  it('create: POST /notification2/token as application/json; the claims are readable', async () => {
    const token = jwt(CLAIMS);
    nock(BASE, { reqheaders: { 'content-type': 'application/json', accept: 'application/json' } })
      .post('/notification2/token', { subscriber: 'worker1', subscription: 'deviceData', expiresInMinutes: 60, shared: true, type: 'notification', nonPersistent: false })
      .reply(200, { token });
    const created = await tokens().create({ subscriber: 'worker1', subscription: 'deviceData', expiresInMinutes: 60, shared: true, type: 'notification', nonPersistent: false });
    expect(created).toBeInstanceOf(NotificationToken);
    expect(created.token).toBe(token);
    expect([created.subscriber, created.topic, created.subscription, created.shared, created.nonPersistent]).toEqual(['worker1', 't100/relnotif/deviceData', 'deviceData', true, false]);
    expect(created.expiresAt?.toISOString()).toBe('2025-06-15T16:06:40.000Z');
    expect(created.claims?.jti).toBe('j-1');
    expect(String(created)).toBe('NotificationToken(worker1 → t100/relnotif/deviceData)');
    expect(JSON.stringify(created)).not.toContain(token.split('.')[1]);
  });

  it('create sends only what is given; an opaque token has no claims', async () => {
    nock(BASE).post('/notification2/token', { subscriber: 's', subscription: 'x', signed: false }).reply(200, { token: 'opaque' });
    const created = await tokens().create({ subscriber: 's', subscription: 'x', signed: false });
    expect([created.token, created.claims, created.subscriber, created.expiresAt]).toEqual(['opaque', undefined, undefined, undefined]);
  });

  it('create refuses bad requests before any request', async () => {
    await expectInvalid(tokens().create({ subscriber: '', subscription: 'x' }), 'subscriber');
    await expectInvalid(tokens().create({ subscriber: 's' } as never), 'subscription');
    await expectInvalid(tokens().create({ subscriber: 's', subscription: 'x', expiresInMinutes: 1.5 }), 'expiresInMinutes');
    await expectInvalid(tokens().create({ subscriber: 's', subscription: 'x', type: 'other' } as never), 'type');
    await expectInvalid(tokens().create({ subscriber: 's', subscription: 'x', shared: 'yes' } as never), 'shared');
    await expectInvalid(tokens().create({ subscriber: 's', subscription: 'x', expires: 5 } as never), 'expires');
  });

  it('create refuses a reply without a token', async () => {
    nock(BASE).post('/notification2/token').reply(200, { nothing: true });
    const error = await tokens()
      .create({ subscriber: 's', subscription: 'x' })
      .catch((thrown: unknown) => thrown);
    expect(isCumulocityError(error, 'ResponseFormatError')).toBe(true);
  });

  it('unsubscribe: POST /notification2/unsubscribe?token=… without a body; resolves the result', async () => {
    const token = jwt(CLAIMS);
    nock(BASE, { reqheaders: { accept: 'application/json' }, badheaders: ['content-type'] })
      .post('/notification2/unsubscribe', (body: unknown) => body === '' || body === undefined)
      .query({ token })
      .reply(200, { result: 'DONE' });
    nock(BASE).post('/notification2/unsubscribe').query({ token: 'plain' }).reply(200, { result: 'SCHEDULED' });
    expect(await tokens().unsubscribe(new NotificationToken(token))).toBe('DONE');
    expect(await tokens().unsubscribe('plain')).toBe('SCHEDULED');
  });

  it('unsubscribe refuses an empty token or a token in params before any request, and an unknown result', async () => {
    await expectInvalid(tokens().unsubscribe(''), 'token');
    await expectInvalid(tokens().unsubscribe('t', { params: { token: 'u' } }), 'params.token');
    nock(BASE).post('/notification2/unsubscribe').query({ token: 't' }).reply(200, { result: 'MAYBE' });
    const error = await tokens()
      .unsubscribe('t')
      .catch((thrown: unknown) => thrown);
    expect(isCumulocityError(error, 'ResponseFormatError')).toBe(true);
  });

  it('Tokens refuses something that is not a client', () => {
    expect(() => new Tokens({} as never)).toThrow(/expected a client/);
  });
});
