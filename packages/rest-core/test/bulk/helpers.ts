import { afterEach, beforeAll, expect } from '@jest/globals';
import nock from 'nock';
import { CumulocityRestClient } from '../../src/index.js';
import { testAuth } from '../client/test-auth.js';

/** The tenant URL the nock wire tests of this folder answer on. */
export const base = 'https://t100.example.com';

/** Every request the clients of {@link recordingClient} sent in the current test. */
export const requests: Request[] = [];

/** A client without retries that records its requests in {@link requests}. */
export const recordingClient = (options: { tenantId?: string } = {}) =>
  new CumulocityRestClient({
    baseUrl: base,
    auth: testAuth,
    retry: false,
    ...options,
    fetch: (input, init) => {
      const request = new Request(input, init);
      requests.push(request);
      return globalThis.fetch(request);
    },
  });

/** No real network; after each test every nock scope must have been used, and the record is reset. */
export function useNockWire(): void {
  beforeAll(() => nock.disableNetConnect());
  afterEach(() => {
    requests.length = 0;
    const pending = nock.pendingMocks();
    nock.cleanAll();
    expect(pending).toEqual([]);
  });
}
