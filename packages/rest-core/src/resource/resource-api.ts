import type { RestClient } from '../client/rest-client-interface.js';
import { InvalidInputError } from '../errors/invalid-input-error.js';
import type { OperationQueryTypes } from './operation-queries.js';
import { ResourceOperations, type NoQueries, type ResourceDefinition } from './resource-operations.js';

/**
 * The operations a resource API can publish, by name.
 *
 * @example
 * ```ts
 * const readOnly: OperationName[] = ['get', 'select', 'getAll', 'count'];
 * ```
 */
export type OperationName = 'get' | 'select' | 'getAll' | 'getLast' | 'count' | 'create' | 'update' | 'applyTo' | 'delete' | 'deleteBy' | 'updateBy';

const OPERATION_NAMES: ReadonlySet<string> = new Set<OperationName>([
  'get', 'select', 'getAll', 'getLast', 'count', 'create', 'update', 'applyTo', 'delete', 'deleteBy', 'updateBy',
]);

/**
 * The base of every context class: the client, and every operation of the resource for the
 * context's own methods (`this.operations`). Which operations are public is declared with
 * {@link defineResourceApi}.
 *
 * @example
 * ```ts
 * class Alarms extends defineResourceApi({ resource: Resources.alarm, query: alarmQuery, item: Alarm, operations: ['get', 'getAll'] }) {
 *   setStatusBy(filters: AlarmFilters, status: AlarmStatus) { return this.operations.updateBy(filters, { status }); }
 * }
 * ```
 */
export abstract class ResourceApi<F extends object, T, I, Q extends OperationQueryTypes = NoQueries> {
  /** The client every request of this API goes through. */
  readonly client: RestClient;
  /** Every operation over the resource, published or not: for the context's own methods. */
  protected readonly operations: ResourceOperations<F, T, I, Q>;

  constructor(client: RestClient, definition: ResourceDefinition<F, T, I, Q>) {
    if (typeof client !== 'object' || client === null || typeof client.get !== 'function') {
      throw new InvalidInputError('expected a client (a CumulocityRestClient, or a CumulocityClient)', { path: 'client' });
    }
    this.client = client;
    this.operations = new ResourceOperations(client, definition);
  }
}

/**
 * What {@link defineResourceApi} reads: the resource definition and the operations its REST API
 * supports (an operation left out is not offered, so nothing that would answer 405 is exposed).
 *
 * @example
 * ```ts
 * const definition: ResourceApiDefinition<AlarmFilters, Alarm, AlarmInit, 'get' | 'getAll'> = {
 *   resource: Resources.alarm, query: alarmQuery, item: Alarm, operations: ['get', 'getAll'],
 * };
 * ```
 */
export interface ResourceApiDefinition<F extends object, T, I, K extends OperationName, Q extends OperationQueryTypes = NoQueries> extends ResourceDefinition<F, T, I, Q> {
  /** The operations the context publishes. */
  readonly operations: readonly K[];
}

/**
 * The class {@link defineResourceApi} returns: `new (client)` gives a {@link ResourceApi} with the
 * published operations, typed by the resource's filters, items and init objects.
 */
export type ResourceApiClass<F extends object, T, I, K extends OperationName, Q extends OperationQueryTypes = NoQueries> = new (
  client: RestClient,
) => ResourceApi<F, T, I, Q> & Pick<ResourceOperations<F, T, I, Q>, K>;

/**
 * Declares a context class: a resource, its query spec, its item class and the operations its
 * REST API supports. Filters, items and init objects are inferred from the spec and the class;
 * every operation comes with paging, workers, bulk errors, retries and path encoding from the
 * engine. The context adds only what is special about its resource.
 *
 * @example
 * ```ts
 * export class Alarms extends defineResourceApi({
 *   resource: Resources.alarm,
 *   query: alarmQuery,
 *   item: Alarm,
 *   operations: ['get', 'select', 'getAll', 'getLast', 'count', 'create', 'update', 'applyTo', 'deleteBy'],
 * }) {
 *   setStatusBy(filters: AlarmFilters, status: AlarmStatus, options?: ByFilterOptions) {
 *     return this.operations.updateBy(filters, { status }, options);
 *   }
 * }
 * const alarms = new Alarms(client);
 * await alarms.getAll({ status: 'ACTIVE' });
 * ```
 */
export function defineResourceApi<F extends object, T, I, const K extends OperationName, Q extends OperationQueryTypes = NoQueries>(
  definition: ResourceApiDefinition<F, T, I, K, Q>,
): ResourceApiClass<F, T, I, K, Q> {
  for (const name of definition.operations) {
    if (!OPERATION_NAMES.has(name)) throw new InvalidInputError(`unknown operation ${JSON.stringify(name)}`, { path: 'operations' });
  }
  const { operations: published, ...resource } = definition;
  class Api extends ResourceApi<F, T, I, Q> {
    constructor(client: RestClient) {
      super(client, resource);
    }
  }
  for (const name of published) {
    Object.defineProperty(Api.prototype, name, {
      value: function (this: Api, ...args: unknown[]): unknown {
        return (this.operations[name] as (...parameters: unknown[]) => unknown).apply(this.operations, args);
      },
      writable: true,
      configurable: true,
    });
  }
  return Api as unknown as ResourceApiClass<F, T, I, K, Q>;
}
