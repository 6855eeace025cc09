import { Resources, TenantOption, type JsonObject } from '@c8y/model';
import {
  cumulocityMediaType,
  defineResourceApi,
  encodePathSegment,
  InvalidInputError,
  isCumulocityError,
  isJsonObject,
  ResponseFormatError,
  type CallOptions,
  type FilterEndpoint,
  type FilterOptions,
} from '@c8y/rest-core';
import { currentTenantQuery, loginOptionQuery, tenantOptionQuery, type CurrentTenantFilters, type LoginOptionFilters } from './tenant-queries.js';
import { CurrentTenant, LoginOption } from './tenant-views.js';

const OPTIONS = Resources.tenantOption;
/** The characters the OpenAPI spec forbids in a category name (besides whitespace). */
const CATEGORY_FORBIDDEN = /[\s$&+,/:;=?@"<>#%{}|\\^~[\]`]/u;

const currentTenantEndpoint: FilterEndpoint<CurrentTenantFilters> = {
  path: '/tenant/currentTenant',
  querySpec: currentTenantQuery,
  mediaType: cumulocityMediaType('currenttenant'),
};
const loginOptionEndpoint: FilterEndpoint<LoginOptionFilters> = {
  path: '/tenant/loginOptions',
  querySpec: loginOptionQuery,
  mediaType: cumulocityMediaType('loginoptioncollection'),
};

/** A non-empty string, or an `InvalidInputError` naming `field`. */
function requireText(value: unknown, field: string): string {
  if (typeof value !== 'string') throw new InvalidInputError(`must be a string, got ${value === null ? 'null' : typeof value}`, { path: field });
  if (value === '') throw new InvalidInputError('must not be empty', { path: field });
  return value;
}

/** A category as the platform accepts it (no whitespace, none of the characters the spec forbids). */
function checkCategory(value: unknown): string {
  const category = requireText(value, 'category');
  const bad = CATEGORY_FORBIDDEN.exec(category);
  if (bad) throw new InvalidInputError(`must not contain ${JSON.stringify(bad[0])} (whitespace and $&+,/:;=?@"<>#%{}|\\^~[]\` are not allowed)`, { path: 'category' });
  return category;
}

/** An option key: a `/` would end the path segment (the platform refuses an encoded one). */
function checkKey(value: unknown, field = 'key'): string {
  const key = requireText(value, field);
  if (key.includes('/')) throw new InvalidInputError(`must not contain "/" (${JSON.stringify(key)}): such an option could not be addressed by its path`, { path: field });
  return key;
}

/** An option value: always a string on the platform. */
function checkValue(value: unknown, field: string): string {
  if (typeof value !== 'string') throw new InvalidInputError(`must be a string, got ${value === null ? 'null' : typeof value}`, { path: field });
  return value;
}

/** `/tenant/options/{category}`, path-encoded. */
function categoryPath(category: unknown): string {
  return `${OPTIONS.path}/${encodePathSegment(checkCategory(category), 'category')}`;
}

/** `/tenant/options/{category}/{key}`, both path-encoded. */
function optionPath(category: unknown, key: unknown): string {
  const prefix = categoryPath(category);
  return `${prefix}/${encodePathSegment(checkKey(key), 'key')}`;
}

/** A `{ key: value }` map from a reply, or a `ResponseFormatError`. */
function toValueMap(reply: unknown, method: string, url: string): Record<string, string> {
  if (!isJsonObject(reply)) {
    const got = reply === undefined ? 'no body' : Array.isArray(reply) ? 'an array' : typeof reply;
    throw new ResponseFormatError(`expected an object of option values, got ${got}`, { method, url });
  }
  return Object.fromEntries(Object.entries(reply).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/**
 * Tenant options (`/tenant/options`): category-key-value settings of the tenant. List them all,
 * read and write one category at once (its own endpoint), read, set and delete one option, and
 * read the current tenant and its login options.
 *
 * Options have no id: they are addressed by category and key (`/tenant/options/{category}/{key}`,
 * both path-encoded; a key with `/` is refused before any request, as is a category with a
 * character the platform forbids). Keys starting with `credentials.` are stored encrypted and are
 * write-only as on the platform: reading one answers `<<Encrypted>>` unless the caller is the
 * owning microservice.
 *
 * @example
 * ```ts
 * const tenantOptions = new TenantOptions(client);
 * await tenantOptions.set('alarm.type.mapping', 'temp_too_high', 'CRITICAL|temperature too high');
 * const lifespan = await tenantOptions.getValue('oauth.internal', 'basic-token.lifespan.seconds', '1209600');
 * await tenantOptions.setAll('cx.settings', { mode: 'fast', level: '3' });
 * ```
 */
export class TenantOptions extends /* @__PURE__ */ defineResourceApi({
  resource: OPTIONS,
  query: tenantOptionQuery,
  item: TenantOption,
  operations: ['select', 'getAll'],
}) {
  /**
   * One option (`GET /tenant/options/{category}/{key}`).
   *
   * @throws NotFoundError when it does not exist; InvalidInputError for an empty or unusable category or key.
   * @example
   * ```ts
   * const option = await tenantOptions.get('alarm.type.mapping', 'temp_too_high');
   * option.value; // 'CRITICAL|temperature too high'
   * ```
   */
  async get(category: string, key: string, options?: CallOptions): Promise<TenantOption> {
    const path = optionPath(category, key);
    const reply = await this.client.get(path, { ...options, accept: OPTIONS.mediaType });
    if (!isJsonObject(reply)) {
      const got = reply === undefined ? 'no body' : Array.isArray(reply) ? 'an array' : typeof reply;
      throw new ResponseFormatError(`expected an option object, got ${got}`, { method: 'GET', url: `${this.client.baseUrl}${path}` });
    }
    return TenantOption.fromJSON(this.client, reply);
  }

  /**
   * The value of one option (one `GET`, as {@link get}), or `defaultValue` when the option does
   * not exist (404). Other errors are thrown.
   *
   * @example
   * ```ts
   * const mode = await tenantOptions.getValue('cx.settings', 'mode', 'slow'); // 'slow' when not set
   * const maybe = await tenantOptions.getValue('cx.settings', 'mode');        // string | undefined
   * ```
   */
  getValue(category: string, key: string, defaultValue?: undefined, options?: CallOptions): Promise<string | undefined>;
  getValue<const D>(category: string, key: string, defaultValue: D, options?: CallOptions): Promise<string | D>;
  async getValue(category: string, key: string, defaultValue?: unknown, options?: CallOptions): Promise<unknown> {
    try {
      return (await this.get(category, key, options)).value ?? defaultValue;
    } catch (error) {
      if (isCumulocityError(error, 'NotFoundError')) return defaultValue;
      throw error;
    }
  }

  /**
   * Every option of one category as `{ key: value }`, with one `GET /tenant/options/{category}`
   * (the category's own endpoint; the listing has no category filter). `{}` for a category
   * without options.
   *
   * @example
   * ```ts
   * const mapping = await tenantOptions.getCategory('alarm.type.mapping'); // { temp_too_high: 'CRITICAL|…' }
   * ```
   */
  async getCategory(category: string, options?: CallOptions): Promise<Record<string, string>> {
    const path = categoryPath(category);
    const reply = await this.client.get(path, { ...options, accept: OPTIONS.mediaType });
    return toValueMap(reply, 'GET', `${this.client.baseUrl}${path}`);
  }

  /**
   * Creates or replaces one option (`POST /tenant/options` with `{ category, key, value }`; the
   * platform overwrites an existing option's value) and resolves it as stored. A `credentials.`
   * key stores the value encrypted.
   *
   * @throws InvalidInputError for an unusable category or key, or a value that is not a string, before any request.
   * @example
   * ```ts
   * await tenantOptions.set('cx.settings', 'mode', 'fast');
   * await tenantOptions.set('cx.settings', 'credentials.apiToken', token);
   * ```
   */
  async set(category: string, key: string, value: string, options?: CallOptions): Promise<TenantOption> {
    const init = { category: checkCategory(category), key: checkKey(key), value: checkValue(value, 'value') };
    return new TenantOption(this.client, init).create(options);
  }

  /**
   * Sets several options of one category at once (`PUT /tenant/options/{category}` with
   * `{ key: value, … }`) and resolves the category's options as the platform answers them.
   *
   * @throws InvalidInputError for an unusable category, an empty map, a key with `/` or a value that is not a string, before any request.
   * @example
   * ```ts
   * await tenantOptions.setAll('cx.settings', { mode: 'fast', level: '3' });
   * ```
   */
  async setAll(category: string, values: Readonly<Record<string, string>>, options?: CallOptions): Promise<Record<string, string>> {
    const path = categoryPath(category);
    if (typeof values !== 'object' || values === null || Array.isArray(values)) {
      throw new InvalidInputError(`must be an object of key → value, got ${values === null ? 'null' : Array.isArray(values) ? 'an array' : typeof values}`, { path: 'values' });
    }
    const entries = Object.entries(values);
    if (entries.length === 0) throw new InvalidInputError('must name at least one option', { path: 'values' });
    const body: JsonObject = Object.fromEntries(entries.map(([key, value]) => [checkKey(key, `values.${key}`), checkValue(value, `values.${key}`)]));
    const reply = await this.client.put(path, body, { ...options, contentType: 'application/json', accept: OPTIONS.mediaType });
    return reply === undefined ? { ...(body as Record<string, string>) } : toValueMap(reply, 'PUT', `${this.client.baseUrl}${path}`);
  }

  /**
   * Deletes one option (`DELETE /tenant/options/{category}/{key}`).
   *
   * @throws NotFoundError when it does not exist; InvalidInputError for an unusable category or key.
   * @example
   * ```ts
   * await tenantOptions.delete('cx.settings', 'mode');
   * ```
   */
  async delete(category: string, key: string, options?: CallOptions): Promise<void> {
    await this.client.delete(optionPath(category, key), options);
  }

  /**
   * The tenant the client works in (`GET /tenant/currentTenant`); `withParent: true` adds the
   * parent tenant's id.
   *
   * @example
   * ```ts
   * const tenant = await tenantOptions.getCurrentTenant({ withParent: true });
   * console.log(tenant.name, tenant.domainName, tenant.parent);
   * ```
   */
  async getCurrentTenant(filters?: CurrentTenantFilters, options?: FilterOptions): Promise<CurrentTenant> {
    return new CurrentTenant(await this.operations.getFrom(currentTenantEndpoint, filters ?? {}, options));
  }

  /**
   * How one can log in to a tenant (`GET /tenant/loginOptions`): by default the tenant of the
   * client's domain, or `{ tenantId }`, or `{ management: true }` (not both).
   *
   * @throws InvalidInputError for `management: true` together with `tenantId`, before any request.
   * @example
   * ```ts
   * const types = (await tenantOptions.getLoginOptions()).map((option) => option.type); // ['OAUTH2_INTERNAL', 'BASIC']
   * ```
   */
  async getLoginOptions(filters?: LoginOptionFilters, options?: FilterOptions): Promise<LoginOption[]> {
    if (filters?.management === true && filters.tenantId !== undefined) {
      throw new InvalidInputError('must not be given together with management: true (the platform answers 400)', { path: 'tenantId' });
    }
    const reply = await this.operations.getFrom(loginOptionEndpoint, filters ?? {}, options);
    const list = reply.loginOptions;
    if (!Array.isArray(list)) {
      throw new ResponseFormatError('the reply has no "loginOptions" array', { method: 'GET', url: `${this.client.baseUrl}${loginOptionEndpoint.path}` });
    }
    return list.filter((item) => isJsonObject(item)).map((item) => new LoginOption(item));
  }
}
