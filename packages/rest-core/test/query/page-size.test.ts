import { describe, expect, it } from '@jest/globals';
import { DEFAULT_PAGE_SIZE, effectivePageSize, MAX_PAGE_SIZE } from '../../src/query/page-size.js';
import { errorOf } from './helpers.js';

describe('effectivePageSize', () => {
  // c8y_api's sanitize_page_size table (limit, page_size) → size, with its default of 1000.
  it.each([
    [null, undefined, 1000],
    [1, 2, 1],
    [5, 2, 2],
    [10000, 500, 500],
    [10000, undefined, 1000],
    [1, undefined, 1],
    [null, 2, 2],
  ])('limit %p, pageSize %p → %p', (limit, pageSize, expected) => {
    expect(effectivePageSize({ limit, pageSize })).toBe(expected);
  });

  it('defaults to DEFAULT_PAGE_SIZE (1000) and caps at 2000', () => {
    expect(DEFAULT_PAGE_SIZE).toBe(1000);
    expect(MAX_PAGE_SIZE).toBe(2000);
    expect(effectivePageSize()).toBe(1000);
    expect(effectivePageSize({ pageSize: 2000, limit: 5000 })).toBe(2000);
    expect(effectivePageSize({ defaultPageSize: 2000 })).toBe(2000);
  });

  it("uses the resource's default, never larger than the remaining limit", () => {
    expect(effectivePageSize({ defaultPageSize: 100 })).toBe(100);
    expect(effectivePageSize({ defaultPageSize: 100, limit: 30 })).toBe(30);
    expect(effectivePageSize({ defaultPageSize: 100, pageSize: 250 })).toBe(250);
    expect(effectivePageSize({ limit: Number.POSITIVE_INFINITY, pageSize: 7 })).toBe(7);
  });

  it('returns 0 for a limit of 0 (nothing to fetch)', () => {
    expect(effectivePageSize({ limit: 0, pageSize: 10 })).toBe(0);
  });

  it.each([
    [{ pageSize: 0 }, 'pageSize'],
    [{ pageSize: 2001 }, 'pageSize'],
    [{ pageSize: 1.5 }, 'pageSize'],
    [{ pageSize: Number.NaN }, 'pageSize'],
    [{ limit: -1 }, 'limit'],
    [{ limit: 2.5 }, 'limit'],
    [{ limit: Number.NaN }, 'limit'],
    [{ defaultPageSize: 0 }, 'defaultPageSize'],
    [{ defaultPageSize: 5000 }, 'defaultPageSize'],
  ])('rejects %j', (options, path) => {
    expect(errorOf(() => effectivePageSize(options)).path).toBe(path);
  });
});
