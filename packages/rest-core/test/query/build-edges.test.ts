import { describe, expect, it } from '@jest/globals';
import { toQueryString } from '../../src/client/query-string.js';
import { buildQueryParams } from '../../src/query/build.js';
import { defineQuery } from '../../src/query/define-query.js';
import { odata, ODataQuery } from '../../src/query/odata.js';
import type { QuerySpec } from '../../src/query/query-spec.js';
import {
  auditRecordSpec,
  binarySpec,
  deviceInventorySpec,
  eventSpec,
  groupInventorySpec,
  inventorySpec,
  measurementSpec,
  subscriptionSpec,
} from '../fixtures/query-specs.js';
import { errorOf, NOW } from './helpers.js';

// Exact parameters and exact error messages of buildQueryParams at the edges of each QuerySpec
// feature (test/fixtures/query-specs.ts holds the specs).

const build = (filters: object | string, spec: QuerySpec) => buildQueryParams(filters, spec, NOW);
const wire = (filters: object | string, spec: QuerySpec) => toQueryString(build(filters, spec));
const messageOf = (filters: unknown, spec: QuerySpec, now: unknown = NOW) => {
  const error = errorOf(() => buildQueryParams(filters as object, spec, now as Date));
  return { path: error.path, message: error.message };
};

describe('buildQueryParams: its own arguments', () => {
  it.each([
    ['a number', 5, 'filters: expected an options object or a raw query string, got number 5'],
    ['null', null, 'filters: expected an options object or a raw query string, got null'],
    ['an array', [{ type: 'x' }], 'filters: expected an options object or a raw query string, got an array'],
  ])('refuses %s as filters', (_name, filters, message) => {
    expect(messageOf(filters, eventSpec)).toEqual({ path: 'filters', message });
  });

  it.each([
    ['an invalid Date', new Date(Number.NaN)],
    ['a number', 0],
  ])('refuses %s as now', (_name, now) => {
    expect(messageOf({}, eventSpec, now)).toEqual({ path: 'now', message: 'now: must be a valid Date' });
  });
});

describe('buildQueryParams: pass-through values', () => {
  it.each([
    ['NaN', { type: Number.NaN }, 'type', 'type: expected a finite number, got NaN'],
    ['Infinity in a list', { type: ['a', Number.POSITIVE_INFINITY] }, 'type', 'type: expected a finite number, got Infinity'],
    ['an invalid Date', { time: new Date(Number.NaN) }, 'time', 'time: invalid Date'],
    ['an object', { type: { name: 'x' } }, 'type', 'type: expected a string, number, boolean or date, got an object'],
    ['a nested list', { type: [['a']] }, 'type', 'type: expected a string, number, boolean or date, got an array'],
  ])('refuses %s, naming the option', (_name, filters, path, message) => {
    expect(messageOf(filters, eventSpec)).toEqual({ path, message });
  });

  it('normalises a Date given to a parameter the spec does not know', () => {
    expect(build({ time: new Date('2025-01-01T02:00:00+02:00') }, eventSpec)).toEqual({ time: '2025-01-01T00:00:00.000Z' });
  });

  it('leaves out an empty list of a repeated parameter, as undefined and null', () => {
    expect(build({ type: [], text: null, user: undefined, status: 'ACTIVE' }, eventSpec)).toStrictEqual({ status: 'ACTIVE' });
  });
});

describe('buildQueryParams: lists and ids', () => {
  it.each([
    ['ids', { ids: [] }, binarySpec],
    ['group', { group: [] }, inventorySpec],
    ['fragments', { fragments: [] }, inventorySpec],
  ])('refuses an empty list in %s', (key, filters, spec) => {
    expect(messageOf(filters, spec)).toEqual({ path: key, message: `${key}: empty list: it would match everything; leave the option out instead` });
  });

  it('refuses a list for an id parameter that is no comma list', () => {
    expect(messageOf({ source: ['1', '2'] }, eventSpec)).toEqual({ path: 'source', message: 'source: expected one id, got a list' });
  });
});

