import { describe, expect, it } from '@jest/globals';
import { parseCookieHeader, readSetCookies, splitSetCookieHeader } from '../../src/auth/cookies.js';

/** A Headers-like object of a runtime or mock: `getSetCookie` only when given. */
function headersLike(joined: string | null, list?: string[]): Headers {
  const headers: { get(name: string): string | null; getSetCookie?: () => string[] } = {
    get: (name) => (name === 'set-cookie' ? joined : null),
  };
  if (list !== undefined) headers.getSetCookie = () => list;
  return headers as unknown as Headers;
}

describe('parseCookieHeader', () => {
  it('reads name=value pairs, trimming names and values', () => {
    expect(parseCookieHeader(' a = 1 ;b=2;  c =  x y  ')).toEqual({ a: '1', b: '2', c: 'x y' });
  });

  it('skips a pair without "=" (and does not cut its last character off as a name)', () => {
    expect(parseCookieHeader('flag; ab; c=3')).toEqual({ c: '3' });
  });

  it('reads a one-letter name (the "=" at index 1)', () => {
    expect(parseCookieHeader('a=1')).toEqual({ a: '1' });
  });

  it('skips an empty name', () => {
    const cookies = parseCookieHeader('=orphan; a=1');
    expect(cookies).toEqual({ a: '1' });
    expect(Object.keys(cookies)).toEqual(['a']);
  });

  it('keeps the first occurrence of a name', () => {
    expect(parseCookieHeader('authorization=first; authorization=second')).toEqual({ authorization: 'first' });
  });

  it('unquotes a value only when it is quoted on both sides', () => {
    expect(parseCookieHeader('a="quoted"; b="open; c=close"; d=""; e="')).toEqual({ a: 'quoted', b: '"open', c: 'close"', d: '', e: '"' });
  });

  it('percent-decodes valid percent-encoding and keeps invalid encoding as it is', () => {
    expect(parseCookieHeader('a=%41%20b; b=100%; c=%zz; d="%C3%BC"; e=plain')).toEqual({ a: 'A b', b: '100%', c: '%zz', d: 'ü', e: 'plain' });
  });
});

describe('splitSetCookieHeader', () => {
  it('splits at a comma followed by "name=", keeping Expires dates whole, trimmed', () => {
    expect(splitSetCookieHeader(' a=1; Expires=Thu, 01 Jan 2026 00:00:00 GMT; Path=/ ,  b=2 ')).toEqual([
      'a=1; Expires=Thu, 01 Jan 2026 00:00:00 GMT; Path=/',
      'b=2',
    ]);
  });

  it('drops empty parts', () => {
    expect(splitSetCookieHeader(',a=1')).toEqual(['a=1']);
    expect(splitSetCookieHeader('   ')).toEqual([]);
    expect(splitSetCookieHeader('')).toEqual([]);
  });
});

describe('readSetCookies', () => {
  it('reads the value before the first ";" of each cookie, by trimmed name', () => {
    const headers = new Headers();
    headers.append('Set-Cookie', 'authorization=jwt.token.sig; Max-Age=1209600; Path=/; Secure; HttpOnly');
    headers.append('Set-Cookie', 'XSRF-TOKEN="xsrf-123"; Path=/');
    headers.append('Set-Cookie', 'a =1');
    expect(readSetCookies(headers)).toEqual({ authorization: 'jwt.token.sig', 'XSRF-TOKEN': 'xsrf-123', a: '1' });
  });

  it('skips cookies without "=", with an empty name or with an empty (cleared) value', () => {
    const headers = new Headers();
    for (const line of ['abc; Path=/', '=orphan', 'x=', 'y=""; Max-Age=0', 'b=2']) headers.append('Set-Cookie', line);
    const cookies = readSetCookies(headers);
    expect(cookies).toEqual({ b: '2' });
    expect(Object.keys(cookies)).toEqual(['b']);
  });

  it('keeps the last non-empty value of a name: a later clearing does not remove it', () => {
    const headers = new Headers();
    for (const line of ['XSRF-TOKEN=old', 'XSRF-TOKEN=new', 'XSRF-TOKEN=; Max-Age=0']) headers.append('Set-Cookie', line);
    expect(readSetCookies(headers)).toEqual({ 'XSRF-TOKEN': 'new' });
  });

  it('splits entries that join several cookies in one', () => {
    expect(readSetCookies(headersLike(null, ['a=1; Path=/, b=2; Expires=Thu, 01 Jan 2026 00:00:00 GMT']))).toEqual({ a: '1', b: '2' });
  });

  it('uses getSetCookie() where the runtime has it', () => {
    expect(readSetCookies(headersLike('joined=ignored', ['a=1']))).toEqual({ a: '1' });
  });

  it('splits the joined Set-Cookie header where getSetCookie() is missing', () => {
    expect(readSetCookies(headersLike('a=1; Expires=Thu, 01 Jan 2026 00:00:00 GMT, b=2'))).toEqual({ a: '1', b: '2' });
    expect(readSetCookies(headersLike(null))).toEqual({});
  });
});
