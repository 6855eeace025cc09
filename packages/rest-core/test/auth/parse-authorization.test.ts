import { describe, expect, it } from '@jest/globals';
import type { IncomingHttpHeaders } from 'node:http';
import { BasicAuth, BearerAuth, CookieAuth, parseAuthorization } from '../../src/auth/index.js';
import { isCumulocityError } from '../../src/errors/index.js';
import { decodeBasic, makeJwt } from './helpers.js';

const jwt = makeJwt({ sub: 'alice', ten: 't100', exp: 1_768_435_200 });
const basic = (credentials: string) => `Basic ${Buffer.from(credentials, 'utf8').toString('base64')}`;

function applied(auth: ReturnType<typeof parseAuthorization>, tenantId?: string): Headers {
  const headers = new Headers();
  auth?.authorize(headers, tenantId === undefined ? {} : { tenantId });
  return headers;
}

function invalid(run: () => unknown): Error & { path?: string } {
  try {
    run();
  } catch (error) {
    expect(isCumulocityError(error, 'InvalidInputError')).toBe(true);
    return error as Error & { path?: string };
  }
  throw new Error('expected an InvalidInputError');
}

describe('parseAuthorization: precedence', () => {
  it('the authorization cookie (with X-XSRF-TOKEN) wins over the Authorization header', () => {
    // What the Cumulocity proxy forwards for an OAI-Secure browser session: cookie + a placeholder Basic header.
    const headers: IncomingHttpHeaders = {
      authorization: basic('t100/alice:placeholder'),
      cookie: `XSRF-TOKEN=xsrf-cookie; authorization=${jwt}; other=1`,
      'x-xsrf-token': 'xsrf-header',
    };
    const auth = parseAuthorization(headers);
    expect(auth).toBeInstanceOf(CookieAuth);
    expect(auth?.tenantId).toBe('t100');
    expect(auth?.username).toBe('alice');
    const sent = applied(auth);
    expect(sent.get('cookie')).toBe(`authorization=${jwt}`);
    expect(sent.get('x-xsrf-token')).toBe('xsrf-header');
    expect(sent.has('authorization')).toBe(false);
  });

  it('ignores a malformed Authorization header when the cookie is there', () => {
    const auth = parseAuthorization({ authorization: 'Basic !!!', cookie: `authorization=${jwt}`, 'x-xsrf-token': 'x' });
    expect(auth).toBeInstanceOf(CookieAuth);
  });

  it('never takes the XSRF token from the XSRF-TOKEN cookie (that would defeat the CSRF check)', () => {
    const auth = parseAuthorization({ cookie: `authorization=${jwt}; XSRF-TOKEN=xsrf-cookie` });
    const sent = applied(auth);
    expect(sent.get('cookie')).toBe(`authorization=${jwt}`);
    expect(sent.has('x-xsrf-token')).toBe(false);
  });

  it('takes cookies from the cookies record when given (e.g. Express req.cookies) instead of the header', () => {
    const auth = parseAuthorization({ cookie: 'authorization=from-header', 'x-xsrf-token': 'x' }, { authorization: jwt });
    expect(applied(auth).get('cookie')).toBe(`authorization=${jwt}`);
    expect(parseAuthorization({ authorization: `Bearer ${jwt}`, cookie: 'authorization=ignored' }, {})).toBeInstanceOf(BearerAuth);
  });

  it('falls back to the Authorization header when the authorization cookie is absent or empty', () => {
    expect(parseAuthorization({ authorization: `Bearer ${jwt}`, cookie: 'foo=1; authorization=' })).toBeInstanceOf(BearerAuth);
  });

  it('returns undefined when there are no credentials', () => {
    expect(parseAuthorization({})).toBeUndefined();
    expect(parseAuthorization({ cookie: 'foo=1', 'x-xsrf-token': 'x', authorization: '' })).toBeUndefined();
    expect(parseAuthorization(new Headers({ accept: 'application/json' }))).toBeUndefined();
  });
});

