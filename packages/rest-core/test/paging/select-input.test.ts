import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import { CumulocityRestClient, isCumulocityError } from '../../src/index.js';
import { count, getAll, select, type PagedResource } from '../../src/paging/index.js';
import { eventSpec } from '../fixtures/query-specs.js';
import { testAuth } from '../client/test-auth.js';

const base = 'https://t100.example.com';
const events: PagedResource = { name: 'event', path: '/event/events', collectionKey: 'events', querySpec: eventSpec };

/** Every request the client sent in the current test (URL with its query string). */
const sent: string[] = [];
const client = () =>
  new CumulocityRestClient({
    baseUrl: base,
    auth: testAuth,
    retry: false,
    fetch: (input, init) => {
      const request = new Request(input, init);
      sent.push(request.url);
      return globalThis.fetch(request);
    },
  });

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  sent.length = 0;
  const pending = nock.pendingMocks();
  nock.cleanAll();
  expect(pending).toEqual([]);
});

/** The InvalidInputError `select` throws synchronously, as `{ path, message }`. */
function refusal(action: () => unknown): { path: string | undefined; message: string } {
  let thrown: unknown;
  try {
    action();
  } catch (error) {
    thrown = error;
  }
  if (!isCumulocityError(thrown, 'InvalidInputError')) throw new Error(`expected an InvalidInputError, got ${String(thrown)}`);
  return { path: thrown.path, message: thrown.message };
}

/** The InvalidInputError a promise rejects with, as `{ path, message }`. */
async function rejection(promise: Promise<unknown>): Promise<{ path: string | undefined; message: string }> {
  const error = await promise.then(
    (value) => new Error(`expected a rejection, got ${String(JSON.stringify(value))}`),
    (caught: unknown) => caught,
  );
  if (!isCumulocityError(error, 'InvalidInputError')) throw new Error(`expected an InvalidInputError, got ${String(error)}`);
  return { path: error.path, message: error.message };
}

const reply = (items: unknown[]) => ({ events: items, statistics: { currentPage: 1, pageSize: 1000 } });

const badPath = { path: 'resource', message: 'resource: expected a resource descriptor with a path starting with "/"' };
const badKey = { path: 'resource.collectionKey', message: 'resource.collectionKey: expected a resource descriptor with a collectionKey' };
const badSpec = {
  path: 'resource.querySpec',
  message: "resource.querySpec: expected the resource's querySpec: without it, filter aliases would be sent unchanged and ignored by the server",
};

// Pins the refusal of a bad resource descriptor by select, getAll and count, before any request.
describe('a bad resource descriptor', () => {
  const { querySpec: _spec, ...withoutSpec } = events;
  const { collectionKey: _key, ...withoutKey } = events;
  it.each([
    ['undefined', undefined, badPath],
    ['null', null, badPath],
    ['a path string', '/event/events', badPath],
    ['a path that is not a string', { ...events, path: 42 }, badPath],
    ['a path without a leading "/"', { ...events, path: 'event/events' }, badPath],
    ['an empty path', { ...events, path: '' }, badPath],
    ['no collectionKey', withoutKey, badKey],
    ['an empty collectionKey', { ...events, collectionKey: '' }, badKey],
    ['a collectionKey that is not a string', { ...events, collectionKey: ['events'] }, badKey],
    ['no querySpec', withoutSpec, badSpec],
    ['a null querySpec', { ...events, querySpec: null }, badSpec],
    ['a querySpec that is a string', { ...events, querySpec: 'events' }, badSpec],
  ])('%s', async (_case, resource, expected) => {
    expect(refusal(() => select(client(), resource as never, { type: 'x' }))).toEqual(expected);
    expect(await rejection(getAll(client(), resource as never))).toEqual(expected);
    expect(await rejection(count(client(), resource as never, { type: 'x' }))).toEqual(expected);
    expect(sent).toEqual([]);
  });
});

// Pins the refusal of a query that is neither a filter object nor a raw string, naming what it was.
describe('a bad query', () => {
  it.each([
    [42, '42'],
    [0, '0'],
    [true, 'true'],
    [false, 'false'],
    [['type=x'], 'an array'],
    [() => 'type=x', 'function'],
    [10n, 'bigint'],
  ])('%p', async (query, described) => {
    const expected = { path: 'query', message: `query: expected a filter object or a raw query string, got ${described}` };
    expect(refusal(() => select(client(), events, query as never))).toEqual(expected);
    expect(await rejection(count(client(), events, query as never))).toEqual(expected);
    expect(sent).toEqual([]);
  });

  it('null is no filter, like undefined', async () => {
    nock(base).get('/event/events').query(true).reply(200, reply([{ id: '1' }]));
    nock(base).get('/event/events').query(true).reply(200, { events: [], statistics: { totalPages: 9 } });
    expect(await getAll(client(), events, null as never)).toEqual([{ id: '1' }]);
    expect(await count(client(), events, null as never)).toBe(9);
    expect(sent).toEqual([`${base}/event/events?pageSize=1000&currentPage=1`, `${base}/event/events?pageSize=1&withTotalPages=true`]);
  });
});

