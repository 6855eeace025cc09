import { expect } from '@jest/globals';
import { InvalidInputError } from '../../src/errors/invalid-input-error.js';

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

/** The `InvalidInputError` that `run` throws (the test fails if it throws anything else or nothing). */
export function invalid(run: () => unknown): InvalidInputError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    return error as InvalidInputError;
  }
  throw new Error('expected an InvalidInputError');
}
