import { type CallOptions, type RestClient } from '@c8y/rest-core';
import type { JsonObject } from '../json/json-types.js';
import { applicationResource } from '../resources.js';
import { ApplicationSchema } from '../schemas/platform.js';
import { CumulocityObject, type ObjectInit } from './cumulocity-object.js';
import type { ObjectMeta } from './object-meta.js';

const META: ObjectMeta = {
  className: 'Application',
  resource: applicationResource,
  readOnly: ['id', 'self', 'activeVersionId', 'resourcesUrl'],
  schema: ApplicationSchema,
};

/**
 * Kind of application.
 * @example
 * ```ts
 * const type: ApplicationType = 'MICROSERVICE';
 * ```
 */
export type ApplicationType = 'EXTERNAL' | 'HOSTED' | 'MICROSERVICE';

/**
 * The init object of an `Application`.
 *
 * @example
 * ```ts
 * const init: ApplicationInit = { name: 'my-app', key: 'my-app-key', type: 'EXTERNAL', externalUrl: 'https://example.com' };
 * ```
 */
export interface ApplicationInit extends ObjectInit {
  name?: string;
  key?: string;
  type?: ApplicationType;
  availability?: 'MARKET' | 'PRIVATE';
  contextPath?: string;
  description?: string;
}

/**
 * An application (`/application/applications`): web apps and microservices.
 *
 * @example
 * ```ts
 * const app = await new Application(c8y, { name: 'my-app', key: 'my-app-key', type: 'EXTERNAL', externalUrl: 'https://example.com' }).create();
 * app.description = 'Demo'; await app.update();
 * await app.delete({ force: true });
 * ```
 */
export class Application extends CumulocityObject {
  constructor(c8y?: RestClient, init?: ApplicationInit) {
    super(c8y, init);
  }

  protected get meta(): ObjectMeta {
    return META;
  }

  /**
   * The name.
   * @example
   * ```ts
   * app.name;
   * ```
   */
  get name(): string | undefined {
    return this.stringField('name');
  }
  set name(value: string | undefined) {
    this.writeField('name', value);
  }

  /**
   * The application key (sent as `X-Cumulocity-Application-Key` by its requests).
   * @example
   * ```ts
   * app.key;
   * ```
   */
  get key(): string | undefined {
    return this.stringField('key');
  }
  set key(value: string | undefined) {
    this.writeField('key', value);
  }

  /**
   * `EXTERNAL`, `HOSTED` or `MICROSERVICE`.
   * @example
   * ```ts
   * app.type === 'MICROSERVICE';
   * ```
   */
  get type(): ApplicationType | undefined {
    return this.stringField('type') as ApplicationType | undefined;
  }
  set type(value: ApplicationType | undefined) {
    this.writeField('type', value);
  }

  /**
   * `MARKET` (shared with subtenants) or `PRIVATE`.
   * @example
   * ```ts
   * app.availability = 'PRIVATE';
   * ```
   */
  get availability(): 'MARKET' | 'PRIVATE' | undefined {
    return this.stringField('availability') as 'MARKET' | 'PRIVATE' | undefined;
  }
  set availability(value: 'MARKET' | 'PRIVATE' | undefined) {
    this.writeField('availability', value);
  }

  /**
   * The path under `/apps/` (web apps) or `/service/` (microservices).
   * @example
   * ```ts
   * app.contextPath; // 'my-app'
   * ```
   */
  get contextPath(): string | undefined {
    return this.stringField('contextPath');
  }
  set contextPath(value: string | undefined) {
    this.writeField('contextPath', value);
  }

  /**
   * A description.
   * @example
   * ```ts
   * app.description = 'Demo';
   * ```
   */
  get description(): string | undefined {
    return this.stringField('description');
  }
  set description(value: string | undefined) {
    this.writeField('description', value);
  }

  /**
   * The owner (`owner.tenant.id` is the owning tenant).
   * @example
   * ```ts
   * app.owner?.tenant;
   * ```
   */
  get owner(): JsonObject | undefined {
    return this.jsonField<JsonObject>('owner');
  }

  /**
   * The owning tenant's id (`owner.tenant.id`).
   * @example
   * ```ts
   * app.ownerTenantId; // 't100'
   * ```
   */
  get ownerTenantId(): string | undefined {
    const id = this.peek(['owner', 'tenant', 'id']);
    return typeof id === 'string' ? id : undefined;
  }

  /**
   * The id of the active version. Read-only.
   * @example
   * ```ts
   * app.activeVersionId;
   * ```
   */
  get activeVersionId(): string | undefined {
    return this.stringField('activeVersionId');
  }

  /**
   * Creates it (`POST /application/applications`).
   * @throws InvalidInputError without `name` or `key`, before any request.
   * @example
   * ```ts
   * const created = await app.create();
   * ```
   */
  async create(options?: CallOptions): Promise<this> {
    return this.createObject(options);
  }

  /**
   * Sends the local changes (`PUT /application/applications/{id}`).
   * @example
   * ```ts
   * app.description = 'x'; await app.update();
   * ```
   */
  async update(options?: CallOptions): Promise<this> {
    return this.updateObject(options);
  }

  /**
   * Sends this application's changes (or full JSON if never created) to the application `id`.
   * @example
   * ```ts
   * await new Application(c8y, { description: 'x' }).applyTo('12');
   * ```
   */
  async applyTo(id: string | number, options?: CallOptions): Promise<this> {
    return this.applyToObject(id, options);
  }

  /**
   * Reloads it (`GET /application/applications/{id}`).
   * @example
   * ```ts
   * await app.reload();
   * ```
   */
  async reload(options?: CallOptions): Promise<this> {
    return this.reloadObject(options);
  }

  /**
   * Deletes it (`DELETE /application/applications/{id}`); `force` first unsubscribes all tenants.
   * @example
   * ```ts
   * await app.delete({ force: true });
   * ```
   */
  async delete(options: CallOptions & { force?: boolean } = {}): Promise<void> {
    const { force, ...request } = options;
    return this.deleteObject(force === undefined ? undefined : { force }, request);
  }
}
