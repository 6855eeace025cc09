import { expect } from '@jest/globals';
import { InvalidInputError } from '../../src/index.js';

/** The InvalidInputError `action` throws: exact class, full message (path prefix included) and path. */
export function expectInvalid(action: () => unknown, path: string, message: string): void {
  let thrown: unknown;
  try {
    action();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(InvalidInputError);
  expect((thrown as InvalidInputError).path).toBe(path);
  expect((thrown as InvalidInputError).message).toBe(message);
}

/** What `action` throws; fails the test if it returns. */
export function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}
