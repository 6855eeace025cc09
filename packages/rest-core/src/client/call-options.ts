import type { CallOptions } from './options.js';

const OVERRIDES = ['timeout', 'totalTimeout', 'retry', 'headers', 'processingMode'] as const;

/**
 * The per-request overrides of a caller's {@link CallOptions} (timeouts, retry, headers,
 * processing mode) for the requests an engine sends on its behalf; `signal` and `params` are
 * each engine's own business. Keys the caller left out stay out.
 *
 * @example
 * ```ts
 * requestOverrides({ timeout: 5_000, signal, params: { x: 1 } }); // { timeout: 5_000 }
 * ```
 */
export function requestOverrides(options: CallOptions | undefined): CallOptions {
  const picked: Record<string, unknown> = {};
  if (options === undefined) return picked;
  for (const key of OVERRIDES) if (options[key] !== undefined) picked[key] = options[key];
  return picked;
}
