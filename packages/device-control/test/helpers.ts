import { afterAll, afterEach, beforeAll, expect } from '@jest/globals';
import { BasicAuth, CumulocityRestClient, isCumulocityError } from '@c8y/rest-core';
import nock from 'nock';

export const BASE = 'https://t100.example.com';
export const mt = (name: string) => `application/vnd.com.nsn.cumulocity.${name}+json`;

/** A real client against nock: tenant t100 known, no retries. */
export function testClient(): CumulocityRestClient {
  return new CumulocityRestClient({ baseUrl: BASE, auth: new BasicAuth('t100/admin', 'secret'), tenantId: 't100', retry: false });
}

/** What the clients of {@link recordingClient} sent in the current test: `METHOD URL`, the query string as on the wire. */
export const sent: string[] = [];

/** A {@link testClient} that also records each request's method and URL in {@link sent}. */
export function recordingClient(): CumulocityRestClient {
  return new CumulocityRestClient({
    baseUrl: BASE,
    auth: new BasicAuth('t100/admin', 'secret'),
    tenantId: 't100',
    retry: false,
    fetch: (input, init) => {
      const request = new Request(input, init);
      sent.push(`${request.method} ${request.url}`);
      return globalThis.fetch(request);
    },
  });
}

/** Installs nock hooks: no real network, every interceptor must be used, no request left unmatched. */
export function useNock(): void {
  const unmatched: string[] = [];
  const record = (request: { method?: string; path?: string }) => unmatched.push(`${request.method ?? '?'} ${request.path ?? '?'}`);
  beforeAll(() => {
    nock.disableNetConnect();
    nock.emitter.on('no match', record);
  });
  afterEach(() => {
    sent.length = 0;
    const pending = nock.pendingMocks();
    nock.cleanAll();
    expect(pending).toEqual([]);
    expect(unmatched.splice(0)).toEqual([]);
  });
  afterAll(() => {
    nock.emitter.off('no match', record);
    nock.enableNetConnect();
  });
}

/** Asserts that `promise` rejects with an InvalidInputError naming `path` (and matching `message`). */
export async function expectInvalid(promise: Promise<unknown>, path: string | undefined, message?: RegExp): Promise<void> {
  const thrown = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!isCumulocityError(thrown, 'InvalidInputError')) throw new Error(`expected InvalidInputError, got ${String(thrown)}`);
  expect(thrown.path).toBe(path);
  if (message) expect(thrown.message).toMatch(message);
}
