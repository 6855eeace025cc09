/**
 * Browser-safe text and base64 helpers for the auth strategies (no `Buffer`, no `node:` imports).
 * Internal: not exported from the package.
 */

const utf8Decoder = new TextDecoder('utf-8', { fatal: true });
const utf8Encoder = new TextEncoder();

/** Base64 of the UTF-8 bytes of `text` (RFC 7617 `charset="UTF-8"`), e.g. `ü` → `w7w=`. */
export function encodeBase64Utf8(text: string): string {
  let binary = '';
  for (const byte of utf8Encoder.encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * Decodes base64 (`+/`) or base64url (`-_`), padded or not, into bytes.
 * Returns `undefined` for anything that is not well-formed base64.
 */
export function decodeBase64(text: string, alphabet: 'base64' | 'base64url'): Uint8Array | undefined {
  const pattern = alphabet === 'base64' ? /^[A-Za-z0-9+/]*={0,2}$/ : /^[A-Za-z0-9_-]*={0,2}$/;
  if (!pattern.test(text)) return undefined;
  // The pattern allows no `-` or `_` in base64. `atob` takes unpadded input (and rejects a length
  // of 4n + 1), so any padding is dropped: too little or too much of it is accepted.
  const standard = text.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
  let binary: string;
  try {
    binary = atob(standard);
  } catch {
    return undefined;
  }
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

/** Strict UTF-8 decoding: `undefined` when the bytes are not valid UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return utf8Decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * True when `text` has an unpaired UTF-16 surrogate (it would silently become U+FFFD in UTF-8).
 * A loop rather than a lookbehind regex, which older Safari cannot parse.
 */
export function hasLoneSurrogate(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return true;
    } else if (code >= 0xdc00 && code <= 0xdfff) {
      return true;
    }
  }
  return false;
}
