// Compile-time checks of the public types (run by `pnpm typecheck`, which CI runs): each
// `@ts-expect-error` fails the build when the misuse it names starts to compile.
import type { TenantOption } from '@c8y/model';
import type { CumulocityRestClient, JsonValue } from '@c8y/rest-core';
import { TenantOptions, type CurrentTenant, type LoginOption } from '../src/index.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const assertType = <T extends true>(): T | undefined => undefined;

export function typeChecks(client: CumulocityRestClient): void {
  const tenantOptions = new TenantOptions(client);

  // Results are model objects, values or value maps.
  const _all = tenantOptions.getAll();
  assertType<Equal<typeof _all, Promise<TenantOption[]>>>();
  const _pairs = tenantOptions.getAll({ asValues: ['category', 'key'] });
  assertType<Equal<typeof _pairs, Promise<Array<[JsonValue | undefined, JsonValue | undefined]>>>>();
  const _one = tenantOptions.get('cx', 'mode');
  assertType<Equal<typeof _one, Promise<TenantOption>>>();
  const _value = tenantOptions.getValue('cx', 'mode');
  assertType<Equal<typeof _value, Promise<string | undefined>>>();
  const _withDefault = tenantOptions.getValue('cx', 'mode', 'slow');
  assertType<Equal<typeof _withDefault, Promise<string>>>();
  const _orNumber = tenantOptions.getValue('cx', 'mode', 0, { timeout: 1000 });
  assertType<Equal<typeof _orNumber, Promise<string | 0>>>();
  const _category = tenantOptions.getCategory('cx');
  assertType<Equal<typeof _category, Promise<Record<string, string>>>>();
  const _set = tenantOptions.set('cx', 'mode', 'fast');
  assertType<Equal<typeof _set, Promise<TenantOption>>>();
  const _setAll = tenantOptions.setAll('cx', { mode: 'fast' });
  assertType<Equal<typeof _setAll, Promise<Record<string, string>>>>();
  const _deleted = tenantOptions.delete('cx', 'mode');
  assertType<Equal<typeof _deleted, Promise<void>>>();
  const _tenant = tenantOptions.getCurrentTenant({ withParent: true });
  assertType<Equal<typeof _tenant, Promise<CurrentTenant>>>();
  const _login = tenantOptions.getLoginOptions({ tenantId: 't07' });
  assertType<Equal<typeof _login, Promise<LoginOption[]>>>();

  // Misuse does not compile.
  // @ts-expect-error the listing has no category filter: use getCategory
  void tenantOptions.getAll({ category: 'cx' });
  // @ts-expect-error an option is addressed by category and key
  void tenantOptions.get('cx');
  // @ts-expect-error values are strings
  void tenantOptions.set('cx', 'mode', 3);
  // @ts-expect-error values of a category are strings
  void tenantOptions.setAll('cx', { mode: true });
  // @ts-expect-error the current tenant takes withParent only
  void tenantOptions.getCurrentTenant({ withChildren: true });
  // @ts-expect-error login options take management and tenantId only
  void tenantOptions.getLoginOptions({ tenant_id: 't07' });

  // What the API does not offer is not there.
  // @ts-expect-error options have no id: no generic create
  void tenantOptions.create({ category: 'cx', key: 'k', value: 'v' });
  // @ts-expect-error no count: the listing documents no withTotalElements and set/get cover single options
  void tenantOptions.count();
  // @ts-expect-error no delete by filter
  void tenantOptions.deleteBy({});
}
