import { describe, expect, it } from '@jest/globals';
import { BulkOperation, Operation } from '@c8y/model';
import { isCumulocityError, type BulkError } from '@c8y/rest-core';
import nock from 'nock';
import { BulkOperations, Operations } from '../src/index.js';
import { BASE, expectInvalid, mt, recordingClient, sent, testClient, useNock } from './helpers.js';

// The exact requests Operations and BulkOperations send (paths, query strings, headers, bodies)
// and what they make of the replies.

useNock();
const operations = () => new Operations(testClient());
const bulkOperations = () => new BulkOperations(testClient());
const now = new Date('2025-06-15T12:00:00.000Z');
const EPOCH = '1970-01-01T00:00:00.000Z';
const page = (key: string, items: object[], pageSize: number, currentPage = 1, extra: object = {}) => ({
  self: `${BASE}/devicecontrol/${key.toLowerCase()}?pageSize=${pageSize}&currentPage=${currentPage}`,
  [key]: items,
  statistics: { pageSize, currentPage, ...extra },
});
const operation = (id: string, extra: object = {}) => ({ id, deviceId: '42', status: 'PENDING', description: `op ${id}`, creationTime: '2025-06-15T11:00:00.000Z', ...extra });
const bulk = (id: string, extra: object = {}) => ({
  id,
  groupId: '5',
  status: 'ACTIVE',
  generalStatus: 'EXECUTING',
  progress: { pending: 1, executing: 1, successful: 2, failed: 0, all: 4 },
  operationPrototype: { c8y_Restart: {} },
  ...extra,
});

