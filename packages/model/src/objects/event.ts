import { apiPath, type CallOptions, type Download, type DownloadedBytes, type FileContent, type IdLike, type RestClient } from '@c8y/rest-core';
import { isJsonObject, type JsonObject } from '../json/json-types.js';
import { eventResource } from '../resources.js';
import { EventSchema } from '../schemas/data.js';
import type { TimeInput } from '../time/time-input.js';
import type { ObjectInit } from './cumulocity-object.js';
import type { ObjectMeta } from './object-meta.js';
import { TextObject } from './sourced-object.js';

const META: ObjectMeta = {
  className: 'Event',
  resource: eventResource,
  readOnly: ['id', 'self', 'creationTime', 'lastUpdated'],
  fixedAfterCreate: ['source', 'type', 'time'],
  schema: EventSchema,
};

/**
 * The init object of an `Event`.
 *
 * @example
 * ```ts
 * const init: EventInit = { type: 'c8y_DoorOpened', text: 'Door opened', source: '1', time: 'now' };
 * ```
 */
export interface EventInit extends ObjectInit {
  type?: string;
  text?: string;
  source?: IdLike;
  time?: TimeInput;
}

/**
 * What Cumulocity replies about an event's attachment.
 *
 * @example
 * ```ts
 * const info: EventAttachmentInfo = await event.attach('hello', { filename: 'hello.txt', contentType: 'text/plain' });
 * ```
 */
export type EventAttachmentInfo = JsonObject;

/**
 * An event (`/event/events`). Only `text` and custom fragments can change after creation
 * (`source`, `type` and `time` cannot: `update()` refuses them). An event can carry one file
 * attachment (`/event/events/{id}/binaries`).
 *
 * @example
 * ```ts
 * const event = await new Event(c8y, { type: 'c8y_DoorOpened', text: 'Door opened', source: deviceId, time: 'now' }).create();
 * await event.attach(new Blob(['…'], { type: 'image/jpeg' }), { filename: 'door.jpg', contentType: 'image/jpeg' });
 * event.text = 'Door opened (checked)';
 * await event.update();
 * ```
 */
export class Event extends TextObject {
  constructor(c8y?: RestClient, init?: EventInit) {
    super(c8y, init);
  }

  protected get meta(): ObjectMeta {
    return META;
  }

  /**
   * Creates it (`POST /event/events`) and returns it with its id.
   * @throws InvalidInputError when `source`, `type`, `text` or `time` is missing, before any request.
   * @example
   * ```ts
   * const created = await event.create();
   * ```
   */
  async create(options?: CallOptions): Promise<this> {
    return this.createObject(options);
  }

  /**
   * Sends the local changes (`PUT /event/events/{id}`, only what changed).
   * @example
   * ```ts
   * event.text = 'new'; await event.update();
   * ```
   */
  async update(options?: CallOptions): Promise<this> {
    return this.updateObject(options);
  }

  /**
   * Sends this event's changes (or its full JSON if never created) to the event `id`.
   * @example
   * ```ts
   * await new Event(c8y, { cx_Checked: { by: 'me' } }).applyTo('4711');
   * ```
   */
  async applyTo(id: string | number, options?: CallOptions): Promise<this> {
    return this.applyToObject(id, options);
  }

  /**
   * Reloads it (`GET /event/events/{id}`); local changes are dropped.
   * @example
   * ```ts
   * await event.reload();
   * ```
   */
  async reload(options?: CallOptions): Promise<this> {
    return this.reloadObject(options);
  }

  /**
   * Deletes it (`DELETE /event/events/{id}`).
   * @example
   * ```ts
   * await event.delete();
   * ```
   */
  async delete(options?: CallOptions): Promise<void> {
    return this.deleteObject(undefined, options);
  }

  /**
   * Attaches a file (`POST /event/events/{id}/binaries`, multipart). An event holds one
   * attachment: Cumulocity answers 409 (`ConflictError`) if it already has one — use
   * `replaceAttachment()`.
   * @example
   * ```ts
   * await event.attach('Hello', { filename: 'hello.txt', contentType: 'text/plain' });
   * ```
   */
  async attach(content: FileContent, file: { filename?: string; contentType?: string } = {}, options?: CallOptions): Promise<EventAttachmentInfo> {
    const path = this.#attachmentPath('attach a file to');
    const filename = file.filename ?? (content instanceof File ? content.name : undefined) ?? 'attachment';
    const contentType = file.contentType ?? (content instanceof Blob && content.type !== '' ? content.type : 'application/octet-stream');
    const reply = await this.requireClient().uploadMultipart(path, { object: { name: filename, type: contentType }, file: content, filename, contentType }, options);
    return isJsonObject(reply) ? reply : {};
  }

  /**
   * Replaces the attachment (`PUT /event/events/{id}/binaries` with the raw bytes).
   * @example
   * ```ts
   * await event.replaceAttachment('Hello again', { filename: 'hello.txt', contentType: 'text/plain' });
   * ```
   */
  async replaceAttachment(content: FileContent, file: { filename?: string; contentType?: string } = {}, options?: CallOptions): Promise<EventAttachmentInfo> {
    const reply = await this.requireClient().putBinary(this.#attachmentPath('replace the attachment of'), content, file, options);
    return isJsonObject(reply) ? reply : {};
  }

  /**
   * Streams the attachment (`GET /event/events/{id}/binaries`). Read or cancel the body.
   * @example
   * ```ts
   * const { body, filename } = await event.downloadAttachment();
   * ```
   */
  async downloadAttachment(options?: CallOptions): Promise<Download> {
    return this.requireClient().download(this.#attachmentPath('download the attachment of'), options);
  }

  /**
   * Reads the whole attachment.
   * @example
   * ```ts
   * const { bytes, filename } = await event.readAttachment();
   * ```
   */
  async readAttachment(options?: CallOptions): Promise<DownloadedBytes> {
    return this.requireClient().downloadBytes(this.#attachmentPath('download the attachment of'), options);
  }

  /**
   * Deletes the attachment (`DELETE /event/events/{id}/binaries`).
   * @example
   * ```ts
   * await event.deleteAttachment();
   * ```
   */
  async deleteAttachment(options?: CallOptions): Promise<void> {
    await this.requireClient().delete(this.#attachmentPath('delete the attachment of'), options);
  }

  #attachmentPath(action: string): string {
    return apiPath`/event/events/${this.requireId(action)}/binaries`;
  }
}
