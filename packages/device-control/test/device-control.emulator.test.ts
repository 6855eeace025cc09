import { beforeAll, describe, expect, it } from '@jest/globals';
import { ManagedObject } from '@c8y/model';
import { BulkOperations, Operations } from '../src/index.js';
import { useEmulator } from './helpers.js';

// Operations and bulk operations over real HTTP against the emulator: operations through their
// states, counts, the newest one, deletes by filter; a bulk operation over a group with its
// progress — also while the server answers 429 and 503 at random.

const ctx = useEmulator({ seed: 17 });
let operations: Operations;
let bulkOperations: BulkOperations;

beforeAll(() => {
  operations = new Operations(ctx.client);
  bulkOperations = new BulkOperations(ctx.client);
});

const device = async (name: string) => new ManagedObject(ctx.client, { name, c8y_IsDevice: {} }).create();

describe('operations against the emulator', () => {
  it('create per device, PENDING → EXECUTING → SUCCESSFUL/FAILED, count, getLast, order, deleteBy', async () => {
    const pump = await device('pump');
    const valve = await device('valve');
    const restart = await operations.create({ deviceId: pump, description: 'Restart', c8y_Restart: {} });
    expect(restart.status).toBe('PENDING');
    const [config, command] = await operations.create(
      [
        { deviceId: pump, description: 'Config', c8y_Configuration: { config: 'a=1' } },
        { deviceId: pump, description: 'Command', c8y_Command: { text: 'reboot' } },
      ],
      { workers: 2 },
    );
    await operations.create({ deviceId: valve, description: 'Restart', c8y_Restart: {} });

    const executing = await operations.update({ id: restart.id ?? '', status: 'EXECUTING' });
    expect(executing.status).toBe('EXECUTING');
    executing.status = 'SUCCESSFUL';
    expect((await operations.update(executing)).status).toBe('SUCCESSFUL');
    await operations.applyTo({ status: 'EXECUTING' }, [config?.id ?? '', command?.id ?? '']);
    await operations.update({ id: command?.id ?? '', status: 'FAILED', failureReason: 'device busy' });

    const states = await operations.getAll({ deviceId: pump }, { asValues: ['description', 'status', ['failureReason', null]] });
    expect(states).toEqual([
      ['Restart', 'SUCCESSFUL', null],
      ['Config', 'EXECUTING', null],
      ['Command', 'FAILED', 'device busy'],
    ]); // oldest first
    expect(await operations.count({ deviceId: pump })).toBe(3);
    expect(await operations.count({ deviceId: pump, status: 'EXECUTING' })).toBe(1);
    expect(await operations.count({ fragmentType: 'c8y_Restart', status: 'PENDING' })).toBe(1);
    expect((await operations.getLast({ deviceId: pump }))?.description).toBe('Command');
    expect((await operations.getLast({ deviceId: pump, fragment: 'c8y_Configuration' }))?.id).toBe(config?.id);
    expect(await operations.getAll({ deviceId: pump, ascending: false }, { asValues: 'description' })).toEqual(['Command', 'Config', 'Restart']);

    await operations.deleteBy({ deviceId: pump, status: 'FAILED' });
    expect(await operations.getAll({ deviceId: pump }, { asValues: 'description' })).toEqual(['Restart', 'Config']);
    expect(await operations.count({ deviceId: valve })).toBe(1);
  });

  it('under injected 429s and 503s: every operation created once, moved through its states, counted, deleted', async () => {
    const robots = await Promise.all(['r0', 'r1', 'r2', 'r3'].map((name) => device(name)));
    ctx.emu.faults.add({ kind: 'rateLimit', retryAfter: 0, method: 'POST', path: '^/devicecontrol/operations$', probability: 0.3 });
    ctx.emu.faults.add({ kind: 'error', status: 503, method: 'GET', path: '^/devicecontrol/operations', probability: 0.3 });
    ctx.emu.faults.add({ kind: 'error', status: 503, method: 'PUT', path: '^/devicecontrol/operations/', probability: 0.3 });
    ctx.emu.faults.add({ kind: 'error', status: 503, method: 'DELETE', path: '^/devicecontrol/operations', probability: 0.3 });

    const inits = robots.flatMap((robot) => Array.from({ length: 5 }, (_, index) => ({ deviceId: robot, description: `step ${index}`, c8y_Command: { text: `${index}` } })));
    const created = await operations.create(inits, { workers: 5 });
    expect(created.map((op) => [op.deviceId, op.description])).toEqual(inits.map((init) => [init.deviceId.id, init.description]));
    expect(new Set(created.map((op) => op.id)).size).toBe(20);

    await operations.applyTo({ status: 'EXECUTING' }, created, { workers: 5 });
    const done = created.filter((_, index) => index % 5 !== 4);
    const failed = created.filter((_, index) => index % 5 === 4);
    await operations.applyTo({ status: 'SUCCESSFUL' }, done, { workers: 5 });
    await operations.applyTo({ status: 'FAILED', failureReason: 'jammed' }, failed, { workers: 5 });

    for (const robot of robots) {
      // pages come as they arrive with workers (and the creates ran concurrently): compare as sets
      const states = await operations.getAll({ deviceId: robot }, { pageSize: 2, workers: 3, asValues: ['description', 'status'] });
      expect([...states].sort()).toEqual([
        ['step 0', 'SUCCESSFUL'],
        ['step 1', 'SUCCESSFUL'],
        ['step 2', 'SUCCESSFUL'],
        ['step 3', 'SUCCESSFUL'],
        ['step 4', 'FAILED'],
      ]);
      expect(await operations.count({ deviceId: robot, status: 'FAILED' })).toBe(1);
      const newest = Math.max(...created.filter((op) => op.deviceId === robot.id).map((op) => Number(op.id)));
      expect((await operations.getLast({ deviceId: robot }))?.id).toBe(String(newest));
    }

    await Promise.all(robots.map((robot) => operations.deleteBy({ deviceId: robot, status: 'SUCCESSFUL' })));
    const left = await Promise.all(robots.map((robot) => operations.getAll({ deviceId: robot }, { asValues: ['description', 'failureReason'] })));
    expect(left).toEqual(robots.map(() => [['step 4', 'jammed']]));

    const statuses = ctx.emu.requests.filter((request) => request.path.startsWith('/devicecontrol/')).map((request) => request.status);
    expect(statuses).toContain(429);
    expect(statuses).toContain(503);
  });
});