describe('reading operations', () => {
  it('getAll: typed filters become the REST parameters; items are Operation objects', async () => {
    nock(BASE, { reqheaders: { accept: mt('operationcollection') } })
      .get('/devicecontrol/operations')
      .query({
        deviceId: '42',
        agentId: '7',
        bulkOperationId: '3',
        status: 'PENDING',
        fragmentType: 'c8y_Restart',
        dateFrom: '2025-06-14T12:00:00.000Z',
        pageSize: '100',
        currentPage: '1',
      })
      .reply(200, page('operations', [operation('1'), operation('2')], 100));
    const found = await operations().getAll(
      { deviceId: { id: '42' }, agentId: '7', bulkOperationId: { id: '3' }, status: 'PENDING', fragment: 'c8y_Restart', maxAge: '1d', limit: 100 },
      { now },
    );
    expect(found.map((item) => item instanceof Operation)).toEqual([true, true]);
    expect(found.map((item) => [item.id, item.status, item.deviceId])).toEqual([
      ['1', 'PENDING', '42'],
      ['2', 'PENDING', '42'],
    ]);
  });

  it('select with asValues and ascending: false gives tuples, newest first (revert=true), page by page', async () => {
    nock(BASE)
      .get('/devicecontrol/operations')
      .query({ deviceId: '42', revert: 'true', pageSize: '2', currentPage: '1' })
      .reply(200, page('operations', [operation('9'), operation('8', { status: 'FAILED' })], 2))
      .get('/devicecontrol/operations')
      .query({ deviceId: '42', revert: 'true', pageSize: '2', currentPage: '2' })
      .reply(200, page('operations', [], 2, 2));
    const rows: unknown[] = [];
    for await (const row of operations().select({ deviceId: '42', ascending: false }, { pageSize: 2, asValues: ['id', 'status', ['failureReason', '-']] })) rows.push(row);
    expect(rows).toEqual([
      ['9', 'PENDING', '-'],
      ['8', 'FAILED', '-'],
    ]);
  });

  it('get: the id is path-encoded and the reply becomes an Operation', async () => {
    nock(BASE, { reqheaders: { accept: mt('operation') } })
      .get('/devicecontrol/operations/a%2F..%2Fb')
      .reply(200, operation('a/../b'));
    const found = await operations().get('a/../b');
    expect(found).toBeInstanceOf(Operation);
    expect(found.id).toBe('a/../b');
  });

  it('getLast: newest first (revert=true) over a range from 1970, the OAS applies revert only to range queries', async () => {
    nock(BASE)
      .get('/devicecontrol/operations')
      .query({ deviceId: '42', dateFrom: EPOCH, revert: 'true', pageSize: '1', currentPage: '1' })
      .reply(200, page('operations', [operation('9')], 1));
    nock(BASE)
      .get('/devicecontrol/operations')
      .query({ deviceId: '43', dateFrom: EPOCH, revert: 'true', pageSize: '1', currentPage: '1' })
      .reply(200, page('operations', [], 1));
    expect((await operations().getLast({ deviceId: '42' }))?.id).toBe('9');
    expect(await operations().getLast({ deviceId: '43' })).toBeUndefined();
  });

  it('getLast keeps the caller range (no 1970 bound added next to after/maxAge/before)', async () => {
    nock(BASE)
      .get('/devicecontrol/operations')
      .query({ dateFrom: '2025-06-14T12:00:00.000Z', revert: 'true', pageSize: '1', currentPage: '1' })
      .reply(200, page('operations', [operation('5')], 1))
      .get('/devicecontrol/operations')
      .query({ dateTo: '2025-01-01T00:00:00.000Z', revert: 'true', pageSize: '1', currentPage: '1' })
      .reply(200, page('operations', [operation('4')], 1));
    expect((await operations().getLast({ maxAge: '1d' }, { now }))?.id).toBe('5');
    expect((await operations().getLast({ before: '2025-01-01' }))?.id).toBe('4');
  });

  it('getLast and deleteBy on the wire byte for byte: the 1970 range first, then the filters, revert, extra params, paging', async () => {
    nock(BASE).get('/devicecontrol/operations').query(true).times(4).reply(200, page('operations', [], 1));
    nock(BASE).delete('/devicecontrol/operations').query(true).reply(204);
    const api = new Operations(recordingClient());
    await api.getLast({ deviceId: '42', status: 'PENDING', fragmentType: 'c8y_Restart' });
    await api.getLast({ maxAge: '1d' }, { now });
    await api.getLast({ deviceId: '42' }, { params: { x: 1 } });
    await api.getLast({ dateFrom: undefined, deviceId: '1' });
    await api.deleteBy({ deviceId: '42', status: 'PENDING' });
    const operations = `${BASE}/devicecontrol/operations`;
    expect(sent).toEqual([
      `GET ${operations}?dateFrom=1970-01-01T00%3A00%3A00.000Z&deviceId=42&status=PENDING&fragmentType=c8y_Restart&revert=true&pageSize=1&currentPage=1`,
      `GET ${operations}?dateFrom=2025-06-14T12%3A00%3A00.000Z&revert=true&pageSize=1&currentPage=1`,
      `GET ${operations}?dateFrom=1970-01-01T00%3A00%3A00.000Z&deviceId=42&revert=true&x=1&pageSize=1&currentPage=1`,
      // before: a dateFrom of undefined unset the 1970 bound, and revert went out without a range (ignored: oldest first)
      `GET ${operations}?dateFrom=1970-01-01T00%3A00%3A00.000Z&deviceId=1&revert=true&pageSize=1&currentPage=1`,
      `DELETE ${operations}?deviceId=42&status=PENDING`,
    ]);
  });

  it('count: one request of one item with withTotalPages (the API has no count endpoint)', async () => {
    nock(BASE, { reqheaders: { accept: mt('operationcollection') } })
      .get('/devicecontrol/operations')
      .query({ deviceId: '42', status: 'EXECUTING', pageSize: '1', withTotalPages: 'true' })
      .reply(200, page('operations', [operation('1')], 1, 1, { totalPages: 17 }));
    await expect(operations().count({ deviceId: '42', status: 'EXECUTING' })).resolves.toBe(17);
  });

  it('call options reach every request: headers and the extra params escape hatch', async () => {
    nock(BASE, { reqheaders: { 'x-trace': 'abc' } })
      .get('/devicecontrol/operations')
      .query({ status: 'PENDING', cx_extra: 'yes', pageSize: '1000', currentPage: '1' })
      .reply(200, page('operations', [operation('1')], 1000));
    expect(await operations().getAll({ status: 'PENDING' }, { headers: { 'X-Trace': 'abc' }, params: { cx_extra: 'yes' } })).toHaveLength(1);
  });

  it('refuses, before any request: an undocumented key, a bound given twice, a clash with params', async () => {
    await expectInvalid(operations().getAll({ source: '42' } as never), 'source', /not a parameter of GET \/devicecontrol\/operations/);
    await expectInvalid(operations().getAll({ after: '2025-01-01', dateFrom: '2025-01-02' }), 'dateFrom', /set the same parameter/);
    await expectInvalid(operations().getAll({ status: 'PENDING' }, { params: { status: 'FAILED' } }), 'params.status', /also set by the filters/);
  });
});

