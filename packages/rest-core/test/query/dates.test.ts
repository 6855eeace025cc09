import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DateTime, Duration, Settings } from 'luxon';
import { isDateObject, parseIsoDateTime, toIsoDate, toIsoTime } from '../../src/query/dates.js';
import { errorOf, NOW } from './helpers.js';

describe('toIsoDate', () => {
  it.each([
    ['date-only string is midnight UTC', '2025-01-01', '2025-01-01T00:00:00.000Z'],
    ['date-time without offset is UTC', '2025-01-01T10:00', '2025-01-01T10:00:00.000Z'],
    ['seconds without offset is UTC', '2025-01-01T10:00:05', '2025-01-01T10:00:05.000Z'],
    ['Z is kept as UTC', '2025-01-01T10:00:00Z', '2025-01-01T10:00:00.000Z'],
    ['positive offset is converted', '2025-01-01T10:00:00+02:00', '2025-01-01T08:00:00.000Z'],
    ['negative half-hour offset is converted', '2025-01-01T10:00:00-05:30', '2025-01-01T15:30:00.000Z'],
    ['offset crossing midnight', '2025-01-01T01:00:00.123+02:00', '2024-12-31T23:00:00.123Z'],
    ['microseconds are cut to milliseconds', '2025-01-01T10:00:00.123456Z', '2025-01-01T10:00:00.123Z'],
    ['Cumulocity JSON form', '2020-03-19T22:09:06.881+01:00', '2020-03-19T21:09:06.881Z'],
    ['minutes with Z', '2025-01-01T10:00Z', '2025-01-01T10:00:00.000Z'],
    ['offset without colon', '2025-01-01T10:00:00+0200', '2025-01-01T08:00:00.000Z'],
    ['negative offset without colon', '2025-01-01T10:00-0130', '2025-01-01T11:30:00.000Z'],
    ['one fraction digit is tenths', '2025-01-01T10:00:00.5Z', '2025-01-01T10:00:00.500Z'],
    ['leap day', '2024-02-29', '2024-02-29T00:00:00.000Z'],
    ['leap day of a 400-year', '2000-02-29T23:59:59.999Z', '2000-02-29T23:59:59.999Z'],
    ['end of year', '2025-12-31T23:59:59', '2025-12-31T23:59:59.000Z'],
    ['before 1970', '1969-07-20T20:17:40Z', '1969-07-20T20:17:40.000Z'],
  ])('%s: %s', (_name, input, expected) => {
    expect(toIsoDate(input)).toBe(expected);
  });

  it('accepts Date objects', () => {
    expect(toIsoDate(new Date(Date.UTC(2025, 0, 2, 3, 4, 5, 6)))).toBe('2025-01-02T03:04:05.006Z');
  });

  it('recognises DateTimes by shape: no luxon needed', () => {
    const shaped = { isValid: true, toMillis: () => 1_735_689_600_000, toISO: () => '2025-01-01T00:00:00.000Z' };
    expect(toIsoDate(shaped)).toBe('2025-01-01T00:00:00.000Z');
    expect(isDateObject(shaped)).toBe(true);
    expect(isDateObject(DateTime.now())).toBe(true);
    expect(isDateObject(Duration.fromObject({ hours: 1 }))).toBe(false);
    expect(errorOf(() => toIsoDate({ ...shaped, isValid: false, invalidExplanation: 'zone gone' }, 'after')).message).toBe('after: invalid DateTime (zone gone)');
  });

  it('accepts luxon DateTimes in any zone and converts them to UTC', () => {
    const berlin = DateTime.fromISO('2025-07-01T12:00:00', { zone: 'Europe/Berlin' });
    expect(toIsoDate(berlin)).toBe('2025-07-01T10:00:00.000Z');
    const fixed = DateTime.fromISO('2025-01-01T00:00:00.500+09:00', { setZone: true });
    expect(toIsoDate(fixed)).toBe('2024-12-31T15:00:00.500Z');
  });

  it('accepts epoch milliseconds', () => {
    expect(toIsoDate(0)).toBe('1970-01-01T00:00:00.000Z');
    expect(toIsoDate(1_735_689_600_123)).toBe('2025-01-01T00:00:00.123Z');
  });

  it("reads 'now' and 'today' from the given clock, in UTC", () => {
    expect(toIsoDate('now', { now: NOW })).toBe('2025-06-15T12:00:00.000Z');
    expect(toIsoDate('today', { now: NOW })).toBe('2025-06-15T00:00:00.000Z');
    expect(toIsoDate('today', { now: new Date('2025-06-15T23:59:59.999Z') })).toBe('2025-06-15T00:00:00.000Z');
    expect(toIsoDate('NOW', { now: NOW })).toBe('2025-06-15T12:00:00.000Z');
  });

  it("uses the real clock for 'now' by default", () => {
    const before = Date.now();
    const result = Date.parse(toIsoDate('now'));
    expect(result).toBeGreaterThanOrEqual(before);
    expect(result).toBeLessThanOrEqual(Date.now());
  });

  it.each([
    ['a word', 'yesterday'],
    ['an invalid month', '2025-13-01'],
    ['a bare number string', '1'],
    ['free text Date.parse reads', 'Dec 4 2026'],
    ['text around a year', 'hello 2020'],
    ['month 13', '2026-13-01'],
    ['February 30', '2026-02-30'],
    ['February 29 of a common year', '2025-02-29'],
    ['February 29 of a century', '1900-02-29'],
    ['day 0', '2025-01-00'],
    ['April 31', '2025-04-31'],
    ['a year alone', '2025'],
    ['a year and month', '2025-01'],
    ['a week date', '2025-W01-1'],
    ['an ordinal date', '2025-001'],
    ['the basic format', '20250101T100000Z'],
    ['a space instead of T', '2025-01-01 10:00'],
    ['a lower-case t', '2025-01-01t10:00'],
    ['hours without minutes', '2025-01-01T10'],
    ['hour 24', '2025-01-01T24:00'],
    ['minute 60', '2025-01-01T10:60'],
    ['second 60', '2025-01-01T10:00:60Z'],
    ['an empty fraction', '2025-01-01T10:00:00.Z'],
    ['an offset on a bare date', '2025-01-01Z'],
    ['an hours-only offset', '2025-01-01T10:00+02'],
    ['an offset with minute 60', '2025-01-01T10:00+01:60'],
    ['a zone name', '2025-01-01T10:00[Europe/Berlin]'],
    ['a leading space', ' 2025-01-01'],
    ['an extended year', '+002025-01-01'],
    ['RFC 2822', 'Wed, 01 Jan 2025 00:00:00 GMT'],
    ['a time without date', '10:00'],
    ['an empty string', ''],
    ['a non-ISO format', '01/02/2025'],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['an out-of-range number', 8.64e15 + 1],
    ['an invalid Date', new Date('nope')],
    ['an invalid DateTime', DateTime.invalid('broken')],
    ['a luxon Duration', Duration.fromObject({ hours: 1 })],
    ['an object', {}],
    ['a boolean', true],
  ])('rejects %s, naming the field', (_name, input) => {
    const error = errorOf(() => toIsoDate(input as never, 'dateFrom'));
    expect(error.path).toBe('dateFrom');
    expect(error.message.startsWith('dateFrom: ')).toBe(true);
  });

  it('quotes the offending string in the message', () => {
    expect(errorOf(() => toIsoDate('yesterday', { path: 'after' })).message).toContain('"yesterday"');
  });
});

