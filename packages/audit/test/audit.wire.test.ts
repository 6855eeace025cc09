import { describe, expect, it } from '@jest/globals';
import { AuditRecord, Change } from '@c8y/model';
import nock from 'nock';
import { AuditRecords } from '../src/index.js';
import { BASE, expectInvalid, mt, testClient, useNock } from './helpers.js';

// The exact requests AuditRecords sends (paths, query strings, headers, bodies) and what it makes of the replies.

useNock();
const audit = () => new AuditRecords(testClient());
const now = new Date('2025-06-15T12:00:00.000Z');
const collection = (items: object[], pageSize: number, currentPage = 1, statistics: object = {}) => ({
  self: `${BASE}/audit/auditRecords?pageSize=${pageSize}&currentPage=${currentPage}`,
  auditRecords: items,
  statistics: { pageSize, currentPage, ...statistics },
});
const record = (id: string, extra: object = {}) => ({
  id,
  type: 'Alarm',
  activity: 'Alarm updated',
  text: `record ${id}`,
  user: 'admin',
  application: 'cockpit',
  severity: 'MAJOR',
  time: '2025-06-15T10:00:00.000Z',
  creationTime: '2025-06-15T10:00:00.123Z',
  source: { id: '42' },
  ...extra,
});

describe('reading audit records', () => {
  it('getAll: typed filters become the REST parameters; items are AuditRecord objects with typed changes', async () => {
    nock(BASE, { reqheaders: { accept: mt('auditrecordcollection') } })
      .get('/audit/auditRecords')
      .query({ source: '42', type: 'Alarm', user: 'admin', application: 'cockpit', dateFrom: '2025-06-14T12:00:00.000Z', dateTo: '2025-06-15T00:00:00.000Z', pageSize: '50', currentPage: '1' })
      .reply(200, collection([record('1', { changes: [{ attribute: 'status', changeType: 'REPLACED', previousValue: 'ACTIVE', newValue: 'CLEARED', type: 'com.cumulocity.model.event.CumulocityAlarmStatuses' }] }), record('2')], 50));
    const found = await audit().getAll(
      { source: { id: '42' }, type: 'Alarm', user: 'admin', application: 'cockpit', maxAge: '1d', before: '2025-06-15', limit: 50 },
      { now },
    );
    expect(found.map((item) => item instanceof AuditRecord)).toEqual([true, true]);
    const [first, second] = found;
    expect([first?.id, first?.activity, first?.text, first?.user, first?.application, first?.severity, first?.source, first?.creationTime]).toEqual([
      '1', 'Alarm updated', 'record 1', 'admin', 'cockpit', 'MAJOR', '42', '2025-06-15T10:00:00.123Z',
    ]);
    const [change] = first?.changes ?? [];
    expect(change).toBeInstanceOf(Change);
    expect([change?.attribute, change?.changeType, change?.previousValue, change?.newValue, change?.type]).toEqual([
      'status', 'REPLACED', 'ACTIVE', 'CLEARED', 'com.cumulocity.model.event.CumulocityAlarmStatuses',
    ]);
    expect(second?.changes).toEqual([]);
  });

  it('select pages through the collection; asValues gives values, not objects', async () => {
    nock(BASE)
      .get('/audit/auditRecords')
      .query({ type: 'Operation', pageSize: '2', currentPage: '1' })
      .reply(200, collection([record('1'), record('2', { activity: 'Operation created' })], 2))
      .get('/audit/auditRecords')
      .query({ type: 'Operation', pageSize: '2', currentPage: '2' })
      .reply(200, collection([record('3')], 2, 2));
    const rows: unknown[] = [];
    for await (const row of audit().select({ type: 'Operation' }, { pageSize: 2, asValues: ['id', 'activity'] })) rows.push(row);
    expect(rows).toEqual([
      ['1', 'Alarm updated'],
      ['2', 'Operation created'],
      ['3', 'Alarm updated'],
    ]);
  });

  it('options.params adds parameters the filters do not name; undocumented filters are refused before any request', async () => {
    nock(BASE).get('/audit/auditRecords').query({ user: 'rina', custom: 'x', pageSize: '1000', currentPage: '1' }).reply(200, collection([], 1000));
    expect(await audit().getAll({ user: 'rina' }, { params: { custom: 'x' } })).toEqual([]);
    await expectInvalid(audit().getAll({ revert: true } as never), 'revert', /not a parameter of GET \/audit\/auditRecords/);
    await expectInvalid(audit().getAll({ ascending: true } as never), 'ascending');
    await expectInvalid(audit().getAll({ source: {} } as never), 'source');
  });

  it('count: one page of one record with withTotalPages, read from the statistics', async () => {
    nock(BASE, { reqheaders: { accept: mt('auditrecordcollection') } })
      .get('/audit/auditRecords')
      .query({ source: '42', type: 'Alarm', pageSize: '1', withTotalPages: 'true' })
      .reply(200, collection([record('1')], 1, 1, { totalPages: 17 }));
    expect(await audit().count({ source: '42', type: 'Alarm' })).toBe(17);
  });

  it('get: the id is path-encoded and the reply becomes an AuditRecord', async () => {
    nock(BASE, { reqheaders: { accept: mt('auditrecord') } })
      .get('/audit/auditRecords/a%2F..%2Fb')
      .reply(200, record('a/../b'));
    const found = await audit().get('a/../b');
    expect(found).toBeInstanceOf(AuditRecord);
    expect(found.id).toBe('a/../b');
  });

  it('get refuses an empty id before any request', async () => {
    await expectInvalid(audit().get(''), 'id');
  });
});

describe('writing audit records', () => {
  it('create: POST with the audit record media type; source as an object, time from "now"', async () => {
    let body: unknown;
    nock(BASE, { reqheaders: { 'content-type': mt('auditrecord'), accept: mt('auditrecord') } })
      .post('/audit/auditRecords', (sent: unknown) => {
        body = sent;
        return true;
      })
      .reply(201, record('100', { type: 'Inventory', activity: 'Firmware update', text: 'v2 installed' }));
    const created = await audit().create({ type: 'Inventory', activity: 'Firmware update', text: 'v2 installed', source: { id: '42' }, time: now });
    expect(body).toEqual({ type: 'Inventory', activity: 'Firmware update', text: 'v2 installed', source: { id: '42' }, time: '2025-06-15T12:00:00.000Z' });
    expect(created).toBeInstanceOf(AuditRecord);
    expect(created.id).toBe('100');
  });

  it('create many: one POST each, results in input order', async () => {
    nock(BASE)
      .post('/audit/auditRecords', (sent: { text?: string }) => sent.text === 'a')
      .reply(201, record('1', { text: 'a' }))
      .post('/audit/auditRecords', (sent: { text?: string }) => sent.text === 'b')
      .reply(201, record('2', { text: 'b' }));
    const init = (text: string) => ({ type: 'Inventory', activity: 'Test', text, source: '42', time: now });
    const created = await audit().create([init('a'), init('b')], { workers: 2 });
    expect(created.map((item) => [item.id, item.text])).toEqual([
      ['1', 'a'],
      ['2', 'b'],
    ]);
  });

  it('create refuses a record without its mandatory fields before any request (no interceptor: a request would fail the test)', async () => {
    await expectInvalid(audit().create({ type: 'Inventory', text: 'no activity', source: '42', time: now }), 'item.activity', /is required/);
  });

  it('publishes no update and no delete: audit records are immutable', () => {
    const api = audit() as unknown as Record<string, unknown>;
    expect([api['update'], api['applyTo'], api['delete'], api['deleteBy'], api['getLast']]).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });
});
