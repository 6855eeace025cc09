/**
 * `@c8y/tenant`: Cumulocity tenant options, the current tenant and its login options as a typed context.
 *
 * @example
 * ```ts
 * import { TenantOptions } from '@c8y/tenant';
 * const tenantOptions = new TenantOptions(client);
 * await tenantOptions.setAll('cx.settings', { mode: 'fast' });
 * const settings = await tenantOptions.getCategory('cx.settings');
 * ```
 * @packageDocumentation
 */
export { TenantOptions } from './tenant-options.js';
export { CurrentTenant, LoginOption } from './tenant-views.js';
export {
  currentTenantQuery,
  loginOptionQuery,
  tenantOptionQuery,
  type CurrentTenantFilters,
  type LoginOptionFilters,
  type TenantOptionFilters,
} from './tenant-queries.js';
export { TenantOption, type TenantOptionInit } from '@c8y/model';
