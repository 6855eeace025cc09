import { expect } from '@jest/globals';
import type { AuthStrategy } from '../../src/auth/auth-strategy.js';
import { CumulocityRestClient, type RestClientOptions } from '../../src/index.js';
import type { TestServer } from './test-server.js';

/** A distinctive password, so a leak cannot hide behind a common substring. */
export const password = 'Pa55-w0rd-XYZZY';
export const credentials = `t1/u:${password}`;
export const authorization = `Basic ${btoa(credentials)}`;

/** A tiny local strategy (the real ones are tested in test/auth). */
export const testAuth: AuthStrategy = {
  authorize(headers) {
    headers.set('Authorization', authorization);
  },
  tenantId: 't1',
  toString: () => 'TestAuth',
};

/** Fast retries for real-socket tests: 10 ms, 20 ms, 40 ms… capped at 50 ms, no jitter. */
export const fastRetry = { baseDelayMs: 10, maxDelayMs: 50, jitter: false } as const;

/** A client for `server` with fast retries; `options` override. */
export function clientFor(server: Pick<TestServer, 'url'>, options: Partial<RestClientOptions> = {}): CumulocityRestClient {
  return new CumulocityRestClient({ baseUrl: server.url, auth: testAuth, retry: fastRetry, ...options });
}

/**
 * A `fetch` for the client that counts the attempts it makes. The retry loop sends attempts one
 * after another and settles the call only once it has stopped, so the count when the call settles
 * is final: "not retried" is `attempts() === 1` then, with no waiting for a retry that might come.
 */
export function countingFetch(): { fetch: typeof globalThis.fetch; attempts: () => number } {
  let attempts = 0;
  return {
    fetch: (input, init) => {
      attempts++;
      return globalThis.fetch(input, init);
    },
    attempts: () => attempts,
  };
}

/**
 * {@link countingFetch} that also opens `headArrived` once the first reply head has reached the
 * client: a handler that waits for it before resetting the connection resets it in the middle of
 * the body for sure, however slow the machine (a timer could fire before the head arrived).
 */
export function headSignalFetch(): { fetch: typeof globalThis.fetch; attempts: () => number; headArrived: Promise<void> } {
  const counted = countingFetch();
  let open: () => void = () => undefined;
  const headArrived = new Promise<void>((resolve) => (open = resolve));
  return {
    fetch: async (input, init) => {
      const response = await counted.fetch(input, init);
      open();
      return response;
    },
    attempts: counted.attempts,
    headArrived,
  };
}

/** Settles `promise` and returns what it rejected with; fails the test if it resolved. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  let value: unknown;
  try {
    value = await promise;
  } catch (error) {
    return error;
  }
  throw new Error(`expected a rejection, got ${String(JSON.stringify(value))}`);
}

/**
 * True for an error from any realm: errors thrown by Node's own fetch are not `instanceof` the
 * `Error` of jest's VM context.
 */
export function isErrorLike(value: unknown): value is Error {
  return typeof value === 'object' && value !== null && typeof (value as { message?: unknown }).message === 'string' && typeof (value as { name?: unknown }).name === 'string';
}

/** Asserts that neither the message, `String()`, `JSON.stringify` nor the causes of `error` hold a credential. */
export function expectNoSecrets(error: unknown): void {
  expect(isErrorLike(error)).toBe(true);
  const texts: string[] = [JSON.stringify(error)];
  for (let current: unknown = error, depth = 0; isErrorLike(current) && depth < 5; current = current.cause, depth++) {
    texts.push(current.message, String(current));
  }
  for (const text of texts) {
    for (const secret of [authorization, btoa(credentials), credentials, password]) {
      expect(text).not.toContain(secret);
    }
  }
}
