import { describe, expect, it } from '@jest/globals';
import { isCumulocityError } from '@c8y/rest-core';
import { Alarm, ManagedObject, Series, hasDateTimeProvider } from '../src/index.js';

// This file never imports '@c8y/model/datetime': the string forms work, DateTime accessors explain the fix.
describe('without the DateTime provider', () => {
  const obj = ManagedObject.fromJSON(undefined, { id: '1', creationTime: '2025-01-01T10:00:00.000+01:00' });

  it('string forms work', () => {
    expect(hasDateTimeProvider()).toBe(false);
    expect(obj.creationTime).toBe('2025-01-01T10:00:00.000+01:00');
  });

  it.each([
    ['creationDateTime', () => obj.creationDateTime],
    ['firstOccurrenceDateTime', () => Alarm.fromJSON(undefined, { id: '1' }).firstOccurrenceDateTime],
    ['collect', () => new Series({ values: { '2025-01-01T00:00:00Z': [{ min: 1 }] }, series: [{ type: 'a', name: 'b' }] }).collect({ timestamps: 'datetime' })],
  ])('%s throws a clear error', (property, read) => {
    let thrown: unknown;
    try {
      read();
    } catch (error) {
      thrown = error;
    }
    expect(isCumulocityError(thrown)).toBe(true);
    expect((thrown as Error).message).toMatch(new RegExp(`^${property}.* needs luxon: add \`import '@c8y/model/datetime';\``));
  });
});
