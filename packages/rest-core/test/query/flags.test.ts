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
  flags: ['cascade', 'forceCascade', 'withDeviceUser'],
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
