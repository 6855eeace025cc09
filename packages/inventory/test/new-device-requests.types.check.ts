// Compile-time checks of the new device request API (run by `pnpm typecheck` and by
// test/typecheck.test.ts, which finds every file with `@ts-expect-error` under test/).
import type { NewDeviceRequest } from '@c8y/model';
import type { CumulocityRestClient } from '@c8y/rest-core';
import { DeviceInventory, NewDeviceRequests } from '../src/index.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const assertType = <T extends true>(): T | undefined => undefined;

export function newDeviceRequestTypeChecks(client: CumulocityRestClient): void {
  const devices = new DeviceInventory(client);
  const requests = new NewDeviceRequests(client);

  // One in, one out; a list in, a list out.
  const _one = devices.request('raspi-0001');
  assertType<Equal<typeof _one, Promise<NewDeviceRequest>>>();
  const _many = requests.request(['a', { id: 'b', groupId: '1' }]);
  assertType<Equal<typeof _many, Promise<NewDeviceRequest[]>>>();
  const _accepted = devices.accept('raspi-0001', { securityToken: 't' });
  assertType<Equal<typeof _accepted, Promise<NewDeviceRequest>>>();
  const _acceptedMany = devices.requests.accept(['a', 'b'], { workers: 2 });
  assertType<Equal<typeof _acceptedMany, Promise<NewDeviceRequest[]>>>();
  const _all = devices.requests.getAll();
  assertType<Equal<typeof _all, Promise<NewDeviceRequest[]>>>();
  const _got = requests.get('a/b');
  assertType<Equal<typeof _got, Promise<NewDeviceRequest>>>();

  // @ts-expect-error a request needs its external id
  void requests.request({ groupId: '1' });
  // @ts-expect-error not a status
  void requests.request({ id: 'x', status: 'DONE' });
  // @ts-expect-error the collection has no filters
  void requests.getAll({ status: 'ACCEPTED' });
  // @ts-expect-error request() is the create
  void requests.create({ id: 'x' });
  // @ts-expect-error the API has no delete by filter
  void requests.deleteBy({});
}
