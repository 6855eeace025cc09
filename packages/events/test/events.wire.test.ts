import { describe, expect, it } from '@jest/globals';
import { isCumulocityError, type BulkError } from '@c8y/rest-core';
import nock from 'nock';
import { Event, Events } from '../src/index.js';
import { BASE, expectInvalid, mt, testClient, useNock } from './helpers.js';

// The exact requests Events sends (paths, query strings, headers, bodies) and what it makes of the replies.

useNock();
const events = () => new Events(testClient());
const now = new Date('2025-06-15T12:00:00.000Z');
const collection = (items: object[], pageSize: number, currentPage = 1, extra: object = {}) => ({
  self: `${BASE}/event/events?pageSize=${pageSize}&currentPage=${currentPage}`,
  events: items,
  statistics: { pageSize, currentPage, ...extra },
});
const event = (id: string, extra: object = {}) => ({ id, type: 'cx_T', text: `event ${id}`, time: '2025-06-15T11:00:00.000Z', source: { id: '42' }, ...extra });
const init = (type: string) => ({ type, text: type, source: '42', time: now });

describe('reading events', () => {
  it('getAll: typed filters become the REST parameters; items are Event objects', async () => {
    nock(BASE, { reqheaders: { accept: mt('eventcollection') } })
      .get('/event/events')
      .query({
        source: '42',
        type: 'c8y_LocationUpdate',
        fragmentType: 'c8y_Status',
        fragmentValue: 'OK',
        withSourceChildren: 'true',
        dateFrom: '2025-06-14T12:00:00.000Z',
        createdFrom: '2025-01-01T00:00:00.000Z',
        lastUpdatedTo: '2025-06-15T12:00:00.000Z',
        pageSize: '100',
        currentPage: '1',
      })
      .reply(200, collection([event('1'), event('2')], 100));
    const found = await events().getAll(
      {
        source: { id: '42' },
        type: 'c8y_LocationUpdate',
        fragmentType: 'c8y_Status',
        fragmentValue: 'OK',
        withSourceChildren: true,
        maxAge: '1d',
        createdAfter: '2025-01-01',
        updatedBefore: 'now',
        limit: 100,
      },
      { now },
    );
    expect(found.map((item) => item instanceof Event)).toEqual([true, true]);
    expect(found.map((item) => [item.id, item.text, item.source])).toEqual([
      ['1', 'event 1', '42'],
      ['2', 'event 2', '42'],
    ]);
  });

  it('ascending: true is sent as revert=true (oldest first for events); pages keep server order under workers', async () => {
    nock(BASE)
      .get('/event/events')
      .query({ source: '42', dateFrom: '2025-01-01T00:00:00.000Z', revert: 'true', pageSize: '2', currentPage: '1' })
      .delay(30)
      .reply(200, collection([event('1'), event('2')], 2))
      .get('/event/events')
      .query({ source: '42', dateFrom: '2025-01-01T00:00:00.000Z', revert: 'true', pageSize: '2', currentPage: '2' })
      .reply(200, collection([event('3')], 2, 2));
    const ids = await events().getAll({ source: '42', after: '2025-01-01', ascending: true }, { pageSize: 2, workers: 2, asValues: 'id' });
    expect(ids).toEqual(['1', '2', '3']);
  });

  it('select with asValues gives tuples with defaults, not objects', async () => {
    nock(BASE)
      .get('/event/events')
      .query({ type: 'a', pageSize: '1000', currentPage: '1' })
      .reply(200, collection([event('1', { c8y_Position: { lat: 1 } }), event('2')], 1000));
    const rows: unknown[] = [];
    for await (const row of events().select({ type: 'a' }, { asValues: ['id', ['c8y_Position.lat', null]] })) rows.push(row);
    expect(rows).toEqual([
      ['1', 1],
      ['2', null],
    ]);
  });

  it('get: the id is path-encoded and the reply becomes an Event', async () => {
    nock(BASE, { reqheaders: { accept: mt('event') } })
      .get('/event/events/a%2F..%2Fb')
      .reply(200, event('a/../b'));
    const found = await events().get('a/../b');
    expect(found).toBeInstanceOf(Event);
    expect(found.id).toBe('a/../b');
  });

  it('getLast: one request for one item, newest first (revert=false), or undefined', async () => {
    nock(BASE).get('/event/events').query({ source: '42', type: 'x', revert: 'false', pageSize: '1', currentPage: '1' }).reply(200, collection([event('9')], 1));
    nock(BASE).get('/event/events').query({ source: '43', revert: 'false', pageSize: '1', currentPage: '1' }).reply(200, collection([], 1));
    expect((await events().getLast({ source: '42', type: 'x' }))?.id).toBe('9');
    expect(await events().getLast({ source: '43' })).toBeUndefined();
  });

  it('count: one pageSize=1&withTotalPages=true request with the filters', async () => {
    nock(BASE, { reqheaders: { accept: mt('eventcollection') } })
      .get('/event/events')
      .query({ source: '42', type: 'x', pageSize: '1', withTotalPages: 'true' })
      .reply(200, collection([event('1')], 1, 1, { totalPages: 17 }));
    await expect(events().count({ source: '42', type: 'x' })).resolves.toBe(17);
  });

  it('refuses, before any request: undocumented keys, withSource* without source, fragmentValue without fragmentType, two names for one parameter', async () => {
    await expectInvalid(events().getAll({ status: 'ACTIVE' } as never), 'status', /not a parameter of GET \/event\/events/);
    await expectInvalid(events().getAll({ withSourceAssets: true }), 'withSourceAssets', /needs 'source'/);
    await expectInvalid(events().count({ fragmentValue: 'x' }), 'fragmentValue', /needs 'fragmentType'/);
    await expectInvalid(events().getAll({ after: '2025-01-01', maxAge: '1d' }), 'maxAge', /same parameter 'dateFrom'/);
    await expectInvalid(events().getAll({ type: 'x' }, { params: { type: 'y' } }), 'params.type', /also set by the filters/);
  });
});

