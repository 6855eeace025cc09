import { type CallOptions, CumulocityError, InvalidInputError, type RequestOptions, type RestClient } from '@c8y/rest-core';
import type { DateTime } from 'luxon';
import { parseDateTime } from '../datetime/provider.js';
import { cloneJson } from '../json/clone.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../json/json-types.js';
import { deleteAt, getAt, mergeAt, parsePath, setAt, type JsonPath } from '../json/paths.js';
import { assertSafeKey, toJson } from '../json/to-json.js';
import { collectionPath, objectPath } from '../resource-paths.js';
import { validateCreate, validateUpdate } from '../schemas/validate.js';
import { toTimeString, type TimeInput } from '../time/time-input.js';
import { applyFragments } from '../tracking/diff.js';
import { TrackedDocument } from '../tracking/tracked-document.js';
import type { ObjectMeta } from './object-meta.js';
import type { Widen } from './widen.js';

/**
 * What every object constructor accepts besides the client: the object's JSON. Keys may be
 * dotted (`{ 'c8y_Position.lat': 51.2 }` → `{ c8y_Position: { lat: 51.2 } }`); keys that are
 * properties of the class (`time`, `source`, …) go through the property's setter (so
 * `time: 'now'` and `source: '123'` work); values with `toJSON()` (units, `Date`) are converted.
 *
 * @example
 * ```ts
 * const init: ObjectInit = { name: 'Pump', 'c8y_Position.lat': 51.2, cx_Level: new Liters(3) };
 * ```
 */
export interface ObjectInit {
  [key: string]: unknown;
}

/**
 * A class whose instances can be built from server JSON with `fromJSON`.
 * @example
 * ```ts
 * const parse = <T extends CumulocityObject>(Class: ObjectClass<T>, json: JsonObject) => (Class as typeof ManagedObject & ObjectClass<T>).fromJSON(c8y, json);
 * ```
 */
export type ObjectClass<T extends CumulocityObject> = new (c8y?: RestClient) => T;

/**
 * Base of every Cumulocity object class: "JSON with benefits".
 *
 * - The server state and local changes are kept apart: `update()` sends only what changed
 *   (see the package README, "Change tracking").
 * - `get`/`set`/`has`/`unset` read and write by dotted path; `toJSON()` is a deep copy of the
 *   current JSON; `json` is the live JSON (changes to it are tracked like `set`).
 * - Read-only fields (`id`, `self`, `creationTime`, `lastUpdated`, …) come only from the server:
 *   setting them is an `InvalidInputError` (or a `TypeError` for the property itself).
 * - The caller's input is never modified: constructor input and `set` values are deep-copied.
 *
 * @example
 * ```ts
 * const obj = await new ManagedObject(c8y, { name: 'MyObject', type: 'my_CustomType' }).create();
 * obj.set('my_Fragment.value', 42);
 * await obj.update();                      // PUT {"my_Fragment":{"value":42}}
 * ```
 */
export abstract class CumulocityObject {
  /** The client the object methods use; `undefined` for a detached object (JSON only). */
  declare readonly c8y: RestClient | undefined;
  readonly #doc: TrackedDocument;

  /**
   * @param c8y - the client for the object methods (`create()`, `update()`, …), or `undefined`.
   * @param init - the object's JSON (see {@link ObjectInit}); deep-copied, never modified.
   */
  constructor(c8y?: RestClient, init: ObjectInit = {}) {
    Object.defineProperty(this, 'c8y', { value: c8y, enumerable: false, writable: false });
    const working: JsonObject = {};
    this.#doc = new TrackedDocument({}, working);
    if (typeof init !== 'object' || init === null || Array.isArray(init)) {
      throw new InvalidInputError(`must be an object of JSON fields, got ${init === null ? 'null' : typeof init}`, { path: 'init' });
    }
    for (const [key, value] of Object.entries(init)) {
      if (value === undefined) continue;
      if (!key.includes('.')) {
        assertSafeKey(key, '');
        const accessor = findAccessor(Object.getPrototypeOf(this) as object, key);
        if (accessor?.set !== undefined) {
          accessor.set.call(this, value);
          continue;
        }
        if (accessor?.get !== undefined) this.#refuseReadOnly(key, 'is a read-only property');
      }
      const segments = parsePath(key);
      this.#assertWritable(segments[0] as string);
      mergeAt(working, segments, toJson(value, key));
    }
  }

