import { InvalidInputError } from '../errors/invalid-input-error.js';

/**
 * `encodeURIComponent`, but a lone UTF-16 surrogate (which has no UTF-8 form, so
 * `encodeURIComponent` throws a `URIError`) is an `InvalidInputError` naming `path`.
 */
export function encodeComponent(value: string, path: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    throw new InvalidInputError('contains a lone UTF-16 surrogate (half of a character): it cannot be sent', { path });
  }
}

/**
 * Encodes one path segment so an id cannot change the path: `/`, `?`, `#` and `%` are
 * escaped, and `''`, `.` and `..` (which URL parsers resolve) are refused, as is a lone UTF-16
 * surrogate (no valid encoding).
 *
 * @example
 * ```ts
 * encodePathSegment('a/b?c');  // 'a%2Fb%3Fc'
 * encodePathSegment('..');     // throws InvalidInputError
 * ```
 */
export function encodePathSegment(value: unknown, path = 'id'): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') {
    throw new InvalidInputError(`must be a string or a finite number, got ${value === null ? 'null' : typeof value}`, { path });
  }
  if (value === '') throw new InvalidInputError('must not be empty', { path });
  const encoded = encodeComponent(value, path);
  // encodeURIComponent leaves dots alone, and URL parsers resolve `.`/`..` even percent-encoded.
  if (/^(\.|%2e){1,2}$/i.test(encoded)) throw new InvalidInputError(`${JSON.stringify(value)} is not a valid id`, { path });
  return encoded;
}

/**
 * Builds an API path, encoding each interpolated value as one path segment.
 *
 * @example
 * ```ts
 * apiPath`/inventory/managedObjects/${id}/childDevices`;
 * apiPath`/identity/externalIds/${'c8y_Serial'}/${'a/b'}`;   // '/identity/externalIds/c8y_Serial/a%2Fb'
 * ```
 */
export function apiPath(strings: TemplateStringsArray, ...values: ReadonlyArray<string | number>): string {
  let result = strings[0] ?? '';
  values.forEach((value, index) => {
    result += encodePathSegment(value, `path segment ${index + 1}`) + (strings[index + 1] ?? '');
  });
  return result;
}
