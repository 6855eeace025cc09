import type { RequestContext } from '../server/context.js';
import { errors } from '../server/errors.js';
import { ownValue } from '../util/own.js';
import { recordAudit } from './audit.js';
import {
  compareIds,
  customFragments,
  dateParam,
  inRange,
  isObject,
  missingFields,
  objectBody,
  parseTime,
  querySignature,
  RecordStore,
  requireSource,
  requireSourceAccess,
  sourceVisibility,
  stringParam,
  type Json,
} from './data-common.js';
import { findManagedObject, inventoryStore } from './inventory.js';
import { defineArea } from './types.js';

const R = 'devicecontrol';
const READ = ['ROLE_DEVICE_CONTROL_READ', 'ROLE_DEVICE_CONTROL_ADMIN'] as const;
const ADMIN = ['ROLE_DEVICE_CONTROL_ADMIN'] as const;
const BULK_READ = ['ROLE_BULK_OPERATION_READ', 'ROLE_BULK_OPERATION_ADMIN'] as const;
const BULK_ADMIN = ['ROLE_BULK_OPERATION_ADMIN'] as const;
export const OPERATION_STATUSES = ['PENDING', 'EXECUTING', 'SUCCESSFUL', 'FAILED'] as const;
type OperationStatus = (typeof OPERATION_STATUSES)[number];
/** Not custom fragments of an operation. */
const OP_FIELDS = new Set(['deviceId', 'status', 'failureReason', 'bulkOperationId', 'deviceName', 'deviceExternalIDs']);

interface OperationRecord {
  readonly id: string;
  readonly deviceId: string;
  status: OperationStatus;
  failureReason?: string;
  readonly bulkOperationId?: string;
  readonly creationTime: string;
  readonly creationMs: number;
  custom: Json;
}

interface BulkRecord {
  readonly id: string;
  readonly groupId?: string;
  readonly failedParentId?: string;
  startDate: string;
  startMs: number;
  creationRamp: number;
  operationPrototype: Json;
  /** Device ids captured at creation. */
  readonly targets: readonly string[];
  /** How many operations have been created so far. */
  created: number;
  deleted: boolean;
}

class DeviceControlState {
  readonly operations = new RecordStore<OperationRecord>();
  readonly bulk = new RecordStore<BulkRecord>();
  /** Operation ids per bulk operation. */
  readonly byBulk = new Map<string, string[]>();
}

const state = (ctx: RequestContext): DeviceControlState => ctx.tenant.data('devicecontrol', () => new DeviceControlState());

const opNotFound = (id: string) => errors.notFound(R, `Finding device data from database failed : No operation for gid '${id}'!`);
const bulkNotFound = (id: string) =>
  errors.notFound(R, `Finding bulk operation from database failed : Cannot find document with ID ID [type=com_cumulocity_model_idtype_GId, value=${id}]!`);

function renderOperation(ctx: RequestContext, op: OperationRecord, collection: boolean, withExternalIds: boolean): Json {
  const out: Json = { id: op.id, self: ctx.url(`/devicecontrol/operations/${op.id}`), deviceId: op.deviceId };
  if (collection) {
    const name = findManagedObject(ctx, op.deviceId)?.name;
    if (typeof name === 'string') out.deviceName = name;
  }
  if (withExternalIds) {
    out.deviceExternalIDs = {
      externalIds: inventoryStore(ctx.tenant)
        .externalIdsOf(op.deviceId)
        .map((e) => ({
          externalId: e.externalId,
          type: e.type,
          self: ctx.url(`/identity/externalIds/${encodeURIComponent(e.type)}/${encodeURIComponent(e.externalId)}`),
          managedObject: { id: op.deviceId, self: ctx.url(`/inventory/managedObjects/${op.deviceId}`) },
        })),
      self: ctx.url(`/identity/globalIds/${op.deviceId}/externalIds`),
    };
  }
  Object.assign(out, { status: op.status, creationTime: op.creationTime });
  // bulkOperationId is an integer in the spec's operation schema.
  if (op.bulkOperationId !== undefined) out.bulkOperationId = Number(op.bulkOperationId);
  if (op.failureReason !== undefined) out.failureReason = op.failureReason;
  return { ...out, ...op.custom };
}

function createOperation(ctx: RequestContext, deviceId: string, fragments: Json, bulkOperationId?: string): OperationRecord {
  const now = ctx.now();
  const s = state(ctx);
  const op: OperationRecord = {
    id: ctx.emu.ids.next(),
    deviceId,
    status: 'PENDING',
    ...(bulkOperationId !== undefined ? { bulkOperationId } : {}),
    creationTime: now,
    creationMs: Date.parse(now),
    custom: customFragments(fragments, OP_FIELDS),
  };
  s.operations.add(op);
  if (bulkOperationId !== undefined) {
    const list = s.byBulk.get(bulkOperationId);
    if (list) list.push(op.id);
    else s.byBulk.set(bulkOperationId, [op.id]);
  }
  recordAudit(ctx, { type: 'Operation', activity: 'Operation created', text: `Operation created: status='PENDING'`, sourceId: deviceId });
  return op;
}