  /**
   * Wraps JSON from the server (or anything with an `id`) as this class: it becomes the
   * server state, with no local changes. Read-only fields are welcome here. The JSON is taken
   * over without a copy and without validation (the hot path for collections) and is never
   * modified by the object; do not modify it afterwards yourself.
   *
   * @example
   * ```ts
   * const mo = ManagedObject.fromJSON(c8y, await c8y.get('/inventory/managedObjects/42'));
   * mo.id; // '42'
   * ```
   */
  static fromJSON<T extends CumulocityObject>(this: ObjectClass<T>, c8y: RestClient | undefined, json: JsonObject): T {
    if (!isJsonObject(json)) throw new InvalidInputError(`must be a JSON object, got ${json === null ? 'null' : typeof json}`, { path: 'json' });
    const object = new this(c8y);
    object.#doc.reset(json);
    return object;
  }

  /** Facts about the concrete class: resource, read-only keys, schema. */
  protected abstract get meta(): ObjectMeta;

  // ---- standard properties -------------------------------------------------------------------

  /**
   * The object's id. Only ever from the server: `undefined` until the object was created or
   * loaded. Read-only.
   *
   * @example
   * ```ts
   * const created = await new ManagedObject(c8y, { name: 'x' }).create();
   * created.id; // '12345'
   * ```
   */
  get id(): string | undefined {
    const id = this.#doc.source.id;
    if (typeof id === 'string') return id;
    return typeof id === 'number' ? String(id) : undefined;
  }

  /**
   * The object's URL as the server reported it. Read-only.
   *
   * @example
   * ```ts
   * obj.self; // 'https://t123.cumulocity.com/inventory/managedObjects/42'
   * ```
   */
  get self(): string | undefined {
    return this.stringField('self');
  }

  /**
   * The live JSON: the current state including local changes. Changes made to it are tracked
   * like `set()` (and checked when sent). Use `toJSON()` for a detached copy.
   *
   * @example
   * ```ts
   * obj.json.c8y_Notes = 'checked';   // same as obj.set('c8y_Notes', 'checked')
   * ```
   */
  get json(): JsonObject {
    return this.#doc.writable();
  }

  // ---- JSON access -----------------------------------------------------------------------------