// Pins the refusal of bad options (the object itself, now, signal, map, ordered, workers, currentPage) with the value named.
describe('bad options', () => {
  it.each([null, 'limit=5', 5, true])('options %p are not an options object', (options) => {
    expect(refusal(() => select(client(), events, undefined, options as never))).toEqual({ path: 'options', message: 'options: expected an options object' });
    expect(sent).toEqual([]);
  });

  it.each([
    [{ now: '2025-06-15T12:00:00Z' }, 'now', 'now: must be a Date'],
    [{ now: 1_750_000_000_000 }, 'now', 'now: must be a Date'],
    [{ now: null }, 'now', 'now: must be a Date'],
    [{ signal: {} }, 'signal', 'signal: must be an AbortSignal'],
    [{ signal: new AbortController() }, 'signal', 'signal: must be an AbortSignal'],
    [{ signal: null }, 'signal', 'signal: must be an AbortSignal'],
    [{ map: 'id' }, 'map', 'map: must be a function'],
    [{ map: null }, 'map', 'map: must be a function'],
    [{ ordered: 'yes' }, 'ordered', 'ordered: must be true or false'],
    [{ ordered: 1 }, 'ordered', 'ordered: must be true or false'],
    [{ ordered: null }, 'ordered', 'ordered: must be true or false'],
    [{ workers: 0 }, 'workers', 'workers: must be an integer ≥ 1, got 0'],
    [{ workers: 1.5 }, 'workers', 'workers: must be an integer ≥ 1, got 1.5'],
    [{ workers: Number.NaN }, 'workers', 'workers: must be an integer ≥ 1, got NaN'],
    [{ workers: '2' }, 'workers', 'workers: must be an integer ≥ 1, got "2"'],
    [{ workers: true }, 'workers', 'workers: must be an integer ≥ 1, got true'],
    [{ workers: false }, 'workers', 'workers: must be an integer ≥ 1, got false'],
    [{ workers: null }, 'workers', 'workers: must be an integer ≥ 1, got null'],
    [{ workers: [2] }, 'workers', 'workers: must be an integer ≥ 1, got an array'],
    [{ workers: { n: 2 } }, 'workers', 'workers: must be an integer ≥ 1, got object'],
    [{ currentPage: -3 }, 'currentPage', 'currentPage: must be an integer ≥ 1, got -3'],
    [{ currentPage: '' }, 'currentPage', 'currentPage: must be an integer ≥ 1, got ""'],
  ])('%p', (options, path, message) => {
    expect(refusal(() => select(client(), events, undefined, options as never))).toEqual({ path, message });
    expect(sent).toEqual([]);
  });

  it.each([
    [null, 'options', 'options: expected an options object'],
    ['limit=5', 'options', 'options: expected an options object'],
    [{ now: '2025-06-15T12:00:00Z' }, 'now', 'now: must be a Date'],
    [{ signal: {} }, 'signal', 'signal: must be an AbortSignal'],
  ])('count() refuses the options %p in the same words, before any request', async (options, path, message) => {
    const thrown = await count(client(), events, undefined, options as never).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(isCumulocityError(thrown, 'InvalidInputError') ? { path: thrown.path, message: thrown.message } : thrown).toEqual({ path, message });
    expect(sent).toEqual([]);
  });

  it('the same checks apply to paging options inside the filter object', () => {
    expect(refusal(() => select(client(), events, { type: 'x', signal: 'stop' }))).toEqual({ path: 'signal', message: 'signal: must be an AbortSignal' });
    expect(refusal(() => select(client(), events, { type: 'x', map: 5 }))).toEqual({ path: 'map', message: 'map: must be a function' });
    expect(refusal(() => select(client(), events, { type: 'x', ordered: 'no' }))).toEqual({ path: 'ordered', message: 'ordered: must be true or false' });
    expect(refusal(() => select(client(), events, { type: 'x', workers: 0.5 }))).toEqual({ path: 'workers', message: 'workers: must be an integer ≥ 1, got 0.5' });
    expect(sent).toEqual([]);
  });

  it('workers: 1 and currentPage: 1 are accepted', async () => {
    nock(base).get('/event/events').query(true).reply(200, reply([{ id: '1' }]));
    expect(await getAll(client(), events, undefined, { workers: 1, currentPage: 1 })).toEqual([{ id: '1' }]);
    expect(sent).toEqual([`${base}/event/events?pageSize=1000&currentPage=1`]);
  });
});

