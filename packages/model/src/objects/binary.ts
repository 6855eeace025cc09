import { apiPath, type CallOptions, type Download, type FileContent, type RestClient } from '@c8y/rest-core';
import { binaryResource, managedObjectResource } from '../resources.js';
import { collectionPath, objectPath } from '../resource-paths.js';
import { BinarySchema } from '../schemas/inventory.js';
import type { ObjectInit } from './cumulocity-object.js';
import { InventoryObject } from './managed-object-base.js';
import type { ObjectMeta } from './object-meta.js';

const META: ObjectMeta = {
  className: 'Binary',
  resource: binaryResource,
  readOnly: ['id', 'self', 'creationTime', 'lastUpdated'],
  schema: BinarySchema,
};

/**
 * The init object of a `Binary`: its metadata.
 *
 * @example
 * ```ts
 * const init: BinaryInit = { name: 'hello.txt', type: 'text/plain' };
 * ```
 */
export interface BinaryInit extends ObjectInit {
  /** File name. Required to create. */
  name?: string;
  /** Content type, e.g. `text/plain`; also the type of the uploaded file part. */
  type?: string;
}

/**
 * A file in the inventory (`/inventory/binaries`): a managed object holding the metadata plus
 * the content. `create(content)` uploads both (multipart); `update()` changes the metadata
 * (`PUT /inventory/managedObjects/{id}`); `replaceContent()` the file; `delete()` removes both.
 *
 * @example
 * ```ts
 * const file = await new Binary(c8y, { name: 'hello.txt', type: 'text/plain' }).create('Hello!');
 * await file.readText();                       // 'Hello!'
 * await file.replaceContent('Hello again!');
 * await file.delete();
 * ```
 */
export class Binary extends InventoryObject {
  constructor(c8y?: RestClient, init?: BinaryInit) {
    super(c8y, init);
  }

  protected get meta(): ObjectMeta {
    return META;
  }

  /**
   * The stored content's type (set by the server).
   * @example
   * ```ts
   * file.contentType; // 'text/plain'
   * ```
   */
  get contentType(): string | undefined {
    return this.stringField('contentType');
  }

  /**
   * The content's size in bytes (set by the server).
   * @example
   * ```ts
   * file.length; // 365
   * ```
   */
  get length(): number | undefined {
    return this.numberField('length');
  }

  /**
   * Uploads metadata and content (`POST /inventory/binaries`, multipart `object` + `file`) and
   * returns the created binary.
   * @example
   * ```ts
   * const file = await new Binary(c8y, { name: 'a.bin', type: 'application/octet-stream' }).create(new Uint8Array([1, 2, 3]));
   * ```
   */
  async create(content: FileContent, options?: CallOptions): Promise<this> {
    const client = this.requireClient();
    const object = this.toCreateJSON();
    const name = typeof object.name === 'string' ? object.name : undefined;
    const type = typeof object.type === 'string' ? object.type : undefined;
    const reply = await client.uploadMultipart(
      await collectionPath(client, binaryResource, options?.signal),
      { object, file: content, ...(name === undefined ? {} : { filename: name }), ...(type === undefined ? {} : { contentType: type }) },
      { ...options, accept: binaryResource.mediaType },
    );
    return this.fromReply(reply, 'create');
  }

  /**
   * Sends metadata changes (`PUT /inventory/managedObjects/{id}`, only what changed).
   * @example
   * ```ts
   * file.set('my_Tag', 'report'); await file.update();
   * ```
   */
  async update(options?: CallOptions): Promise<this> {
    return this.updateObject(options);
  }

  /**
   * Reloads the metadata (`GET /inventory/managedObjects/{id}`); local changes are dropped.
   * @example
   * ```ts
   * await file.reload();
   * ```
   */
  async reload(options?: CallOptions): Promise<this> {
    return this.reloadObject(options);
  }

  /**
   * Replaces the content (`PUT /inventory/binaries/{id}` with the raw bytes); the server's
   * reply becomes the new metadata.
   * @example
   * ```ts
   * await file.replaceContent(new Blob(['v2'], { type: 'text/plain' }));
   * ```
   */
  async replaceContent(content: FileContent, file: { contentType?: string; filename?: string } = {}, options?: CallOptions): Promise<this> {
    const id = this.requireId('replace the content of');
    const contentType = file.contentType ?? this.type ?? this.contentType;
    const filename = file.filename ?? this.name;
    const reply = await this.requireClient().putBinary(
      apiPath`/inventory/binaries/${id}`,
      content,
      { ...(contentType === undefined ? {} : { contentType }), ...(filename === undefined ? {} : { filename }) },
      { ...options, accept: binaryResource.mediaType },
    );
    this.resetTo(reply, 'replaceContent');
    return this;
  }

  /**
   * Streams the content (`GET /inventory/binaries/{id}`). Read or cancel the body.
   * @example
   * ```ts
   * const { body, filename } = await file.download();
   * ```
   */
  async download(options?: CallOptions): Promise<Download> {
    const id = this.requireId('download');
    return this.requireClient().download(apiPath`/inventory/binaries/${id}`, options);
  }

  /**
   * Reads the whole content as bytes.
   * @example
   * ```ts
   * const bytes = await file.readBytes();
   * ```
   */
  async readBytes(options?: CallOptions): Promise<Uint8Array> {
    const id = this.requireId('download');
    return (await this.requireClient().downloadBytes(apiPath`/inventory/binaries/${id}`, options)).bytes;
  }

  /**
   * Reads the whole content as UTF-8 text.
   * @example
   * ```ts
   * await file.readText(); // 'Hello!'
   * ```
   */
  async readText(options?: CallOptions): Promise<string> {
    return new TextDecoder().decode(await this.readBytes(options));
  }

  /**
   * Deletes metadata and content (`DELETE /inventory/binaries/{id}`).
   * @example
   * ```ts
   * await file.delete();
   * ```
   */
  async delete(options?: CallOptions): Promise<void> {
    const id = this.requireId('delete');
    await this.requireClient().delete(apiPath`/inventory/binaries/${id}`, options);
  }

  /** Metadata lives at `/inventory/managedObjects/{id}`. */
  protected override async objectPath(id: string, signal?: AbortSignal): Promise<string> {
    return objectPath(this.requireClient(), managedObjectResource, id, signal);
  }
}
