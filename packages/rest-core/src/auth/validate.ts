import { InvalidInputError } from '../errors/invalid-input-error.js';
import { hasLoneSurrogate } from './encoding.js';

/**
 * Checks a credential-like string: a non-empty string without CR, LF or NUL and without lone
 * surrogates. Messages name the field (`path`), never the value.
 */
export function assertSecretText(value: unknown, path: string): asserts value is string {
  if (typeof value !== 'string') throw new InvalidInputError('must be a string', { path });
  if (value === '') throw new InvalidInputError('must not be empty', { path });
  if (/[\r\n\0]/.test(value)) throw new InvalidInputError('must not contain CR, LF or NUL', { path });
  if (hasLoneSurrogate(value)) throw new InvalidInputError('must be valid Unicode (it has a lone surrogate)', { path });
}

/** Like {@link assertSecretText}, and also no whitespace, `;` or `,`: a token sent in a header or cookie. */
export function assertToken(value: unknown, path: string): asserts value is string {
  assertSecretText(value, path);
  if (/[\s;,]/.test(value)) {
    throw new InvalidInputError('must be the bare token: no spaces, ";" or "," (leave out any "Bearer " prefix)', { path });
  }
}

/** Checks a tenant id: non-empty, no `/`, `:`, whitespace or control characters. */
export function assertTenantId(value: unknown, path: string): asserts value is string {
  assertSecretText(value, path);
  if (/[/:\s]/.test(value)) throw new InvalidInputError('a tenant id must not contain "/", ":" or spaces', { path });
}

/**
 * Splits `tenant/user` at the first `/`. A name without `/` has no tenant.
 * Throws when either side of the `/` is empty.
 */
export function splitTenantUser(name: string, path: string): { tenantId?: string; user: string } {
  const slash = name.indexOf('/');
  if (slash === -1) return { user: name };
  const tenantId = name.slice(0, slash);
  const user = name.slice(slash + 1);
  if (tenantId === '') throw new InvalidInputError('the tenant before "/" is empty', { path });
  if (user === '') throw new InvalidInputError('the user name after "/" is empty', { path });
  assertTenantId(tenantId, path);
  return { tenantId, user };
}

/** Runs `build`; an `InvalidInputError` it throws is re-thrown under `path` (keeping the message). */
export function underPath<T>(path: string, build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (error instanceof InvalidInputError) throw new InvalidInputError(error.message, { path, cause: error });
    throw error;
  }
}

/** The key Node's `util.inspect` (and so `console.log`) looks up; `Symbol.for` needs no `node:` import. */
export const inspectSymbol: unique symbol = Symbol.for('nodejs.util.inspect.custom');
