import { TimeoutError } from '@c8y/rest-core';

declare module '@c8y/rest-core' {
  interface CumulocityErrorKinds {
    CredentialsTimeoutError: CredentialsTimeoutError;
  }
}

/**
 * `awaitCredentials` gave up: the device got no credentials within `timeout` (the request was
 * not accepted in time, or the poll that was running when the time was up had not answered). A
 * `TimeoutError` with `scope: 'total'` (the whole wait, all its requests and pauses), so code
 * that handles timeouts handles it too; `isCumulocityError(error, 'CredentialsTimeoutError')`
 * tells it apart.
 *
 * @example
 * ```ts
 * const registry = DeviceRegistryClient.fromEnvironment();
 * try {
 *   await registry.awaitCredentials('raspi-0001', { timeout: '5m' });
 * } catch (error) {
 *   if (isCumulocityError(error, 'CredentialsTimeoutError')) console.log(`not accepted after ${error.requests} requests`);
 *   else throw error;
 * }
 * ```
 */
export class CredentialsTimeoutError extends TimeoutError {
  static override readonly kind: string = 'CredentialsTimeoutError';
  /** The device's external id. */
  readonly externalId: string;
  /** How many credentials requests were sent (each answered 404, except one cut short by the timeout). */
  readonly requests: number;

  constructor(options: { externalId: string; timeoutMs: number; requests: number; method: string; url: string }) {
    super({ method: options.method, url: options.url, timeoutMs: options.timeoutMs, scope: 'total' });
    this.externalId = options.externalId;
    this.requests = options.requests;
    this.message =
      `No credentials for device ${JSON.stringify(options.externalId)} within ${options.timeoutMs} ms ` +
      `(${options.requests} ${options.requests === 1 ? 'request' : 'requests'}): its request was not accepted in time (${options.method} ${options.url})`;
  }
}
