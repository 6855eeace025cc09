import type { RequestContext } from '../server/context.js';
import { errors } from '../server/errors.js';
import { recordAudit } from './audit.js';
import {
  compareIds,
  customFragments,
  dateParam,
  hasGlobal,
  inRange,
  listParam,
  missingFields,
  objectBody,
  parseTime,
  querySignature,
  RecordStore,
  requireSource,
  requireSourceAccess,
  sourceFilter,
  sourceIdOf,
  sourceRef,
  sourceVisibility,
  stringParam,
  type Json,
} from './data-common.js';
import { recordDeviceMessage } from './inventory.js';
import { defineArea } from './types.js';

const R = 'alarm';
const READ = ['ROLE_ALARM_READ', 'ROLE_ALARM_ADMIN'] as const;
const ADMIN = ['ROLE_ALARM_ADMIN'] as const;
export const SEVERITIES = ['CRITICAL', 'MAJOR', 'MINOR', 'WARNING'] as const;
export const STATUSES = ['ACTIVE', 'ACKNOWLEDGED', 'CLEARED'] as const;
type Severity = (typeof SEVERITIES)[number];
type Status = (typeof STATUSES)[number];
/** Not custom fragments. */
const FIELDS = new Set(['source', 'type', 'text', 'time', 'severity', 'status', 'count', 'firstOccurrenceTime']);
/** Filter parameters of the collection endpoints. */
const FILTER_PARAMS = [
  'source',
  'status',
  'severity',
  'type',
  'resolved',
  'dateFrom',
  'dateTo',
  'createdFrom',
  'createdTo',
  'lastUpdatedFrom',
  'lastUpdatedTo',
  'withSourceAssets',
  'withSourceDevices',
  'withSourceAdditions',
  'withSourceChildren',
];

interface AlarmRecord {
  readonly id: string;
  readonly sourceId: string;
  readonly type: string;
  text: string;
  severity: Severity;
  status: Status;
  time: string;
  timeMs: number;
  count: number;
  firstOccurrenceTime?: string;
  readonly creationTime: string;
  readonly creationMs: number;
  lastUpdated: string;
  lastUpdatedMs: number;
  custom: Json;
}

/** Alarms of a tenant plus the de-duplication index (`source\0type` → id of the ACTIVE/ACKNOWLEDGED alarm). */
class AlarmState {
  readonly records = new RecordStore<AlarmRecord>();
  readonly open = new Map<string, string>();
}

const state = (ctx: RequestContext): AlarmState => ctx.tenant.data('alarms', () => new AlarmState());
const dedupeKey = (sourceId: string, type: string): string => `${sourceId}\u0000${type}`;

function render(ctx: RequestContext, a: AlarmRecord): Json {
  return {
    id: a.id,
    self: ctx.url(`/alarm/alarms/${a.id}`),
    source: sourceRef(ctx, a.sourceId, true),
    type: a.type,
    text: a.text,
    severity: a.severity,
    status: a.status,
    time: a.time,
    count: a.count,
    ...(a.firstOccurrenceTime !== undefined ? { firstOccurrenceTime: a.firstOccurrenceTime } : {}),
    creationTime: a.creationTime,
    lastUpdated: a.lastUpdated,
    ...a.custom,
  };
}

function enumValue<T extends string>(allowed: readonly T[], value: unknown, field: string): T {
  const v = allowed.find((x) => x === value);
  if (v === undefined) throw errors.invalidData(R, `Invalid ${field} '${String(value)}'; allowed: ${allowed.join(', ')}`);
  return v;
}

function enumList<T extends string>(ctx: RequestContext, name: string, allowed: readonly T[]): Set<T> | undefined {
  const values = listParam(ctx, name);
  return values && new Set(values.map((v) => enumValue(allowed, v.toUpperCase(), name)));
}