describe('parseIsoDateTime', () => {
  it('agrees with Date for every day of 400 years, at shifting times of day', () => {
    const mismatches: string[] = [];
    for (let millis = Date.UTC(1800, 0, 1); millis < Date.UTC(2200, 0, 1); millis += 86_400_000 + 3_723_004) {
      const iso = new Date(millis).toISOString();
      if (parseIsoDateTime(iso) !== millis) mismatches.push(iso);
      if (parseIsoDateTime(iso.slice(0, 10)) !== Date.parse(`${iso.slice(0, 10)}T00:00:00.000Z`)) mismatches.push(iso.slice(0, 10));
    }
    expect(mismatches).toEqual([]);
  });

  it.each([
    '2025-01-01',
    '2025-06-15T12:34',
    '2025-06-15T12:34:56',
    '2025-06-15T12:34:56.789',
    '2025-06-15T12:34:56.7+05:45',
    '2025-06-15T00:00:00.000-11:00',
    '2024-02-29T23:59:59.999+14:00',
    '0001-01-01T00:00:00Z',
    '9999-12-31T23:59:59.999Z',
  ])('reads %s as luxon does in zone utc', (text) => {
    expect(parseIsoDateTime(text)).toBe(DateTime.fromISO(text, { zone: 'utc' }).toMillis());
  });

  it('returns undefined for what is not strict ISO 8601', () => {
    expect(parseIsoDateTime('Dec 4 2026')).toBeUndefined();
    expect(parseIsoDateTime('2026-02-30')).toBeUndefined();
  });
});

