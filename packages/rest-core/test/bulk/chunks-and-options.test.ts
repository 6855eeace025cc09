import { describe, expect, it } from '@jest/globals';
import nock from 'nock';
import { isCumulocityError, type BulkError } from '../../src/index.js';
import { postInChunks, runBulk, type BulkProgress } from '../../src/bulk/index.js';
import type { ResourceDescriptor } from '../../src/resource/resource-descriptor.js';
import { base, recordingClient, requests, useNockWire } from './helpers.js';

const measurements: ResourceDescriptor = { name: 'measurement', path: '/measurement/measurements', collectionKey: 'measurements' };
const reading = (n: number) => ({ type: 'c8y_T', c8y_T: { T: { value: n, unit: 'C' } } });

useNockWire();

describe('postInChunks', () => {
  it('refuses items that are not an array, before any request', async () => {
    const error = await postInChunks(recordingClient(), measurements, { measurements: [] } as never).catch((caught: unknown) => caught);
    expect(isCumulocityError(error, 'InvalidInputError')).toBe(true);
    expect(error).toMatchObject({ path: 'items', message: 'items: expected an array of objects' });
    expect(requests).toHaveLength(0);
  });

  it('no items: no request at all, not even the tenant lookup of a {tenantId} path', async () => {
    const tenantScoped = { ...measurements, path: '/tenant/{tenantId}/measurements' };
    expect(await postInChunks(recordingClient(), tenantScoped, [])).toEqual([]);
    expect(requests).toHaveLength(0);
  });

  it('without a collection media type, sends and accepts application/json', async () => {
    nock(base, { reqheaders: { 'content-type': 'application/json', accept: 'application/json' } })
      .post('/measurement/measurements')
      .reply(201, { measurements: [{ id: '1' }] });
    expect(await postInChunks(recordingClient(), measurements, [reading(1)])).toEqual([{ id: '1' }]);
  });

  it('a chunk answered with an empty body contributes nothing', async () => {
    nock(base).post('/measurement/measurements').reply(201, { measurements: [{ id: '1' }] });
    nock(base).post('/measurement/measurements').reply(201);
    expect(await postInChunks(recordingClient(), measurements, [reading(1), reading(2)], { chunkSize: 1 })).toEqual([{ id: '1' }]);
  });

  it('a malformed reply names the POST and its URL', async () => {
    nock(base).post('/measurement/measurements').reply(201, { measurement: [] });
    const error = (await postInChunks(recordingClient(), measurements, [reading(1)]).catch((caught: unknown) => caught)) as BulkError;
    expect((error.failures[0]?.error as Error).message).toContain(`(POST ${base}/measurement/measurements)`);
  });

  it('progress counts the items of failed chunks as done and failed', async () => {
    nock(base).post('/measurement/measurements').reply(201, { measurements: [{ id: '1' }, { id: '2' }] });
    nock(base).post('/measurement/measurements').reply(500, { error: 'general/internalError' });
    nock(base).post('/measurement/measurements').reply(201, { measurements: [{ id: '5' }] });
    const progress: BulkProgress[] = [];
    const items = [1, 2, 3, 4, 5].map(reading);
    await postInChunks(recordingClient(), measurements, items, { chunkSize: 2, onProgress: (p) => progress.push(p) }).catch(() => undefined);
    expect(progress).toEqual([
      { done: 2, total: 5, failed: 0 },
      { done: 4, total: 5, failed: 2 },
      { done: 5, total: 5, failed: 2 },
    ]);
  });
});

describe('runBulk options', () => {
  const fail = (caught: unknown) => caught as Error & { path?: string };
  const noop = async () => 1;

  it('each bad option is named with what it got', async () => {
    const cases: Array<[Promise<unknown>, string, string]> = [
      [runBulk([1], noop, { workers: 0 }), 'workers', 'workers: must be an integer ≥ 1, got 0'],
      [runBulk([1], noop, { workers: '2' as never }), 'workers', 'workers: must be an integer ≥ 1, got string'],
      [runBulk([1], noop, { abortOnErrors: 1.5 }), 'abortOnErrors', 'abortOnErrors: must be an integer ≥ 1, got 1.5'],
      [runBulk([1], 'not a function' as never), 'operation', 'operation: must be a function'],
      [runBulk([1], noop, { onProgress: true as never }), 'onProgress', 'onProgress: must be a function'],
      [runBulk([1], noop, { signal: { aborted: false } as never }), 'signal', 'signal: must be an AbortSignal'],
    ];
    for (const [call, path, message] of cases) {
      const error = fail(await call.catch((caught: unknown) => caught));
      expect(isCumulocityError(error, 'InvalidInputError')).toBe(true);
      expect({ path: error.path, message: error.message }).toEqual({ path, message });
    }
  });

  it('abortOnErrors reached by the last targets skips nothing: no abortedAfter, no "skipped" in the message', async () => {
    const error = (await runBulk([1, 2], async (n) => Promise.reject(new Error(`no ${n}`)), { abortOnErrors: 2 }).catch((caught: unknown) => caught)) as BulkError;
    expect(error.skipped).toEqual([]);
    expect(error.results).toStrictEqual([undefined, undefined]); // index-aligned: one slot per target, also when the last ones failed
    expect(error.abortedAfter).toBeUndefined();
    expect(error.message).toBe('2 of 2 failed (0 succeeded): Error ×2; first: #0: no 1');
  });

  it('abortOnErrors that skips targets records its threshold', async () => {
    const error = (await runBulk([1, 2, 3], async (n) => Promise.reject(new Error(`no ${n}`)), { abortOnErrors: 1 }).catch((caught: unknown) => caught)) as BulkError;
    expect(error.skipped.map((item) => item.index)).toEqual([1, 2]);
    expect(error.abortedAfter).toBe(1);
    expect(error.message).toBe('1 of 3 failed (0 succeeded, 2 skipped after 1 failures (abortOnErrors)): Error; first: #0: no 1');
  });
});
