import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DateTime, Settings } from 'luxon';
import { toIsoDate } from '../../src/query/dates.js';
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
  ])('%s: %s', (_name, input, expected) => {
    expect(toIsoDate(input)).toBe(expected);
  });

  it('accepts Date objects', () => {
    expect(toIsoDate(new Date(Date.UTC(2025, 0, 2, 3, 4, 5, 6)))).toBe('2025-01-02T03:04:05.006Z');
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
    ['a time without date', '10:00'],
    ['an empty string', ''],
    ['a non-ISO format', '01/02/2025'],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['an out-of-range number', 8.64e15 + 1],
    ['an invalid Date', new Date('nope')],
    ['an invalid DateTime', DateTime.invalid('broken')],
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
