import { InvalidInputError } from '../../src/errors/invalid-input-error.js';

/** Runs `fn` and returns the InvalidInputError it throws; fails the test otherwise. */
export function errorOf(fn: () => unknown): InvalidInputError {
  try {
    fn();
  } catch (error) {
    if (error instanceof InvalidInputError) return error;
    throw error;
  }
  throw new Error('expected an InvalidInputError, but nothing was thrown');
}

/** A fixed clock for relative dates. */
export const NOW = new Date('2025-06-15T12:00:00.000Z');