describe('creating, changing and deleting events', () => {
  it('create: plain input goes through the Event class (time, source converted) and comes back as an Event', async () => {
    nock(BASE, { reqheaders: { 'content-type': mt('event'), accept: mt('event') } })
      .post('/event/events', { type: 'cx_DoorOpened', text: 'Door opened', source: { id: '42' }, time: '2025-06-15T12:00:00.000Z', cx_Door: { id: 3 } })
      .reply(201, event('100', { type: 'cx_DoorOpened' }));
    const created = await events().create({ type: 'cx_DoorOpened', text: 'Door opened', source: { id: '42' }, time: now, cx_Door: { id: 3 } });
    expect(created).toBeInstanceOf(Event);
    expect(created.id).toBe('100');
  });

  it('create many: input order under workers; every bad element named before anything is sent', async () => {
    await expectInvalid(
      events().create([init('a'), { type: 'b', source: '42', time: now }, { type: 'c', text: 'c', source: '42', time: 'yesterday' }]),
      'items[1].text',
      /2 of 3 elements are invalid, nothing was sent: .*items\[1\]\.text.*items\[2\]\.time/,
    );

    nock(BASE)
      .post('/event/events')
      .times(3)
      .reply(201, (_uri, body) => {
        const json = JSON.parse(String(body)) as { type: string };
        return { ...json, id: `id-${json.type}` };
      });
    const created = await events().create(['a', 'b', 'c'].map(init), { workers: 3 });
    expect(created.map((item) => item.id)).toEqual(['id-a', 'id-b', 'id-c']);
  });

  it('a failed bulk create names the element that failed; the others are Event objects in results', async () => {
    nock(BASE).post('/event/events', (body: { type: string }) => body.type === 'ok').reply(201, event('1'));
    nock(BASE).post('/event/events', (body: { type: string }) => body.type === 'bad').reply(422, { error: 'event/Invalid', message: 'nope' });
    const error = (await events()
      .create([init('ok'), init('bad')])
      .catch((thrown: unknown) => thrown)) as BulkError;
    expect(isCumulocityError(error, 'BulkError')).toBe(true);
    expect(error.failures.map((failure) => [failure.index, isCumulocityError(failure.error, 'ValidationError')])).toEqual([[1, true]]);
    expect(error.results[0]).toBeInstanceOf(Event);
  });

  it('update: plain JSON names its target by id; a model object sends only its changes; type/source/time cannot change', async () => {
    nock(BASE, { reqheaders: { 'content-type': mt('event') } })
      .put('/event/events/1', { text: 'changed' })
      .reply(200, event('1', { text: 'changed' }))
      .put('/event/events/2', { cx_Checked: { by: 'me' } })
      .reply(200, event('2', { cx_Checked: { by: 'me' } }));
    expect((await events().update({ id: '1', text: 'changed' })).text).toBe('changed');
    const loaded = Event.fromJSON(testClient(), event('2'));
    loaded.set('cx_Checked', { by: 'me' });
    const [second] = await events().update([loaded]);
    expect(second?.get('cx_Checked.by')).toBe('me');

    const moved = Event.fromJSON(testClient(), event('3'));
    moved.source = '43';
    await expectInvalid(events().update(moved), 'item.source', /cannot be changed/);
    await expectInvalid(events().update({ text: 'x' } as never), 'item.id', /expected an id/);
  });

  it('applyTo: one change, rendered once, to many events', async () => {
    nock(BASE)
      .put('/event/events/11', { cx_Seen: {} })
      .reply(200, event('11'))
      .put('/event/events/12', { cx_Seen: {} })
      .reply(200, event('12'));
    const changed = await events().applyTo({ cx_Seen: {} }, ['11', { id: '12' }], { workers: 2 });
    expect(changed.map((item) => item.id)).toEqual(['11', '12']);
  });

  it('delete: one or many by id (path-encoded); failures of many in one BulkError', async () => {
    nock(BASE).delete('/event/events/a%2Fb').reply(204);
    await events().delete('a/b');

    nock(BASE).delete('/event/events/1').reply(204).delete('/event/events/2').reply(404, { error: 'event/Not Found', message: 'gone' }).delete('/event/events/3').reply(204);
    const error = (await events()
      .delete(['1', { id: '2' }, 3], { workers: 3 })
      .catch((thrown: unknown) => thrown)) as BulkError;
    expect(error.failures.map((failure) => [failure.index, isCumulocityError(failure.error, 'NotFoundError')])).toEqual([[1, true]]);
    expect(error.succeeded).toEqual([0, 2]);
    await expectInvalid(events().delete(['1', '']), 'targets[1]', /expected an id/);
  });

  it('deleteBy: one DELETE with the filters the endpoint documents; an empty filter is refused', async () => {
    nock(BASE)
      .delete('/event/events')
      .query({ source: '42', type: 'cx_Heartbeat', fragmentType: 'c8y_IsBinary', dateTo: '2025-01-01T00:00:00.000Z', createdFrom: '2024-01-01T00:00:00.000Z' })
      .reply(204);
    await events().deleteBy({ source: '42', type: 'cx_Heartbeat', fragmentType: 'c8y_IsBinary', before: '2025-01-01', createdAfter: '2024-01-01' });
    await expectInvalid(events().deleteBy({ updatedBefore: 'now' } as never), 'updatedBefore', /not a parameter of DELETE \/event\/events/);
    await expectInvalid(events().deleteBy({ source: '1', withSourceDevices: true } as never), 'withSourceDevices', /not a parameter of DELETE/);
    await expectInvalid(events().deleteBy({}), 'query', /non-empty filter is required/);
  });
});

