import { describe, expect, it } from '@jest/globals';
import { assertHeader, isCumulocityError } from '../../src/index.js';
import { thrownBy } from './expect-invalid.js';

// assertHeader as exported: without a path it names the header as `headers.<name>`.

function expectInvalid(action: () => unknown, message: string, path: string): void {
  const error = thrownBy(action);
  if (!isCumulocityError(error, 'InvalidInputError')) throw new Error(`expected InvalidInputError, got ${String(error)}`);
  expect(error.message).toBe(message);
  expect(error.path).toBe(path);
}

describe('assertHeader', () => {
  it.each([[42], [undefined], [null], [['a', 'b']]])('a value %p that is not a string is refused', (value) => {
    expectInvalid(() => assertHeader('X-Count', value), 'headers.X-Count: a header value must be a string', 'headers.X-Count');
  });

  it('a bad name is refused under its own path', () => {
    expectInvalid(() => assertHeader('X Count', 'one'), 'headers.X Count: "X Count" is not a valid header name', 'headers.X Count');
  });

  it('CR, LF or NUL in a value is refused', () => {
    expectInvalid(() => assertHeader('X-Note', 'a\r\nSet-Cookie: x'), 'headers.X-Note: a header value must not contain CR, LF or NUL', 'headers.X-Note');
  });

  it('a given path is used instead', () => {
    expectInvalid(() => assertHeader('Accept', 7, 'options.accept'), 'options.accept: a header value must be a string', 'options.accept');
  });

  it('a token name with a plain value passes', () => {
    expect(() => assertHeader("X-Ok_1.~!#$%&'*+^`|", 'any value, even: with colons')).not.toThrow();
  });
});
