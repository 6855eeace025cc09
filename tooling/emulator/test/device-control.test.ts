import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { linkManagedObjects, seedManagedObjects, startEmulator, type Emulator } from '../src/index.js';
import { client, DATA_TENANTS, DEVICE, READER, vnd, type Json, type Page } from './device-data-helpers.js';

const O = '/devicecontrol/operations';
const BO = '/devicecontrol/bulkoperations';

describe('operations', () => {
  let emu: Emulator;
  let c: ReturnType<typeof client>;
  let dev: string;
  let dev2: string;
  beforeAll(async () => {
    emu = await startEmulator({ tenants: DATA_TENANTS });
    c = client(emu);
  });
  beforeEach(async () => {
    emu.reset();
    dev = await c.device({ name: 'Dev 1' });
    dev2 = await c.device({ name: 'Dev 2' });
  });
  afterAll(() => emu.stop());

  it('POST → 201 PENDING with server-set fields (status/failureReason in the body are ignored); 422 without deviceId or for an unknown device', async () => {
    emu.clock.set('2024-06-01T10:00:00.000Z');
    const res = await c.call('POST', O, { deviceId: dev, status: 'SUCCESSFUL', failureReason: 'x', description: 'Restart', c8y_Restart: {} }, { 'Content-Type': vnd('operation') });
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toBe(vnd('operation'));
    const op = (await res.json()) as Json;
    expect(op).toEqual({
      id: op.id,
      self: `${emu.url}${O}/${String(op.id)}`,
      deviceId: dev,
      status: 'PENDING',
      creationTime: '2024-06-01T10:00:00.000Z',
      description: 'Restart',
      c8y_Restart: {},
    });
    expect(await c.fail('POST', O, { c8y_Restart: {} })).toEqual({
      status: 422,
      body: expect.objectContaining({ error: 'undefined/validationError', message: 'Following mandatory fields should be included: deviceId' }),
    });
    expect((await c.fail('POST', O, { deviceId: '5555555' })).status).toBe(422);
  });

  it('PUT status transitions PENDING → EXECUTING → SUCCESSFUL | FAILED (+failureReason, custom fragments); missing or invalid status → 422', async () => {
    const op = await c.post(O, { deviceId: dev, c8y_Command: { text: 'ls' } });
    const url = `${O}/${String(op.id)}`;
    expect(await c.fail('PUT', url, { failureReason: 'x' })).toEqual({
      status: 422,
      body: expect.objectContaining({ error: 'undefined/validationError', message: 'Following mandatory fields should be included: status' }),
    });
    expect((await c.fail('PUT', url, { status: 'DONE' })).status).toBe(422);
    expect(await c.put(url, { status: 'EXECUTING', deviceId: 'ignored' })).toMatchObject({ status: 'EXECUTING', deviceId: dev });
    expect(await c.put(url, { status: 'SUCCESSFUL', c8y_Command: { text: 'ls', result: 'a b' } })).toMatchObject({
      status: 'SUCCESSFUL',
      c8y_Command: { text: 'ls', result: 'a b' },
    });
    const other = await c.post(O, { deviceId: dev, c8y_Restart: {} });
    await c.put(`${O}/${String(other.id)}`, { status: 'EXECUTING' });
    expect(await c.put(`${O}/${String(other.id)}`, { status: 'FAILED', failureReason: 'no power' })).toMatchObject({ status: 'FAILED', failureReason: 'no power' });
    expect(await c.get(url)).toMatchObject({ status: 'SUCCESSFUL' });
    expect(await c.fail('GET', `${O}/31337`)).toEqual({
      status: 404,
      body: expect.objectContaining({ error: 'devicecontrol/Not Found', message: "Finding device data from database failed : No operation for gid '31337'!" }),
    });
    expect(await c.status('DELETE', url)).toBe(405);
    const audits = await c.items('/audit/auditRecords?type=Operation&pageSize=20', 'auditRecords');
    expect(audits.map((a) => a.text)).toEqual(expect.arrayContaining(["Operation created: status='PENDING'", "Operation updated: status='FAILED'"]));
  });

  describe('collection', () => {
    let ids: Record<string, string>;
    let agent: string;
    beforeEach(async () => {
      agent = await c.device({ name: 'agent', com_cumulocity_model_Agent: {} });
      linkManagedObjects(emu, 't100', 'childDevices', agent, [dev2]);
      ids = {};
      emu.clock.set('2024-02-01T00:00:00.000Z');
      const add = async (name: string, body: Json) => {
        ids[name] = String((await c.post(O, body)).id);
        emu.clock.advance(1000);
      };
      await add('o1', { deviceId: dev, c8y_Restart: {} });
      await add('o2', { deviceId: dev2, c8y_Firmware: { version: '1' } });
      await add('o3', { deviceId: agent, c8y_Restart: {} });
      await add('o4', { deviceId: dev, c8y_Firmware: { version: '2' } });
      await c.put(`${O}/${String(ids.o2)}`, { status: 'EXECUTING' });
      await c.put(`${O}/${String(ids.o4)}`, { status: 'FAILED', failureReason: 'x' });
    });

    it('ascending ids by default, revert=true newest first, collection items carry deviceName', async () => {
      const res = await c.call('GET', `${O}?pageSize=10`);
      expect(res.headers.get('content-type')).toBe(vnd('operationcollection'));
      const page = (await res.json()) as Page;
      expect((page.operations as Json[]).map((o) => o.id)).toEqual([ids.o1, ids.o2, ids.o3, ids.o4]);
      expect((page.operations as Json[])[0]).toMatchObject({ deviceName: 'Dev 1' });
      expect((await c.get(`${O}/${String(ids.o1)}`)).deviceName).toBeUndefined();
      expect(await c.ids(`${O}?pageSize=10&revert=true`, 'operations')).toEqual([ids.o4, ids.o3, ids.o2, ids.o1]);
    });

    it('filters: deviceId, agentId (agent and its child devices, with deviceExternalIDs), status, fragmentType, dateFrom/dateTo', async () => {
      expect(await c.ids(`${O}?pageSize=10&deviceId=${dev}`, 'operations')).toEqual([ids.o1, ids.o4]);
      const byAgent = await c.items(`${O}?pageSize=10&agentId=${agent}`, 'operations');
      expect(byAgent.map((o) => o.id)).toEqual([ids.o2, ids.o3]);
      expect(byAgent[0]?.deviceExternalIDs).toEqual({ externalIds: [], self: `${emu.url}/identity/globalIds/${dev2}/externalIds` });
      expect(await c.ids(`${O}?pageSize=10&status=PENDING`, 'operations')).toEqual([ids.o1, ids.o3]);
      expect(await c.ids(`${O}?pageSize=10&status=EXECUTING`, 'operations')).toEqual([ids.o2]);
      expect(await c.ids(`${O}?pageSize=10&fragmentType=c8y_Firmware`, 'operations')).toEqual([ids.o2, ids.o4]);
      expect(await c.ids(`${O}?pageSize=10&dateFrom=2024-02-01T00:00:01.000Z&dateTo=2024-02-01T00:00:03.000Z`, 'operations')).toEqual([ids.o2, ids.o3]);
      expect((await c.fail('GET', `${O}?status=DONE`)).status).toBe(422);
    });

    it('DELETE by filter removes only matches', async () => {
      expect(await c.status('DELETE', `${O}?deviceId=${dev}&status=FAILED`)).toBe(204);
      expect(await c.ids(`${O}?pageSize=10`, 'operations')).toEqual([ids.o1, ids.o2, ids.o3]);
      expect(await c.status('DELETE', `${O}?agentId=${agent}`)).toBe(204);
      expect(await c.ids(`${O}?pageSize=10`, 'operations')).toEqual([ids.o1]);
      expect(await client(emu, READER).status('DELETE', `${O}?deviceId=${dev}`)).toBe(403);
    });
  });

  it('a device user polls and updates operations of its own device only', async () => {
    const [own] = seedManagedObjects(emu, 't100', [{ name: 'mine', c8y_IsDevice: {}, owner: 'device_abc' }]);
    const mine = await c.post(O, { deviceId: String(own), c8y_Restart: {} });
    const theirs = await c.post(O, { deviceId: dev, c8y_Restart: {} });
    const d = client(emu, DEVICE);
    expect(await d.ids(`${O}?deviceId=${String(own)}&status=PENDING`, 'operations')).toEqual([mine.id]);
    expect(await d.ids(`${O}?pageSize=10`, 'operations')).toEqual([mine.id]);
    expect(await d.put(`${O}/${String(mine.id)}`, { status: 'SUCCESSFUL' })).toMatchObject({ status: 'SUCCESSFUL' });
    expect(await d.status('PUT', `${O}/${String(theirs.id)}`, { status: 'SUCCESSFUL' })).toBe(403);
    expect(await d.status('POST', O, { deviceId: dev })).toBe(403);
  });
});

