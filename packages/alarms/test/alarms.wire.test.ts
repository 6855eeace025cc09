import { describe, expect, it } from '@jest/globals';
import { Alarm } from '@c8y/model';
import { isCumulocityError, type BulkError } from '@c8y/rest-core';
import nock from 'nock';
import { Alarms } from '../src/index.js';
import { BASE, expectInvalid, mt, testClient, useNock } from './helpers.js';

// The exact requests Alarms sends (paths, query strings, headers, bodies) and what it makes of the replies.

useNock();
const alarms = () => new Alarms(testClient());
const now = new Date('2025-06-15T12:00:00.000Z');
const collection = (items: object[], pageSize: number, currentPage = 1) => ({
  self: `${BASE}/alarm/alarms?pageSize=${pageSize}&currentPage=${currentPage}`,
  alarms: items,
  statistics: { pageSize, currentPage },
});
const alarm = (id: string, extra: object = {}) => ({ id, type: 'cx_T', text: `alarm ${id}`, severity: 'MAJOR', status: 'ACTIVE', source: { id: '42' }, ...extra });

describe('reading alarms', () => {
  it('getAll: typed filters become the REST parameters; items are Alarm objects', async () => {
    nock(BASE, { reqheaders: { accept: mt('alarmcollection') } })
      .get('/alarm/alarms')
      .query({
        source: '42',
        status: 'ACTIVE,ACKNOWLEDGED',
        severity: 'MAJOR',
        dateFrom: '2025-06-14T12:00:00.000Z',
        createdFrom: '2025-01-01T00:00:00.000Z',
        pageSize: '100',
        currentPage: '1',
      })
      .reply(200, collection([alarm('1'), alarm('2')], 100));
    const found = await alarms().getAll(
      { source: { id: '42' }, status: ['ACTIVE', 'ACKNOWLEDGED'], severity: 'MAJOR', maxAge: '1d', createdAfter: '2025-01-01', limit: 100 },
      { now },
    );
    expect(found.map((item) => item instanceof Alarm)).toEqual([true, true]);
    expect(found.map((item) => [item.id, item.text, item.severity])).toEqual([
      ['1', 'alarm 1', 'MAJOR'],
      ['2', 'alarm 2', 'MAJOR'],
    ]);
  });

  it('select with asValues gives tuples, not objects; paging options may come as options', async () => {
    nock(BASE)
      .get('/alarm/alarms')
      .query({ type: 'a,b', pageSize: '2', currentPage: '1' })
      .reply(200, collection([alarm('1'), alarm('2', { text: 'two' })], 2))
      .get('/alarm/alarms')
      .query({ type: 'a,b', pageSize: '2', currentPage: '2' })
      .reply(200, collection([], 2, 2));
    const rows: unknown[] = [];
    for await (const row of alarms().select({ type: ['a', 'b'] }, { pageSize: 2, asValues: ['id', 'text', ['count', 0]] })) rows.push(row);
    expect(rows).toEqual([
      ['1', 'alarm 1', 0],
      ['2', 'two', 0],
    ]);
  });

  it('get: the id is path-encoded and the reply becomes an Alarm', async () => {
    nock(BASE, { reqheaders: { accept: mt('alarm') } })
      .get('/alarm/alarms/a%2F..%2Fb')
      .reply(200, alarm('a/../b'));
    const found = await alarms().get('a/../b');
    expect(found).toBeInstanceOf(Alarm);
    expect(found.id).toBe('a/../b');
  });

  it('get refuses a reply that is not an alarm object with a ResponseFormatError', async () => {
    nock(BASE).get('/alarm/alarms/7').reply(200, '[1,2]', { 'content-type': 'application/json' });
    const error = await alarms()
      .get('7')
      .catch((thrown: unknown) => thrown);
    expect(isCumulocityError(error, 'ResponseFormatError')).toBe(true);
    expect(String((error as Error).message)).toMatch(/expected a alarm object, got an array/);
  });

  it('getLast: one request for one item (newest first is the API order), or undefined', async () => {
    nock(BASE).get('/alarm/alarms').query({ source: '42', pageSize: '1', currentPage: '1' }).reply(200, collection([alarm('9')], 1));
    nock(BASE).get('/alarm/alarms').query({ source: '43', pageSize: '1', currentPage: '1' }).reply(200, collection([], 1));
    expect((await alarms().getLast({ source: '42' }))?.id).toBe('9');
    expect(await alarms().getLast({ source: '43' })).toBeUndefined();
  });

  it('call options reach every page request: headers and the extra params escape hatch', async () => {
    nock(BASE, { reqheaders: { 'x-trace': 'abc' } })
      .get('/alarm/alarms')
      .query({ status: 'ACTIVE', withFirstOccurrence: 'true', pageSize: '1000', currentPage: '1' })
      .reply(200, collection([alarm('1')], 1000));
    const found = await alarms().getAll({ status: 'ACTIVE' }, { headers: { 'X-Trace': 'abc' }, params: { withFirstOccurrence: true } });
    expect(found).toHaveLength(1);
  });

  it('refuses, before any request: an extra param that a filter also sets, an undocumented key, ascending', async () => {
    await expectInvalid(alarms().getAll({ status: 'ACTIVE' }, { params: { status: 'CLEARED' } }), 'params.status', /also set by the filters/);
    // JavaScript callers have no compile-time check: the documented parameter list is checked at run time.
    await expectInvalid(alarms().getAll({ tyep: 'x' } as never), 'tyep', /not a parameter of GET \/alarm\/alarms/);
    await expectInvalid(alarms().getAll({ ascending: true } as never), 'ascending', /no documented sort flag/);
    await expectInvalid(alarms().getAll({ withSourceAssets: true }), 'withSourceAssets', /needs 'source'/);
  });
});

