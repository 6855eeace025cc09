import { Event, Resources, type EventAttachmentInfo } from '@c8y/model';
import {
  defineResourceApi,
  idOf,
  type CallOptions,
  type Download,
  type DownloadedBytes,
  type FileContent,
  type IdLike,
} from '@c8y/rest-core';
import { eventDeleteQuery, eventQuery } from './event-queries.js';

/**
 * The file name and content type of an attachment. Omitted: a `File`'s own name (else
 * `attachment`) and a `Blob`'s own type (else `application/octet-stream`).
 *
 * @example
 * ```ts
 * const file: AttachmentFile = { filename: 'door.jpg', contentType: 'image/jpeg' };
 * ```
 */
export interface AttachmentFile {
  /** The file name Cumulocity stores (and sends back in `Content-Disposition`). */
  filename?: string;
  /** The content type Cumulocity stores. */
  contentType?: string;
}

/**
 * Events (`/event/events`): typed queries with paging and workers, counts, creating, updating
 * and deleting events one by one or in bulk, deletes by filter, and the one file attachment an
 * event can carry (`/event/events/{id}/binaries`).
 *
 * Events come newest first; `ascending: true` (sent as `revert=true`) gives oldest first for a
 * range query. Only `text` and custom fragments of an event can change (`update` refuses `type`,
 * `source` and `time`). `deleteBy` (`DELETE /event/events?<filters>`) takes only the parameters
 * that endpoint documents (source, type, `fragmentType`, time and creation ranges) and never an
 * empty filter; the platform needs at least one of `source`, a time bound or a creation bound
 * (else 422) and may finish after answering.
 *
 * @example
 * ```ts
 * const events = new Events(client);
 * const opened = await events.create({ type: 'cx_DoorOpened', text: 'Door opened', source: device, time: 'now' });
 * await events.createAttachment(opened, 'photo bytes', { filename: 'door.txt', contentType: 'text/plain' });
 * await events.count({ source: device, maxAge: '1d' });
 * ```
 */
export class Events extends /* @__PURE__ */ defineResourceApi({
  resource: Resources.event,
  query: eventQuery,
  item: Event,
  queries: { deleteBy: eventDeleteQuery },
  operations: ['get', 'select', 'getAll', 'getLast', 'count', 'create', 'update', 'applyTo', 'delete', 'deleteBy'],
}) {
  /**
   * Attaches a file to an event (`POST /event/events/{id}/binaries`, multipart). An event holds
   * one attachment: Cumulocity answers 409 (`ConflictError`) when it has one — use
   * {@link Events.updateAttachment} to replace it. Resolves Cumulocity's description of the file
   * (`name`, `type`, `source`, `self`); the event gets a `c8y_IsBinary` fragment.
   *
   * @param event - the event: its id or the object.
   * @example
   * ```ts
   * await events.createAttachment(opened, new Uint8Array([1, 2, 3]), { filename: 'dump.bin' });
   * ```
   */
  async createAttachment(event: IdLike, content: FileContent, file?: AttachmentFile, options?: CallOptions): Promise<EventAttachmentInfo> {
    return this.#event(event).attach(content, file, options);
  }

  /**
   * Replaces (or sets) the attachment of an event (`PUT /event/events/{id}/binaries` with the raw
   * bytes). Without a `filename` Cumulocity keeps the stored name.
   *
   * @example
   * ```ts
   * await events.updateAttachment('4711', 'new log', { filename: 'log.txt', contentType: 'text/plain' });
   * ```
   */
  async updateAttachment(event: IdLike, content: FileContent, file?: AttachmentFile, options?: CallOptions): Promise<EventAttachmentInfo> {
    return this.#event(event).replaceAttachment(content, file, options);
  }

  /**
   * Streams the attachment of an event (`GET /event/events/{id}/binaries`): `body`, `filename`,
   * `contentType`, `size`. Read or cancel the body. A missing attachment is a `NotFoundError`.
   *
   * @example
   * ```ts
   * const { body, filename } = await events.downloadAttachment(opened);
   * console.log(filename, await new Response(body).text());
   * ```
   */
  async downloadAttachment(event: IdLike, options?: CallOptions): Promise<Download> {
    return this.#event(event).downloadAttachment(options);
  }

  /**
   * Reads the whole attachment of an event into memory (`GET /event/events/{id}/binaries`).
   *
   * @example
   * ```ts
   * const { bytes, filename } = await events.readAttachment(id);
   * console.log(filename, bytes.length);
   * ```
   */
  async readAttachment(event: IdLike, options?: CallOptions): Promise<DownloadedBytes> {
    return this.#event(event).readAttachment(options);
  }

  /**
   * Deletes the attachment of an event (`DELETE /event/events/{id}/binaries`); the event stays.
   *
   * @example
   * ```ts
   * await events.deleteAttachment(opened);
   * ```
   */
  async deleteAttachment(event: IdLike, options?: CallOptions): Promise<void> {
    return this.#event(event).deleteAttachment(options);
  }

  /** The event by id, bound to this context's client (the attachment requests are the model's). */
  #event(event: IdLike): Event {
    return Event.fromJSON(this.client, { id: idOf(event, 'event') });
  }
}
