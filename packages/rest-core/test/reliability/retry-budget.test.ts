import { describe, expect, it } from '@jest/globals';
import { getAll } from '../../src/paging/index.js';
import { resetConnection, sendJson, useTestServer } from '../helpers/test-server.js';
import { clientFor } from '../helpers/transport-client.js';
import { inventory } from '../paging/helpers.js';

// With the former default of 3 retries, this read failed in about a third of the runs (a page
// failing 4 times in a row); the defaults now finish it. See RetryPolicy for the arithmetic.

describe('a long paged read through a flaky platform finishes with the defaults', () => {
  const server = useTestServer();
  const pageSize = 100;
  const pages = 500; // 50,000 objects

  /**
   * The fault of the `attempt`-th request (0-based) for `page`: 10 % 503, 5 % 429, 2 % dropped
   * connections, from a fixed hash, so every run (and every request order) meets the same faults.
   * With seed 6, page 209 fails 5 times in a row: too many for 3 retries, fine for 8.
   */
  function fault(page: number, attempt: number, seed = 6): 503 | 429 | 'drop' | 'ok' {
    let t = (seed ^ Math.imul(page, 0x9e3779b1) ^ Math.imul(attempt + 1, 0x85ebca77)) >>> 0;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const r = ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
    return r < 0.1 ? 503 : r < 0.15 ? 429 : r < 0.17 ? 'drop' : 'ok';
  }
  const attemptsUntilOk = (page: number) => {
    let attempt = 0;
    while (fault(page, attempt) !== 'ok') attempt++;
    return attempt + 1;
  };

  it('50,000 objects at pageSize 100 under 10 % 503 + 5 % 429 + 2 % dropped connections: every object once, every page retried until it answered', async () => {
    const requestsPerPage = new Map<number, number>();
    server.handle((request, res) => {
      const page = Number(new URL(request.url, server.url).searchParams.get('currentPage'));
      const attempt = requestsPerPage.get(page) ?? 0;
      requestsPerPage.set(page, attempt + 1);
      const outcome = fault(page, attempt);
      if (outcome === 'drop') return resetConnection(res);
      if (outcome === 503) return sendJson(res, 503, { error: 'general/serviceUnavailable' });
      if (outcome === 429) return sendJson(res, 429, { error: 'general/tooManyRequests' }, { 'Retry-After': '0' });
      const first = (page - 1) * pageSize;
      const count = page <= pages ? pageSize : 0;
      const items = Array.from({ length: count }, (_, index) => ({ id: String(first + index + 1) }));
      sendJson(res, 200, { managedObjects: items, statistics: { currentPage: page, pageSize } });
    });
    expect(Math.max(...Array.from({ length: pages + 1 }, (_, index) => attemptsUntilOk(index + 1)))).toBe(6); // the scenario holds

    // The default policy, with the waits shortened so the test runs in a second.
    const client = clientFor(server, { retry: { baseDelayMs: 1, maxDelayMs: 4 }, maxConcurrent: 10 });
    const items = await getAll(client, inventory, undefined, { pageSize, workers: 10 });

    expect(items).toHaveLength(pages * pageSize);
    expect(new Set(items.map((item) => item.id)).size).toBe(pages * pageSize);
    for (let page = 1; page <= pages + 1; page++) expect([page, requestsPerPage.get(page)]).toEqual([page, attemptsUntilOk(page)]);
  }, 60_000);
});
