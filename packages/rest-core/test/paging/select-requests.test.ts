import { describe, expect, it } from '@jest/globals';
import { isCumulocityError } from '../../src/index.js';
import { count, getAll, select, type PagedResource } from '../../src/paging/index.js';
import { defineQuery } from '../../src/query/index.js';
import { eventSpec } from '../fixtures/query-specs.js';
import { fakeClient } from './helpers.js';

const base = 'https://t100.example.com';
const anyFilters = defineQuery<Record<string, unknown>>({ resource: 'externalIds' });
const externalIdsType = 'application/vnd.com.nsn.cumulocity.externalidcollection+json';
const externalIds: PagedResource = {
  name: 'externalId',
  path: '/identity/globalIds/42/externalIds',
  collectionKey: 'externalIds',
  collectionMediaType: externalIdsType,
  paged: false,
  querySpec: anyFilters,
};
const ids = (count: number) => Array.from({ length: count }, (_, index) => ({ externalId: `serial-${index + 1}`, type: 'c8y_Serial' }));
const eventsType = 'application/vnd.com.nsn.cumulocity.eventcollection+json';
const events: PagedResource = { name: 'event', path: '/event/events', collectionKey: 'events', collectionMediaType: eventsType, querySpec: eventSpec };
const plainEvents: PagedResource = { name: 'event', path: '/event/events', collectionKey: 'events', querySpec: eventSpec };
const alarms: PagedResource = { name: 'alarm', path: '/alarm/alarms', collectionKey: 'alarms', countPath: '/alarm/alarms/count', querySpec: anyFilters };

/** What a promise rejected with, as the SDK error's name, message, method and URL. */
async function failure(promise: Promise<unknown>): Promise<{ name: string; message: string; method: string | undefined; url: string | undefined }> {
  const error = await promise.then(
    (value) => new Error(`expected a rejection, got ${String(JSON.stringify(value))}`),
    (caught: unknown) => caught,
  );
  if (!isCumulocityError(error)) throw new Error(`expected an SDK error, got ${String(error)}`);
  return { name: error.name, message: error.message, method: error.method, url: error.url };
}

// Pins a collection the API does not page: one request with exactly the caller's options, the page it yields, limit trimming, limit 0.
describe('a collection that is not paged', () => {
  it('one request without paging parameters, with the overrides, the media type and the signal; trimmed to limit', async () => {
    const { client, gets } = fakeClient(() => ({ externalIds: ids(3), self: `${base}/identity/globalIds/42/externalIds`, statistics: { pageSize: 5 } }));
    const signal = new AbortController().signal;
    const pages = [];
    for await (const page of select(client, externalIds, { type: 'c8y_Serial' }, { limit: 2, timeout: 5_000, headers: { 'X-Trace': '1' }, signal }).byPage()) pages.push(page);
    expect(pages).toStrictEqual([
      {
        items: ids(2),
        statistics: { currentPage: undefined, pageSize: 5, totalPages: undefined, totalElements: undefined },
        pageNumber: undefined,
        offset: undefined,
        restricted: false,
        self: `${base}/identity/globalIds/42/externalIds`,
        next: undefined,
      },
    ]);
    expect(gets).toHaveLength(1);
    expect(gets[0]).toStrictEqual({
      path: '/identity/globalIds/42/externalIds',
      options: { timeout: 5_000, headers: { 'X-Trace': '1' }, params: { type: 'c8y_Serial' }, accept: externalIdsType, signal },
    });
    expect(gets[0]?.options?.signal).toBe(signal);
  });

  it('without a media type, a signal or a limit: only the params, every item', async () => {
    const { client, gets } = fakeClient(() => ({ externalIds: ids(3) }));
    const { collectionMediaType: _type, ...plain } = externalIds;
    expect(await getAll(client, plain)).toEqual(ids(3));
    expect(await getAll(client, plain, undefined, { limit: null })).toEqual(ids(3));
    expect(gets).toStrictEqual([
      { path: '/identity/globalIds/42/externalIds', options: { params: {} } },
      { path: '/identity/globalIds/42/externalIds', options: { params: {} } },
    ]);
  });

  it('limit 0 sends nothing and yields no page', async () => {
    const { client, gets } = fakeClient(() => ({ externalIds: ids(3) }));
    const pages = [];
    for await (const page of select(client, externalIds, undefined, { limit: 0 }).byPage()) pages.push(page);
    expect(pages).toEqual([]);
    expect(await getAll(client, externalIds, { type: 'x', limit: 0 })).toEqual([]);
    expect(gets).toEqual([]);
  });

  it('an aborted signal rejects with its reason before any request, limit 0 included, as a paged read does', async () => {
    const { client, gets } = fakeClient(() => ({ externalIds: ids(3), events: [] }));
    const controller = new AbortController();
    const reason = new Error('stop');
    controller.abort(reason);
    for (const limit of [0, 2, undefined]) {
      await expect(getAll(client, externalIds, undefined, { limit, signal: controller.signal })).rejects.toBe(reason);
      await expect(getAll(client, plainEvents, undefined, { limit, signal: controller.signal })).rejects.toBe(reason);
    }
    expect(gets).toEqual([]);
  });

  it('a malformed reply is a ResponseFormatError naming the request with its query', async () => {
    const { client } = fakeClient(() => ({ externalId: [] }));
    expect(await failure(getAll(client, externalIds, { type: 'c8y_Serial' }))).toEqual({
      name: 'ResponseFormatError',
      message: `Unexpected reply: the externalId collection must have an array "externalIds", got no such key (GET ${base}/identity/globalIds/42/externalIds?type=c8y_Serial)`,
      method: 'GET',
      url: `${base}/identity/globalIds/42/externalIds?type=c8y_Serial`,
    });
  });
});

