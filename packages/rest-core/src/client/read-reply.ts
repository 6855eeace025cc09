import type { RequestDescription } from '../errors/cumulocity-error.js';
import { ResponseFormatError } from '../errors/response-format-error.js';
import type { ResponseType } from './options.js';

const excerptLength = 200;

/**
 * Turns a successful reply into what the caller asked for. JSON replies are checked: an empty
 * body (201/204 without content) gives `undefined`; HTML, other non-JSON or truncated JSON is a
 * `ResponseFormatError`, never a crash further down.
 */
export async function readReply(response: Response, responseType: ResponseType, request: RequestDescription): Promise<unknown> {
  switch (responseType) {
    case 'response':
      return response;
    case 'stream':
      return response.body ?? new ReadableStream<Uint8Array>({ start: (controller) => controller.close() });
    case 'bytes':
      return new Uint8Array(await response.arrayBuffer());
    case 'text':
      return response.text();
    case 'json':
      return readJson(response, request);
  }
}

async function readJson(response: Response, request: RequestDescription): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  const contentType = response.headers.get('content-type') ?? '';
  const problem = (what: string) =>
    new ResponseFormatError(what, { ...request, status: response.status, contentType, excerpt: text.slice(0, excerptLength) });
  if (contentType !== '' && !/json/i.test(contentType)) {
    throw problem(`expected JSON, got ${contentType.split(';')[0]}${/html/i.test(contentType) ? ' (a proxy or login page?)' : ''}`);
  }
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw Object.assign(problem('the JSON body is malformed or truncated'), { cause });
  }
}
