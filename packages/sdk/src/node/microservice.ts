import {
  MultiTenantCumulocityApp as MultiTenantApp,
  SimpleCumulocityApp as SimpleApp,
  type ClientFactory,
  type MultiTenantAppOptions,
  type SimpleAppOptions,
} from '@c8y/microservice';
import { CumulocityClient } from '../cumulocity-client.js';

/**
 * The client factory of the sdk's microservice apps: every client they hand out (the service
 * user's, a tenant's, a caller's) is a {@link CumulocityClient}.
 *
 * @example
 * ```ts
 * const client = cumulocityClientFactory({ baseUrl: 'https://t100.example.com', auth: new BasicAuth('t100/admin', password) });
 * await client.alarms.count({ status: 'ACTIVE' });
 * ```
 */
export const cumulocityClientFactory: ClientFactory<CumulocityClient> = (options) => new CumulocityClient(options);

/**
 * `@c8y/microservice`'s single-tenant app with {@link CumulocityClient}s: `app.client.inventory`,
 * `app.getUserClient(headers).alarms`, … Options and behaviour as there; `clientFactory` defaults
 * to {@link cumulocityClientFactory}.
 *
 * @example
 * ```ts
 * import { SimpleCumulocityApp } from '@c8y/sdk';
 * const app = new SimpleCumulocityApp();                 // C8Y_BASEURL, C8Y_TENANT, C8Y_USER, C8Y_PASSWORD
 * const devices = await app.client.deviceInventory.getAll({ limit: 10 });
 * console.log(devices.length);
 * ```
 */
export class SimpleCumulocityApp extends SimpleApp<CumulocityClient> {
  constructor(options: SimpleAppOptions<CumulocityClient> = {}) {
    super({ ...options, clientFactory: options.clientFactory ?? cumulocityClientFactory });
  }
}

/**
 * `@c8y/microservice`'s multi-tenant app with {@link CumulocityClient}s: `(await
 * app.getTenantClient(tenantId)).alarms`, … Options and behaviour as there; `clientFactory`
 * defaults to {@link cumulocityClientFactory}.
 *
 * @example
 * ```ts
 * import { MultiTenantCumulocityApp } from '@c8y/sdk';
 * const app = new MultiTenantCumulocityApp();            // C8Y_BASEURL, C8Y_BOOTSTRAP_TENANT/_USER/_PASSWORD
 * for (const tenantId of await app.getSubscribers()) {
 *   const tenant = await app.getTenantClient(tenantId);
 *   console.log(tenantId, await tenant.alarms.count({ status: 'ACTIVE' }));
 * }
 * ```
 */
export class MultiTenantCumulocityApp extends MultiTenantApp<CumulocityClient> {
  constructor(options: MultiTenantAppOptions<CumulocityClient> = {}) {
    super({ ...options, clientFactory: options.clientFactory ?? cumulocityClientFactory });
  }
}
