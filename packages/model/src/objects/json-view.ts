import type { DateTime } from 'luxon';
import { parseDateTime } from '../datetime/provider.js';
import { cloneJson } from '../json/clone.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../json/json-types.js';
import { getAt, parsePath, type JsonPath } from '../json/paths.js';
import { toJson } from '../json/to-json.js';
import type { Widen } from './widen.js';

/**
 * Base of the read-mostly value classes (`Availability`, `TfaSettings`, `Change`, `Series`,
 * `ApplicationSubscription`, the permissions): typed properties over a JSON object, with
 * `get`/`has` by dotted path and `toJSON()`. No change tracking and no requests of their own.
 *
 * @example
 * ```ts
 * const view = await device.getAvailability(); // an Availability, a JsonView
 * view.get('connectionStatus', 'UNKNOWN');
 * ```
 */
export abstract class JsonView {
  readonly #json: JsonObject;

  /** @param json - the JSON; deep-copied and checked to be JSON. */
  constructor(json: object = {}) {
    const copy = toJson(json, '');
    this.#json = isJsonObject(copy) ? copy : {};
  }

  /**
   * Reads by dotted path, like `CumulocityObject#get`.
   * @example
   * ```ts
   * view.get('a.b', 0);
   * ```
   */
  get(path: JsonPath): JsonValue | undefined;
  get<D extends JsonValue>(path: JsonPath, defaultValue: D): Widen<D>;
  get(path: JsonPath, defaultValue?: JsonValue): JsonValue | undefined {
    const value = getAt(this.#json, parsePath(path));
    return value === undefined ? defaultValue : value;
  }

  /**
   * Whether a value exists at the path.
   * @example
   * ```ts
   * view.has('a.b');
   * ```
   */
  has(path: JsonPath): boolean {
    return getAt(this.#json, parsePath(path)) !== undefined;
  }

  /**
   * A deep copy of the JSON.
   * @example
   * ```ts
   * JSON.stringify(view);
   * ```
   */
  toJSON(): JsonObject {
    return cloneJson(this.#json);
  }

  /** A top-level string field. */
  protected stringField(key: string): string | undefined {
    const value = this.#json[key];
    return typeof value === 'string' ? value : undefined;
  }

  /** A top-level number field. */
  protected numberField(key: string): number | undefined {
    const value = this.#json[key];
    return typeof value === 'number' ? value : undefined;
  }

  /** A top-level boolean field. */
  protected booleanField(key: string): boolean | undefined {
    const value = this.#json[key];
    return typeof value === 'boolean' ? value : undefined;
  }

  /** A top-level field as it is. */
  protected rawField(key: string): JsonValue | undefined {
    return this.#json[key];
  }

  /** A time field as a luxon `DateTime` (needs `import '@c8y/model/datetime'`). */
  protected dateTimeField(key: string, property: string): DateTime | undefined {
    return parseDateTime(this.stringField(key), property);
  }
}
