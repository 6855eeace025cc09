import { UnauthorizedError } from '@c8y/rest-core';

/**
 * Why the credentials of an inbound request were refused before any request was sent:
 * - `missing`: neither an `authorization` cookie nor an `Authorization` header;
 * - `malformed`: an `Authorization` header that is not readable Basic or Bearer credentials
 *   (or several different ones), or an unusable cookie;
 * - `no-xsrf`: an `authorization` cookie without the `X-XSRF-TOKEN` header that must come with it;
 * - `no-tenant`: the credentials name no tenant where one is needed (multi-tenant apps: Basic
 *   `<tenant>/<user>`, or a JWT with a `ten` claim).
 *
 * @example
 * ```ts
 * const reason: InboundAuthReason = 'missing';
 * ```
 */
export type InboundAuthReason = 'missing' | 'malformed' | 'no-xsrf' | 'no-tenant';

/**
 * The credentials of a request the microservice received are missing or unusable: a 401 the
 * service should answer with (`status` is 401, `error` is `microservice/Unauthorized`). It is an
 * `UnauthorizedError`, so `isCumulocityError(error, 'UnauthorizedError')` covers it together with
 * a 401 from the platform. The message names the problem, never the credentials.
 *
 * @example
 * ```ts
 * import { createServer } from 'node:http';
 * import { isCumulocityError } from '@c8y/rest-core';
 * import { SimpleCumulocityApp } from '@c8y/microservice';
 *
 * const app = new SimpleCumulocityApp();
 * createServer((req, res) => {
 *   try {
 *     const client = app.getUserClient(req.headers);
 *     res.end(String(client.baseUrl));
 *   } catch (error) {
 *     if (isCumulocityError(error, 'InboundAuthError')) return void res.writeHead(401).end(error.reason);
 *     throw error;
 *   }
 * });
 * ```
 */
export class InboundAuthError extends UnauthorizedError {
  static override readonly kind: string = 'InboundAuthError';
  /** What was wrong with the credentials. */
  readonly reason: InboundAuthReason;

  constructor(reason: InboundAuthReason, problem: string, options: { cause?: unknown } = {}) {
    super({ status: 401, error: 'microservice/Unauthorized', serverMessage: problem, cause: options.cause });
    this.reason = reason;
  }
}
