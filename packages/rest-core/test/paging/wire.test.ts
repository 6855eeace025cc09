import { afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import nock from 'nock';
import { CumulocityRestClient } from '../../src/index.js';
import { count, getAll, select, type PagedResource } from '../../src/paging/index.js';
import { defineQuery } from '../../src/query/index.js';
import { eventSpec, userSpec } from '../fixtures/query-specs.js';
import { testAuth } from '../client/test-auth.js';

const base = 'https://t100.example.com';
const client = () => new CumulocityRestClient({ baseUrl: base, auth: testAuth, retry: false });

const events: PagedResource = {
  name: 'event',
  path: '/event/events',
  collectionKey: 'events',
  collectionMediaType: 'application/vnd.com.nsn.cumulocity.eventcollection+json',
  querySpec: eventSpec,
};
const alarms: PagedResource = {
  name: 'alarm',
  path: '/alarm/alarms',
  collectionKey: 'alarms',
  countPath: '/alarm/alarms/count',
  // A spec like the alarms package's (which rest-core does not know).
  querySpec: defineQuery<Record<string, unknown>>({ resource: 'alarms', ranges: ['time', 'created', 'updated'], ids: ['source'], lists: ['status', 'severity', 'type'] }),
};
const users: PagedResource = { name: 'user', path: '/user/{tenantId}/users', collectionKey: 'users', defaultPageSize: 5, querySpec: userSpec };

const ev = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => ({ id: String(from + index) }));
const envelope = (items: unknown[], currentPage: number, pageSize: number, key = 'events') => ({
  self: `${base}/event/events?pageSize=${pageSize}&currentPage=${currentPage}`,
  [key]: items,
  statistics: { currentPage, pageSize },
});

/** Records the exact paths (with query strings) requested. */
function recordPaths(scope: nock.Scope, replies: Array<(path: string) => [number, unknown]>, seen: string[]): void {
  for (const reply of replies) {
    scope.get(/.*/).reply(function (path) {
      seen.push(path);
      return reply(path);
    });
  }
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  expect(pending).toEqual([]);
});

