import { describe, expect, it, jest } from '@jest/globals';
import * as installed from '../../src/index.js';
import * as redact from '../../src/errors/redact.js';

/**
 * The error classes of a second copy of the package, as when an app bundles two versions of
 * @c8y/rest-core (or a library brings its own): same code, separate classes. Only the error modules
 * are loaded again (their redaction helper is shared), which is all the guard looks at.
 */
async function secondCopy() {
  jest.resetModules();
  jest.unstable_mockModule('../../src/errors/redact.js', () => ({ ...redact }));
  // One after the other: jest links ES modules loaded at once unreliably.
  const base = await import('../../src/errors/cumulocity-error.js');
  const http = await import('../../src/errors/http-errors.js');
  const network = await import('../../src/errors/network-error.js');
  const timeout = await import('../../src/errors/timeout-error.js');
  const format = await import('../../src/errors/response-format-error.js');
  const input = await import('../../src/errors/invalid-input-error.js');
  const bulk = await import('../../src/errors/bulk-error.js');
  const guard = await import('../../src/errors/is-cumulocity-error.js');
  return { ...base, ...http, ...network, ...timeout, ...format, ...input, ...bulk, ...guard };
}

describe('errors from a second copy of the package', () => {
  it('are recognised by the guard, with their kind, though not instanceof this copy’s classes', async () => {
    const copy = await secondCopy();
    expect(copy.NotFoundError).not.toBe(installed.NotFoundError);
    const request = { method: 'GET', url: 'https://t100.example.com/x' };
    const http = { status: 400, ...request };
    const made: Array<[unknown, keyof installed.CumulocityErrorKinds]> = [
      [new copy.CumulocityError('x'), 'CumulocityError'],
      [new copy.HttpError(http), 'HttpError'],
      [new copy.UnauthorizedError({ ...http, status: 401 }), 'UnauthorizedError'],
      [new copy.TfaRequiredError({ ...http, status: 401 }), 'TfaRequiredError'],
      [new copy.ForbiddenError({ ...http, status: 403 }), 'ForbiddenError'],
      [new copy.NotFoundError({ ...http, status: 404 }), 'NotFoundError'],
      [new copy.ConflictError({ ...http, status: 409 }), 'ConflictError'],
      [new copy.ValidationError({ ...http, status: 422 }), 'ValidationError'],
      [new copy.RateLimitedError({ ...http, status: 429 }), 'RateLimitedError'],
      [new copy.ServerError({ ...http, status: 500 }), 'ServerError'],
      [new copy.NetworkError(request), 'NetworkError'],
      [new copy.TimeoutError({ ...request, timeoutMs: 1, scope: 'attempt' }), 'TimeoutError'],
      [new copy.ResponseFormatError('not JSON', request), 'ResponseFormatError'],
      [new copy.InvalidInputError('bad'), 'InvalidInputError'],
      [new copy.BulkError({ total: 1, results: [undefined], failures: [{ index: 0, target: '1', error: new Error('x') }] }), 'BulkError'],
    ];
    for (const [error, kind] of made) {
      expect([kind, installed.isCumulocityError(error, kind)]).toEqual([kind, true]);
      expect([kind, (error as Error).name]).toEqual([kind, kind]);
    }
    expect(made[5]?.[0]).not.toBeInstanceOf(installed.NotFoundError);
    expect(installed.isCumulocityError(made[5]?.[0], 'ForbiddenError')).toBe(false);
    // And the other way round.
    expect(copy.isCumulocityError(new installed.TfaRequiredError({ ...http, status: 401 }), 'UnauthorizedError')).toBe(true);
  });
});
