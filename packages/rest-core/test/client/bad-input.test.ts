import { describe, expect, it } from '@jest/globals';
import { CumulocityRestClient, apiPath, encodePathSegment, isCumulocityError, normalizeBaseUrl, type RestClientOptions } from '../../src/index.js';
import { testAuth } from './test-auth.js';

const base = 'https://t100.example.com';
// Every request that reaches the network layer is recorded: bad input must be caught before.
const sent: string[] = [];
const recordingFetch = async (input: RequestInfo | URL, init?: RequestInit) => {
  sent.push(new Request(input, init).url);
  return new Response('{}', { status: 200, headers: { 'Content-Type': 'application/json' } });
};

function expectInvalid(action: () => unknown, path: string, message?: RegExp): void {
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

const options = (extra: Record<string, unknown>) => ({ baseUrl: base, auth: testAuth, ...extra }) as unknown as RestClientOptions;

describe('client options are validated at construction', () => {
  it.each([
    [{ baseUrl: '' }, 'options.baseUrl', /required/],
    [{ baseUrl: 'ftp://host' }, 'options.baseUrl', /http or https/],
    [{ baseUrl: 'https://user:pw@host' }, 'options.baseUrl', /credentials/],
    [{ baseUrl: 'https://host/?x=1' }, 'options.baseUrl', /query string/],
    [{ baseUrl: 'https://exa mple.com' }, 'options.baseUrl', /not a valid URL/],
    [{ baseUrl: 42 }, 'options.baseUrl', /required/],
    [{ auth: undefined }, 'options.auth', /auth strategy/],
    [{ auth: { user: 'x' } }, 'options.auth', /auth strategy/],
    [{ timeout: -1 }, 'options.timeout', /positive number/],
    [{ timeout: 'fast' }, 'options.timeout', /positive number/],
    [{ totalTimeout: 0 }, 'options.totalTimeout', /positive number/],
    [{ retry: -2 }, 'options.retry', /retry/],
    [{ retry: { limit: 1.5 } }, 'options.retry.limit', /integer/],
    [{ retry: { baseDelayMs: -1 } }, 'options.retry.baseDelayMs', /negative/],
    [{ retry: { tries: 3 } }, 'options.retry', /retry/],
    [{ maxConcurrent: 0 }, 'options.maxConcurrent', /at least 1/],
    [{ processingMode: 'FAST' }, 'options.processingMode', /PERSISTENT/],
    [{ tenantId: 't1/../x' }, 'options.tenantId', /tenant id/],
    [{ headers: { 'X-Evil': 'a\r\nInjected: yes' } }, 'options.headers.X-Evil', /CR, LF/],
    [{ headers: { 'Bad Name': 'x' } }, 'options.headers.Bad Name', /header name/],
    [{ applicationKey: 'key\nX-Other: 1' }, 'options.applicationKey', /CR, LF/],
    [{ fetch: 'fetch' }, 'options.fetch', /fetch function/],
  ])('%j → %s', (extra, path, message) => {
    expectInvalid(() => new CumulocityRestClient(options(extra)), path, message);
  });

  it('normalises the base URL', () => {
    expect(normalizeBaseUrl('mytenant.cumulocity.com')).toBe('https://mytenant.cumulocity.com');
    expect(normalizeBaseUrl(' https://mytenant.cumulocity.com/// ')).toBe('https://mytenant.cumulocity.com');
    expect(normalizeBaseUrl('http://127.0.0.1:8111/c8y/')).toBe('http://127.0.0.1:8111/c8y');
    expect(normalizeBaseUrl('HTTPS://Host.Example.com:443/')).toBe('https://host.example.com');
  });
});

describe('ids are path-encoded', () => {
  it.each([
    ['a/b', 'a%2Fb'],
    ['x?y=1', 'x%3Fy%3D1'],
    ['x#frag', 'x%23frag'],
    ['../tenant/options', '..%2Ftenant%2Foptions'],
    ['100%', '100%25'],
    ['a b', 'a%20b'],
    [12345, '12345'],
  ])('%p → %p', (id, encoded) => {
    expect(encodePathSegment(id)).toBe(encoded);
    expect(apiPath`/inventory/managedObjects/${id}/childDevices`).toBe(`/inventory/managedObjects/${encoded}/childDevices`);
  });

  it.each([[''], ['.'], ['..'], [null], [undefined], [{}], [Number.NaN]])('refuses %p', (id) => {
    expectInvalid(() => apiPath`/inventory/managedObjects/${id as string}`, 'path segment 1');
  });

  it('keeps an encoded id within its segment on the wire', async () => {
    await new CumulocityRestClient({ baseUrl: base, auth: testAuth, fetch: recordingFetch }).get(
      apiPath`/inventory/managedObjects/${'../../tenant/options'}`,
    );
    expect(sent.at(-1)).toBe(`${base}/inventory/managedObjects/..%2F..%2Ftenant%2Foptions`);
  });
});

describe('per-call input is checked before sending', () => {
  const client = new CumulocityRestClient({ baseUrl: base, auth: testAuth, fetch: recordingFetch });
  const rejectsInvalid = async (promise: Promise<unknown>, path: string) => {
    const error = await promise.catch((e: unknown) => e);
    if (!isCumulocityError(error, 'InvalidInputError')) throw new Error(`expected InvalidInputError, got ${String(error)}`);
    expect(error.path).toBe(path);
  };

  it('refuses CR/LF in per-call headers and media types', async () => {
    const before = sent.length;
    await rejectsInvalid(client.get('/x', { headers: { 'X-A': 'v\r\nSet-Cookie: a=b' } }), 'headers.X-A');
    await rejectsInvalid(client.get('/x', { accept: 'application/json\r\nX: y' }), 'options.accept');
    await rejectsInvalid(client.post('/x', {}, { contentType: 'a\nb' }), 'options.contentType');
    expect(sent.length).toBe(before);
  });

  it('refuses absolute URLs on another origin or outside the base path (no credentials leave)', async () => {
    const before = sent.length;
    await rejectsInvalid(client.get('https://evil.example.com/inventory/managedObjects'), 'path');
    await rejectsInvalid(client.get('http://t100.example.com/inventory/managedObjects'), 'path');
    await rejectsInvalid(client.get('//evil.example.com/x'), 'path');
    const prefixed = new CumulocityRestClient({ baseUrl: 'https://proxy.example.com/c8y', auth: testAuth, fetch: recordingFetch });
    await rejectsInvalid(prefixed.get('https://proxy.example.com/other/x'), 'path');
    await rejectsInvalid(prefixed.get('https://proxy.example.com/c8yx/y'), 'path');
    await rejectsInvalid(client.get('relative/path'), 'path');
    expect(sent.length).toBe(before);
  });

  it('refuses bodies that are not JSON', async () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    await rejectsInvalid(client.post('/x', cyclic), 'body');
    await rejectsInvalid(client.post('/x', { n: BigInt(1) }), 'body');
    expect(sent).not.toContain(`${base}/x`);
  });

  it('refuses bad per-call options', async () => {
    await rejectsInvalid(client.get('/x', { timeout: -5 }), 'options.timeout');
    await rejectsInvalid(client.get('/x', { processingMode: 'NOPE' as never }), 'options.processingMode');
    await rejectsInvalid(client.get('/x', { signal: 'stop' as never }), 'options.signal');
  });
});

describe('secrets stay out of descriptions', () => {
  it('the client serialises without credentials', () => {
    const client = new CumulocityRestClient({ baseUrl: base, auth: testAuth });
    expect(JSON.stringify(client)).toBe('{"baseUrl":"https://t100.example.com","auth":"TestAuth(t100/admin)","tenantId":"t100"}');
    expect(String(client)).toBe('CumulocityRestClient(https://t100.example.com, TestAuth(t100/admin))');
  });
});
