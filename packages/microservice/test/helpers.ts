import { expect } from '@jest/globals';
import { isCumulocityError } from '@c8y/rest-core';
import type { Environment, SharedClientOptions } from '../src/index.js';

export { mt, useNock } from '@c8y/test-support';

/** The platform URL a microservice gets in C8Y_BASEURL. */
export const BASE = 'http://cumulocity:8111';
export const SUBSCRIPTIONS = '/application/currentApplication/subscriptions';

/** Client options for nock tests: no retries, no attempt timers. */
export const quiet: SharedClientOptions = { retry: false, timeout: false };

/** `Basic base64(user:password)`. */
export const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;

/** An unsigned JWT with these claims (the SDK reads claims without verifying; the platform verifies). */
export function jwt(claims: Record<string, unknown>): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}.c2lnbmF0dXJl`;
}

/** A single-tenant app's environment, as the platform sets it. */
export const simpleEnv = (extra: Environment = {}): Environment => ({
  C8Y_BASEURL: BASE,
  C8Y_TENANT: 't100',
  C8Y_USER: 'service_hello',
  C8Y_PASSWORD: 'service-secret',
  APPLICATION_KEY: 'hello-key',
  ...extra,
});

/** A multi-tenant app's environment, as the platform sets it. */
export const multiEnv = (extra: Environment = {}): Environment => ({
  C8Y_BASEURL: BASE,
  C8Y_BOOTSTRAP_TENANT: 't100',
  C8Y_BOOTSTRAP_USER: 'servicebootstrap_hello',
  C8Y_BOOTSTRAP_PASSWORD: 'bootstrap-secret',
  APPLICATION_KEY: 'hello-key',
  ...extra,
});

/** A subscriptions reply (OAS ApplicationUserCollection). */
export const subscriptionsReply = (...users: Array<[tenant: string, password: string]>) => ({
  self: `${BASE}/application/applications/12/users`,
  users: users.map(([tenant, password]) => ({ tenant, name: 'service_hello', password })),
});

/** The error `run` throws or rejects with (fails when it does not). */
export async function caught(run: () => unknown): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error, got none');
}

/** Asserts an InvalidInputError naming `path`. */
export function expectInvalid(error: unknown, path: string, message?: RegExp): void {
  if (!isCumulocityError(error, 'InvalidInputError')) throw new Error(`expected InvalidInputError, got ${String(error)}`);
  expect(error.path).toBe(path);
  if (message) expect(error.message).toMatch(message);
}

/** Lets real I/O (mocked HTTP) run without moving a fake clock, until `done()`. */
export async function settle(done: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 2000 && !done(); i++) await new Promise((resolve) => setImmediate(resolve));
  if (!done()) throw new Error(`${what} never happened`);
}
