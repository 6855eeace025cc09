/**
 * Cumulocity's unit strings for the value classes of this package (and `Fahrenheit`, which has
 * no value class). `Percentage` is an alias of `Percent`.
 *
 * @example
 * ```ts
 * import { Units, Value } from '@c8y/units';
 * new Value(1013.2, 'hPa');            // any unit string
 * new Value(21.5, Units.Celsius);      // {"value":21.5,"unit":"°C"}
 * ```
 */
export const Units = Object.freeze({
  Grams: 'g',
  Kilograms: 'kg',
  Kelvin: 'K',
  Celsius: '°C',
  Fahrenheit: '°F',
  Meters: 'm',
  Centimeters: 'cm',
  Millimeters: 'mm',
  Liters: 'l',
  CubicMeters: 'm3',
  Count: '#',
  Percent: '%',
  Percentage: '%',
} as const);

/**
 * One of the unit strings in {@link Units}.
 *
 * @example
 * ```ts
 * const unit: Unit = Units.Liters; // 'l'
 * ```
 */
export type Unit = (typeof Units)[keyof typeof Units];