describe('toIsoTime (the rule for time properties of objects)', () => {
  it.each([
    ['2025-01-01', '2025-01-01T00:00:00.000Z'],
    ['2025-01-01T12:00', '2025-01-01T12:00:00.000Z'],
    ['2025-01-01T12:00:00+02:00', '2025-01-01T10:00:00.000Z'],
    ['2020-03-19T22:09:06.881+01:00', '2020-03-19T21:09:06.881Z'],
  ])('%s → %s', (input, expected) => {
    expect(toIsoTime(input, 'time')).toBe(expected);
  });

  it("accepts Date, DateTime and 'now'", () => {
    expect(toIsoTime(new Date(0), 'time')).toBe('1970-01-01T00:00:00.000Z');
    expect(toIsoTime(DateTime.fromISO('2025-01-01T12:00', { zone: 'Europe/Berlin' }), 'time')).toBe('2025-01-01T11:00:00.000Z');
    expect(toIsoTime('now', { path: 'time', now: NOW })).toBe('2025-06-15T12:00:00.000Z');
  });

  it.each([
    ['epoch milliseconds', 0],
    ["'today'", 'today'],
    ['a bare number string', '1'],
    ['free text', 'Dec 4 2026'],
    ['an impossible date', '2026-02-30'],
    ['an invalid Date', new Date(Number.NaN)],
    ['null', null],
  ])('rejects %s, naming the field', (_name, input) => {
    const error = errorOf(() => toIsoTime(input as never, 'time'));
    expect(error.path).toBe('time');
    expect(error.message.startsWith('time: ')).toBe(true);
  });
});

describe('toIsoDate does not depend on the local time zone', () => {
  const original = Settings.defaultZone;
  beforeAll(() => {
    Settings.defaultZone = 'America/New_York';
  });
  afterAll(() => {
    Settings.defaultZone = original;
  });

  it('reads strings without an offset as UTC', () => {
    expect(toIsoDate('2025-01-01')).toBe('2025-01-01T00:00:00.000Z');
    expect(toIsoDate('2025-01-01T10:00')).toBe('2025-01-01T10:00:00.000Z');
    expect(toIsoDate('2025-01-01T10:00:00+01:00')).toBe('2025-01-01T09:00:00.000Z');
  });

  it("keeps 'today' in UTC", () => {
    expect(toIsoDate('today', { now: new Date('2025-06-15T02:00:00Z') })).toBe('2025-06-15T00:00:00.000Z');
  });

  it('converts DateTimes in the default zone', () => {
    expect(toIsoDate(DateTime.fromISO('2025-01-01T00:00:00'))).toBe('2025-01-01T05:00:00.000Z');
  });
});
