import { describe, expect, it } from '@jest/globals';
import { buildQueryParams, isCumulocityError, odata, toQueryString, type QuerySpec } from '@c8y/rest-core';
import {
  binaryQuery,
  childrenOf,
  deviceGroupInventoryQuery,
  deviceInventoryQuery,
  inventoryChildrenQuery,
  inventoryQuery,
  newDeviceRequestQuery,
} from '../src/index.js';

// The inventory query specs and the query-language conveniences, as pure functions.

const NOW = new Date('2025-06-15T12:00:00.000Z');
const params = (filters: object | string, spec: QuerySpec) => buildQueryParams(filters, spec, NOW);
const errorOf = (action: () => unknown) => {
  try {
    action();
  } catch (error) {
    if (isCumulocityError(error, 'InvalidInputError')) return error;
    throw error;
  }
  throw new Error('expected an InvalidInputError');
};

describe('inventoryQuery (GET /inventory/managedObjects)', () => {
  it('simple filters stay REST parameters; ids comma-joined, objects accepted', () => {
    expect(toQueryString(params({ type: 'c8y_Pump', owner: 'admin', ids: ['1', { id: '2' }], childAssetId: { id: '9' }, onlyRoots: true, withParents: true }, inventoryQuery))).toBe(
      '?type=c8y_Pump&owner=admin&ids=1%2C2&childAssetId=9&onlyRoots=true&withParents=true',
    );
    expect(params({ fragment: 'c8y_IsDevice', text: 'pump', withLatestValues: true, withGroups: true, skipChildrenNames: true }, inventoryQuery)).toEqual({
      fragmentType: 'c8y_IsDevice',
      text: 'pump',
      withLatestValues: true,
      withGroups: true,
      skipChildrenNames: true,
    });
  });

  it('name, fragments, group, orderBy build one query, with type folded in', () => {
    expect(params({ name: "O'Brien*", type: 'x', fragments: ['a', 'b'], group: ['12', { id: 13 }], orderBy: 'name desc' }, inventoryQuery)).toEqual({
      query: "$filter=(name eq 'O''Brien*' and type eq 'x' and has(a) and has(b) and bygroupid(12,13)) $orderby=name desc",
    });
  });

  it('createdFrom/createdTo, lastMessageFrom/lastMessageTo, availability become the query language (go-c8y-cli)', () => {
    expect(params({ createdFrom: '2025-01-01', createdTo: 'now', lastMessageFrom: new Date(Date.UTC(2025, 5, 1)), lastMessageTo: 'today', availability: 'UNAVAILABLE' }, inventoryQuery)).toEqual({
      query:
        "$filter=(creationTime.date ge '2025-01-01T00:00:00.000Z' and creationTime.date le '2025-06-15T12:00:00.000Z'" +
        " and c8y_Availability.lastMessage ge '2025-06-01T00:00:00.000Z' and c8y_Availability.lastMessage le '2025-06-15T00:00:00.000Z'" +
        " and c8y_Availability.status eq 'UNAVAILABLE')",
    });
    expect(params({ availability: ['AVAILABLE', 'MAINTENANCE'], createdFrom: 1735689600000 }, inventoryQuery)).toEqual({
      query: "$filter=((c8y_Availability.status eq 'AVAILABLE' or c8y_Availability.status eq 'MAINTENANCE') and creationTime.date ge '2025-01-01T00:00:00.000Z')",
    });
  });

  it('the conveniences join an odata query value and type/owner; a query string is refused', () => {
    expect(params({ query: odata.filter(odata.has('x')).orderBy('name'), type: 't', createdFrom: '2025-01-01' }, inventoryQuery)).toEqual({
      query: "$filter=(has(x) and creationTime.date ge '2025-01-01T00:00:00.000Z' and type eq 't') $orderby=name asc",
    });
    expect(params({ query: odata.eq('a', 1), group: '5', availability: 'AVAILABLE' }, inventoryQuery)).toEqual({
      query: "$filter=(a eq 1 and c8y_Availability.status eq 'AVAILABLE' and bygroupid(5))",
    });
    expect(errorOf(() => params({ query: "name eq 'x'", createdFrom: '2025-01-01' }, inventoryQuery)).path).toBe('createdFrom');
  });

  it('bad convenience values are named', () => {
    expect(errorOf(() => params({ availability: 'UP' }, inventoryQuery)).path).toBe('availability');
    expect(errorOf(() => params({ availability: [] }, inventoryQuery)).path).toBe('availability');
    expect(errorOf(() => params({ createdTo: 'yesterday-ish' }, inventoryQuery)).path).toBe('createdTo');
  });

  it('an array is refused for type, owner and text (the endpoint reads them once), also where they join a query', () => {
    expect(errorOf(() => params({ type: ['a', 'b'] }, inventoryQuery)).message).toMatch(/^type: expected one value, got a list/);
    expect(errorOf(() => params({ owner: ['a'], name: 'x' }, deviceInventoryQuery)).path).toBe('owner');
    expect(errorOf(() => params({ text: ['a'] }, deviceGroupInventoryQuery)).path).toBe('text');
    expect(errorOf(() => params({ type: ['text/csv'] }, binaryQuery)).path).toBe('type');
  });

  it('refuses what the endpoint does not document; raw strings pass as written', () => {
    expect(errorOf(() => params({ source: '1' }, inventoryQuery)).path).toBe('source');
    expect(errorOf(() => params({ ascending: true }, inventoryQuery)).path).toBe('ascending');
    expect(params('type=x&owner=y', inventoryQuery)).toEqual({ type: 'x', owner: 'y' });
    expect(params({}, inventoryQuery)).toEqual({});
  });
});

