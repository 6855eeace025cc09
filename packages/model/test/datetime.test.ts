import { describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import '../src/datetime.js';
import { Event, ManagedObject, Measurement, hasDateTimeProvider } from '../src/index.js';

describe('with the DateTime provider', () => {
  it('date properties come as string and as luxon DateTime (offset kept)', () => {
    const obj = ManagedObject.fromJSON(undefined, { id: '1', creationTime: '2025-01-01T10:00:00.000+01:00', lastUpdated: '2025-01-02T00:00:00.000Z' });
    expect(hasDateTimeProvider()).toBe(true);
    expect(obj.creationTime).toBe('2025-01-01T10:00:00.000+01:00');
    expect(obj.creationDateTime).toBeInstanceOf(DateTime);
    expect(obj.creationDateTime?.toISO()).toBe('2025-01-01T10:00:00.000+01:00');
    expect(obj.creationDateTime?.toUTC().hour).toBe(9);
    expect(obj.lastUpdatedDateTime?.toMillis()).toBe(Date.parse('2025-01-02T00:00:00.000Z'));
    expect(new ManagedObject(undefined, {}).creationDateTime).toBeUndefined();
  });

  it('time setters accept DateTime, Date, ISO strings and now', () => {
    const m = new Measurement(undefined, { time: DateTime.fromISO('2025-03-01T12:00:00.000Z', { zone: 'utc' }) });
    expect(m.time).toBe('2025-03-01T12:00:00.000Z');
    m.time = new Date(0);
    expect(m.time).toBe('1970-01-01T00:00:00.000Z');
    expect(m.dateTime?.year).toBe(1970);
    const event = new Event(undefined, { time: '2025-01-01T00:00:00+02:00' });
    expect(event.time).toBe('2024-12-31T22:00:00.000Z');
    expect(event.dateTime?.toMillis()).toBe(Date.UTC(2024, 11, 31, 22));
  });
});
