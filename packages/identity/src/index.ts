/**
 * `@c8y/identity`: the Cumulocity identity API (external ids of managed objects) as a typed context.
 *
 * @example
 * ```ts
 * import { Identity } from '@c8y/identity';
 * const identity = new Identity(client);
 * const device = await identity.getObject('raspi-0001', 'c8y_Serial');
 * ```
 * @packageDocumentation
 */
export { Identity } from './identity.js';
export { externalIdCollectionQuery, externalIdsOf, type ExternalIdCollectionFilters } from './identity-queries.js';
export { ExternalId, type ExternalIdInit } from '@c8y/model';
