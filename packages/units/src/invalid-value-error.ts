/**
 * Thrown when a measurement value cannot be sent to Cumulocity: the value is not a finite number
 * (`NaN`, `Infinity`, a string, …) or the unit is not a non-empty string. It extends the built-in
 * `RangeError` (this package has no dependencies, so it is not a `CumulocityError`); `field`
 * names the offending constructor argument.
 *
 * @example
 * ```ts
 * try {
 *   new Celsius(Number.NaN);
 * } catch (error) {
 *   if (error instanceof InvalidValueError) console.log(error.field, error.message);
 *   // 'value' 'value: must be a finite number, got NaN'
 * }
 * ```
 */
export class InvalidValueError extends RangeError {
  /** Which argument was wrong: `value` or `unit`. */
  readonly field: 'value' | 'unit';

  constructor(field: 'value' | 'unit', message: string) {
    super(`${field}: ${message}`);
    this.name = 'InvalidValueError';
    this.field = field;
  }
}
