import { describe, expect, it } from '@jest/globals';
import { toQueryString } from '../../src/client/query-string.js';
import { buildQueryParams } from '../../src/query/build.js';
import { odata, ODataQuery } from '../../src/query/odata.js';
import type { QuerySpec } from '../../src/query/query-spec.js';
import {
  deviceInventorySpec,
  groupInventorySpec,
  inventoryChildrenSpec,
  inventorySpec,
} from '../fixtures/query-specs.js';
import { errorOf, NOW } from './helpers.js';

const params = (filters: Record<string, unknown> | string, spec: QuerySpec = inventorySpec) => buildQueryParams(filters, spec, NOW);
const wire = (filters: Record<string, unknown> | string, spec: QuerySpec = inventorySpec) => toQueryString(params(filters, spec));

describe('inventory: simple parameters', () => {
  it('type, owner, text, fragment → fragmentType, flags', () => {
    expect(wire({ type: 'c8y_Device', owner: 'admin', fragment: 'c8y_Position', text: 'x y', withParents: true })).toBe(
      '?type=c8y_Device&owner=admin&fragmentType=c8y_Position&text=x%20y&withParents=true',
    );
  });

  it('ids: ids or objects, comma-joined (pyc8y: ids=1%2C2%2C3)', () => {
    expect(wire({ ids: ['1', 2, { id: '3' }] })).toBe('?ids=1%2C2%2C3');
    expect(wire({ ids: '7' })).toBe('?ids=7');
    expect(errorOf(() => params({ ids: [] })).path).toBe('ids');
  });

  it('child ids accept objects', () => {
    expect(wire({ childDeviceId: { id: '9' }, childAssetId: 8, childAdditionId: '7' })).toBe('?childDeviceId=9&childAssetId=8&childAdditionId=7');
  });

  it('a query string is sent as written', () => {
    expect(wire({ query: "name eq 'My*'", withChildren: false })).toBe("?query=name%20eq%20'My*'&withChildren=false");
    expect(wire({ q: "$filter=(owner eq 'manga')" })).toBe("?q=%24filter%3D(owner%20eq%20'manga')");
  });

  it('ascending is not supported (no revert for the inventory)', () => {
    expect(errorOf(() => params({ ascending: true })).path).toBe('ascending');
  });
});

describe('inventory: built queries', () => {
  it('name becomes a query (DESIGN: getAll({ name: "My*" }))', () => {
    expect(params({ name: 'My*' })).toEqual({ query: "$filter=(name eq 'My*')" });
    expect(wire({ name: 'My*' })).toBe("?query=%24filter%3D(name%20eq%20'My*')");
  });

  it('escapes quotes in names: hostile input stays one literal', () => {
    expect(params({ name: "x' or name eq '*" })).toEqual({ query: "$filter=(name eq 'x'' or name eq ''*')" });
  });

  it('pyc8y query mode: fragments, group, name, type, owner in one $filter, type and owner quoted', () => {
    expect(params({ fragments: ['A', 'B'], group: '7', name: 'N', type: 'T', owner: 'O', orderBy: 'name asc' })).toEqual({
      query: "$filter=(has(A) and has(B) and bygroupid(7) and name eq 'N' and type eq 'T' and owner eq 'O') $orderby=name asc",
    });
    expect(wire({ fragments: ['A', 'B'], group: '7', name: 'N', type: 'T', owner: 'O', orderBy: 'name asc' })).toBe(
      "?query=%24filter%3D(has(A)%20and%20has(B)%20and%20bygroupid(7)%20and%20name%20eq%20'N'%20and%20type%20eq%20'T'%20and%20owner%20eq%20'O')%20%24orderby%3Dname%20asc",
    );
  });

  it('conditions follow the option order; other parameters keep their places', () => {
    expect(wire({ withParents: true, type: 'T', text: 'abc', name: 'N', ids: ['1'] })).toBe(
      "?withParents=true&query=%24filter%3D(type%20eq%20'T'%20and%20name%20eq%20'N')&text=abc&ids=1",
    );
  });

  it('fragment/fragmentType becomes has() in query mode', () => {
    expect(params({ name: 'N', fragment: 'c8y_Position' })).toEqual({ query: "$filter=(name eq 'N' and has(c8y_Position))" });
  });

  it('fragments accepts one string; group accepts a list and objects', () => {
    expect(params({ fragments: 'c8y_IsDevice', group: ['1', { id: 2 }] })).toEqual({ query: '$filter=(has(c8y_IsDevice) and bygroupid(1,2))' });
  });

  it('orderBy alone gives only $orderby; several items are comma-joined', () => {
    expect(params({ orderBy: ['type', 'name DESC'] })).toEqual({ query: '$orderby=type asc,name desc' });
    expect(params({ type: 'T', orderBy: 'creationTime' })).toEqual({ query: "$filter=(type eq 'T') $orderby=creationTime asc" });
  });

  it('an odata builder value in query combines with the other options', () => {
    const q = odata.filter(odata.gt('c8y_Battery.level', 20.5)).orderBy('name', 'desc');
    expect(params({ query: q, type: 'T' })).toEqual({ query: "$filter=(c8y_Battery.level gt 20.5d and type eq 'T') $orderby=name desc" });
    expect(params({ query: odata.has('x') })).toEqual({ query: '$filter=(has(x))' });
    expect(params({ q: odata.has('x') })).toEqual({ q: '$filter=(has(x))' });
  });

  it('an empty builder value sends no query', () => {
    expect(params({ query: new ODataQuery(undefined, []), type: 'T' })).toEqual({ query: "$filter=(type eq 'T')" });
    expect(params({ query: new ODataQuery(undefined, []), withParents: true })).toEqual({ withParents: true });
  });

  it('a query string cannot be combined with name, fragments, group, orderBy or type', () => {
    for (const extra of [{ name: 'N' }, { fragments: ['A'] }, { group: '1' }, { orderBy: 'name' }, { type: 'T' }]) {
      const [key] = Object.keys(extra);
      const error = errorOf(() => params({ query: "has(x)", ...extra }));
      expect(error.path).toBe(key);
      expect(error.message).toContain("'query'");
    }
  });

  it('query and q together are an error', () => {
    const error = errorOf(() => params({ query: 'a', q: 'b' }));
    expect(error.message).toContain("'query' and 'q'");
  });

  it('rejects bad values with the option name', () => {
    expect(errorOf(() => params({ name: 5 })).path).toBe('name');
    expect(errorOf(() => params({ fragments: ['ok', 'not ok'] })).path).toBe('fragments');
    expect(errorOf(() => params({ fragments: [] })).path).toBe('fragments');
    expect(errorOf(() => params({ group: '1) or (2' })).path).toBe('group');
    expect(errorOf(() => params({ group: {} })).path).toBe('group');
    expect(errorOf(() => params({ orderBy: 'name sideways' })).path).toBe('orderBy');
    expect(errorOf(() => params({ orderBy: 'na(me' })).path).toBe('orderBy');
    expect(errorOf(() => params({ type: ['a', 'b'], name: 'x' })).path).toBe('type');
    expect(errorOf(() => params({ query: 42 })).path).toBe('query');
  });

  it('a bare string is a query expression', () => {
    expect(params("name eq 'M*'")).toEqual({ query: "name eq 'M*'" });
    expect(params('$filter=type eq X $orderby=id')).toEqual({ query: '$filter=type eq X $orderby=id' });
    expect(wire("q=$filter=name eq 'M01' $orderby=lastUpdated")).toBe("?q=%24filter%3Dname%20eq%20'M01'%20%24orderby%3DlastUpdated");
  });
});

