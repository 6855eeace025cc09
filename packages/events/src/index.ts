/**
 * `@c8y/events`: the Cumulocity event API as a typed context, with event attachments.
 *
 * @example
 * ```ts
 * import { Events } from '@c8y/events';
 * const events = new Events(client);
 * for await (const event of events.select({ type: 'c8y_LocationUpdate', maxAge: '1d' })) console.log(event.text);
 * ```
 * @packageDocumentation
 */
export { Events, type AttachmentFile } from './events.js';
export type { EventDeleteFilters, EventFilters } from './event-filters.js';
export { eventDeleteQuery, eventQuery } from './event-queries.js';
export { Event, type EventAttachmentInfo, type EventInit } from '@c8y/model';
