import { describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { Alarm, BulkOperation, Event, Measurement, toTimeString } from '../src/index.js';
import { api, expectInvalid, expectInvalidAsync, mt, testClient, useNock } from './helpers.js';

// One time rule for objects and queries (rest-core's toIsoTime): strict ISO 8601 with "no offset
// = UTC", 'now', Date, luxon DateTime; stored and sent as UTC with milliseconds. Every expected
// value below is explicit, so a rule that read the machine's zone fails when the suite runs
// under another TZ (e.g. `TZ=America/New_York pnpm test -- time`).
useNock();
const c8y = testClient();

describe('time properties', () => {
  it.each([
    ['a date', '2025-01-01', '2025-01-01T00:00:00.000Z'],
    ['a date-time without offset (UTC, not local)', '2025-01-01T10:00', '2025-01-01T10:00:00.000Z'],
    ['seconds without offset', '2025-07-01T23:30:15', '2025-07-01T23:30:15.000Z'],
    ['Z', '2025-01-01T10:00:00Z', '2025-01-01T10:00:00.000Z'],
    ['an offset (converted to UTC)', '2025-01-01T10:00:00+02:00', '2025-01-01T08:00:00.000Z'],
    ['an offset without colon', '2025-01-01T10:00:00-0500', '2025-01-01T15:00:00.000Z'],
    ['the Cumulocity form', '2020-03-19T22:09:06.881+01:00', '2020-03-19T21:09:06.881Z'],
  ])('%s: %s → %s', (_name, input, expected) => {
    expect(new Measurement(c8y, { time: input }).time).toBe(expected);
    expect(toTimeString(input, 'time')).toBe(expected);
  });

  it('reads a Date and a luxon DateTime (any zone) as their instant', () => {
    const m = new Measurement(c8y, { time: new Date(Date.UTC(2025, 0, 2, 3, 4, 5, 6)) });
    expect(m.time).toBe('2025-01-02T03:04:05.006Z');
    m.time = DateTime.fromISO('2025-07-01T12:00', { zone: 'Europe/Berlin' });
    expect(m.time).toBe('2025-07-01T10:00:00.000Z');
    m.time = DateTime.fromISO('2025-01-01T00:00:00.500+09:00', { setZone: true });
    expect(m.time).toBe('2024-12-31T15:00:00.500Z');
    m.time = DateTime.fromISO('2025-01-01T00:00', { zone: 'America/New_York' });
    expect(m.time).toBe('2025-01-01T05:00:00.000Z');
  });

  it('sends the normalised string in the create body', async () => {
    let body: Record<string, unknown> = {};
    api()
      .post('/event/events', (sent: Record<string, unknown>) => {
        body = sent;
        return true;
      })
      .reply(201, { id: '7' }, { 'Content-Type': mt('event') });
    await new Event(c8y, { type: 't', text: 'x', source: '1', time: '2025-03-30T01:30' }).create();
    expect(body.time).toBe('2025-03-30T01:30:00.000Z');
  });

  it.each([
    ['a bare number string', '1'],
    ['free text Date.parse would read', 'Dec 4 2026'],
    ['text with a year', 'hello 2020'],
    ['month 13', '2026-13-01'],
    ['February 30', '2026-02-30'],
    ['a space instead of T', '2025-01-01 10:00'],
    ['RFC 2822', 'Wed, 01 Jan 2025 00:00:00 GMT'],
    ["'today' (a filter word, not a time)", 'today'],
    ['an empty string', ''],
    ['epoch milliseconds', 1_735_689_600_000],
    ['an invalid Date', new Date(Number.NaN)],
    ['an invalid DateTime', DateTime.invalid('broken')],
    ['an object', { year: 2025 }],
  ])('refuses %s, naming the field, before any request', (_name, input) => {
    // useNock() disables the network: a request would fail the test on its own.
    expectInvalid(() => new Measurement(c8y, { type: 't', source: '1', time: input as never }), 'time', /^time: /);
    expectInvalid(() => new Alarm(c8y, { time: input as never }), 'time');
    expectInvalid(() => new BulkOperation(c8y, { startDate: input as never }), 'startDate', /^startDate: /);
    const event = new Event(c8y, {});
    expectInvalid(() => (event.time = input as never), 'time');
    expect(event.time).toBeUndefined();
  });

  it('checks a time written with set() by the same rule at create()', async () => {
    const m = new Measurement(c8y, { type: 't', source: '1' }).set('time', 'Dec 4 2026');
    await expectInvalidAsync(() => m.create(), 'time', /must be an ISO 8601 date\/time, got "Dec 4 2026"/);
    const e = new Event(c8y, { type: 't', text: 'x', source: '1' }).set('time', '2026-02-30T10:00:00Z');
    await expectInvalidAsync(() => e.create(), 'time', /must be an ISO 8601 date\/time/);
  });
});
