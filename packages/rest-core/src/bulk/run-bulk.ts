import PQueue from 'p-queue';
import { BulkError, type BulkFailure, type BulkSkipped } from '../errors/bulk-error.js';
import { InvalidInputError } from '../errors/invalid-input-error.js';

/**
 * Progress of a bulk run, reported after each attempted target.
 *
 * @example
 * ```ts
 * const onProgress = ({ done, total, failed }: BulkProgress) => console.log(`${done}/${total}, ${failed} failed`);
 * ```
 */
export interface BulkProgress {
  /** Targets attempted so far (succeeded + failed). */
  readonly done: number;
  /** Targets given. */
  readonly total: number;
  /** Targets that failed so far. */
  readonly failed: number;
}

/**
 * Options of {@link runBulk}.
 *
 * @example
 * ```ts
 * const options: BulkOptions = { workers: 10, abortOnErrors: 5, onProgress: ({ done, total }) => console.log(`${Math.round((100 * done) / total)} %`) };
 * ```
 */
export interface BulkOptions {
  /** Targets processed at once (the client's `maxConcurrent` still caps requests). @default 1 */
  workers?: number;
  /**
   * Stop starting new targets once this many have failed; the ones never started are listed in
   * `BulkError.skipped`. Targets already running finish. @default never stop
   */
  abortOnErrors?: number;
  /** Called after each attempted target. An exception thrown here stops the run and is rethrown. */
  onProgress?: (progress: BulkProgress) => void;
  /** Aborts the run: nothing new starts, running operations see the signal, and `runBulk` rejects with its reason. */
  signal?: AbortSignal;
}

/**
 * What an operation gets besides its target.
 *
 * @example
 * ```ts
 * await runBulk(ids, (id, { signal }) => client.delete(apiPath`/inventory/managedObjects/${id}`, { signal }));
 * ```
 */
export interface BulkContext {
  /** The target's position in the input. */
  readonly index: number;
  /**
   * This operation's signal: aborted with the caller's reason when the run's `signal` aborts (never
   * when the caller gave none). Pass it to client calls. Each operation has its own, so the caller's
   * signal carries one listener per run, however many operations run at once.
   */
  readonly signal: AbortSignal;
}

function positiveInteger(value: unknown, path: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new InvalidInputError(`must be an integer ≥ 1, got ${typeof value === 'number' ? String(value) : typeof value}`, { path });
  }
  return value;
}

/**
 * Runs `operation` over one target or an array of targets, `workers` at a time (a p-queue pool).
 *
 * - **An array** (even of one): every target is attempted (unless `abortOnErrors` stops the run on
 *   purpose); results come back in input order. If any failed, the promise rejects with one
 *   {@link BulkError}: `failures` (`{ index, target, error }`, input order), `results`
 *   (index-aligned, `undefined` at failed/skipped positions), `succeeded` (indices) and `skipped`.
 * - **A single target** (not an array): resolves its result, or rejects with its own error
 *   (a one-off call is not a bulk).
 * - `onProgress({ done, total, failed })` after each attempted target.
 * - `signal`: nothing new starts, running operations see their context's signal abort, and
 *   the promise rejects with the signal's reason (not a `BulkError`). The run puts one listener on
 *   it (not one per operation or request: no `MaxListenersExceededWarning` with many workers) and
 *   removes it when the run ends.
 *
 * Operations are not retried here: the client already retries what is safe to retry.
 *
 * @example
 * ```ts
 * const devices = await runBulk(ids, (id, { signal }) => client.get(apiPath`/inventory/managedObjects/${id}`, { signal }), { workers: 10 });
 * await runBulk(ids, (id) => client.put(apiPath`/alarm/alarms/${id}`, { status: 'CLEARED' }), {
 *   workers: 5,
 *   abortOnErrors: 3,
 *   onProgress: ({ done, total, failed }) => console.log(`${done}/${total} (${failed} failed)`),
 * });
 * ```
 */
export function runBulk<T, R>(targets: readonly T[], operation: (target: T, context: BulkContext) => Promise<R>, options?: BulkOptions): Promise<R[]>;
export function runBulk<T, R>(target: T, operation: (target: T, context: BulkContext) => Promise<R>, options?: BulkOptions): Promise<R>;
export async function runBulk<T, R>(
  targets: T | readonly T[],
  operation: (target: T, context: BulkContext) => Promise<R>,
  options: BulkOptions = {},
): Promise<R | R[]> {
  if (typeof operation !== 'function') throw new InvalidInputError('must be a function', { path: 'operation' });
  const workers = positiveInteger(options.workers, 'workers') ?? 1;
  const abortOnErrors = positiveInteger(options.abortOnErrors, 'abortOnErrors');
  if (options.onProgress !== undefined && typeof options.onProgress !== 'function') throw new InvalidInputError('must be a function', { path: 'onProgress' });
  const callerSignal = options.signal;
  if (callerSignal !== undefined && !(callerSignal instanceof AbortSignal)) throw new InvalidInputError('must be an AbortSignal', { path: 'signal' });
  callerSignal?.throwIfAborted();
  const signal = callerSignal ?? new AbortController().signal;

  if (!Array.isArray(targets)) {
    let result: R;
    try {
      result = await operation(targets as T, { index: 0, signal });
    } catch (error) {
      options.onProgress?.({ done: 1, total: 1, failed: 1 });
      throw error;
    }
    options.onProgress?.({ done: 1, total: 1, failed: 0 });
    return result;
  }
  const list = targets as readonly T[];
  const total = list.length;
  const results: Array<R | undefined> = new Array<R | undefined>(total).fill(undefined);
  const failures: Array<BulkFailure<T>> = [];
  const skipped: Array<BulkSkipped<T>> = [];
  let done = 0;
  let stop: 'errors' | 'abort' | undefined;
  let progressError: { error: unknown } | undefined;

  const queue = new PQueue({ concurrency: workers });
  // Running operations, each with a controller of its own: the one listener on the caller's
  // signal aborts them all.
  const running = new Set<AbortController>();
  const onAbort = () => {
    stop = 'abort';
    queue.clear();
    for (const controller of running) controller.abort(callerSignal?.reason);
  };
  callerSignal?.addEventListener('abort', onAbort, { once: true });
  try {
    list.forEach((target, index) => {
      void queue.add(async () => {
        if (stop !== undefined) {
          skipped.push({ index, target });
          return;
        }
        const controller = new AbortController();
        running.add(controller);
        try {
          results[index] = await operation(target, { index, signal: controller.signal });
        } catch (error) {
          failures.push({ index, target, error });
          if (abortOnErrors !== undefined && failures.length >= abortOnErrors && stop === undefined) stop = 'errors';
        } finally {
          running.delete(controller);
        }
        done++;
        if (options.onProgress !== undefined && progressError === undefined) {
          try {
            options.onProgress({ done, total, failed: failures.length });
          } catch (error) {
            progressError = { error };
            stop ??= 'errors';
          }
        }
      });
    });
    await queue.onIdle();
  } finally {
    callerSignal?.removeEventListener('abort', onAbort);
  }
  if (stop === 'abort' || callerSignal?.aborted) throw callerSignal?.reason;
  if (progressError !== undefined) throw progressError.error;
  if (failures.length === 0) return results as R[];
  failures.sort((a, b) => a.index - b.index);
  skipped.sort((a, b) => a.index - b.index);
  throw new BulkError<T, R>({
    total,
    results,
    failures,
    skipped,
    ...(skipped.length > 0 && abortOnErrors !== undefined ? { abortedAfter: abortOnErrors } : {}),
  });
}
