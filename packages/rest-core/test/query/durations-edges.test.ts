import { describe, expect, it } from '@jest/globals';
import { Duration } from 'luxon';
import { isDurationObjectLike, toDurationMs } from '../../src/query/durations.js';
import { errorOf } from './helpers.js';

const H = 3_600_000;
const FORMS = "'1d', '2h', '30m', '10s', '1w', '500ms', '1h30m', 'HH:MM', 'HH:MM:SS', ISO 8601 ('PT30M'), a luxon Duration or milliseconds";

/** A Duration by shape: `toObject()` gives `parts`, `toMillis()` gives `millis`. */
function shaped(parts: Record<string, number>, millis: unknown, extra: object = {}) {
  return { toMillis: () => millis, toObject: () => parts, ...extra } as never;
}

describe('toDurationMs: exact error messages', () => {
  it.each([
    ['garbage', 'soon', `maxAge: expected a duration like ${FORMS}; got "soon"`],
    ['a dash inside a shorthand is not a sign', '1d-2h', `maxAge: expected a duration like ${FORMS}; got "1d-2h"`],
    ['a dash after a P that does not start the text', 'XP-1D', `maxAge: expected a duration like ${FORMS}; got "XP-1D"`],
    ['a negative shorthand', '-1d', 'maxAge: "-1d": must not be negative'],
    ['a negative shorthand after spaces', '  -1d', 'maxAge: "  -1d": must not be negative'],
    ['a negative ISO duration', '-P1D', 'maxAge: "-P1D": must not be negative'],
    ['a negative ISO component late in the text', 'P1DT-1H', 'maxAge: "P1DT-1H": must not be negative'],
    ['a repeated unit', '1h 2h', 'maxAge: "1h 2h": unit \'h\' appears twice'],
    ['months in ISO', 'P1M', 'maxAge: "P1M": months and years have no fixed length; use weeks or days'],
    ['NaN', Number.NaN, 'maxAge: expected milliseconds, got NaN'],
    ['-Infinity', Number.NEGATIVE_INFINITY, 'maxAge: expected milliseconds, got -Infinity'],
    ['a negative number', -5, 'maxAge: must not be negative, got -5'],
    ['null', null, `maxAge: expected a duration like ${FORMS}; got null`],
    ['an array', ['1h'], `maxAge: expected a duration like ${FORMS}; got an array`],
    ['a boolean', true, `maxAge: expected a duration like ${FORMS}; got boolean true`],
  ])('%s', (_name, input, message) => {
    const error = errorOf(() => toDurationMs(input as never, 'maxAge'));
    expect(error.message).toBe(message);
    expect(error.path).toBe('maxAge');
  });

  it('has no prefix without a path', () => {
    const error = errorOf(() => toDurationMs('soon'));
    expect(error.message).toBe(`expected a duration like ${FORMS}; got "soon"`);
    expect(error.path).toBeUndefined();
  });

  it('accepts a shorthand with spaces around it', () => {
    expect(toDurationMs(' 1h ')).toBe(H);
  });

  it('reads a clock string without seconds as whole minutes', () => {
    expect(toDurationMs('02:05')).toBe(2 * H + 5 * 60_000);
    expect(toDurationMs('0:00:01.25')).toBe(1_250);
  });
});

describe('toDurationMs: Duration objects', () => {
  it.each([
    ['months', { months: 2 }, 'minAge: Duration: months and years have no fixed length; use weeks or days'],
    ['years', { years: 1 }, 'minAge: Duration: months and years have no fixed length; use weeks or days'],
    ['a negative unit in a positive total', { hours: 1, minutes: -30 }, 'minAge: Duration: must not be negative'],
  ])('refuses %s', (_name, parts, message) => {
    expect(errorOf(() => toDurationMs(Duration.fromObject(parts), 'minAge')).message).toBe(message);
  });

  it('accepts calendar units that are zero, and zero amounts', () => {
    expect(toDurationMs(Duration.fromObject({ years: 0, quarters: 0, months: 0, hours: 2 }))).toBe(2 * H);
    expect(toDurationMs(Duration.fromObject({ hours: 0, minutes: 0 }))).toBe(0);
    expect(toDurationMs(Duration.fromMillis(0))).toBe(0);
  });

  it('ignores non-numeric entries of toObject()', () => {
    expect(toDurationMs(shaped({ hours: 1, note: '-1' as never }, H))).toBe(H);
  });

  it.each([
    ['NaN', Number.NaN, 'minAge: Duration: expected a finite length, got number NaN'],
    ['Infinity', Number.POSITIVE_INFINITY, 'minAge: Duration: expected a finite length, got number Infinity'],
    ['a string', '5', 'minAge: Duration: expected a finite length, got "5"'],
    ['a negative total', -1, 'minAge: Duration: must not be negative'],
  ])('refuses a length of %s', (_name, millis, message) => {
    expect(errorOf(() => toDurationMs(shaped({}, millis), 'minAge')).message).toBe(message);
  });

  it('names an invalid Duration without a reason', () => {
    expect(errorOf(() => toDurationMs(shaped({}, 0, { isValid: false }), 'minAge')).message).toBe('minAge: invalid Duration (invalid)');
  });
});

describe('isDurationObjectLike', () => {
  const toMillis = () => 1;
  const toObject = () => ({});

  it('needs an object with toMillis() and toObject()', () => {
    expect(isDurationObjectLike({ toMillis, toObject })).toBe(true);
    expect(isDurationObjectLike({ toObject })).toBe(false);
    expect(isDurationObjectLike({ toMillis })).toBe(false);
    expect(isDurationObjectLike(null)).toBe(false);
    expect(isDurationObjectLike(undefined)).toBe(false);
    expect(isDurationObjectLike('1h')).toBe(false);
    expect(isDurationObjectLike(Object.assign(() => 1, { toMillis, toObject }))).toBe(false);
  });

  it("takes luxon's Duration marker over a DateTime marker", () => {
    expect(isDurationObjectLike({ toMillis, toObject, isLuxonDateTime: true })).toBe(false);
    expect(isDurationObjectLike({ toMillis, toObject, isLuxonDateTime: true, isLuxonDuration: true })).toBe(true);
  });
});
