import { describe, expect, it } from '@jest/globals';
import { DateTime, Duration } from 'luxon';
import { toQueryString } from '../../src/client/query-string.js';
import { buildQueryParams } from '../../src/query/build.js';
import type { QuerySpec } from '../../src/query/query-spec.js';
import { RESERVED_QUERY_KEYS } from '../../src/query/reserved.js';
import {
  applicationSpec,
  auditRecordSpec,
  binarySpec,
  eventSpec,
  measurementSpec,
  operationSpec,
  seriesSpec,
  subscriptionSpec,
  userSpec,
} from '../fixtures/query-specs.js';
import { errorOf, NOW } from './helpers.js';

// The specs are test fixtures shaped like the resources' (test/fixtures/query-specs.ts): what is
// tested here is how buildQueryParams reads each QuerySpec feature, not a resource's parameters.
const wire = (filters: Record<string, unknown> | string, spec: QuerySpec) => toQueryString(buildQueryParams(filters, spec, NOW));

// Encoded forms used below (encodeURIComponent: ':' → %3A, '+' → %2B, ',' → %2C).
const JAN_1 = '2025-01-01T00%3A00%3A00.000Z';
const ONE_DAY_AGO = '2025-06-14T12%3A00%3A00.000Z';

describe('buildQueryParams: events', () => {
  it('sends the REST name with a normalised date (DESIGN example)', () => {
    expect(wire({ source: '123456', dateFrom: '2025-01-01' }, eventSpec)).toBe(`?source=123456&dateFrom=${JAN_1}`);
  });

  it.each([
    ['after', 'dateFrom'],
    ['before', 'dateTo'],
    ['createdAfter', 'createdFrom'],
    ['createdBefore', 'createdTo'],
    ['updatedAfter', 'lastUpdatedFrom'],
    ['updatedBefore', 'lastUpdatedTo'],
    ['dateFrom', 'dateFrom'],
    ['createdTo', 'createdTo'],
    ['lastUpdatedFrom', 'lastUpdatedFrom'],
  ])('%s → %s, normalised', (option, param) => {
    expect(wire({ [option]: '2025-01-01T02:00:00+02:00' }, eventSpec)).toBe(`?${param}=${JAN_1}`);
  });

  it('maxAge sets dateFrom = now − maxAge', () => {
    expect(wire({ source: '123456', maxAge: '1d' }, eventSpec)).toBe(`?source=123456&dateFrom=${ONE_DAY_AGO}`);
  });

  it('minAge sets dateTo = now − minAge', () => {
    expect(wire({ minAge: '2h' }, eventSpec)).toBe('?dateTo=2025-06-15T10%3A00%3A00.000Z');
  });

  it('ages accept luxon Durations, clock strings, ISO durations and milliseconds', () => {
    expect(wire({ maxAge: Duration.fromObject({ days: 1 }) }, eventSpec)).toBe(`?dateFrom=${ONE_DAY_AGO}`);
    expect(wire({ maxAge: '24:00' }, eventSpec)).toBe(`?dateFrom=${ONE_DAY_AGO}`);
    expect(wire({ maxAge: 'P1D' }, eventSpec)).toBe(`?dateFrom=${ONE_DAY_AGO}`);
    expect(wire({ maxAge: 86_400_000 }, eventSpec)).toBe(`?dateFrom=${ONE_DAY_AGO}`);
  });

  it('a min and max age give a window', () => {
    expect(wire({ maxAge: '1d', minAge: '1h' }, eventSpec)).toBe(`?dateFrom=${ONE_DAY_AGO}&dateTo=2025-06-15T11%3A00%3A00.000Z`);
  });

  it('rejects minAge above maxAge', () => {
    const error = errorOf(() => buildQueryParams({ maxAge: '1h', minAge: '1d' }, eventSpec, NOW));
    expect(error.path).toBe('minAge');
    expect(error.message).toContain('maxAge');
  });

  it("'now' and 'today' use the given clock", () => {
    expect(wire({ after: 'today', before: 'now' }, eventSpec)).toBe(
      '?dateFrom=2025-06-15T00%3A00%3A00.000Z&dateTo=2025-06-15T12%3A00%3A00.000Z',
    );
  });

  it('accepts Date, luxon DateTime and epoch milliseconds', () => {
    expect(wire({ after: new Date('2025-01-01T00:00:00Z') }, eventSpec)).toBe(`?dateFrom=${JAN_1}`);
    expect(wire({ after: DateTime.fromISO('2025-01-01T01:00:00', { zone: 'Europe/Berlin' }) }, eventSpec)).toBe(`?dateFrom=${JAN_1}`);
    expect(wire({ after: Date.UTC(2025, 0, 1) }, eventSpec)).toBe(`?dateFrom=${JAN_1}`);
  });

  it('ascending: true → revert=true (events: revert=true is oldest first)', () => {
    expect(wire({ ascending: true }, eventSpec)).toBe('?revert=true');
    expect(wire({ ascending: false }, eventSpec)).toBe('?revert=false');
  });

  it('revert passes through as the REST flag', () => {
    expect(wire({ revert: true }, eventSpec)).toBe('?revert=true');
    expect(wire({ revert: false }, eventSpec)).toBe('?revert=false');
  });

  it('sends no revert unless asked (pyc8y always sent revert=false)', () => {
    expect(wire({ type: 'x' }, eventSpec)).toBe('?type=x');
  });

  it('rejects a non-boolean ascending', () => {
    expect(errorOf(() => buildQueryParams({ ascending: 'yes' }, eventSpec)).path).toBe('ascending');
  });

  it('fragment → fragmentType', () => {
    expect(wire({ fragment: 'c8y_IsBinary', fragmentValue: 'x' }, eventSpec)).toBe('?fragmentType=c8y_IsBinary&fragmentValue=x');
  });

  it('source accepts an id, a number or an object with id', () => {
    expect(wire({ source: 42 }, eventSpec)).toBe('?source=42');
    expect(wire({ source: { id: '42', name: 'dev' } }, eventSpec)).toBe('?source=42');
    expect(errorOf(() => buildQueryParams({ source: {} }, eventSpec)).path).toBe('source');
    expect(errorOf(() => buildQueryParams({ source: ['1', '2'] }, eventSpec)).path).toBe('source');
    expect(errorOf(() => buildQueryParams({ source: '' }, eventSpec)).path).toBe('source');
  });

  it('withSource* need source (unless false)', () => {
    for (const flag of ['withSourceAssets', 'withSourceDevices', 'withSourceChildren', 'withSourceAdditions']) {
      const error = errorOf(() => buildQueryParams({ [flag]: true }, eventSpec));
      expect(error.path).toBe(flag);
      expect(error.message).toContain("'source'");
      expect(wire({ [flag]: false }, eventSpec)).toBe(`?${flag}=false`);
    }
    expect(wire({ source: '1', withSourceAssets: true }, eventSpec)).toBe('?source=1&withSourceAssets=true');
  });

  it('fragmentValue needs fragmentType (or fragment)', () => {
    expect(errorOf(() => buildQueryParams({ fragmentValue: 'x' }, eventSpec)).path).toBe('fragmentValue');
  });

  it.each([
    [{ after: '2025-01-01', dateFrom: '2025-01-01' }, 'after', 'dateFrom'],
    [{ dateFrom: '2025-01-01', after: '2025-01-01' }, 'dateFrom', 'after'],
    [{ maxAge: '1d', after: '2025-01-01' }, 'maxAge', 'after'],
    [{ maxAge: '1d', dateFrom: '2025-01-01' }, 'maxAge', 'dateFrom'],
    [{ minAge: '1d', before: '2025-01-01' }, 'minAge', 'before'],
    [{ before: 'now', dateTo: 'now' }, 'before', 'dateTo'],
    [{ createdAfter: 'now', createdFrom: 'now' }, 'createdAfter', 'createdFrom'],
    [{ createdBefore: 'now', createdTo: 'now' }, 'createdBefore', 'createdTo'],
    [{ updatedAfter: 'now', lastUpdatedFrom: 'now' }, 'updatedAfter', 'lastUpdatedFrom'],
    [{ updatedBefore: 'now', lastUpdatedTo: 'now' }, 'updatedBefore', 'lastUpdatedTo'],
    [{ ascending: true, revert: true }, 'ascending', 'revert'],
    [{ fragment: 'a', fragmentType: 'b' }, 'fragment', 'fragmentType'],
  ])('two names for one parameter are an error naming both: %j', (filters, first, second) => {
    const error = errorOf(() => buildQueryParams(filters, eventSpec, NOW));
    expect(error.message).toContain(`'${first}'`);
    expect(error.message).toContain(`'${second}'`);
    expect(error.path).toBe(second);
  });

  it('names all three when three options set one parameter', () => {
    const error = errorOf(() => buildQueryParams({ after: 'now', dateFrom: 'now', maxAge: '1d' }, eventSpec, NOW));
    expect(error.message).toContain("'after', 'dateFrom' and 'maxAge'");
  });

  it('ignores undefined and null values, also for conflicts', () => {
    expect(wire({ after: undefined, dateFrom: '2025-01-01', type: null }, eventSpec)).toBe(`?dateFrom=${JAN_1}`);
  });

  it('passes unknown keys through unchanged, in order', () => {
    expect(
      wire({ type: 'c8y_X', myParam: 'a b+c', flag: true, n: 5, list: ['x', 'y'], when: new Date(Date.UTC(2025, 0, 1)) }, eventSpec),
    ).toBe(`?type=c8y_X&myParam=a%20b%2Bc&flag=true&n=5&list=x&list=y&when=${JAN_1}`);
  });

  it('normalises an unknown key holding a luxon DateTime (recognised by shape), and refuses a Duration there', () => {
    expect(wire({ when: DateTime.fromISO('2025-01-01T01:00:00+01:00') }, eventSpec)).toBe(`?when=${JAN_1}`);
    expect(errorOf(() => buildQueryParams({ when: Duration.fromObject({ hours: 1 }) }, eventSpec, NOW)).path).toBe('when');
  });

  it('leaves an empty unknown array out', () => {
    expect(wire({ list: [] }, eventSpec)).toBe('');
  });

  it('rejects values that would not serialise meaningfully', () => {
    expect(errorOf(() => buildQueryParams({ custom: { a: 1 } }, eventSpec)).path).toBe('custom');
    expect(errorOf(() => buildQueryParams({ custom: [{ a: 1 }] }, eventSpec)).path).toBe('custom');
    expect(errorOf(() => buildQueryParams({ custom: Number.NaN }, eventSpec)).path).toBe('custom');
    expect(errorOf(() => buildQueryParams({ custom: () => 1 }, eventSpec)).path).toBe('custom');
  });

  it('rejects invalid dates and durations, naming the option as the caller wrote it', () => {
    expect(errorOf(() => buildQueryParams({ after: 'yesterday' }, eventSpec)).path).toBe('after');
    expect(errorOf(() => buildQueryParams({ createdTo: '2025-02-30' }, eventSpec)).path).toBe('createdTo');
    expect(errorOf(() => buildQueryParams({ maxAge: '1 day' }, eventSpec)).path).toBe('maxAge');
  });

  it.each(RESERVED_QUERY_KEYS)('rejects the reserved key %s', (key) => {
    const error = errorOf(() => buildQueryParams({ type: 'x', [key]: 1 }, eventSpec));
    expect(error.path).toBe(key);
  });

  it('does not treat Object.prototype names as aliases', () => {
    expect(wire({ toString: 'x', constructor: 'y' }, eventSpec)).toBe('?toString=x&constructor=y');
  });

  it('rejects a non-object', () => {
    expect(errorOf(() => buildQueryParams(42 as never, eventSpec)).path).toBe('filters');
    expect(errorOf(() => buildQueryParams([] as never, eventSpec)).path).toBe('filters');
    expect(errorOf(() => buildQueryParams({}, eventSpec, new Date('x'))).path).toBe('now');
  });

  it('treats a string as a raw expression', () => {
    expect(wire('type=x&source=1', eventSpec)).toBe('?type=x&source=1');
  });

  it('returns a record the engine can extend with paging', () => {
    const params = buildQueryParams({ source: '1', ascending: true }, eventSpec, NOW);
    expect(toQueryString({ ...params, pageSize: 100, currentPage: 2 })).toBe('?source=1&revert=true&pageSize=100&currentPage=2');
  });

  it('does not modify the filters object', () => {
    const filters = Object.freeze({ after: '2025-01-01', maxAge: undefined, source: Object.freeze({ id: '1' }) });
    buildQueryParams(filters, eventSpec, NOW);
    expect(filters).toEqual({ after: '2025-01-01', maxAge: undefined, source: { id: '1' } });
  });
});