describe('attachments', () => {
  it('createAttachment: a multipart POST to the event binaries (object part with name and type, file part)', async () => {
    let received = '';
    nock(BASE, { reqheaders: { 'content-type': /^multipart\/form-data; boundary=/ } })
      .post('/event/events/a%2Fb/binaries', (body: unknown) => {
        received = String(body);
        return true;
      })
      .reply(201, { name: 'log.txt', type: 'text/plain', source: 'a/b', self: `${BASE}/event/events/a%2Fb/binaries` });
    const info = await events().createAttachment({ id: 'a/b' }, 'log line', { filename: 'log.txt', contentType: 'text/plain' });
    expect(info).toMatchObject({ name: 'log.txt', type: 'text/plain' });
    expect(received).toMatch(/name="object"[\s\S]*"name":"log\.txt"[\s\S]*"type":"text\/plain"/);
    expect(received).toMatch(/name="file"; filename="log\.txt"[\s\S]*log line/);
  });

  it('createAttachment on an event that has one is a ConflictError (use updateAttachment)', async () => {
    nock(BASE).post('/event/events/7/binaries').reply(409, { error: 'Duplicate', message: 'Attachment already exists' });
    const error = await events()
      .createAttachment('7', 'x')
      .catch((thrown: unknown) => thrown);
    expect(isCumulocityError(error, 'ConflictError')).toBe(true);
  });

  it('updateAttachment: a PUT with the raw bytes, their content type and the file name', async () => {
    nock(BASE, { reqheaders: { 'content-type': 'application/json', 'content-disposition': /attachment; filename="data\.json"/ } })
      .put('/event/events/7/binaries', '{"a":1}')
      .reply(201, { name: 'data.json', type: 'application/json', source: '7' });
    const info = await events().updateAttachment(7, new TextEncoder().encode('{"a":1}'), { filename: 'data.json', contentType: 'application/json' });
    expect(info).toMatchObject({ name: 'data.json' });
  });

  it('downloadAttachment streams, readAttachment reads the bytes; both with the file name', async () => {
    const headers = { 'content-type': 'text/plain', 'content-disposition': 'attachment; filename="log.txt"' };
    nock(BASE).get('/event/events/7/binaries').twice().reply(200, 'log line', headers);
    const download = await events().downloadAttachment('7');
    expect(download.filename).toBe('log.txt');
    expect(await new Response(download.body).text()).toBe('log line');
    const read = await events().readAttachment({ id: '7' });
    expect([new TextDecoder().decode(read.bytes), read.filename, read.contentType]).toEqual(['log line', 'log.txt', 'text/plain']);
  });

  it('deleteAttachment: DELETE of the binaries; a missing attachment is a NotFoundError', async () => {
    nock(BASE).delete('/event/events/7/binaries').reply(204).delete('/event/events/8/binaries').reply(404, { error: 'Not Found', message: 'Attachment not found' });
    await events().deleteAttachment('7');
    const error = await events()
      .deleteAttachment('8')
      .catch((thrown: unknown) => thrown);
    expect(isCumulocityError(error, 'NotFoundError')).toBe(true);
  });

  it('an unusable event id is refused before any request', async () => {
    await expectInvalid(events().createAttachment('', 'x'), 'event', /expected an id/);
    await expectInvalid(events().downloadAttachment({} as never), 'event', /object without an id/);
    await expectInvalid(events().deleteAttachment(-1), 'event', /expected an id/);
  });
});

describe('what the API does not offer is not there', () => {
  it('no updateBy (the API has no PUT by filter)', () => {
    const api = events() as unknown as Record<string, unknown>;
    expect(api['updateBy']).toBeUndefined();
    expect(api['setStatusBy']).toBeUndefined();
    expect(typeof api['delete']).toBe('function');
  });
});
