import { describe, expect, it } from '@jest/globals';
import { buildQueryParams, defineQuery, odata, odataConditions, toQueryString, type DateLike, type IdLike, type ODataCondition, type ODataExpression, type ODataQuery } from '../../src/index.js';
import { errorOf, NOW } from './helpers.js';

// Declared query-language conditions (`QueryDeclaration.conditions`): filters the REST API lacks,
// folded into the one query a spec with `odata` builds, next to the caller's own query value.

type Availability = 'AVAILABLE' | 'UNAVAILABLE' | 'MAINTENANCE';

interface ObjectFilters {
  query?: string | ODataQuery | ODataExpression;
  q?: string | ODataQuery | ODataExpression;
  name?: string;
  type?: string;
  owner?: string;
  group?: IdLike;
  orderBy?: string;
  withParents?: boolean;
  createdFrom?: DateLike;
  createdTo?: DateLike;
  availability?: Availability | readonly Availability[];
}

const CONDITIONS = {
  createdFrom: odataConditions.atOrAfter('creationTime.date'),
  createdTo: odataConditions.atOrBefore('creationTime.date'),
  availability: odataConditions.anyOf('c8y_Availability.status', ['AVAILABLE', 'UNAVAILABLE', 'MAINTENANCE']),
};
const objectSpec = defineQuery<ObjectFilters>({
  resource: 'objects',
  odata: { param: 'query' },
  conditions: CONDITIONS,
  parameters: ['query', 'q', 'type', 'owner', 'withParents'],
});
const deviceSpec = defineQuery<ObjectFilters>({
  resource: 'devices',
  aliases: { query: 'q' },
  odata: { param: 'q', requiredFragment: 'c8y_IsDevice' },
  conditions: CONDITIONS,
});
/** Like the children endpoints: no `type`/`owner` parameters, so they are conditions too. */
const childSpec = defineQuery<ObjectFilters>({
  resource: 'children',
  odata: { param: 'query' },
  conditions: { type: odataConditions.equals('type'), owner: odataConditions.equals('owner'), ...CONDITIONS },
  parameters: ['query', 'withParents'],
});

const CREATED = "creationTime.date ge '2025-01-01T00:00:00.000Z'";
const params = (filters: object, spec = objectSpec) => buildQueryParams(filters, spec, NOW);

describe('odataConditions', () => {
  const context = { key: 'since', now: NOW };

  it('atOrAfter / atOrBefore: every time input as an ISO date in UTC, with the call clock', () => {
    expect(odataConditions.atOrAfter('creationTime.date')('2025-01-01', context).text).toBe(CREATED);
    expect(odataConditions.atOrBefore('c8y_Availability.lastMessage')('today', context).text).toBe("c8y_Availability.lastMessage le '2025-06-15T00:00:00.000Z'");
    expect(odataConditions.atOrAfter('a.b')(1735689600000, context).text).toBe("a.b ge '2025-01-01T00:00:00.000Z'");
    expect(odataConditions.atOrBefore('a.b')(new Date('2025-03-01T10:00:00+02:00'), context).text).toBe("a.b le '2025-03-01T08:00:00.000Z'");
    expect(errorOf(() => odataConditions.atOrAfter('a')('yesterday-ish', context)).path).toBe('since');
  });

  it('equals: strings only, quotes escaped', () => {
    expect(odataConditions.equals('type')("O'Brien", context).text).toBe("type eq 'O''Brien'");
    const error = errorOf(() => odataConditions.equals('type')(1 as never, context));
    expect([error.path, error.message]).toEqual(['since', 'since: expected a string, got number 1']);
  });

  it('anyOf: one value, or a list joined with or; empty lists and other values refused', () => {
    const status = odataConditions.anyOf('s', ['A', 'B']);
    expect(status('A', context).text).toBe("s eq 'A'");
    expect(status(['A', 'B'], context)).toMatchObject({ text: "s eq 'A' or s eq 'B'", kind: 'or' });
    expect(errorOf(() => status([], context)).message).toMatch(/since: empty list/);
    expect(errorOf(() => status('C' as never, context)).message).toBe('since: expected one of A, B, got "C"');
    expect(errorOf(() => status(['A', 7] as never, context)).message).toBe('since: expected one of A, B, got number 7');
  });
});

