import { describe, expect, it } from '@jest/globals';
import { buildQueryParams, defineQuery, type IdLike } from '../../src/index.js';
import { errorOf } from './helpers.js';

// Flags (`QueryDeclaration.flags`): boolean filters that refuse anything but true and false,
// e.g. the query parameters of GET and DELETE by id given as call options.

interface DeleteFlags {
  cascade?: boolean;
  forceCascade?: boolean;
  withDeviceUser?: boolean;
  deviceUser?: boolean;
  source?: IdLike;
}

const deleteSpec = defineQuery<DeleteFlags>({
  resource: 'DELETE /things/{id}',
  flags: ['cascade', 'forceCascade', 'deviceUser'],
  aliases: { deviceUser: 'withDeviceUser' },
  parameters: ['cascade', 'forceCascade', 'withDeviceUser'],
});

describe('flags', () => {
  it('true and false pass, in the order given', () => {
    expect(Object.entries(buildQueryParams({ withDeviceUser: false, cascade: true }, deleteSpec))).toEqual([
      ['withDeviceUser', false],
      ['cascade', true],
    ]);
  });

  it('anything else is refused, naming the option as written (also an alias)', () => {
    expect(errorOf(() => buildQueryParams({ cascade: 'yes' }, deleteSpec)).message).toBe('cascade: expected true or false, got "yes"');
    expect(errorOf(() => buildQueryParams({ deviceUser: 1 }, deleteSpec)).message).toBe('deviceUser: expected true or false, got number 1');
    expect(errorOf(() => buildQueryParams({ forceCascade: [true] }, deleteSpec)).path).toBe('forceCascade');
  });

  it('without the declaration a boolean parameter is not checked', () => {
    expect(buildQueryParams({ cascade: 'yes' }, defineQuery<DeleteFlags>({ resource: 'loose' }))).toEqual({ cascade: 'yes' });
  });

  it('only boolean filters can be declared flags (compile time)', () => {
    // @ts-expect-error source holds ids, not booleans
    const spec = defineQuery<DeleteFlags>({ resource: 'x', flags: ['cascade', 'source'] });
    expect(spec.flags).toEqual(['cascade', 'source']);
  });
});

// Singles (`QueryDeclaration.singles`): filters the endpoint reads once, so an array is refused
// instead of repeating the key (the platform would read only one of the values).

interface EventishFilters {
  type?: string;
  kind?: string;
  status?: string | readonly string[];
  fragment?: string;
}

const singleSpec = defineQuery<EventishFilters>({ resource: 'GET /things', singles: ['type', 'fragment'], aliases: { fragment: 'fragmentType' } });

describe('singles', () => {
  it('one value passes; an array is refused, naming the option as written (also an alias)', () => {
    expect(buildQueryParams({ type: 'x', fragment: 'f' }, singleSpec)).toEqual({ type: 'x', fragmentType: 'f' });
    expect(errorOf(() => buildQueryParams({ type: ['a', 'b'] }, singleSpec)).message).toBe('type: expected one value, got a list: GET /things reads this parameter once');
    expect(errorOf(() => buildQueryParams({ fragment: ['a'] }, singleSpec)).path).toBe('fragment');
  });

  it('without the declaration an array repeats the key', () => {
    expect(buildQueryParams({ kind: ['a', 'b'] }, singleSpec)).toEqual({ kind: ['a', 'b'] });
  });

  it('only filters typed without arrays can be declared singles (compile time)', () => {
    defineQuery<EventishFilters>({ resource: 'x', singles: ['type', 'kind'] });
    // @ts-expect-error status takes a list
    const spec = defineQuery<EventishFilters>({ resource: 'x', singles: ['status'] });
    expect(spec.singles).toEqual(['status']);
  });
});
