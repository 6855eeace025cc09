// Shared helpers for the nock tests of the @c8y packages. Plain ESM, no build step: the types are
// in index.d.ts (keep the two in step). See README.md.
import { afterAll, afterEach, beforeAll, expect } from '@jest/globals';
import { BasicAuth, CumulocityRestClient, isCumulocityError } from '@c8y/rest-core';
import nock from 'nock';

export { useEmulator } from './emulator.js';

export const BASE = 'https://t100.example.com';

/** @param {string} name */
export const mt = (name) => `application/vnd.com.nsn.cumulocity.${name}+json`;

/** A real client against nock: tenant t100 known, no retries. */
export function testClient() {
  return new CumulocityRestClient({ baseUrl: BASE, auth: new BasicAuth('t100/admin', 'secret'), tenantId: 't100', retry: false });
}

/**
 * What the clients of {@link recordingClient} sent in the current test: `METHOD URL`, the query string as on the wire.
 * @type {string[]}
 */
export const sent = [];

/** A {@link testClient} that also records each request's method and URL in {@link sent}. */
export function recordingClient() {
  return new CumulocityRestClient({
    baseUrl: BASE,
    auth: new BasicAuth('t100/admin', 'secret'),
    tenantId: 't100',
    retry: false,
    fetch: (input, init) => {
      const request = new globalThis.Request(input, init);
      sent.push(`${request.method} ${request.url}`);
      return globalThis.fetch(request);
    },
  });
}

/**
 * The checks {@link useNock} installs, callable on their own: `start` (before all), `check`
 * (after each: clears {@link sent}, then fails on a pending interceptor or an unmatched request)
 * and `stop` (after all).
 */
export function nockChecks() {
  /** @type {string[]} */
  const unmatched = [];
  /** @param {{ method?: string; path?: string }} request */
  const record = (request) => unmatched.push(`${request.method ?? '?'} ${request.path ?? '?'}`);
  return {
    start() {
      nock.disableNetConnect();
      nock.emitter.on('no match', record);
    },
    check() {
      sent.length = 0;
      const pending = nock.pendingMocks();
      nock.cleanAll();
      expect(pending).toEqual([]);
      expect(unmatched.splice(0)).toEqual([]);
    },
    stop() {
      nock.emitter.off('no match', record);
      nock.enableNetConnect();
    },
  };
}

/** Installs nock hooks: no real network, every interceptor must be used, no request left unmatched. */
export function useNock() {
  const checks = nockChecks();
  beforeAll(() => {
    checks.start();
  });
  afterEach(() => {
    checks.check();
  });
  afterAll(() => {
    checks.stop();
  });
}

/**
 * Asserts that `promise` rejects with an InvalidInputError naming `path` (and matching `message`).
 * @param {Promise<unknown>} promise
 * @param {string | undefined} path
 * @param {RegExp} [message]
 * @returns {Promise<void>}
 */
export async function expectInvalid(promise, path, message) {
  const thrown = await promise.then(
    () => undefined,
    (/** @type {unknown} */ error) => error,
  );
  if (!isCumulocityError(thrown, 'InvalidInputError')) throw new Error(`expected InvalidInputError, got ${String(thrown)}`);
  expect(thrown.path).toBe(path);
  if (message) expect(thrown.message).toMatch(message);
}