describe('counting alarms', () => {
  it('uses the count endpoint and its parameters', async () => {
    nock(BASE).get('/alarm/alarms/count').query({ source: '42', status: 'ACTIVE', severity: 'CRITICAL,MAJOR' }).reply(200, '17', { 'content-type': 'text/plain' });
    await expect(alarms().count({ source: '42', status: 'ACTIVE', severity: ['CRITICAL', 'MAJOR'] })).resolves.toBe(17);
  });

  it('refuses creation and update ranges, which the count endpoint ignores', async () => {
    await expectInvalid(alarms().count({ createdAfter: '2025-01-01' } as never), 'createdAfter', /not a parameter of GET \/alarm\/alarms\/count: the platform would ignore it/);
    await expectInvalid(alarms().count({ updatedBefore: 'now' } as never), 'updatedBefore', /not a parameter/);
  });
});

describe('raising and changing alarms', () => {
  it('create: plain input goes through the Alarm class (time, source converted) and comes back as an Alarm', async () => {
    nock(BASE, { reqheaders: { 'content-type': mt('alarm'), accept: mt('alarm') } })
      .post('/alarm/alarms', { type: 'cx_TooHot', text: 'Too hot', severity: 'MAJOR', source: { id: '42' }, time: '2025-06-15T12:00:00.000Z' })
      .reply(201, alarm('100', { type: 'cx_TooHot' }));
    const created = await alarms().create({ type: 'cx_TooHot', text: 'Too hot', severity: 'MAJOR', source: { id: '42' }, time: now });
    expect(created).toBeInstanceOf(Alarm);
    expect(created.id).toBe('100');
  });

  it('create many: input order, workers, every bad element named before anything is sent', async () => {
    await expectInvalid(
      alarms().create([
        { type: 'a', text: 'a', severity: 'MAJOR', source: '1', time: now },
        { type: 'b', text: 'b', severity: 'HUGE' as never, source: '1', time: now },
        { type: 'c', text: 'c', severity: 'MINOR', source: '1', time: 'yesterday' },
      ]),
      'items[1].severity',
      /2 of 3 elements are invalid, nothing was sent: .*items\[1\]\.severity.*items\[2\]\.time/,
    );

    nock(BASE).post('/alarm/alarms').times(3).reply(201, (_uri, body) => {
      const json = JSON.parse(String(body)) as { type: string };
      return { ...json, id: `id-${json.type}` };
    });
    const created = await alarms().create(
      ['a', 'b', 'c'].map((type) => ({ type, text: type, severity: 'MINOR' as const, source: '1', time: now })),
      { workers: 3 },
    );
    expect(created.map((item) => item.id)).toEqual(['id-a', 'id-b', 'id-c']);
  });

  it('a failed bulk create reports which element failed; its results are Alarm objects', async () => {
    nock(BASE).post('/alarm/alarms', (body: { type: string }) => body.type === 'ok').reply(201, alarm('1'));
    nock(BASE).post('/alarm/alarms', (body: { type: string }) => body.type === 'bad').reply(422, { error: 'alarm/Invalid', message: 'nope' });
    const error = (await alarms()
      .create([
        { type: 'ok', text: 't', severity: 'MAJOR', source: '1', time: now },
        { type: 'bad', text: 't', severity: 'MAJOR', source: '1', time: now },
      ])
      .catch((thrown: unknown) => thrown)) as BulkError;
    expect(isCumulocityError(error, 'BulkError')).toBe(true);
    expect(error.failures.map((failure) => [failure.index, isCumulocityError(failure.error, 'ValidationError')])).toEqual([[1, true]]);
    expect(error.results[0]).toBeInstanceOf(Alarm);
    expect(error.succeeded).toEqual([0]);
  });

  it('update: plain JSON names its target by id and sends the rest; a model object sends only its changes', async () => {
    nock(BASE, { reqheaders: { 'content-type': mt('alarm') } })
      .put('/alarm/alarms/1', { severity: 'MINOR' })
      .reply(200, alarm('1', { severity: 'MINOR' }))
      .put('/alarm/alarms/2', { text: 'changed' })
      .reply(200, alarm('2', { text: 'changed' }));
    const updated = await alarms().update({ id: '1', severity: 'MINOR' });
    expect(updated.severity).toBe('MINOR');
    const loaded = Alarm.fromJSON(testClient(), alarm('2'));
    loaded.text = 'changed';
    const [second] = await alarms().update([loaded]);
    expect(second?.text).toBe('changed');
    expect(loaded.hasChanges()).toBe(true); // the caller's object is not modified
  });

  it('update refuses what an alarm cannot change, before any request', async () => {
    const loaded = Alarm.fromJSON(testClient(), alarm('2'));
    loaded.set('type', 'other');
    await expectInvalid(alarms().update(loaded), 'item.type', /cannot be changed/);
    await expectInvalid(alarms().update({ severity: 'MINOR' } as never), 'item.id', /expected an id/);
  });

  it('applyTo: one change, rendered once, to many alarms', async () => {
    nock(BASE)
      .put('/alarm/alarms/11', { status: 'ACKNOWLEDGED' })
      .reply(200, alarm('11', { status: 'ACKNOWLEDGED' }))
      .put('/alarm/alarms/12', { status: 'ACKNOWLEDGED' })
      .reply(200, alarm('12', { status: 'ACKNOWLEDGED' }));
    const changed = await alarms().applyTo({ status: 'ACKNOWLEDGED' }, ['11', { id: '12' }], { workers: 2 });
    expect(changed.map((item) => [item.id, item.status])).toEqual([
      ['11', 'ACKNOWLEDGED'],
      ['12', 'ACKNOWLEDGED'],
    ]);
  });
});