describe('buildQueryParams: ages', () => {
  it('accepts equal ages (a range of one instant)', () => {
    expect(build({ maxAge: '1h', minAge: '1h' }, eventSpec)).toEqual({ dateFrom: '2025-06-15T11:00:00.000Z', dateTo: '2025-06-15T11:00:00.000Z' });
  });

  it('compares the ages only when both are given', () => {
    expect(build({ maxAge: '1h', minAge: null }, eventSpec)).toStrictEqual({ dateFrom: '2025-06-15T11:00:00.000Z' });
    expect(build({ maxAge: null, minAge: '1h' }, eventSpec)).toStrictEqual({ dateTo: '2025-06-15T11:00:00.000Z' });
  });

  it('passes minAge and maxAge through unchanged where the spec has no ages', () => {
    expect(build({ minAge: '2d', maxAge: '1d' }, subscriptionSpec)).toEqual({ minAge: '2d', maxAge: '1d' });
  });

  it.each([
    [{ minAge: 'soon', maxAge: '1h' }, 'minAge'],
    [{ minAge: '1h', maxAge: 'soon' }, 'maxAge'],
  ])('names the age that is no duration: %o', (filters, path) => {
    const error = errorOf(() => build(filters, eventSpec));
    expect(error.path).toBe(path);
    expect(error.message).toMatch(new RegExp(`^${path}: expected a duration like .*; got "soon"$`));
  });
});

describe('buildQueryParams: one parameter, one name', () => {
  it('lists three names for one parameter', () => {
    expect(messageOf({ after: '2025-01-01', dateFrom: '2025-01-01', maxAge: '1d' }, eventSpec)).toEqual({
      path: 'dateFrom',
      message: "dateFrom: 'after', 'dateFrom' and 'maxAge' set the same parameter 'dateFrom': give only one",
    });
  });

  it('lists two names for one parameter', () => {
    expect(messageOf({ before: '2025-01-01', minAge: '1d' }, eventSpec)).toEqual({
      path: 'minAge',
      message: "minAge: 'before' and 'minAge' set the same parameter 'dateTo': give only one",
    });
  });
});

describe('buildQueryParams: sort flag and splits', () => {
  it('refuses ascending where the resource has no sort flag', () => {
    expect(messageOf({ ascending: true }, auditRecordSpec)).toEqual({
      path: 'ascending',
      message: "ascending: is not supported: auditRecords has no documented sort flag ('revert')",
    });
  });

  it('refuses an ascending that is not a boolean', () => {
    expect(messageOf({ ascending: 'yes' }, eventSpec)).toEqual({ path: 'ascending', message: 'ascending: expected true or false, got "yes"' });
  });

  it.each([
    ['no dot', 'c8y_Temperature', 'got "c8y_Temperature"'],
    ['a leading dot', '.T', 'got ".T"'],
    ['a trailing dot', 'c8y_Temperature.', 'got "c8y_Temperature."'],
    ['a number', 1.5, 'got number 1.5'],
  ])('refuses a series with %s', (_name, series, got) => {
    expect(messageOf({ series }, measurementSpec)).toEqual({ path: 'series', message: `series: expected 'fragment.series', e.g. 'c8y_Temperature.T', ${got}` });
  });

  it('splits a series on its first dot', () => {
    expect(build({ series: 'a.b.c' }, measurementSpec)).toEqual({ valueFragmentType: 'a', valueFragmentSeries: 'b.c' });
  });
});

describe('buildQueryParams: documented parameters, flags and values', () => {
  const spec: QuerySpec = {
    resource: 'things',
    aliases: { devicesOnly: 'withDevices', state: 'status' },
    flags: ['withDevices'],
    values: { status: ['ON', 'OFF'] },
    parameters: ['type', 'withDevices', 'status'],
  };
  const odataSpec = defineQuery<Record<string, unknown>>({ resource: 'objects', odata: { param: 'query' }, parameters: ['type'] });

  it('names a filter the resource does not document', () => {
    expect(messageOf({ owner: 'me' }, spec)).toEqual({
      path: 'owner',
      message: 'owner: is not a parameter of things: the platform would ignore it; documented: type, withDevices, status',
    });
  });

  it('names the parameter a query option is sent as', () => {
    expect(messageOf({ name: 'x' }, odataSpec)).toEqual({
      path: 'name',
      message: "name: is not a parameter of objects (sent as 'query'): the platform would ignore it; documented: type",
    });
  });

  it('checks a flag under the parameter an alias maps to', () => {
    expect(build({ devicesOnly: false }, spec)).toEqual({ withDevices: false });
    expect(messageOf({ devicesOnly: 'yes' }, spec)).toEqual({ path: 'devicesOnly', message: 'devicesOnly: expected true or false, got "yes"' });
  });

  it('checks allowed values under the parameter an alias maps to, in lists too', () => {
    expect(build({ state: ['ON', 'OFF'] }, spec)).toEqual({ status: ['ON', 'OFF'] });
    expect(messageOf({ state: ['ON', 1] }, spec)).toEqual({ path: 'state', message: 'state: must be one of ON, OFF, got number 1' });
    expect(messageOf({ state: 'on' }, spec)).toEqual({ path: 'state', message: 'state: must be one of ON, OFF, got "on"' });
  });
});

