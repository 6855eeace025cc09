import type { Tenant } from '../auth/tenants.js';
import type { RequestContext } from '../server/context.js';
import { errors } from '../server/errors.js';
import { cumulocityTypeOf } from '../server/media-types.js';
import {
  dateParam,
  hasGlobal,
  isObject,
  missingFields,
  objectBody,
  parseTime,
  querySignature,
  requireSource,
  requireSourceAccess,
  sourceIdOf,
  sourceVisibility,
  stringParam,
  type Json,
} from './data-common.js';
import { recordDeviceMessage } from './inventory.js';
import { AGGREGATION_TYPES, computeSeries, intervalBucket, legacyBucket, parseFunctions, type AggregationType } from './measurements/series.js';
import { MeasurementStore, splitMeasurement, type MeasurementFilter, type SplitMeasurement } from './measurements/store.js';
import type { SeedTarget } from './inventory.js';
import { defineArea } from './types.js';

export { MeasurementStore } from './measurements/store.js';

const R = 'measurement';
const READ = ['ROLE_MEASUREMENT_READ', 'ROLE_MEASUREMENT_ADMIN'] as const;
const ADMIN = ['ROLE_MEASUREMENT_ADMIN'] as const;

/** The measurement store of a tenant. */
export function measurementStore(tenant: Tenant): MeasurementStore {
  return tenant.data('measurements', () => new MeasurementStore());
}

interface Prepared {
  sourceId: string;
  type: string;
  time: number;
  timeText: string | undefined;
  split: SplitMeasurement;
}

/** Validates one measurement body: `source.id`, `type`, `time` mandatory (422), a parseable time. */
function prepare(body: unknown): Prepared {
  if (!isObject(body)) throw errors.invalidData(R, 'A measurement must be a JSON object');
  const sourceId = sourceIdOf(body);
  const missing = [
    ...(sourceId === undefined ? ['source'] : []),
    ...(typeof body.type !== 'string' || body.type === '' ? ['type'] : []),
    ...(body.time === undefined || body.time === null ? ['time'] : []),
  ];
  if (missing.length > 0 || sourceId === undefined) throw missingFields(missing);
  const time = parseTime(body.time);
  if (Number.isNaN(time)) throw errors.invalidData(R, `Invalid time '${String(body.time)}'`);
  const text = String(body.time);
  return { sourceId, type: String(body.type), time, timeText: new Date(time).toISOString() === text ? undefined : text, split: splitMeasurement(body, R) };
}

function render(ctx: RequestContext, store: MeasurementStore, row: number): Json {
  const doc = store.document(row);
  return {
    id: doc.id,
    self: ctx.url(`/measurement/measurements/${doc.id}`),
    source: { id: doc.sourceId, self: ctx.url(`/inventory/managedObjects/${encodeURIComponent(doc.sourceId)}`) },
    time: doc.time,
    type: doc.type,
    ...doc.fragments,
  };
}

/** Filter of `GET`/`DELETE /measurement/measurements` (`fragmentType` is the DELETE name of `valueFragmentType`). */
function readFilter(ctx: RequestContext): MeasurementFilter {
  const filter: MeasurementFilter = {};
  const source = stringParam(ctx, 'source');
  const type = stringParam(ctx, 'type');
  const frag = stringParam(ctx, 'valueFragmentType') ?? (ctx.method === 'DELETE' ? stringParam(ctx, 'fragmentType') : undefined);
  const series = stringParam(ctx, 'valueFragmentSeries');
  const from = dateParam(ctx, 'dateFrom', R);
  const to = dateParam(ctx, 'dateTo', R);
  if (source !== undefined) filter.source = source;
  if (type !== undefined) filter.type = type;
  if (frag !== undefined) filter.valueFragmentType = frag;
  if (series !== undefined) filter.valueFragmentSeries = series;
  if (from !== undefined) filter.from = from;
  if (to !== undefined) filter.to = to;
  return filter;
}

