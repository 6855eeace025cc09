import { describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { isDateObject, parseIsoDateTime, toIsoDate, toIsoTime } from '../../src/query/dates.js';
import { errorOf, NOW } from './helpers.js';

const DATE_FORMAT = 'an ISO-8601 date or date-time (YYYY-MM-DD[THH:MM[:SS[.sss]]][Z|±HH:MM])';

describe('parseIsoDateTime: calendar and clock limits', () => {
  it.each(['2025-06-31', '2025-09-31', '2025-11-31', '2025-04-31', '2025-00-10', '2025-01-01T10:00+24:00', '2025-01-01T10:00-24:00'])(
    'refuses %s',
    (text) => {
      expect(parseIsoDateTime(text)).toBeUndefined();
    },
  );

  it.each([
    ['2025-06-30', Date.UTC(2025, 5, 30)],
    ['2025-09-30', Date.UTC(2025, 8, 30)],
    ['2025-11-30', Date.UTC(2025, 10, 30)],
    ['2025-10-31', Date.UTC(2025, 9, 31)],
    ['2025-12-31', Date.UTC(2025, 11, 31)],
    ['2025-01-01T10:00+01:59', Date.UTC(2025, 0, 1, 8, 1)],
    ['2025-01-01T10:00+23:00', Date.UTC(2024, 11, 31, 11)],
    ['2025-01-01T10:00-23:59', Date.UTC(2025, 0, 2, 9, 59)],
    ['2025-01-01T10:00:30+00:00', Date.UTC(2025, 0, 1, 10, 0, 30)],
    ['2025-01-01T10:00:30-00:00', Date.UTC(2025, 0, 1, 10, 0, 30)],
  ])('reads %s', (text, millis) => {
    expect(parseIsoDateTime(text)).toBe(millis);
  });
});

describe('toIsoDate and toIsoTime: exact error messages', () => {
  it.each([
    ['a word', 'yesterday', `dateFrom: expected ${DATE_FORMAT}, 'now' or 'today', got "yesterday"`],
    ['an invalid Date', new Date(Number.NaN), 'dateFrom: invalid Date'],
    ['NaN', Number.NaN, 'dateFrom: expected epoch milliseconds, got NaN'],
    ['-Infinity', Number.NEGATIVE_INFINITY, 'dateFrom: expected epoch milliseconds, got -Infinity'],
    ['a number past the Date range', 8.64e15 + 1, 'dateFrom: not a valid point in time: number 8640000000000001'],
    ['a number before the Date range', -8.64e15 - 1, 'dateFrom: not a valid point in time: number -8640000000000001'],
    ['an object', {}, "dateFrom: expected a Date, a luxon DateTime, an ISO-8601 string, 'now', 'today' or epoch milliseconds, got an object"],
    ['undefined', undefined, "dateFrom: expected a Date, a luxon DateTime, an ISO-8601 string, 'now', 'today' or epoch milliseconds, got undefined undefined"],
    ['a boolean', false, "dateFrom: expected a Date, a luxon DateTime, an ISO-8601 string, 'now', 'today' or epoch milliseconds, got boolean false"],
  ])('toIsoDate: %s', (_name, input, message) => {
    const error = errorOf(() => toIsoDate(input as never, 'dateFrom'));
    expect(error.message).toBe(message);
    expect(error.path).toBe('dateFrom');
  });

  it.each([
    ["'today'", 'today', `time: expected ${DATE_FORMAT}, or 'now', got "today"`],
    ['epoch milliseconds', 0, "time: expected a Date, a luxon DateTime, an ISO-8601 string or 'now', got number 0"],
    ['null', null, "time: expected a Date, a luxon DateTime, an ISO-8601 string or 'now', got null"],
    ['an invalid Date', new Date(Number.NaN), 'time: invalid Date'],
  ])('toIsoTime: %s', (_name, input, message) => {
    expect(errorOf(() => toIsoTime(input as never, 'time')).message).toBe(message);
  });

  it('takes the path from an options object', () => {
    const error = errorOf(() => toIsoDate('soon', { path: 'before', now: NOW }));
    expect(error.path).toBe('before');
    expect(error.message).toBe(`before: expected ${DATE_FORMAT}, 'now' or 'today', got "soon"`);
  });
});

describe('toIsoDate: edges', () => {
  it('accepts the last millisecond of the Date range, both ways', () => {
    expect(toIsoDate(8.64e15)).toBe('+275760-09-13T00:00:00.000Z');
    expect(toIsoDate(-8.64e15)).toBe('-271821-04-20T00:00:00.000Z');
  });

  it("reads 'now' and 'today' with spaces around them, in any case", () => {
    expect(toIsoDate(' now ', { now: NOW })).toBe('2025-06-15T12:00:00.000Z');
    expect(toIsoDate('\tToday\n', { now: NOW })).toBe('2025-06-15T00:00:00.000Z');
    expect(toIsoTime(' Now', { path: 'time', now: NOW })).toBe('2025-06-15T12:00:00.000Z');
  });

  it("keeps 'today' at the UTC day of the given clock, before 1970 too", () => {
    expect(toIsoDate('today', { now: new Date('1969-12-31T23:59:59.999Z') })).toBe('1969-12-31T00:00:00.000Z');
  });
});

describe('isDateObject: DateTimes by shape', () => {
  const toMillis = () => 0;
  const toISO = () => '1970-01-01T00:00:00.000Z';

  it('needs toMillis(), a boolean isValid and toISO()', () => {
    expect(isDateObject({ isValid: true, toMillis, toISO })).toBe(true);
    expect(isDateObject({ isValid: true, toISO })).toBe(false);
    expect(isDateObject({ toMillis, toISO })).toBe(false);
    expect(isDateObject({ isValid: true, toMillis })).toBe(false);
    expect(isDateObject({ isValid: 'yes', toMillis, toISO })).toBe(false);
    expect(isDateObject({ isValid: true, toMillis, toISO, isLuxonDuration: true })).toBe(false);
    expect(isDateObject(Object.assign(() => 0, { isValid: true, toMillis, toISO }))).toBe(false);
    expect(isDateObject(null)).toBe(false);
    expect(isDateObject('2025-01-01')).toBe(false);
  });

  it("counts luxon's DateTime marker even without isValid and toISO, but not without toMillis", () => {
    expect(isDateObject({ isLuxonDateTime: true, toMillis })).toBe(true);
    expect(isDateObject({ isLuxonDateTime: true, isValid: true, toISO })).toBe(false);
  });

  it('refuses shapes it does not recognise, with the usual message', () => {
    expect(errorOf(() => toIsoDate({ isValid: true, toMillis } as never, 'after')).message).toBe(
      "after: expected a Date, a luxon DateTime, an ISO-8601 string, 'now', 'today' or epoch milliseconds, got an object",
    );
  });

  it('names an invalid DateTime without a reason, and with only a short reason', () => {
    expect(errorOf(() => toIsoDate({ isValid: false, toMillis, toISO } as never, 'after')).message).toBe('after: invalid DateTime (invalid)');
    expect(errorOf(() => toIsoDate(DateTime.invalid('broken'), 'after')).message).toBe('after: invalid DateTime (broken)');
  });
});
