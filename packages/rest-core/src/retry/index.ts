export { decideRetry, type AttemptFailure, type RetryDecision, type RetryState } from './decide-retry.js';
export { defaultRetryPolicy, type HttpMethod, type RetryOption, type RetryPolicy } from './retry-policy.js';
export { resolveRetryPolicy } from './resolve-retry-policy.js';
