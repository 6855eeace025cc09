import { InvalidInputError } from '@c8y/rest-core';
import * as v from 'valibot';
import type { JsonObject } from '../json/json-types.js';

/**
 * A valibot schema for what a user builds: a loose object (custom fragments pass) whose
 * entries describe the standard fields.
 *
 * @example
 * ```ts
 * const schema: ObjectSchema = v.looseObject({ text: v.string() });
 * ```
 */
export type ObjectSchema = v.LooseObjectSchema<v.ObjectEntries, v.ErrorMessage<v.LooseObjectIssue> | undefined>;

/**
 * Checks the body of a create request; the first problem becomes an `InvalidInputError`
 * whose `path` names the field.
 *
 * @example
 * ```ts
 * validateCreate(MeasurementSchema, { type: 'T' }, 'Measurement');
 * // InvalidInputError: source: is required (Measurement)
 * ```
 */
export function validateCreate(schema: ObjectSchema, body: JsonObject, className: string): void {
  const result = v.safeParse(schema, body);
  if (!result.success) throw toInvalidInput(result.issues[0], className, '');
}

/**
 * Checks the body of a partial update: each standard field present is checked with its schema;
 * `null` (remove) is refused for required fields; custom fragments pass.
 *
 * @example
 * ```ts
 * validateUpdate(AlarmSchema, { severity: 'SEVERE' }, 'Alarm');
 * // InvalidInputError: severity: must be one of CRITICAL, MAJOR, MINOR, WARNING, got "SEVERE" (Alarm)
 * ```
 */
export function validateUpdate(schema: ObjectSchema, diff: JsonObject, className: string): void {
  for (const [key, value] of Object.entries(diff)) {
    const entry = schema.entries[key];
    if (entry === undefined) continue;
    if (value === null) {
      if (entry.type !== 'optional' && entry.type !== 'nullish' && entry.type !== 'nullable') {
        throw new InvalidInputError(`is required and cannot be removed (${className})`, { path: key });
      }
      continue;
    }
    const result = v.safeParse(entry, value);
    if (!result.success) throw toInvalidInput(result.issues[0], className, key);
  }
}

function toInvalidInput(issue: v.BaseIssue<unknown>, className: string, prefix: string): InvalidInputError {
  const inner = v.getDotPath(issue);
  const path = [prefix, inner].filter((part) => part !== null && part !== '').join('.');
  // A missing key is reported by the parent object schema, with the parent's message.
  const message = issue.input === undefined ? 'is required' : issue.message;
  return new InvalidInputError(`${message} (${className})`, { path: path === '' ? undefined : path });
}
