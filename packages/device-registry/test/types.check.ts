// Compile-time checks of the public types (run by `pnpm typecheck`, which CI runs): each
// `@ts-expect-error` fails the build when the misuse it names starts to compile.
import { isCumulocityError, type CumulocityRestClient } from '@c8y/rest-core';
import { DeviceRegistryClient, type CredentialsTimeoutError, type DeviceCredentials } from '../src/index.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const assertType = <T extends true>(): T | undefined => undefined;

export async function typeChecks(password: string, error: unknown): Promise<void> {
  const registry = new DeviceRegistryClient({ baseUrl: 'https://t.example.com', tenantId: 'management', username: 'devicebootstrap', password });

  const _credentials = registry.awaitCredentials('raspi-0001', { timeout: '60m', pause: '1s' });
  assertType<Equal<typeof _credentials, Promise<DeviceCredentials>>>();
  const _client = registry.awaitClient('raspi-0001');
  assertType<Equal<typeof _client, Promise<CumulocityRestClient>>>();
  const _once = registry.requestCredentials('raspi-0001');
  assertType<Equal<typeof _once, Promise<DeviceCredentials | undefined>>>();

  // The timeout error is a kind of its own for the guard.
  if (isCumulocityError(error, 'CredentialsTimeoutError')) {
    assertType<Equal<typeof error, CredentialsTimeoutError>>();
    const _requests: number = error.requests;
  }

  const credentials = await _credentials;
  const { tenantId, username, password: secret } = credentials;
  void [tenantId, username, secret];
  // @ts-expect-error the credentials cannot be changed
  credentials.password = 'x';

  // @ts-expect-error the bootstrap user needs a password
  void new DeviceRegistryClient({ baseUrl: 'https://t.example.com', username: 'devicebootstrap' });
  // @ts-expect-error the bootstrap user is given by name and password, not as an auth strategy
  void new DeviceRegistryClient({ baseUrl: 'https://t.example.com', username: 'u', password, auth: undefined });
  // @ts-expect-error the wait always ends: no `false`
  void registry.awaitCredentials('x', { timeout: false });
  // @ts-expect-error `timeout` is the whole wait; there is no separate total timeout
  void registry.awaitCredentials('x', { totalTimeout: 1000 });
  // @ts-expect-error the external id is a string
  void registry.awaitCredentials(42);
}
