/** See index.js (the implementation) and README.md. */
import type { CumulocityRestClient } from '@c8y/rest-core';

export { useEmulator, type EmulatorTest, type UseEmulatorOptions } from './emulator.js';

/** The test tenant's URL. */
export declare const BASE: 'https://t100.example.com';

/** The Cumulocity media type `application/vnd.com.nsn.cumulocity.<name>+json`. */
export declare const mt: (name: string) => string;

/** A real client against nock: tenant t100 known, no retries. */
export declare function testClient(): CumulocityRestClient;

/** What the clients of {@link recordingClient} sent in the current test: `METHOD URL`, the query string as on the wire. Cleared after each test by {@link useNock}. */
export declare const sent: string[];

/** A {@link testClient} that also records each request's method and URL in {@link sent}. */
export declare function recordingClient(): CumulocityRestClient;

/** The checks {@link useNock} installs. */
export interface NockChecks {
  /** Before all: no real network; starts recording unmatched requests. */
  start(): void;
  /** After each: clears {@link sent} and all interceptors; fails if an interceptor was not used or a request matched none. */
  check(): void;
  /** After all: stops recording; real network allowed again. */
  stop(): void;
}

/** The checks {@link useNock} installs, callable on their own (e.g. to test them). */
export declare function nockChecks(): NockChecks;

/** Installs nock hooks: no real network, every interceptor must be used, no request left unmatched. */
export declare function useNock(): void;

/** Asserts that `promise` rejects with an InvalidInputError naming `path` (and matching `message`). */
export declare function expectInvalid(promise: Promise<unknown>, path: string | undefined, message?: RegExp): Promise<void>;