describe('device inventory', () => {
  it('simple filters add fragmentType=c8y_IsDevice', () => {
    expect(wire({}, deviceInventorySpec)).toBe('?fragmentType=c8y_IsDevice');
    expect(wire({ type: 'x', withParents: true }, deviceInventorySpec)).toBe('?fragmentType=c8y_IsDevice&type=x&withParents=true');
  });

  it('built queries go to q, with has(c8y_IsDevice) first', () => {
    expect(params({ name: 'M*' }, deviceInventorySpec)).toEqual({ q: "$filter=(has(c8y_IsDevice) and name eq 'M*')" });
  });

  it('another fragment switches to a query (both fragments required)', () => {
    expect(params({ fragment: 'c8y_Position' }, deviceInventorySpec)).toEqual({ q: '$filter=(has(c8y_IsDevice) and has(c8y_Position))' });
  });

  it('a query string goes to q (which implies devices) without fragmentType', () => {
    expect(params({ query: "name eq 'x'" }, deviceInventorySpec)).toEqual({ q: "name eq 'x'" });
    expect(params({ q: "name eq 'x'" }, deviceInventorySpec)).toEqual({ q: "name eq 'x'" });
    expect(params("name eq 'x'", deviceInventorySpec)).toEqual({ q: "name eq 'x'" });
  });

  it('a query string cannot be combined with another fragment', () => {
    expect(errorOf(() => params({ q: 'has(x)', fragmentType: 'y' }, deviceInventorySpec)).path).toBe('fragmentType');
  });

  it('query and q name one parameter', () => {
    const error = errorOf(() => params({ query: 'a', q: 'b' }, deviceInventorySpec));
    expect(error.message).toContain("'query'");
    expect(error.message).toContain("'q'");
  });
});

describe('group inventory and children', () => {
  it('groups: fragmentType=c8y_IsDeviceGroup, or has(c8y_IsDeviceGroup) in a query', () => {
    expect(wire({}, groupInventorySpec)).toBe('?fragmentType=c8y_IsDeviceGroup');
    expect(params({ name: 'G*' }, groupInventorySpec)).toEqual({ query: "$filter=(has(c8y_IsDeviceGroup) and name eq 'G*')" });
    expect(params({ query: 'has(x)' }, groupInventorySpec)).toEqual({ fragmentType: 'c8y_IsDeviceGroup', query: 'has(x)' });
  });

  it('children: name builds a query', () => {
    expect(params({ name: 'S*', withChildren: false }, inventoryChildrenSpec)).toEqual({ query: "$filter=(name eq 'S*')", withChildren: false });
  });
});