describe('buildQueryParams with declared conditions', () => {
  it('a condition alone builds the query; several join with and, in filter order', () => {
    expect(params({ createdFrom: '2025-01-01' })).toEqual({ query: `$filter=(${CREATED})` });
    expect(params({ availability: ['AVAILABLE', 'MAINTENANCE'], createdFrom: '2025-01-01' })).toEqual({
      query: `$filter=((c8y_Availability.status eq 'AVAILABLE' or c8y_Availability.status eq 'MAINTENANCE') and ${CREATED})`,
    });
    expect(params({ availability: ['AVAILABLE', 'UNAVAILABLE'] })).toEqual({
      query: "$filter=(c8y_Availability.status eq 'AVAILABLE' or c8y_Availability.status eq 'UNAVAILABLE')",
    });
  });

  it('without a query value they come after every other condition, and a query of their own after the other parameters', () => {
    expect(params({ createdFrom: '2025-01-01', name: 'P*', type: 'x' })).toEqual({ query: `$filter=(name eq 'P*' and type eq 'x' and ${CREATED})` });
    expect(toQueryString(params({ createdFrom: '2025-01-01', withParents: true }))).toBe(
      `?withParents=true&query=${encodeURIComponent(`$filter=(${CREATED})`)}`,
    );
    expect(toQueryString(params({ type: 'x', withParents: true, createdFrom: '2025-01-01' }))).toBe(
      `?query=${encodeURIComponent(`$filter=(type eq 'x' and ${CREATED})`)}&withParents=true`,
    );
  });

  it('with a query value they follow its conditions, at its place (also where the key holds no value)', () => {
    expect(params({ type: 't', query: odata.filter(odata.has('x')).orderBy('name'), createdFrom: '2025-01-01' })).toEqual({
      query: `$filter=(type eq 't' and has(x) and ${CREATED}) $orderby=name asc`,
    });
    expect(params({ query: odata.or(odata.eq('a', 1), odata.eq('a', 2)), group: '5', availability: 'AVAILABLE' })).toEqual({
      query: "$filter=((a eq 1 or a eq 2) and c8y_Availability.status eq 'AVAILABLE' and bygroupid(5))",
    });
    expect(params({ query: odata.orderBy('name'), availability: 'AVAILABLE' })).toEqual({ query: "$filter=(c8y_Availability.status eq 'AVAILABLE') $orderby=name asc" });
    expect(params({ query: undefined, name: 'x', createdFrom: '2025-01-01' })).toEqual({ query: `$filter=(${CREATED} and name eq 'x')` });
    expect(params({ q: odata.eq('a', 1), name: 'x', createdFrom: '2025-01-01' })).toEqual({ q: `$filter=(a eq 1 and ${CREATED} and name eq 'x')` });
  });

  it('a spec with a required fragment: has(…) first, sent as its query parameter', () => {
    expect(params({ name: 'P*', availability: 'UNAVAILABLE' }, deviceSpec)).toEqual({
      q: "$filter=(has(c8y_IsDevice) and name eq 'P*' and c8y_Availability.status eq 'UNAVAILABLE')",
    });
    expect(params({ query: odata.eq('a', 1), createdFrom: '2025-01-01' }, deviceSpec)).toEqual({ q: `$filter=(has(c8y_IsDevice) and a eq 1 and ${CREATED})` });
    expect(params({ createdTo: 'now', withParents: true }, deviceSpec)).toEqual({
      withParents: true,
      q: "$filter=(has(c8y_IsDevice) and creationTime.date le '2025-06-15T12:00:00.000Z')",
    });
  });

  it('filters the endpoint lacks as parameters become conditions (type and owner of the children endpoints)', () => {
    expect(params({ name: 'S*', type: 'x', withParents: false, owner: 'o' }, childSpec)).toEqual({
      query: "$filter=(name eq 'S*' and type eq 'x' and owner eq 'o')",
      withParents: false,
    });
    expect(params({ type: 'x' }, childSpec)).toEqual({ query: "$filter=(type eq 'x')" });
  });

  it('undefined and null values build nothing', () => {
    expect(params({ createdFrom: undefined, availability: null, type: 'x' })).toEqual({ type: 'x' });
  });

  it('refuses, naming the filter: bad values, and any condition next to a query string', () => {
    expect(errorOf(() => params({ availability: 'UP' })).message).toBe('availability: expected one of AVAILABLE, UNAVAILABLE, MAINTENANCE, got "UP"');
    expect(errorOf(() => params({ createdTo: 'soon' })).path).toBe('createdTo');
    const mixed = errorOf(() => params({ query: "name eq 'x'", name: 'y', createdTo: 'now' }));
    expect(mixed.path).toBe('createdTo');
    expect(mixed.message).toBe(
      "createdTo: cannot be combined with a query string in 'query' (a string cannot be merged safely): add it to the query, or pass the query as an odata builder value",
    );
    expect(errorOf(() => params({ query: "a eq 'b'", type: 'x' }, childSpec)).path).toBe('type');
    expect(errorOf(() => params({ type: 1 as never }, childSpec)).message).toBe('type: expected a string, got number 1');
    expect(errorOf(() => params({ query: 42 as never, createdFrom: '2025-01-01' })).message).toBe('query: expected a string or an odata builder value, got number 42');
  });

  it('a condition counts as the query parameter for the documented-parameters check', () => {
    expect(params({ createdFrom: '2025-01-01' }, childSpec)).toEqual({ query: `$filter=(${CREATED})` });
    expect(errorOf(() => params({ name: 'x', group: '1', orderBy: 'name', text: 'y' } as never, childSpec)).path).toBe('text');
  });

  it('a raw string is sent as written: conditions apply to filter objects only', () => {
    expect(buildQueryParams('createdFrom=2025-01-01', objectSpec)).toEqual({ createdFrom: '2025-01-01' });
  });

  it('conditions without the query language are a declaration error', () => {
    expect(errorOf(() => defineQuery<ObjectFilters>({ resource: 'plain', conditions: CONDITIONS })).message).toMatch(/conditions: plain: conditions need the query language/);
  });

  it('a condition must accept the filter it is declared for (compile time)', () => {
    const positioned: ODataCondition<boolean> = (value) => (value ? odata.has('c8y_Position') : odata.not(odata.has('c8y_Position')));
    const spec = defineQuery<{ positioned?: boolean; since?: DateLike }>({ resource: 'x', odata: { param: 'query' }, conditions: { positioned } });
    expect(buildQueryParams({ positioned: false }, spec)).toEqual({ query: '$filter=(not has(c8y_Position))' });
    defineQuery<{ positioned?: boolean; since?: DateLike }>({
      resource: 'x',
      odata: { param: 'query' },
      // @ts-expect-error a date condition cannot read a boolean filter
      conditions: { positioned: odataConditions.atOrAfter('creationTime.date') },
    });
    defineQuery<ObjectFilters>({
      resource: 'x',
      odata: { param: 'query' },
      // @ts-expect-error 'DOWN' is not an availability, so the condition does not accept every value of the filter
      conditions: { availability: odataConditions.anyOf('c8y_Availability.status', ['AVAILABLE', 'DOWN']) },
    });
    // @ts-expect-error a misspelt filter name
    defineQuery<ObjectFilters>({ resource: 'x', odata: { param: 'query' }, conditions: { createdFrm: CONDITIONS.createdFrom } });
  });
});