// Pins that pageSize/currentPage written into a raw query become paging options only when all digits; else they are refused as written.
describe('paging parameters in a raw query string', () => {
  it('digits become the page size and the first page', async () => {
    nock(base).get('/event/events').query(true).reply(200, { events: [{ id: '5' }], statistics: { currentPage: 3, pageSize: 2 } });
    expect(await getAll(client(), events, 'type=x&currentPage=3&pageSize=2')).toEqual([{ id: '5' }]);
    expect(sent).toEqual([`${base}/event/events?type=x&pageSize=2&currentPage=3`]);
  });

  it.each([
    ['pageSize=abc', 'pageSize', 'pageSize: must be an integer from 1 to 2000, got "abc"'],
    ['pageSize=x5', 'pageSize', 'pageSize: must be an integer from 1 to 2000, got "x5"'],
    ['pageSize=5x', 'pageSize', 'pageSize: must be an integer from 1 to 2000, got "5x"'],
    ['pageSize=', 'pageSize', 'pageSize: must be an integer from 1 to 2000, got ""'],
    ['pageSize=1&pageSize=2', 'pageSize', 'pageSize: must be an integer from 1 to 2000, got an array'],
    ['pageSize=0', 'pageSize', 'pageSize: must be an integer from 1 to 2000, got number 0'],
    ['currentPage=5x', 'currentPage', 'currentPage: must be an integer ≥ 1, got "5x"'],
    ['currentPage=x5', 'currentPage', 'currentPage: must be an integer ≥ 1, got "x5"'],
    ['currentPage=-1', 'currentPage', 'currentPage: must be an integer ≥ 1, got "-1"'],
    ['currentPage=1.5', 'currentPage', 'currentPage: must be an integer ≥ 1, got "1.5"'],
    ['currentPage=0', 'currentPage', 'currentPage: must be an integer ≥ 1, got 0'],
  ])('type=x&%s', (raw, path, message) => {
    expect(refusal(() => select(client(), events, `type=x&${raw}`))).toEqual({ path, message });
    expect(sent).toEqual([]);
  });

  it('given again in the options, it is refused', () => {
    expect(refusal(() => select(client(), events, 'type=x&pageSize=5', { pageSize: 5 }))).toEqual({
      path: 'pageSize',
      message: "pageSize: 'pageSize' is given both in the query and in the options: give it once",
    });
    expect(sent).toEqual([]);
  });

  it('count ignores them', async () => {
    nock(base).get('/event/events').query(true).reply(200, { events: [], statistics: { totalPages: 4 } });
    expect(await count(client(), events, 'type=x&pageSize=abc&currentPage=7')).toBe(4);
    expect(sent).toEqual([`${base}/event/events?type=x&pageSize=1&withTotalPages=true`]);
  });
});

// Pins the inline keys of a filter object: map and ordered are options, never filters; a key given twice is refused, an undefined one is not given.
describe('options inside the filter object', () => {
  it('map and ordered are taken as options and not sent', async () => {
    nock(base).get('/event/events').query(true).times(2).reply(200, reply([{ id: '1' }, { id: '2' }]));
    expect(await getAll(client(), events, { type: 'x', map: (json: { id?: unknown }) => `#${String(json.id)}` })).toEqual(['#1', '#2']);
    expect(await getAll(client(), events, { type: 'x', ordered: true })).toEqual([{ id: '1' }, { id: '2' }]);
    expect(sent).toEqual([`${base}/event/events?type=x&pageSize=1000&currentPage=1`, `${base}/event/events?type=x&pageSize=1000&currentPage=1`]);
  });

  it.each([
    ['limit', { limit: 5 }, { limit: 6 }],
    ['map', { map: (json: unknown) => json }, { map: (json: unknown) => json }],
    ['ordered', { ordered: true }, { ordered: false }],
    ['workers', { workers: 2 }, { workers: 2 }],
    ['asValues', { asValues: 'id' }, { asValues: 'id' }],
  ])("'%s' in both places is refused", (key, inline, options) => {
    expect(refusal(() => select(client(), events, { type: 'x', ...inline }, options as never))).toEqual({
      path: key,
      message: `${key}: '${key}' is given both in the query and in the options: give it once`,
    });
    expect(sent).toEqual([]);
  });

  it('a key left undefined inside the filter object is not given there', async () => {
    nock(base).get('/event/events').query(true).reply(200, reply([{ id: '1' }]));
    expect(await getAll(client(), events, { type: 'x', limit: undefined, pageSize: undefined }, { limit: 1, pageSize: 1 })).toEqual([{ id: '1' }]);
    expect(sent).toEqual([`${base}/event/events?type=x&pageSize=1&currentPage=1`]);
  });
});
