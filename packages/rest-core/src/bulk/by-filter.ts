import { requestOverrides } from '../client/call-options.js';
import type { RequestOptions } from '../client/options.js';
import type { RestClient } from '../client/rest-client-interface.js';
import { InvalidInputError } from '../errors/invalid-input-error.js';
import { buildQueryParams } from '../query/build.js';
import type { QueryRecord } from '../query/query-record.js';
import { resolveResourcePath } from '../paging/resource-path.js';
import type { FilterOptions, PagedResource, PagingQuery } from '../paging/types.js';
import { withExtraParams } from '../query/extra-params.js';

/**
 * Options of {@link deleteByFilter} and {@link updateByFilter}: the {@link CallOptions} of the
 * request and the clock for relative dates.
 *
 * @example
 * ```ts
 * const options: ByFilterOptions = { processingMode: 'QUIESCENT', signal: AbortSignal.timeout(30_000) };
 * ```
 */
export type ByFilterOptions = FilterOptions;

/**
 * The server's answer to a bulk update: done (200), or still running in the background (202).
 *
 * @example
 * ```ts
 * const { inBackground } = await updateByFilter(client, { ...Resources.alarm, querySpec: alarmStatusQuery }, { source: '42' }, { status: 'CLEARED' });
 * ```
 */
export interface ByFilterResult {
  /** The HTTP status: 200 when done, 202 when the platform continues in the background. */
  readonly status: number;
  /** Whether the platform continues the change in the background (202). */
  readonly inBackground: boolean;
}

function filterParams(resource: PagedResource, query: PagingQuery, verb: string, options: ByFilterOptions): QueryRecord {
  if (query === undefined || query === null) {
    throw new InvalidInputError(`a filter is required: ${verb} ${resource.path} without one would hit every ${resource.name}`, { path: 'query' });
  }
  if (typeof resource.querySpec !== 'object' || resource.querySpec === null) {
    throw new InvalidInputError("expected the resource's querySpec", { path: 'resource.querySpec' });
  }
  const params = buildQueryParams(query, resource.querySpec, options.now);
  const meaningful = Object.values(params).some((value) => (Array.isArray(value) ? value.some((item) => item !== '') : value !== ''));
  if (!meaningful) {
    throw new InvalidInputError(`a non-empty filter is required: ${verb} ${resource.path} without one would hit every ${resource.name}`, {
      path: 'query',
    });
  }
  return withExtraParams(params, options.params);
}

function requestOptions(options: ByFilterOptions, params: QueryRecord): RequestOptions {
  return { ...requestOverrides(options), params, ...(options.signal === undefined ? {} : { signal: options.signal }) };
}

/**
 * Server-side bulk delete: `DELETE <path>?<filters>` (measurements, events, alarms, operations,
 * Notification 2.0 subscriptions). A missing or empty filter is an `InvalidInputError` and
 * nothing is sent — a DELETE without filters would delete the whole collection. The platform may
 * finish the deletion after answering.
 *
 * @example
 * ```ts
 * const eventSpec = defineQuery<DateRangeFilters & { source?: IdLike; type?: string }>({ resource: 'events', ranges: ['time'], ids: ['source'] });
 * await deleteByFilter(client, { ...Resources.event, querySpec: eventSpec }, { source: '42', type: 'c8y_Test', before: '2025-01-01' });
 * // DELETE /event/events?source=42&type=c8y_Test&dateTo=2025-01-01T00:00:00.000Z
 * ```
 */
export async function deleteByFilter(client: RestClient, resource: PagedResource, query: PagingQuery, options: ByFilterOptions = {}): Promise<void> {
  const params = filterParams(resource, query, 'DELETE', options);
  const path = await resolveResourcePath(client, resource.path, options.signal);
  await client.delete(path, requestOptions(options, params));
}

/**
 * Server-side bulk update: `PUT <path>?<filters>` with `body` — the alarm status update
 * (`PUT /alarm/alarms?source=42&status=ACTIVE` with `{ "status": "CLEARED" }`; only the status can
 * change). The body is sent with the resource's `mediaType` (`…alarm+json`). A missing or empty
 * filter is an `InvalidInputError` and nothing is sent. Resolves whether the platform finished
 * (200) or continues in the background (202).
 *
 * @example
 * ```ts
 * const { inBackground } = await updateByFilter(client, { ...Resources.alarm, querySpec: alarmStatusQuery }, { source: '42', status: 'ACTIVE' }, { status: 'CLEARED' });
 * ```
 */
export async function updateByFilter(
  client: RestClient,
  resource: PagedResource,
  query: PagingQuery,
  body: Readonly<Record<string, unknown>>,
  options: ByFilterOptions = {},
): Promise<ByFilterResult> {
  const params = filterParams(resource, query, 'PUT', options);
  if (typeof body !== 'object' || body === null || Array.isArray(body) || Object.keys(body).length === 0) {
    throw new InvalidInputError('expected a non-empty object, e.g. { status: "CLEARED" }', { path: 'body' });
  }
  const path = await resolveResourcePath(client, resource.path, options.signal);
  const response = await client.put<Response>(path, body, {
    ...requestOptions(options, params),
    responseType: 'response',
    contentType: resource.mediaType ?? 'application/json',
  });
  await response.body?.cancel();
  return { status: response.status, inBackground: response.status === 202 };
}
