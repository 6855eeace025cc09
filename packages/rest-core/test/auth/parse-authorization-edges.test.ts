import { describe, expect, it } from '@jest/globals';
import { BearerAuth, parseAuthorization } from '../../src/auth/index.js';
import { invalid, makeJwt } from './helpers.js';

const jwt = makeJwt({ sub: 'alice', ten: 't100' });

function sent(auth: ReturnType<typeof parseAuthorization>): [string, string][] {
  const headers = new Headers();
  auth?.authorize(headers, {});
  return [...headers];
}

describe('parseAuthorization: header values', () => {
  it('takes the same value sent twice (also with extra whitespace) as one', () => {
    const auth = parseAuthorization({ authorization: [`Bearer ${jwt}`, ` Bearer ${jwt}  `] });
    expect(auth).toBeInstanceOf(BearerAuth);
    expect(sent(auth)).toEqual([['authorization', `Bearer ${jwt}`]]);
  });

  it('ignores blank values', () => {
    expect(parseAuthorization({ authorization: ['  ', `Bearer ${jwt}`] })).toBeInstanceOf(BearerAuth);
    expect(parseAuthorization({ authorization: '   ' })).toBeUndefined();
  });

  it('names the header sent several times', () => {
    const error = invalid(() => parseAuthorization({ authorization: 'Bearer a', tfatoken: ['t1', 't2'] }));
    expect(error.path).toBe('headers.tfatoken');
    expect(error.message).toBe('headers.tfatoken: more than one tfatoken header');
  });

  it('skips any whitespace between the scheme and the credentials', () => {
    expect(sent(parseAuthorization({ authorization: `Bearer \t  ${jwt}` }))).toEqual([['authorization', `Bearer ${jwt}`]]);
  });

  it('refuses a value with a line break', () => {
    const error = invalid(() => parseAuthorization({ authorization: `Bearer ${jwt}\nX-Other: 1` }));
    expect(error.message).toBe('headers.authorization: not an "<scheme> <credentials>" value');
  });

  it('quotes at most 20 characters of an unsupported scheme', () => {
    const error = invalid(() => parseAuthorization({ authorization: 'Abcdefghijklmnopqrstuvwxyz credentials' }));
    expect(error.message).toBe('headers.authorization: unsupported scheme "Abcdefghijklmnopqrst" (expected "Basic" or "Bearer")');
  });

  it('carries a TFA token, and sends none when there is none', () => {
    expect(sent(parseAuthorization({ authorization: `Bearer ${jwt}`, tfatoken: 'tfa-1' }))).toEqual([
      ['authorization', `Bearer ${jwt}`],
      ['tfatoken', 'tfa-1'],
    ]);
    expect(sent(parseAuthorization({ cookie: `authorization=${jwt}` }))).toEqual([['cookie', `authorization=${jwt}`]]);
  });
});
