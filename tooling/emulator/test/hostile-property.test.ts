/**
 * Property tests of hostile input: every route of every built-in area, driven with random and
 * adversarial query strings, path parameters, headers, cookies and bodies, must
 * - answer a typed status: below 500, with a Cumulocity `{error, message}` JSON body when it refuses;
 * - raise no unexpected handler exception (`onError`);
 * - build only links that parse as URLs;
 * - when it refuses a write, leave the emulator's state exactly as it was (a fingerprint of every
 *   tenant's users and area stores, the id sequences and the revoked tokens, compared before/after);
 * and afterwards every collection and every stored object must still render.
 *
 * "No hang" is proven by completion: every request is awaited, so a handler that blocked the event
 * loop or never answered would exceed the test timeout (no wall-clock assertions). Runs are bounded
 * and seeded, so the suite is deterministic and takes a few seconds.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { Agent, request as httpRequest } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { ALL_ROLES, builtinAreas, startEmulator, type AreaApi, type BodyKind, type Emulator, type HttpMethod, type RouteOptions } from '../src/index.js';
import { ADMIN, basic } from './helpers.js';

const SEED = 15;
const TIMEOUT = 120_000;
/** The fuzzing principal: every role, and no path parameter names it, so no request deletes or demotes it. */
const FUZZER = basic('t100/fuzzer', 'fuzzer-pass');

interface Route {
  method: HttpMethod;
  pattern: string;
  /** The body kind the route declares (`json` by default for POST/PUT/PATCH). */
  body: BodyKind;
}

/** Every route the built-in areas register (recorded, not served). */
function builtinRoutes(emu: Emulator): Route[] {
  const routes: Route[] = [];
  const add = (method: HttpMethod, pattern: string, options: RouteOptions = {}): void => {
    routes.push({ method, pattern, body: options.body ?? (method === 'GET' || method === 'DELETE' ? 'any' : 'json') });
  };
  const record =
    (method: HttpMethod) =>
    (pattern: string, _handler: unknown, options?: RouteOptions): void =>
      add(method, pattern, options);
  const api: AreaApi = {
    emu: emu.services,
    get: record('GET'),
    post: record('POST'),
    put: record('PUT'),
    delete: record('DELETE'),
    patch: record('PATCH'),
    route: (method, pattern, _handler, options) => add(method, pattern, options),
  };
  for (const area of builtinAreas) area.register(api);
  return routes;
}

interface Reply {
  status: number;
  contentType: string | undefined;
  body: string;
}

const agent = new Agent({ keepAlive: true });

function send(emu: Emulator, method: string, path: string, headers: Record<string, string>, body?: Buffer): Promise<Reply> {
  const sent = body === undefined ? headers : { ...headers, 'Content-Length': String(body.length) };
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: emu.port, method, path, headers: sent, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        const data = res.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw;
        resolve({ status: res.statusCode ?? 0, contentType: res.headers['content-type'], body: data.toString('utf8') });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

// ---------------------------------------------------------------------------------------------
// State fingerprint: everything the tenants hold (users, area stores) plus ids and revoked tokens,
// without caches and lazily maintained indexes (reads may legitimately fill or reorder those).

const DERIVED_KEYS = new Set(['cache', 'rendered', 'sorted', 'dirty', 'version', 'cacheVersion']);

function canonical(value: unknown, seen: Set<object>): unknown {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'function') return '[function]';
    if (typeof value === 'bigint') return `${value}n`;
    return value;
  }
  if (ArrayBuffer.isView(value)) return `bytes:${createHash('sha1').update(new Uint8Array(value.buffer, value.byteOffset, value.byteLength)).digest('hex')}`;
  if (value instanceof WeakMap || value instanceof WeakSet) return '[weak]';
  if (value instanceof Date) return value.toISOString();
  if (value.constructor?.name === 'TimeIndex') return '[index]';
  if (seen.has(value)) return '[seen]';
  seen.add(value);
  if (value instanceof Map) return ['Map', [...value].map(([k, v]) => [canonical(k, seen), canonical(v, seen)])];
  if (value instanceof Set) return ['Set', [...value].map((v) => canonical(v, seen))];
  if (Array.isArray(value)) return value.map((v) => canonical(v, seen));
  const out: Array<[string, unknown]> = [];
  for (const key of Reflect.ownKeys(value)) {
    if (typeof key !== 'string' || DERIVED_KEYS.has(key)) continue;
    let member = canonical((value as Record<string, unknown>)[key], seen);
    // A tenant's area stores are created on first use: an area store still empty is no data.
    if (value.constructor?.name === 'Tenant' && key === 'store') member = ['Map', ((member as [string, Array<[unknown, unknown]>])[1] ?? []).filter(([, v]) => !holdsNothing(v))];
    out.push([key, member]);
  }
  return [value.constructor?.name ?? 'null', out];
}

/** Whether a canonical value holds no entries at all (only empty collections and scalars). */
function holdsNothing(value: unknown): boolean {
  if (!Array.isArray(value)) return true;
  if ((value[0] === 'Map' || value[0] === 'Set') && Array.isArray(value[1])) return value[1].length === 0;
  if (typeof value[0] === 'string' && Array.isArray(value[1])) return (value[1] as Array<[string, unknown]>).every(([, v]) => holdsNothing(v));
  return value.length === 0;
}