describe('buildQueryParams: the inventory query language', () => {
  it.each([
    ['a name that is no string', { name: 5 }, 'name', 'name: expected a string, got number 5'],
    ['a type list', { name: 'x', type: ['a', 'b'] }, 'type', 'type: expected a string, got an array'],
    ['a fragment that is no string', { fragments: ['a', 5] }, 'fragments', 'fragments: expected a string or a list of strings, got number 5'],
    ['an orderBy with a bad direction', { orderBy: 'name up' }, 'orderBy', 'orderBy: expected \'path\' or \'path asc|desc\', got "name up"'],
    ['an empty orderBy', { orderBy: '' }, 'orderBy', 'orderBy: expected \'path\' or \'path asc|desc\', got ""'],
    [
      'an orderBy with a bad path',
      { orderBy: 'na(me' },
      'orderBy',
      "orderBy: invalid property path \"na(me\": use letters, digits, '_', '$' and dots between names (e.g. 'c8y_Availability.status')",
    ],
    ['a group that is no id', { group: [{}] }, 'group', 'group: expected an id (a non-empty string, a non-negative integer or an object with an id), got an object without an id (was it created?)'],
    ['a query that is a number', { query: 5 }, 'query', 'query: expected a string or an odata builder value, got number 5'],
    ['both query and q', { query: 'x', q: 'y' }, 'q', "q: 'query' and 'q' both give a query: give only one"],
  ])('refuses %s, with the exact message', (_name, filters, path, message) => {
    expect(messageOf(filters, inventorySpec)).toEqual({ path, message });
  });

  it("says why 'type' cannot join a query string", () => {
    expect(messageOf({ query: "name eq 'x'", type: 'T' }, inventorySpec)).toEqual({
      path: 'type',
      message:
        "type: cannot be combined with a query string in 'query' (Cumulocity ignores 'type' next to a query, and a string cannot be merged safely): add it to the query, or pass the query as an odata builder value",
    });
  });

  it('names the option given as q on the device inventory', () => {
    expect(messageOf({ query: 7 }, deviceInventorySpec)).toEqual({ path: 'query', message: 'query: expected a string or an odata builder value, got number 7' });
  });

  it('puts the built query where the first query option was', () => {
    expect(wire({ withParents: true, name: 'N', pageStatus: 'x', type: 'T' }, inventorySpec)).toBe(
      "?withParents=true&query=%24filter%3D(name%20eq%20'N'%20and%20type%20eq%20'T')&pageStatus=x",
    );
    expect(wire({ withParents: true, orderBy: 'name', withChildren: false }, deviceInventorySpec)).toBe(
      '?withParents=true&q=%24filter%3D(has(c8y_IsDevice))%20%24orderby%3Dname%20asc&withChildren=false',
    );
  });

  it('sends no query for an empty builder value', () => {
    expect(build({ withParents: true, query: new ODataQuery(undefined, []) }, inventorySpec)).toStrictEqual({ withParents: true });
    expect(build({ withParents: true, query: odata.orderBy('name') }, inventorySpec)).toStrictEqual({ withParents: true, query: '$orderby=name asc' });
  });
});

describe('buildQueryParams: raw expressions and the fixed criterion', () => {
  it('refuses another fragmentType, quoting it', () => {
    expect(messageOf('fragmentType=c8y_IsDevice', groupInventorySpec)).toEqual({
      path: 'query',
      message: 'query: groups are always filtered by fragmentType=c8y_IsDeviceGroup, got "c8y_IsDevice"',
    });
  });

  it('takes a raw q without the fixed criterion only where the platform adds it', () => {
    expect(build("q=name eq 'x'", deviceInventorySpec)).toEqual({ q: "name eq 'x'" });
    expect(messageOf("q=name eq 'x'", groupInventorySpec)).toEqual({
      path: 'query',
      message:
        'query: a raw query for groups must contain has(c8y_IsDeviceGroup) (a query string cannot be merged safely): add it, or pass the query as an odata builder value',
    });
  });
});
