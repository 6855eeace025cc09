import { describe, expect, it } from '@jest/globals';
import { buildQueryParams, isCumulocityError, toQueryString } from '../../src/index.js';
import { deviceInventorySpec, groupInventorySpec } from '../fixtures/query-specs.js';

// A raw expression keeps the spec's fixed criterion: "all devices" stays devices also when the
// caller writes the query string by hand.

const errorOf = (action: () => unknown) => {
  try {
    action();
  } catch (error) {
    if (isCumulocityError(error, 'InvalidInputError')) return error;
    throw error;
  }
  throw new Error('expected an InvalidInputError');
};

describe('raw expressions on a spec with a required fragment', () => {
  it('key=value pairs without a query get the criterion as fragmentType', () => {
    expect(buildQueryParams('type=c8y_Pump', deviceInventorySpec)).toEqual({ type: 'c8y_Pump', fragmentType: 'c8y_IsDevice' });
    expect(buildQueryParams('owner=me', groupInventorySpec)).toEqual({ owner: 'me', fragmentType: 'c8y_IsDeviceGroup' });
    expect(buildQueryParams('fragmentType=c8y_IsDevice', deviceInventorySpec)).toEqual({ fragmentType: 'c8y_IsDevice' });
  });

  it('the criterion comes first, as for a filter object (the same wire for both forms)', () => {
    expect(toQueryString(buildQueryParams('type=c8y_Pump&owner=me', deviceInventorySpec))).toBe('?fragmentType=c8y_IsDevice&type=c8y_Pump&owner=me');
    expect(toQueryString(buildQueryParams({ type: 'c8y_Pump', owner: 'me' }, deviceInventorySpec))).toBe('?fragmentType=c8y_IsDevice&type=c8y_Pump&owner=me');
    expect(toQueryString(buildQueryParams('type=x&fragmentType=c8y_IsDevice', deviceInventorySpec))).toBe('?type=x&fragmentType=c8y_IsDevice');
  });

  it('a device query (q) is left to the platform, which adds c8y_IsDevice to q itself', () => {
    expect(buildQueryParams("$filter=name eq 'M01'", deviceInventorySpec)).toEqual({ q: "$filter=name eq 'M01'" });
  });

  it('any other query must name the criterion, or it is refused before any request', () => {
    expect(buildQueryParams('query=$filter=has(c8y_IsDeviceGroup) and bygroupid(5)', groupInventorySpec)).toEqual({
      query: '$filter=has(c8y_IsDeviceGroup) and bygroupid(5)',
    });
    expect(errorOf(() => buildQueryParams("$filter=name eq 'Hall'", groupInventorySpec)).message).toMatch(/must contain has\(c8y_IsDeviceGroup\)/);
    expect(errorOf(() => buildQueryParams("query=name eq 'x'", deviceInventorySpec)).path).toBe('query');
  });

  it('a different fragmentType would contradict the criterion', () => {
    expect(errorOf(() => buildQueryParams('fragmentType=c8y_IsDeviceGroup', deviceInventorySpec)).message).toMatch(/always filtered by fragmentType=c8y_IsDevice/);
  });
});