describe('bulk operations', () => {
  let emu: Emulator;
  let c: ReturnType<typeof client>;
  let group: string;
  let devices: string[];
  beforeAll(async () => {
    emu = await startEmulator({ tenants: DATA_TENANTS });
    c = client(emu);
  });
  beforeEach(() => {
    emu.reset();
    emu.clock.set('2024-05-01T12:00:00.000Z');
    devices = seedManagedObjects(emu, 't100', [1, 2, 3].map((i) => ({ name: `d${i}`, c8y_IsDevice: {} })));
    const [asset] = seedManagedObjects(emu, 't100', [{ name: 'not a device' }]);
    [group] = seedManagedObjects(emu, 't100', [{ name: 'g', c8y_IsDeviceGroup: {} }]) as [string];
    linkManagedObjects(emu, 't100', 'childAssets', group, [...devices, String(asset)]);
  });
  afterAll(() => emu.stop());

  it('creates one operation per device of the group, ramped by the emulator clock; status and progress follow the operations', async () => {
    const res = await c.call(
      'POST',
      BO,
      { groupId: group, startDate: '2024-05-01T12:01:00.000Z', creationRamp: 10, operationPrototype: { description: 'Restart', c8y_Restart: {} } },
      { 'Content-Type': vnd('bulkoperation') },
    );
    expect(res.status).toBe(201);
    const b = (await res.json()) as Json;
    expect(b).toEqual({
      id: b.id,
      self: `${emu.url}${BO}/${String(b.id)}`,
      groupId: group,
      startDate: '2024-05-01T12:01:00.000Z',
      creationRamp: 10,
      operationPrototype: { description: 'Restart', c8y_Restart: {} },
      status: 'ACTIVE',
      generalStatus: 'SCHEDULED',
      progress: { pending: 3, failed: 0, executing: 0, successful: 0, all: 3 },
    });
    const ops = `${O}?bulkOperationId=${String(b.id)}&pageSize=10`;
    expect(await c.ids(ops, 'operations')).toEqual([]);
    emu.clock.advance(60_000 + 10_000); // start + one ramp step → two operations
    const two = await c.items(ops, 'operations');
    expect(two.map((o) => o.deviceId)).toEqual(devices.slice(0, 2));
    expect(two[0]).toMatchObject({ status: 'PENDING', bulkOperationId: Number(b.id), description: 'Restart', c8y_Restart: {} });
    expect(await c.get(`${BO}/${String(b.id)}`)).toMatchObject({ status: 'ACTIVE', generalStatus: 'EXECUTING' });
    emu.clock.advance(10_000);
    const all = await c.items(ops, 'operations');
    expect(all).toHaveLength(3);
    await c.put(`${O}/${String(all[0]?.id)}`, { status: 'SUCCESSFUL' });
    await c.put(`${O}/${String(all[1]?.id)}`, { status: 'FAILED', failureReason: 'x' });
    await c.put(`${O}/${String(all[2]?.id)}`, { status: 'EXECUTING' });
    expect(await c.get(`${BO}/${String(b.id)}`)).toMatchObject({
      status: 'IN_PROGRESS',
      generalStatus: 'EXECUTING_WITH_ERRORS',
      progress: { pending: 0, failed: 1, executing: 1, successful: 1, all: 3 },
    });
    await c.put(`${O}/${String(all[2]?.id)}`, { status: 'SUCCESSFUL' });
    expect(await c.get(`${BO}/${String(b.id)}`)).toMatchObject({ status: 'COMPLETED', generalStatus: 'FAILED' });

    // Reschedule the failed ones.
    const retry = await c.post(BO, { failedParentId: b.id, creationRamp: 0, operationPrototype: { c8y_Restart: {} } });
    expect(retry).toMatchObject({ failedParentId: b.id, status: 'IN_PROGRESS', progress: { pending: 1, all: 1 } });
    expect((await c.items(`${O}?bulkOperationId=${String(retry.id)}`, 'operations')).map((o) => o.deviceId)).toEqual([devices[1]]);
  });

  it('GET list, PUT updates ramp/start/prototype, DELETE cancels (no more operations), 404 and 422', async () => {
    const b = await c.post(BO, { groupId: group, startDate: '2024-05-02T00:00:00.000Z', creationRamp: 5, operationPrototype: { c8y_Restart: {} } });
    const page = await c.get<Page>(`${BO}?pageSize=5`);
    expect((page.bulkOperations as Json[]).map((x) => x.id)).toEqual([b.id]);
    const updated = await c.put(`${BO}/${String(b.id)}`, { creationRamp: 1, startDate: '2024-05-01T12:00:00.000Z', operationPrototype: { c8y_Other: {} } });
    expect(updated).toMatchObject({ creationRamp: 1, operationPrototype: { c8y_Other: {} }, generalStatus: 'EXECUTING', progress: { pending: 3, all: 3 } });
    expect(await c.ids(`${O}?bulkOperationId=${String(b.id)}`, 'operations')).toHaveLength(1);
    expect(await c.status('DELETE', `${BO}/${String(b.id)}`)).toBe(204);
    emu.clock.advance(60_000);
    expect(await c.ids(`${O}?bulkOperationId=${String(b.id)}`, 'operations')).toHaveLength(1);
    expect(await c.get(`${BO}/${String(b.id)}`)).toMatchObject({ status: 'DELETED', generalStatus: 'CANCELED' });
    expect(await c.fail('GET', `${BO}/4711`)).toEqual({ status: 404, body: expect.objectContaining({ error: 'devicecontrol/Not Found' }) });
    expect((await c.fail('POST', BO, { operationPrototype: {} })).status).toBe(422);
    expect((await c.fail('POST', BO, { groupId: group, failedParentId: '1', operationPrototype: {} })).status).toBe(422);
    expect((await c.fail('POST', BO, { groupId: group })).status).toBe(422);
    expect((await c.fail('POST', BO, { groupId: '99999', operationPrototype: {} })).status).toBe(422);
    expect(await client(emu, READER).status('POST', BO, { groupId: group, operationPrototype: {} })).toBe(403);
    expect(await client(emu, READER).status('GET', BO)).toBe(200);
  });
});
