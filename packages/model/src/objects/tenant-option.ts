import { apiPath, type CallOptions, InvalidInputError, type RestClient } from '@c8y/rest-core';
import { isJsonObject } from '../json/json-types.js';
import { tenantOptionResource } from '../resources.js';
import { TenantOptionSchema } from '../schemas/platform.js';
import { CumulocityObject, type ObjectInit } from './cumulocity-object.js';
import type { ObjectMeta } from './object-meta.js';

const META: ObjectMeta = {
  className: 'TenantOption',
  resource: tenantOptionResource,
  readOnly: ['self'],
  fixedAfterCreate: ['category', 'key'],
  schema: TenantOptionSchema,
};

/**
 * The init object of a `TenantOption`.
 *
 * @example
 * ```ts
 * const init: TenantOptionInit = { category: 'alarm.type.mapping', key: 'temp_too_high', value: 'CRITICAL|temperature too high' };
 * ```
 */
export interface TenantOptionInit extends ObjectInit {
  category?: string;
  key?: string;
  value?: string;
}

/**
 * A tenant option (`/tenant/options`), identified by `category` and `key` (it has no `id`):
 * `reload()`, `update()` and `delete()` work on any option that has both, also one you built
 * yourself. Keys starting with `credentials.` are stored encrypted.
 *
 * @example
 * ```ts
 * const option = await new TenantOption(c8y, { category: 'alarm.type.mapping', key: 'temp_too_high', value: 'CRITICAL|temperature too high' }).create();
 * option.value = 'MAJOR|temperature too high';
 * await option.update();        // PUT /tenant/options/alarm.type.mapping/temp_too_high {"value":"MAJOR|…"}
 * await option.delete();
 * ```
 */
export class TenantOption extends CumulocityObject {
  constructor(c8y?: RestClient, init?: TenantOptionInit) {
    super(c8y, init);
  }

  protected get meta(): ObjectMeta {
    return META;
  }

  /**
   * The category, e.g. `alarm.type.mapping`. Set before creation only.
   * @example
   * ```ts
   * option.category;
   * ```
   */
  get category(): string | undefined {
    return this.stringField('category');
  }
  set category(value: string | undefined) {
    this.writeField('category', value);
  }

  /**
   * The key within the category. Set before creation only.
   * @example
   * ```ts
   * option.key;
   * ```
   */
  get key(): string | undefined {
    return this.stringField('key');
  }
  set key(value: string | undefined) {
    this.writeField('key', value);
  }

  /**
   * The value (always a string).
   * @example
   * ```ts
   * option.value = 'true';
   * ```
   */
  get value(): string | undefined {
    return this.stringField('value');
  }
  set value(value: string | undefined) {
    this.writeField('value', value);
  }

  /**
   * Creates it (`POST /tenant/options`).
   * @throws InvalidInputError without `category` or `key`, before any request.
   * @example
   * ```ts
   * const created = await option.create();
   * ```
   */
  async create(options?: CallOptions): Promise<this> {
    return this.createObject(options);
  }

  /**
   * Sends a changed value (`PUT /tenant/options/{category}/{key}` with `{"value": …}`).
   * No request when the value did not change.
   * @example
   * ```ts
   * option.value = 'x'; await option.update();
   * ```
   */
  async update(options?: CallOptions): Promise<this> {
    const diff = this.toUpdateJSON();
    if (!Object.hasOwn(diff, 'value')) return this;
    const reply = await this.requireClient().put(this.#path('update'), { value: diff.value }, {
      ...options,
      accept: tenantOptionResource.mediaType,
      contentType: 'application/json',
    });
    this.rebaseTo(isJsonObject(reply) ? reply : { ...this.toJSON(), value: diff.value ?? null }, 'update');
    return this;
  }

  /**
   * Loads it (`GET /tenant/options/{category}/{key}`); local changes are dropped.
   * @example
   * ```ts
   * await option.reload();
   * ```
   */
  async reload(options?: CallOptions): Promise<this> {
    const reply = await this.requireClient().get(this.#path('reload'), { ...options, accept: tenantOptionResource.mediaType });
    this.resetTo(reply, 'reload');
    return this;
  }

  /**
   * Deletes it (`DELETE /tenant/options/{category}/{key}`).
   * @example
   * ```ts
   * await option.delete();
   * ```
   */
  async delete(options?: CallOptions): Promise<void> {
    await this.requireClient().delete(this.#path('delete'), options);
  }

  #path(action: string): string {
    const category = this.category;
    const key = this.key;
    if (category === undefined) throw new InvalidInputError(`is required to ${action} a TenantOption`, { path: 'category' });
    if (key === undefined) throw new InvalidInputError(`is required to ${action} a TenantOption`, { path: 'key' });
    return apiPath`/tenant/options/${category}/${key}`;
  }
}