// Pins the unwrapping of reference collections and the exact error for an element without its item.
describe('a reference collection (itemKey)', () => {
  const children: PagedResource = { name: 'managedObjectReference', path: '/inventory/managedObjects/{tenantId}/childDevices', collectionKey: 'references', itemKey: 'managedObject', paged: false, querySpec: anyFilters };

  it('unwraps each element before map', async () => {
    const { client } = fakeClient(() => ({ references: [{ managedObject: { id: '7' } }, { managedObject: { id: '8' } }] }));
    expect(await getAll(client, children, undefined, { map: (json) => `#${String(json.id)}` })).toEqual(['#7', '#8']);
  });

  it.each([[{ self: 'x' }], [{ managedObject: '7' }], [{ managedObject: null }], [{ managedObject: ['7'] }]])('an element %j is a ResponseFormatError', async (element) => {
    const { client } = fakeClient(() => ({ references: [{ managedObject: { id: '7' } }, element] }));
    expect(await failure(getAll(client, children))).toEqual({
      name: 'ResponseFormatError',
      message: `Unexpected reply: each element of 'references' should hold a 'managedObject' object (GET ${base}/inventory/managedObjects/t100/childDevices)`,
      method: 'GET',
      url: `${base}/inventory/managedObjects/t100/childDevices`,
    });
  });
});

// Pins count on a dedicated endpoint: the exact request options, which bodies are counts, and the error for the others.
describe('count on a count endpoint', () => {
  it('asks for text with the overrides and the signal; a bare number with whitespace is the count', async () => {
    const { client, gets } = fakeClient(() => ' 38\n');
    const signal = new AbortController().signal;
    expect(await count(client, alarms, { status: 'ACTIVE' }, { signal, timeout: 1_000, params: { withSourceAssets: false } })).toBe(38);
    expect(await count(client, alarms)).toBe(38);
    expect(gets).toStrictEqual([
      {
        path: '/alarm/alarms/count',
        options: { params: { status: 'ACTIVE', withSourceAssets: false }, accept: 'text/plain, application/json', responseType: 'text', timeout: 1_000, signal },
      },
      { path: '/alarm/alarms/count', options: { params: {}, accept: 'text/plain, application/json', responseType: 'text' } },
    ]);
    expect(gets[0]?.options?.signal).toBe(signal);
  });

  it.each([
    ['x7', '"x7"'],
    ['7x', '"7x"'],
    ['7 x', '"7 x"'],
    ['x 7', '"x 7"'],
    ['-1', '"-1"'],
    ['1.5', '"1.5"'],
    ['', '""'],
    ['{"count":3}', '"{\\"count\\":3}"'],
    [38, '"38"'],
    [null, '"null"'],
    [`${'9'.repeat(99)}x${'9'.repeat(50)}`, `"${'9'.repeat(99)}x"`],
  ])('a reply %j is a ResponseFormatError', async (body, quoted) => {
    const { client } = fakeClient(() => body);
    expect(await failure(count(client, alarms, { status: 'ACTIVE' }))).toEqual({
      name: 'ResponseFormatError',
      message: `Unexpected reply: a count must be a non-negative integer, got ${quoted} (GET ${base}/alarm/alarms/count?status=ACTIVE)`,
      method: 'GET',
      url: `${base}/alarm/alarms/count?status=ACTIVE`,
    });
  });
});

