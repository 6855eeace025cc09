import { describe, expect, it } from '@jest/globals';
import nock from 'nock';
import { defineQuery, defineResourceApi, InvalidInputError, isCumulocityError, type DateRangeFilters, type IdLike, type JsonObject, type OrderFilters, type RestClient } from '../../src/index.js';
import { assertType, type Equal } from '../helpers/type-assertions.js';
import { base, recordingClient, requests, useNockWire } from '../bulk/helpers.js';

// What a resource declares besides its collection query: the specs of single operations
// (`queries`: narrower filters of count and by-filter calls, the query parameters of GET and
// DELETE by id given as options), the class plain changes are built with (`change`), and the
// engine's `update(change, ids)` and `getLast` over a range — so a context needs no glue.

useNockWire();

interface ThingInit {
  [key: string]: unknown;
  name?: string;
}

/** Like `Device`: a new thing gets a marker fragment the server needs on create. */
class Thing {
  readonly json: JsonObject;
  constructor(
    readonly client?: RestClient,
    init: ThingInit = {},
  ) {
    if (init.name !== undefined && typeof init.name !== 'string') throw new InvalidInputError('must be a string', { path: 'name' });
    this.json = { x_IsThing: {}, ...(init as JsonObject) };
  }
  static fromJSON(client: RestClient | undefined, json: JsonObject): Thing {
    const thing = new Thing(client);
    Object.assign(thing.json, json);
    return thing;
  }
  get id(): string | undefined {
    return typeof this.json.id === 'string' ? this.json.id : undefined;
  }
  toCreateJSON(): JsonObject {
    return { ...this.json };
  }
  toUpdateJSON(): JsonObject {
    const { id: _id, ...rest } = this.json;
    return rest;
  }
}

/** A change: exactly what the caller wrote, validated like a thing. */
class ThingChange {
  readonly json: JsonObject;
  constructor(_client?: RestClient, init: ThingInit = {}) {
    if (init.name !== undefined && typeof init.name !== 'string') throw new InvalidInputError('must be a string', { path: 'name' });
    this.json = { ...(init as JsonObject) };
  }
  toUpdateJSON(): JsonObject {
    return { ...this.json };
  }
}

interface ThingFilters extends DateRangeFilters, OrderFilters {
  source?: IdLike;
  kind?: string;
  color?: string;
}
type ThingDeleteFilters = Omit<ThingFilters, 'color' | 'revert' | 'ascending'>;
type ThingCountFilters = Pick<ThingFilters, 'source'>;
interface GetFlags {
  withParents?: boolean;
  withChildren?: boolean;
  withLatestValues?: boolean;
}
interface DeleteFlags {
  cascade?: boolean;
  withDeviceUser?: boolean;
}

const things = { name: 'thing', path: '/things/{tenantId}/items', collectionKey: 'things', mediaType: 'application/vnd.thing+json' };
const thingQuery = defineQuery<ThingFilters>({
  resource: 'GET /things',
  ranges: ['time'],
  ids: ['source'],
  ascendingRevert: false,
  revertNeedsRange: true,
  parameters: ['source', 'kind', 'color', 'dateFrom', 'dateTo', 'revert'],
});
const thingDeleteQuery = defineQuery<ThingDeleteFilters>({ resource: 'DELETE /things', ranges: ['time'], ids: ['source'], parameters: ['source', 'kind', 'dateFrom', 'dateTo'] });
const thingCountQuery = defineQuery<ThingCountFilters>({ resource: 'GET /things/count', ids: ['source'], parameters: ['source'] });
const getFlags = defineQuery<GetFlags>({
  resource: 'GET /things/{id}',
  flags: ['withParents', 'withChildren', 'withLatestValues'],
  parameters: ['withParents', 'withChildren', 'withLatestValues'],
});
const deleteFlags = defineQuery<DeleteFlags>({ resource: 'DELETE /things/{id}', flags: ['cascade', 'withDeviceUser'], parameters: ['cascade', 'withDeviceUser'] });

/** The whole context: a declaration. */
class Things extends defineResourceApi({
  resource: things,
  query: thingQuery,
  item: Thing,
  change: ThingChange,
  queries: { get: getFlags, delete: deleteFlags, count: thingCountQuery, deleteBy: thingDeleteQuery },
  operations: ['get', 'getAll', 'getLast', 'count', 'create', 'update', 'applyTo', 'delete', 'deleteBy'],
}) {}

/** The same resource without the extras: the item class builds changes, no option parameters. */
class PlainThings extends defineResourceApi({ resource: things, query: thingQuery, item: Thing, operations: ['get', 'update', 'applyTo', 'delete'] }) {}

