import { redactedExcerpt } from '../errors/redact.js';
import { ResponseFormatError } from '../errors/response-format-error.js';
import type { ReadContext } from './attempt.js';
import { guardStream, readBodyBytes, readBodyText } from './body.js';
import type { ResponseType } from './options.js';

const excerptLength = 200;
/** Statuses whose replies cannot have a body (`new Response(body, { status })` refuses them). */
const nullBodyStatuses: ReadonlySet<number> = new Set([101, 103, 204, 205, 304]);

/**
 * Turns a successful reply into what the caller asked for. JSON replies are checked: an empty
 * body (201/204 without content) gives `undefined`; HTML, other non-JSON or truncated JSON is a
 * `ResponseFormatError`, never a crash further down. Bodies read here end with the attempt's
 * signal and stop at `context.maxBytes`; a body handed to the caller (`stream`, `response`) is
 * guarded (see `guardStream`).
 */
export async function readReply(response: Response, responseType: ResponseType, context: ReadContext): Promise<unknown> {
  switch (responseType) {
    case 'response':
      return guardedResponse(response, context);
    case 'stream':
      return guardedBody(response, context);
    case 'bytes':
      return ownBuffer(await readBodyBytes(response, limitsOf(context)));
    case 'text':
      return readBodyText(response, limitsOf(context));
    case 'json':
      return readJson(response, context);
  }
}

const limitsOf = (context: ReadContext) => ({ signal: context.signal, maxBytes: context.maxBytes, request: context.description });

/** The body for the caller, guarded against stalls, aborts and (when asked) size. */
export function guardedBody(response: Response, context: ReadContext): ReadableStream<Uint8Array> {
  if (response.body === null) return new ReadableStream<Uint8Array>({ start: (controller) => controller.close() });
  return guardStream(response.body, context.stream);
}

function guardedResponse(response: Response, context: ReadContext): Response {
  if (response.body === null || nullBodyStatuses.has(response.status)) return response;
  const guarded = new Response(guardStream(response.body, context.stream), {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
  Object.defineProperty(guarded, 'url', { value: response.url });
  return guarded;
}

/** Bytes in a buffer of their own (a chunk may be a view into a larger one; a view that fills its buffer starts at 0). */
function ownBuffer(bytes: Uint8Array): Uint8Array {
  return bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
}

async function readJson(response: Response, context: ReadContext): Promise<unknown> {
  const text = await readBodyText(response, limitsOf(context));
  if (text === '') return undefined;
  const contentType = response.headers.get('content-type') ?? '';
  const problem = (what: string) =>
    new ResponseFormatError(what, {
      ...context.description,
      status: response.status,
      contentType,
      // Redacted before it is cut, so a secret on the edge cannot leave half of itself behind.
      excerpt: redactedExcerpt(text, excerptLength),
    });
  if (contentType !== '' && !/json/i.test(contentType)) {
    throw problem(`expected JSON, got ${contentType.split(';')[0]}${/html/i.test(contentType) ? ' (a proxy or login page?)' : ''}`);
  }
  try {
    return JSON.parse(text);
  } catch {
    // No `cause`: the parser's message quotes the body, which is not ours to put into an error.
    throw problem('the JSON body is malformed or truncated');
  }
}
