import { describe, expect, it } from '@jest/globals';
import {
  errorFromResponse,
  HttpError,
  InvalidInputError,
  isCumulocityError,
  NetworkError,
  NotFoundError,
  parseRetryAfter,
  TimeoutError,
} from '../../src/index.js';

const url = 'https://t100.example.com/inventory/managedObjects/1';
const request = { method: 'GET', url };

describe('messages', () => {
  it('TimeoutError names its scope and limit', () => {
    const attempt = new TimeoutError({ ...request, timeoutMs: 500, scope: 'attempt' });
    const total = new TimeoutError({ ...request, timeoutMs: 2000, scope: 'total' });
    const idle = new TimeoutError({ ...request, timeoutMs: 300, scope: 'idle' });
    expect(attempt.message).toBe(`Request exceeded its timeout of 500 ms (GET ${url})`);
    expect(total.message).toBe(`Request exceeded its total timeout of 2000 ms (GET ${url})`);
    expect(idle.message).toBe(`The reply body stalled: no data for 300 ms (GET ${url})`);
    expect([attempt.scope, attempt.timeoutMs, total.scope, idle.scope]).toEqual(['attempt', 500, 'total', 'idle']);
  });

  it('NetworkError gives the reason only when the cause has a message', () => {
    expect(new NetworkError({ ...request, cause: new TypeError('fetch failed') }).message).toBe(`Network error: fetch failed (GET ${url})`);
    expect(new NetworkError(request).message).toBe(`Network error (GET ${url})`);
    expect(new NetworkError({ ...request, cause: new Error('') }).message).toBe(`Network error (GET ${url})`);
  });

  it('HttpError: status, error, server message, and the request only when both method and URL are known', () => {
    expect(new HttpError({ status: 404 }).message).toBe('404');
    expect(new HttpError({ status: 404, error: 'inventory/Not Found', method: 'GET' }).message).toBe('404 inventory/Not Found');
    expect(new HttpError({ status: 404, serverMessage: 'gone', url }).message).toBe('404: gone');
    expect(new HttpError({ status: 404, ...request }).message).toBe(`404 (GET ${url})`);
  });

  it('InvalidInputError prefixes the field path when there is one and keeps its cause', () => {
    const cause = new RangeError('out of range');
    const withoutPath = new InvalidInputError('must be a number', { cause });
    expect(withoutPath.message).toBe('must be a number');
    expect(withoutPath.path).toBeUndefined();
    expect((withoutPath.cause as Error).message).toBe('out of range');
    expect(new InvalidInputError('must be a number', { path: 'options.timeout' }).message).toBe('options.timeout: must be a number');
  });
});

describe('toJSON', () => {
  it('holds the fields that are set, and nothing undefined', () => {
    expect(new NotFoundError({ status: 404, ...request }).toJSON()).toStrictEqual({
      name: 'NotFoundError',
      message: `404 (GET ${url})`,
      method: 'GET',
      url,
      status: 404,
    });
  });

  it('holds the cause as its name and redacted message', () => {
    const error = new NetworkError({ ...request, cause: new TypeError('fetch failed: Bearer abcdefgh') });
    expect(error.toJSON().cause).toStrictEqual({ name: 'TypeError', message: 'fetch failed: Bearer ***' });
  });
});

describe('URLs', () => {
  it('lose their user info, whether user, password or both are given', () => {
    const plain = 'https://t100.example.com/inventory/managedObjects?pageSize=5';
    expect(new NotFoundError({ status: 404, method: 'GET', url: 'https://admin:s3cret-pw@t100.example.com/x' }).url).toBe('https://t100.example.com/x');
    expect(new NotFoundError({ status: 404, method: 'GET', url: 'https://:s3cret-pw@t100.example.com/x' }).url).toBe('https://t100.example.com/x');
    expect(new NotFoundError({ status: 404, method: 'GET', url: 'https://admin@t100.example.com/x' }).url).toBe('https://t100.example.com/x');
    expect(new NotFoundError({ status: 404, method: 'GET', url: plain }).url).toBe(plain);
  });
});

describe('error replies', () => {
  const reply = (status: number, text: string, headers: Record<string, string> = {}) =>
    errorFromResponse(new Response(null, { status, headers }), text, request);

  it('a body of only whitespace is no body', () => {
    const error = reply(404, ' \n\t ');
    expect(error.body).toBeUndefined();
    expect(error.message).toBe(`404 (GET ${url})`);
  });

  it('JSON that is not an object (null, an array) is kept as the body, without error fields', () => {
    const fromNull = reply(500, 'null');
    expect(isCumulocityError(fromNull, 'ServerError')).toBe(true);
    expect(fromNull.body).toBeNull();
    expect(fromNull.error).toBeUndefined();
    const fromArray = reply(400, '[{"error":"x/y","message":"m"}]');
    expect(fromArray.body).toEqual([{ error: 'x/y', message: 'm' }]);
    expect([fromArray.error, fromArray.serverMessage]).toEqual([undefined, undefined]);
  });

  it('error, message and info fields that are not strings are left out', () => {
    const error = reply(400, '{"error":42,"message":{"text":"x"},"info":null}');
    expect([error.error, error.serverMessage, error.info]).toEqual([undefined, undefined, undefined]);
    expect(error.message).toBe(`400 (GET ${url})`);
    expect(error.body).toEqual({ error: 42, message: { text: 'x' }, info: null });
  });

  it('a 401 asking for a "two-factor" or "two factor" code is a TfaRequiredError', () => {
    for (const message of ['two-factor authentication required', 'Two factor code missing']) {
      expect(isCumulocityError(reply(401, JSON.stringify({ error: 'security/Unauthorized', message })), 'TfaRequiredError')).toBe(true);
    }
    expect(isCumulocityError(reply(401, '{"message":"Bad credentials"}'), 'TfaRequiredError')).toBe(false);
  });

  it('an empty or blank Retry-After is no delay', () => {
    expect(parseRetryAfter('')).toBeUndefined();
    expect(parseRetryAfter('   ')).toBeUndefined();
    expect(parseRetryAfter('0')).toBe(0);
    expect(isCumulocityError(reply(429, '', { 'Retry-After': '' }), 'RateLimitedError')).toBe(true);
    expect((reply(429, '', { 'Retry-After': '' }) as { retryAfterMs?: number }).retryAfterMs).toBeUndefined();
  });
});

describe('guards', () => {
  it('never throw on a branded object without constructors, and find no kind there', () => {
    const forged = Object.create(Object.create(null) as object) as Record<symbol, unknown>;
    forged[Symbol.for('@c8y/rest-core/CumulocityError')] = true;
    expect(isCumulocityError(forged)).toBe(true);
    expect(isCumulocityError(forged, 'NotFoundError')).toBe(false);
  });
});
