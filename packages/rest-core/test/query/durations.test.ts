import { describe, expect, it } from '@jest/globals';
import { Duration } from 'luxon';
import { toDurationMs } from '../../src/query/durations.js';
import { errorOf } from './helpers.js';

const S = 1_000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe('toDurationMs', () => {
  it.each([
    ['1d', D],
    ['2h', 2 * H],
    ['30m', 30 * M],
    ['10s', 10 * S],
    ['1w', 7 * D],
    ['500ms', 500],
    ['1h30m', H + 30 * M],
    ['1d 12h', D + 12 * H],
    ['1w2d3h4m5s6ms', 9 * D + 3 * H + 4 * M + 5 * S + 6],
    ['1.5h', 1.5 * H],
    ['0s', 0],
    ['01:30', H + 30 * M],
    ['36:00', 36 * H],
    ['00:00:10', 10 * S],
    ['1:02:03.5', H + 2 * M + 3.5 * S],
    ['P1D', D],
    ['PT30M', 30 * M],
    ['P1W', 7 * D],
    ['P1DT2H', D + 2 * H],
    ['PT0.5S', 500],
  ])('%s', (input, expected) => {
    expect(toDurationMs(input)).toBe(expected);
  });

  it('accepts luxon Durations', () => {
    expect(toDurationMs(Duration.fromObject({ hours: 1, minutes: 15 }))).toBe(H + 15 * M);
    expect(toDurationMs(Duration.fromObject({ weeks: 1 }))).toBe(7 * D);
  });

  it('accepts milliseconds', () => {
    expect(toDurationMs(0)).toBe(0);
    expect(toDurationMs(1234)).toBe(1234);
  });

  it.each([
    ['a negative number', -1],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['a negative shorthand', '-1d'],
    ['a negative ISO duration', '-P1D'],
    ['a negative ISO component', 'PT-1H'],
    ['months (no fixed length)', 'P1M'],
    ['years', 'P1Y'],
    ['an empty ISO duration', 'P'],
    ['an unknown unit', '1y'],
    ['an upper-case unit', '1D'],
    ['a repeated unit', '1h1h'],
    ['garbage', 'soon'],
    ['an empty string', ''],
    ['a number without unit', '10'],
    ['minutes over 59 in a clock string', '01:60'],
    ['an object', {}],
    ['a negative luxon Duration', Duration.fromObject({ hours: -1 })],
    ['a luxon Duration in months', Duration.fromObject({ months: 1 })],
    ['an invalid luxon Duration', Duration.invalid('broken')],
  ])('rejects %s, naming the field', (_name, input) => {
    const error = errorOf(() => toDurationMs(input as never, 'maxAge'));
    expect(error.path).toBe('maxAge');
    expect(error.message.startsWith('maxAge: ')).toBe(true);
  });

  it('says why months are rejected', () => {
    expect(errorOf(() => toDurationMs('P1M')).message).toContain('no fixed length');
  });
});
