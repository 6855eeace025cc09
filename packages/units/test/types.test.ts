import { describe, expect, it } from '@jest/globals';
import { Celsius, Liters, Units, Value, type Unit, type ValueJson } from '../src/index.js';

// The `@ts-expect-error` lines are checked by test/typecheck.test.ts (part of `pnpm test`) and by
// `pnpm --filter @c8y/units typecheck`: each must be a type error, and everything else must
// compile. This function is never called; jest only checks the runtime facts below.
export function typeChecks(): unknown[] {
  const json: ValueJson<'l'> = new Liters(1).toJSON();
  const unit: '°C' | undefined = new Celsius(1).unit;
  // @ts-expect-error a Liters value has unit 'l', not '°C'
  const wrong: ValueJson<'°C'> = new Liters(1).toJSON();
  const known: Unit = Units.CubicMeters;
  // @ts-expect-error not a unit of the table
  const unknown: Unit = 'hPa';
  // @ts-expect-error value must be a number
  const bad = new Value('1', 'l');
  // @ts-expect-error value is read-only
  new Celsius(1).value = 2;
  // @ts-expect-error Units is read-only
  Units.Celsius = 'C';
  return [json, unit, wrong, known, unknown, bad];
}

describe('types', () => {
  it('the unit literal type matches the runtime unit', () => {
    const unit: 'l' | undefined = new Liters(1).unit;
    expect(unit).toBe(Units.Liters);
  });
});