/**
 * Creates the operations of bulk operations that are due by the emulator clock: operation `i`
 * of a bulk operation is created at `startDate + i * creationRamp` seconds. Runs lazily before
 * every device-control request (advance `emu.clock` to move a scheduled bulk operation on).
 */
function materialise(ctx: RequestContext): void {
  const s = state(ctx);
  const now = ctx.emu.clock.now().getTime();
  for (const b of s.bulk.values()) {
    while (!b.deleted && b.created < b.targets.length && now >= b.startMs + b.created * b.creationRamp * 1000) {
      const deviceId = b.targets[b.created] ?? '';
      b.created++;
      createOperation(ctx, deviceId, b.operationPrototype, b.id);
      s.bulk.touch();
    }
  }
}

function renderBulk(ctx: RequestContext, b: BulkRecord): Json {
  const s = state(ctx);
  const counts = { PENDING: 0, EXECUTING: 0, SUCCESSFUL: 0, FAILED: 0 };
  for (const id of s.byBulk.get(b.id) ?? []) {
    const op = s.operations.get(id);
    if (op) counts[op.status]++;
  }
  const notCreated = b.targets.length - b.created;
  let status: string;
  let generalStatus: string;
  if (b.deleted) [status, generalStatus] = ['DELETED', 'CANCELED'];
  else if (notCreated > 0)
    [status, generalStatus] = ['ACTIVE', b.created === 0 ? 'SCHEDULED' : counts.FAILED > 0 ? 'EXECUTING_WITH_ERRORS' : 'EXECUTING'];
  else if (counts.PENDING + counts.EXECUTING > 0) [status, generalStatus] = ['IN_PROGRESS', counts.FAILED > 0 ? 'EXECUTING_WITH_ERRORS' : 'EXECUTING'];
  else [status, generalStatus] = ['COMPLETED', counts.FAILED > 0 ? 'FAILED' : 'SUCCESSFUL'];
  return {
    id: b.id,
    self: ctx.url(`/devicecontrol/bulkoperations/${b.id}`),
    ...(b.groupId !== undefined ? { groupId: b.groupId } : {}),
    ...(b.failedParentId !== undefined ? { failedParentId: b.failedParentId } : {}),
    startDate: b.startDate,
    creationRamp: b.creationRamp,
    operationPrototype: b.operationPrototype,
    status,
    generalStatus,
    progress: {
      pending: counts.PENDING + (b.deleted ? 0 : notCreated),
      failed: counts.FAILED,
      executing: counts.EXECUTING,
      successful: counts.SUCCESSFUL,
      all: b.targets.length,
    },
  };
}

function operationOf(ctx: RequestContext, roles: readonly string[]): OperationRecord {
  const id = ctx.param('id');
  const op = state(ctx).operations.get(id);
  if (!op) throw opNotFound(id);
  requireSourceAccess(ctx, op.deviceId, roles);
  return op;
}

function bulkOf(ctx: RequestContext): BulkRecord {
  const id = ctx.param('id');
  const b = state(ctx).bulk.get(id);
  if (!b) throw bulkNotFound(id);
  return b;
}

function statusParam(ctx: RequestContext): OperationStatus | undefined {
  const raw = stringParam(ctx, 'status');
  if (raw === undefined) return undefined;
  const v = OPERATION_STATUSES.find((s) => s === raw.toUpperCase());
  if (!v) throw errors.invalidData(R, `Invalid status '${raw}'; allowed: ${OPERATION_STATUSES.join(', ')}`);
  return v;
}

/** The filter of `GET`/`DELETE /devicecontrol/operations`. */
function predicate(ctx: RequestContext): (op: OperationRecord) => boolean {
  const deviceId = stringParam(ctx, 'deviceId');
  const agentId = stringParam(ctx, 'agentId');
  const status = statusParam(ctx);
  const fragmentType = stringParam(ctx, 'fragmentType');
  const bulkOperationId = stringParam(ctx, 'bulkOperationId');
  const from = dateParam(ctx, 'dateFrom', R);
  const to = dateParam(ctx, 'dateTo', R);
  // An agent's operations: its own and those of its (direct) child devices.
  const agentDevices = agentId === undefined ? undefined : new Set([agentId, ...(inventoryStore(ctx.tenant).get(agentId)?.children.childDevices ?? [])]);
  const visible = sourceVisibility(ctx, READ);
  return (op) =>
    (deviceId === undefined || op.deviceId === deviceId) &&
    (agentDevices === undefined || agentDevices.has(op.deviceId)) &&
    (status === undefined || op.status === status) &&
    (fragmentType === undefined || ownValue(op.custom, fragmentType) !== undefined) &&
    (bulkOperationId === undefined || op.bulkOperationId === bulkOperationId) &&
    inRange(op.creationMs, from, to) &&
    (!visible || visible(op.deviceId));
}