describe('parseAuthorization: Authorization header', () => {
  it('parses Bearer tokens (scheme case-insensitive)', () => {
    const auth = parseAuthorization({ authorization: `bearer ${jwt}` });
    expect(auth).toBeInstanceOf(BearerAuth);
    expect(auth?.tenantId).toBe('t100');
    expect(applied(auth).get('authorization')).toBe(`Bearer ${jwt}`);
  });

  it('parses Basic credentials and re-sends the same bytes', () => {
    const header = basic('t100/alice:pa:ss');
    const auth = parseAuthorization({ authorization: header });
    expect(auth).toBeInstanceOf(BasicAuth);
    expect(auth?.tenantId).toBe('t100');
    expect(auth?.username).toBe('alice');
    expect(applied(auth).get('authorization')).toBe(header);
  });

  it('decodes UTF-8 Basic credentials', () => {
    const auth = parseAuthorization({ authorization: 'Basic dDEwMC9qw7xyZ2VuOnDigqxzcw==' });
    expect(auth?.username).toBe('jürgen');
    expect(decodeBasic(applied(auth).get('authorization'))).toBe('t100/jürgen:p€ss');
  });

  it('keeps a Basic user without tenant bare (the client may prefix its tenant)', () => {
    const auth = parseAuthorization({ authorization: basic('alice:pw') });
    expect(auth?.tenantId).toBeUndefined();
    expect(decodeBasic(applied(auth).get('authorization'))).toBe('alice:pw');
    expect(decodeBasic(applied(auth, 't9').get('authorization'))).toBe('t9/alice:pw');
  });

  it('reads a fetch Headers object and mixed-case record keys', () => {
    expect(parseAuthorization(new Headers({ Authorization: `Bearer ${jwt}` }))).toBeInstanceOf(BearerAuth);
    expect(parseAuthorization({ Authorization: `Bearer ${jwt}` })).toBeInstanceOf(BearerAuth);
    const fromHeaders = parseAuthorization(new Headers({ Cookie: `authorization=${jwt}`, 'X-XSRF-TOKEN': 'x' }));
    expect(applied(fromHeaders).get('x-xsrf-token')).toBe('x');
  });

  it('joins cookie header lists (HTTP/2 splits cookies)', () => {
    const auth = parseAuthorization({ cookie: ['foo=1', `authorization=${jwt}`], 'x-xsrf-token': 'x' });
    expect(auth).toBeInstanceOf(CookieAuth);
  });
});

describe('parseAuthorization: tfatoken', () => {
  it.each([
    ['cookie', { cookie: `authorization=${jwt}`, 'x-xsrf-token': 'x', tfatoken: 'tfa-1' }],
    ['Bearer', { authorization: `Bearer ${jwt}`, tfatoken: 'tfa-1' }],
    ['Basic', { authorization: basic('t1/u:p'), TFAToken: 'tfa-1' }],
  ])('is carried along with %s credentials', (_name, headers) => {
    expect(applied(parseAuthorization(headers)).get('tfatoken')).toBe('tfa-1');
  });

  it('is absent when not sent', () => {
    expect(applied(parseAuthorization({ authorization: `Bearer ${jwt}` })).has('tfatoken')).toBe(false);
  });
});

describe('parseAuthorization: malformed input', () => {
  const secret = 'Sup3r-S3cret';
  it.each([
    ['Basic without a colon', basic(`alice${secret}`), /have no ":" between user and password/],
    ['Basic with bad base64', `Basic ${secret}!!`, /the credentials after "Basic" are not valid base64/],
    ['Basic with an impossible base64 length', 'Basic abcde', /not valid base64/],
    ['Basic that is not UTF-8', `Basic ${Buffer.from([0x61, 0x3a, 0xff, 0xfe]).toString('base64')}`, /the credentials after "Basic" are not valid UTF-8/],
    ['Basic with an empty password', basic('t1/alice:'), undefined],
    ['Basic with an empty user', basic(`:${secret}`), undefined],
    ['Basic without credentials', 'Basic', /no credentials after "Basic"/],
    ['Bearer without a token', 'Bearer   ', /no credentials after "Bearer"/],
    ['Bearer with two tokens', `Bearer ${secret} ${secret}`, undefined],
    ['an unknown scheme', `Digest ${secret}`, /unsupported scheme "Digest" \(expected "Basic" or "Bearer"\)/],
    ['no scheme at all', `=${secret}`, /not an "<scheme> <credentials>" value/],
  ])('%s → InvalidInputError at headers.authorization, without the credentials, saying what is wrong', (_name, authorization, message) => {
    const error = invalid(() => parseAuthorization({ authorization }));
    expect(error.path).toBe('headers.authorization');
    // the message survives redaction readably (no "***" where the SDK's own words were); the
    // cases without a pattern report a field-level check whose message starts with the field name
    if (message !== undefined) {
      expect(error.message).toMatch(message);
      expect(error.message).not.toContain('***');
    }
    expect(error.message).not.toContain(secret);
    expect(JSON.stringify(error)).not.toContain(secret);
  });

  it('refuses several different Authorization headers', () => {
    const error = invalid(() => parseAuthorization({ authorization: [`Bearer ${jwt}`, 'Bearer other'] }));
    expect(error.path).toBe('headers.authorization');
  });

  it('refuses a malformed authorization cookie', () => {
    const error = invalid(() => parseAuthorization({}, { authorization: 'a b' }));
    expect(error.path).toBe('cookies.authorization');
  });
});
