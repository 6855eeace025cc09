import { describe, expect, it } from '@jest/globals';
import { DateTime, Duration } from 'luxon';
import { isDurationObjectLike, toDurationMs } from '../../src/query/durations.js';
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
    ['PT0,5S', 500],
    ['P1W2D', 9 * D],
    ['PT1H30M15S', H + 30 * M + 15 * S],
    ['P0Y0M1D', D],
    ['P0.5D', 12 * H],
    ['PT36H', 36 * H],
  ])('%s', (input, expected) => {
    expect(toDurationMs(input)).toBe(expected);
  });

  it('accepts luxon Durations', () => {
    expect(toDurationMs(Duration.fromObject({ hours: 1, minutes: 15 }))).toBe(H + 15 * M);
    expect(toDurationMs(Duration.fromObject({ weeks: 1 }))).toBe(7 * D);
    expect(toDurationMs(Duration.fromISO('P1DT2H'))).toBe(D + 2 * H);
    expect(toDurationMs(Duration.fromMillis(1234))).toBe(1234);
  });

  it('recognises Durations by shape: no luxon needed', () => {
    expect(toDurationMs({ toMillis: () => 90_000, toObject: () => ({ minutes: 1.5 }) })).toBe(90_000);
    expect(isDurationObjectLike(Duration.fromObject({ days: 1 }))).toBe(true);
    expect(isDurationObjectLike(DateTime.now())).toBe(false);
    expect(isDurationObjectLike({ toMillis: () => 1 })).toBe(false);
    expect(errorOf(() => toDurationMs({ isValid: false, invalidReason: 'gone', toMillis: () => Number.NaN, toObject: () => ({}) }, 'maxAge')).message).toBe(
      'maxAge: invalid Duration (gone)',
    );
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
    ['an empty ISO time part', 'PT'],
    ['a trailing T', 'P1DT'],
    ['ISO units out of order', 'PT1M1H'],
    ['a lower-case ISO duration', 'p1d'],
    ['an ISO year-month duration', 'P1Y2M'],
    ['quarters in a shaped Duration', { toMillis: () => 1, toObject: () => ({ quarters: 1 }) }],
    ['a shaped Duration with a negative length', { toMillis: () => -1, toObject: () => ({}) }],
    ['a luxon DateTime', DateTime.fromMillis(0)],
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