describe('page size and page sequence on the wire', () => {
  it('defaults to pageSize=1000, counts currentPage from 1, sends no withTotalPages, ends at a short page', async () => {
    const seen: string[] = [];
    recordPaths(nock(base), [() => [200, envelope(ev(1, 1000), 1, 1000)], () => [200, envelope(ev(1001, 1003), 2, 1000)]], seen);
    const items = await getAll(client(), events, { type: 'x' });
    expect(items).toHaveLength(1003);
    expect(seen).toEqual(['/event/events?type=x&pageSize=1000&currentPage=1', '/event/events?type=x&pageSize=1000&currentPage=2']);
  });

  it('ends at an empty page', async () => {
    const seen: string[] = [];
    recordPaths(nock(base), [() => [200, envelope(ev(1, 2), 1, 2)], () => [200, envelope([], 2, 2)]], seen);
    expect(await getAll(client(), events, undefined, { pageSize: 2 })).toEqual(ev(1, 2));
    expect(seen).toEqual(['/event/events?pageSize=2&currentPage=1', '/event/events?pageSize=2&currentPage=2']);
  });

  it('limit < pageSize: asks for exactly limit items, once', async () => {
    const seen: string[] = [];
    recordPaths(nock(base), [() => [200, envelope(ev(1, 3), 1, 3)]], seen);
    expect(await getAll(client(), events, { source: '42' }, { limit: 3, pageSize: 100 })).toEqual(ev(1, 3));
    expect(seen).toEqual(['/event/events?source=42&pageSize=3&currentPage=1']);
  });

  it('limit a multiple of pageSize: stops without asking for another page', async () => {
    const seen: string[] = [];
    recordPaths(nock(base), [() => [200, envelope(ev(1, 5), 1, 5)], () => [200, envelope(ev(6, 10), 2, 5)]], seen);
    expect(await getAll(client(), events, undefined, { limit: 10, pageSize: 5 })).toEqual(ev(1, 10));
    expect(seen).toEqual(['/event/events?pageSize=5&currentPage=1', '/event/events?pageSize=5&currentPage=2']);
  });

  it('trims the last page to limit', async () => {
    nock(base).get('/event/events?pageSize=4&currentPage=1').reply(200, envelope(ev(1, 4), 1, 4));
    nock(base).get('/event/events?pageSize=4&currentPage=2').reply(200, envelope(ev(5, 8), 2, 4));
    expect(await getAll(client(), events, undefined, { limit: 6, pageSize: 4 })).toEqual(ev(1, 6));
  });

  it('limit 0 sends nothing; limit null reads everything', async () => {
    expect(await getAll(client(), events, undefined, { limit: 0 })).toEqual([]);
    nock(base).get('/event/events?pageSize=1000&currentPage=1').reply(200, envelope(ev(1, 2), 1, 1000));
    expect(await getAll(client(), events, undefined, { limit: null })).toHaveLength(2);
  });

  it('starts at currentPage and uses the resource default page size; {tenantId} is filled in', async () => {
    const seen: string[] = [];
    recordPaths(nock(base), [() => [200, envelope(ev(1, 5), 3, 5, 'users')], () => [200, envelope(ev(6, 7), 4, 5, 'users')]], seen);
    expect(await getAll(client(), users, undefined, { currentPage: 3 })).toHaveLength(7);
    expect(seen).toEqual(['/user/t100/users?pageSize=5&currentPage=3', '/user/t100/users?pageSize=5&currentPage=4']);
  });

  it('sends the collection media type as Accept', async () => {
    nock(base, { reqheaders: { accept: 'application/vnd.com.nsn.cumulocity.eventcollection+json' } })
      .get('/event/events?pageSize=1000&currentPage=1')
      .reply(200, envelope([], 1, 1000));
    expect(await getAll(client(), events)).toEqual([]);
  });

  it('rejects bad paging options before sending anything', () => {
    expect(() => select(client(), events, undefined, { pageSize: 2001 })).toThrow(/pageSize: must be an integer from 1 to 2000/);
    expect(() => select(client(), events, undefined, { pageSize: 0 })).toThrow(/pageSize/);
    expect(() => select(client(), events, undefined, { limit: -1 })).toThrow(/limit/);
    expect(() => select(client(), events, undefined, { limit: 1.5 })).toThrow(/limit/);
    expect(() => select(client(), events, undefined, { workers: 0 })).toThrow(/workers: must be an integer ≥ 1/);
    expect(() => select(client(), events, undefined, { currentPage: 0 })).toThrow(/currentPage/);
    expect(() => select(client(), events, { after: '2025-01-01', dateFrom: '2025-01-02' })).toThrow(/'after' and 'dateFrom'/);
    expect(() => select(client(), events, { limit: 5 }, { limit: 6 })).toThrow(/'limit' is given both in the query and in the options/);
  });
});

describe('queries', () => {
  it('builds filters with the resource query spec (aliases, dates, ages)', async () => {
    const now = new Date('2025-06-15T12:00:00.000Z');
    nock(base)
      .get('/event/events?source=42&dateFrom=2025-06-14T12%3A00%3A00.000Z&revert=true&pageSize=1000&currentPage=1')
      .reply(200, envelope([], 1, 1000));
    await getAll(client(), events, { source: { id: '42' }, maxAge: '1d', ascending: true }, { now });
  });

  it('takes paging options from inside the filter object', async () => {
    nock(base).get('/event/events?type=x&pageSize=3&currentPage=2').reply(200, envelope(ev(1, 3), 2, 3));
    expect(await getAll(client(), events, { type: 'x', pageSize: 7, currentPage: 2, limit: 3 })).toEqual(ev(1, 3));
  });

  it('sends a raw expression as written (encoded); pageSize/currentPage in it become paging options', async () => {
    const seen: string[] = [];
    recordPaths(nock(base), [() => [200, envelope(ev(1, 1), 1, 50)]], seen);
    await getAll(client(), events, 'type=a b&text=x+y&pageSize=50');
    expect(seen).toEqual(['/event/events?type=a%20b&text=x%2By&pageSize=50&currentPage=1']);
  });
});