const urls = () => requests.map((request) => `${request.method} ${new URL(request.url).pathname}${new URL(request.url).search}`);
/** Records the JSON bodies nock receives, in order. */
const bodies: unknown[] = [];
const recordBody = (body: unknown) => bodies.push(body) > 0;
const item = { id: '5', name: 'a' };
const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error as InvalidInputError);

describe('queries.get / queries.delete: the query parameters of GET and DELETE by id as options', () => {
  it('get: the declared options become parameters in the order of the spec, after the caller’s params; the rest stay call options', async () => {
    nock(base, { reqheaders: { 'x-trace': '1' } }).get('/things/t100/items/a%2Fb').query(true).reply(200, item);
    const found = await new Things(recordingClient()).get('a/b', { withLatestValues: true, withChildren: false, withParents: true, params: { extra: 'y' }, headers: { 'X-Trace': '1' } });
    expect(found).toBeInstanceOf(Thing);
    expect(urls()).toEqual(['GET /things/t100/items/a%2Fb?extra=y&withParents=true&withChildren=false&withLatestValues=true']);
  });

  it('delete: the flags go with every request of a bulk delete', async () => {
    nock(base).delete(/\/things\/t100\/items\/\d/).query(true).times(2).reply(204);
    await new Things(recordingClient()).delete(['6', { id: '7' }], { workers: 1, withDeviceUser: true, cascade: true });
    expect(urls()).toEqual(['DELETE /things/t100/items/6?cascade=true&withDeviceUser=true', 'DELETE /things/t100/items/7?cascade=true&withDeviceUser=true']);
  });

  it('without declared options given, the call options pass untouched (params as written)', async () => {
    nock(base).get('/things/t100/items/1').query(true).reply(200, item).delete('/things/t100/items/1').query(true).reply(204);
    const api = new Things(recordingClient());
    await api.get('1', { params: new URLSearchParams('a=1&a=2') });
    await api.delete('1', { withDeviceUser: undefined });
    expect(urls()).toEqual(['GET /things/t100/items/1?a=1&a=2', 'DELETE /things/t100/items/1']);
  });

  it('refuses before any request: a value that is not a boolean, a parameter given twice', async () => {
    const api = new Things(recordingClient());
    const bad = await failure(api.get('1', { withParents: 'yes' as never }));
    expect([bad?.path, bad?.message]).toEqual(['withParents', 'withParents: expected true or false, got "yes"']);
    const twice = await failure(api.delete(['1', '2'], { cascade: true, params: { cascade: false } }));
    expect([twice?.path, twice?.message]).toEqual(['params.cascade', "params.cascade: is also set by the option 'cascade': give it once"]);
    expect(requests).toHaveLength(0);
  });

  it('a resource without the spec offers no such options (compile time) and sends none', async () => {
    nock(base).get('/things/t100/items/1').reply(200, item);
    // @ts-expect-error PlainThings declares no query parameters for get
    await new PlainThings(recordingClient()).get('1', { withParents: true });
    expect(urls()).toEqual(['GET /things/t100/items/1']);
  });

  it('a spec of options must list its parameters (they name the options it takes)', () => {
    const loose = defineQuery<GetFlags>({ resource: 'GET /loose/{id}' });
    const declare = () => new (defineResourceApi({ resource: things, query: thingQuery, item: Thing, queries: { get: loose }, operations: ['get'] }))(recordingClient());
    expect(declare).toThrow(/GET \/loose\/\{id\}: a spec of call options must list its 'parameters'/);
  });
});

describe('queries.count / queries.deleteBy: narrower filters, typed', () => {
  it('count and deleteBy take the filters of their own spec', async () => {
    nock(base).get('/things/t100/items').query({ source: '42', pageSize: '1', withTotalPages: 'true' }).reply(200, { things: [], statistics: { totalPages: 3 } });
    nock(base).delete('/things/t100/items').query({ source: '42', kind: 'old' }).reply(204);
    const api = new Things(recordingClient());
    await expect(api.count({ source: '42' })).resolves.toBe(3);
    await api.deleteBy({ source: { id: '42' }, kind: 'old' });
    // @ts-expect-error the count endpoint documents no kind
    const undocumented = await failure(api.count({ kind: 'x' }));
    expect(undocumented?.message).toMatch(/kind: is not a parameter of GET \/things\/count/);
    // @ts-expect-error the DELETE documents no color
    expect((await failure(api.deleteBy({ color: 'red' })))?.path).toBe('color');
  });

  it('the operations are typed by the specs', () => {
    const api = new Things(recordingClient());
    assertType<Equal<Parameters<typeof api.count>[0], ThingCountFilters | string | undefined>>();
    assertType<Equal<Parameters<typeof api.deleteBy>[0], ThingDeleteFilters | string>>();
    expect(typeof api.count).toBe('function');
  });
});

