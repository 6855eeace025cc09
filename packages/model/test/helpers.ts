import { afterAll, afterEach, beforeAll, expect } from '@jest/globals';
import { BasicAuth, CumulocityRestClient, isCumulocityError } from '@c8y/rest-core';
import nock from 'nock';

export const BASE = 'https://t100.example.com';
export const mt = (name: string) => `application/vnd.com.nsn.cumulocity.${name}+json`;

/** A real client against nock: tenant t100 known, no retries. */
export function testClient(): CumulocityRestClient {
  return new CumulocityRestClient({ baseUrl: BASE, auth: new BasicAuth('t100/admin', 'secret'), tenantId: 't100', retry: false });
}

/** nock scope for the test tenant. */
export function api(): nock.Scope {
  return nock(BASE);
}

/** Installs nock hooks: no real network, every interceptor must be used. */
export function useNock(): void {
  beforeAll(() => nock.disableNetConnect());
  afterEach(() => {
    const pending = nock.pendingMocks();
    nock.cleanAll();
    expect(pending).toEqual([]);
  });
  afterAll(() => nock.enableNetConnect());
}

/** Runs `action` and asserts it throws an InvalidInputError with `path` (and a message match). */
export function expectInvalid(action: () => unknown, path: string | undefined, message?: RegExp): void {
  let thrown: unknown;
  try {
    action();
  } catch (error) {
    thrown = error;
  }
  if (!isCumulocityError(thrown, 'InvalidInputError')) throw new Error(`expected InvalidInputError, got ${String(thrown)}`);
  expect(thrown.path).toBe(path);
  if (message) expect(thrown.message).toMatch(message);
}

/** Like expectInvalid for a promise. */
export async function expectInvalidAsync(action: () => Promise<unknown>, path: string | undefined, message?: RegExp): Promise<void> {
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
