import type { RequestContext } from '../server/context.js';
import { C8yHttpError, errors } from '../server/errors.js';
import { contentDisposition, uploadContentType } from '../server/file-headers.js';
import { ownValue } from '../util/own.js';
import { decodeComponent } from '../util/percent.js';
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
  sourceFilter,
  sourceIdOf,
  sourceRef,
  sourceVisibility,
  stringParam,
  type Json,
} from './data-common.js';
import { recordDeviceMessage } from './inventory.js';
import { defineArea } from './types.js';

const R = 'event';
const READ = ['ROLE_EVENT_READ', 'ROLE_EVENT_ADMIN'] as const;
const ADMIN = ['ROLE_EVENT_ADMIN'] as const;
/** Properties that are not custom fragments (`c8y_IsBinary` is maintained by the attachment endpoints). */
const FIELDS = new Set(['source', 'type', 'text', 'time', 'c8y_IsBinary']);

interface Attachment {
  data: Buffer;
  type: string;
  name: string;
}

interface EventRecord {
  readonly id: string;
  readonly sourceId: string;
  readonly type: string;
  text: string;
  readonly time: string;
  readonly timeMs: number;
  readonly creationTime: string;
  readonly creationMs: number;
  lastUpdated: string;
  lastUpdatedMs: number;
  custom: Json;
  attachment?: Attachment;
}

const eventStore = (ctx: RequestContext): RecordStore<EventRecord> => ctx.tenant.data('events', () => new RecordStore<EventRecord>());

function render(ctx: RequestContext, e: EventRecord): Json {
  return {
    id: e.id,
    self: ctx.url(`/event/events/${e.id}`),
    source: sourceRef(ctx, e.sourceId),
    type: e.type,
    text: e.text,
    time: e.time,
    creationTime: e.creationTime,
    lastUpdated: e.lastUpdated,
    ...e.custom,
    ...(e.attachment ? { c8y_IsBinary: { name: e.attachment.name, length: e.attachment.data.length, type: e.attachment.type } } : {}),
  };
}

function touch(ctx: RequestContext, e: EventRecord): void {
  e.lastUpdated = ctx.now();
  e.lastUpdatedMs = Date.parse(e.lastUpdated);
  eventStore(ctx).touch();
}

const notFound = (): C8yHttpError => errors.notFound(R, 'Finding event from database failed');

/** The event of `:id`; 404 if unknown, 403 unless the user has one of `roles` or owns the source. */
function eventOf(ctx: RequestContext, roles: readonly string[]): EventRecord {
  const e = eventStore(ctx).get(ctx.param('id'));
  if (!e) throw notFound();
  requireSourceAccess(ctx, e.sourceId, roles);
  return e;
}

/** The filter of `GET` and `DELETE /event/events`. */
function predicate(ctx: RequestContext): (e: EventRecord) => boolean {
  const sources = sourceFilter(ctx, R);
  const type = stringParam(ctx, 'type');
  const fragmentType = stringParam(ctx, 'fragmentType');
  const fragmentValue = stringParam(ctx, 'fragmentValue');
  const ranges: Array<[keyof EventRecord & ('timeMs' | 'creationMs' | 'lastUpdatedMs'), number | undefined, number | undefined]> = [
    ['timeMs', dateParam(ctx, 'dateFrom', R), dateParam(ctx, 'dateTo', R)],
    ['creationMs', dateParam(ctx, 'createdFrom', R), dateParam(ctx, 'createdTo', R)],
    ['lastUpdatedMs', dateParam(ctx, 'lastUpdatedFrom', R), dateParam(ctx, 'lastUpdatedTo', R)],
  ];
  const visible = sourceVisibility(ctx, READ);
  return (e) => {
    if (sources && !sources.has(e.sourceId)) return false;
    if (type !== undefined && e.type !== type) return false;
    if (fragmentType !== undefined) {
      const value = fragmentType === 'c8y_IsBinary' && e.attachment ? {} : ownValue(e.custom, fragmentType);
      if (value === undefined) return false;
      // fragmentValue only applies together with fragmentType, and only to string-valued fragments.
      if (fragmentValue !== undefined && value !== fragmentValue) return false;
    }
    for (const [field, from, to] of ranges) if (!inRange(e[field], from, to)) return false;
    return !visible || visible(e.sourceId);
  };
}