  /**
   * Reads a value by dotted path (or an array of keys); `'list.0'` reads an array element.
   * Without a default the result is `undefined` when nothing is there; with a default the
   * default is returned instead and the result is typed like it (no runtime type check).
   * Objects and arrays are returned live: changing them is tracked.
   *
   * @throws InvalidInputError for an invalid path (`''`, `'a..b'`, `'.a'`).
   * @example
   * ```ts
   * obj.get('my_Fragment.value', 42);   // number
   * obj.get('c8y_Position');            // JsonValue | undefined
   * ```
   */
  get(path: JsonPath): JsonValue | undefined;
  get<D extends JsonValue>(path: JsonPath, defaultValue: D): Widen<D>;
  get(path: JsonPath, defaultValue?: JsonValue): JsonValue | undefined {
    const segments = parsePath(path);
    let value = getAt(this.#doc.current, segments);
    if (typeof value === 'object' && value !== null) value = getAt(this.#doc.writable(), segments);
    return value === undefined ? defaultValue : value;
  }

  /**
   * Whether a value exists at the path (`null` counts as a value).
   *
   * @example
   * ```ts
   * obj.has('c8y_Position.lat'); // true
   * ```
   */
  has(path: JsonPath): boolean {
    return getAt(this.#doc.current, parsePath(path)) !== undefined;
  }

  /**
   * Sets a value by dotted path, creating missing objects on the way. The value is
   * deep-copied and must be JSON (`Value`s, `Date`s and other `toJSON()` objects are converted).
   * Returns the object for chaining.
   *
   * @throws InvalidInputError for an invalid path, a read-only field (`id`, `creationTime`, …),
   *   a non-JSON value (function, `undefined`, `NaN`, cycle, …) or a path through a non-object.
   * @example
   * ```ts
   * obj.set('my_Fragment.value', 42).set('c8y_Notes', 'checked');
   * ```
   */
  set(path: JsonPath, value: unknown): this {
    const segments = parsePath(path);
    this.#assertWritable(segments[0] as string);
    if (value === undefined) {
      throw new InvalidInputError('undefined is not a JSON value: use unset() to remove a value', { path: segments.join('.') });
    }
    setAt(this.#doc.writable(), segments, toJson(value, segments.join('.')));
    return this;
  }

  /**
   * Removes the value at the path; `true` if there was one. Removing a top-level fragment makes
   * `update()` send it as `null` (Cumulocity's way to delete a fragment). Named `unset` so it
   * cannot be confused with `delete()`, which deletes the object on the server.
   *
   * @throws InvalidInputError for an invalid path or a read-only field.
   * @example
   * ```ts
   * obj.unset('c8y_Obsolete');      // update() sends {"c8y_Obsolete": null}
   * ```
   */
  unset(path: JsonPath): boolean {
    const segments = parsePath(path);
    this.#assertWritable(segments[0] as string);
    if (getAt(this.#doc.current, segments) === undefined) return false;
    return deleteAt(this.#doc.writable(), segments);
  }

  /**
   * A deep copy of the current JSON (server state plus local changes), read-only fields included.
   *
   * @example
   * ```ts
   * JSON.stringify(obj); // uses toJSON()
   * ```
   */
  toJSON(): JsonObject {
    return cloneJson(this.#doc.current as JsonObject);
  }

  /**
   * Whether there are local changes that `update()` would send.
   *
   * @example
   * ```ts
   * obj.name = 'new'; obj.hasChanges(); // true
   * ```
   */
  hasChanges(): boolean {
    return Object.keys(this.#doc.changes(this.#readOnlySet())).length > 0;
  }

  /**
   * The body `create()` sends: the full JSON without read-only fields, validated.
   *
   * @throws InvalidInputError naming the field when the object is not valid for creation.
   * @example
   * ```ts
   * new Event(c8y, { type: 't', text: 'x', source: '1', time: 'now' }).toCreateJSON();
   * ```
   */
  toCreateJSON(): JsonObject {
    const body = toJson(this.#doc.current, '') as JsonObject;
    for (const key of this.meta.readOnly) delete body[key];
    if (this.meta.schema !== undefined) validateCreate(this.meta.schema, body, this.meta.className);
    this.meta.checkCreate?.(body);
    return body;
  }

  /**
   * The body `update()` sends: what changed since the server state (see the README's
   * "Change tracking"), validated. For a never-created object that is its full JSON, which is
   * what `applyTo()` sends.
   *
   * @throws InvalidInputError naming the field for an invalid value or a field that cannot change.
   * @example
   * ```ts
   * obj.name = 'new'; obj.toUpdateJSON(); // { name: 'new' }
   * ```
   */
  toUpdateJSON(): JsonObject {
    const diff = toJson(this.#doc.changes(this.#readOnlySet()), '') as JsonObject;
    const created = this.id !== undefined;
    for (const key of this.meta.fixedAfterCreate ?? []) {
      if (created && Object.hasOwn(diff, key)) {
        throw new InvalidInputError(`cannot be changed once a ${this.meta.className} exists (Cumulocity refuses it)`, { path: key });
      }
    }
    if (this.meta.schema !== undefined) validateUpdate(this.meta.schema, diff, this.meta.className);
    return diff;
  }

  /**
   * `ClassName(id=…, name=…, type=…)` with the fields that are set.
   *
   * @example
   * ```ts
   * String(obj); // 'ManagedObject(id=42, name=Pump, type=c8y_Pump)'
   * ```
   */
  toString(): string {
    const parts = ['id', 'name', 'type']
      .map((key) => [key, key === 'id' ? this.id : this.#doc.current[key]] as const)
      .filter(([, value]) => typeof value === 'string' || typeof value === 'number')
      .map(([key, value]) => `${key}=${String(value)}`);
    return `${this.meta.className}(${parts.join(', ')})`;
  }

  // ---- helpers for subclasses ------------------------------------------------------------------

  /** The value at a path, not copied: read it, never modify it. */
  protected peek(path: JsonPath): Readonly<JsonValue> | undefined {
    return getAt(this.#doc.current, parsePath(path));
  }

  /** A top-level string field (or `undefined` if absent or not a string). */
  protected stringField(key: string): string | undefined {
    const value = this.#doc.current[key];
    return typeof value === 'string' ? value : undefined;
  }

  /** A top-level number field. */
  protected numberField(key: string): number | undefined {
    const value = this.#doc.current[key];
    return typeof value === 'number' ? value : undefined;
  }

  /** A top-level boolean field. */
  protected booleanField(key: string): boolean | undefined {
    const value = this.#doc.current[key];
    return typeof value === 'boolean' ? value : undefined;
  }

  /** A top-level object or array field, live (changes are tracked). */
  protected jsonField<T extends JsonValue>(key: string): T | undefined {
    const value = this.#doc.current[key];
    if (typeof value !== 'object' || value === null) return value as T | undefined;
    return this.#doc.writable()[key] as T;
  }

  /** Writes a top-level field without the read-only check; `undefined` removes it. */
  protected writeField(key: string, value: unknown): void {
    if (value === undefined) {
      if (Object.hasOwn(this.#doc.current, key)) delete this.#doc.writable()[key];
      return;
    }
    this.#doc.writable()[key] = toJson(value, key);
  }

  /** Writes a time field (ISO 8601 in UTC with milliseconds) from a {@link TimeInput}; `undefined` removes it. */
  protected writeTime(key: string, value: TimeInput | undefined): void {
    this.writeField(key, value === undefined ? undefined : toTimeString(value, key));
  }

  /** A time field as a luxon `DateTime` (needs `import '@c8y/model/datetime'`). */
  protected dateTimeField(key: string, property: string): DateTime | undefined {
    return parseDateTime(this.stringField(key), property);
  }

  /** The `id` inside a reference field such as `source: { id }`. */
  protected refId(key: string): string | undefined {
    const value = this.#doc.current[key];
    if (!isJsonObject(value)) return undefined;
    const id = value.id;
    if (typeof id === 'number') return String(id);
    return typeof id === 'string' ? id : undefined;
  }

  /** Writes a reference field `{ id }` from an id, an object with an id, or `undefined` (removes). */
  protected writeRef(key: string, value: string | number | { readonly id?: string | number | undefined } | undefined): void {
    if (value === undefined) return this.writeField(key, undefined);
    const id = typeof value === 'object' && value !== null ? value.id : value;
    if ((typeof id !== 'string' || id === '') && (typeof id !== 'number' || !Number.isFinite(id))) {
      throw new InvalidInputError('must be an id, or an object with an id (was it created?)', { path: key });
    }
    this.writeField(key, { id: String(id) });
  }

  /** The client, or a clear error for a detached object. */
  protected requireClient(): RestClient {
    if (this.c8y === undefined) {
      throw new InvalidInputError(
        `this ${this.meta.className} has no client: construct it with one, e.g. new ${this.meta.className}(c8y, {...})`,
        { path: 'c8y' },
      );
    }
    return this.c8y;
  }

  /** The id, or a clear error for an object that was never created. */
  protected requireId(action: string): string {
    const id = this.id;
    if (id === undefined) {
      throw new InvalidInputError(
        `cannot ${action} a ${this.meta.className} that was never created (it has no id from the server): ` +
          `call create() first, or wrap server JSON with ${this.meta.className}.fromJSON()`,
        { path: 'id' },
      );
    }
    return id;
  }

  /** Request options with the resource's media type as Accept and Content-Type. */
  protected requestOptions(options: CallOptions | undefined, extra: RequestOptions = {}): RequestOptions {
    const mediaType = this.meta.resource?.mediaType;
    return { ...options, ...(mediaType === undefined ? {} : { accept: mediaType, contentType: mediaType }), ...extra };
  }

  /** The collection path (create). */
  protected async collectionPath(signal?: AbortSignal): Promise<string> {
    return collectionPath(this.requireClient(), this.#requireResource(), signal);
  }

  /** The path of the object with `id` (reload, update, delete, applyTo). */
  protected async objectPath(id: string, signal?: AbortSignal): Promise<string> {
    return objectPath(this.requireClient(), this.#requireResource(), id, signal);
  }

  /** A new instance of this class holding `json` as server state. */
  protected fromReply(json: unknown, action: string): this {
    const Class = this.constructor as ObjectClass<this>;
    const object = new Class(this.c8y);
    object.#doc.reset(this.#expectObject(json, action));
    return object;
  }

  /** Replaces the server state and drops local changes. */
  protected resetTo(json: unknown, action: string): void {
    this.#doc.reset(this.#expectObject(json, action));
  }

  /** Replaces the server state and keeps local changes on top. */
  protected rebaseTo(json: unknown, action: string): void {
    this.#doc.rebase(this.#expectObject(json, action), this.#readOnlySet());
  }

  /** POSTs `toCreateJSON()` to the collection; returns a new instance from the reply. */
  protected async createObject(options?: CallOptions): Promise<this> {
    const client = this.requireClient();
    const body = this.toCreateJSON();
    const reply = await client.post(await this.collectionPath(options?.signal), body, this.requestOptions(options));
    return this.fromReply(reply, 'create');
  }

  /** PUTs `toUpdateJSON()`; no request when nothing changed. Updates this object in place. */
  protected async updateObject(options?: CallOptions): Promise<this> {
    const id = this.requireId('update');
    const client = this.requireClient();
    const diff = this.toUpdateJSON();
    if (Object.keys(diff).length === 0) return this;
    const reply = await client.put(await this.objectPath(id, options?.signal), diff, this.requestOptions(options));
    this.#doc.reset(isJsonObject(reply) ? reply : applyFragments(this.#doc.source as JsonObject, diff));
    return this;
  }

  /** PUTs this object's changes (its full JSON if never created) to another object; returns it. */
  protected async applyToObject(id: string | number, options?: CallOptions): Promise<this> {
    const client = this.requireClient();
    const diff = this.toUpdateJSON();
    const reply = await client.put(await this.objectPath(String(id), options?.signal), diff, this.requestOptions(options));
    return this.fromReply(isJsonObject(reply) ? reply : { ...diff, id: String(id) }, 'applyTo');
  }

  /** GETs the server state; local changes are dropped. */
  protected async reloadObject(options?: CallOptions): Promise<this> {
    const id = this.requireId('reload');
    const client = this.requireClient();
    const mediaType = this.meta.resource?.mediaType;
    const reply = await client.get(await this.objectPath(id, options?.signal), { ...options, ...(mediaType ? { accept: mediaType } : {}) });
    this.resetTo(reply, 'reload');
    return this;
  }

  /** DELETEs the object. */
  protected async deleteObject(params?: Record<string, string | boolean | undefined>, options?: CallOptions): Promise<void> {
    const id = this.requireId('delete');
    const client = this.requireClient();
    await client.delete(await this.objectPath(id, options?.signal), { ...options, ...(params === undefined ? {} : { params }) });
  }

  #requireResource() {
    const resource = this.meta.resource;
    if (resource === undefined) throw new InvalidInputError(`a ${this.meta.className} has no REST resource of its own`);
    return resource;
  }

  #expectObject(json: unknown, action: string): JsonObject {
    if (!isJsonObject(json)) {
      throw new CumulocityError(`${action} of a ${this.meta.className}: expected a JSON object in the reply, got ${json === undefined ? 'no body' : typeof json}`);
    }
    return json;
  }

  #readOnlySet(): ReadonlySet<string> {
    return new Set(this.meta.readOnly);
  }

  #assertWritable(key: string): void {
    if (this.meta.readOnly.includes(key)) this.#refuseReadOnly(key, 'is read-only: only the server sets it');
  }

  #refuseReadOnly(key: string, message: string): never {
    throw new InvalidInputError(`${message} (${this.meta.className})`, { path: key });
  }
}

function findAccessor(prototype: object | null, key: string): PropertyDescriptor | undefined {
  for (let current = prototype; current !== null && current !== Object.prototype; current = Object.getPrototypeOf(current) as object | null) {
    const descriptor = Object.getOwnPropertyDescriptor(current, key);
    if (descriptor !== undefined) return descriptor.get !== undefined || descriptor.set !== undefined ? descriptor : undefined;
  }
  return undefined;
}