// Pins count by statistics: the exact request options, totalPages or totalElements, and the errors naming the request.
describe('count by statistics', () => {
  it('asks for one item with the totals, with the media type, the overrides and the signal', async () => {
    const { client, gets } = fakeClient(() => ({ events: [], statistics: { totalPages: 12 } }));
    const signal = new AbortController().signal;
    expect(await count(client, events, { type: 'x' }, { signal, headers: { 'X-Trace': '1' } })).toBe(12);
    expect(await count(client, plainEvents)).toBe(12);
    expect(gets).toStrictEqual([
      { path: '/event/events', options: { params: { type: 'x', pageSize: 1, withTotalPages: true }, accept: eventsType, headers: { 'X-Trace': '1' }, signal } },
      { path: '/event/events', options: { params: { pageSize: 1, withTotalPages: true } } },
    ]);
  });

  it('countBy totalElements asks withTotalElements and reads totalElements', async () => {
    const { client, gets } = fakeClient(() => ({ events: [], statistics: { totalPages: 3, totalElements: 25 } }));
    expect(await count(client, { ...plainEvents, countBy: 'totalElements' }, { type: 'x' })).toBe(25);
    expect(gets).toStrictEqual([{ path: '/event/events', options: { params: { type: 'x', pageSize: 1, withTotalElements: true } } }]);
  });

  it.each([
    ['totalPages', { totalPages: -1, totalElements: 5 }],
    ['totalPages', { totalPages: 2.5 }],
    ['totalPages', { totalPages: null }],
    ['totalElements', { totalPages: 5, totalElements: -1 }],
    ['totalElements', { totalPages: 5, totalElements: null }],
  ])('no usable statistics.%s: a ResponseFormatError naming the request', async (key, statistics) => {
    const { client } = fakeClient(() => ({ events: [], statistics }));
    const resource = key === 'totalElements' ? { ...plainEvents, countBy: 'totalElements' as const } : plainEvents;
    const flag = key === 'totalElements' ? 'withTotalElements' : 'withTotalPages';
    expect(await failure(count(client, resource, { type: 'x' }))).toEqual({
      name: 'ResponseFormatError',
      message: `Unexpected reply: no statistics.${key} in the reply (users with only inventory roles get no totals; pass withoutTotals: 'iterate' to count by reading every page) (GET ${base}/event/events?type=x&pageSize=1&${flag}=true)`,
      method: 'GET',
      url: `${base}/event/events?type=x&pageSize=1&${flag}=true`,
    });
  });

  it('a malformed reply is a ResponseFormatError naming the count request', async () => {
    const { client } = fakeClient(() => ({ statistics: { totalPages: 1 } }));
    expect(await failure(count(client, plainEvents, { type: 'x' }))).toEqual({
      name: 'ResponseFormatError',
      message: `Unexpected reply: the event collection must have an array "events", got no such key (GET ${base}/event/events?type=x&pageSize=1&withTotalPages=true)`,
      method: 'GET',
      url: `${base}/event/events?type=x&pageSize=1&withTotalPages=true`,
    });
  });
});