describe('creating operations and moving them through their states', () => {
  it('create: plain input goes through the Operation class (deviceId from an object) and comes back as an Operation', async () => {
    nock(BASE, { reqheaders: { 'content-type': mt('operation'), accept: mt('operation') } })
      .post('/devicecontrol/operations', { deviceId: '42', description: 'Restart', c8y_Restart: {} })
      .reply(201, operation('100', { description: 'Restart', c8y_Restart: {} }));
    const created = await operations().create({ deviceId: { id: '42' }, description: 'Restart', c8y_Restart: {} });
    expect(created).toBeInstanceOf(Operation);
    expect([created.id, created.status]).toEqual(['100', 'PENDING']);
  });

  it('create many: one per device, input order, workers; every bad element named before anything is sent', async () => {
    await expectInvalid(
      operations().create([
        { deviceId: '1', c8y_Restart: {} },
        { deviceId: '2', status: 'DONE' as never },
      ]),
      'items[1].status',
    );
    nock(BASE)
      .post('/devicecontrol/operations', { deviceId: '1', c8y_Restart: {} })
      .reply(201, operation('11', { deviceId: '1' }))
      .post('/devicecontrol/operations', { deviceId: '2', c8y_Restart: {} })
      .reply(201, operation('12', { deviceId: '2' }));
    const created = await operations().create(
      ['1', '2'].map((deviceId) => ({ deviceId, c8y_Restart: {} })),
      { workers: 2 },
    );
    expect(created.map((item) => [item.id, item.deviceId])).toEqual([
      ['11', '1'],
      ['12', '2'],
    ]);
  });

  it('a failed element of a bulk create comes back in one BulkError with the others written', async () => {
    nock(BASE)
      .post('/devicecontrol/operations', { deviceId: '1', c8y_Restart: {} })
      .reply(201, operation('11', { deviceId: '1' }))
      .post('/devicecontrol/operations', { deviceId: 'gone', c8y_Restart: {} })
      .reply(422, { error: 'devicecontrol/Invalid Data', message: 'unknown device' });
    const error = await operations()
      .create([{ deviceId: '1', c8y_Restart: {} }, { deviceId: 'gone', c8y_Restart: {} }])
      .catch((thrown: unknown) => thrown);
    expect(isCumulocityError(error, 'BulkError')).toBe(true);
    const bulkError = error as BulkError;
    expect(bulkError.failures.map((failure) => failure.index)).toEqual([1]);
  });

  it('update: status transitions PENDING → EXECUTING → FAILED with a reason; only the changes are sent', async () => {
    nock(BASE, { reqheaders: { 'content-type': mt('operation'), accept: mt('operation') } })
      .put('/devicecontrol/operations/1', { status: 'EXECUTING' })
      .reply(200, operation('1', { status: 'EXECUTING' }))
      .put('/devicecontrol/operations/1', { status: 'FAILED', failureReason: 'busy' })
      .reply(200, operation('1', { status: 'FAILED', failureReason: 'busy' }));
    const executing = await operations().update({ id: '1', status: 'EXECUTING' });
    expect(executing.status).toBe('EXECUTING');
    executing.status = 'FAILED';
    executing.failureReason = 'busy';
    const failed = await operations().update(executing);
    expect([failed.status, failed.failureReason]).toEqual(['FAILED', 'busy']);
  });

  it('update refuses what an operation cannot change, before any request', async () => {
    const loaded = Operation.fromJSON(testClient(), operation('2'));
    loaded.deviceId = '43';
    await expectInvalid(operations().update(loaded), 'item.deviceId', /cannot be changed/);
    await expectInvalid(operations().update({ status: 'SUCCESSFUL' } as never), 'item.id', /expected an id/);
    await expectInvalid(operations().update({ id: '1', status: 'DONE' as never }), 'item.status');
  });

  it('applyTo: one status change, rendered once, to many operations (ids path-encoded)', async () => {
    nock(BASE)
      .put('/devicecontrol/operations/11', { status: 'SUCCESSFUL' })
      .reply(200, operation('11', { status: 'SUCCESSFUL' }))
      .put('/devicecontrol/operations/1%2F2', { status: 'SUCCESSFUL' })
      .reply(200, operation('1/2', { status: 'SUCCESSFUL' }));
    const changed = await operations().applyTo({ status: 'SUCCESSFUL' }, ['11', { id: '1/2' }], { workers: 2 });
    expect(changed.map((item) => [item.id, item.status])).toEqual([
      ['11', 'SUCCESSFUL'],
      ['1/2', 'SUCCESSFUL'],
    ]);
  });
});

