import { Binary, Resources, type BinaryInit } from '@c8y/model';
import {
  apiPath,
  defineResourceApi,
  idOf,
  InvalidInputError,
  type CallOptions,
  type Download,
  type DownloadedBytes,
  type FileContent,
  type IdLike,
} from '@c8y/rest-core';
import { binaryQuery } from './inventory-queries.js';

/**
 * What `upload` and `replace` send: a `Blob`/`File`, bytes, a string, or a stream (read to the
 * end first, so a retried request can send it again).
 */
export type BinaryContent = FileContent | ReadableStream<Uint8Array>;

/**
 * The file of `upload`: its `name` (required) and content `type` (default
 * `application/octet-stream`), plus any further metadata fragments.
 *
 * @example
 * ```ts
 * const file: BinaryUpload = { name: 'report.csv', type: 'text/csv' };
 * ```
 */
export interface BinaryUpload extends BinaryInit {
  name: string;
  type?: string;
}

async function contentOf(content: BinaryContent): Promise<FileContent> {
  if (typeof ReadableStream !== 'undefined' && content instanceof ReadableStream) return new Response(content).blob();
  return content as FileContent;
}

/**
 * Binaries (`/inventory/binaries`): files stored in the inventory. List and count them with
 * typed filters, upload (multipart: metadata + file), download as a stream or as bytes,
 * replace the content, delete one or many. Results are `Binary` objects (the metadata).
 *
 * `GET /inventory/binaries/{id}` answers the content, so `get(id)` reads the metadata from
 * `/inventory/managedObjects/{id}`; change metadata with `Inventory#update`.
 *
 * @example
 * ```ts
 * const binaries = new Binaries(client);
 * const file = await binaries.upload('a,b\n1,2\n', { name: 'data.csv', type: 'text/csv' });
 * const { bytes } = await binaries.downloadBytes(file);
 * await binaries.delete(file);
 * ```
 */
export class Binaries extends /* @__PURE__ */ defineResourceApi({
  resource: Resources.binary,
  query: binaryQuery,
  item: Binary,
  operations: ['select', 'getAll', 'count', 'delete'],
}) {
  /**
   * The metadata of one binary (`GET /inventory/managedObjects/{id}`).
   *
   * @example
   * ```ts
   * const binaryId = '4711';
   * const file = await binaries.get(binaryId);
   * file.length; // 365
   * ```
   */
  async get(id: IdLike, options?: CallOptions): Promise<Binary> {
    return Binary.fromJSON(this.client, { id: idOf(id, 'id') }).reload(options);
  }

  /**
   * Uploads a file (`POST /inventory/binaries`, multipart `object` + `file`) and resolves its
   * metadata. The POST is retried only on 429, so a file is never stored twice by a retry.
   *
   * @throws InvalidInputError without a `name`, before any request.
   * @example
   * ```ts
   * const file = await binaries.upload(bytes, { name: 'firmware.bin', type: 'application/octet-stream' });
   * ```
   */
  async upload(content: BinaryContent, file: BinaryUpload, options?: CallOptions): Promise<Binary> {
    if (typeof file !== 'object' || file === null || typeof file.name !== 'string' || file.name === '') {
      throw new InvalidInputError('a file needs a name', { path: 'file.name' });
    }
    const init: BinaryInit = { type: 'application/octet-stream', ...file };
    return new Binary(this.client, init).create(await contentOf(content), options);
  }

  /**
   * Streams the content (`GET /inventory/binaries/{id}`): read or cancel `body`.
   *
   * @example
   * ```ts
   * const binaryId = '4711';
   * const { body, contentType } = await binaries.download(binaryId);
   * ```
   */
  async download(id: IdLike, options?: CallOptions): Promise<Download> {
    return this.client.download(apiPath`/inventory/binaries/${idOf(id, 'id')}`, options);
  }

  /**
   * Reads the whole content (`GET /inventory/binaries/{id}`) as bytes, with its file name and type.
   *
   * @example
   * ```ts
   * const binaryId = '4711';
   * const { bytes, filename } = await binaries.downloadBytes(binaryId);
   * ```
   */
  async downloadBytes(id: IdLike, options?: CallOptions): Promise<DownloadedBytes> {
    return this.client.downloadBytes(apiPath`/inventory/binaries/${idOf(id, 'id')}`, options);
  }

  /**
   * Replaces the content (`PUT /inventory/binaries/{id}` with the raw bytes) and resolves the new
   * metadata. `type` sets the content type (default: the Blob's type, else `application/octet-stream`).
   *
   * @example
   * ```ts
   * const binaryId = '4711';
   * await binaries.replace(binaryId, 'a,b\n3,4\n', { type: 'text/csv' });
   * ```
   */
  async replace(id: IdLike, content: BinaryContent, file: { type?: string; name?: string } = {}, options?: CallOptions): Promise<Binary> {
    const target = Binary.fromJSON(this.client, { id: idOf(id, 'id') });
    const replaced = await target.replaceContent(await contentOf(content), {
      ...(file.type === undefined ? {} : { contentType: file.type }),
      ...(file.name === undefined ? {} : { filename: file.name }),
    }, options);
    return replaced;
  }
}
