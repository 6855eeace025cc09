/**
 * `@c8y/units`: measurement values with Cumulocity's unit strings. No dependencies.
 *
 * @example
 * ```ts
 * import { Liters, Percent } from '@c8y/units';
 * const fragment = { cx_Levels: { oil: new Liters(8.4), bat: new Percent(85) } };
 * JSON.stringify(fragment); // '{"cx_Levels":{"oil":{"value":8.4,"unit":"l"},"bat":{"value":85,"unit":"%"}}}'
 * ```
 * @packageDocumentation
 */
export { Units, type Unit } from './units.js';
export { Value, type ValueJson } from './value.js';
export { InvalidValueError } from './invalid-value-error.js';
export {
  Celsius,
  Centimeters,
  Count,
  CubicMeters,
  Grams,
  Kelvin,
  Kilograms,
  Liters,
  Meters,
  Millimeters,
  Percent,
  Percentage,
} from './classes.js';
