import { parseIsoDateTime } from '@c8y/rest-core';
import * as v from 'valibot';

type Issue = v.BaseIssue<unknown>;

const shown = (issue: Issue): string => (issue.input === undefined ? 'nothing' : JSON.stringify(issue.input) ?? String(issue.input));

/**
 * An error message for valibot: `is required` when the field is missing, otherwise
 * `must be <expected>, got <input>`.
 *
 * @example
 * ```ts
 * v.string(expected('a string'));
 * ```
 */
export function expected(what: string): (issue: Issue) => string {
  return (issue) => (issue.input === undefined ? 'is required' : `must be ${what}, got ${shown(issue)}`);
}

/**
 * A required, non-empty string.
 *
 * @example
 * ```ts
 * v.looseObject({ type: requiredString() });
 * ```
 */
export function requiredString() {
  return v.pipe(v.string(expected('a string')), v.nonEmpty('must not be empty'));
}

/**
 * An optional string.
 *
 * @example
 * ```ts
 * v.looseObject({ name: optionalString() });
 * ```
 */
export function optionalString() {
  return v.optional(v.string(expected('a string')));
}

/**
 * An ISO 8601 date or date-time string, by the strict rule of `parseIsoDateTime` in
 * `@c8y/rest-core` (the one the time setters and query filters use): a value written with
 * `set('time', …)` is checked like one written with the `time` setter.
 *
 * @example
 * ```ts
 * v.looseObject({ time: timeString() });
 * ```
 */
export function timeString() {
  return v.pipe(
    v.string(expected('an ISO 8601 date/time string')),
    v.check((text) => parseIsoDateTime(text) !== undefined, (issue) => `must be an ISO 8601 date/time, got ${shown(issue)}`),
  );
}

/**
 * One of `options`.
 *
 * @example
 * ```ts
 * v.looseObject({ severity: oneOf(['CRITICAL', 'MAJOR', 'MINOR', 'WARNING']) });
 * ```
 */
export function oneOf<const T extends readonly string[]>(options: T) {
  return v.picklist(options, (issue) =>
    issue.input === undefined ? 'is required' : `must be one of ${options.join(', ')}, got ${shown(issue)}`,
  );
}

/**
 * A reference to a managed object: `{ id: '<non-empty string>' }` (more keys allowed).
 *
 * @example
 * ```ts
 * v.looseObject({ source: objectRef() });
 * ```
 */
export function objectRef() {
  return v.looseObject({ id: requiredString() }, expected('an object reference { id }'));
}

/**
 * A JSON object (a fragment).
 *
 * @example
 * ```ts
 * v.looseObject({ operationPrototype: fragment() });
 * ```
 */
export function fragment() {
  return v.looseObject({}, expected('an object'));
}
