import { expect } from '@jest/globals';
import { InvalidInputError } from '@c8y/rest-core';

/** Runs `action` and asserts it throws an InvalidInputError with exactly this `path` and `message`. */
export function expectInvalidExactly(action: () => unknown, path: string | undefined, message: string): void {
  let thrown: unknown;
  try {
    action();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(InvalidInputError);
  const error = thrown as InvalidInputError;
  expect({ path: error.path, message: error.message }).toEqual({ path, message });
}