describe('buildQueryParams: measurements and series', () => {
  it('ascending: true → revert=false (measurements: revert=true is newest first)', () => {
    expect(wire({ ascending: true }, measurementSpec)).toBe('?revert=false');
    expect(wire({ ascending: false }, measurementSpec)).toBe('?revert=true');
  });

  it('fragment → fragmentType, the parameter OAS names for DELETE /measurement/measurements', () => {
    expect(wire({ fragment: 'c8y_T' }, measurementSpec)).toBe('?fragmentType=c8y_T');
    expect(wire({ fragmentType: 'c8y_T' }, measurementSpec)).toBe('?fragmentType=c8y_T');
  });

  it('get_last contract: dateFrom=1970-01-01 is normalised', () => {
    expect(wire({ source: '1', dateFrom: '1970-01-01', revert: true }, measurementSpec)).toBe(
      '?source=1&dateFrom=1970-01-01T00%3A00%3A00.000Z&revert=true',
    );
  });

  it("series 'A.B' → valueFragmentType=A&valueFragmentSeries=B", () => {
    expect(wire({ source: '1', series: 'c8y_Temperature.T', type: 'x' }, measurementSpec)).toBe(
      '?source=1&valueFragmentType=c8y_Temperature&valueFragmentSeries=T&type=x',
    );
    expect(wire({ series: 'c8y_A.b.c' }, measurementSpec)).toBe('?valueFragmentType=c8y_A&valueFragmentSeries=b.c');
  });

  it('rejects a series without both parts, and series with the explicit parameters', () => {
    for (const series of ['c8y_Temperature', '.T', 'c8y_T.', 42]) {
      expect(errorOf(() => buildQueryParams({ series }, measurementSpec)).path).toBe('series');
    }
    const error = errorOf(() => buildQueryParams({ series: 'a.b', valueFragmentType: 'a' }, measurementSpec));
    expect(error.message).toContain("'series'");
    expect(error.message).toContain("'valueFragmentType'");
  });

  it('all date forms for measurements', () => {
    expect(wire({ after: '2025-01-01', before: '2025-01-02', source: '5' }, measurementSpec)).toBe(
      `?dateFrom=${JAN_1}&dateTo=2025-01-02T00%3A00%3A00.000Z&source=5`,
    );
    expect(wire({ maxAge: '1w' }, measurementSpec)).toBe('?dateFrom=2025-06-08T12%3A00%3A00.000Z');
  });

  it('series endpoint: series and aggregationFunction repeat, ascending maps like measurements', () => {
    expect(
      wire({ source: '1', series: ['c8y_T.T', 'c8y_H.H'], aggregationFunction: ['min', 'max'], aggregationType: 'HOURLY', ascending: false }, seriesSpec),
    ).toBe('?source=1&series=c8y_T.T&series=c8y_H.H&aggregationFunction=min&aggregationFunction=max&aggregationType=HOURLY&revert=true');
  });
});

