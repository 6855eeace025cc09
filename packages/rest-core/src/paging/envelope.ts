import { toQueryString, type QueryParams } from '../client/query-string.js';
import { ResponseFormatError } from '../errors/response-format-error.js';
import type { JsonObject, PageStatistics } from './types.js';

/**
 * A checked collection reply: the items array plus the envelope fields the engine reads.
 *
 * @example
 * ```ts
 * const url = '/event/events?pageSize=5';
 * const { items, statistics, next } = readCollectionReply(await client.get(url), Resources.event, { method: 'GET', url });
 * ```
 */
export interface CollectionReply {
  readonly items: JsonObject[];
  readonly statistics: PageStatistics | undefined;
  readonly self: string | undefined;
  readonly next: string | undefined;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? 'a string' : typeof value;
}

function optionalNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function readStatistics(value: unknown): PageStatistics | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  const total = (key: string) => (record[key] === null ? null : optionalNumber(record[key]));
  return {
    currentPage: optionalNumber(record['currentPage']),
    pageSize: optionalNumber(record['pageSize']),
    totalPages: total('totalPages'),
    totalElements: total('totalElements'),
  };
}

/**
 * Checks a collection reply once per page — an object with an array under the resource's
 * collection key — and reads `statistics`, `self` and `next`. Items are not checked one by one
 * (hot path). `request` names the request in the error.
 *
 * @throws ResponseFormatError naming the resource and the key.
 *
 * @example
 * ```ts
 * const reply = readCollectionReply(await client.get('/event/events'), { name: 'event', collectionKey: 'events' }, { method: 'GET', url: '/event/events' });
 * reply.items.length;
 * ```
 */
export function readCollectionReply(
  body: unknown,
  resource: { readonly name: string; readonly collectionKey: string },
  request: { method: string; url: string },
): CollectionReply {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ResponseFormatError(`the ${resource.name} collection must be a JSON object with "${resource.collectionKey}", got ${describe(body)}`, request);
  }
  const record = body as Record<string, unknown>;
  const items = record[resource.collectionKey];
  if (!Array.isArray(items)) {
    throw new ResponseFormatError(
      `the ${resource.name} collection must have an array "${resource.collectionKey}", got ${items === undefined ? 'no such key' : describe(items)}`,
      request,
    );
  }
  return {
    items: items as JsonObject[],
    statistics: readStatistics(record['statistics']),
    self: typeof record['self'] === 'string' ? record['self'] : undefined,
    next: typeof record['next'] === 'string' && record['next'] !== '' ? record['next'] : undefined,
  };
}

/**
 * The URL of a request, for error messages.
 *
 * @example
 * ```ts
 * describeUrl('https://t1.example.com', '/event/events', { pageSize: 5 }); // 'https://t1.example.com/event/events?pageSize=5'
 * ```
 */
export function describeUrl(baseUrl: string, path: string, params?: QueryParams): string {
  return `${baseUrl}${path}${toQueryString(params)}`;
}