describe('pages, map and envelope checks', () => {
  it('byPage yields pages with items, statistics, pageNumber, self and next', async () => {
    nock(base)
      .get('/event/events?pageSize=2&currentPage=1')
      .reply(200, { ...envelope(ev(1, 2), 1, 2), next: `${base}/event/events?pageSize=2&currentPage=2` });
    nock(base).get('/event/events?pageSize=2&currentPage=2').reply(200, envelope([], 2, 2));
    const pages = [];
    for await (const page of select(client(), events, undefined, { pageSize: 2 }).byPage()) pages.push(page);
    expect(pages).toEqual([
      {
        items: ev(1, 2),
        statistics: { currentPage: 1, pageSize: 2, totalPages: undefined, totalElements: undefined },
        pageNumber: 1,
        offset: undefined,
        restricted: false,
        self: `${base}/event/events?pageSize=2&currentPage=1`,
        next: `${base}/event/events?pageSize=2&currentPage=2`,
      },
    ]);
  });

  it('map builds each item; asValues skips map', async () => {
    nock(base).get('/event/events?pageSize=1000&currentPage=1').times(2).reply(200, envelope(ev(1, 2), 1, 1000));
    const built = await getAll(client(), events, undefined, { map: (json) => ({ built: json.id }) });
    expect(built).toEqual([{ built: '1' }, { built: '2' }]);
    const map = jest.fn((json: Record<string, unknown>) => json);
    const ids = await select(client(), events, undefined, { asValues: 'id', map } as never).toArray();
    expect(ids).toEqual(['1', '2']);
    expect(map).not.toHaveBeenCalled();
  });

  it.each([
    ['the key is missing', { statistics: {} }, 'the event collection must have an array "events", got no such key'],
    ['the key is not an array', { events: { id: '1' } }, 'the event collection must have an array "events", got object'],
    ['the key is null', { events: null }, 'got null'],
    ['the reply is an array', [{ id: '1' }], 'the event collection must be a JSON object with "events", got an array'],
    ['the reply is empty', '', 'got undefined'],
  ])('a malformed envelope (%s) is a ResponseFormatError naming the resource and key', async (_case, body, message) => {
    nock(base).get('/event/events?pageSize=1000&currentPage=1').reply(200, body as never, { 'content-type': 'application/json' });
    const error = await getAll(client(), events).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'ResponseFormatError', method: 'GET', url: `${base}/event/events?pageSize=1000&currentPage=1` });
    expect((error as Error).message).toContain(message);
  });
});

describe('count', () => {
  it('uses pageSize=1&withTotalPages=true and reads statistics.totalPages', async () => {
    nock(base)
      .get('/event/events?type=T&pageSize=1&withTotalPages=true')
      .reply(200, { events: [{ id: '1' }], statistics: { currentPage: 1, pageSize: 1, totalPages: 1234 } });
    expect(await count(client(), events, { type: 'T' })).toBe(1234);
  });

  it('ignores paging options in the filter object', async () => {
    nock(base).get('/event/events?pageSize=1&withTotalPages=true').reply(200, { events: [], statistics: { totalPages: 0 } });
    expect(await count(client(), events, { limit: 10, pageSize: 50 })).toBe(0);
  });

  it('uses the dedicated count endpoint where there is one (a bare number, text or JSON)', async () => {
    nock(base).get('/alarm/alarms/count?status=ACTIVE%2CACKNOWLEDGED').reply(200, '38', { 'content-type': 'text/plain' });
    expect(await count(client(), alarms, { status: ['ACTIVE', 'ACKNOWLEDGED'] })).toBe(38);
    nock(base).get('/alarm/alarms/count?source=1').reply(200, '7', { 'content-type': 'application/json' });
    expect(await count(client(), alarms, { source: '1' })).toBe(7);
    nock(base).get('/alarm/alarms/count').reply(200, '{"n":1}', { 'content-type': 'application/json' });
    await expect(count(client(), alarms)).rejects.toMatchObject({ name: 'ResponseFormatError' });
  });

  it('without totals (restricted users): an error by default, or counts by reading every page', async () => {
    nock(base)
      .get('/event/events?pageSize=1&withTotalPages=true')
      .times(2)
      .reply(200, { events: [{ id: '1' }], statistics: { currentPage: 2, pageSize: 1, totalPages: null } });
    await expect(count(client(), events)).rejects.toMatchObject({
      name: 'ResponseFormatError',
      message: expect.stringContaining("withoutTotals: 'iterate'"),
    });
    nock(base).get('/event/events?pageSize=2000&currentPage=1').reply(200, { events: ev(1, 3), statistics: { currentPage: 1, pageSize: 2000 } });
    expect(await count(client(), events, undefined, { withoutTotals: 'iterate' })).toBe(3);
  });
});