/** `filename="…"` (or RFC 5987 `filename*`) of a Content-Disposition header. */
function dispositionName(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return undefined;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(value);
  // A malformed RFC 5987 value is ignored: the plain `filename` (or the default) applies.
  const decoded = star?.[1] === undefined ? undefined : decodeComponent(star[1]);
  if (decoded) return decoded;
  return /filename\s*=\s*"([^"]*)"/.exec(value)?.[1] ?? /filename\s*=\s*([^;\s]+)/.exec(value)?.[1];
}

/** Reads an attachment from a raw body (`text/plain`, `application/octet-stream`, …) or a multipart form. */
function readAttachment(ctx: RequestContext, e: EventRecord): Attachment {
  const ct = ctx.body.contentType;
  if (ct?.essence === 'multipart/form-data') {
    const upload = ctx.body.binaryUpload();
    if (!upload.file) throw errors.badRequest(R, 'Missing part "file"');
    const object: Json = isObject(upload.object) ? upload.object : {};
    const name = typeof object.name === 'string' && object.name !== '' ? object.name : (upload.file.filename ?? e.id);
    const type = uploadContentType(
      typeof object.type === 'string' && object.type !== '' ? object.type : (upload.file.contentType ?? 'application/octet-stream'),
      R,
    );
    return { data: Buffer.from(upload.file.data), name, type };
  }
  return {
    data: Buffer.from(ctx.body.raw),
    name: dispositionName(ctx.headers['content-disposition']) ?? e.id,
    type: uploadContentType(ctx.body.contentTypeHeader ?? 'text/plain', R),
  };
}

/** The spec's `eventBinary` answer (`application/json`). */
const binaryJson = (ctx: RequestContext, e: EventRecord, a: Attachment): Json => ({
  name: a.name,
  self: ctx.url(`/event/events/${e.id}/binaries`),
  source: e.id,
  type: a.type,
});


/**
 * Events: CRUD (`PUT` changes only `text` and custom fragments), filters, `DELETE` by filter and
 * one attachment per event (`/event/events/{id}/binaries`).
 */
