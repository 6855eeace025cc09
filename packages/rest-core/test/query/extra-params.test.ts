import { describe, expect, it } from '@jest/globals';
import { withExtraParams } from '../../src/query/extra-params.js';
import { errorOf } from './helpers.js';

// The caller's extra parameters (`options.params`) next to the built filter parameters.

describe('withExtraParams: edges', () => {
  it.each([
    ['a string', 'type=x'],
    ['null', null],
    ['an array', [['type', 'x']]],
    ['a function', Object.assign(() => undefined, { type: 'x' })],
  ])('refuses %s', (_name, extra) => {
    const error = errorOf(() => withExtraParams({ source: '1' }, extra as never));
    expect(error.path).toBe('params');
    expect(error.message).toBe('params: expected an object of query parameters');
  });

  it.each(['pageSize', 'currentPage', 'withTotalPages', 'withTotalElements'])('refuses the paging parameter %s', (key) => {
    const error = errorOf(() => withExtraParams({}, { [key]: 1 }));
    expect(error.path).toBe(`params.${key}`);
    expect(error.message).toBe(`params.${key}: is set by the paging engine: use the paging options instead`);
  });

  it('refuses a parameter the filters set too', () => {
    expect(errorOf(() => withExtraParams({ type: 'a' }, { type: 'b' })).message).toBe("params.type: 'type' is also set by the filters: give it once");
  });

  it('drops undefined and null items of a list, and converts the others', () => {
    expect(withExtraParams({}, { tags: [undefined, 'a', null, 2, false, new Date(0)] })).toEqual({ tags: ['a', 2, false, '1970-01-01T00:00:00.000Z'] });
  });

  it.each([
    ['an object', { x: {} }],
    ['NaN', { x: Number.NaN }],
    ['an invalid Date', { x: new Date(Number.NaN) }],
    ['an object in a list', { x: ['a', {}] }],
  ])('refuses %s as a value', (_name, extra) => {
    const error = errorOf(() => withExtraParams({}, extra as never));
    expect(error.path).toBe('params.x');
    expect(error.message).toBe('params.x: expected a string, a finite number, a boolean or a valid Date');
  });
});
