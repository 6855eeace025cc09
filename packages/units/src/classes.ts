import { Units } from './units.js';
import { Value } from './value.js';

/**
 * Weight in grams: serialises to `{"value": v, "unit": "g"}`.
 *
 * @throws InvalidValueError if `value` is not a finite number.
 *
 * @example
 * ```ts
 * JSON.stringify(new Grams(250)); // '{"value":250,"unit":"g"}'
 * ```
 */
export class Grams extends Value<'g'> {
  constructor(value: number) {
    super(value, Units.Grams);
  }
}

/**
 * Weight in kilograms: serialises to `{"value": v, "unit": "kg"}`.
 *
 * @throws InvalidValueError if `value` is not a finite number.
 *
 * @example
 * ```ts
 * JSON.stringify(new Kilograms(72.5)); // '{"value":72.5,"unit":"kg"}'
 * ```
 */
export class Kilograms extends Value<'kg'> {
  constructor(value: number) {
    super(value, Units.Kilograms);
  }
}

/**
 * Temperature in kelvin: serialises to `{"value": v, "unit": "K"}`.
 *
 * @throws InvalidValueError if `value` is not a finite number.
 *
 * @example
 * ```ts
 * JSON.stringify(new Kelvin(293.15)); // '{"value":293.15,"unit":"K"}'
 * ```
 */
export class Kelvin extends Value<'K'> {
  constructor(value: number) {
    super(value, Units.Kelvin);
  }
}

/**
 * Temperature in degrees Celsius: serialises to `{"value": v, "unit": "°C"}`.
 *
 * @throws InvalidValueError if `value` is not a finite number.
 *
 * @example
 * ```ts
 * JSON.stringify(new Celsius(22.8)); // '{"value":22.8,"unit":"°C"}'
 * ```
 */
export class Celsius extends Value<'°C'> {
  constructor(value: number) {
    super(value, Units.Celsius);
  }
}

/**
 * Length in meters: serialises to `{"value": v, "unit": "m"}`.
 *
 * @throws InvalidValueError if `value` is not a finite number.
 *
 * @example
 * ```ts
 * JSON.stringify(new Meters(1.8)); // '{"value":1.8,"unit":"m"}'
 * ```
 */
export class Meters extends Value<'m'> {
  constructor(value: number) {
    super(value, Units.Meters);
  }
}

/**
 * Length in centimeters: serialises to `{"value": v, "unit": "cm"}`.
 *
 * @throws InvalidValueError if `value` is not a finite number.
 *
 * @example
 * ```ts
 * JSON.stringify(new Centimeters(42)); // '{"value":42,"unit":"cm"}'
 * ```
 */
export class Centimeters extends Value<'cm'> {
  constructor(value: number) {
    super(value, Units.Centimeters);
  }
}

/**
 * Length in millimeters: serialises to `{"value": v, "unit": "mm"}`.
 *
 * @throws InvalidValueError if `value` is not a finite number.
 *
 * @example
 * ```ts
 * JSON.stringify(new Millimeters(3.5)); // '{"value":3.5,"unit":"mm"}'
 * ```
 */
export class Millimeters extends Value<'mm'> {
  constructor(value: number) {
    super(value, Units.Millimeters);
  }
}

/**
 * Volume in liters (lower-case `l`): serialises to `{"value": v, "unit": "l"}`.
 *
 * @throws InvalidValueError if `value` is not a finite number.
 *
 * @example
 * ```ts
 * JSON.stringify(new Liters(8.4)); // '{"value":8.4,"unit":"l"}'
 * ```
 */
export class Liters extends Value<'l'> {
  constructor(value: number) {
    super(value, Units.Liters);
  }
}

/**
 * Volume in cubic meters: serialises to `{"value": v, "unit": "m3"}`.
 *
 * @throws InvalidValueError if `value` is not a finite number.
 *
 * @example
 * ```ts
 * JSON.stringify(new CubicMeters(1.2)); // '{"value":1.2,"unit":"m3"}'
 * ```
 */
export class CubicMeters extends Value<'m3'> {
  constructor(value: number) {
    super(value, Units.CubicMeters);
  }
}

/**
 * A count of things (unit `#`): serialises to `{"value": v, "unit": "#"}`.
 *
 * @throws InvalidValueError if `value` is not a finite number.
 *
 * @example
 * ```ts
 * JSON.stringify(new Count(17)); // '{"value":17,"unit":"#"}'
 * ```
 */
export class Count extends Value<'#'> {
  constructor(value: number) {
    super(value, Units.Count);
  }
}

/**
 * A percentage (alias `Percentage`): serialises to `{"value": v, "unit": "%"}`.
 *
 * @throws InvalidValueError if `value` is not a finite number.
 *
 * @example
 * ```ts
 * JSON.stringify(new Percent(85)); // '{"value":85,"unit":"%"}'
 * ```
 */
export class Percent extends Value<'%'> {
  constructor(value: number) {
    super(value, Units.Percent);
  }
}

/**
 * Alias of {@link Percent} (the name used by the older Python `c8y_api`).
 *
 * @example
 * ```ts
 * new Percentage(85).toJSON(); // { value: 85, unit: '%' }
 * new Percentage(85) instanceof Percent; // true
 * ```
 */
export const Percentage = Percent;
/** Alias of {@link Percent}. */
export type Percentage = Percent;