describe('bulk operations against the emulator', () => {
  it('one prototype for every device of a group: its operations, their states as progress figures, update, cancel', async () => {
    const members = await Promise.all(['b0', 'b1', 'b2', 'b3'].map((name) => device(name)));
    const group = await new ManagedObject(ctx.client, { name: 'fleet', c8y_IsDeviceGroup: {} }).create();
    for (const member of members) await group.assignChildAsset(member);
    ctx.emu.faults.add({ kind: 'rateLimit', retryAfter: 0, method: 'POST', path: '^/devicecontrol/', probability: 0.3 });
    ctx.emu.faults.add({ kind: 'error', status: 503, method: 'GET', path: '^/devicecontrol/', probability: 0.3 });
    ctx.emu.faults.add({ kind: 'error', status: 503, method: 'PUT', path: '^/devicecontrol/', probability: 0.3 });

    const bulk = await bulkOperations.create({ groupId: group, creationRamp: 0, operationPrototype: { description: 'Update firmware', c8y_Firmware: { version: '2.0' } } });
    const bulkId = bulk.id ?? '';
    const created = await operations.getAll({ bulkOperationId: bulkId });
    expect(created.map((op) => op.deviceId).sort()).toEqual(members.map((member) => member.id).sort());
    expect(created.every((op) => op.description === 'Update firmware' && op.bulkOperationId === bulkId)).toBe(true);
    expect(await operations.count({ bulkOperationId: bulkId })).toBe(4);

    const [first, ...rest] = created;
    await operations.applyTo({ status: 'EXECUTING' }, created);
    await operations.applyTo({ status: 'SUCCESSFUL' }, rest);
    await operations.update({ id: first?.id ?? '', status: 'FAILED', failureReason: 'no space' });

    const read = await bulkOperations.get(bulkId);
    expect(read.progress).toEqual({ pending: 0, executing: 0, successful: 3, failed: 1, all: 4 });
    expect(read.generalStatus).toBe('FAILED');
    const listed = await bulkOperations.getAll(undefined, { asValues: ['id', 'progress.successful', 'progress.failed'] });
    expect(listed).toContainEqual([bulkId, 3, 1]);

    expect((await bulkOperations.update({ id: bulkId, creationRamp: 5 })).creationRamp).toBe(5);
    await bulkOperations.delete(bulkId);
    expect((await bulkOperations.get(bulkId)).status).toBe('DELETED');

    const statuses = ctx.emu.requests.filter((request) => request.path.startsWith('/devicecontrol/')).map((request) => request.status);
    expect(statuses).toContain(503);
  });
});
