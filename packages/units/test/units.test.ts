import { describe, expect, it } from '@jest/globals';
import {
  Celsius,
  Centimeters,
  Count,
  CubicMeters,
  Grams,
  InvalidValueError,
  Kelvin,
  Kilograms,
  Liters,
  Meters,
  Millimeters,
  Percent,
  Percentage,
  Units,
  Value,
} from '../src/index.js';

describe('value classes', () => {
  it.each([
    [Celsius, '°C'],
    [Kelvin, 'K'],
    [Grams, 'g'],
    [Kilograms, 'kg'],
    [Meters, 'm'],
    [Centimeters, 'cm'],
    [Millimeters, 'mm'],
    [Liters, 'l'],
    [CubicMeters, 'm3'],
    [Count, '#'],
    [Percent, '%'],
    [Percentage, '%'],
  ] as const)('%p serialises with unit %s', (Class, unit) => {
    const value = new Class(12.5);
    expect(value.unit).toBe(unit);
    expect(value.value).toBe(12.5);
    expect(JSON.stringify(value)).toBe(`{"value":12.5,"unit":"${unit}"}`);
    expect(value).toBeInstanceOf(Value);
  });

  it('composes inside measurement fragments (seed example)', () => {
    const fragment = {
      cx_Levels: { oil: new Liters(8.4), gas: new Liters(223.18), h2o: new Liters(1.2), bat: new Percentage(85) },
    };
    expect(JSON.parse(JSON.stringify(fragment))).toEqual({
      cx_Levels: {
        oil: { value: 8.4, unit: 'l' },
        gas: { value: 223.18, unit: 'l' },
        h2o: { value: 1.2, unit: 'l' },
        bat: { value: 85, unit: '%' },
      },
    });
  });

  it('Percentage is Percent', () => {
    expect(Percentage).toBe(Percent);
    expect(new Percentage(1)).toBeInstanceOf(Percent);
  });
});

describe('Value', () => {
  it('takes any unit string, or none', () => {
    expect(new Value(1013.2, 'hPa').toJSON()).toEqual({ value: 1013.2, unit: 'hPa' });
    expect(JSON.stringify(new Value(3))).toBe('{"value":3}');
    expect(new Value(0, Units.Fahrenheit).unit).toBe('°F');
  });

  it('is immutable', () => {
    const value = new Celsius(1);
    expect(() => {
      (value as { value: number }).value = 2;
    }).toThrow(TypeError);
    expect(value.value).toBe(1);
  });

  it('prints as "<value> <unit>"', () => {
    expect(String(new Celsius(21.5))).toBe('21.5 °C');
    expect(String(new Value(2))).toBe('2');
  });

  it('reads the JSON form back', () => {
    const value = Value.fromJSON({ value: 21.5, unit: '°C' });
    expect(value.toJSON()).toEqual({ value: 21.5, unit: '°C' });
    expect(Value.fromJSON({ value: 4 }).unit).toBeUndefined();
    expect(() => Value.fromJSON({ value: '4' })).toThrow(InvalidValueError);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])('rejects %p', (bad) => {
    expect(() => new Celsius(bad)).toThrow(InvalidValueError);
    expect(() => new Celsius(bad)).toThrow(`value: must be a finite number, got ${String(bad)}`);
  });

  it('rejects values that are not numbers', () => {
    expect(() => new Value('8' as unknown as number, 'l')).toThrow('value: must be a finite number, got "8"');
    expect(() => new Liters(null as unknown as number)).toThrow('got null');
  });

  it('rejects an empty or non-string unit', () => {
    expect(() => new Value(1, '')).toThrow('unit: must be a non-empty string when given, got ""');
    expect(() => new Value(1, 5 as unknown as string)).toThrow(InvalidValueError);
  });

  it('InvalidValueError is a RangeError naming the field', () => {
    try {
      new Value(1, '');
      throw new Error('not thrown');
    } catch (error) {
      expect(error).toBeInstanceOf(RangeError);
      expect(error).toBeInstanceOf(InvalidValueError);
      expect((error as InvalidValueError).field).toBe('unit');
      expect((error as InvalidValueError).name).toBe('InvalidValueError');
    }
  });
});

describe('Units', () => {
  it('holds the Cumulocity unit strings', () => {
    expect(Units).toEqual({
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
    });
    expect(Object.isFrozen(Units)).toBe(true);
  });
});
