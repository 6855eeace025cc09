import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import { BulkError, CumulocityRestClient, apiPath, isCumulocityError } from '../../src/index.js';
import { runBulk, type BulkProgress } from '../../src/bulk/index.js';
import { testAuth } from '../client/test-auth.js';

const base = 'https://t100.example.com';
const client = () => new CumulocityRestClient({ baseUrl: base, auth: testAuth, retry: false });
/** Lets every queued callback run once (a turn of the event loop, no fixed time). */
const turn = () => new Promise((resolve) => setImmediate(resolve));

/** A promise with its resolve function, to hold an operation until the test releases it. */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  expect(pending).toEqual([]);
});

function mockObjects(good: string[], bad: string[]): void {
  for (const id of good) nock(base).get(`/inventory/managedObjects/${id}`).delay(Number(id) % 3 * 5).reply(200, { id, name: `mo-${id}` });
  for (const id of bad) nock(base).get(`/inventory/managedObjects/${id}`).reply(404, { error: 'inventory/Not Found', message: `Finding device data from database failed : No managedObject for id '${id}'!` });
}

const getObject = (id: string) => client().get<{ id: string }>(apiPath`/inventory/managedObjects/${id}`);

describe('runBulk', () => {
  it('attempts every target and gathers exactly the failed ones in one BulkError, with the successful results', async () => {
    const ids = ['1', '2', 'x3', '4', '5', 'x6', '7', '8'];
    mockObjects(['1', '2', '4', '5', '7', '8'], ['x3', 'x6']);
    const progress: BulkProgress[] = [];
    const error = await runBulk(ids, getObject, { workers: 3, onProgress: (p) => progress.push(p) }).catch((caught: unknown) => caught);

    expect(isCumulocityError(error, 'BulkError')).toBe(true);
    const bulk = error as BulkError<string, { id: string }>;
    expect(bulk.failures.map(({ index, target }) => ({ index, target }))).toEqual([
      { index: 2, target: 'x3' },
      { index: 5, target: 'x6' },
    ]);
    expect(bulk.failures.every(({ error: cause }) => isCumulocityError(cause, 'NotFoundError'))).toBe(true);
    expect(bulk.results.map((result) => result?.id)).toEqual(['1', '2', undefined, '4', '5', undefined, '7', '8']);
    expect(bulk.succeeded).toEqual([0, 1, 3, 4, 6, 7]);
    expect(bulk.skipped).toEqual([]);
    expect(bulk.total).toBe(8);
    expect(bulk.message).toMatch(/^2 of 8 failed \(6 succeeded\): NotFoundError ×2; first: #2: 404 inventory\/Not Found/);

    // Progress adds up: one call per target, done counts up to total, failed ends at 2.
    expect(progress.map((p) => p.done)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(progress.every((p) => p.total === 8)).toBe(true);
    expect(progress.at(-1)?.failed).toBe(2);
    expect(progress.filter((p, index) => p.failed > (progress[index - 1]?.failed ?? 0))).toHaveLength(2);
  });

  it('returns results in input order even when they complete out of order', async () => {
    // Each operation waits for its gate; finishing, it opens the gate of the next in completionOrder.
    const completionOrder = [3, 1, 4, 0, 2];
    const gates = completionOrder.map(() => deferred());
    const done: number[] = [];
    const run = runBulk(
      [40, 10, 30, 0, 20],
      async (value, { index }) => {
        await gates[index]?.promise;
        done.push(index);
        gates[completionOrder[completionOrder.indexOf(index) + 1] ?? -1]?.resolve();
        return value * 2;
      },
      { workers: 5 },
    );
    gates[completionOrder[0] as number]?.resolve();
    expect(await run).toEqual([80, 20, 60, 0, 40]);
    expect(done).toEqual(completionOrder);
  });

  it('runs at most `workers` operations at once', async () => {
    let running = 0;
    let most = 0;
    await runBulk(
      Array.from({ length: 20 }, (_, index) => index),
      async () => {
        most = Math.max(most, ++running);
        await turn();
        running--;
      },
      { workers: 4 },
    );
    expect(most).toBe(4);
  });

  it('defaults to one at a time', async () => {
    let running = 0;
    let most = 0;
    await runBulk([1, 2, 3], async () => {
      most = Math.max(most, ++running);
      await turn();
      running--;
    });
    expect(most).toBe(1);
  });

  it('abortOnErrors: n stops after n failures and lists the unattempted targets as skipped', async () => {
    const attempted: number[] = [];
    const error = (await runBulk(
      [0, 1, 2, 3, 4, 5],
      async (n) => {
        attempted.push(n);
        if (n === 1 || n === 2) throw new Error(`bad ${n}`);
        return n;
      },
      { abortOnErrors: 2 },
    ).catch((caught: unknown) => caught)) as BulkError<number, number>;
    expect(attempted).toEqual([0, 1, 2]);
    expect(error.failures.map((failure) => failure.index)).toEqual([1, 2]);
    expect(error.skipped).toEqual([
      { index: 3, target: 3 },
      { index: 4, target: 4 },
      { index: 5, target: 5 },
    ]);
    expect(error.results).toEqual([0, undefined, undefined, undefined, undefined, undefined]);
    expect(error.abortedAfter).toBe(2);
    expect(error.message).toContain('3 skipped after 2 failures (abortOnErrors)');
  });

  it('failures are listed in input order, not in the order they happened', async () => {
    const laterFailed = deferred();
    const happened: number[] = [];
    const error = (await runBulk(
      ['a', 'b'],
      async (_target, { index }) => {
        if (index === 0) await laterFailed.promise; // the first target fails only after the second
        happened.push(index);
        if (index === 1) laterFailed.resolve();
        throw new Error(`bad ${index}`);
      },
      { workers: 2 },
    ).catch((caught: unknown) => caught)) as BulkError<string, never>;
    expect(happened).toEqual([1, 0]);
    expect(isCumulocityError(error, 'BulkError')).toBe(true);
    expect(error.failures.map((failure) => [failure.index, failure.target, (failure.error as Error).message])).toEqual([
      [0, 'a', 'bad 0'],
      [1, 'b', 'bad 1'],
    ]);
  });

  it('abortOnErrors: the failures of targets already running are all reported, not only the first n', async () => {
    const allRunning = deferred();
    const started: number[] = [];
    const error = (await runBulk(
      [0, 1, 2, 3, 4],
      async (n) => {
        started.push(n);
        if (started.length === 3) allRunning.resolve();
        await allRunning.promise; // three failures at once, with workers: 3
        throw new Error(`bad ${n}`);
      },
      { workers: 3, abortOnErrors: 1 },
    ).catch((caught: unknown) => caught)) as BulkError<number, never>;
    expect(started).toEqual([0, 1, 2]);
    expect(isCumulocityError(error, 'BulkError')).toBe(true);
    expect(error.failures.map((failure) => failure.index)).toEqual([0, 1, 2]);
    expect(error.skipped.map((skip) => skip.index)).toEqual([3, 4]);
    expect(error.abortedAfter).toBe(1);
  });

  it('a single target resolves its result or rejects with its own error', async () => {
    mockObjects(['1'], ['x9']);
    await expect(runBulk('1', getObject)).resolves.toMatchObject({ id: '1' });
    const error = await runBulk('x9', getObject).catch((caught: unknown) => caught);
    expect(isCumulocityError(error, 'NotFoundError')).toBe(true);
  });

  it('an empty array does nothing', async () => {
    let called = false;
    expect(
      await runBulk([], async () => {
        called = true;
      }),
    ).toEqual([]);
    expect(called).toBe(false);
  });

  it('the signal stops new work, reaches running operations and rejects with its reason', async () => {
    const controller = new AbortController();
    const reason = new Error('cancelled');
    const started: number[] = [];
    const bothRunning = deferred();
    const run = runBulk(
      [1, 2, 3, 4, 5, 6],
      // An operation ends only through the signal.
      (n, { signal }) =>
        new Promise<number>((_resolve, reject) => {
          started.push(n);
          signal.addEventListener('abort', () => reject(signal.reason));
          if (started.length === 2) bothRunning.resolve();
        }),
      { workers: 2, signal: controller.signal },
    );
    await bothRunning.promise;
    controller.abort(reason);
    await expect(run).rejects.toBe(reason);
    expect(started).toEqual([1, 2]);
  });

  it('an exception in onProgress stops the run and is rethrown', async () => {
    const attempted: number[] = [];
    const oops = new Error('progress bar broke');
    await expect(
      runBulk(
        [1, 2, 3],
        async (n) => {
          attempted.push(n);
        },
        {
          onProgress: () => {
            throw oops;
          },
        },
      ),
    ).rejects.toBe(oops);
    expect(attempted).toEqual([1]);
  });

  it('rejects bad options', async () => {
    await expect(runBulk([1], async () => 1, { workers: 0 })).rejects.toThrow('workers: must be an integer ≥ 1');
    await expect(runBulk([1], async () => 1, { abortOnErrors: -1 })).rejects.toThrow('abortOnErrors');
  });
});

describe('BulkError', () => {
  it('serialises counts and failures without results or object bodies', () => {
    const error = new BulkError<unknown, unknown>({
      total: 3,
      results: [{ id: '1', secret: 'x' }, undefined, undefined],
      failures: [
        { index: 1, target: { id: '2', c8y_Secret: 'y' }, error: new Error('boom') },
        { index: 2, target: '3', error: 'plain' },
      ],
    });
    expect(error.toJSON()).toEqual({
      name: 'BulkError',
      message: error.message,
      total: 3,
      succeeded: 1,
      failed: 2,
      skipped: 0,
      failures: [
        { index: 1, target: { id: '2' }, error: { name: 'Error', message: 'boom' } },
        { index: 2, target: '3', error: { message: 'plain' } },
      ],
    });
    expect(JSON.stringify(error)).not.toContain('secret');
    expect(JSON.stringify(error)).not.toContain('c8y_Secret');
    expect(error.message).toBe('2 of 3 failed (1 succeeded): Error, string; first: #1: boom');
  });
});
