import { describe, expect, it } from '@jest/globals';
import { decodeBase64, decodeUtf8, encodeBase64Utf8, hasLoneSurrogate } from '../../src/auth/encoding.js';

const bytes = (text: string) => [...new TextEncoder().encode(text)];
const decoded = (text: string, alphabet: 'base64' | 'base64url') => {
  const result = decodeBase64(text, alphabet);
  return result === undefined ? undefined : [...result];
};

describe('encodeBase64Utf8', () => {
  it('encodes the UTF-8 bytes', () => {
    expect(encodeBase64Utf8('ü')).toBe('w7w=');
    expect(encodeBase64Utf8('t100/admin:pä$$ 😀')).toBe(Buffer.from('t100/admin:pä$$ 😀', 'utf8').toString('base64'));
    expect(encodeBase64Utf8('')).toBe('');
  });
});

describe('decodeBase64', () => {
  it('decodes padded and unpadded base64 and base64url', () => {
    expect(decoded('YWJj', 'base64')).toEqual(bytes('abc'));
    expect(decoded('YWI=', 'base64')).toEqual(bytes('ab'));
    expect(decoded('YWI', 'base64')).toEqual(bytes('ab'));
    expect(decoded('YQ==', 'base64')).toEqual(bytes('a'));
    expect(decoded('YQ', 'base64url')).toEqual(bytes('a'));
    expect(decoded('', 'base64')).toEqual([]);
    expect(decoded('+/8=', 'base64')).toEqual([0xfb, 0xff]);
    expect(decoded('-_8', 'base64url')).toEqual([0xfb, 0xff]);
    expect(decoded('-_8=', 'base64url')).toEqual([0xfb, 0xff]);
  });

  it('decodes every byte value', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(decoded(Buffer.from(all).toString('base64'), 'base64')).toEqual([...all]);
    expect(decoded(Buffer.from(all).toString('base64url'), 'base64url')).toEqual([...all]);
  });

  it('accepts padding that is too long or missing', () => {
    expect(decoded('YWJj==', 'base64')).toEqual(bytes('abc'));
    expect(decoded('YWJj=', 'base64url')).toEqual(bytes('abc'));
  });

  it('refuses the other alphabet', () => {
    expect(decoded('-_8=', 'base64')).toBeUndefined();
    expect(decoded('+/8=', 'base64url')).toBeUndefined();
  });

  it('refuses anything else around the base64, even what atob would skip', () => {
    for (const alphabet of ['base64', 'base64url'] as const) {
      expect(decoded(' YWI', alphabet)).toBeUndefined();
      expect(decoded('YWI ', alphabet)).toBeUndefined();
      expect(decoded('YW I', alphabet)).toBeUndefined();
      expect(decoded('YWI\n', alphabet)).toBeUndefined();
      expect(decoded('!YWI', alphabet)).toBeUndefined();
      expect(decoded('YWI!', alphabet)).toBeUndefined();
      expect(decoded('YQ===', alphabet)).toBeUndefined();
      expect(decoded('Y=Q=', alphabet)).toBeUndefined();
    }
  });

  it('refuses a length of 4n + 1', () => {
    expect(decoded('Y', 'base64')).toBeUndefined();
    expect(decoded('YWJjZ', 'base64')).toBeUndefined();
    expect(decoded('YWJjZ===', 'base64url')).toBeUndefined();
  });
});

describe('decodeUtf8', () => {
  it('decodes valid UTF-8 and refuses invalid bytes', () => {
    expect(decodeUtf8(Uint8Array.from(bytes('pä😀')))).toBe('pä😀');
    expect(decodeUtf8(Uint8Array.from([0xff]))).toBeUndefined();
    expect(decodeUtf8(Uint8Array.from([0x61, 0xc3]))).toBeUndefined();
  });
});

describe('hasLoneSurrogate', () => {
  it('accepts text and complete surrogate pairs at both ends of the ranges', () => {
    expect(hasLoneSurrogate('')).toBe(false);
    expect(hasLoneSurrogate('plain ü \ud7ff \ue000 \uffff')).toBe(false);
    expect(hasLoneSurrogate('\ud800\udc00')).toBe(false);
    expect(hasLoneSurrogate('\udbff\udfff')).toBe(false);
    expect(hasLoneSurrogate('\udbff\udc00x')).toBe(false);
    expect(hasLoneSurrogate('\ud800\udfffx')).toBe(false);
    expect(hasLoneSurrogate('a😀b😀')).toBe(false);
  });

  it('finds a high surrogate without a low one after it', () => {
    expect(hasLoneSurrogate('\ud800')).toBe(true);
    expect(hasLoneSurrogate('\udbffx')).toBe(true);
    expect(hasLoneSurrogate('\ud800\udbff')).toBe(true);
    expect(hasLoneSurrogate('\ud800\ue000')).toBe(true);
    expect(hasLoneSurrogate('\ud800\udbff\udc00')).toBe(true);
  });

  it('finds a low surrogate without a high one before it', () => {
    expect(hasLoneSurrogate('\udc00')).toBe(true);
    expect(hasLoneSurrogate('\udfff')).toBe(true);
    expect(hasLoneSurrogate('x\udc00\udc00')).toBe(true);
    expect(hasLoneSurrogate('\ud800\udc00\udc00')).toBe(true);
  });

  it('does not take a character above the surrogates for one', () => {
    expect(hasLoneSurrogate('\ue000x')).toBe(false);
    expect(hasLoneSurrogate('\ue000\udc00')).toBe(true);
  });
});