/** The filter of the collection endpoints (GET, count, bulk PUT, DELETE). */
function predicate(ctx: RequestContext): (a: AlarmRecord) => boolean {
  const sources = sourceFilter(ctx, R);
  const resolved = ctx.query.get('resolved')?.toLowerCase();
  // `resolved` takes precedence over `status`.
  const statuses: Set<Status> | undefined =
    resolved === 'true' ? new Set(['CLEARED']) : resolved === 'false' ? new Set(['ACTIVE', 'ACKNOWLEDGED']) : enumList(ctx, 'status', STATUSES);
  const severities = enumList(ctx, 'severity', SEVERITIES);
  const types = listParam(ctx, 'type');
  const ranges: Array<['timeMs' | 'creationMs' | 'lastUpdatedMs', number | undefined, number | undefined]> = [
    ['timeMs', dateParam(ctx, 'dateFrom', R), dateParam(ctx, 'dateTo', R)],
    ['creationMs', dateParam(ctx, 'createdFrom', R), dateParam(ctx, 'createdTo', R)],
    ['lastUpdatedMs', dateParam(ctx, 'lastUpdatedFrom', R), dateParam(ctx, 'lastUpdatedTo', R)],
  ];
  const visible = sourceVisibility(ctx, READ);
  return (a) => {
    if (sources && !sources.has(a.sourceId)) return false;
    if (statuses && !statuses.has(a.status)) return false;
    if (severities && !severities.has(a.severity)) return false;
    if (types && !types.includes(a.type)) return false;
    for (const [field, from, to] of ranges) if (!inRange(a[field], from, to)) return false;
    return !visible || visible(a.sourceId);
  };
}

/** Matching alarms, newest first (by time, then id). */
function matching(ctx: RequestContext): readonly AlarmRecord[] {
  return state(ctx).records.query(querySignature(ctx, ctx.user.userName), predicate(ctx), (a, b) => b.timeMs - a.timeMs || compareIds(b.id, a.id));
}

/** Keeps the de-duplication index in line with an alarm's status. */
function reindex(s: AlarmState, a: AlarmRecord): void {
  const key = dedupeKey(a.sourceId, a.type);
  if (a.status === 'CLEARED') {
    if (s.open.get(key) === a.id) s.open.delete(key);
  } else if (!s.open.has(key)) s.open.set(key, a.id);
}

/**
 * Applies `text`, `severity`, `status` and custom fragments (null removes) to an alarm; bumps
 * `lastUpdated` and writes an audit record only if something changed. Returns whether it did.
 * Everything is validated before anything changes: a refused update leaves the alarm as it was.
 */
function applyUpdate(ctx: RequestContext, a: AlarmRecord, body: Json): boolean {
  const severity = body.severity !== undefined ? enumValue(SEVERITIES, body.severity, 'severity') : undefined;
  const status = body.status !== undefined ? enumValue(STATUSES, body.status, 'status') : undefined;
  if (body.text !== undefined && typeof body.text !== 'string') throw errors.invalidData(R, 'text must be a string');
  const changes: Json[] = [];
  const change = (attribute: string, previousValue: unknown, newValue: unknown): void => {
    changes.push({ attribute, changeType: 'REPLACED', previousValue, newValue });
  };
  if (severity !== undefined && severity !== a.severity) change('severity', a.severity, (a.severity = severity));
  if (status !== undefined && status !== a.status) change('status', a.status, (a.status = status));
  if (typeof body.text === 'string' && body.text !== a.text) change('text', a.text, (a.text = body.text));
  for (const [k, v] of Object.entries(body)) {
    if (FIELDS.has(k) || ['id', 'self', 'creationTime', 'lastUpdated'].includes(k)) continue;
    if (v === null) {
      if (k in a.custom) {
        change(k, a.custom[k], null);
        delete a.custom[k];
      }
    } else if (JSON.stringify(a.custom[k]) !== JSON.stringify(v)) {
      change(k, a.custom[k] ?? null, v);
      a.custom[k] = v;
    }
  }
  if (changes.length === 0) return false;
  a.lastUpdated = ctx.now();
  a.lastUpdatedMs = Date.parse(a.lastUpdated);
  const s = state(ctx);
  reindex(s, a);
  s.records.touch();
  const text = changes.map((c) => `${String(c.attribute)}='${typeof c.newValue === 'string' ? c.newValue : JSON.stringify(c.newValue)}'`).join(', ');
  recordAudit(ctx, { type: 'Alarm', activity: 'Alarm updated', text: `Alarm updated: ${text}`, sourceId: a.sourceId, changes });
  return true;
}

