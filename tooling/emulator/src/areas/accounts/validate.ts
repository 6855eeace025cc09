import type { RequestContext } from '../../server/context.js';
import { errors } from '../../server/errors.js';

export type Json = Record<string, unknown>;

/** The JSON body as an object (422 for arrays and scalars). */
export function objectBody(ctx: RequestContext, resource: string): Json {
  const body = ctx.body.json<unknown>();
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw errors.invalidData(resource, 'Expected a JSON object');
  return body as Json;
}

/** Password rule of the user schema: 6–32 characters. */
export function validPassword(value: unknown): value is string {
  return typeof value === 'string' && value.length >= 6 && value.length <= 32;
}
