import { InvalidInputError } from '../errors/invalid-input-error.js';

const headerName = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** Throws unless `name: value` is a safe header: a token name, and no CR, LF or NUL in the value. */
export function assertHeader(name: string, value: unknown, path = `headers.${name}`): asserts value is string {
  if (!headerName.test(name)) throw new InvalidInputError(`${JSON.stringify(name)} is not a valid header name`, { path });
  if (typeof value !== 'string') throw new InvalidInputError('a header value must be a string', { path });
  if (/[\r\n\0]/.test(value)) throw new InvalidInputError('a header value must not contain CR, LF or NUL', { path });
}

/** Checks every entry of a header record (see {@link assertHeader}). */
export function assertHeaders(headers: Readonly<Record<string, string>> | undefined, path = 'headers'): void {
  if (headers === undefined) return;
  for (const [name, value] of Object.entries(headers)) assertHeader(name, value, `${path}.${name}`);
}