describe('devices and groups carry their criterion', () => {
  it('devices: fragmentType=c8y_IsDevice with no filters; a query goes to q', () => {
    expect(params({}, deviceInventoryQuery)).toEqual({ fragmentType: 'c8y_IsDevice' });
    expect(params({ type: 'x' }, deviceInventoryQuery)).toEqual({ fragmentType: 'c8y_IsDevice', type: 'x' });
    expect(params({ name: 'P*' }, deviceInventoryQuery)).toEqual({ q: "$filter=(has(c8y_IsDevice) and name eq 'P*')" });
    expect(params({ availability: 'AVAILABLE' }, deviceInventoryQuery)).toEqual({ q: "$filter=(has(c8y_IsDevice) and c8y_Availability.status eq 'AVAILABLE')" });
    expect(params({ query: "name eq 'x'" }, deviceInventoryQuery)).toEqual({ q: "name eq 'x'" });
    expect(params({ fragmentType: 'c8y_Position' }, deviceInventoryQuery)).toEqual({ q: '$filter=(has(c8y_IsDevice) and has(c8y_Position))' });
  });

  it('groups: fragmentType=c8y_IsDeviceGroup, or has(c8y_IsDeviceGroup) in a built query', () => {
    expect(params({}, deviceGroupInventoryQuery)).toEqual({ fragmentType: 'c8y_IsDeviceGroup' });
    expect(params({ group: '7' }, deviceGroupInventoryQuery)).toEqual({ query: '$filter=(has(c8y_IsDeviceGroup) and bygroupid(7))' });
  });
});

describe('children, binaries, new device requests', () => {
  it('children: only query, withChildren, withChildrenCount; type and owner folded into the query', () => {
    expect(params({ type: 'x', owner: 'o', withChildren: false }, inventoryChildrenQuery)).toEqual({
      query: "$filter=(type eq 'x' and owner eq 'o')",
      withChildren: false,
    });
    expect(params({ name: 'S*', withChildrenCount: true }, inventoryChildrenQuery)).toEqual({ query: "$filter=(name eq 'S*')", withChildrenCount: true });
    expect(errorOf(() => params({ ids: '1' }, inventoryChildrenQuery)).path).toBe('ids');
  });

  it('childrenOf: the reference collection, the parent id path-encoded', () => {
    expect(childrenOf('a/b', 'childDevices')).toMatchObject({
      path: '/inventory/managedObjects/a%2Fb/childDevices',
      collectionKey: 'references',
      itemKey: 'managedObject',
      collectionMediaType: 'application/vnd.com.nsn.cumulocity.managedobjectreferencecollection+json',
    });
    expect(errorOf(() => childrenOf('1', 'children' as never)).path).toBe('kind');
  });

  it('binaries: the documented parameters only', () => {
    expect(params({ ids: ['1', '2'], type: 'text/csv', childDeviceId: { id: '3' } }, binaryQuery)).toEqual({ ids: '1,2', type: 'text/csv', childDeviceId: '3' });
    expect(errorOf(() => params({ text: 'x' }, binaryQuery)).path).toBe('text');
    expect(errorOf(() => params({ status: 'x' }, newDeviceRequestQuery)).path).toBe('status');
  });
});
