import { expect } from '@jest/globals';
import { isCumulocityError } from '@c8y/rest-core';
import { BASE, mt } from '@c8y/test-support';
import { DeviceRegistryClient, type DeviceRegistryOptions } from '../src/index.js';

export { BASE, mt, useNock, useEmulator } from '@c8y/test-support';

export const CREDENTIALS = '/devicecontrol/deviceCredentials';
export const BOOTSTRAP_PASSWORD = 'b00tstrap-S3cret';
export const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

/** A registry against nock: no retries and no per-attempt timer (so the only timers are the registry's). */
export function testRegistry(options: Partial<DeviceRegistryOptions> = {}): DeviceRegistryClient {
  return new DeviceRegistryClient({
    baseUrl: BASE,
    tenantId: 'management',
    username: 'devicebootstrap',
    password: BOOTSTRAP_PASSWORD,
    retry: false,
    timeout: false,
    ...options,
  });
}

/** The 404 Cumulocity answers while a request is not accepted. */
export const notAccepted = (id: string) =>
  [404, { error: 'devicecontrol/Not Found', message: `Could not find newDeviceRequest by ID ${id}`, info: 'https://cumulocity.com/guides' }, { 'Content-Type': mt('error') }] as const;

/** Runs `action` (sync throw or rejection) and asserts an InvalidInputError naming `path` (and matching `message`). */
export async function expectInvalid(action: () => unknown, path: string | undefined, message?: RegExp): Promise<void> {
  let thrown: unknown;
  try {
    await action();
  } catch (error) {
    thrown = error;
  }
  if (!isCumulocityError(thrown, 'InvalidInputError')) throw new Error(`expected InvalidInputError, got ${String(thrown)}`);
  expect(thrown.path).toBe(path);
  if (message) expect(thrown.message).toMatch(message);
}

/** Lets real I/O (the mocked HTTP exchange) run without moving a fake clock, until `done()`. */
export async function settle(done: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 1000 && !done(); i++) await new Promise((resolve) => setImmediate(resolve));
  if (!done()) throw new Error(`${what} never happened`);
}
