import { idOf, InvalidInputError, type IdLike } from '@c8y/rest-core';

/** A non-empty string, or an `InvalidInputError` naming `field`. */
export function requireText(value: unknown, field: string): string {
  if (typeof value !== 'string') throw new InvalidInputError(`must be a string, got ${value === null ? 'null' : typeof value}`, { path: field });
  if (value.trim() === '') throw new InvalidInputError('must not be empty', { path: field });
  return value;
}

// A UTF-16 surrogate without its partner: no UTF-8 encoding exists, so no Basic header can carry it.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * A password a client can send afterwards: not empty, no CR, LF or NUL, no lone surrogate (what
 * `BasicAuth` refuses). The message never contains the value.
 */
export function requirePassword(value: unknown, field: string): string {
  const password = requireText(value, field);
  if (/[\r\n\0]/.test(password)) throw new InvalidInputError('must not contain CR, LF or NUL', { path: field });
  if (LONE_SURROGATE.test(password)) throw new InvalidInputError('must be valid Unicode (it has a lone surrogate)', { path: field });
  return password;
}

/** A user name: not empty, no whitespace, `/`, `+`, `$` or `:` (the OpenAPI spec's user name rule). */
export function requireUsername(value: unknown, field = 'username'): string {
  const name = requireText(value, field);
  if (!/^[^\s/+$:]+$/.test(name)) throw new InvalidInputError(`must not contain whitespace, /, +, $ or :, got ${JSON.stringify(name)}`, { path: field });
  return name;
}

// local@domain.tld: what every mail system delivers to; the platform refuses less with a 422 after the request.
const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;

/** An e-mail address (`local@domain.tld`), or an `InvalidInputError` naming `field`. */
export function requireEmail(value: unknown, field = 'email'): string {
  const email = requireText(value, field);
  if (!EMAIL.test(email)) throw new InvalidInputError(`is not an e-mail address (local@domain.tld), got ${JSON.stringify(email)}`, { path: field });
  return email;
}

/** An integer id (user groups, inventory roles, inventory assignments): a number, digits, `{ id }` or an object with one. */
export function requireIntegerId(value: IdLike, field: string): string {
  const id = idOf(value, field);
  if (!/^\d+$/.test(id)) throw new InvalidInputError(`must be an integer id, got ${JSON.stringify(id)}`, { path: field });
  return id;
}

// Global role ids: ROLE_ and upper-case letters, digits and underscores (ROLE_ALARM_READ, ROLE_MY_APP_ADMIN).
const ROLE = /^ROLE_[A-Z0-9_]+$/;

/** A global role id such as `ROLE_ALARM_READ`, or an `InvalidInputError` naming `field`. */
export function requireRoleId(value: unknown, field: string): string {
  const role = requireText(value, field);
  if (!ROLE.test(role)) throw new InvalidInputError(`is not a role id (ROLE_ followed by A-Z, 0-9, _), got ${JSON.stringify(role)}`, { path: field });
  return role;
}

/** One value or a non-empty array of them, as an array; `field` names the input in errors. */
export function oneOrMany<T>(value: T | readonly T[], field: string): readonly T[] {
  const list = Array.isArray(value) ? (value as readonly T[]) : [value as T];
  if (list.length === 0) throw new InvalidInputError('must name at least one', { path: field });
  return list;
}