/** One measurement to seed: the JSON shape of the API (`source` may also be a plain id, `time` a Date or epoch ms). */
export type SeedMeasurement = Json & { source: string | { id: string }; type: string; time: string | number | Date };

/**
 * Inserts measurements straight into a tenant's store, without HTTP and without checking that the
 * sources exist (tests, benchmarks): ids come from the emulator's counter in order. 1,000,000
 * single-series measurements take about a second. Returns the count and the first/last id (ids are
 * consecutive unless other data is created concurrently).
 *
 * @example seedMeasurements(emu, 't100', Array.from({ length: 1000 }, (_, i) => ({ source: '10000', type: 'c8y_T', time: i * 1000, c8y_T: { T: { value: i, unit: 'C' } } })));
 */
export function seedMeasurements(
  emu: SeedTarget,
  tenantId: string,
  measurements: Iterable<SeedMeasurement>,
): { count: number; firstId: string | undefined; lastId: string | undefined } {
  const tenant = emu.tenants.get(tenantId);
  if (!tenant) throw new Error(`Unknown tenant ${tenantId}`);
  const store = measurementStore(tenant);
  let count = 0;
  let firstId: string | undefined;
  let lastId: string | undefined;
  for (const m of measurements) {
    const sourceId = typeof m.source === 'string' ? m.source : m.source.id;
    let time: number;
    let timeText: string | undefined;
    if (typeof m.time === 'number') time = m.time;
    else if (m.time instanceof Date) time = m.time.getTime();
    else {
      time = parseTime(m.time);
      if (new Date(time).toISOString() !== m.time) timeText = m.time;
    }
    if (Number.isNaN(time)) throw new Error(`Invalid time ${String(m.time)}`);
    const id = emu.services.ids.next();
    store.insert(Number(id), sourceId, m.type, time, timeText, splitMeasurement(m, R));
    firstId ??= id;
    lastId = id;
    count++;
  }
  return { count, firstId, lastId };
}

/**
 * Measurements: `POST` single (`vnd.measurement`) or collection (`vnd.measurementcollection`),
 * `GET/DELETE /{id}`, the filtered and paged collection, `DELETE` by filter and `/series`.
 * State: a compact columnar store per tenant (`measurements/store.ts`).
 */
