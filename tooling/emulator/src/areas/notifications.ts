import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import type { Tenant } from '../auth/tenants.js';
import type { RequestContext } from '../server/context.js';
import { errors } from '../server/errors.js';
import { objectBody, type Json } from './accounts/validate.js';
import { findManagedObject } from './inventory.js';
import { defineArea } from './types.js';

const ROLE = ['ROLE_NOTIFICATION_2_ADMIN'];
const RESOURCE = 'reliable-notification';
const MO_APIS = ['alarms', 'alarmsWithChildren', 'events', 'eventsWithChildren', 'managedobjects', 'measurements', 'operations', '*'];
const TENANT_APIS = ['alarms', 'events', 'managedobjects', 'operations', '*'];

interface Subscription {
  id: string;
  context: 'mo' | 'tenant';
  subscription: string;
  source?: { id: string; name?: string };
  subscriptionFilter?: { apis?: string[]; typeFilter?: string };
  fragmentsToCopy?: string[];
  nonPersistent: boolean;
}

class NotificationStore {
  readonly subscriptions = new Map<string, Subscription>();
  /** Unsubscribed subscribers (`subscription/subscriber`). */
  readonly unsubscribed = new Set<string>();
}

const store = (tenant: Tenant): NotificationStore => tenant.data('notifications', () => new NotificationStore());

function subscriptionJson(ctx: RequestContext, s: Subscription): Record<string, unknown> {
  return {
    id: s.id,
    self: ctx.url(`/notification2/subscriptions/${s.id}`),
    context: s.context,
    subscription: s.subscription,
    ...(s.source
      ? { source: { id: s.source.id, ...(s.source.name !== undefined ? { name: s.source.name } : {}), self: ctx.url(`/inventory/managedObjects/${s.source.id}`) } }
      : {}),
    ...(s.subscriptionFilter ? { subscriptionFilter: s.subscriptionFilter } : {}),
    ...(s.fragmentsToCopy ? { fragmentsToCopy: s.fragmentsToCopy } : {}),
    nonPersistent: s.nonPersistent,
  };
}

const stringArray = (v: unknown, field: string): string[] => {
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) throw errors.invalidData(RESOURCE, `${field} must be an array of strings`);
  return v;
};

/** A validated subscription body; the id is drawn only once the subscription is stored. */
function parseSubscription(ctx: RequestContext, body: Json): Omit<Subscription, 'id'> {
  const { context, subscription } = body;
  if (context !== 'mo' && context !== 'tenant') throw errors.invalidData(RESOURCE, "context is required ('mo' or 'tenant')");
  if (typeof subscription !== 'string' || !/^[a-zA-Z0-9]+$/.test(subscription))
    throw errors.invalidData(RESOURCE, 'subscription is required and may only contain letters and digits');
  const out: Omit<Subscription, 'id'> = { context, subscription, nonPersistent: false };
  if (context === 'mo') {
    const src = typeof body.source === 'object' && body.source !== null ? (body.source as Json) : undefined;
    const id = src?.id;
    if (typeof id !== 'string' && typeof id !== 'number') throw errors.invalidData(RESOURCE, "source.id is required for context 'mo'");
    const mo = findManagedObject(ctx, String(id));
    if (!mo) throw errors.notFound('inventory', `Managed object with id ${String(id)} not found`);
    out.source = { id: String(id), ...(typeof mo.name === 'string' ? { name: mo.name } : {}) };
  }
  if (body.subscriptionFilter !== undefined) {
    if (typeof body.subscriptionFilter !== 'object' || body.subscriptionFilter === null) throw errors.invalidData(RESOURCE, 'Invalid subscriptionFilter');
    const f = body.subscriptionFilter as Json;
    const filter: { apis?: string[]; typeFilter?: string } = {};
    if (f.apis !== undefined) {
      const apis = stringArray(f.apis, 'subscriptionFilter.apis');
      const allowed = context === 'mo' ? MO_APIS : TENANT_APIS;
      const bad = apis.find((a) => !allowed.includes(a));
      if (bad) throw errors.invalidData(RESOURCE, `API '${bad}' is not supported in context '${context}'`);
      if (apis.includes('*') && apis.length > 1) throw errors.invalidData(RESOURCE, "The wildcard '*' cannot be combined with other APIs");
      filter.apis = apis;
    }
    if (f.typeFilter !== undefined) {
      if (typeof f.typeFilter !== 'string') throw errors.invalidData(RESOURCE, 'typeFilter must be a string');
      filter.typeFilter = f.typeFilter;
    }
    out.subscriptionFilter = filter;
  }
  if (body.fragmentsToCopy !== undefined) out.fragmentsToCopy = stringArray(body.fragmentsToCopy, 'fragmentsToCopy');
  if (body.nonPersistent !== undefined) {
    if (typeof body.nonPersistent !== 'boolean') throw errors.invalidData(RESOURCE, 'nonPersistent must be a boolean');
    out.nonPersistent = body.nonPersistent;
  }
  return out;
}