export const eventsArea = defineArea({
  name: 'events',
  resource: R,
  register(api) {
    api.post(
      '/event/events',
      (ctx) => {
        const body = objectBody(ctx, R);
        const sourceId = sourceIdOf(body);
        const missing = [
          ...(sourceId === undefined ? ['source'] : []),
          ...['type', 'text', 'time'].filter((f) => typeof body[f] !== 'string' || (f !== 'text' && body[f] === '')),
        ];
        if (missing.length > 0 || sourceId === undefined) throw missingFields(missing);
        const timeMs = parseTime(body.time);
        if (Number.isNaN(timeMs)) throw errors.invalidData(R, `Invalid time '${String(body.time)}'`);
        requireSource(ctx, sourceId, R, ADMIN);
        recordDeviceMessage(ctx, sourceId);
        const now = ctx.now();
        const nowMs = Date.parse(now);
        const e: EventRecord = {
          id: ctx.emu.ids.next(),
          sourceId,
          type: String(body.type),
          text: String(body.text),
          time: String(body.time),
          timeMs,
          creationTime: now,
          creationMs: nowMs,
          lastUpdated: now,
          lastUpdatedMs: nowMs,
          custom: customFragments(body, FIELDS),
        };
        eventStore(ctx).add(e);
        return ctx.created(render(ctx, e), 'event');
      },
      { jsonTypes: ['event'] },
    );

    api.get('/event/events', (ctx) => {
      const revert = ctx.query.bool('revert');
      const list = eventStore(ctx).query(
        querySignature(ctx, ctx.user.userName),
        predicate(ctx),
        // Newest first (by time, then id); revert=true: oldest first.
        (a, b) => (revert ? 1 : -1) * (a.timeMs - b.timeMs || compareIds(a.id, b.id)),
      );
      return ctx.ok(ctx.page(list, { key: 'events', map: (e) => render(ctx, e), restricted: false }), 'eventcollection');
    });

    api.delete('/event/events', (ctx) => {
      ctx.requireRole(...ADMIN);
      if (!['source', 'dateFrom', 'dateTo', 'createdFrom', 'createdTo'].some((k) => stringParam(ctx, k) !== undefined))
        throw errors.invalidData(R, 'DELETE requires at least one of the following parameters: source, dateFrom, dateTo, createdFrom, createdTo');
      const store = eventStore(ctx);
      const match = predicate(ctx);
      for (const e of [...store.values()]) if (match(e)) store.delete(e.id);
      return ctx.noContent();
    });

    api.get('/event/events/:id', (ctx) => ctx.ok(render(ctx, eventOf(ctx, READ)), 'event'));

    api.put(
      '/event/events/:id',
      (ctx) => {
        const e = eventOf(ctx, ADMIN);
        const body = objectBody(ctx, R);
        if (body.text !== undefined && typeof body.text !== 'string') throw errors.invalidData(R, 'text must be a string');
        // Only text and custom fragments change; source, type and time are read-only and ignored.
        if (typeof body.text === 'string') e.text = body.text;
        for (const [k, v] of Object.entries(body)) {
          if (FIELDS.has(k) || ['id', 'self', 'creationTime', 'lastUpdated'].includes(k)) continue;
          if (v === null) delete e.custom[k];
          else e.custom[k] = v;
        }
        touch(ctx, e);
        return ctx.updated(render(ctx, e), 'event');
      },
      { jsonTypes: ['event'] },
    );

    api.delete('/event/events/:id', (ctx) => {
      const e = eventOf(ctx, ADMIN);
      eventStore(ctx).delete(e.id);
      return ctx.noContent();
    });

    // ---- attachment ------------------------------------------------------------------------
    api.post(
      '/event/events/:id/binaries',
      (ctx) => {
        const e = eventOf(ctx, ADMIN);
        if (e.attachment) throw new C8yHttpError(409, 'Duplicate', 'Attachment already exists');
        const a = readAttachment(ctx, e);
        e.attachment = a;
        touch(ctx, e);
        return ctx.created(binaryJson(ctx, e, a), 'application/json');
      },
      { body: 'any' },
    );

    api.put(
      '/event/events/:id/binaries',
      (ctx) => {
        const e = eventOf(ctx, ADMIN);
        const a = readAttachment(ctx, e);
        // A replacement keeps the stored name unless the request names the file.
        if (e.attachment && ctx.headers['content-disposition'] === undefined && ctx.body.contentType?.essence !== 'multipart/form-data')
          a.name = e.attachment.name;
        e.attachment = a;
        touch(ctx, e);
        return ctx.created(binaryJson(ctx, e, a), 'application/json');
      },
      { body: 'any' },
    );

    api.get('/event/events/:id/binaries', (ctx) => {
      const e = eventOf(ctx, READ);
      if (!e.attachment) throw new C8yHttpError(404, 'Not Found', 'Attachment not found');
      return ctx.raw(200, e.attachment.data, e.attachment.type, { 'Content-Disposition': contentDisposition(e.attachment.name) });
    });

    api.delete('/event/events/:id/binaries', (ctx) => {
      const e = eventOf(ctx, ADMIN);
      if (!e.attachment) throw new C8yHttpError(404, 'Not Found', 'Attachment not found');
      delete e.attachment;
      touch(ctx, e);
      return ctx.noContent();
    });
  },
});

