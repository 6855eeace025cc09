/** Test helpers: build JWTs by hand (base64url of JSON, fake signature). */
export function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

export function makeJwt(claims: Record<string, unknown>, header: Record<string, unknown> = { alg: 'RS256', typ: 'JWT' }): string {
  return `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}.c2lnbmF0dXJl`;
}

/** Decodes the credentials of a `Basic …` header value as UTF-8 (test side, with Buffer). */
export function decodeBasic(header: string | null): string {
  if (header === null || !header.startsWith('Basic ')) throw new Error(`not a Basic header: ${String(header)}`);
  return Buffer.from(header.slice('Basic '.length), 'base64').toString('utf8');
}