const b64url = (s: string | Buffer): string => Buffer.from(s).toString('base64url');

/**
 * Notification 2.0: subscriptions (`mo`/`tenant` contexts, filters, delete by source/context),
 * JWT-shaped tokens and unsubscribe. There is no WebSocket consumer: nothing is delivered.
 */
export const notificationsArea = defineArea({
  name: 'notifications',
  resource: RESOURCE,
  register(api) {
    // Per emulator instance: tokens of another emulator (or the platform) do not verify.
    const secret = randomBytes(32);
    const sign = (data: string): string => createHmac('sha256', secret).update(data).digest('base64url');
    const verify = (token: string): Json | undefined => {
      const [h, p, s] = token.split('.');
      if (!h || !p || !s || sign(`${h}.${p}`) !== s) return undefined;
      try {
        const claims = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as unknown;
        return typeof claims === 'object' && claims !== null ? (claims as Json) : undefined;
      } catch {
        return undefined;
      }
    };

    api.get(
      '/notification2',
      (ctx) =>
        ctx.ok(
          {
            self: ctx.url('/notification2'),
            notificationSubscriptions: { self: ctx.url('/notification2/subscriptions'), subscriptions: null },
            notificationSubscriptionsBySource: ctx.url('/notification2/subscriptions?source={source}'),
            notificationSubscriptionsBySourceAndContext: ctx.url('/notification2/subscriptions?source={source}&context={context}'),
            notificationSubscriptionsByContext: ctx.url('/notification2/subscriptions?context={context}'),
          },
          'notificationapi',
        ),
      { roles: ROLE },
    );

    api.post(
      '/notification2/subscriptions',
      (ctx) => {
        const parsed = parseSubscription(ctx, objectBody(ctx, RESOURCE));
        const subs = store(ctx.tenant).subscriptions;
        const sourceKey = parsed.source?.id ?? ctx.tenant.id;
        for (const other of subs.values())
          if (other.context === parsed.context && other.subscription === parsed.subscription && (other.source?.id ?? ctx.tenant.id) === sourceKey)
            throw errors.conflict(
              RESOURCE,
              `Subscription with source <'${sourceKey}'>, context <'${parsed.context}'> & subscription <'${parsed.subscription}'> already exists!`,
            );
        const s: Subscription = { id: ctx.emu.ids.next(), ...parsed };
        subs.set(s.id, s);
        return ctx.created(subscriptionJson(ctx, s), 'subscription');
      },
      { roles: ROLE, jsonTypes: ['subscription'] },
    );

    api.get(
      '/notification2/subscriptions',
      (ctx) => {
        const q = ctx.query;
        const context = q.get('context');
        const source = q.get('source');
        const name = q.get('subscription');
        const typeFilter = q.get('typeFilter');
        const list = [...store(ctx.tenant).subscriptions.values()].filter(
          (s) =>
            (context === undefined || s.context === context) &&
            (source === undefined || s.source?.id === source) &&
            (name === undefined || s.subscription === name) &&
            (typeFilter === undefined || s.subscriptionFilter?.typeFilter === typeFilter),
        );
        return ctx.ok(ctx.page(list, { key: 'subscriptions', restricted: false, map: (s) => subscriptionJson(ctx, s) }), 'subscriptioncollection');
      },
      { roles: ROLE },
    );

    // Without parameters → 422; `context` defaults to `mo`, which needs `source`.
    api.delete(
      '/notification2/subscriptions',
      (ctx) => {
        const context = ctx.query.get('context');
        const source = ctx.query.get('source');
        if (context === undefined && source === undefined) throw errors.invalidData(RESOURCE, 'Query parameters context and/or source are required');
        const ctxValue = context ?? 'mo';
        if (ctxValue !== 'mo' && ctxValue !== 'tenant') throw errors.invalidData(RESOURCE, "context must be 'mo' or 'tenant'");
        if (ctxValue === 'mo' && source === undefined) throw errors.invalidData(RESOURCE, "source is required for context 'mo'");
        const subs = store(ctx.tenant).subscriptions;
        for (const [id, s] of subs) if (s.context === ctxValue && (source === undefined || s.source?.id === source)) subs.delete(id);
        return ctx.noContent();
      },
      { roles: ROLE },
    );

    const find = (ctx: RequestContext): Subscription => {
      const s = store(ctx.tenant).subscriptions.get(ctx.param('id'));
      if (!s) throw errors.notFound(RESOURCE, 'Finding subscription from database failed');
      return s;
    };
    api.get('/notification2/subscriptions/:id', (ctx) => ctx.ok(subscriptionJson(ctx, find(ctx)), 'subscription'), { roles: ROLE });
    api.delete(
      '/notification2/subscriptions/:id',
      (ctx) => {
        store(ctx.tenant).subscriptions.delete(find(ctx).id);
        return ctx.noContent();
      },
      { roles: ROLE },
    );

    // 200 {token}: an HS256 JWT with `sub` (subscriber), `topic` (<tenant>/relnotif/<subscription>),
    // `jti`, `iat`, `exp` (from expiresInMinutes, default 1440), `shared`, `nonPersistent`, `type`.
    api.post(
      '/notification2/token',
      (ctx) => {
        const body = objectBody(ctx, RESOURCE);
        const { subscriber, subscription } = body;
        if (typeof subscriber !== 'string' || subscriber === '') throw errors.invalidData(RESOURCE, 'subscriber is required');
        if (typeof subscription !== 'string' || subscription === '') throw errors.invalidData(RESOURCE, 'subscription is required');
        const minutes = body.expiresInMinutes ?? 1440;
        if (typeof minutes !== 'number' || !Number.isInteger(minutes) || minutes <= 0)
          throw errors.invalidData(RESOURCE, 'expiresInMinutes must be a positive integer');
        if (body.type !== undefined && body.type !== 'notification') throw errors.invalidData(RESOURCE, "type must be 'notification'");
        const nonPersistent = body.nonPersistent === true;
        const exists = [...store(ctx.tenant).subscriptions.values()].some((s) => s.subscription === subscription);
        if (!exists) throw errors.invalidData(RESOURCE, `Subscription ${subscription} does not exist`);
        store(ctx.tenant).unsubscribed.delete(`${subscription}/${subscriber}`);
        const iat = Math.floor(ctx.emu.clock.now().getTime() / 1000);
        const claims = {
          sub: subscriber,
          topic: `${ctx.tenant.id}/relnotif/${subscription}`,
          jti: randomUUID(),
          iat,
          exp: iat + minutes * 60,
          ten: ctx.tenant.id,
          type: 'notification',
          shared: body.shared === true,
          nonPersistent,
        };
        const unsigned = `${b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${b64url(JSON.stringify(claims))}`;
        return ctx.ok({ token: `${unsigned}.${sign(unsigned)}` }, 'application/json');
      },
      { roles: ROLE },
    );

    api.post(
      '/notification2/unsubscribe',
      (ctx) => {
        const token = ctx.query.get('token');
        if (!token) throw errors.invalidData(RESOURCE, 'Query parameter token is required');
        const claims = verify(token);
        if (!claims || claims.ten !== ctx.tenant.id) throw errors.invalidData(RESOURCE, 'Invalid notification token');
        const subscription = String(claims.topic ?? '').split('/').pop() ?? '';
        store(ctx.tenant).unsubscribed.add(`${subscription}/${String(claims.sub)}`);
        return ctx.ok({ result: 'DONE' }, 'application/json');
      },
      { roles: ROLE, body: 'any' },
    );
  },
});
