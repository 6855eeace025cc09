import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import { CumulocityRestClient, isCumulocityError, type CumulocityErrorKinds } from '../../src/index.js';
import { testAuth, testAuthorization, testPassword } from '../client/test-auth.js';

const base = 'https://t100.example.com';
const client = new CumulocityRestClient({ baseUrl: base, auth: testAuth, retry: false });
const errorType = 'application/vnd.com.nsn.cumulocity.error+json';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

// Error bodies as Cumulocity sends them (OpenAPI examples; research/rest-api.md §3).
const cases: Array<[number, Record<string, string>, keyof CumulocityErrorKinds]> = [
  [401, { error: 'security/Unauthorized', message: 'Invalid credentials! : Bad credentials', info: 'https://www.cumulocity.com/guides/reference/rest-implementation' }, 'UnauthorizedError'],
  [403, { error: 'security/Forbidden', message: 'Access is denied.', info: 'https://www.cumulocity.com/guides/reference/rest-implementation' }, 'ForbiddenError'],
  [404, { error: 'inventory/Not Found', message: 'Finding device data from database failed', info: 'https://www.cumulocity.com/guides/reference-guide/#error_reporting' }, 'NotFoundError'],
  [409, { error: 'identity/Conflict', message: 'Duplicate – Identity already bound to a different Global ID.', info: 'https://x' }, 'ConflictError'],
  [422, { error: 'inventory/Invalid Data', message: 'Find by filter query failed : Query could not be understood.', info: 'https://x' }, 'ValidationError'],
  [429, { error: 'Too Many Requests', message: 'Requests rate exceeds the limit' }, 'RateLimitedError'],
  [500, { error: 'general/internalError', message: 'Internal server error' }, 'ServerError'],
  [503, { error: 'general/serviceUnavailable', message: 'Please try it again in a few minutes' }, 'ServerError'],
  [400, { error: 'applications/Bad Request', message: 'Can not get bootstrap user. Application is not a microservice' }, 'HttpError'],
];

describe('error replies become typed errors', () => {
  it.each(cases)('%i %j → %s', async (status, body, kind) => {
    nock(base).get('/inventory/managedObjects/1').reply(status, body, { 'Content-Type': errorType });
    const error = await client.get('/inventory/managedObjects/1').catch((e: unknown) => e);
    expect(isCumulocityError(error, kind)).toBe(true);
    expect(isCumulocityError(error, 'HttpError')).toBe(true);
    if (!isCumulocityError(error, 'HttpError')) throw new Error('unreachable');
    expect(error.name).toBe(kind);
    expect(error).toBeInstanceOf(Error);
    expect(error.status).toBe(status);
    expect(error.error).toBe(body.error);
    expect(error.serverMessage).toBe(body.message);
    expect(error.info).toBe(body.info);
    expect(error.method).toBe('GET');
    expect(error.url).toBe(`${base}/inventory/managedObjects/1`);
    expect(error.message).toBe(`${status} ${body.error}: ${body.message} (GET ${base}/inventory/managedObjects/1)`);
    const serialised = JSON.stringify(error);
    expect(JSON.parse(serialised)).toMatchObject({ name: kind, status, error: body.error, method: 'GET' });
    for (const secret of [testPassword, testAuthorization, testAuthorization.slice(6)]) {
      expect(serialised).not.toContain(secret);
      expect(error.message).not.toContain(secret);
      expect(String(error.stack)).not.toContain(secret);
    }
  });

  it('a 401 that asks for a second factor is a TfaRequiredError (and still an UnauthorizedError)', async () => {
    nock(base).post('/tenant/oauth').reply(401, { error: 'security/Unauthorized', message: 'TFA TOTP code required' });
    const error = await client.post('/tenant/oauth', {}).catch((e: unknown) => e);
    expect(isCumulocityError(error, 'TfaRequiredError')).toBe(true);
    expect(isCumulocityError(error, 'UnauthorizedError')).toBe(true);
    expect(isCumulocityError(error, 'ForbiddenError')).toBe(false);
  });

  it('a 401 with the TFATokenExpired header is a TfaRequiredError', async () => {
    nock(base).get('/x').reply(401, '', { TFATokenExpired: 'TFATokenExpired' });
    expect(isCumulocityError(await client.get('/x').catch((e: unknown) => e), 'TfaRequiredError')).toBe(true);
  });

  it('a 429 carries Retry-After in milliseconds', async () => {
    nock(base).get('/x').reply(429, '', { 'Retry-After': '7' });
    const error = await client.get('/x').catch((e: unknown) => e);
    if (!isCumulocityError(error, 'RateLimitedError')) throw new Error(`expected RateLimitedError, got ${String(error)}`);
    expect(error.retryAfterMs).toBe(7000);
  });

  it('an error reply without a body or with HTML keeps the status and an excerpt', async () => {
    nock(base).get('/a').reply(404);
    nock(base).get('/b').reply(502, '<html><body>Bad Gateway</body></html>', { 'Content-Type': 'text/html' });
    const notFound = await client.get('/a').catch((e: unknown) => e);
    const badGateway = await client.get('/b').catch((e: unknown) => e);
    expect(isCumulocityError(notFound, 'NotFoundError')).toBe(true);
    if (!isCumulocityError(badGateway, 'ServerError')) throw new Error('expected ServerError');
    expect(badGateway.status).toBe(502);
    expect(badGateway.body).toBe('<html><body>Bad Gateway</body></html>');
  });

  it('guards reject look-alikes and foreign errors', () => {
    expect(isCumulocityError(new Error('x'))).toBe(false);
    expect(isCumulocityError({ name: 'NotFoundError', status: 404 }, 'NotFoundError')).toBe(false);
    expect(isCumulocityError(null)).toBe(false);
  });
});

describe('malformed success replies', () => {
  it('HTML with 200 is a ResponseFormatError, not a crash', async () => {
    nock(base).get('/x').reply(200, '<!DOCTYPE html><title>Login</title>', { 'Content-Type': 'text/html;charset=UTF-8' });
    const error = await client.get('/x').catch((e: unknown) => e);
    if (!isCumulocityError(error, 'ResponseFormatError')) throw new Error(`expected ResponseFormatError, got ${String(error)}`);
    expect(error.status).toBe(200);
    expect(error.contentType).toBe('text/html;charset=UTF-8');
    expect(error.excerpt).toContain('<!DOCTYPE html>');
    expect(error.message).toMatch(/expected JSON, got text\/html/);
  });

  it('truncated JSON is a ResponseFormatError', async () => {
    nock(base).get('/x').reply(200, '{"managedObjects":[{"id":"1"', { 'Content-Type': 'application/json' });
    const error = await client.get('/x').catch((e: unknown) => e);
    expect(isCumulocityError(error, 'ResponseFormatError')).toBe(true);
    expect((error as Error).message).toMatch(/malformed or truncated/);
  });
});
