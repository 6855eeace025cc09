import { beforeAll, describe, expect, it } from '@jest/globals';
import { isCumulocityError } from '@c8y/rest-core';
import { mt, useEmulator } from '../index.js';

// useEmulator's hooks, seen from the tests they run around: what the emulator and the client are,
// and what is reset or cleared between one test and the next. The tests of a describe run in order.

const createObject = (ctx: ReturnType<typeof useEmulator>, name: string) =>
  ctx.client.post<{ id: string }>('/inventory/managedObjects', { name }, { contentType: mt('managedobject'), accept: mt('managedobject') });
const names = async (ctx: ReturnType<typeof useEmulator>) =>
  (await ctx.client.get<{ managedObjects: { name: string }[] }>('/inventory/managedObjects?pageSize=100')).managedObjects.map((mo) => mo.name);

describe('useEmulator, default options', () => {
  const ctx = useEmulator({ seed: 3, firstId: 500 });
  let seenInBeforeAll: string | undefined;
  beforeAll(() => {
    seenInBeforeAll = ctx.client.baseUrl;
  });

  it('starts the emulator with the given options, before the beforeAll hooks declared after it', async () => {
    expect(seenInBeforeAll).toBe(ctx.emu.url);
    expect(ctx.emu.services.seed).toBe(3);
    expect((await createObject(ctx, 'first')).id).toBe('500');
  });

  it('the client: the emulator as the default tenant’s admin, fast retries', async () => {
    expect(String(ctx.client.auth)).toBe('BasicAuth(t100/admin)');
    expect(ctx.client.options.retry).toEqual({ limit: 10, baseDelayMs: 1, maxDelayMs: 5 });
    ctx.emu.faults.add({ kind: 'error', status: 503, method: 'GET', path: '^/inventory/', times: 2 });
    expect(await names(ctx)).toEqual(['first']); // the data stays from test to test
    expect(ctx.emu.requests.map((request) => request.status)).toEqual([503, 503, 200]);
  });

  it('before each test: the faults and the request log are cleared, the data stays', async () => {
    expect(ctx.emu.faults.list()).toEqual([]);
    expect(ctx.emu.requests).toHaveLength(0);
    expect(await names(ctx)).toEqual(['first']);
  });
});

describe('useEmulator({ reset: true, clear: false, client })', () => {
  const fault = { kind: 'error', status: 503, method: 'DELETE', path: '^/never/' } as const;
  const ctx = useEmulator({ seed: 4, faults: [fault], reset: true, clear: false, client: { retry: false, tenantId: 't100' } });

  it('the client options given replace the defaults, the others stay', async () => {
    expect(ctx.client.options.retry).toBe(false);
    expect(ctx.client.options.tenantId).toBe('t100');
    expect(String(ctx.client.auth)).toBe('BasicAuth(t100/admin)');
    ctx.emu.faults.add({ kind: 'error', status: 503, method: 'GET', path: '^/inventory/', times: 1 });
    const refused = await names(ctx).catch((error: unknown) => error);
    expect(isCumulocityError(refused, 'ServerError')).toBe(true); // no retry
  });

  it('before each test: emu.reset() (the faults of the options are back, the log is empty)', async () => {
    expect(ctx.emu.faults.list()).toEqual([fault]);
    expect(ctx.emu.requests).toHaveLength(0);
    await createObject(ctx, 'gone');
    ctx.emu.faults.clear();
  });

  it('… and no clear after it: the data is gone, the fault of the options is back', async () => {
    expect(ctx.emu.faults.list()).toEqual([fault]);
    expect(await names(ctx)).toEqual([]);
  });
});

describe('useEmulator({ reset: true })', () => {
  const ctx = useEmulator({ faults: [{ kind: 'error', status: 503, method: 'DELETE', path: '^/never/' }], reset: true });

  it('before each test: emu.reset(), then the clear (also of the faults of the options)', () => {
    expect(ctx.emu.faults.list()).toEqual([]);
  });
});

describe('useEmulator, read too early', () => {
  const ctx = useEmulator();
  const early = (read: () => unknown) => {
    try {
      read();
    } catch (error) {
      return String(error);
    }
    return 'no error';
  };
  const messages = [early(() => ctx.emu), early(() => ctx.client)];

  it('reading emu or client while the file loads throws, naming it', () => {
    expect(messages).toEqual([expect.stringContaining('useEmulator: emu is there from beforeAll on'), expect.stringContaining('useEmulator: client is there from beforeAll on')]);
  });
});