describe('buildQueryParams: operations', () => {
  it('ascending: true → revert=false (operations: revert=true is newest first)', () => {
    expect(wire({ ascending: true }, operationSpec)).toBe('?revert=false');
    expect(wire({ ascending: false }, operationSpec)).toBe('?revert=true');
  });

  it('deviceId, agentId and bulkOperationId take ids or objects; fragment → fragmentType', () => {
    expect(
      wire({ deviceId: { id: '7' }, agentId: 8, bulkOperationId: '9', status: 'PENDING', fragment: 'c8y_Restart', after: '2025-01-01' }, operationSpec),
    ).toBe(`?deviceId=7&agentId=8&bulkOperationId=9&status=PENDING&fragmentType=c8y_Restart&dateFrom=${JAN_1}`);
  });
});

describe('buildQueryParams: other resources', () => {
  it('audit records: dates and ages, no ascending', () => {
    expect(wire({ type: 'Alarm', source: { id: '3' }, after: '2025-01-01', minAge: '1d', user: 'admin' }, auditRecordSpec)).toBe(
      `?type=Alarm&source=3&dateFrom=${JAN_1}&dateTo=${ONE_DAY_AGO}&user=admin`,
    );
    expect(errorOf(() => buildQueryParams({ ascending: true }, auditRecordSpec)).path).toBe('ascending');
    expect(wire({ revert: true }, auditRecordSpec)).toBe('?revert=true');
  });

  it('users: groups take ids or objects, comma-joined', () => {
    expect(wire({ username: 'adm', groups: [1, { id: 2 }, '3'], onlyDevices: false }, userSpec)).toBe(
      '?username=adm&groups=1%2C2%2C3&onlyDevices=false',
    );
    expect(wire({ groups: { id: 4 } }, userSpec)).toBe('?groups=4');
  });

  it('applications: type list comma-joined', () => {
    expect(wire({ type: ['EXTERNAL', 'HOSTED'], name: 'cockpit' }, applicationSpec)).toBe('?type=EXTERNAL%2CHOSTED&name=cockpit');
  });

  it('binaries: ids comma-joined, child ids from objects', () => {
    expect(wire({ ids: ['1', { id: '2' }, 3], childAssetId: { id: '9' } }, binarySpec)).toBe('?ids=1%2C2%2C3&childAssetId=9');
  });

  it('subscriptions: source from an object', () => {
    expect(wire({ context: 'mo', source: { id: '5' } }, subscriptionSpec)).toBe('?context=mo&source=5');
  });

  it('a spec without dates leaves date-like strings alone', () => {
    expect(wire({ dateFrom: 'whatever' }, userSpec)).toBe('?dateFrom=whatever');
  });
});
