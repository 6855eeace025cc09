/** See emulator.js (the implementation) and README.md. */
import type { Emulator, EmulatorOptions } from '@c8y/emulator';
import type { CumulocityRestClient, RestClientOptions } from '@c8y/rest-core';

/** Options of {@link useEmulator}: those of `startEmulator` (`seed`, `tenants`, `firstId`, …), and these. */
export interface UseEmulatorOptions extends EmulatorOptions {
  /**
   * Options of {@link EmulatorTest.client}, over the defaults: `baseUrl` the emulator's URL,
   * `auth` `new BasicAuth('t100/admin', 'admin-pass')` (the default tenant's admin), `retry`
   * `{ limit: 10, baseDelayMs: 1, maxDelayMs: 5 }` (fast, for tests that inject 429s and 503s).
   */
  client?: Partial<RestClientOptions>;
  /** Before each test, `emu.reset()`: back to the seeded tenants and users, no data, ids, PRNGs, faults and log reset. @default false */
  reset?: boolean;
  /** Before each test (after `reset`), `emu.faults.clear()` and `emu.requests.clear()`. @default true */
  clear?: boolean;
}

/** What {@link useEmulator} returns: the emulator and its client, there from `beforeAll` on (reading either earlier throws). */
export interface EmulatorTest {
  /** The running emulator. */
  readonly emu: Emulator;
  /** A client against it (see {@link UseEmulatorOptions.client}). */
  readonly client: CumulocityRestClient;
}

/**
 * Installs jest hooks for a test file against the in-process emulator: before all, starts it and
 * builds a client; before each test, `emu.reset()` if `reset`, then clears the faults and the
 * request log unless `clear` is false; after all, stops it.
 *
 * @example
 * const ctx = useEmulator({ seed: 11 });
 * let alarms: Alarms;
 * beforeAll(() => {
 *   alarms = new Alarms(ctx.client);
 * });
 * it('retries a 503', async () => {
 *   ctx.emu.faults.add({ kind: 'error', status: 503, path: '^/alarm/', times: 1 });
 *   // …
 * });
 */
export declare function useEmulator(options?: UseEmulatorOptions): EmulatorTest;
