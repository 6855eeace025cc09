import { ForbiddenError } from '@c8y/rest-core';

/**
 * A tenant is not subscribed to the microservice (not among the users of
 * `GET /application/currentApplication/subscriptions`, even after reading them again). A 403 the
 * service should answer with (`status` 403, `error` `microservice/Forbidden`); `tenantId` names
 * the tenant.
 *
 * @example
 * ```ts
 * const app = new MultiTenantCumulocityApp();
 * try {
 *   await app.getTenantClient('t300');
 * } catch (error) {
 *   if (isCumulocityError(error, 'TenantNotSubscribedError')) console.warn(`${error.tenantId} is not subscribed`);
 * }
 * ```
 */
export class TenantNotSubscribedError extends ForbiddenError {
  static override readonly kind: string = 'TenantNotSubscribedError';
  /** The tenant that is not subscribed. */
  readonly tenantId: string;

  constructor(tenantId: string, problem: string) {
    super({ status: 403, error: 'microservice/Forbidden', serverMessage: problem });
    this.tenantId = tenantId;
  }
}
