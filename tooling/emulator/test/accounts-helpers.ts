import { ADMIN } from './helpers.js';

/** A parsed response. */
export interface Res<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

/** Options of {@link call}. */
export interface CallOptions {
  /** Authorization header value; default admin of t100. `null` sends none. */
  auth?: string | null;
  body?: unknown;
  /** Content-Type for `body` (default application/json; a string body is sent as is). */
  type?: string;
  headers?: Record<string, string>;
}

/** One HTTP request against the emulator; parses JSON bodies (else returns the text). */
export async function call<T = Record<string, unknown>>(base: string, method: string, path: string, options: CallOptions = {}): Promise<Res<T>> {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  const auth = options.auth === undefined ? ADMIN : options.auth;
  if (auth !== null) headers.Authorization = auth;
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    headers['Content-Type'] = options.type ?? 'application/json';
  }
  const res = await fetch(`${base}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
  const text = await res.text();
  let parsed: unknown = text;
  if (text !== '' && /json/.test(res.headers.get('content-type') ?? '')) parsed = JSON.parse(text) as unknown;
  return { status: res.status, headers: res.headers, body: parsed as T };
}

/** Media type of a response. */
export const mediaType = (res: Res<unknown>): string => res.headers.get('content-type') ?? '';

/** Decodes a JWT's payload. */
export function jwtClaims(token: string): Record<string, unknown> {
  const payload = token.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** `Set-Cookie` values of a response. */
export const setCookies = (res: Res<unknown>): string[] => res.headers.getSetCookie();

/** The value of cookie `name` from Set-Cookie headers. */
export function cookieValue(cookies: readonly string[], name: string): string | undefined {
  for (const c of cookies) {
    const first = c.split(';')[0] ?? '';
    const eq = first.indexOf('=');
    if (first.slice(0, eq) === name) return first.slice(eq + 1);
  }
  return undefined;
}
