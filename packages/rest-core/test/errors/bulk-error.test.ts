import { describe, expect, it } from '@jest/globals';
import { BulkError, isCumulocityError, NotFoundError } from '../../src/index.js';

const url = 'https://t100.example.com/inventory/managedObjects/1';
const notFound = () => new NotFoundError({ status: 404, method: 'GET', url });

describe('BulkError', () => {
  it('the message counts failures by kind and names the skipped ones with the abortOnErrors threshold that stopped the run', () => {
    // Three failures although the threshold was 2: workers still running when the second failed.
    const error = new BulkError({
      total: 6,
      results: [undefined, 'ok', undefined, undefined, undefined, undefined],
      failures: [
        { index: 0, target: '1', error: notFound() },
        { index: 2, target: '3', error: notFound() },
        { index: 3, target: '4', error: new Error('boom') },
      ],
      skipped: [
        { index: 4, target: '5' },
        { index: 5, target: '6' },
      ],
      abortedAfter: 2,
    });
    expect(error.message).toBe(`3 of 6 failed (1 succeeded, 2 skipped after 2 failures (abortOnErrors)): NotFoundError ×2, Error; first: #0: 404 (GET ${url})`);
    expect(error.succeeded).toEqual([1]);
    expect(error.toJSON()).toMatchObject({ total: 6, succeeded: 1, failed: 3, skipped: 2, abortedAfter: 2 });
  });

  it('a single failure is its cause, itself (not a copy); several failures give no cause', () => {
    const only = notFound();
    const single = new BulkError({ total: 2, results: ['ok', undefined], failures: [{ index: 1, target: '2', error: only }] });
    expect(single.cause).toBe(only);
    expect(isCumulocityError(single.cause, 'NotFoundError')).toBe(true);
    const several = new BulkError({
      total: 2,
      results: [undefined, undefined],
      failures: [
        { index: 0, target: '1', error: notFound() },
        { index: 1, target: '2', error: notFound() },
      ],
    });
    expect(several.cause).toBeUndefined();
  });

  it('toJSON: ids as targets (never object contents), each error as its toJSON(), name and message, or text; abortedAfter only when set', () => {
    const targets = ['7', 8, { id: '9', password: 'x' }, { id: 10 }, { name: 'no id' }, { id: { nested: true } }, null];
    const errors = [notFound(), new Error('boom'), 'text', null, undefined, 42, { toJSON: () => ({ custom: 1 }) }];
    const error = new BulkError({
      total: targets.length,
      results: targets.map(() => undefined),
      failures: targets.map((target, index) => ({ index, target, error: errors[index] })),
    });
    const json = error.toJSON();
    expect(json).not.toHaveProperty('abortedAfter');
    expect(json.failures).toStrictEqual([
      { index: 0, target: '7', error: { name: 'NotFoundError', message: `404 (GET ${url})`, method: 'GET', url, status: 404 } },
      { index: 1, target: 8, error: { name: 'Error', message: 'boom' } },
      { index: 2, target: { id: '9' }, error: { message: 'text' } },
      { index: 3, target: { id: 10 }, error: { message: 'null' } },
      { index: 4, target: undefined, error: { message: 'undefined' } },
      { index: 5, target: undefined, error: { message: '42' } },
      { index: 6, target: undefined, error: { custom: 1 } },
    ]);
  });
});
