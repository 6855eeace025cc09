import { describe, expect, it } from '@jest/globals';
import { isCumulocityError } from '../../src/index.js';
import { compileAsValues } from '../../src/paging/index.js';

function refusal(spec: unknown): { path: string | undefined; message: string } {
  let thrown: unknown;
  try {
    compileAsValues(spec as never);
  } catch (error) {
    thrown = error;
  }
  if (!isCumulocityError(thrown, 'InvalidInputError')) throw new Error(`expected an InvalidInputError, got ${String(thrown)}`);
  return { path: thrown.path, message: thrown.message };
}

// Pins that only all-digit segments index arrays, at every depth and on the first segment alike.
describe('compileAsValues: array indexes', () => {
  const item = { list: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k'] };

  it.each([
    ['list.0', 'a'],
    ['list.10', 'k'],
    ['list.11', undefined],
    ['list.0x1', undefined],
    ['list.+1', undefined],
    ['list. 1', undefined],
    ['list.1 ', undefined],
    ['list.1e0', undefined],
    ['list.-1', undefined],
    ['list.length', undefined],
    ['list.at', undefined],
  ])('%s → %j', (path, value) => {
    expect(compileAsValues(path)(item)).toBe(value);
    expect(compileAsValues([[path, 'd']])(item)).toEqual([value ?? 'd']);
  });

  it('an item that is an array is read the same way from the first segment on', () => {
    const row = compileAsValues(['0', '1', 'length', '0x1', '0.name']);
    expect(row([{ name: 'x' }, 'y'])).toEqual([{ name: 'x' }, 'y', undefined, undefined, 'x']);
    expect(compileAsValues('length')(['a', 'b'])).toBeUndefined();
    expect(compileAsValues([['length', 'd']])(['a', 'b'])).toEqual(['d']);
  });

  it('a first segment on a non-object gives undefined (or the default)', () => {
    for (const json of [null, undefined, 'text', 5, true]) {
      expect(compileAsValues('length')(json)).toBeUndefined();
      expect(compileAsValues([['length', 0]])(json)).toEqual([0]);
    }
  });
});

// Pins the refusal of a spec that is neither a path nor an array of paths.
describe('compileAsValues: bad specs', () => {
  it.each([42, null, undefined, true, { path: 'id' }, () => 'id'])('%p', (spec) => {
    expect(refusal(spec)).toEqual({ path: 'asValues', message: 'asValues: expected a path or an array of paths' });
  });

  it('a path with a default of undefined reads like a plain path; a default may be null', () => {
    expect(compileAsValues([['name', undefined], ['missing', undefined], ['missing', null]])({ name: 'n' })).toEqual(['n', undefined, null]);
  });
});
