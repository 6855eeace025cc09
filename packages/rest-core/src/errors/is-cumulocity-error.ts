import { errorBrand } from './cumulocity-error.js';
import type { CumulocityErrorKinds } from './kinds.js';

/**
 * True when `error` is an error of this SDK, optionally of one kind (class name, subclasses
 * included): `isCumulocityError(e, 'UnauthorizedError')` is also true for a `TfaRequiredError`.
 * Checks a brand and the class names along the prototype chain, not `instanceof`.
 *
 * @example
 * ```ts
 * try {
 *   await client.get('/inventory/managedObjects');
 * } catch (error) {
 *   if (isCumulocityError(error, 'RateLimitedError')) await new Promise((resolve) => setTimeout(resolve, error.retryAfterMs ?? 1000));
 * }
 * ```
 */
export function isCumulocityError<K extends keyof CumulocityErrorKinds = 'CumulocityError'>(
  error: unknown,
  kind?: K,
): error is CumulocityErrorKinds[K] {
  if (typeof error !== 'object' || error === null || (error as Record<symbol, unknown>)[errorBrand] !== true) return false;
  if (kind === undefined || kind === 'CumulocityError') return true;
  for (let proto: unknown = Object.getPrototypeOf(error); proto !== null; proto = Object.getPrototypeOf(proto)) {
    const constructor = (proto as { constructor?: unknown }).constructor;
    if (typeof constructor === 'function' && Object.hasOwn(constructor, 'kind') && (constructor as { kind?: unknown }).kind === kind) {
      return true;
    }
  }
  return false;
}