describe('server-side changes by filter', () => {
  it('setStatusBy: one PUT with the filters and the status; 200 done, 202 in the background', async () => {
    nock(BASE, { reqheaders: { 'content-type': mt('alarm') } })
      .put('/alarm/alarms', { status: 'CLEARED' })
      .query({ source: '42', status: 'ACTIVE', severity: 'WARNING' })
      .reply(200)
      .put('/alarm/alarms', { status: 'ACKNOWLEDGED' })
      .query({ source: '43' })
      .reply(202);
    await expect(alarms().setStatusBy({ source: '42', status: 'ACTIVE', severity: 'WARNING' }, 'CLEARED')).resolves.toEqual({ status: 200, inBackground: false });
    await expect(alarms().setStatusBy({ source: { id: '43' } }, 'ACKNOWLEDGED')).resolves.toEqual({ status: 202, inBackground: true });
  });

  it('setStatusBy refuses, before any request: a type filter (the PUT ignores it), no filter, a bad status', async () => {
    await expectInvalid(alarms().setStatusBy({ source: '42', type: 'x' } as never, 'CLEARED'), 'type', /not a parameter of PUT \/alarm\/alarms/);
    await expectInvalid(alarms().setStatusBy({}, 'CLEARED'), 'query', /non-empty filter is required/);
    await expectInvalid(alarms().setStatusBy({ source: '42' }, 'DONE' as never), 'status', /ACTIVE|one of/);
  });

  it('deleteBy: one DELETE with the filters; refuses an update range and an empty filter', async () => {
    nock(BASE)
      .delete('/alarm/alarms')
      .query({ source: '42', status: 'CLEARED', dateTo: '2025-01-01T00:00:00.000Z' })
      .reply(204);
    await alarms().deleteBy({ source: '42', status: 'CLEARED', before: '2025-01-01' });
    await expectInvalid(alarms().deleteBy({ updatedBefore: 'now' } as never), 'updatedBefore', /not a parameter of DELETE \/alarm\/alarms/);
    await expectInvalid(alarms().deleteBy({}), 'query', /non-empty filter is required/);
  });
});

describe('what the API does not offer is not there', () => {
  it('no delete by id, no updateBy with any body, no ascending', () => {
    const api = alarms() as unknown as Record<string, unknown>;
    expect(api['delete']).toBeUndefined();
    expect(api['updateBy']).toBeUndefined();
    expect(typeof api['setStatusBy']).toBe('function');
  });
});
