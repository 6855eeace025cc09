import { describe, expect, it } from '@jest/globals';
import { apiPath, encodePathSegment } from '../../src/index.js';
import { expectInvalid } from './expect-invalid.js';

describe('encodePathSegment', () => {
  it('names the parameter "id" unless told otherwise', () => {
    expectInvalid(() => encodePathSegment(''), 'id', 'id: must not be empty');
    expectInvalid(() => encodePathSegment('', 'source.id'), 'source.id', 'source.id: must not be empty');
  });

  it.each([
    [0, '0'],
    [42, '42'],
    [-1.5, '-1.5'],
    [1e21, '1e+21'],
  ])('writes the finite number %p as %p', (value, expected) => {
    expect(encodePathSegment(value)).toBe(expected);
  });

  it.each([
    [null, 'null'],
    [undefined, 'undefined'],
    [{}, 'object'],
    [['1'], 'object'],
    [true, 'boolean'],
    [Number.NaN, 'number'],
    [Number.POSITIVE_INFINITY, 'number'],
    [Number.NEGATIVE_INFINITY, 'number'],
    [10n, 'bigint'],
  ])('refuses %p, naming its type (%s)', (value, type) => {
    expectInvalid(() => encodePathSegment(value, 'source.id'), 'source.id', `source.id: must be a string or a finite number, got ${type}`);
  });

  it.each(['.', '..'])('refuses the dot segment %j', (value) => {
    expectInvalid(() => encodePathSegment(value), 'id', `id: ${JSON.stringify(value)} is not a valid id`);
  });

  it.each([
    ['a.', 'a.'],
    ['.a', '.a'],
    ['..x', '..x'],
    ['x..', 'x..'],
    ['a..b', 'a..b'],
    ['...', '...'],
    // The percent sign is escaped, so the server sees the literal text "%2e", not a dot.
    ['%2e', '%252e'],
    ['%2E%2e', '%252E%252e'],
  ])('keeps %j, which is no dot segment, as %j', (value, expected) => {
    expect(encodePathSegment(value)).toBe(expected);
  });
});

describe('apiPath', () => {
  it('encodes a value at the very start of the template', () => {
    expect(apiPath`${'a/b'}/childDevices`).toBe('a%2Fb/childDevices');
    expect(apiPath`${7}`).toBe('7');
  });

  it('names the offending value by its position, counting from 1', () => {
    expectInvalid(() => apiPath`/inventory/managedObjects/${'1'}/childDevices/${''}`, 'path segment 2', 'path segment 2: must not be empty');
    expectInvalid(() => apiPath`/identity/externalIds/${'..'}/x`, 'path segment 1', 'path segment 1: ".." is not a valid id');
  });

  it('an undecodable literal part (invalid escape: no cooked string) adds nothing', () => {
    // In a tagged template an invalid escape such as \u without hex digits is allowed: its
    // cooked string is undefined. It must not turn into the text "undefined" on the wire.
    expect(apiPath`\u${'a b'}`).toBe('a%20b');
    expect(apiPath`/x/${'a b'}\u`).toBe('/x/a%20b');
  });
});