/** Creates a new alarm record (no de-duplication). */
function create(ctx: RequestContext, sourceId: string, body: Json, fields: { type: string; text: string; severity: Severity; status: Status; time: string }): AlarmRecord {
  const now = ctx.now();
  const nowMs = Date.parse(now);
  const a: AlarmRecord = {
    id: ctx.emu.ids.next(),
    sourceId,
    ...fields,
    timeMs: parseTime(fields.time),
    count: 1,
    creationTime: now,
    creationMs: nowMs,
    lastUpdated: now,
    lastUpdatedMs: nowMs,
    custom: customFragments(body, FIELDS),
  };
  const s = state(ctx);
  s.records.add(a);
  reindex(s, a);
  recordAudit(ctx, { type: 'Alarm', activity: 'Alarm created', text: fields.text, sourceId });
  return a;
}

function alarmOf(ctx: RequestContext, roles: readonly string[]): AlarmRecord {
  const a = state(ctx).records.get(ctx.param('id'));
  if (!a) throw errors.notFound(R, 'Finding alarm from database failed');
  requireSourceAccess(ctx, a.sourceId, roles);
  return a;
}

/**
 * Alarms: create with de-duplication, `upsert`, GET/PUT by id, the filtered collection, `count`,
 * bulk status `PUT` and `DELETE` by filter. Alarm creation and changes write audit records.
 */
