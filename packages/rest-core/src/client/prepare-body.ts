import { InvalidInputError } from '../errors/invalid-input-error.js';

/**
 * The body as fetch sends it: JSON unless it is already a string, Blob, bytes, FormData,
 * URLSearchParams or stream; with the Content-Type it needs and whether a retry can resend it.
 */
export function prepareBody(
  body: unknown,
  contentType: string | undefined,
): { body: BodyInit | undefined; contentType: string | undefined; replayable: boolean } {
  if (body === undefined) return { body: undefined, contentType: undefined, replayable: true };
  if (body instanceof FormData) return { body, contentType: undefined, replayable: true }; // fetch sets the boundary
  // fetch labels form parameters application/x-www-form-urlencoded;charset=UTF-8 (unless told otherwise).
  if (body instanceof URLSearchParams) return { body, contentType, replayable: true };
  if (typeof body === 'string' || body instanceof Blob || body instanceof ArrayBuffer || ArrayBuffer.isView(body)) {
    return { body: body as BodyInit, contentType: contentType ?? 'application/json', replayable: true };
  }
  if (body instanceof ReadableStream) return { body, contentType: contentType ?? 'application/octet-stream', replayable: false };
  let json: string | undefined;
  try {
    json = JSON.stringify(body);
  } catch (cause) {
    throw new InvalidInputError(`cannot be sent as JSON: ${cause instanceof Error ? cause.message : String(cause)}`, { path: 'body', cause });
  }
  if (json === undefined) throw new InvalidInputError('cannot be sent as JSON', { path: 'body' });
  return { body: json, contentType: contentType ?? 'application/json', replayable: true };
}
