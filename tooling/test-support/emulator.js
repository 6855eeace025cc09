// useEmulator: the jest hooks of a test file that runs against the in-process emulator. Plain ESM,
// no build step: the types are in emulator.d.ts (keep the two in step). See README.md.
import { afterAll, beforeAll, beforeEach } from '@jest/globals';
import { BasicAuth, CumulocityRestClient } from '@c8y/rest-core';

/**
 * Installs the hooks: before all, starts an emulator and builds a client against it; before each
 * test, `emu.reset()` if `reset`, then `emu.faults.clear()` and `emu.requests.clear()` unless
 * `clear` is false; after all, stops the emulator. The emulator is imported when it starts, so a
 * nock test importing `@c8y/test-support` does not load it. An example: emulator.d.ts.
 *
 * @param {import('./emulator.js').UseEmulatorOptions} [options]
 * @returns {import('./emulator.js').EmulatorTest}
 */
export function useEmulator(options = {}) {
  const { client: clientOptions, reset = false, clear = true, ...emulatorOptions } = options;
  /** @type {import('@c8y/emulator').Emulator | undefined} */
  let emu;
  /** @type {CumulocityRestClient | undefined} */
  let client;
  beforeAll(async () => {
    const { startEmulator } = await import('@c8y/emulator');
    emu = await startEmulator(emulatorOptions);
    // The admin of the emulator's default tenant (DEFAULT_TENANTS); fast retries, for the tests that inject 429s and 503s.
    client = new CumulocityRestClient({ baseUrl: emu.url, auth: new BasicAuth('t100/admin', 'admin-pass'), retry: { limit: 10, baseDelayMs: 1, maxDelayMs: 5 }, ...clientOptions });
  });
  afterAll(async () => {
    await emu?.stop();
  });
  beforeEach(() => {
    const started = running(emu, 'emu');
    if (reset) started.reset();
    if (clear) {
      started.faults.clear();
      started.requests.clear();
    }
  });
  return {
    get emu() {
      return running(emu, 'emu');
    },
    get client() {
      return running(client, 'client');
    },
  };
}

/**
 * @template T
 * @param {T | undefined} value
 * @param {string} name
 * @returns {T}
 */
function running(value, name) {
  if (value === undefined) throw new Error(`useEmulator: ${name} is there from beforeAll on (read it in a hook or a test, not while the file loads)`);
  return value;
}
