import { CumulocityRestClient, type RestClientOptions } from '@c8y/rest-core';

/**
 * How an app turns connection options (base URL, credentials, tenant, application key, and the
 * app's `clientOptions`) into the client it hands out. Every client of an app — the service
 * user's, a tenant's, a caller's — comes from it, so an app is generic in its client type `C`.
 *
 * @example
 * ```ts
 * // a client of your own that wraps the rest client:
 * class MyClient {
 *   readonly rest: CumulocityRestClient;
 *   constructor(options: RestClientOptions) {
 *     this.rest = new CumulocityRestClient(options);
 *   }
 * }
 * const factory: ClientFactory<MyClient> = (options) => new MyClient(options);
 * const app = new SimpleCumulocityApp({ clientFactory: factory }); // app.client is a MyClient
 * ```
 */
export type ClientFactory<C> = (options: RestClientOptions) => C;

/**
 * The factory used when an app is given none: a plain {@link CumulocityRestClient}.
 *
 * @example
 * ```ts
 * const client = defaultClientFactory({ baseUrl: 'https://t100.example.com', auth: new BasicAuth('t100/admin', password) });
 * ```
 */
export const defaultClientFactory: ClientFactory<CumulocityRestClient> = (options) => new CumulocityRestClient(options);

/**
 * Rest client options an app applies to every client it builds (timeouts, retries, concurrency,
 * `fetch`, extra headers, processing mode). The connection itself — base URL, credentials,
 * tenant, application key — is the app's to set.
 *
 * @example
 * ```ts
 * const clientOptions: SharedClientOptions = { timeout: 30_000, maxConcurrent: 20, retry: 3 };
 * const app = new SimpleCumulocityApp({ clientOptions });
 * ```
 */
export type SharedClientOptions = Omit<RestClientOptions, 'baseUrl' | 'auth' | 'tenantId' | 'applicationKey'>;
