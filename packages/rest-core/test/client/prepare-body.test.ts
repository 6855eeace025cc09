import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import { CumulocityRestClient, isCumulocityError } from '../../src/index.js';
import { testAuth } from './test-auth.js';
import { rejectionOf } from '../helpers/transport-client.js';

// Request bodies on the wire: what is sent as it is, what is serialised as JSON, the default
// Content-Type, and the bodies that cannot be sent (refused before any request).

const base = 'https://t100.example.com';
const client = () => new CumulocityRestClient({ baseUrl: base, auth: testAuth, retry: false });

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  expect(pending).toEqual([]);
});

/** Expects one POST /x and records its body and Content-Type. */
function recordPost(): { body?: string; contentType?: string | string[] } {
  const seen: { body?: string; contentType?: string | string[] } = {};
  nock(base)
    .post('/x')
    .reply(function (_uri, body) {
      seen.body = typeof body === 'string' ? body : JSON.stringify(body);
      seen.contentType = this.req.headers['content-type'];
      return [201, {}];
    });
  return seen;
}

describe('bodies sent as they are', () => {
  it.each([
    ['a string', () => '{"type":"pre-serialised"}'],
    ['a Uint8Array', () => new TextEncoder().encode('{"type":"pre-serialised"}')],
    ['an ArrayBuffer', () => new TextEncoder().encode('{"type":"pre-serialised"}').buffer],
    ['a DataView', () => new DataView(new TextEncoder().encode('{"type":"pre-serialised"}').buffer)],
    ['a Blob', () => new Blob(['{"type":"pre-serialised"}'])],
  ])('%s goes on the wire unchanged, as application/json unless told otherwise', async (_, body) => {
    const seen = recordPost();
    await client().post('/x', body());
    expect(seen).toEqual({ body: '{"type":"pre-serialised"}', contentType: 'application/json' });
  });

  it('a string is not quoted as a JSON string, and an explicit contentType wins', async () => {
    const seen = recordPost();
    await client().post('/x', 'a,b\n1,2', { contentType: 'text/csv' });
    expect(seen).toEqual({ body: 'a,b\n1,2', contentType: 'text/csv' });
  });

  it('URLSearchParams are sent form-encoded, labelled as a form (not as JSON)', async () => {
    const seen = recordPost();
    await client().post('/x', new URLSearchParams({ a: '1', b: 'x y' }));
    expect(seen).toEqual({ body: 'a=1&b=x+y', contentType: 'application/x-www-form-urlencoded;charset=UTF-8' });
  });

  it('URLSearchParams can be sent again: a PUT is retried after a 503 with the same form', async () => {
    const bodies: string[] = [];
    nock(base)
      .put('/x')
      .times(2)
      .reply(function (_uri, body) {
        bodies.push(typeof body === 'string' ? body : JSON.stringify(body));
        return bodies.length === 1 ? [503, {}] : [200, {}];
      });
    const retrying = new CumulocityRestClient({ baseUrl: base, auth: testAuth, retry: { limit: 1, baseDelayMs: 0, jitter: false } });
    await retrying.put('/x', new URLSearchParams({ a: '1' }));
    expect(bodies).toEqual(['a=1', 'a=1']);
  });

  it('URLSearchParams with an explicit contentType are sent with it', async () => {
    const seen = recordPost();
    await client().post('/x', new URLSearchParams({ a: '1' }), { contentType: 'application/x-www-form-urlencoded' });
    expect(seen).toEqual({ body: 'a=1', contentType: 'application/x-www-form-urlencoded' });
  });

  it('an object is serialised as JSON, as application/json', async () => {
    const seen = recordPost();
    await client().post('/x', { type: 'c8y_Test', list: [1, 'two'] });
    expect(seen).toEqual({ body: '{"type":"c8y_Test","list":[1,"two"]}', contentType: 'application/json' });
  });
});

describe('bodies that cannot be sent as JSON (refused before any request)', () => {
  it('JSON.stringify refusing (a BigInt): its message and the cause', async () => {
    const error = await rejectionOf(client().post('/x', { count: 1n }));
    if (!isCumulocityError(error, 'InvalidInputError')) throw new Error(`expected InvalidInputError, got ${String(error)}`);
    expect(error.message).toBe('body: cannot be sent as JSON: Do not know how to serialize a BigInt');
    expect(error.path).toBe('body');
    expect(error.cause).toEqual(expect.objectContaining({ name: 'TypeError', message: 'Do not know how to serialize a BigInt' }));
  });

  it('a toJSON that throws a non-Error: its text in the message', async () => {
    const body = {
      toJSON() {
        throw 'not today';
      },
    };
    const error = await rejectionOf(client().post('/x', body));
    if (!isCumulocityError(error, 'InvalidInputError')) throw new Error(`expected InvalidInputError, got ${String(error)}`);
    expect(error.message).toBe('body: cannot be sent as JSON: not today');
    expect(error.path).toBe('body');
    expect(error.cause).toBe('not today');
  });

  it.each([
    ['a function', () => () => 1],
    ['a symbol', () => Symbol('s')],
  ])('%s (JSON.stringify gives undefined)', async (_, body) => {
    const error = await rejectionOf(client().post('/x', body()));
    if (!isCumulocityError(error, 'InvalidInputError')) throw new Error(`expected InvalidInputError, got ${String(error)}`);
    expect(error.message).toBe('body: cannot be sent as JSON');
    expect(error.path).toBe('body');
    expect(error.cause).toBeUndefined();
  });
});
