import { CumulocityError } from '@c8y/rest-core';

/**
 * A method of an app was called after `close()`: the app has dropped its clients and
 * credentials and stopped its listeners. Create a new app instead.
 *
 * @example
 * ```ts
 * const app = new MultiTenantCumulocityApp();
 * await app.close();
 * await app.getTenantClient('t100').catch((error: unknown) => {
 *   if (isCumulocityError(error, 'AppClosedError')) console.log('closed');
 * });
 * ```
 */
export class AppClosedError extends CumulocityError {
  static override readonly kind: string = 'AppClosedError';

  constructor(what: string) {
    super(`${what}: the app is closed`);
  }
}
