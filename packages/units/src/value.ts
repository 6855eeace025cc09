import { InvalidValueError } from './invalid-value-error.js';

/**
 * The JSON form of a measurement value: `{"value": 8.4, "unit": "l"}`. `unit` is absent for a
 * unit-less value.
 *
 * @example
 * ```ts
 * const json: ValueJson = new Liters(8.4).toJSON(); // { value: 8.4, unit: 'l' }
 * ```
 */
export interface ValueJson<U extends string = string> {
  value: number;
  unit?: U;
}

/**
 * A measurement value (a "series" in Cumulocity terms): a finite number with an optional unit.
 * Immutable. `JSON.stringify` (and `@c8y/model`) turn it into `{"value": v, "unit": u}`, so it
 * composes inside measurement fragments.
 *
 * @throws InvalidValueError if `value` is not a finite number or `unit` is an empty string.
 *
 * @example
 * ```ts
 * const pressure = new Value(1013.2, 'hPa');
 * JSON.stringify({ c8y_Pressure: { P: pressure } });
 * // '{"c8y_Pressure":{"P":{"value":1013.2,"unit":"hPa"}}}'
 * ```
 */
export class Value<U extends string = string> {
  /** The number. Always finite. */
  readonly value: number;
  /** The unit string, e.g. `°C`; `undefined` for a unit-less value. */
  readonly unit: U | undefined;

  constructor(value: number, unit?: U) {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new InvalidValueError('value', `must be a finite number, got ${describe(value)}`);
    }
    if (unit !== undefined && (typeof unit !== 'string' || unit === '')) {
      throw new InvalidValueError('unit', `must be a non-empty string when given, got ${describe(unit)}`);
    }
    this.value = value;
    this.unit = unit;
    Object.freeze(this);
  }

  /**
   * Reads a value back from its JSON form, e.g. a series in a measurement returned by Cumulocity.
   *
   * @example
   * ```ts
   * Value.fromJSON({ value: 21.5, unit: '°C' }).value; // 21.5
   * ```
   */
  static fromJSON(json: { value: unknown; unit?: unknown }): Value {
    return new Value(json.value as number, json.unit === undefined ? undefined : (json.unit as string));
  }

  /**
   * The JSON form `{ value, unit }` (no `unit` key for a unit-less value).
   *
   * @example
   * ```ts
   * new Percent(85).toJSON(); // { value: 85, unit: '%' }
   * ```
   */
  toJSON(): ValueJson<U> {
    return this.unit === undefined ? { value: this.value } : { value: this.value, unit: this.unit };
  }

  /**
   * `"<value> <unit>"`, e.g. `8.4 l`.
   *
   * @example
   * ```ts
   * `${new Celsius(21.5)}`; // '21.5 °C'
   * ```
   */
  toString(): string {
    return this.unit === undefined ? String(this.value) : `${this.value} ${this.unit}`;
  }
}

function describe(input: unknown): string {
  if (typeof input === 'number') return String(input);
  if (typeof input === 'string') return JSON.stringify(input);
  return input === null ? 'null' : typeof input;
}
