import { beforeEach, describe, expect, it } from '@jest/globals';
import { CumulocityRestClient, type RestClientOptions } from '../../src/index.js';
import { testAuth, testAuthorization } from './test-auth.js';

// What the client's own options put on the wire, and what `client.options` gives back.

const base = 'https://t100.example.com';
let sent: Request[] = [];
const recordingFetch = async (input: RequestInfo | URL, init?: RequestInit) => {
  sent.push(new Request(input, init));
  return new Response('{"id":"1"}', { status: 200, headers: { 'Content-Type': 'application/json' } });
};
const client = (options: Partial<RestClientOptions> = {}) =>
  new CumulocityRestClient({ baseUrl: base, auth: testAuth, retry: false, fetch: recordingFetch, ...options });

/** The one request sent. */
function only(): Request {
  expect(sent).toHaveLength(1);
  return sent[0] as Request;
}

beforeEach(() => {
  sent = [];
});

describe('client.options', () => {
  it('holds a frozen copy of the given headers, unchanged by later edits of the original', () => {
    const headers: Record<string, string> = { 'X-Custom': 'one', 'X-Other': 'two' };
    const c = client({ headers });
    headers['X-Custom'] = 'changed';
    headers['X-Added'] = 'three';

    expect(c.options.headers).toEqual({ 'X-Custom': 'one', 'X-Other': 'two' });
    expect(c.options.headers).not.toBe(headers);
    expect(Object.isFrozen(c.options.headers)).toBe(true);
    expect(Object.isFrozen(c.options)).toBe(true);
  });

  it('without headers, has none', () => {
    expect(client().options.headers).toBeUndefined();
  });

  it('later edits of the given headers do not reach the wire', async () => {
    const headers: Record<string, string> = { 'X-Custom': 'one' };
    const c = client({ headers });
    headers['X-Custom'] = 'changed';
    await c.get('/x');
    expect(only().headers.get('x-custom')).toBe('one');
  });
});

describe('the application key', () => {
  it('is sent as X-Cumulocity-Application-Key when given', async () => {
    await client({ applicationKey: 'app-key-1' }).get('/x');
    expect(only().headers.get('x-cumulocity-application-key')).toBe('app-key-1');
  });

  it('without one, no X-Cumulocity-Application-Key header is sent at all', async () => {
    await client().get('/x');
    const request = only();
    expect(request.headers.has('x-cumulocity-application-key')).toBe(false);
    expect([...request.headers.keys()].sort()).toEqual(['accept', 'authorization']);
    expect(request.headers.get('authorization')).toBe(testAuthorization);
  });
});

describe('downloadBytes', () => {
  it('asks for any media type (Accept: */*) by default', async () => {
    await client().downloadBytes('/inventory/binaries/7');
    expect(only().headers.get('accept')).toBe('*/*');
  });

  it('a per-call accept replaces the default', async () => {
    await client().downloadBytes('/inventory/binaries/7', { accept: 'application/pdf' });
    expect(only().headers.get('accept')).toBe('application/pdf');
  });
});

describe('the URL on the wire', () => {
  it.each([
    ['a query string, no params', '/alarm/alarms?status=ACTIVE', undefined, `${base}/alarm/alarms?status=ACTIVE`],
    ['a query string, empty params', '/alarm/alarms?status=ACTIVE', {}, `${base}/alarm/alarms?status=ACTIVE`],
    ['a query string, params that are all undefined', '/alarm/alarms?status=ACTIVE', { skipped: undefined }, `${base}/alarm/alarms?status=ACTIVE`],
    ['two query parameters, no params', '/alarm/alarms?status=ACTIVE&pageSize=5', undefined, `${base}/alarm/alarms?status=ACTIVE&pageSize=5`],
    ['no query string, no params', '/alarm/alarms', undefined, `${base}/alarm/alarms`],
    ['no query string, params', '/alarm/alarms', { pageSize: 5 }, `${base}/alarm/alarms?pageSize=5`],
  ])('%s: %s is sent exactly as expected', async (_name, path, params, expected) => {
    await client().get(path, params === undefined ? {} : { params });
    expect(only().url).toBe(expected);
  });
});