function fingerprint(emu: Emulator): string {
  const seen = new Set<object>();
  return JSON.stringify([canonical(emu.tenants, seen), canonical(emu.services.ids, seen), canonical(emu.services.tokens, seen)]);
}

/**
 * The links the emulator builds into a reply: `self`, `next` and `prev` of the reply and `self` of
 * the items of its arrays (deeper `self` members may be client data, e.g. a custom fragment).
 */
function linksOf(reply: unknown): string[] {
  const links: string[] = [];
  const collect = (node: unknown, keys: readonly string[]): void => {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return;
    for (const key of keys) {
      const link = (node as Record<string, unknown>)[key];
      if (typeof link === 'string') links.push(link);
    }
  };
  collect(reply, ['self', 'next', 'prev']);
  if (reply !== null && typeof reply === 'object')
    for (const member of Object.values(reply)) if (Array.isArray(member)) for (const item of member as unknown[]) collect(item, ['self']);
  return links;
}

// ---------------------------------------------------------------------------------------------
// Arbitraries

const printable = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 40 });
const text = fc.oneof(fc.string({ maxLength: 20 }), fc.string({ unit: 'grapheme', maxLength: 12 }), printable);
const HOSTILE_WORDS = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'prototype', '', ' ', '*', '%', "'", '"', '\\', 'null', 'undefined', 'NaN'];
const hostileWord = fc.constantFrom(...HOSTILE_WORDS);
/** Text placed raw into a URL: malformed escapes included (only characters a request line may carry). */
const RAW_URL_PIECES = ['%', '%zz', '%E0%A4%A', '%C0%80', '%00', '%2', '%%', '+', '=', '&', '%2F', '..', '%FF%FE'];

const ISO = ['2024-01-01T00:00:00.000Z', '2024-01-01', '2024-01-01T00:00:00+01:00', '2024-13-45T99:99:99Z', '0000-00-00', '-271821-04-20T00:00:00Z', '9999999-01-01'];
const NUMBERS = ['0', '-1', '1', '2', '5', '1.5', '2000', '2001', '1e309', '-0', '9'.repeat(30), '0x10', 'Infinity', '1_000'];

const queryLanguage = fc.letrec((tie) => ({
  expr: fc.oneof({ depthSize: 'small' }, tie('compare'), tie('func'), tie('and'), tie('or'), tie('not'), tie('paren')),
  path: fc.oneof(fc.constantFrom('name', 'type', 'id', '_id', 'owner', 'c8y_IsDevice', 'creationTime.date', 'a.b.c', 'lastUpdated'), hostileWord.filter((w) => /^[A-Za-z_]/.test(w))),
  literal: fc.oneof(
    text.map((s) => `'${s.replaceAll("'", "''")}'`),
    fc.constantFrom("'*'", "'*a*a*a*a*a*a*a*a*b'", "'d*'", "'*0*'", '5', '-3', '1.5d', '2.5f', '1.5', 'true', 'false', 'null', "'2024-01-01T00:00:00Z'"),
  ),
  compare: fc.tuple(tie('path'), fc.constantFrom('eq', 'ne', 'gt', 'ge', 'lt', 'le', 'EQ'), tie('literal')).map(([p, o, l]) => `${String(p)} ${o} ${String(l)}`),
  func: fc
    .tuple(fc.constantFrom('has', 'hasany', 'bygroupid', 'isinhierarchyof', 'HAS'), fc.array(fc.oneof(tie('path'), fc.constantFrom('10000', '10001', "'10002'")), { maxLength: 3 }))
    .map(([f, args]) => `${f}(${args.map(String).join(',')})`),
  and: fc.tuple(tie('expr'), tie('expr')).map(([a, b]) => `${String(a)} and ${String(b)}`),
  or: fc.tuple(tie('expr'), tie('expr')).map(([a, b]) => `${String(a)} or ${String(b)}`),
  not: tie('expr').map((e) => `not ${String(e)}`),
  paren: tie('expr').map((e) => `(${String(e)})`),
})).expr as fc.Arbitrary<string>;

const inventoryQuery = fc.oneof(
  queryLanguage,
  fc.tuple(fc.option(queryLanguage), fc.constantFrom('', '$orderby=name', '$orderby=name desc, id asc', '$orderby=', '$orderby=and')).map(([e, o]) => `$filter=(${e ?? ''}) ${o}`),
  fc.array(fc.constantFrom('(', ')', 'not', 'and', 'or', 'eq', "'x'", 'name', '$filter=', '$orderby=', 'asc', ',', "'", '$', 'has(', '5', '1.5d', '-', '@'), { maxLength: 30 }).map((t) => t.join(' ')),
  // Nesting around the parser's bound and far beyond it (a URL carries up to ~16 KiB).
  fc.constantFrom(63, 65, 500, 5000).map((n) => `${'('.repeat(n)}name eq 'x'${')'.repeat(n)}`),
  fc.constantFrom(63, 65, 2500).map((n) => `${'not('.repeat(n)}name eq 'x'${')'.repeat(n)}`),
  fc.integer({ min: 2, max: 40 }).map((n) => `name eq '${'*a'.repeat(n)}*b'`),
);

