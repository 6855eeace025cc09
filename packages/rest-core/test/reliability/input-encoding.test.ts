import { describe, expect, it } from '@jest/globals';
import { apiPath, CumulocityRestClient, encodePathSegment, isCumulocityError, normalizeBaseUrl, toQueryString } from '../../src/index.js';
import { testAuth } from '../helpers/transport-client.js';

// Every request that reaches the network layer is recorded: bad input must be refused before.
const sent: string[] = [];
const recordingFetch = async (input: RequestInfo | URL, init?: RequestInit) => {
  sent.push(new Request(input, init).url);
  return new Response('{}', { status: 200, headers: { 'Content-Type': 'application/json' } });
};
const clientAt = (baseUrl: string) => new CumulocityRestClient({ baseUrl, auth: testAuth, fetch: recordingFetch, retry: false });

function invalid(action: () => unknown): { path?: string; message: string } {
  try {
    action();
  } catch (error) {
    if (isCumulocityError(error, 'InvalidInputError')) return error;
    throw new Error(`expected InvalidInputError, got ${String(error)}`);
  }
  throw new Error('expected InvalidInputError, nothing was thrown');
}

async function invalidAsync(promise: Promise<unknown>): Promise<{ path?: string; message: string }> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (isCumulocityError(error, 'InvalidInputError')) return error;
  throw new Error(`expected InvalidInputError, got ${String(error)}`);
}

const loneHigh = '\uD800';
const loneLow = 'a\uDC00b';

describe('lone UTF-16 surrogates (no UTF-8 form): InvalidInputError naming the parameter, not a URIError', () => {
  it.each([loneHigh, loneLow, `x${loneHigh}`])('in a path segment: %j', (value) => {
    expect(invalid(() => apiPath`/inventory/managedObjects/${'1'}/x/${value}`)).toMatchObject({ path: 'path segment 2', message: expect.stringContaining('lone UTF-16 surrogate') });
    expect(invalid(() => encodePathSegment(value, 'source.id')).path).toBe('source.id');
  });

  it('in a query value or key', () => {
    expect(invalid(() => toQueryString({ type: 'ok', text: `bad${loneHigh}` }))).toMatchObject({ path: 'params.text' });
    expect(invalid(() => toQueryString({ ids: ['1', loneLow] }))).toMatchObject({ path: 'params.ids' });
    expect(invalid(() => toQueryString({ [`k${loneHigh}`]: 'v' })).path).toBe(`params.k${loneHigh}`);
  });

  it('an invalid Date as a query value is named too', () => {
    expect(invalid(() => toQueryString({ dateFrom: new Date('not a date') }))).toMatchObject({ path: 'params.dateFrom', message: expect.stringContaining('invalid Date') });
  });

  it('through the client: refused before anything is sent (params and raw paths)', async () => {
    const client = clientAt('https://t100.example.com');
    const before = sent.length;
    expect((await invalidAsync(client.get('/inventory/managedObjects', { params: { text: loneHigh } }))).path).toBe('params.text');
    expect((await invalidAsync(client.get(`/inventory/managedObjects/${loneLow}`))).path).toBe('path');
    expect(sent.length).toBe(before);
  });

  it('well-formed pairs (emoji, CJK) are encoded as UTF-8', async () => {
    expect(apiPath`/identity/externalIds/c8y_Serial/${'😀温'}`).toBe('/identity/externalIds/c8y_Serial/%F0%9F%98%80%E6%B8%A9');
    expect(toQueryString({ name: '😀' })).toBe('?name=%F0%9F%98%80');
    await clientAt('https://t100.example.com').get('/inventory/managedObjects', { params: { name: '😀' } });
    expect(sent.at(-1)).toBe('https://t100.example.com/inventory/managedObjects?name=%F0%9F%98%80');
  });
});

describe('a base path cannot be climbed out of', () => {
  it.each([
    'https://proxy.example/c8y/../outside',
    'https://proxy.example/c8y/%2e%2e/outside',
    'https://proxy.example/c8y/%2E./outside',
    'https://proxy.example/c8y/..',
    'https://proxy.example/c8y/./x',
    'proxy.example/c8y/../outside',
    'https://proxy.example/c8y\\..\\outside',
  ])('baseUrl %j is refused', (baseUrl) => {
    expect(invalid(() => normalizeBaseUrl(baseUrl)).path).toBe('baseUrl');
    expect(invalid(() => clientAt(baseUrl)).path).toBe('options.baseUrl');
  });

  it('a base path that only looks like dots is kept', () => {
    expect(normalizeBaseUrl('https://proxy.example/c8y.v2/...x/')).toBe('https://proxy.example/c8y.v2/...x');
  });

  it.each([
    '/../outside',
    '/../../tenant/options',
    '/inventory/../../outside',
    '/%2e%2e/outside',
    '/.%2E/outside',
    '/..\\outside',
    'https://proxy.example.com/c8y/../outside',
    'https://proxy.example.com/c8y/%2e%2e/outside',
  ])('path %j under baseUrl https://proxy.example.com/c8y is refused, nothing is sent', async (path) => {
    const before = sent.length;
    const error = await invalidAsync(clientAt('https://proxy.example.com/c8y').get(path));
    expect(error.path).toBe('path');
    expect(sent.length).toBe(before);
  });

  it('a path whose dot segments stay inside the prefix resolves there; an encoded id stays one segment', async () => {
    const client = clientAt('https://proxy.example.com/c8y');
    await client.get('/inventory/../event/events');
    expect(sent.at(-1)).toBe('https://proxy.example.com/c8y/event/events');
    await client.get(apiPath`/inventory/managedObjects/${'../../../outside'}`);
    expect(sent.at(-1)).toBe('https://proxy.example.com/c8y/inventory/managedObjects/..%2F..%2F..%2Foutside');
  });
});