describe('deleting operations by filter', () => {
  it('deleteBy: one DELETE with the documented filters', async () => {
    nock(BASE)
      .delete('/devicecontrol/operations')
      .query({ agentId: '7', deviceId: '42', status: 'PENDING', dateTo: '2025-01-01T00:00:00.000Z' })
      .reply(204);
    await operations().deleteBy({ agentId: { id: '7' }, deviceId: '42', status: 'PENDING', before: '2025-01-01' });
  });

  it('deleteBy refuses, before any request: filters the DELETE does not document, and no filter', async () => {
    await expectInvalid(operations().deleteBy({ bulkOperationId: '3' } as never), 'bulkOperationId', /not a parameter of DELETE \/devicecontrol\/operations/);
    await expectInvalid(operations().deleteBy({ fragmentType: 'c8y_Restart' } as never), 'fragmentType');
    await expectInvalid(operations().deleteBy({}), 'query', /non-empty filter is required/);
  });
});

describe('bulk operations', () => {
  it('getAll: paging only; items are BulkOperation objects with their progress figures', async () => {
    nock(BASE, { reqheaders: { accept: mt('bulkoperationcollection') } })
      .get('/devicecontrol/bulkoperations')
      .query({ pageSize: '1000', currentPage: '1' })
      .reply(200, page('bulkOperations', [bulk('1'), bulk('2', { generalStatus: 'SUCCESSFUL' })], 1000));
    const all = await bulkOperations().getAll();
    expect(all.map((item) => item instanceof BulkOperation)).toEqual([true, true]);
    expect(all.map((item) => [item.id, item.generalStatus, item.progress?.successful])).toEqual([
      ['1', 'EXECUTING', 2],
      ['2', 'SUCCESSFUL', 2],
    ]);
  });

  it('select with asValues reads progress paths', async () => {
    nock(BASE)
      .get('/devicecontrol/bulkoperations')
      .query({ pageSize: '5', currentPage: '1' })
      .reply(200, page('bulkOperations', [bulk('1')], 5));
    const rows: unknown[] = [];
    for await (const row of bulkOperations().select(undefined, { pageSize: 5, asValues: ['id', 'progress.successful', 'progress.all'] })) rows.push(row);
    expect(rows).toEqual([['1', 2, 4]]);
  });

  it('select refuses any filter: the listing documents none', async () => {
    await expectInvalid(bulkOperations().getAll({ groupId: '5' } as never), 'groupId', /not a parameter of GET \/devicecontrol\/bulkoperations/);
  });

  it('get: id path-encoded, media type', async () => {
    nock(BASE, { reqheaders: { accept: mt('bulkoperation') } })
      .get('/devicecontrol/bulkoperations/7%3F')
      .reply(200, bulk('7?'));
    expect((await bulkOperations().get('7?')).progress).toEqual({ pending: 1, executing: 1, successful: 2, failed: 0, all: 4 });
  });

  it('create: plain input through the BulkOperation class (groupId from an object, startDate as UTC ISO)', async () => {
    nock(BASE, { reqheaders: { 'content-type': mt('bulkoperation'), accept: mt('bulkoperation') } })
      .post('/devicecontrol/bulkoperations', {
        groupId: '5',
        startDate: '2025-06-15T12:00:00.000Z',
        creationRamp: 10,
        operationPrototype: { description: 'Restart', c8y_Restart: {} },
      })
      .reply(201, bulk('9', { generalStatus: 'SCHEDULED' }));
    const created = await bulkOperations().create({ groupId: { id: '5' }, startDate: now, creationRamp: 10, operationPrototype: { description: 'Restart', c8y_Restart: {} } });
    expect(created).toBeInstanceOf(BulkOperation);
    expect([created.id, created.generalStatus]).toEqual(['9', 'SCHEDULED']);
  });

  it('create refuses, before any request, neither or both of groupId and failedParentId', async () => {
    await expectInvalid(bulkOperations().create({ operationPrototype: { c8y_Restart: {} } }), 'item.groupId', /exactly one of groupId or failedParentId/);
    await expectInvalid(bulkOperations().create({ groupId: '5', failedParentId: '3', operationPrototype: {} }), 'item.groupId', /got both/);
  });

  it('update: the schedule changes, only what changed; read-only progress is refused', async () => {
    nock(BASE, { reqheaders: { 'content-type': mt('bulkoperation') } })
      .put('/devicecontrol/bulkoperations/9', { creationRamp: 30 })
      .reply(200, bulk('9', { creationRamp: 30 }));
    expect((await bulkOperations().update({ id: '9', creationRamp: 30 })).creationRamp).toBe(30);
    const loaded = BulkOperation.fromJSON(testClient(), bulk('9'));
    expect(() => loaded.set('progress', {})).toThrow(/read-only/);
  });

  it('applyTo: one change to many bulk operations', async () => {
    nock(BASE)
      .put('/devicecontrol/bulkoperations/1', { creationRamp: 5 })
      .reply(200, bulk('1', { creationRamp: 5 }))
      .put('/devicecontrol/bulkoperations/2', { creationRamp: 5 })
      .reply(200, bulk('2', { creationRamp: 5 }));
    const changed = await bulkOperations().applyTo({ creationRamp: 5 }, ['1', '2']);
    expect(changed.map((item) => item.creationRamp)).toEqual([5, 5]);
  });

  it('delete: cancels one or many by id (path-encoded)', async () => {
    nock(BASE).delete('/devicecontrol/bulkoperations/9').reply(204).delete('/devicecontrol/bulkoperations/a%2Fb').reply(204);
    await bulkOperations().delete('9');
    await bulkOperations().delete([{ id: 'a/b' }]);
  });
});

describe('what the API does not offer is not there', () => {
  it('operations: no delete by id, no updateBy; bulk operations: no count, getLast or by-filter calls', () => {
    const ops = operations() as unknown as Record<string, unknown>;
    expect(ops['delete']).toBeUndefined();
    expect(ops['updateBy']).toBeUndefined();
    for (const name of ['get', 'select', 'getAll', 'getLast', 'count', 'create', 'update', 'applyTo', 'deleteBy']) expect(typeof ops[name]).toBe('function');
    const bulks = bulkOperations() as unknown as Record<string, unknown>;
    for (const name of ['count', 'getLast', 'deleteBy', 'updateBy']) expect(bulks[name]).toBeUndefined();
    for (const name of ['get', 'select', 'getAll', 'create', 'update', 'applyTo', 'delete']) expect(typeof bulks[name]).toBe('function');
  });
});
