// Compile-time checks of the public types (run by `pnpm typecheck`, which CI runs): each
// `@ts-expect-error` fails the build when the misuse it names starts to compile.
import type { Binary, Device, DeviceGroup, ManagedObject } from '@c8y/model';
import type { CumulocityRestClient, JsonValue, PagedIterable } from '@c8y/rest-core';
import { Binaries, DeviceGroupInventory, DeviceInventory, Inventory, type InventoryFilters } from '../src/index.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const assertType = <T extends true>(): T | undefined => undefined;

export function typeChecks(client: CumulocityRestClient): void {
  const inventory = new Inventory(client);
  const devices = new DeviceInventory(client);
  const groups = new DeviceGroupInventory(client);
  const binaries = new Binaries(client);

  // Results are model objects of the context's kind, or values under asValues.
  const _all = inventory.getAll({ type: 'x', createdFrom: 'today' });
  assertType<Equal<typeof _all, Promise<ManagedObject[]>>>();
  const _one = inventory.get('1', { withParents: true });
  assertType<Equal<typeof _one, Promise<ManagedObject>>>();
  const _devices = devices.getAll({ availability: 'AVAILABLE' });
  assertType<Equal<typeof _devices, Promise<Device[]>>>();
  const _device = devices.get('1');
  assertType<Equal<typeof _device, Promise<Device>>>();
  const _groups = groups.getSubGroups('1');
  assertType<Equal<typeof _groups, Promise<DeviceGroup[]>>>();
  const _sub = groups.createSubGroup('1', { name: 'x' });
  assertType<Equal<typeof _sub, Promise<DeviceGroup>>>();
  const _files = binaries.getAll({ type: 'text/csv' });
  assertType<Equal<typeof _files, Promise<Binary[]>>>();
  const _uploaded = binaries.upload('x', { name: 'a.txt' });
  assertType<Equal<typeof _uploaded, Promise<Binary>>>();
  const _values = inventory.select({ type: 'x', asValues: ['id', ['name', '']] });
  assertType<Equal<typeof _values, PagedIterable<[JsonValue | undefined, JsonValue]>>>();
  const _names = inventory.getChildren('1', 'childDevices', undefined, { asValues: 'name' });
  assertType<Equal<typeof _names, Promise<Array<JsonValue | undefined>>>>();
  const _children = inventory.getChildren('1', 'childAssets');
  assertType<Equal<typeof _children, Promise<ManagedObject[]>>>();

  // update: items, or one change for many ids (the seed's bulk update).
  const _updated = inventory.update({ id: '1', name: 'x' });
  assertType<Equal<typeof _updated, Promise<ManagedObject>>>();
  const _bulk = inventory.update({ my_Fragment: { essential: true } }, ['123456', '1238957']);
  assertType<Equal<typeof _bulk, Promise<ManagedObject[]>>>();
  const _single = inventory.update({ my_Fragment: { essential: true } }, '123456');
  assertType<Equal<typeof _single, Promise<ManagedObject>>>();
  // @ts-expect-error plain JSON without a target id is not an update
  void inventory.update({ name: 'x' });

  // Filters are closed: typos, wrong values and undeclared keys do not compile.
  // @ts-expect-error a misspelt filter
  void inventory.getAll({ typ: 'x' });
  // @ts-expect-error not an availability status
  void inventory.getAll({ availability: 'UP' });
  // @ts-expect-error the inventory has no sort flag
  void inventory.getAll({ ascending: true });
  // @ts-expect-error groups have no availability
  void groups.getAll({ availability: 'AVAILABLE' });
  // @ts-expect-error binaries document no text search
  void binaries.getAll({ text: 'x' });
  // @ts-expect-error the children endpoints take no ids
  void inventory.getChildren('1', 'childDevices', { ids: ['2'] });
  // @ts-expect-error not a child kind
  void inventory.getChildren('1', 'children');
  // @ts-expect-error not a flag of GET /inventory/managedObjects/{id}
  void inventory.get('1', { withGroups: true });
  // @ts-expect-error not a flag of DELETE /inventory/managedObjects/{id}
  void devices.delete('1', { withChildren: true });
  const filters: InventoryFilters = { name: 'P*', lastMessageFrom: new Date() };
  void devices.count(filters);

  // What the API does not offer is not there.
  // @ts-expect-error binaries are not created from JSON (upload them)
  void binaries.create({ name: 'x' });
  // @ts-expect-error GET /inventory/binaries/{id} is the content: no generic update by PUT
  void binaries.update({ id: '1' });
  // @ts-expect-error the inventory has no delete by filter
  void inventory.deleteBy({ type: 'x' });
  // @ts-expect-error the operations are the context's own business
  void inventory.operations;
}