describe('update(change, ids) and the change class', () => {
  it('update(change, ids) is applyTo: one change, rendered once, sent to every target', async () => {
    nock(base).put(/\/things\/t100\/items\/\d+/).times(4).reply(200, (uri) => ({ id: uri.split('/').at(-1), name: 'b' }));
    const api = new Things(recordingClient());
    const many = await api.update({ name: 'b' }, ['11', '12'], { workers: 1 });
    expect(many.map((thing) => [thing instanceof Thing, thing.id])).toEqual([
      [true, '11'],
      [true, '12'],
    ]);
    expect((await api.update({ name: 'b' }, { id: '13' })).id).toBe('13');
    expect((await api.update({ name: 'b' }, 14)).id).toBe('14');
    expect(urls()).toEqual(['PUT /things/t100/items/11', 'PUT /things/t100/items/12', 'PUT /things/t100/items/13', 'PUT /things/t100/items/14']);
    assertType<Equal<typeof many, Thing[]>>();
  });

  it('plain changes are built with the change class: no item defaults on PUT; create still uses the item class', async () => {
    bodies.length = 0;
    nock(base).put(/\/things\/t100\/items\/\d+/, recordBody).times(4).reply(200, item);
    nock(base).post('/things/t100/items', recordBody).reply(201, item);
    const api = new Things(recordingClient());
    await api.update({ id: '1', name: 'one' });
    await api.update([{ id: '2', name: 'two' }], { workers: 1 });
    await api.update({ name: 'three' }, '3');
    await api.applyTo({ name: 'four' }, '4');
    await api.create({ name: 'new' });
    expect(bodies).toEqual([{ name: 'one' }, { name: 'two' }, { name: 'three' }, { name: 'four' }, { x_IsThing: {}, name: 'new' }]);
  });

  it('without a change class the item class builds changes (its defaults included)', async () => {
    bodies.length = 0;
    nock(base).put('/things/t100/items/1', recordBody).reply(200, item);
    await new PlainThings(recordingClient()).applyTo({ name: 'one' }, '1');
    expect(bodies).toEqual([{ x_IsThing: {}, name: 'one' }]);
  });

  it('a bad change is refused by the change class before any request, named by its place', async () => {
    const api = new Things(recordingClient());
    expect((await failure(api.update({ name: 1 as never }, ['1', '2'])))?.path).toBe('body.name');
    expect((await failure(api.update([{ id: '1', name: 2 as never }])))?.path).toBe('items[0].name');
    expect(requests).toHaveLength(0);
  });

  it('plain JSON without a target is not an update (compile time)', () => {
    const api = new Things(recordingClient());
    // @ts-expect-error no id and no targets
    void api.update({ name: 'x' }).catch(() => undefined);
    expect(isCumulocityError(new InvalidInputError('x'), 'InvalidInputError')).toBe(true);
  });
});

describe('getLast where revert needs a range', () => {
  it('the range from the epoch comes first on the wire; a range the caller gave (also by alias or age) is kept', async () => {
    nock(base).get('/things/t100/items').query(true).times(3).reply(200, { things: [item], statistics: { pageSize: 1, currentPage: 1 } });
    const api = new Things(recordingClient());
    expect((await api.getLast({ source: '1', kind: 'k' }))?.id).toBe('5');
    await api.getLast({ before: '2025-01-01', source: '1' });
    await api.getLast({ maxAge: '1d' }, { now: new Date('2025-06-15T12:00:00.000Z') });
    expect(urls()).toEqual([
      'GET /things/t100/items?dateFrom=1970-01-01T00%3A00%3A00.000Z&source=1&kind=k&revert=true&pageSize=1&currentPage=1',
      'GET /things/t100/items?dateTo=2025-01-01T00%3A00%3A00.000Z&source=1&revert=true&pageSize=1&currentPage=1',
      'GET /things/t100/items?dateFrom=2025-06-14T12%3A00%3A00.000Z&revert=true&pageSize=1&currentPage=1',
    ]);
  });

  it('a dateFrom or dateTo that is undefined or null is no range: the epoch range is still added (else revert would be ignored)', async () => {
    nock(base).get('/things/t100/items').query(true).times(2).reply(200, { things: [item], statistics: { pageSize: 1, currentPage: 1 } });
    const api = new Things(recordingClient());
    await api.getLast({ dateFrom: undefined, source: '1' });
    await api.getLast({ source: '1', dateFrom: null as never, dateTo: undefined });
    expect(urls()).toEqual([
      'GET /things/t100/items?dateFrom=1970-01-01T00%3A00%3A00.000Z&source=1&revert=true&pageSize=1&currentPage=1',
      'GET /things/t100/items?dateFrom=1970-01-01T00%3A00%3A00.000Z&source=1&revert=true&pageSize=1&currentPage=1',
    ]);
  });
});