/** Devices of a group for a bulk operation: its child assets and child devices that are devices (`c8y_IsDevice`). */
function groupDevices(ctx: RequestContext, groupId: string): string[] {
  const store = inventoryStore(ctx.tenant);
  const group = store.get(groupId);
  if (!group) throw errors.invalidData(R, `Cannot find group with id ${groupId}`);
  const ids = new Set([...group.children.childAssets, ...group.children.childDevices]);
  return [...ids].filter((id) => store.get(id)?.doc.c8y_IsDevice !== undefined).sort(compareIds);
}

/**
 * Device control: operations (create as PENDING, status updates, filtered collection, DELETE by
 * filter) and bulk operations (`/devicecontrol/bulkoperations`; one operation per device of the
 * group, created from `startDate` on with `creationRamp` seconds between them by the emulator clock).
 */
export const deviceControlArea = defineArea({
  name: 'device-control',
  resource: R,
  register(api) {
    api.post(
      '/devicecontrol/operations',
      (ctx) => {
        materialise(ctx);
        const body = objectBody(ctx, R);
        const deviceId = typeof body.deviceId === 'number' ? String(body.deviceId) : body.deviceId;
        if (typeof deviceId !== 'string' || deviceId === '') throw missingFields(['deviceId']);
        requireSource(ctx, deviceId, R, ADMIN);
        // status and failureReason are read-only on creation: a new operation is PENDING.
        const op = createOperation(ctx, deviceId, body);
        return ctx.created(renderOperation(ctx, op, false, false), 'operation');
      },
      { jsonTypes: ['operation'] },
    );

    api.get('/devicecontrol/operations', (ctx) => {
      materialise(ctx);
      const revert = ctx.query.bool('revert');
      const withExternalIds = stringParam(ctx, 'agentId') !== undefined;
      // Ascending ids (creation order); revert=true: newest first.
      const list = state(ctx).operations.query(querySignature(ctx, ctx.user.userName), predicate(ctx), (a, b) =>
        revert ? compareIds(b.id, a.id) : compareIds(a.id, b.id),
      );
      return ctx.ok(
        ctx.page(list, { key: 'operations', map: (op) => renderOperation(ctx, op, true, withExternalIds), restricted: false }),
        'operationcollection',
      );
    });

    api.delete('/devicecontrol/operations', (ctx) => {
      ctx.requireRole(...ADMIN);
      materialise(ctx);
      const s = state(ctx);
      const match = predicate(ctx);
      for (const op of [...s.operations.values()]) if (match(op)) s.operations.delete(op.id);
      return ctx.noContent();
    });

    api.get('/devicecontrol/operations/:id', (ctx) => {
      materialise(ctx);
      return ctx.ok(renderOperation(ctx, operationOf(ctx, READ), false, false), 'operation');
    });

    api.put(
      '/devicecontrol/operations/:id',
      (ctx) => {
        materialise(ctx);
        const op = operationOf(ctx, ADMIN);
        const body = objectBody(ctx, R);
        if (body.status === undefined || body.status === null) throw missingFields(['status']);
        const status = OPERATION_STATUSES.find((s) => s === body.status);
        if (!status) throw errors.invalidData(R, `Invalid status '${String(body.status)}'; allowed: ${OPERATION_STATUSES.join(', ')}`);
        if (body.failureReason !== undefined && body.failureReason !== null && typeof body.failureReason !== 'string')
          throw errors.invalidData(R, 'failureReason must be a string');
        // Any transition between the four statuses is accepted (agents often go PENDING → SUCCESSFUL).
        const previous = op.status;
        op.status = status;
        if (typeof body.failureReason === 'string') op.failureReason = body.failureReason;
        for (const [k, v] of Object.entries(body)) {
          if (OP_FIELDS.has(k) || ['id', 'self', 'creationTime'].includes(k)) continue;
          if (v === null) delete op.custom[k];
          else op.custom[k] = v;
        }
        state(ctx).operations.touch();
        if (previous !== status)
          recordAudit(ctx, {
            type: 'Operation',
            activity: 'Operation updated',
            text: `Operation updated: status='${status}'`,
            sourceId: op.deviceId,
            changes: [{ attribute: 'status', changeType: 'REPLACED', previousValue: previous, newValue: status }],
          });
        return ctx.updated(renderOperation(ctx, op, false, false), 'operation');
      },
      { jsonTypes: ['operation'] },
    );

    // ---- bulk operations ---------------------------------------------------------------------
    api.post(
      '/devicecontrol/bulkoperations',
      (ctx) => {
        materialise(ctx);
        const body = objectBody(ctx, R);
        const groupId = typeof body.groupId === 'number' ? String(body.groupId) : body.groupId;
        const failedParentId = typeof body.failedParentId === 'number' ? String(body.failedParentId) : body.failedParentId;
        const hasGroup = typeof groupId === 'string' && groupId !== '';
        const hasParent = typeof failedParentId === 'string' && failedParentId !== '';
        if (hasGroup === hasParent) throw errors.invalidData(R, 'Exactly one of groupId and failedParentId is required');
        if (!isObject(body.operationPrototype)) throw missingFields(['operationPrototype']);
        const startDate = body.startDate === undefined ? ctx.now() : String(body.startDate);
        const startMs = parseTime(startDate);
        if (Number.isNaN(startMs)) throw errors.invalidData(R, `Invalid startDate '${startDate}'`);
        const creationRamp = body.creationRamp === undefined ? 0 : Number(body.creationRamp);
        if (!Number.isFinite(creationRamp) || creationRamp < 0) throw errors.invalidData(R, 'creationRamp must be a non-negative number');
        const s = state(ctx);
        let targets: string[];
        if (hasGroup) targets = groupDevices(ctx, groupId);
        else {
          const parent = s.bulk.get(String(failedParentId));
          if (!parent) throw errors.invalidData(R, `Cannot find bulk operation with id ${String(failedParentId)}`);
          targets = (s.byBulk.get(parent.id) ?? []).map((id) => s.operations.get(id)).filter((op) => op?.status === 'FAILED').map((op) => op?.deviceId ?? '');
        }
        const b: BulkRecord = {
          id: ctx.emu.ids.next(),
          ...(hasGroup ? { groupId } : { failedParentId: String(failedParentId) }),
          startDate,
          startMs,
          creationRamp,
          operationPrototype: body.operationPrototype,
          targets,
          created: 0,
          deleted: false,
        };
        s.bulk.add(b);
        materialise(ctx);
        return ctx.created(renderBulk(ctx, b), 'bulkoperation');
      },
      { jsonTypes: ['bulkoperation'], roles: BULK_ADMIN },
    );

    api.get(
      '/devicecontrol/bulkoperations',
      (ctx) => {
        materialise(ctx);
        const list = state(ctx).bulk.query('all', () => true, (a, b) => compareIds(a.id, b.id));
        return ctx.ok(ctx.page(list, { key: 'bulkOperations', map: (b) => renderBulk(ctx, b), restricted: false }), 'bulkoperationcollection');
      },
      { roles: BULK_READ },
    );

    api.get(
      '/devicecontrol/bulkoperations/:id',
      (ctx) => {
        materialise(ctx);
        return ctx.ok(renderBulk(ctx, bulkOf(ctx)), 'bulkoperation');
      },
      { roles: BULK_READ },
    );

    api.put(
      '/devicecontrol/bulkoperations/:id',
      (ctx) => {
        materialise(ctx);
        const b = bulkOf(ctx);
        const body = objectBody(ctx, R);
        // status, generalStatus, progress, groupId and failedParentId are read-only and ignored.
        // Validate everything first: a refused update changes nothing.
        const startMs = body.startDate !== undefined ? parseTime(body.startDate) : undefined;
        if (startMs !== undefined && Number.isNaN(startMs)) throw errors.invalidData(R, `Invalid startDate '${String(body.startDate)}'`);
        const ramp = body.creationRamp !== undefined ? Number(body.creationRamp) : undefined;
        if (ramp !== undefined && (!Number.isFinite(ramp) || ramp < 0)) throw errors.invalidData(R, 'creationRamp must be a non-negative number');
        if (body.operationPrototype !== undefined && !isObject(body.operationPrototype)) throw errors.invalidData(R, 'operationPrototype must be an object');
        if (startMs !== undefined) {
          b.startDate = String(body.startDate);
          b.startMs = startMs;
        }
        if (ramp !== undefined) b.creationRamp = ramp;
        if (isObject(body.operationPrototype)) b.operationPrototype = body.operationPrototype;
        state(ctx).bulk.touch();
        materialise(ctx);
        return ctx.updated(renderBulk(ctx, b), 'bulkoperation');
      },
      { jsonTypes: ['bulkoperation'], roles: BULK_ADMIN },
    );

    api.delete(
      '/devicecontrol/bulkoperations/:id',
      (ctx) => {
        materialise(ctx);
        const b = bulkOf(ctx);
        // Cancels: no further operations are created; the bulk operation stays readable as DELETED.
        b.deleted = true;
        state(ctx).bulk.touch();
        return ctx.noContent();
      },
      { roles: BULK_ADMIN },
    );
  },
});
