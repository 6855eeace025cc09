import type { RequestContext } from '../server/context.js';
import { errors } from '../server/errors.js';
import {
  compareIds,
  customFragments,
  dateParam,
  inRange,
  missingFields,
  objectBody,
  parseTime,
  querySignature,
  RecordStore,
  sourceIdOf,
  stringParam,
  type Json,
} from './data-common.js';
import { defineArea } from './types.js';

const R = 'audit';
const READ = ['ROLE_AUDIT_READ', 'ROLE_AUDIT_ADMIN'] as const;

/** `type` values of the spec's `auditRecord` schema. */
export const AUDIT_TYPES = [
  'Alarm',
  'Application',
  'BulkOperation',
  'CepModule',
  'Connector',
  'Event',
  'Group',
  'Inventory',
  'InventoryRole',
  'Operation',
  'Option',
  'Report',
  'SingleSignOn',
  'SmartRule',
  'SYSTEM',
  'Tenant',
  'TenantAuthConfig',
  'TrustedCertificates',
  'User',
  'UserAuthentication',
] as const;

interface AuditRecord {
  readonly id: string;
  readonly sourceId: string;
  readonly timeMs: number;
  /** Everything but id/self/source. */
  readonly doc: Json;
}

const FIELDS = new Set(['source', 'activity', 'text', 'time', 'type', 'user', 'application', 'c8y_Metadata', 'changes', 'severity']);

function auditStore(ctx: { readonly tenant: RequestContext['tenant'] }): RecordStore<AuditRecord> {
  return ctx.tenant.data('audit', () => new RecordStore<AuditRecord>());
}

function render(ctx: RequestContext, r: AuditRecord): Json {
  return {
    id: r.id,
    self: ctx.url(`/audit/auditRecords/${r.id}`),
    source: { id: r.sourceId, self: ctx.url(`/inventory/managedObjects/${encodeURIComponent(r.sourceId)}`) },
    ...r.doc,
  };
}

/** What other areas pass to {@link recordAudit}. */
export interface AuditEntry {
  type: (typeof AUDIT_TYPES)[number];
  activity: string;
  text: string;
  sourceId: string;
  changes?: Json[];
  severity?: string;
}

/**
 * Stores an audit record on behalf of another area (alarm and operation changes), with the
 * request's user (and application for microservice users) and the emulator clock as `time`.
 */
export function recordAudit(ctx: RequestContext, entry: AuditEntry): void {
  const now = ctx.now();
  const application = ctx.user.applicationName;
  auditStore(ctx).add({
    id: ctx.emu.ids.next(),
    sourceId: entry.sourceId,
    timeMs: Date.parse(now),
    doc: {
      activity: entry.activity,
      text: entry.text,
      type: entry.type,
      time: now,
      creationTime: now,
      user: ctx.user.userName,
      ...(application ? { application } : {}),
      severity: entry.severity ?? 'INFORMATION',
      ...(entry.changes ? { changes: entry.changes } : {}),
    },
  });
}

/**
 * Audit records: `POST` (mandatory `activity`, `source.id`, `text`, `time`, `type` from the spec's
 * enum → 422), `GET /{id}`, and the collection with `source`, `type`, `user`, `application`,
 * `dateFrom`/`dateTo` (record time, closed-open). Newest first (the spec states no order).
 * No PUT/DELETE (405).
 */
export const auditArea = defineArea({
  name: 'audit',
  resource: R,
  register(api) {
    api.post(
      '/audit/auditRecords',
      (ctx) => {
        ctx.requireRole('ROLE_AUDIT_ADMIN', 'ROLE_SYSTEM');
        const body = objectBody(ctx, R);
        const sourceId = sourceIdOf(body);
        const missing = ['activity', 'source', 'text', 'time', 'type'].filter((f) =>
          f === 'source' ? sourceId === undefined : typeof body[f] !== 'string' || body[f] === '',
        );
        if (missing.length > 0 || sourceId === undefined) throw missingFields(missing);
        if (!AUDIT_TYPES.some((t) => t === body.type))
          throw errors.invalidData(R, `Invalid type '${String(body.type)}'; allowed: ${AUDIT_TYPES.join(', ')}`);
        const timeMs = parseTime(body.time);
        if (Number.isNaN(timeMs)) throw errors.invalidData(R, `Invalid time '${String(body.time)}'`);
        const application = ctx.user.applicationName;
        const record: AuditRecord = {
          id: ctx.emu.ids.next(),
          sourceId,
          timeMs,
          doc: {
            activity: body.activity,
            text: body.text,
            type: body.type,
            time: body.time,
            creationTime: ctx.now(),
            user: typeof body.user === 'string' ? body.user : ctx.user.userName,
            ...(application ? { application } : {}),
            ...customFragments(body, FIELDS),
          },
        };
        auditStore(ctx).add(record);
        return ctx.created(render(ctx, record), 'auditrecord');
      },
      { jsonTypes: ['auditrecord'] },
    );

    api.get(
      '/audit/auditRecords',
      (ctx) => {
        const source = stringParam(ctx, 'source');
        const type = stringParam(ctx, 'type');
        const user = stringParam(ctx, 'user');
        const application = stringParam(ctx, 'application');
        const from = dateParam(ctx, 'dateFrom', R);
        const to = dateParam(ctx, 'dateTo', R);
        const list = auditStore(ctx).query(
          querySignature(ctx),
          (r) =>
            (source === undefined || r.sourceId === source) &&
            (type === undefined || r.doc.type === type) &&
            (user === undefined || r.doc.user === user) &&
            (application === undefined || r.doc.application === application) &&
            inRange(r.timeMs, from, to),
          (a, b) => b.timeMs - a.timeMs || compareIds(b.id, a.id),
        );
        return ctx.ok(ctx.page(list, { key: 'auditRecords', map: (r) => render(ctx, r), restricted: false }), 'auditrecordcollection');
      },
      { roles: READ },
    );

    api.get(
      '/audit/auditRecords/:id',
      (ctx) => {
        const record = auditStore(ctx).get(ctx.param('id'));
        if (!record) throw errors.notFound(R, 'Finding audit record from database failed');
        return ctx.ok(render(ctx, record), 'auditrecord');
      },
      { roles: READ },
    );
  },
});