const QUERY_KEYS = [
  'pageSize', 'currentPage', 'withTotalPages', 'withTotalElements', 'source', 'type', 'fragmentType', 'fragmentValue', 'dateFrom', 'dateTo',
  'createdFrom', 'createdTo', 'lastUpdatedFrom', 'lastUpdatedTo', 'revert', 'status', 'severity', 'resolved', 'query', 'q', 'text', 'ids',
  'owner', 'deviceId', 'agentId', 'bulkOperationId', 'withChildren', 'withChildrenCount', 'withParents', 'skipChildrenNames', 'onlyRoots',
  'childAssetId', 'childDeviceId', 'childAdditionId', 'valueFragmentType', 'valueFragmentSeries', 'aggregationType', 'aggregationInterval',
  'aggregationFunction', 'series', 'context', 'subscription', 'typeFilter', 'token', 'username', 'groups', 'onlyDevices', 'withSubusersCount',
  'name', 'user', 'application', 'withSourceAssets', 'withSourceDevices', 'withSourceAdditions', 'withSourceChildren', 'forceCascade', 'cascade',
  'withDeviceUser', 'key', 'category', 'tenant', 'withParent', 'expiresInMinutes', 'nonPersistent', 'hasAccess', 'externalId', 'withApps',
  'withSubscribedApplications', 'availability', 'tenantId',
];

const queryValue = fc.oneof(
  { weight: 3, arbitrary: text },
  fc.constantFrom(...NUMBERS, ...ISO, 'true', 'false', 'TRUE', 'ACTIVE', 'CLEARED', 'MAJOR', 'PENDING', 'mo', 'tenant', 'HOURLY', '1h', '0s', '1000y', 'avg', 'min', 'T.T'),
  fc.constantFrom('10000', '10001', '10002', '10003', '10004', '99999', '10000,10001', ',,', 'admin', 't100'),
  hostileWord,
  inventoryQuery,
);