export const alarmsArea = defineArea({
  name: 'alarms',
  resource: R,
  register(api) {
    api.post(
      '/alarm/alarms',
      (ctx) => {
        const body = objectBody(ctx, R);
        const sourceId = sourceIdOf(body);
        const missing = [
          ...(sourceId === undefined ? ['source'] : []),
          ...['type', 'text', 'severity', 'time'].filter((f) => typeof body[f] !== 'string' || (f !== 'text' && body[f] === '')),
        ];
        if (missing.length > 0 || sourceId === undefined) throw missingFields(missing);
        const severity = enumValue(SEVERITIES, body.severity, 'severity');
        const status = body.status === undefined ? 'ACTIVE' : enumValue(STATUSES, body.status, 'status');
        const time = String(body.time);
        if (Number.isNaN(parseTime(time))) throw errors.invalidData(R, `Invalid time '${time}'`);
        const type = String(body.type);
        const mo = requireSource(ctx, sourceId, R, ADMIN);
        recordDeviceMessage(ctx, sourceId);
        // Alarm suppression: a source in maintenance mode gets no alarm; self ends in /null.
        const availability = mo.c8y_Availability as { status?: unknown } | undefined;
        if (availability?.status === 'MAINTENANCE') {
          const self = ctx.url('/alarm/alarms/null');
          return ctx.created({ ...customFragments(body, FIELDS), self, source: sourceRef(ctx, sourceId, true), type, text: body.text, severity, status, time }, 'alarm');
        }
        const s = state(ctx);
        const openId = status === 'CLEARED' ? undefined : s.open.get(dedupeKey(sourceId, type));
        const open = openId === undefined ? undefined : s.records.get(openId);
        if (open) {
          // De-duplication: count + 1, time updated, first occurrence kept; other changes ignored, no audit.
          open.firstOccurrenceTime ??= open.time;
          open.count++;
          open.time = time;
          open.timeMs = parseTime(time);
          open.lastUpdated = ctx.now();
          open.lastUpdatedMs = Date.parse(open.lastUpdated);
          s.records.touch();
          return ctx.created(render(ctx, open), 'alarm');
        }
        return ctx.created(render(ctx, create(ctx, sourceId, body, { type, text: String(body.text), severity, status, time })), 'alarm');
      },
      { jsonTypes: ['alarm'] },
    );

    api.post(
      '/alarm/alarms/upsert',
      (ctx) => {
        const body = objectBody(ctx, R);
        const sourceId = sourceIdOf(body);
        const missing = [...(sourceId === undefined ? ['source'] : []), ...(typeof body.type !== 'string' || body.type === '' ? ['type'] : [])];
        if (missing.length > 0 || sourceId === undefined) throw missingFields(missing);
        const type = String(body.type);
        if (body.severity !== undefined) enumValue(SEVERITIES, body.severity, 'severity');
        if (body.status !== undefined) enumValue(STATUSES, body.status, 'status');
        requireSource(ctx, sourceId, R, ADMIN);
        recordDeviceMessage(ctx, sourceId);
        const s = state(ctx);
        const openId = s.open.get(dedupeKey(sourceId, type));
        const open = openId === undefined ? undefined : s.records.get(openId);
        if (open) {
          applyUpdate(ctx, open, body); // `time` is only applied on creation
          return ctx.updated(render(ctx, open), 'alarm');
        }
        const time = body.time === undefined ? ctx.now() : String(body.time);
        if (Number.isNaN(parseTime(time))) throw errors.invalidData(R, `Invalid time '${time}'`);
        const a = create(ctx, sourceId, body, {
          type,
          text: typeof body.text === 'string' ? body.text : '',
          severity: body.severity === undefined ? 'MAJOR' : enumValue(SEVERITIES, body.severity, 'severity'),
          status: body.status === undefined ? 'ACTIVE' : enumValue(STATUSES, body.status, 'status'),
          time,
        });
        return ctx.created(render(ctx, a), 'alarm');
      },
      { jsonTypes: ['alarm'] },
    );

    api.get('/alarm/alarms', (ctx) => {
      // withTotalPages only works with ROLE_ALARM_READ (spec); without it the totals are left out.
      const list = matching(ctx);
      const page = ctx.page(list, { key: 'alarms', map: (a) => render(ctx, a), restricted: false });
      if (!hasGlobal(ctx, READ)) delete page.statistics.totalPages;
      return ctx.ok(page, 'alarmcollection');
    });

    api.get('/alarm/alarms/count', (ctx) => {
      let n = matching(ctx).length;
      // Without ROLE_ALARM_READ the platform counts through inventory permissions, limited to 100.
      if (!hasGlobal(ctx, READ)) n = Math.min(n, 100);
      const accept = String(ctx.headers.accept ?? '').toLowerCase();
      return accept.includes('json') ? ctx.ok(n, 'application/json') : ctx.raw(200, String(n), 'text/plain;charset=UTF-8');
    });

    api.put(
      '/alarm/alarms',
      (ctx) => {
        ctx.requireRole(...ADMIN);
        if (!FILTER_PARAMS.some((p) => ctx.query.has(p)))
          throw errors.invalidData(R, 'At least one query parameter is required to avoid updating all alarms');
        const body = objectBody(ctx, R);
        if (body.status === undefined) throw missingFields(['status']);
        const readOnly = ['severity', 'source', 'text', 'time', 'type'].filter((f) => body[f] !== undefined);
        if (readOnly.length > 0) throw errors.invalidData(R, `Only the status of alarms can be modified; read-only: ${readOnly.join(', ')}`);
        enumValue(STATUSES, body.status, 'status');
        for (const a of [...matching(ctx)]) applyUpdate(ctx, a, { status: body.status });
        return ctx.empty(200);
      },
      { jsonTypes: ['alarm'] },
    );

    api.delete('/alarm/alarms', (ctx) => {
      ctx.requireRole(...ADMIN);
      if (!['source', 'dateFrom', 'dateTo', 'createdFrom', 'createdTo'].some((k) => stringParam(ctx, k) !== undefined))
        throw errors.invalidData(R, 'DELETE requires at least one of the following parameters: source, dateFrom, dateTo, createdFrom, createdTo');
      const s = state(ctx);
      for (const a of [...matching(ctx)]) {
        s.records.delete(a.id);
        const key = dedupeKey(a.sourceId, a.type);
        if (s.open.get(key) === a.id) s.open.delete(key);
      }
      return ctx.noContent();
    });

    api.get('/alarm/alarms/:id', (ctx) => ctx.ok(render(ctx, alarmOf(ctx, READ)), 'alarm'));

    api.put(
      '/alarm/alarms/:id',
      (ctx) => {
        const a = alarmOf(ctx, ADMIN);
        const body = objectBody(ctx, R);
        // Non-modifiable properties are rejected — unless they repeat the stored value (clients often send the whole alarm).
        const differs: string[] = [];
        if (body.source !== undefined && sourceIdOf(body) !== a.sourceId) differs.push('source');
        if (body.type !== undefined && body.type !== a.type) differs.push('type');
        if (body.time !== undefined && parseTime(body.time) !== a.timeMs) differs.push('time');
        if (differs.length > 0) throw errors.invalidData(R, `Cannot update read-only properties: ${differs.join(', ')}`);
        applyUpdate(ctx, a, body);
        return ctx.updated(render(ctx, a), 'alarm');
      },
      { jsonTypes: ['alarm'] },
    );
  },
});
