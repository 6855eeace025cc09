import { beforeAll, describe, expect, it } from '@jest/globals';
import { isCumulocityError } from '@c8y/rest-core';
import { TenantOptions } from '../src/index.js';
import { useEmulator } from './helpers.js';

// TenantOptions over real HTTP against the emulator: options written and read back by category,
// one by one and all at once, encrypted options, the current tenant and its login options — also
// while the server answers 429 and 503 at random.

const ctx = useEmulator({ seed: 17, reset: true });
let tenantOptions: TenantOptions;

beforeAll(() => {
  tenantOptions = new TenantOptions(ctx.client);
});

const errorOf = async (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

describe('tenant options against the emulator', () => {
  it('round trip by category: set, setAll, getCategory, get, getValue, listing, delete', async () => {
    await tenantOptions.set('cx.settings', 'mode', 'slow');
    await tenantOptions.set('cx.settings', 'mode', 'fast'); // set replaces
    await tenantOptions.set('cx.other', 'key with spaces?#', 'x');
    expect(await tenantOptions.setAll('cx.settings', { level: '3', colour: 'blue' })).toEqual({ mode: 'fast', level: '3', colour: 'blue' });

    expect(await tenantOptions.getCategory('cx.settings')).toEqual({ mode: 'fast', level: '3', colour: 'blue' });
    expect(await tenantOptions.getCategory('cx.empty')).toEqual({});
    const one = await tenantOptions.get('cx.other', 'key with spaces?#');
    expect([one.category, one.key, one.value]).toEqual(['cx.other', 'key with spaces?#', 'x']);
    expect(await tenantOptions.getValue('cx.settings', 'level', '0')).toBe('3');
    expect(await tenantOptions.getValue('cx.settings', 'nothing', 'default')).toBe('default');

    const listed = await tenantOptions.getAll({ asValues: ['category', 'key', 'value'] });
    expect(listed.filter(([category]) => String(category).startsWith('cx.')).sort()).toEqual([
      ['cx.other', 'key with spaces?#', 'x'],
      ['cx.settings', 'colour', 'blue'],
      ['cx.settings', 'level', '3'],
      ['cx.settings', 'mode', 'fast'],
    ]);

    await tenantOptions.delete('cx.settings', 'colour');
    expect(await tenantOptions.getCategory('cx.settings')).toEqual({ mode: 'fast', level: '3' });
    expect(isCumulocityError(await errorOf(tenantOptions.delete('cx.settings', 'colour')), 'NotFoundError')).toBe(true);
    expect(isCumulocityError(await errorOf(tenantOptions.get('cx.settings', 'colour')), 'NotFoundError')).toBe(true);
  });

  it('credentials. options are write-only: reads give the placeholder', async () => {
    const stored = await tenantOptions.set('cx.settings', 'credentials.token', 's3cr3t');
    expect(stored.key).toBe('credentials.token');
    expect(await tenantOptions.getValue('cx.settings', 'credentials.token')).toBe('<<Encrypted>>');
    expect((await tenantOptions.getCategory('cx.settings'))['credentials.token']).toBe('<<Encrypted>>');
  });

  it('a key with "/" never reaches the server', async () => {
    const error = await errorOf(tenantOptions.set('cx.settings', 'a/b', 'v'));
    expect(isCumulocityError(error, 'InvalidInputError')).toBe(true);
    expect(ctx.emu.requests.filter((request) => request.path.startsWith('/tenant/options'))).toEqual([]);
  });

  it('the current tenant and its login options', async () => {
    const tenant = await tenantOptions.getCurrentTenant();
    expect(tenant.name).toBe('t100');
    const types = (await tenantOptions.getLoginOptions()).map((option) => option.type);
    expect(types).toEqual(['OAUTH2_INTERNAL', 'BASIC']);
    expect((await tenantOptions.getLoginOptions({ tenantId: 't100' })).map((option) => option.type)).toEqual(types);
  });

  it('under injected 429s and 503s: every option written once and read back exactly', async () => {
    ctx.emu.faults.add({ kind: 'rateLimit', retryAfter: 0, path: '^/tenant/options', probability: 0.3 });
    // A POST is not repeated after a 5xx (the client cannot know it was not applied): 503s hit the idempotent methods.
    for (const method of ['GET', 'PUT', 'DELETE']) ctx.emu.faults.add({ kind: 'error', status: 503, method, path: '^/tenant/options', probability: 0.3 });

    const categories = ['cx.a', 'cx.b', 'cx.c'];
    await Promise.all(categories.flatMap((category) => Array.from({ length: 6 }, (_, index) => tenantOptions.set(category, `k${index}`, `${category}-${index}`))));
    await Promise.all(categories.map((category) => tenantOptions.setAll(category, { k0: 'replaced', extra: 'e' })));
    await Promise.all(categories.map((category) => tenantOptions.delete(category, 'k5')));

    const expected = (category: string) => ({
      k0: 'replaced',
      ...Object.fromEntries([1, 2, 3, 4].map((index) => [`k${index}`, `${category}-${index}`])),
      extra: 'e',
    });
    for (const category of categories) expect(await tenantOptions.getCategory(category)).toEqual(expected(category));
    const values = await Promise.all(categories.map((category) => tenantOptions.getValue(category, 'k3')));
    expect(values).toEqual(categories.map((category) => `${category}-3`));
    const listed = await tenantOptions.getAll({ pageSize: 4, asValues: ['category', 'key'] });
    expect(listed.filter(([category]) => String(category).startsWith('cx.'))).toHaveLength(categories.length * 6);

    const statuses = ctx.emu.requests.filter((request) => request.path.startsWith('/tenant/options')).map((request) => request.status);
    expect(statuses).toContain(429);
    expect(statuses).toContain(503);
  });
});
