import { describe, expect, it } from '@jest/globals';
import { isCumulocityError } from '@c8y/rest-core';
import { readInboundAuth, type InboundAuthReason } from '../src/index.js';
import { basic, caught, expectInvalid, jwt } from './helpers.js';

// How the credentials of an inbound request are read: precedence, schemes, and the typed 401s.

/** The credential headers a strategy sends. */
function sent(auth: ReturnType<typeof readInboundAuth>, tenantId?: string): Record<string, string> {
  const headers = new Headers();
  auth.authorize(headers, tenantId === undefined ? {} : { tenantId });
  return Object.fromEntries(headers.entries());
}

async function expect401(run: () => unknown, reason: InboundAuthReason, message: RegExp): Promise<void> {
  const error = await caught(run);
  if (!isCumulocityError(error, 'InboundAuthError')) throw new Error(`expected InboundAuthError, got ${String(error)}`);
  expect(isCumulocityError(error, 'UnauthorizedError')).toBe(true);
  expect(error.status).toBe(401);
  expect(error.error).toBe('microservice/Unauthorized');
  expect(error.reason).toBe(reason);
  expect(error.message).toMatch(message);
}

const alice = jwt({ ten: 't100', sub: 'alice', exp: 4_000_000_000, xsrfToken: 'x1' });

describe('readInboundAuth', () => {
  it('Basic: tenant and user from "<tenant>/<user>", the same header sent on', () => {
    const header = basic('t100/alice', 'pw:with:colons');
    const auth = readInboundAuth({ authorization: header });
    expect([auth.tenantId, auth.username]).toEqual(['t100', 'alice']);
    expect(sent(auth)).toEqual({ authorization: header });
  });

  it('Basic without tenant: no tenant; the client tenant is put in front when sent', () => {
    const auth = readInboundAuth({ Authorization: basic('alice', 'pw') });
    expect(auth.tenantId).toBeUndefined();
    expect(sent(auth, 't100')).toEqual({ authorization: basic('t100/alice', 'pw') });
  });

  it('Bearer: tenant and user from the JWT claims', () => {
    const auth = readInboundAuth({ authorization: `Bearer ${alice}` });
    expect([auth.tenantId, auth.username]).toEqual(['t100', 'alice']);
    expect(sent(auth)).toEqual({ authorization: `Bearer ${alice}` });
  });

  it('the authorization cookie with X-XSRF-TOKEN wins over the Authorization header (OAI-Secure placeholder)', () => {
    const auth = readInboundAuth({
      authorization: basic('t100/alice', 'placeholder'),
      cookie: `XSRF-TOKEN=x1; authorization=${alice}`,
      'x-xsrf-token': 'x1',
    });
    expect(sent(auth)).toEqual({ cookie: `authorization=${alice}`, 'x-xsrf-token': 'x1' });
    expect(auth.tenantId).toBe('t100');
  });

  it('parsed cookies (Express req.cookies) are used instead of the Cookie header; fetch Headers work too', () => {
    const headers = new Headers({ 'X-XSRF-TOKEN': 'x1', cookie: 'authorization=ignored.when.cookies.given' });
    const auth = readInboundAuth(headers, { authorization: alice });
    expect(sent(auth)).toEqual({ cookie: `authorization=${alice}`, 'x-xsrf-token': 'x1' });
  });

  it('a tfatoken header is carried along', () => {
    const auth = readInboundAuth({ authorization: `Bearer ${alice}`, tfatoken: 'tfa-1' });
    expect(sent(auth)).toEqual({ authorization: `Bearer ${alice}`, tfatoken: 'tfa-1' });
  });

  it('no credentials: 401 missing (an empty header or cookie counts as none)', async () => {
    await expect401(() => readInboundAuth({}), 'missing', /neither an authorization cookie nor an Authorization header/);
    await expect401(() => readInboundAuth({ authorization: '', cookie: 'authorization=' }), 'missing', /neither/);
    await expect401(() => readInboundAuth(new Headers(), {}), 'missing', /neither/);
  });

  it('malformed credentials: 401 malformed naming the problem, never the credentials', async () => {
    const cases: Array<[Record<string, string | string[]>, RegExp]> = [
      [{ authorization: 'Basic !!!not-base64' }, /"Basic" value is not the base64 of "<user>:<password>"/],
      [{ authorization: `Basic ${Buffer.from('no-colon-here').toString('base64')}` }, /"Basic" value is not the base64 of "<user>:<password>"/],
      [{ authorization: 'Digest username="alice"' }, /scheme is neither "Basic" nor "Bearer"/],
      [{ authorization: 'Bearer' }, /"Bearer" token is empty or not a bare token/],
      [{ authorization: [basic('t100/alice', 'one'), basic('t100/bob', 'two')] }, /more than one Authorization header/],
      [{ cookie: 'authorization=a b', 'x-xsrf-token': 'x' }, /authorization cookie is not a usable token/],
      [{ authorization: basic('t100/alice', 'pw'), 'x-xsrf-token': ['a', 'b'], cookie: `authorization=${alice}` }, /x-xsrf-token header is not usable \(several values\)/],
    ];
    for (const [headers, message] of cases) await expect401(() => readInboundAuth(headers), 'malformed', message);
    const error = await caught(() => readInboundAuth({ authorization: 'Basic c2VjcmV0LXdpdGhvdXQtY29sb24=' }));
    expect(String((error as Error).message)).toBe('401 microservice/Unauthorized: the Authorization header\'s "Basic" value is not the base64 of "<user>:<password>" (UTF-8)');
    expect(JSON.stringify(error)).not.toContain('secret-without-colon');
  });

  it('the cookie without the X-XSRF-TOKEN header is refused (401 no-xsrf), even with an Authorization header', async () => {
    await expect401(() => readInboundAuth({ cookie: `authorization=${alice}` }), 'no-xsrf', /X-XSRF-TOKEN/);
    await expect401(() => readInboundAuth({ cookie: `authorization=${alice}`, authorization: basic('t100/alice', 'pw'), 'x-xsrf-token': ' ' }), 'no-xsrf', /X-XSRF-TOKEN/);
  });

  it('headers that are not an object are bad input, not a 401', async () => {
    expectInvalid(await caught(() => readInboundAuth(null as never)), 'headers');
    expectInvalid(await caught(() => readInboundAuth({}, 'authorization=x' as never)), 'cookies');
  });
});
