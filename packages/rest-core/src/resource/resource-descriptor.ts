/**
 * What the generic engine needs to know about one kind of Cumulocity resource. `@c8y/model`
 * holds the table of all of them; a context package is mostly one of these plus types.
 *
 * @example
 * ```ts
 * const events: ResourceDescriptor = {
 *   name: 'event',
 *   path: '/event/events',
 *   collectionKey: 'events',
 *   mediaType: 'application/vnd.com.nsn.cumulocity.event+json',
 *   collectionMediaType: 'application/vnd.com.nsn.cumulocity.eventcollection+json',
 * };
 * ```
 */
export interface ResourceDescriptor {
  /** A short name for messages, e.g. `managedObject`. */
  readonly name: string;
  /**
   * Collection path, e.g. `/inventory/managedObjects`. `{tenantId}` is replaced by the
   * client's (encoded) tenant id, e.g. `/user/{tenantId}/users`.
   */
  readonly path: string;
  /** The array's key in a collection reply, e.g. `managedObjects`. */
  readonly collectionKey: string;
  /** Media type of one object (Accept and Content-Type), if the API names one. */
  readonly mediaType?: string;
  /** Media type of a collection reply, if the API names one. */
  readonly collectionMediaType?: string;
  /**
   * Whether ids are strings (most resources) or integers (user groups, inventory roles): the
   * resource API refuses an id that is not an integer (`get`, `update`, `applyTo`, `delete`)
   * before any request. @default 'string'
   */
  readonly idKind?: 'string' | 'integer';
  /** A dedicated count endpoint (e.g. `/alarm/alarms/count`), if the resource has one. */
  readonly countPath?: string;
  /**
   * Without a count endpoint, how a count is read: `totalPages` of a one-item page (most
   * collections), or `totalElements` where the API documents only that (bulk operations).
   * @default 'totalPages'
   */
  readonly countBy?: 'totalPages' | 'totalElements';
}

/**
 * The full Cumulocity media type for a short name.
 *
 * @example
 * ```ts
 * cumulocityMediaType('managedobject'); // 'application/vnd.com.nsn.cumulocity.managedobject+json'
 * ```
 */
export function cumulocityMediaType(name: string): string {
  return `application/vnd.com.nsn.cumulocity.${name}+json`;
}
