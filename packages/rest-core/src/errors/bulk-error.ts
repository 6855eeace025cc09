import { CumulocityError } from './cumulocity-error.js';

/** One target that failed in a bulk run: its position in the input, the target, and why.
 *
 * @example
 * ```ts
 * const report = (bulkError: BulkError) => {
 *   for (const { index, target, error } of bulkError.failures) console.warn(index, target, error);
 * };
 * ```
 */
export interface BulkFailure<T = unknown> {
  /** Position of the target in the input array. */
  readonly index: number;
  /** The target as given. */
  readonly target: T;
  /** What the operation threw (usually a `CumulocityError`). */
  readonly error: unknown;
}

/** One target that was never attempted because `abortOnErrors` stopped the run.
 *
 * @example
 * ```ts
 * const notAttempted = (bulkError: BulkError) => bulkError.skipped.map(({ target }) => target);
 * ```
 */
export interface BulkSkipped<T = unknown> {
  /** Position of the target in the input array. */
  readonly index: number;
  /** The target as given. */
  readonly target: T;
}

/** Everything a {@link BulkError} is built from.
 *
 * @example
 * ```ts
 * throw new BulkError({ total: 2, results: [{ id: '6' }, undefined], failures: [{ index: 1, target: '7', error: new Error('404') }] });
 * ```
 */
export interface BulkErrorDetails<T = unknown, R = unknown> {
  /** How many targets were given. */
  total: number;
  /** Index-aligned with the input: the result of each target that succeeded, `undefined` elsewhere. */
  results: ReadonlyArray<R | undefined>;
  /** The failed targets, in input order. */
  failures: ReadonlyArray<BulkFailure<T>>;
  /** The targets never attempted (only when `abortOnErrors` stopped the run), in input order. */
  skipped?: ReadonlyArray<BulkSkipped<T>>;
  /** The `abortOnErrors` threshold that stopped the run, if it did. */
  abortedAfter?: number;
}

/**
 * A bulk operation over many targets (`runBulk`, `postInChunks`, the object operations
 * `createObjects`/`updateObjects`/`applyToObjects`/`deleteObjects` and the contexts built on
 * them) had failures. Every target was attempted unless `abortOnErrors` stopped the run on
 * purpose; nothing is dropped silently:
 *
 * - `failures`: `{ index, target, error }` for each failed target, in input order;
 * - `results`: index-aligned with the input (`results.length === total`); the successful
 *   results at their positions, `undefined` at failed and skipped positions. Operations that
 *   return nothing (DELETE) leave `undefined` everywhere: use `succeeded`/`failures` then;
 * - `succeeded`: the indices that succeeded, ascending;
 * - `skipped`: `{ index, target }` never attempted (only with `abortOnErrors`).
 *
 * `toJSON()` keeps it small and credential-free: counts, and per failure the index, the target
 * when it is an id (or the `id` of an object target) and the error's `toJSON()` or name/message.
 *
 * @example
 * ```ts
 * try {
 *   await runBulk(ids, (id) => client.delete(apiPath`/inventory/managedObjects/${id}`), { workers: 10 });
 * } catch (error) {
 *   if (!isCumulocityError(error, 'BulkError')) throw error;
 *   for (const { target, error: cause } of error.failures) console.warn(`${String(target)}: ${String(cause)}`);
 * }
 * ```
 */
export class BulkError<T = unknown, R = unknown> extends CumulocityError {
  static override readonly kind: string = 'BulkError';
  /** How many targets were given. */
  readonly total: number;
  /** Index-aligned with the input: successful results, `undefined` at failed and skipped positions. */
  readonly results: ReadonlyArray<R | undefined>;
  /** The failed targets, in input order. */
  readonly failures: ReadonlyArray<BulkFailure<T>>;
  /** Indices of the targets that succeeded, ascending. */
  readonly succeeded: readonly number[];
  /** The targets never attempted because `abortOnErrors` stopped the run, in input order. */
  readonly skipped: ReadonlyArray<BulkSkipped<T>>;
  /** The `abortOnErrors` threshold that stopped the run, if it did. */
  readonly abortedAfter?: number;

  constructor(details: BulkErrorDetails<T, R>) {
    const skipped = details.skipped ?? [];
    const failedAt = new Set(details.failures.map((failure) => failure.index));
    const skippedAt = new Set(skipped.map((item) => item.index));
    const succeeded: number[] = [];
    for (let index = 0; index < details.total; index++) {
      if (!failedAt.has(index) && !skippedAt.has(index)) succeeded.push(index);
    }
    super(describe(details, succeeded.length, skipped.length), {
      cause: details.failures.length === 1 ? details.failures[0]?.error : undefined,
    });
    this.total = details.total;
    this.results = details.results;
    this.failures = details.failures;
    this.succeeded = succeeded;
    this.skipped = skipped;
    this.abortedAfter = details.abortedAfter;
  }

  /** Counts and failures, without the results or object targets. */
  override toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      total: this.total,
      succeeded: this.succeeded.length,
      failed: this.failures.length,
      skipped: this.skipped.length,
      ...(this.abortedAfter === undefined ? {} : { abortedAfter: this.abortedAfter }),
      failures: this.failures.map((failure) => ({
        index: failure.index,
        target: describeTarget(failure.target),
        error: describeError(failure.error),
      })),
    };
  }
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}

function describe(details: BulkErrorDetails<unknown, unknown>, succeeded: number, skipped: number): string {
  const byName = new Map<string, number>();
  for (const { error } of details.failures) byName.set(errorName(error), (byName.get(errorName(error)) ?? 0) + 1);
  const kinds = [...byName].map(([name, count]) => (count === 1 ? name : `${name} ×${count}`)).join(', ');
  const skippedText = skipped > 0 ? `, ${skipped} skipped after ${details.abortedAfter ?? details.failures.length} failures (abortOnErrors)` : '';
  const first = details.failures[0];
  const firstText = first === undefined ? '' : `; first: #${first.index}: ${first.error instanceof Error ? first.error.message : String(first.error)}`;
  return `${details.failures.length} of ${details.total} failed (${succeeded} succeeded${skippedText}): ${kinds}${firstText}`;
}

function describeTarget(target: unknown): unknown {
  if (typeof target === 'string' || typeof target === 'number') return target;
  if (typeof target === 'object' && target !== null && 'id' in target) {
    const id = (target as { id?: unknown }).id;
    if (typeof id === 'string' || typeof id === 'number') return { id };
  }
  return undefined;
}

function describeError(error: unknown): unknown {
  if (typeof error === 'object' && error !== null && typeof (error as { toJSON?: unknown }).toJSON === 'function') {
    return (error as { toJSON(): unknown }).toJSON();
  }
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { message: String(error) };
}