export const measurementsArea = defineArea({
  name: 'measurements',
  resource: R,
  register(api) {
      api.post(
        '/measurement/measurements',
        (ctx) => {
          const body = objectBody(ctx, R);
          const ct = ctx.body.contentType && cumulocityTypeOf(ctx.body.contentType);
          const isCollection = ct === 'measurementcollection' || (ct !== 'measurement' && Array.isArray(body.measurements) && body.source === undefined);
          const items: unknown[] = isCollection ? (Array.isArray(body.measurements) ? (body.measurements as unknown[]) : []) : [body];
          if (isCollection && !Array.isArray(body.measurements)) throw missingFields(['measurements']);
          // All or nothing: validate and authorise every measurement before storing any.
          const prepared = items.map(prepare);
          for (const p of prepared) requireSource(ctx, p.sourceId, R, ADMIN);
          const store = measurementStore(ctx.tenant);
          const rows = prepared.map((p) => {
            recordDeviceMessage(ctx, p.sourceId);
            return store.insert(Number(ctx.emu.ids.next()), p.sourceId, p.type, p.time, p.timeText, p.split);
          });
          if (isCollection)
            return ctx.created({ measurements: rows.map((r) => render(ctx, store, r)) }, 'measurementcollection');
          const row = rows[0] ?? 0;
          return ctx.created(render(ctx, store, row), 'measurement');
        },
        { jsonTypes: ['measurement', 'measurementcollection'] },
      );

      api.get('/measurement/measurements', (ctx) => {
        const store = measurementStore(ctx.tenant);
        const filter = readFilter(ctx);
        const visible = sourceVisibility(ctx, READ);
        if (visible) filter.visible = (s) => visible(s);
        const range = store.query(filter, querySignature(ctx, visible ? ctx.user.userName : ''));
        const revert = ctx.query.bool('revert');
        const total = range.hi - range.lo;
        return ctx.ok(
          ctx.page(
            {
              slice: (offset: number, limit: number) => {
                const out: number[] = [];
                for (let k = offset; k < Math.min(total, offset + limit); k++) out.push(range.rows[revert ? range.hi - 1 - k : range.lo + k] ?? 0);
                return out;
              },
              count: () => total,
            },
            { key: 'measurements', map: (row) => render(ctx, store, row), restricted: false },
          ),
          'measurementcollection',
        );
      });

      api.delete('/measurement/measurements', (ctx) => {
        ctx.requireRole(...ADMIN);
        if (!['source', 'dateFrom', 'dateTo'].some((k) => stringParam(ctx, k) !== undefined))
          throw errors.invalidData(R, 'DELETE requires at least one of the following parameters: source, dateFrom, dateTo');
        const store = measurementStore(ctx.tenant);
        const range = store.query(readFilter(ctx), `delete|${querySignature(ctx)}`);
        store.remove(Array.from(range.rows.subarray(range.lo, range.hi)));
        return ctx.noContent();
      });

      api.get('/measurement/measurements/series', (ctx) => {
        const source = stringParam(ctx, 'source');
        const from = dateParam(ctx, 'dateFrom', R);
        const to = dateParam(ctx, 'dateTo', R);
        const missing = [...(source === undefined ? ['source'] : []), ...(from === undefined ? ['dateFrom'] : []), ...(to === undefined ? ['dateTo'] : [])];
        if (missing.length > 0 || source === undefined || from === undefined || to === undefined)
          throw errors.invalidData(R, `Missing required query parameters: ${missing.join(', ')}`);
        requireSourceAccess(ctx, source, READ);
        const fnParams = ctx.query.getAll('aggregationFunction').flatMap((v) => v.split(',')).filter((v) => v !== '');
        const interval = stringParam(ctx, 'aggregationInterval');
        const aggType = stringParam(ctx, 'aggregationType');
        if (fnParams.length > 0 && interval === undefined)
          throw errors.badRequest(R, 'aggregationFunction requires the aggregationInterval parameter');
        let bucket: ((t: number) => number) | undefined;
        if (interval !== undefined) {
          bucket = intervalBucket(interval);
          if (!bucket) throw errors.invalidData(R, `Invalid aggregationInterval '${interval}': expected <1-999><s|m|h|d|w|M|q|y>`);
        } else if (aggType !== undefined) {
          const t = AGGREGATION_TYPES.find((x) => x === aggType);
          if (!t) throw errors.invalidData(R, `Invalid aggregationType '${aggType}'; allowed: ${AGGREGATION_TYPES.join(', ')}`);
          bucket = legacyBucket(t as AggregationType);
        }
        const body = computeSeries(
          measurementStore(ctx.tenant),
          {
            source,
            from,
            to,
            series: ctx.query.getAll('series').flatMap((v) => v.split(',')).filter((v) => v !== ''),
            ...(bucket ? { bucket } : {}),
            functions: parseFunctions(fnParams, R),
            revert: ctx.query.bool('revert'),
          },
          `series|${source}|${from}|${to}`,
        );
        return ctx.ok(body, 'application/json');
      });

      api.get('/measurement/measurements/:id', (ctx) => {
        const store = measurementStore(ctx.tenant);
        const row = store.rowOf(ctx.param('id'));
        if (row === undefined) throw errors.notFound(R, 'Finding measurement from database failed');
        requireSourceAccess(ctx, store.sourceOf(row), READ);
        return ctx.ok(render(ctx, store, row), 'measurement');
      });

      api.delete('/measurement/measurements/:id', (ctx) => {
        const store = measurementStore(ctx.tenant);
        const row = store.rowOf(ctx.param('id'));
        if (row === undefined) throw errors.notFound(R, 'Finding measurement from database failed');
        if (!hasGlobal(ctx, ADMIN)) requireSourceAccess(ctx, store.sourceOf(row), []);
        store.remove([row]);
        return ctx.noContent();
      });
  },
});
