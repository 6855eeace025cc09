import type { ProcessingMode } from '../client/options.js';
import type { RestClient } from '../client/rest-client-interface.js';
import { InvalidInputError } from '../errors/invalid-input-error.js';
import { describeUrl, readCollectionReply } from '../paging/envelope.js';
import { resolveResourcePath } from '../paging/resource-path.js';
import type { JsonObject } from '../paging/types.js';
import type { ResourceDescriptor } from '../resource/resource-descriptor.js';
import { runBulk, type BulkOptions } from './run-bulk.js';

/**
 * One chunk of a {@link postInChunks} call: the target of a failure in its `BulkError`.
 *
 * @example
 * ```ts
 * const report = (bulkError: BulkError) => {
 *   for (const { target } of bulkError.failures as Array<BulkFailure<Chunk<JsonObject>>>) console.log(target.offset, target.items.length);
 * };
 * ```
 */
export interface Chunk<J> {
  /** Position of the chunk's first item in the input. */
  readonly offset: number;
  /** The chunk's items. */
  readonly items: readonly J[];
}

/**
 * Options of {@link postInChunks}: chunking plus the {@link BulkOptions} of the run over chunks.
 *
 * @example
 * ```ts
 * const options: PostInChunksOptions = { chunkSize: 200, workers: 4, processingMode: 'QUIESCENT' };
 * ```
 */
export interface PostInChunksOptions extends BulkOptions {
  /** Items per request. @default 500 */
  chunkSize?: number;
  /** `X-Cumulocity-Processing-Mode` of the requests. */
  processingMode?: ProcessingMode;
}

/**
 * Items per request of {@link postInChunks} when the caller names no `chunkSize`.
 *
 * @example
 * ```ts
 * const requests = Math.ceil(10_000 / DEFAULT_CHUNK_SIZE); // 20 requests for 10,000 measurements
 * ```
 */
export const DEFAULT_CHUNK_SIZE = 500;

/**
 * Creates many objects with the collection POST — `POST <path>` with
 * `{ <collectionKey>: [...] }` and the resource's collection media type (measurements:
 * `application/vnd.com.nsn.cumulocity.measurementcollection+json`, body `{ measurements: [...] }`)
 * — `chunkSize` items per request, `workers` requests at once. Resolves the created objects in
 * input order (an empty reply body, as with some processing modes, contributes nothing).
 *
 * Failures: one `BulkError` whose targets are the failed {@link Chunk}s (`offset`, `items`) and
 * whose `results` hold the created objects of each successful chunk (index = chunk number).
 * POST is not retried except on 429 (the client's rule): a chunk that failed may be partly stored.
 * `onProgress` counts items, not chunks.
 *
 * @example
 * ```ts
 * const measurementsResource = {
 *   name: 'measurement', path: '/measurement/measurements', collectionKey: 'measurements',
 *   collectionMediaType: 'application/vnd.com.nsn.cumulocity.measurementcollection+json',
 * };
 * const readings = [{ source: { id: '42' }, type: 'c8y_Temperature', time: '2025-01-01T00:00:00.000Z', c8y_Temperature: { T: { value: 21.5, unit: 'C' } } }];
 * const created = await postInChunks(client, measurementsResource, readings, { chunkSize: 500, workers: 4 });
 * ```
 */
export async function postInChunks<J extends object>(
  client: RestClient,
  resource: ResourceDescriptor,
  items: readonly J[],
  options: PostInChunksOptions = {},
): Promise<JsonObject[]> {
  if (!Array.isArray(items)) throw new InvalidInputError('expected an array of objects', { path: 'items' });
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  if (!Number.isInteger(chunkSize) || chunkSize < 1) throw new InvalidInputError(`must be an integer ≥ 1, got ${String(chunkSize)}`, { path: 'chunkSize' });
  if (items.length === 0) return [];
  const { chunkSize: _chunkSize, processingMode, onProgress, ...bulkOptions } = options;
  const path = await resolveResourcePath(client, resource.path, options.signal);
  const mediaType = resource.collectionMediaType ?? 'application/json';

  const chunks: Array<Chunk<J>> = [];
  for (let offset = 0; offset < items.length; offset += chunkSize) chunks.push({ offset, items: items.slice(offset, offset + chunkSize) });

  let itemsDone = 0;
  let itemsFailed = 0;
  const perChunk = await runBulk(
    chunks,
    async (chunk, { signal }) => {
      try {
        const body = await client.post(path, { [resource.collectionKey]: chunk.items }, {
          contentType: mediaType,
          accept: mediaType,
          signal,
          ...(processingMode === undefined ? {} : { processingMode }),
        });
        itemsDone += chunk.items.length;
        if (body === undefined) return [];
        return readCollectionReply(body, resource, { method: 'POST', url: describeUrl(client.baseUrl, path) }).items;
      } catch (error) {
        itemsDone += chunk.items.length;
        itemsFailed += chunk.items.length;
        throw error;
      }
    },
    {
      ...bulkOptions,
      ...(onProgress === undefined ? {} : { onProgress: () => onProgress({ done: itemsDone, total: items.length, failed: itemsFailed }) }),
    },
  );
  return perChunk.flat();
}
