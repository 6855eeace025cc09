import { defaultRetryPolicy, type RetryOption, type RetryPolicy } from './retry-policy.js';

/** The full policy for a `retry` option (already validated): a number is the limit, `false` is no retries. */
export function resolveRetryPolicy(option: RetryOption | undefined, base: RetryPolicy = defaultRetryPolicy): RetryPolicy {
  if (option === undefined) return base;
  if (option === false) return { ...base, limit: 0 };
  if (typeof option === 'number') return { ...base, limit: option };
  return { ...base, ...option };
}