/** A query string (without `?`): encoded pairs, and now and then a raw piece with malformed escapes. */
const queryString = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: fc.tuple(fc.oneof(fc.constantFrom(...QUERY_KEYS), hostileWord, text), queryValue).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`) },
      { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...QUERY_KEYS, ...RAW_URL_PIECES), fc.constantFrom(...RAW_URL_PIECES)).map(([k, v]) => `${k}=${v}`) },
    ),
    { maxLength: 6 },
  )
  .map((pairs) => pairs.join('&'));

/** Existing values for the `:params` of the routes, so handlers get past their lookups. */
const KNOWN_VALUES: Readonly<Record<string, readonly string[]>> = {
  tenantId: ['t100', 't100', 't100', 't100', 't200', 'management'],
  userId: ['admin', 'bob', 'device_abc', 'reader'],
  username: ['admin', 'bob', 'device_abc', 'reader'],
  groupId: ['1', '1', '2'],
  groupName: ['business', 'admins'],
  roleId: ['ROLE_INVENTORY_READ', 'ROLE_ALARM_ADMIN'],
  name: ['ROLE_INVENTORY_READ', 'cockpit', 'business'],
  category: ['cat', 'alarm.type.mapping'],
  key: ['key'],
  type: ['c8y_Serial'],
  externalId: ['serial-1'],
  requestId: ['req1'],
};

/** Values for every `:param`: mostly existing ids and names, else hostile words and raw malformed escapes. */
function pathParams(names: readonly string[], ids: readonly string[]): fc.Arbitrary<Record<string, string>> {
  const hostile = fc.oneof(
    fc.oneof(text, hostileWord).filter((v) => v !== '').map(encodeURIComponent),
    fc.constantFrom(...RAW_URL_PIECES.filter((v) => v !== '..' && v !== '=' && v !== '&')),
  );
  const entries = names.map((name) => [name, fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...(KNOWN_VALUES[name] ?? ids)) }, { weight: 1, arbitrary: hostile })] as const);
  return fc.record(Object.fromEntries(entries));
}

function pathOf(pattern: string, params: Readonly<Record<string, string>>): string {
  return pattern
    .split('/')
    .map((seg) => (seg.startsWith(':') ? (params[seg.slice(1)] ?? 'x') : seg))
    .join('/');
}

const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');

/** Authorization header values: valid ones, wrong ones and garbage. */
const authorization = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(FUZZER, ADMIN, basic('t100/reader', 'reader-pass'), basic('t100/device_abc', 'device-pass'), basic('management/devicebootstrap', 'bootstrap-pass'), basic('admin', 'admin-pass')) },
  fc.constantFrom('Basic', 'Basic ', 'Bearer', 'Bearer ', 'Basic ====', 'Basic %%%', 'Digest x', 'bearer a.b.c', `Basic ${b64('t100/admin')}`, `Basic ${b64(':')}`, `Basic ${b64('/:')}`),
  fc.tuple(fc.oneof(hostileWord, text), fc.oneof(hostileWord, text), fc.oneof(hostileWord, text)).map(([t, u, p]) => `Basic ${b64(`${t}/${u}:${p}`)}`),
  fc.tuple(fc.constantFrom('Basic ', 'Bearer ', 'basic ', ''), printable).map(([scheme, v]) => `${scheme}${v}`),
);

/** Cookie header values: the authorization cookie with valid, tampered and malformed tokens. */
const cookie = (token: () => string) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom('authorization=%', 'authorization=%E0%A4%A', 'a=b; authorization=%zz; c=d', 'authorization=%C0%80') },
    fc.constantFrom('authorization=', 'authorization', '=;;=', ';', 'authorization=a.b.c'),
    printable.map((v) => `authorization=${v}`),
    printable,
    fc.nat({ max: 200 }).map((cut) => {
      const t = token();
      return `authorization=${t.slice(0, cut)}${t.slice(cut + 1)}`;
    }),
    fc.constant(null).map(() => `authorization=${token()}`),
  );

const CONTENT_TYPES = [
  'application/json',
  'application/vnd.com.nsn.cumulocity.managedobject+json',
  'application/vnd.com.nsn.cumulocity.event+json;charset=UTF-8;ver=0.9',
  'application/vnd.com.nsn.cumulocity.measurementcollection+json',
  'APPLICATION/JSON; charset=utf-8',
  'text/plain',
  'multipart/form-data',
  'multipart/form-data; boundary=xyz',
  'application/x-www-form-urlencoded',
  'application/octet-stream',
  'application/json; __proto__=x; constructor=y',
  ';;;',
  '/',
  '*/*',
];

const SEED_TENANTS = [
  {
    id: 't100',
    users: [
      { userName: 'admin', password: 'admin-pass', roles: ALL_ROLES },
      { userName: 'fuzzer', password: 'fuzzer-pass', roles: ALL_ROLES },
      { userName: 'reader', password: 'reader-pass', roles: ['ROLE_INVENTORY_READ'], restrictedPaging: true },
      { userName: 'device_abc', password: 'device-pass' },
    ],
  },
  { id: 't200', domain: 'acme.localhost', users: [{ userName: 'admin', password: 'other-pass', roles: ALL_ROLES }] },
];

const PRINCIPALS = [FUZZER, ADMIN, basic('t100/reader', 'reader-pass'), basic('t100/device_abc', 'device-pass'), basic('management/devicebootstrap', 'bootstrap-pass'), basic('t200/admin', 'other-pass')];

describe('hostile input: every route answers a typed status and refusals store nothing', () => {
  let emu: Emulator;
  let routes: Route[];
  let ids: string[];
  /** Seeded objects the body property builds valid bodies around. */
  let seeded: { device: string; group: string; app: string };
  let params: fc.Arbitrary<Record<string, string>>;
  /** Path parameters for one route: ids of its own area. */
  let paramsOf: (pattern: string) => fc.Arbitrary<Record<string, string>>;
  const unexpected: unknown[] = [];

  beforeAll(async () => {
    // A frozen clock: nothing scheduled (bulk operations) comes due between two requests.
    emu = await startEmulator({ tenants: SEED_TENANTS, seed: SEED, now: () => new Date('2024-06-01T00:00:00.000Z'), onError: (error) => unexpected.push(error) });
    routes = builtinRoutes(emu);
    // A little of everything, so handlers with ids reach their deeper code.
    const admin = async (method: string, path: string, body: unknown, status: number): Promise<Record<string, unknown>> => {
      const res = await send(emu, method, path, { Authorization: ADMIN, Accept: 'application/json', 'Content-Type': 'application/json' }, Buffer.from(JSON.stringify(body)));
      expect([method, path, res.status]).toEqual([method, path, status]);
      return res.body === '' ? {} : (JSON.parse(res.body) as Record<string, unknown>);
    };
    const time = '2024-01-01T00:00:00.000Z';
    const id = async (method: string, path: string, body: unknown, status: number): Promise<string> => String((await admin(method, path, body, status)).id);
    const device = await id('POST', '/inventory/managedObjects', { name: 'dev', c8y_IsDevice: {}, c8y_RequiredAvailability: { responseInterval: 5 } }, 201);
    const group = await id('POST', '/inventory/managedObjects', { name: 'group', c8y_IsDeviceGroup: {} }, 201);
    const child = await id('POST', '/inventory/managedObjects', { name: 'child', c8y_IsDevice: {} }, 201);
    await admin('POST', `/inventory/managedObjects/${group}/childAssets`, { managedObject: { id: device } }, 201);
    await admin('POST', `/inventory/managedObjects/${device}/childDevices`, { managedObject: { id: child } }, 201);
    await admin('POST', `/identity/globalIds/${device}/externalIds`, { type: 'c8y_Serial', externalId: 'serial-1' }, 201);
    const event = await id('POST', '/event/events', { source: { id: device }, type: 't', text: 'x', time }, 201);
    const alarm = await id('POST', '/alarm/alarms', { source: { id: device }, type: 't', text: 'x', time, severity: 'MAJOR' }, 201);
    const measurement = await id('POST', '/measurement/measurements', { source: { id: device }, type: 't', time, c8y_T: { T: { value: 1, unit: 'C' } } }, 201);
    const operation = await id('POST', '/devicecontrol/operations', { deviceId: device, c8y_Restart: {} }, 201);
    const bulk = await id('POST', '/devicecontrol/bulkoperations', { groupId: group, operationPrototype: { c8y_Restart: {} } }, 201);
    await send(emu, 'GET', '/devicecontrol/bulkoperations', { Authorization: ADMIN }); // bulk operations create their operations lazily
    await admin('POST', '/devicecontrol/newDeviceRequests', { id: 'req1' }, 201);
    await admin('POST', '/user/t100/users', { userName: 'bob', password: 'bob-pass-1', email: 'bob@example.com' }, 201);
    await admin('POST', '/user/t100/groups', { name: 'business' }, 201);
    const role = await id('POST', '/user/inventoryroles', { name: 'readers', description: 'd', permissions: [] }, 201);
    const app = await id('POST', '/application/applications', { name: 'app1', key: 'app1-key', type: 'HOSTED', contextPath: 'app1' }, 201);
    await admin('POST', '/tenant/options', { category: 'cat', key: 'key', value: 'v' }, 200);
    const subscription = await id('POST', '/notification2/subscriptions', { context: 'mo', source: { id: device }, subscription: 'sub1' }, 201);
    seeded = { device, group, app };
    // Every seeded id, and the next one (objects the runs create get it).
    ids = [device, group, child, event, alarm, measurement, operation, bulk, app, subscription, String(Number(subscription) + 1)];
    // Ids by the path prefix of the routes they belong to (a route with a foreign id stops at its 404).
    const byArea: Array<[string, string[]]> = [
      ['/inventory', [device, group, child]],
      ['/identity', [device, child]],
      ['/event', [event]],
      ['/alarm', [alarm]],
      ['/measurement', [measurement]],
      ['/devicecontrol/operations', [operation]],
      ['/devicecontrol/bulkoperations', [bulk]],
      ['/devicecontrol/newDeviceRequests', ['req1']],
      ['/user/inventoryroles', [role]],
      ['/user', [role]],
      ['/application', [app]],
      ['/tenant', [app]],
      ['/notification2', [subscription]],
    ];
    const names = [...new Set(routes.flatMap((r) => r.pattern.split('/').filter((seg) => seg.startsWith(':')).map((seg) => seg.slice(1))))];
    params = pathParams(names, ids);
    paramsOf = (pattern) => pathParams(names, byArea.find(([prefix]) => pattern.startsWith(prefix))?.[1] ?? ids);
    // Areas create their (empty) stores on first use: create them all now, so the fingerprint
    // compares contents only.
    for (const auth of PRINCIPALS)
      for (const route of routes) if (route.method === 'GET') await send(emu, 'GET', pathOf(route.pattern, { tenantId: 't100' }), { Authorization: auth });
    unexpected.length = 0;
  }, TIMEOUT);
  beforeEach(() => {
    unexpected.length = 0;
  });
  afterAll(async () => {
    agent.destroy();
    await emu.stop();
  });

  const keepFuzzerPassword = (): void => {
    const fuzzer = emu.tenants.get('t100')?.findUser('fuzzer');
    if (fuzzer) fuzzer.password = 'fuzzer-pass';
  };
  afterEach(async () => {
    // The properties only cover handlers while the fuzzing principal authenticates and holds its roles.
    const res = await send(emu, 'GET', '/user/currentUser', { Authorization: FUZZER });
    expect([res.status, (JSON.parse(res.body) as { effectiveRoles?: unknown[] }).effectiveRoles?.length]).toEqual([200, ALL_ROLES.length]);
  });

  /** Sends one request and checks the reply; a refused write must leave the state untouched. */
  async function check(method: string, path: string, headers: Record<string, string>, body?: Buffer): Promise<void> {
    const before = method === 'GET' ? undefined : fingerprint(emu);
    const res = await send(emu, method, path, headers, body);
    const where = `${method} ${path.slice(0, 300)} → ${res.status} ${res.body.slice(0, 300)}`;
    expect([where, res.status >= 100 && res.status < 500]).toEqual([where, true]);
    if (res.status >= 400 && res.body !== '') {
      expect([where, res.contentType]).toEqual([where, expect.stringContaining('json')]);
      const error = JSON.parse(res.body) as { error?: unknown; message?: unknown };
      expect([where, typeof error.error, typeof error.message]).toEqual([where, 'string', 'string']);
    }
    if (res.status < 300 && res.contentType?.includes('json') && res.body !== '') {
      // Links are absolute URLs built from the request: whatever was sent, they must parse.
      const bad = linksOf(JSON.parse(res.body) as unknown).filter((l) => !URL.canParse(l));
      expect([where, bad]).toEqual([where, []]);
    }
    expect(unexpected).toEqual([]);
    if (before !== undefined && res.status >= 400) expect([where, fingerprint(emu) === before]).toEqual([where, true]);
  }

  it('every body-reading route, with each class of damaged body', async () => {
    const { device, group, app } = seeded;
    const anyJson = fc.jsonValue({ maxDepth: 2 });
    // A body most write routes accept (each reads the fields it knows and ignores the rest), so the
    // mutations below reach validation and handlers instead of failing on a missing field.
    const valid = fc.record({
      name: fc.constantFrom('n', 'dev', 'cockpit'),
      type: fc.constantFrom('t', 't', 't', 'c8y_Serial', 'Alarm', 'HOSTED', 'MICROSERVICE'),
      text: fc.constantFrom('x', 'moved'),
      time: fc.constantFrom('2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z', '2024-06-01T12:00:00+02:00'),
      severity: fc.constantFrom('MAJOR', 'CRITICAL', 'MINOR'),
      status: fc.constantFrom('ACTIVE', 'CLEARED', 'EXECUTING', 'SUCCESSFUL', 'FAILED', 'ACCEPTED'),
      source: fc.constant({ id: device }),
      deviceId: fc.constant(device),
      c8y_IsDevice: fc.constant({}),
      c8y_T: fc.constant({ T: { value: 1, unit: 'C' } }),
      managedObject: fc.constantFrom({ id: device }, { id: group }, device),
      managedObjects: fc.constant([{ id: device, name: 'renamed' }]),
      measurements: fc.constant([{ source: { id: device }, type: 't', time: '2024-01-01T00:00:01.000Z', c8y_T: { T: { value: 2 } } }]),
      externalId: fc.constantFrom('serial-2', 'serial-3'),
      userName: fc.constantFrom('carol', 'dave'),
      password: fc.constant('long-enough-1'),
      newPassword: fc.constant('long-enough-2'),
      currentUserPassword: fc.constant('fuzzer-pass'),
      email: fc.constantFrom('carol@example.com', 'bob@example.com'),
      key: fc.constantFrom('k', 'app-key'),
      value: fc.constant('v'),
      category: fc.constantFrom('c', 'cat'),
      groupId: fc.constant(group),
      operationPrototype: fc.constant({ c8y_Restart: {} }),
      context: fc.constantFrom('mo', 'tenant'),
      subscription: fc.constantFrom('sub2', 'sub1'),
      subscriber: fc.constant('s1'),
      role: fc.constantFrom({ self: 'http://x/user/roles/ROLE_INVENTORY_READ' }, { id: 'ROLE_ALARM_READ' }),
      user: fc.constant({ self: 'http://x/user/t100/users/bob' }),
      roles: fc.constant([{ id: 1 }]),
      activity: fc.constant('a'),
      description: fc.constant('d'),
      permissions: fc.constant([{ permission: 'READ', scope: 'MANAGED_OBJECT', type: '*' }]),
      application: fc.constant({ id: app }),
    });
    const KEYS = ['name', 'type', 'text', 'time', 'severity', 'status', 'source', 'deviceId', 'managedObject', 'managedObjects', 'measurements', 'c8y_T', 'externalId', 'userName', 'password', 'email', 'key', 'value', 'category', 'groupId', 'operationPrototype', 'context', 'subscription', 'role', 'user', 'roles', 'application', 'id', 'description', 'permissions'];
    // Reference bodies carry links ({managedObject: {self}}, {role: {self}}, …); their last segment:
    // malformed escapes mostly, else other raw pieces, random text, existing names.
    const linkTail = fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom('%', '%zz', '%E0%A4%A', '%C0%80', '%FF%FE', '%2') },
      fc.constantFrom(...RAW_URL_PIECES),
      text,
      fc.constantFrom(...ids, 'ROLE_INVENTORY_READ', 'bob', '1'),
    );
    const LINK_PREFIXES: Readonly<Record<string, string>> = {
      managedObject: 'http://x/inventory/managedObjects/',
      source: 'http://x/inventory/managedObjects/',
      role: 'http://x/user/roles/',
      user: 'http://x/user/t100/users/',
      group: 'http://x/user/t100/groups/',
      application: 'http://x/application/applications/',
    };
    // Markers replaced in the JSON text: a deep subtree (too deep to build and stringify here) and a
    // `__proto__` member (an object literal cannot own one).
    const DEEP = '\u0000deep\u0000';
    const PROTO = '\u0000proto\u0000';
    type Mutation = (body: Record<string, unknown>) => void;
    const HEADER_UNSAFE = ['text/plain\nX-Injected: yes', 'a\r\nb', 'tëxt/plain', 'text/plain\u0100', '\ud800.bin', 'nul\u0000', 'tab\tbed', '\u{1F600}'];
    /**
     * The classes of damage; every body-reading route gets each of them (a random mix leaves gaps).
     * `references`: the reference keys the route reads (all of them when it is not a reference route).
     */
    const mutations = (references: readonly string[]): Readonly<Record<string, fc.Arbitrary<Mutation>>> => ({
      'a field set to random JSON, or removed': fc
        .tuple(fc.constantFrom(...KEYS), fc.option(fc.oneof(anyJson, text, hostileWord), { nil: undefined }))
        .map(([k, v]): Mutation => (b) => void (v === undefined ? delete b[k] : (b[k] = v))),
      // Nothing but the reference (any other member makes the child routes create an object).
      'reference links with odd last segments': linkTail.map(
        (tail): Mutation =>
          (b) => {
            for (const k of Object.keys(b)) delete b[k];
            for (const k of references) b[k] = { self: `${LINK_PREFIXES[k] ?? ''}${tail}` };
          },
      ),
      'a field nested too deep': fc.constantFrom(...KEYS).map((k): Mutation => (b) => void (b[k] = DEEP)),
      'a __proto__ member': fc.constantFrom(...KEYS).map((k): Mutation => (b) => void (b[PROTO] = { [k]: b[k] ?? 1 })),
      'a member named like a prototype property': fc.tuple(fc.constantFrom(...HOSTILE_WORDS), anyJson).map(([k, v]): Mutation => (b) => void (b[k] = v)),
      // Names and types come back in headers (downloads) and links: values no header can carry.
      'names and types that are no header values': fc
        .tuple(fc.constantFrom(...HEADER_UNSAFE), fc.constantFrom(...HEADER_UNSAFE))
        .map(([name, type]): Mutation => (b) => Object.assign(b, { name, type, externalId: name, key: name, category: type })),
    });
    /** The reference member a route reads, by its last static segment. */
    const referencesOf = (pattern: string): readonly string[] => {
      const last = pattern.split('/').filter((seg) => seg !== '' && !seg.startsWith(':')).pop() ?? '';
      if (/^child(Assets|Devices|Additions)$/.test(last)) return ['managedObject'];
      const key = { roles: 'role', users: 'user', groups: 'group', applications: 'application' }[last];
      return key === undefined ? Object.keys(LINK_PREFIXES) : [key];
    };
    const deepText = fc.tuple(fc.constantFrom(65, 300, 5_000, 20_000), fc.boolean()).map(([n, arr]) => (arr ? `${'['.repeat(n)}1${']'.repeat(n)}` : `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`));
    const mutatedBy = (mutation: fc.Arbitrary<Mutation>): fc.Arbitrary<string> =>
      fc.tuple(valid, mutation, deepText).map(([body, mutate, deep]) => {
        const b: Record<string, unknown> = { ...body };
        mutate(b);
        return JSON.stringify(b).replace(JSON.stringify(DEEP), deep).replace(JSON.stringify(PROTO), '"__proto__"');
      });
    const hostileText = fc.constantFrom('', 'null', '[]', '"x"', '{', '{"a":1,"a":2}', '{"name":1e400}', '\ufeff{}', '{"managedObjects":[{"__proto__":{"id":"10000"}}]}');
    const anyText = fc.oneof(valid.map((b) => JSON.stringify(b)), anyJson.map((j) => JSON.stringify(j)), hostileText, fc.string({ maxLength: 40 }));
    type Body = { contentType: string; body: string };
    const json = (text: fc.Arbitrary<string>): fc.Arbitrary<Body> => text.map((body) => ({ contentType: 'application/json', body }));
    const multipartOf = (object: fc.Arbitrary<string>): fc.Arbitrary<Body> =>
      fc.tuple(object, fc.constantFrom('file', 'file', 'file', 'file', 'filesize', '__proto__'), fc.boolean(), fc.constantFrom('application/octet-stream', 'text/pl\u00e4in', 'x')).map(([text, name, closed, partType]) => ({
        contentType: 'multipart/form-data; boundary=XyZ',
        body: `--XyZ\r\nContent-Disposition: form-data; name="object"\r\n\r\n${text}\r\n--XyZ\r\nContent-Disposition: form-data; name="${name}"; filename="f.bin"\r\nContent-Type: ${partType}\r\n\r\nbytes\r\n--XyZ${closed ? '--' : ''}\r\n`,
      }));
    const bodiesFor = (route: Route): Array<fc.Arbitrary<Body>> => {
      const damage = Object.values(mutations(referencesOf(route.pattern))).map(mutatedBy);
      const raw = route.body !== 'json';
      const odd = [
        // Malformed, empty or odd JSON; any content type; forms.
        json(anyText),
        fc.tuple(fc.oneof(fc.constantFrom(...CONTENT_TYPES, 'text/pl\u00e4in'), printable), anyText).map(([contentType, body]) => ({ contentType, body })),
        fc.tuple(text, text).map(([k, v]) => ({ contentType: 'application/x-www-form-urlencoded', body: `grant_type=password&username=${encodeURIComponent(k)}&password=${v}&tfa_code=%zz` })),
      ];
      // JSON routes refuse other content types before reading them: one of those suffices there.
      if (!raw) return [...damage.map(json), fc.oneof(...odd)];
      // Multipart and raw-body routes get every class of damage in their own format, and the odd ones.
      return [...damage.map(multipartOf), multipartOf(fc.oneof(anyText, fc.oneof(...damage))), ...odd];
    };
    // DELETE routes take no body; the query-string property below sends them requests.
    const writes = routes.filter((r) => r.method !== 'GET' && r.method !== 'DELETE');
    const principal = fc.oneof({ weight: 8, arbitrary: fc.constant(FUZZER) }, { weight: 1, arbitrary: fc.constantFrom(...PRINCIPALS) });
    const search = fc.oneof({ weight: 3, arbitrary: fc.constant('') }, { weight: 1, arbitrary: queryString });
    let run = 0;
    for (const route of writes)
      for (const body of bodiesFor(route))
        await fc.assert(
          fc.asyncProperty(paramsOf(route.pattern), search, body, principal, async (values, query, sent, auth) => {
            const path = `${pathOf(route.pattern, values)}${query === '' ? '' : `?${query}`}`;
            await check(route.method, path, { Authorization: auth, Accept: 'application/json', 'Content-Type': sent.contentType }, Buffer.from(sent.body));
            keepFuzzerPassword(); // PUT /user/currentUser may change it (legitimately)
          }),
          { seed: SEED + run++, numRuns: 1, endOnFailure: true },
        );
  }, TIMEOUT);

  it('the inventory query language: generated, garbled and deeply nested queries', async () => {
    const listings = ['/inventory/managedObjects', '/inventory/managedObjects/count', `/inventory/managedObjects/${seeded.group}/childAssets`];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...listings), fc.constantFrom('query', 'q'), inventoryQuery, fc.constantFrom(FUZZER, basic('t100/reader', 'reader-pass')), async (listing, name, q, auth) => {
        await check('GET', `${listing}?${name}=${encodeURIComponent(q)}&pageSize=50`, { Authorization: auth, Accept: 'application/json' });
      }),
      { seed: SEED, numRuns: 200, endOnFailure: true },
    );
  }, TIMEOUT);

  it('random and adversarial query strings and path parameters', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), params, queryString, fc.constantFrom(...PRINCIPALS), async (pick, values, search, auth) => {
        const route = routes[pick % routes.length] as Route;
        const path = `${pathOf(route.pattern, values)}${search === '' ? '' : `?${search}`}`;
        await check(route.method, path, { Authorization: auth, Accept: 'application/json' });
      }),
      { seed: SEED, numRuns: 200, endOnFailure: true },
    );
  }, TIMEOUT);

  it('random and adversarial headers and cookies', async () => {
    const token = (): string => emu.issueToken('t100', 'admin').token;
    const headers = fc.record(
      {
        Authorization: authorization,
        Cookie: cookie(token),
        'X-XSRF-TOKEN': fc.oneof(printable, fc.constant('')),
        Accept: fc.oneof(fc.constantFrom('application/json', '*/*', 'text/plain', 'application/vnd.com.nsn.cumulocity.error+json'), printable),
        'Accept-Encoding': fc.constantFrom('gzip', 'identity', 'gzip;q=0', '*', 'br, gzip'),
        'Content-Type': fc.oneof(fc.constantFrom(...CONTENT_TYPES), printable),
        'X-HTTP-METHOD': fc.oneof(fc.constantFrom('PUT', 'DELETE', 'GET', 'PATCH', 'post'), printable),
        Host: fc.oneof(
          { weight: 4, arbitrary: fc.constantFrom('127.0.0.1', 't200.localhost', 'acme.localhost', 'management.localhost', 'x', '[::1]:1') },
          fc.oneof(fc.constant('a:b:c'), printable.filter((h) => h.trim() !== '')),
        ),
        'X-Cumulocity-Application-Key': printable,
        'X-Cumulocity-Processing-Mode': fc.constantFrom('PERSISTENT', 'TRANSIENT', 'QUIESCENT', 'CEP', 'x'),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(fc.nat(), params, headers, fc.option(fc.jsonValue({ maxDepth: 3 })), async (pick, values, sent, json) => {
        const route = routes[pick % routes.length] as Route;
        const clean = Object.fromEntries(Object.entries(sent).filter((e): e is [string, string] => e[1] !== undefined));
        await check(route.method, pathOf(route.pattern, values), clean, json === null ? undefined : Buffer.from(JSON.stringify(json)));
      }),
      { seed: SEED, numRuns: 200, endOnFailure: true },
    );
  }, TIMEOUT);

  it('after all that, every collection and every stored object still renders for every principal', async () => {
    const collections = routes.filter((r) => r.method === 'GET' && !r.pattern.includes('/:'));
    for (const auth of PRINCIPALS)
      for (const route of collections) await check('GET', `${route.pattern}?pageSize=2000&withTotalElements=true`, { Authorization: auth, Accept: 'application/json' });
    // Every object the runs stored, read back through its own link (downloads included).
    const own = new URL(emu.url).host;
    for (const route of collections) {
      const res = await send(emu, 'GET', `${route.pattern}?pageSize=2000`, { Authorization: FUZZER, Accept: 'application/json' });
      const page = res.status === 200 && res.contentType?.includes('json') ? (JSON.parse(res.body) as unknown) : undefined;
      for (const link of linksOf(page).filter((l) => URL.canParse(l) && new URL(l).host === own)) {
        const { pathname, search } = new URL(link);
        if (pathname === route.pattern) continue;
        await check('GET', pathname + search, { Authorization: FUZZER });
        // Attachments too (an event with `c8y_IsBinary` has one at …/binaries).
        if (pathname.startsWith('/event/events/')) await check('GET', `${pathname}/binaries`, { Authorization: FUZZER });
      }
    }
    for (const route of routes.filter((r) => r.method === 'GET' && r.pattern.includes('/:')))
      for (const id of ids) await check('GET', `${pathOf(route.pattern, { tenantId: 't100', id, groupId: '1', userId: 'admin' })}?withChildren=true&withParents=true`, { Authorization: FUZZER });
  }, TIMEOUT);
});
